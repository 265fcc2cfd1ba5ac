package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// nodeFlags are the flags every role shares.
type nodeFlags struct {
	dataDir     string
	secret      string
	maxMessage  int
	memoryLimit string
	// memoryShare is how many workers' databases share the process
	// (serve's), which split DuckDB's default memory_limit between them.
	memoryShare int
	threads     int
	security    securityFlags
}

func (n *nodeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&n.dataDir, "data-dir", "./quiver-data", "data directory (shared by every node of a cluster)")
	fs.StringVar(&n.secret, "cluster-secret", os.Getenv("QUIVER_CLUSTER_SECRET"),
		"hex cluster secret for node-to-node calls and tickets (default: $QUIVER_CLUSTER_SECRET, else <data-dir>/cluster-secret)")
	fs.IntVar(&n.maxMessage, "max-message-bytes", 256<<20, "largest gRPC message accepted or sent")
	fs.StringVar(&n.memoryLimit, "memory-limit", "", "DuckDB memory_limit of each worker, e.g. 4GB (default: DuckDB's, 80% of the memory, which serve's workers split between them)")
	fs.IntVar(&n.threads, "threads", 0, "DuckDB threads of each worker (default: one per core)")
	n.security.register(fs)
}

// absDataDir creates the data directory (0700: tables, catalog and secret
// are the cluster's alone) and returns its absolute path.
func (n *nodeFlags) absDataDir() (string, error) {
	dir, err := filepath.Abs(n.dataDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create data directory: %w", err)
	}
	return dir, nil
}

// clusterSecret is the flag's secret, or the one stored in the shared data
// directory, created on first use (so that every node on the same data
// directory agrees without configuration).
func (n *nodeFlags) clusterSecret(dataDir string) ([]byte, error) {
	if n.secret != "" {
		return hex.DecodeString(n.secret)
	}
	return keyFile(filepath.Join(dataDir, "cluster-secret"))
}

// keyFile is the 32-byte key stored in hex at path, created (0600) on first
// use.
func keyFile(path string) ([]byte, error) {
	if b, err := os.ReadFile(path); err == nil {
		return hex.DecodeString(strings.TrimSpace(string(b)))
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	// O_EXCL: of two nodes starting at once, one writes and both read its secret.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		_, err = f.WriteString(hex.EncodeToString(secret))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		return secret, nil
	}
	time.Sleep(50 * time.Millisecond)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return hex.DecodeString(strings.TrimSpace(string(b)))
}

// The configuration file: TOML whose keys are the flag names of the command
// it configures (data-dir = "/data", workers = 3). Flags given on the
// command line win over the file, the file over the flags' defaults.

// configEnv names the configuration file when --config is not given.
const configEnv = "QUIVER_CONFIG"

// configFlag is the flag every command has for its configuration file.
const configFlag = "config"

// secretFlags are printed by 'quiver config' only as a comment: the
// effective configuration is for reading, a secret is not.
var secretFlags = map[string]bool{"cluster-secret": true, "password": true, "admin-password": true}

// errConfigPrinted ends a command that 'quiver config' ran to print its
// effective configuration instead of running.
var errConfigPrinted = errors.New("configuration printed")

// printConfigTo, when set, makes parseArgs print the command's effective
// configuration there and return errConfigPrinted ('quiver config').
var printConfigTo io.Writer

// parseArgs parses a command's arguments: it adds --config to fs, parses
// args, then applies the configuration file (--config, else $QUIVER_CONFIG)
// to every flag the command line did not set.
func parseArgs(fs *flag.FlagSet, args []string) error {
	path := fs.String(configFlag, os.Getenv(configEnv), "configuration file: TOML whose keys are these flags' names (default: $"+configEnv+")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	if *path != "" {
		if err := applyConfigFile(fs, *path); err != nil {
			return err
		}
	}
	if printConfigTo != nil {
		if err := writeConfig(printConfigTo, fs); err != nil {
			return err
		}
		return errConfigPrinted
	}
	return nil
}

// applyConfigFile sets every flag of fs that the command line did not set
// and the file at path names. A key that is not a flag of fs is an error
// naming it, as is a value the flag does not accept.
func applyConfigFile(fs *flag.FlagSet, path string) error {
	var values map[string]any
	if _, err := toml.DecodeFile(path, &values); err != nil {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if key == configFlag || fs.Lookup(key) == nil {
			return fmt.Errorf("config file %s: unknown key %q (not a flag of 'quiver %s')", path, key, fs.Name())
		}
		if set[key] {
			continue
		}
		text, err := configValueText(values[key])
		if err != nil {
			return fmt.Errorf("config file %s: key %q: %w", path, key, err)
		}
		if err := fs.Set(key, text); err != nil {
			return fmt.Errorf("config file %s: key %q: %w", path, key, err)
		}
	}
	return nil
}

// configValueText is a TOML scalar as the text a flag parses.
func configValueText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(v), nil
	default:
		return "", fmt.Errorf("want a string, number or boolean, not %T", v)
	}
}

// writeConfig writes the effective value of every flag of fs (but --config)
// as TOML that --config reads back to the same configuration, each key
// after its flag's usage as a comment. Secrets are left out.
func writeConfig(w io.Writer, fs *flag.FlagSet) error {
	var err error
	fmt.Fprintf(w, "# effective configuration of 'quiver %s'\n", fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || f.Name == configFlag {
			return
		}
		fmt.Fprintf(w, "\n# %s\n", strings.ReplaceAll(f.Usage, "\n", "\n# "))
		if secretFlags[f.Name] {
			fmt.Fprintf(w, "# %s is not printed\n", f.Name)
			return
		}
		err = toml.NewEncoder(w).Encode(map[string]any{f.Name: configValue(f)})
	})
	return err
}

// configValue is a flag's value as the TOML scalar of its type: numbers and
// booleans bare, everything else (durations included) as its flag text.
func configValue(f *flag.Flag) any {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return f.Value.String()
	}
	switch v := g.Get().(type) {
	case bool, int, int64, uint, uint64, float64:
		return v
	default:
		return f.Value.String()
	}
}
