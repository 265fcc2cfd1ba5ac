package integration

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestProxyResults: with --proxy-results the coordinator answers endpoints
// without a location and relays the workers' result streams itself. The Go
// ADBC client (which then fetches from the coordinator) gets the oracle's
// answers, and so does a raw do_get of each endpoint at the coordinator,
// twice.
func TestProxyResults(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 50_000, 3, 1, 10)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir(), "--workers", "2", "--proxy-results")
	addr := p.WaitReady(t)
	c := connect(t, addr)
	c.load(ds)

	for _, qc := range []queryCase{
		{name: "scan", sql: "SELECT a, b, s, d, dt, f FROM t"},
		{name: "group_by", sql: "SELECT s, count(*), sum(b) FROM t GROUP BY s"},
	} {
		t.Run(qc.name, func(t *testing.T) { checkQuery(t, c, o, qc) })
	}

	fsql := newFlightSQLClient(t, addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fsql.Execute(ctx, "SELECT a, b FROM t")
	if err != nil {
		t.Fatal(err)
	}
	for i, ep := range info.Endpoint {
		if len(ep.Location) != 0 {
			t.Errorf("endpoint %d has locations %v; --proxy-results wants none", i, ep.Location)
		}
		if ep.ExpirationTime == nil {
			t.Errorf("endpoint %d has no expiration time", i)
		}
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	got, err := drainInfo(info, addr, mem)
	if err != nil {
		t.Fatalf("do_get at the coordinator: %v", err)
	}
	mem.AssertSize(t, 0)
	if len(got.rows) != ds.totalRows() {
		t.Errorf("relayed %d rows, want %d", len(got.rows), ds.totalRows())
	}
	// A relayed result, like a worker's, can be fetched again until it
	// expires.
	again, err := drainInfo(info, addr, mem)
	if err != nil {
		t.Fatalf("second do_get at the coordinator: %v", err)
	}
	mem.AssertSize(t, 0)
	if len(again.rows) != len(got.rows) {
		t.Errorf("the second relay gave %d rows, the first %d", len(again.rows), len(got.rows))
	}
}

// taskLine is a per-task line of EXPLAIN ANALYZE.
var taskLine = regexp.MustCompile(`^\s*\| task (\d+)\.(\d+) on (\S+): rows in=(\d+) out=(\d+), bytes in=\S+ out=\S+, wall=\S+, peak=\S+, spilled=\S+(, start=\+(\S+) end=\+(\S+))?$`)

// TestExplainAnalyze runs EXPLAIN ANALYZE of an aggregate on two workers:
// the answer is EXPLAIN's text with, under each fragment's root line, the
// stage's totals and one line per task of the stage naming a worker, and
// the root stage's rows out are the query's result rows.
func TestExplainAnalyze(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 30_000, 3, 0, 0)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds)

	const query = "SELECT s, count(*) FROM t GROUP BY s"
	res := c.MustQuery("EXPLAIN ANALYZE " + query)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	want, err := o.Query(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range res.rows {
		lines = append(lines, strings.TrimSuffix(strings.TrimPrefix(r[0].text, "'"), "'"))
	}
	text := strings.Join(lines, "\n")
	if !strings.HasPrefix(lines[0], "Query ") {
		t.Errorf("first line %q is not the query summary", lines[0])
	}
	stages, tasksSeen := 0, 0
	var rootRows int64
	for i, l := range lines {
		m := stageAnnotation.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		stages++
		n, _ := strconv.Atoi(m[3])
		if i+1+n >= len(lines) {
			t.Fatalf("stage %s: its totals and %d task lines missing:\n%s", m[1], n, text)
		}
		if totals := strings.TrimSpace(lines[i+1]); !strings.HasPrefix(totals, "| stage "+m[1]+", totals of "+m[3]+" of "+m[3]+" tasks: rows in=") {
			t.Fatalf("line %q under stage %s's root is not its totals:\n%s", lines[i+1], m[1], text)
		}
		for j := 2; j <= n+1; j++ {
			tm := taskLine.FindStringSubmatch(lines[i+j])
			if tm == nil || tm[1] != m[1] {
				t.Fatalf("line %q under stage %s's root is not one of its task lines:\n%s", lines[i+j], m[1], text)
			}
			tasksSeen++
			if m[1] == "0" {
				out, _ := strconv.ParseInt(tm[5], 10, 64)
				rootRows += out
			}
		}
	}
	if stages < 2 || tasksSeen < 3 {
		t.Errorf("%d stages, %d task lines; want a shuffle with tasks on both workers:\n%s", stages, tasksSeen, text)
	}
	if rootRows != int64(len(want.rows)) {
		t.Errorf("root stage tasks sent %d rows, the query has %d:\n%s", rootRows, len(want.rows), text)
	}
}
