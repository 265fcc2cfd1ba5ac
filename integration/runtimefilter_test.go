package integration

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/tpch"
)

// TestRuntimeFilters loads TPC-H at scale factor 0.01 the way adbc_ingest
// does (unpartitioned) into `serve --workers 2 --broadcast-rows 1`, where
// joins of small sides shuffle both sides, and runs queries whose
// shuffled joins get runtime filters: their answers equal DuckDB's, and
// EXPLAIN ANALYZE shows the probe side's stage, which scans every row of
// its table, sending fewer rows through its exchange than the table
// holds. The same queries with --runtime-filters=false send every row.
func TestRuntimeFilters(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	dir := t.TempDir()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	if _, err := tpch.Generate(ctx, tpch.GenConfig{SF: 0.01, Dir: dir, Alloc: mem}); err != nil {
		t.Fatal(err)
	}
	duck, err := tpch.OpenDuckDB(ctx, dir, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()

	// A semi join of customers with the orders whose comment matches: the
	// estimate of the LIKE keeps the build side too big to broadcast, the
	// customers it keeps are a few hundred. Q4's and Q20's semi joins and
	// Q8's join get one each here too.
	semi := tpch.Query{SQL: "SELECT count(*), min(c_custkey), max(c_custkey) FROM customer " +
		"WHERE c_custkey IN (SELECT o_custkey FROM orders WHERE o_comment LIKE '%special%requests%')"}
	// The parts shipped in the first five months: more than a filter
	// lists and over the whole range of keys, so only the Bloom filter of
	// their hashes keeps the other parts from the shuffle.
	bloom := tpch.Query{SQL: "SELECT count(*), min(p_partkey), max(p_partkey) FROM part " +
		"WHERE p_partkey IN (SELECT l_partkey FROM lineitem WHERE l_shipdate < DATE '1992-06-01')"}
	queries := []struct {
		q     tpch.Query
		probe string // the table the filtered probe stage scans
	}{
		{semi, "customer"},
		{bloom, "part"},
		{tpch.QueryN(4, 0.01), ""},
		{tpch.QueryN(8, 0.01), ""},
		{tpch.QueryN(20, 0.01), ""},
	}
	tableRows := map[string]int64{"customer": 1500, "part": 2000}

	run := func(t *testing.T, filters bool) {
		p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir(), "--workers", "2",
			"--broadcast-rows", "1", "--runtime-filters="+strconv.FormatBool(filters))
		addr := p.WaitReady(t)
		c, err := tpch.Dial(addr, mem, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := tpch.Load(ctx, c, tpch.LoadConfig{Dir: dir, Plain: true, Alloc: mem}); err != nil {
			t.Fatalf("load: %v", err)
		}
		sc := connect(t, addr)
		for _, tc := range queries {
			name := "Q" + strconv.Itoa(tc.q.N)
			if tc.q.N == 0 {
				name = "semi join of " + tc.probe
			}
			if r := tpch.RunQuery(ctx, c, duck, tc.q, tpch.RunOptions{Runs: 1}); r.Status != tpch.StatusOK {
				t.Errorf("%s: %s %s%s", name, r.Status, r.Error, r.Diff)
			}
			lines := explainLines(t, sc, "EXPLAIN ANALYZE "+tc.q.SQL)
			has := slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "RuntimeFilter #") })
			if has != filters {
				t.Errorf("%s: runtime filter in the plan %v, want %v:\n%s", name, has, filters, strings.Join(lines, "\n"))
			}
			if tc.probe == "" {
				continue
			}
			out := probeRowsOut(t, lines, tc.probe)
			if filters && out >= tableRows[tc.probe] || !filters && out != tableRows[tc.probe] {
				t.Errorf("%s (filters %v): the stage scanning %s sent %d of its %d rows:\n%s", name, filters, tc.probe, out,
					tableRows[tc.probe], strings.Join(lines, "\n"))
			}
			t.Logf("%s (filters %v): the probe stage sent %d of the %d rows of %s", name, filters, out, tableRows[tc.probe], tc.probe)
		}
	}
	t.Run("on", func(t *testing.T) { run(t, true) })
	t.Run("off", func(t *testing.T) { run(t, false) })
	mem.AssertSize(t, 0)
}

var stageTotals = regexp.MustCompile(`\| stage \d+, totals of \d+ of \d+ tasks: rows in=\d+ out=(\d+)`)

// probeRowsOut is the rows sent by the stage of an EXPLAIN ANALYZE whose
// operators scan table and read no exchange: the stage whose root line is
// the nearest one above the scan that carries a stage annotation.
func probeRowsOut(t *testing.T, lines []string, table string) int64 {
	t.Helper()
	scan := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Scan: main."+table+" ") })
	if scan < 0 {
		t.Fatalf("no scan of %s in:\n%s", table, strings.Join(lines, "\n"))
	}
	for i := scan; i >= 0; i-- {
		if !strings.Contains(lines[i], "<- stage") {
			continue
		}
		for _, l := range lines[i+1:] {
			if m := stageTotals.FindStringSubmatch(l); m != nil {
				n, _ := strconv.ParseInt(m[1], 10, 64)
				return n
			}
		}
	}
	t.Fatalf("no stage totals above the scan of %s in:\n%s", table, strings.Join(lines, "\n"))
	return 0
}
