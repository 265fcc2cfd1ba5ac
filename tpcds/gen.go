package tpcds

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/quiverdb/quiver/tpch"
)

//go:embed gen.py
var genScript []byte

// Generator is the manifest's name of what made the data.
const Generator = "duckdb 1.4.4 tpcds extension (dsdgen)"

// DefaultPython is the interpreter of the venv that `make venv-tpcds`
// installs, relative to the repository root.
const DefaultPython = ".venv-tpcds/bin/python"

// PythonEnv names an interpreter to use instead of DefaultPython.
const PythonEnv = "QUIVER_TPCDS_PYTHON"

// Python is the interpreter Generate runs: $QUIVER_TPCDS_PYTHON, else
// DefaultPython.
func Python() string {
	if p := os.Getenv(PythonEnv); p != "" {
		return p
	}
	return DefaultPython
}

// GenConfig configures Generate.
type GenConfig struct {
	SF     float64
	Dir    string // created if missing; one <table>.parquet per table
	Python string // "": Python()
	// Progress, when set, is called as each table has been written.
	Progress func(table string, rows int64)
}

// Generate writes the 24 tables at cfg.SF as Parquet files in cfg.Dir,
// DuckDB's 99 query texts in <Dir>/duckdb-queries, and a manifest (package
// tpch's) beside them. A failed or cancelled generation leaves no manifest,
// so a directory without one is never taken as complete.
func Generate(ctx context.Context, cfg GenConfig) (*tpch.Manifest, error) {
	if cfg.SF <= 0 || math.IsNaN(cfg.SF) || math.IsInf(cfg.SF, 0) {
		return nil, fmt.Errorf("tpcds: scale factor %v must be positive", cfg.SF)
	}
	if cfg.Python == "" {
		cfg.Python = Python()
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, err
	}
	_ = os.Remove(filepath.Join(cfg.Dir, tpch.ManifestFile))
	start := time.Now()
	cmd := exec.CommandContext(ctx, cfg.Python, "-", strconv.FormatFloat(cfg.SF, 'g', -1, 64), cfg.Dir)
	cmd.Stdin = bytes.NewReader(genScript)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("tpcds: %s not found: install the generator's venv with `make venv-tpcds` or set $%s", cfg.Python, PythonEnv)
		}
		return nil, fmt.Errorf("tpcds: %s: %w", cfg.Python, err)
	}
	m := &tpch.Manifest{SF: cfg.SF, Generator: Generator, Created: start.UTC()}
	sc := bufio.NewScanner(out)
	last := start
	for sc.Scan() {
		name, n, ok := strings.Cut(sc.Text(), " ")
		rows, perr := strconv.ParseInt(n, 10, 64)
		if !ok || perr != nil {
			continue
		}
		path := tpch.ParquetPath(cfg.Dir, name)
		st, err := os.Stat(path)
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return nil, err
		}
		now := time.Now()
		m.Tables = append(m.Tables, tpch.TableFile{Table: name, Path: path, Rows: rows, Bytes: st.Size(), Seconds: now.Sub(last).Seconds()})
		last = now
		if cfg.Progress != nil {
			cfg.Progress(name, rows)
		}
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("tpcds: generate SF %v with %s: %w: %s", cfg.SF, cfg.Python, err, strings.TrimSpace(lastLines(stderr.String(), 5)))
	}
	if len(m.Tables) != len(TableNames) {
		return nil, fmt.Errorf("tpcds: the generator wrote %d tables, want %d", len(m.Tables), len(TableNames))
	}
	m.Seconds = time.Since(start).Seconds()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(cfg.Dir, tpch.ManifestFile), append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// ReadManifest reads dir's manifest, and checks that it was made by this
// package's generator (a TPC-H data set has one too).
func ReadManifest(dir string) (*tpch.Manifest, error) {
	m, err := tpch.ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	if m.Generator != Generator {
		return nil, fmt.Errorf("tpcds: %s holds data made by %q, not TPC-DS", dir, m.Generator)
	}
	return m, nil
}
