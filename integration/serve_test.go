package integration

import (
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestServe loads a few hundred thousand rows into `quiver serve --workers 2`
// through bulk ingest and INSERT, checks the query suite against DuckDB,
// shows that both embedded workers ran tasks, then restarts the server on
// the same data directory and checks the suite again.
func TestServe(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "statement query")
	compat(t, clientGoADBC, "bulk ingest: create")
	compat(t, clientGoADBC, "bulk ingest: append")
	compat(t, clientGoADBC, "DDL/DML update count")
	compat(t, clientGoADBC, "NULLs")
	ds := newDataset(t, defaultIngestRows(t), 6, 3, 100)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	dataDir := t.TempDir()
	cl := startServe(t, 2, dataDir)
	c := connect(t, cl.Addr)
	c.load(ds)

	t.Run("queries", func(t *testing.T) { runSuite(t, c, o, suite) })

	t.Run("both_workers_run_tasks", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "statement query")
		compat(t, clientGoFlightSQL, "partitioned results")
		// In one process every worker logs to the same stream; the
		// "worker" field tells them apart.
		qid, _ := checkFlightInfoQuery(t, cl, o, groupByQuery)
		lines := waitTaskLines(t, cl, qid, func(ls []LogLine) bool { return len(distinct(ls, "worker")) >= 2 })
		t.Logf("query %s: tasks on workers %v", qid, distinct(lines, "worker"))
	})

	t.Run("restart_same_answers", func(t *testing.T) {
		c.Close()
		cl.Coordinator.Stop(t)
		if !cl.Coordinator.Exited() {
			t.Fatalf("serve did not exit")
		}
		cl2 := startServe(t, 2, dataDir)
		c2 := connect(t, cl2.Addr)
		runSuite(t, c2, o, suite)
	})
}

// groupByQuery is the aggregate query whose distribution the tests inspect.
var groupByQuery = queryCase{
	name: "group_by_s",
	sql:  "SELECT s, count(*), sum(a), sum(d), min(dt) FROM t GROUP BY s",
}

// checkFlightInfoQuery runs qc with arrow-go's Flight SQL client, checks
// that the FlightInfo carries a query id and endpoints with locations,
// drains every endpoint and compares the rows with the oracle. It returns
// the query id (as the logs print it) and the endpoints' addresses.
func checkFlightInfoQuery(t *testing.T, cl *Cluster, o *oracle, qc queryCase) (string, []string) {
	t.Helper()
	fs := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.Execute(ctx, qc.sql)
	if err != nil {
		t.Fatalf("GetFlightInfo %s: %v", qc.sql, err)
	}
	if len(info.AppMetadata) == 0 {
		t.Errorf("FlightInfo.AppMetadata is empty; the contract puts the query id there")
	}
	if len(info.Endpoint) == 0 {
		t.Fatalf("FlightInfo has no endpoints")
	}
	var addrs []string
	for i, ep := range info.Endpoint {
		if len(ep.Location) == 0 {
			t.Errorf("endpoint %d has no location (the contract: grpc+tcp://<worker addr>)", i)
			continue
		}
		a, err := locationAddr(ep.Location[0].Uri)
		if err != nil {
			t.Errorf("endpoint %d: %v", i, err)
			continue
		}
		if a == cl.Addr {
			t.Errorf("endpoint %d points at the coordinator %s, not at a worker", i, a)
		}
		addrs = append(addrs, a)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	got, err := drainInfo(info, cl.Addr, mem)
	if err != nil {
		t.Fatalf("DoGet %s: %v", qc.sql, err)
	}
	want, err := o.Query(ctx, qc.sql)
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	if d := diffResults(got, want, qc.ordered); d != "" {
		t.Errorf("%s (drained from %d endpoints)\n  differs from DuckDB:\n%s", qc.sql, len(info.Endpoint), d)
	}
	return matchQueryID(cl, info), addrs
}

// matchQueryID returns the form of the FlightInfo's query id that the logs
// use: the AppMetadata bytes as text, or hex-encoded when they are binary.
func matchQueryID(cl *Cluster, info *flight.FlightInfo) string {
	raw := string(info.AppMetadata)
	h := hex.EncodeToString(info.AppMetadata)
	for _, id := range []string{raw, h} {
		for _, p := range cl.Procs() {
			if len(p.Find(func(l LogLine) bool { return l.Str("query_id") == id })) > 0 {
				return id
			}
		}
	}
	return raw
}

// waitTaskLines polls the cluster's logs until the "task finished" lines for
// queryID satisfy done, and fails after a deadline. Tasks may log after the
// client has its result, hence the wait; nothing is timed.
func waitTaskLines(t *testing.T, cl *Cluster, queryID string, done func([]LogLine) bool) []LogLine {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ls := cl.TaskLines(queryID)
		if done(ls) {
			return ls
		}
		if time.Now().After(deadline) {
			var raw []string
			for _, l := range ls {
				raw = append(raw, l.Raw)
			}
			t.Fatalf("query_id %q: the %q lines do not show the expected workers; found %d:\n%s",
				queryID, msgTaskFinished, len(ls), strings.Join(raw, "\n"))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// distinct returns the sorted distinct values of field in ls.
func distinct(ls []LogLine, field string) []string {
	seen := map[string]bool{}
	for _, l := range ls {
		if v := l.Str(field); v != "" {
			seen[v] = true
		}
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func sameSet(a, b []string) bool {
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return fmt.Sprint(x) == fmt.Sprint(y)
}
