package integration

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/tpcds"
	"github.com/quiverdb/quiver/tpch"
)

// tpcdsKnownFailures lists the TPC-DS queries that do not pass on Quiver
// yet, as tpchKnownFailures does for TPC-H; it can only shrink.
const tpcdsKnownFailures = "testdata/tpcds_known_failures.txt"

// tpcdsQueryTimeout bounds each query: a query past it fails as a
// timeout. Q64 takes 20 to 80 s on a busy 2-core machine and is listed as
// a timeout; the others take under 10 s.
const tpcdsQueryTimeout = 40 * time.Second

// TestTPCDS generates TPC-DS at scale factor 0.01 (DuckDB's dsdgen, run by
// the Python of `make venv-tpcds`), loads it into a 2-worker `serve`, runs
// the 99 queries in MySQL dialect, and compares every answer with DuckDB
// running its own text of the query on the same Parquet files.
func TestTPCDS(t *testing.T) {
	python := tpcds.Python()
	if os.Getenv(tpcds.PythonEnv) == "" {
		python = "../" + tpcds.DefaultPython
		if _, err := os.Stat(python); err != nil {
			t.Skipf("no TPC-DS generator (%v): run `make venv-tpcds`, or set $%s", err, tpcds.PythonEnv)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	known := readKnownFailures(t, tpcdsKnownFailures, tpcds.NQueries)
	dir := t.TempDir()
	start := time.Now()
	m, err := tpcds.Generate(ctx, tpcds.GenConfig{SF: 0.01, Dir: dir, Python: python})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated SF 0.01 (%d rows) in %v", m.Rows(), time.Since(start).Round(time.Millisecond))
	tables, err := tpcds.Tables(dir)
	if err != nil {
		t.Fatal(err)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	c := loadedCluster(t, ctx, mem, dir, tables)
	duck, err := tpch.OpenDuckDBTables(ctx, dir, tables, 2, "", tpcds.MySQLNullOrder)
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	queries, err := tpcds.Queries(ctx, duck, dir)
	if err != nil {
		t.Fatal(err)
	}
	checkKnownFailures(t, ctx, c, duck, queries, known, tpcdsKnownFailures, tpch.RunOptions{Runs: 1, Timeout: tpcdsQueryTimeout}, "TPC-DS SF 0.01")
}
