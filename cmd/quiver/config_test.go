package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testFlags is a command's flag set of every type the commands use.
func testFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	fs.String("data-dir", "./quiver-data", "data directory")
	fs.Int("workers", 2, "workers")
	fs.Int64("query-memory", 1<<20, "bytes")
	fs.Float64("broadcast-rows", 1e5, "rows")
	fs.Bool("proxy-results", false, "relay")
	fs.Duration("statement-timeout", time.Hour, "timeout")
	fs.String("cluster-secret", "", "secret")
	return fs
}

func writeFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quiver.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigPrecedence(t *testing.T) {
	file := `data-dir = "/from/file"
workers = 5
broadcast-rows = 250.5
proxy-results = true
statement-timeout = "90s"
`
	for _, tc := range []struct {
		name string
		file string // "" for none
		env  bool   // name the file by $QUIVER_CONFIG instead of --config
		args []string
		want map[string]string
	}{
		{
			name: "defaults",
			want: map[string]string{"data-dir": "./quiver-data", "workers": "2", "broadcast-rows": "100000", "proxy-results": "false", "statement-timeout": "1h0m0s"},
		},
		{
			name: "the file over the defaults",
			file: file,
			want: map[string]string{"data-dir": "/from/file", "workers": "5", "broadcast-rows": "250.5", "proxy-results": "true", "statement-timeout": "1m30s", "query-memory": "1048576"},
		},
		{
			name: "flags over the file",
			file: file,
			args: []string{"--workers", "7", "--proxy-results=false", "--statement-timeout", "1s"},
			want: map[string]string{"data-dir": "/from/file", "workers": "7", "proxy-results": "false", "statement-timeout": "1s"},
		},
		{
			name: "a flag set to its default still wins",
			file: file,
			args: []string{"--data-dir", "./quiver-data"},
			want: map[string]string{"data-dir": "./quiver-data", "workers": "5"},
		},
		{
			name: "the file named by the environment",
			file: file,
			env:  true,
			args: []string{"--workers", "3"},
			want: map[string]string{"data-dir": "/from/file", "workers": "3"},
		},
		{
			name: "an integer for a float flag",
			file: "broadcast-rows = 7\n",
			want: map[string]string{"broadcast-rows": "7"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(configEnv, "")
			args := tc.args
			if tc.file != "" {
				path := writeFile(t, tc.file)
				if tc.env {
					t.Setenv(configEnv, path)
				} else {
					args = append([]string{"--config", path}, args...)
				}
			}
			fs := testFlags()
			if err := parseArgs(fs, args); err != nil {
				t.Fatal(err)
			}
			for name, want := range tc.want {
				if got := fs.Lookup(name).Value.String(); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		want string // in the error
	}{
		{"unknown key", "workers = 3\nwrokers = 4\n", `unknown key "wrokers"`},
		{"config in the file", `config = "other.toml"`, `unknown key "config"`},
		{"a table", "[serve]\nworkers = 3\n", `unknown key "serve"`},
		{"wrong type", `workers = "many"`, `key "workers"`},
		{"an array", `data-dir = ["a", "b"]`, `key "data-dir": want a string, number or boolean`},
		{"a bad duration", `statement-timeout = "soon"`, `key "statement-timeout"`},
		{"not TOML", "workers = = 3", "quiver.toml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(configEnv, "")
			err := parseArgs(testFlags(), []string{"--config", writeFile(t, tc.file)})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
	t.Run("a missing file", func(t *testing.T) {
		err := parseArgs(testFlags(), []string{"--config", filepath.Join(t.TempDir(), "none.toml")})
		if err == nil || !strings.Contains(err.Error(), "none.toml") {
			t.Errorf("error %v, want one naming the file", err)
		}
	})
}

// TestWriteConfigRoundTrip: what 'quiver config' prints, read back with
// --config, gives the same configuration; secrets are not printed.
func TestWriteConfigRoundTrip(t *testing.T) {
	t.Setenv(configEnv, "")
	fs := testFlags()
	args := []string{"--data-dir", `/data/with "quotes"`, "--workers", "4", "--broadcast-rows", "12.5",
		"--proxy-results", "--statement-timeout", "2m", "--query-memory", "-1", "--cluster-secret", "abcd"}
	if err := parseArgs(fs, args); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := writeConfig(&b, fs); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "abcd") {
		t.Errorf("the secret was printed:\n%s", b.String())
	}
	back := testFlags()
	if err := parseArgs(back, []string{"--config", writeFile(t, b.String())}); err != nil {
		t.Fatalf("%v; the printed configuration:\n%s", err, b.String())
	}
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == configFlag || secretFlags[f.Name] {
			return
		}
		if got := back.Lookup(f.Name).Value.String(); got != f.Value.String() {
			t.Errorf("%s read back as %q, was %q", f.Name, got, f.Value.String())
		}
	})
}

func TestConfigCommand(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		wantName string
		wantArgs []string
	}{
		{nil, "serve", nil},
		{[]string{"--workers", "3"}, "serve", []string{"--workers", "3"}},
		{[]string{"worker", "--config", "w.toml"}, "worker", []string{"--config", "w.toml"}},
	} {
		name, args := configCommand(tc.args)
		if name != tc.wantName || strings.Join(args, " ") != strings.Join(tc.wantArgs, " ") {
			t.Errorf("configCommand(%q) = %s %q, want %s %q", tc.args, name, args, tc.wantName, tc.wantArgs)
		}
	}
}

// TestOrphanFlags: the orphan collection settings are read from the
// configuration file under their flag names, and a grace under a second
// (file times are coarser than the clock) or a negative interval is refused.
func TestOrphanFlags(t *testing.T) {
	t.Setenv(configEnv, "")
	parse := func(args ...string) (execFlags, error) {
		fs := flag.NewFlagSet("coordinator", flag.ContinueOnError)
		fs.SetOutput(new(strings.Builder))
		var ef execFlags
		ef.register(fs)
		if err := parseArgs(fs, args); err != nil {
			return ef, err
		}
		return ef, ef.check()
	}
	ef, err := parse("--config", writeFile(t, "orphan-interval = \"30s\"\norphan-grace = \"2m\"\n"))
	if err != nil || ef.orphanInterval != 30*time.Second || ef.orphanGrace != 2*time.Minute {
		t.Errorf("from the file: interval %v, grace %v, error %v; want 30s, 2m, none", ef.orphanInterval, ef.orphanGrace, err)
	}
	if ef, err := parse(); err != nil || ef.orphanInterval != 5*time.Minute || ef.orphanGrace != 10*time.Minute {
		t.Errorf("defaults: interval %v, grace %v, error %v; want 5m, 10m, none", ef.orphanInterval, ef.orphanGrace, err)
	}
	if _, err := parse("--orphan-interval", "0"); err != nil {
		t.Errorf("--orphan-interval 0 (collect only at start): %v", err)
	}
	for _, bad := range [][]string{{"--orphan-grace", "500ms"}, {"--orphan-interval", "-1s"}} {
		if _, err := parse(bad...); err == nil || !strings.Contains(err.Error(), bad[0]) {
			t.Errorf("%v: error %v, want one naming %s", bad, err, bad[0])
		}
	}
}
