package coordinator

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/quiverdb/quiver/coordinator/physical"
)

// tpcdsPlanFailures are the TPC-DS texts that do not plan yet, with a part
// of their error: the list may only shrink.
var tpcdsPlanFailures = map[string]string{}

// TestTPCDSPlans plans each of the 99 TPC-DS queries in MySQL dialect (the
// kit's texts, tpcds/queries) against the TPC-DS schema (testdata/tpcds_schema.sql,
// DuckDB's tpcds extension's tables in MySQL types), with no data: parse,
// bind, optimize and the distributed plan, not execution; no exchange of
// the plans carries a column its consumer does not read.
func TestTPCDSPlans(t *testing.T) {
	dir := tpcdsQueryDir(t)
	ctx := context.Background()
	cat := goldenCatalog(t)
	schema, err := os.ReadFile("testdata/tpcds_schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, ddl := range strings.Split(strings.TrimSpace(string(schema)), "\n") {
		if err := execDDL(ctx, cat, ddl); err != nil {
			t.Fatalf("%s: %v", ddl, err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "q*.sql"))
	if err != nil || len(files) != 99 {
		t.Fatalf("want the 99 TPC-DS queries in %s, got %d (%v)", dir, len(files), err)
	}
	sort.Strings(files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sql")
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sql := strings.TrimSuffix(strings.TrimSpace(string(text)), ";")
		plans, err := planQueryText(ctx, cat, sql, physical.Cluster{Workers: 2})
		if err == nil {
			checkExchangeColumns(t, name, plans.Distributed)
		}
		known, listed := tpcdsPlanFailures[name]
		switch {
		case err != nil && !listed:
			t.Errorf("%s: %v", name, err)
		case err != nil && !strings.Contains(err.Error(), known):
			t.Errorf("%s fails otherwise than listed (%q): %v", name, known, err)
		case err == nil && listed:
			t.Errorf("%s plans now: remove it from tpcdsPlanFailures", name)
		}
	}
}

// tpcdsQueryDir is the kit's copy of the 99 TPC-DS texts in MySQL dialect
// (tpcds/queries: the shared reference texts with the dialect fixes its
// README lists), so that the test runs from a clean checkout.
func tpcdsQueryDir(*testing.T) string { return filepath.Join("..", "tpcds", "queries") }
