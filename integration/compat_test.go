package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/mod/modfile"
)

// Clients of the compatibility report (docs/compatibility.md) that the Go
// tests drive.
const (
	clientGoADBC      = "go-adbc"      // the ADBC Flight SQL driver
	clientGoFlightSQL = "go-flightsql" // arrow-go's flightsql and flight clients
)

// compatModules are the modules whose versions name the clients.
var compatModules = map[string]string{
	clientGoADBC:      "github.com/apache/arrow-adbc/go/adbc",
	clientGoFlightSQL: "github.com/apache/arrow-go/v18",
}

// compatRecord is one line of a compatibility results file; the Python and
// JDBC suites write the same fields (integration/compatreport reads them).
type compatRecord struct {
	Client  string `json:"client"`
	Version string `json:"version"`
	Feature string `json:"feature"`
	Test    string `json:"test"`
	Result  string `json:"result"` // pass, fail or unsupported
	Message string `json:"message"`
}

var (
	compatMu           sync.Mutex
	compatVersionsOnce sync.Once
	compatVersions     map[string]string // module path to version, from go.mod
)

// compat records, when t ends, its outcome under feature for client in
// $QUIVER_COMPAT_DIR/go.jsonl (default build/compat at the module root):
// pass, fail, or unsupported when t skipped (a test skips when the server
// says it lacks the feature). Subtests count: a failed subtest fails t.
func compat(t *testing.T, client, feature string) {
	t.Helper()
	t.Cleanup(func() {
		rec := compatRecord{Client: client, Version: moduleVersion(compatModules[client]), Feature: feature, Test: t.Name(), Result: "pass"}
		switch {
		case t.Failed():
			rec.Result = "fail"
		case t.Skipped():
			rec.Result = "unsupported"
		}
		if err := appendCompat(rec); err != nil {
			t.Errorf("compatibility record: %v", err)
		}
	})
}

func appendCompat(rec compatRecord) error {
	dir := os.Getenv("QUIVER_COMPAT_DIR")
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "build", "compat")
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	compatMu.Lock()
	defer compatMu.Unlock()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, "go.jsonl"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// moduleVersion is the version of module that go.mod requires ("" when
// unknown). Test binaries carry no dependency list in their build info.
func moduleVersion(module string) string {
	compatVersionsOnce.Do(func() {
		compatVersions = map[string]string{}
		root, err := moduleRoot()
		if err != nil {
			return
		}
		data, err := os.ReadFile(filepath.Join(root, "go.mod"))
		if err != nil {
			return
		}
		f, err := modfile.ParseLax("go.mod", data, nil)
		if err != nil {
			return
		}
		for _, r := range f.Require {
			compatVersions[r.Mod.Path] = r.Mod.Version
		}
	})
	return compatVersions[module]
}
