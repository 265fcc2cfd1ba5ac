package integration

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestCluster runs one `quiver coordinator` and two `quiver worker`
// processes, loads the same rows as TestServe and shows that the work is
// distributed: the endpoints of a result point at workers, both workers log
// tasks for an aggregate query, and a plain SELECT over a multi-file table
// comes back as one endpoint per worker.
func TestCluster(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, defaultIngestRows(t), 6, 3, 100)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	cl := startCluster(t, 2)
	if cl.WorkerAddrs[0] == cl.WorkerAddrs[1] {
		t.Fatalf("both workers registered with address %s", cl.WorkerAddrs[0])
	}
	c := connect(t, cl.Addr)
	c.load(ds)

	t.Run("aggregate_on_both_workers", func(t *testing.T) {
		qid, addrs := checkFlightInfoQuery(t, cl, o, groupByQuery)
		for i, a := range addrs {
			if !slices.Contains(cl.WorkerAddrs, a) {
				t.Errorf("endpoint %d location %s is not a worker address (workers %v, coordinator %s)", i, a, cl.WorkerAddrs, cl.Addr)
			}
		}
		// Each worker process must log a finished task for this query,
		// naming itself in the "worker" field.
		deadline := time.Now().Add(60 * time.Second)
		for i, w := range cl.Workers {
			for {
				ls := w.Find(func(l LogLine) bool { return l.Msg() == msgTaskFinished && l.Str("query_id") == qid })
				if len(ls) > 0 {
					for _, l := range ls {
						if got := l.Str("worker"); got != cl.WorkerAddrs[i] {
							t.Errorf("%s logged a task with worker=%q, want its address %q: %s", w.Name, got, cl.WorkerAddrs[i], l.Raw)
						}
					}
					break
				}
				if time.Now().After(deadline) {
					t.Errorf("%s (%s) logged no %q line for query_id %q", w.Name, cl.WorkerAddrs[i], msgTaskFinished, qid)
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
		}
	})

	t.Run("plain_select_one_endpoint_per_worker", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "partitioned results")
		qc := queryCase{name: "plain_select", sql: "SELECT a, b, s, d, dt, f FROM t"}
		_, addrs := checkFlightInfoQuery(t, cl, o, qc)
		if len(addrs) != len(cl.WorkerAddrs) || !sameSet(addrs, cl.WorkerAddrs) {
			t.Errorf("endpoints at %v, want one per worker %v", addrs, cl.WorkerAddrs)
		}
	})

	t.Run("queries", func(t *testing.T) { runSuite(t, c, o, suite) })
}

// TestWorkerLoss kills one of two worker processes (SIGKILL, no goodbye) and
// polls, with a deadline, until queries succeed again on the survivor: the
// coordinator must drop the dead worker from the live set and schedule only
// on live workers.
func TestWorkerLoss(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 30_000, 3, 1, 50)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	c.load(ds)
	checkQuery(t, c, o, groupByQuery)

	cl.Workers[1].Kill(t)
	alive, dead := cl.WorkerAddrs[0], cl.WorkerAddrs[1]
	t.Logf("killed %s (%s); %s (%s) remains", cl.Workers[1].Name, dead, cl.Workers[0].Name, alive)

	fs := newFlightSQLClient(t, cl.Addr)
	want, err := o.Query(context.Background(), groupByQuery.sql)
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	deadline := time.Now().Add(90 * time.Second)
	attempts := 0
	seen := map[string]bool{} // distinct errors while the dead worker is still scheduled
	for {
		attempts++
		err := func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			info, err := fs.Execute(ctx, groupByQuery.sql)
			if err != nil {
				return fmt.Errorf("GetFlightInfo: %w", err)
			}
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			got, err := drainInfo(info, cl.Addr, mem)
			if err != nil {
				return err
			}
			if d := diffResults(got, want, false); d != "" {
				// A wrong answer is never acceptable, dead worker or not.
				t.Fatalf("after the worker loss, %s differs from DuckDB:\n%s", groupByQuery.sql, d)
			}
			for i, ep := range info.Endpoint {
				if len(ep.Location) > 0 {
					if a, _ := locationAddr(ep.Location[0].Uri); a == dead {
						return fmt.Errorf("endpoint %d still at the dead worker %s", i, dead)
					}
				}
			}
			return nil
		}()
		if err == nil {
			break
		}
		if msg := err.Error(); !seen[msg] {
			seen[msg] = true
			t.Logf("attempt %d: %v (gRPC code %s)", attempts, err, grpcCode(err))
		}
		if time.Now().After(deadline) {
			t.Fatalf("queries did not succeed on the surviving worker within the deadline (%d attempts); last error: %v", attempts, err)
		}
		time.Sleep(time.Second)
	}
	t.Logf("first success after %d attempts", attempts)

	// From now on the dead worker is out of the live set: every query works.
	for _, name := range []string{"count_star", "sums", "group_by_s", "order_by_aggregate_alias"} {
		for _, qc := range suite {
			if qc.name == name {
				t.Run(name, func(t *testing.T) { checkQuery(t, c, o, qc) })
			}
		}
	}
	// The survivor ran a query alone.
	qid, addrs := checkFlightInfoQuery(t, cl, o, groupByQuery)
	for _, a := range addrs {
		if a != alive {
			t.Errorf("endpoint at %s, want only the surviving worker %s", a, alive)
		}
	}
	waitTaskLines(t, cl, qid, func(ls []LogLine) bool { return len(ls) > 0 })
	for _, l := range cl.TaskLines(qid) {
		if w := l.Str("worker"); w != alive {
			t.Errorf("task of query %s ran on %q, want only %s: %s", qid, w, alive, l.Raw)
		}
	}
}
