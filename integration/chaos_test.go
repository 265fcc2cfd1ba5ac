//go:build unix

package integration

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"

	"github.com/quiverdb/quiver/tpch"
)

// chaosRuns is how many kills TestChaosKill makes: $QUIVER_CHAOS_RUNS, 3 by
// default (a few runs in make test; more to measure).
func chaosRuns(t *testing.T) int {
	v := os.Getenv("QUIVER_CHAOS_RUNS")
	if v == "" {
		return 3
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("QUIVER_CHAOS_RUNS=%q: want a positive integer", v)
	}
	return n
}

// chaosQueries are what TestChaosKill asks right after each kill: a
// shuffle (GROUP BY), global aggregates and a gather.
var chaosQueries = []string{"group_by_s", "count_star", "sums", "order_by_aggregate_alias"}

func suiteCase(t *testing.T, name string) queryCase {
	t.Helper()
	if name == groupByQuery.name {
		return groupByQuery
	}
	for _, qc := range suite {
		if qc.name == name {
			return qc
		}
	}
	t.Fatalf("no query %q in the suite", name)
	return queryCase{}
}

// TestChaosKill kills (SIGKILL) one of three worker processes at a time
// and at once sends queries: each must succeed with DuckDB's answer on the
// first try, the coordinator having found the dead worker unreachable at
// launch, marked it suspect and placed the query on the others. The
// heartbeat timeout is far longer than the test waits, so that only the
// suspicion can keep queries off the dead worker. The killed worker is
// then restarted on the same address: it rejoins and runs tasks again.
func TestChaosKill(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 30_000, 3, 1, 50)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "10m"}, nil)
	c := connect(t, cl.Addr)
	c.load(ds)
	checkQuery(t, c, o, groupByQuery)

	runs := chaosRuns(t)
	for run := 0; run < runs; run++ {
		i := run % len(cl.Workers)
		addr := cl.WorkerAddrs[i]
		cl.Workers[i].Kill(t)
		t.Logf("run %d: killed %s (%s)", run+1, cl.Workers[i].Name, addr)
		for _, name := range chaosQueries {
			t.Run(fmt.Sprintf("run%d_after_kill_%s", run+1, name), func(t *testing.T) { checkQuery(t, c, o, suiteCase(t, name)) })
		}
		cl.Coordinator.WaitLine(t, fmt.Sprintf("worker suspect %s", addr), readyTimeout, func(l LogLine) bool {
			return l.Msg() == "worker suspect" && l.Str("worker") == addr
		})

		w := cl.restartWorker(t, i)
		// The restarted worker rejoins: queries use it again.
		deadline := time.Now().Add(readyTimeout)
		for len(w.Find(func(l LogLine) bool { return l.Msg() == msgTaskFinished })) == 0 {
			if time.Now().After(deadline) {
				t.Fatalf("run %d: the restarted worker %s ran no task", run+1, addr)
			}
			checkQuery(t, c, o, groupByQuery)
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("run %d: %s restarted on %s and runs tasks again", run+1, w.Name, addr)
	}
}

// TestChaosKillAll kills (SIGKILL) every worker while a query runs:
// that query, and the next one, fail UNAVAILABLE within 15 s (never a
// hang); SELECT 1, SHOW TABLES, information_schema, system.workers and
// EXPLAIN still answer from the coordinator; once the workers are restarted on their addresses,
// queries answer DuckDB's rows again.
func TestChaosKillAll(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 30_000, 3, 1, 50)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	cl := startClusterArgs(t, 3, nil, nil)
	c := connect(t, cl.Addr)
	c.load(ds)
	checkQuery(t, c, o, groupByQuery)

	// within runs query and gives its error, or fails the test when none
	// came within 15 s (the bound: a lost cluster must not hang).
	within := func(what, query string) error {
		t.Helper()
		errc := make(chan error, 1)
		go func() {
			_, err := c.Query(query)
			errc <- err
		}()
		select {
		case err := <-errc:
			return err
		case <-time.After(15 * time.Second):
			t.Fatalf("%s: no answer within 15 s", what)
			return nil
		}
	}
	errc := make(chan error, 1)
	go func() {
		_, err := c.Query(groupByQuery.sql)
		errc <- err
	}()
	for _, w := range cl.Workers {
		w.Kill(t)
	}
	select {
	case err := <-errc:
		if err != nil && grpcCode(err) != codes.Unavailable {
			t.Errorf("the query running while every worker was killed: %v (code %s), want UNAVAILABLE or its answer", err, grpcCode(err))
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the query running while every worker was killed: no answer within 15 s")
	}
	if err := within("a query after every worker was killed", groupByQuery.sql); grpcCode(err) != codes.Unavailable {
		t.Errorf("a query after every worker was killed: %v (code %s), want UNAVAILABLE", err, grpcCode(err))
	}
	for _, q := range []string{"SELECT 1", "SHOW TABLES", "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
		"SELECT address, state FROM system.workers", "EXPLAIN " + groupByQuery.sql} {
		if err := within(q+" without workers", q); err != nil {
			t.Errorf("%s without workers: %v (code %s)", q, err, grpcCode(err))
		}
	}

	for i := range cl.Workers {
		cl.restartWorker(t, i)
	}
	for _, name := range chaosQueries {
		checkQuery(t, c, o, suiteCase(t, name))
	}
}

// TestChaosStop pauses (SIGSTOP) a worker for 3 s while queries run, then
// resumes it (SIGCONT): every query answers DuckDB's rows. With a heartbeat
// timeout longer than the pause the worker is never dropped; with a shorter
// one it leaves, the queries waiting on it still finish once it resumes,
// and it rejoins.
func TestChaosStop(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		timeout string
		leaves  bool
	}{{"10s", false}, {"1500ms", true}} {
		t.Run("heartbeat_timeout_"+tc.timeout, func(t *testing.T) {
			t.Parallel()
			ds := newDataset(t, 30_000, 3, 1, 50)
			t.Cleanup(func() { ds.Release(t) })
			o := newOracle(t, ds)

			cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", tc.timeout}, nil)
			c := connect(t, cl.Addr)
			c.load(ds)
			checkQuery(t, c, o, groupByQuery)

			w, addr := cl.Workers[1], cl.WorkerAddrs[1]
			isWorker := func(msg string) func(LogLine) bool {
				return func(l LogLine) bool { return l.Msg() == msg && l.Str("worker") == addr }
			}
			readyz := "http://" + cl.Coordinator.HTTPAddr(t) + "/readyz"
			w.signal(t, syscall.SIGSTOP)
			resumed := make(chan struct{})
			go func() {
				defer close(resumed)
				// /readyz looks at the live set, as a plan would, while the
				// queries wait for the paused worker.
				for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
					if r, err := http.Get(readyz); err == nil {
						r.Body.Close()
					}
				}
				w.signal(t, syscall.SIGCONT)
			}()
			for _, name := range chaosQueries {
				t.Run("paused_"+name, func(t *testing.T) { checkQuery(t, c, o, suiteCase(t, name)) })
			}
			<-resumed
			for _, name := range chaosQueries {
				t.Run("resumed_"+name, func(t *testing.T) { checkQuery(t, c, o, suiteCase(t, name)) })
			}
			left := cl.Coordinator.Find(isWorker("worker left: no heartbeat"))
			if !tc.leaves && len(left) > 0 {
				t.Errorf("the paused worker %s was dropped: %s", addr, left[0].Raw)
			}
			if tc.leaves {
				// Whether it left depends on how the pause fell between
				// heartbeats; if it did, it comes back.
				if len(left) > 0 {
					cl.Coordinator.WaitLine(t, "worker rejoined "+addr, readyTimeout, isWorker("worker rejoined"))
				}
				t.Logf("the paused worker left the live set: %v", len(left) > 0)
			}
		})
	}
}

// restartWorker starts worker i again, on the address it had, and waits
// for its registration.
func (c *Cluster) restartWorker(t *testing.T, i int) *Proc {
	t.Helper()
	old := c.Workers[i]
	name, _, _ := strings.Cut(old.Name, "-restarted")
	w := startProc(t, name+"-restarted", "worker", "--coordinator", c.Addr, "--listen", c.WorkerAddrs[i], "--data-dir", c.DataDir)
	w.WaitLine(t, fmt.Sprintf("%q", msgWorkerJoined), readyTimeout, func(l LogLine) bool { return l.Msg() == msgWorkerJoined })
	c.Workers[i] = w
	return w
}

// signal sends sig to the process.
func (p *Proc) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Errorf("signal %v to %s: %v", sig, p.Name, err)
	}
}

// chaosSF is the TPC-H scale factor of the mid-query chaos tests:
// $QUIVER_CHAOS_SF, 0.01 by default (larger ones make the queries longer,
// so that a kill lands deeper into them).
func chaosSF(t *testing.T) float64 {
	v := os.Getenv("QUIVER_CHAOS_SF")
	if v == "" {
		return 0.01
	}
	sf, err := strconv.ParseFloat(v, 64)
	if err != nil || sf <= 0 {
		t.Fatalf("QUIVER_CHAOS_SF=%q: want a positive number", v)
	}
	return sf
}

// chaosTPCH generates TPC-H at chaosSF, loads it into cl, and returns a
// client of it (which tries an endpoint's locations in turn, as the ADBC
// driver does), Q9, Q15, Q18 and Q21 (a deep join, a view read twice through one shared stage, a semi join on an aggregate,
// EXISTS and NOT EXISTS) and DuckDB's answers to them on the same files.
func chaosTPCH(t *testing.T, ctx context.Context, cl *Cluster) (*tpch.Client, []tpch.Query, map[int]*tpch.Result) {
	t.Helper()
	sf := chaosSF(t)
	dir := t.TempDir()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	if _, err := tpch.Generate(ctx, tpch.GenConfig{SF: sf, Dir: dir, Alloc: mem}); err != nil {
		t.Fatalf("generate SF %v: %v", sf, err)
	}
	c, err := tpch.Dial(cl.Addr, mem, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.Close()
		mem.AssertSize(t, 0)
	})
	if _, err := tpch.Load(ctx, c, tpch.LoadConfig{Dir: dir, Partitions: 3, Alloc: mem}); err != nil {
		t.Fatalf("load: %v", err)
	}
	duck, err := tpch.OpenDuckDB(ctx, dir, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	var queries []tpch.Query
	want := map[int]*tpch.Result{}
	for _, n := range []int{9, 15, 18, 21} { // Q15 reads its view's stage twice (shared)
		q := tpch.QueryN(n, sf)
		res, _, err := duck.Query(ctx, q.OracleSQL())
		if err != nil {
			t.Fatalf("%s on DuckDB: %v", q.Name(), err)
		}
		queries = append(queries, q)
		want[n] = res
	}
	return c, queries, want
}

// checkTPCH runs q on c and compares the answer with want; it returns how
// long the query took and its error, if any (a wrong answer is one).
func checkTPCH(ctx context.Context, c *tpch.Client, q tpch.Query, want *tpch.Result) (time.Duration, error) {
	f, err := c.Query(ctx, q.SQL)
	if err != nil {
		return 0, err
	}
	defer f.Release()
	if diff := tpch.DiffTop(f.Result(), want, q.OrderKeys, q.Limit); diff != "" {
		return f.Elapsed, fmt.Errorf("%s: wrong answer:\n%s", q.Name(), diff)
	}
	return f.Elapsed, nil
}

// TestChaosKillMidQuery kills (SIGKILL) one of three workers, chosen at
// random, at a random moment while TPC-H Q9, Q15, Q18 or Q21 runs
// ($QUIVER_CHAOS_RUNS rounds of the four): every answer must be DuckDB's,
// the coordinator running the query again on the workers left when the
// kill cost it a task (a query that finished first is answered as it
// was), and the same query sent right after the kill must answer too.
// The killed worker is restarted before the next round. The heartbeat
// timeout is far longer than the test, so that only the lost connections
// and the suspicion drive the recovery.
func TestChaosKillMidQuery(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "10m"}, nil)
	c, queries, want := chaosTPCH(t, ctx, cl)
	// took is each query's median time of three runs without a kill;
	// killed its times when a kill made it run tasks again.
	took, killed := map[int]time.Duration{}, map[int][]time.Duration{}
	for _, q := range queries {
		var els []time.Duration
		for range 3 {
			el, err := checkTPCH(ctx, c, q, want[q.N])
			if err != nil {
				t.Fatalf("%s before any kill: %v", q.Name(), err)
			}
			els = append(els, el)
		}
		took[q.N] = median(els)
	}
	rnd := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	retried := func() int {
		return len(cl.Coordinator.Find(func(l LogLine) bool { return l.Msg() == "query retried" }))
	}
	runs := chaosRuns(t)
	var kills, recovered int
	for run := 1; run <= runs; run++ {
		for _, q := range queries {
			i := rnd.IntN(len(cl.Workers))
			delay := time.Duration(rnd.Int64N(int64(took[q.N]) + 1))
			before := retried()
			type answer struct {
				el  time.Duration
				err error
			}
			done := make(chan answer, 1)
			go func() {
				el, err := checkTPCH(ctx, c, q, want[q.N])
				done <- answer{el, err}
			}()
			time.Sleep(delay)
			cl.Workers[i].Kill(t)
			kills++
			a := <-done
			if a.err != nil {
				t.Errorf("run %d: %s with %s killed after %v: %v", run, q.Name(), cl.WorkerAddrs[i], delay, a.err)
			}
			if retried() > before {
				recovered++
				killed[q.N] = append(killed[q.N], a.el)
			}
			if _, err := checkTPCH(ctx, c, q, want[q.N]); err != nil {
				t.Errorf("run %d: %s right after the kill of %s: %v", run, q.Name(), cl.WorkerAddrs[i], err)
			}
			cl.restartWorker(t, i)
		}
	}
	t.Logf("%d kills during TPC-H Q9, Q15, Q18, Q21 (SF %v): %d queries ran tasks again after losing a worker; every answer checked against DuckDB",
		kills, chaosSF(t), recovered)
	for _, q := range queries {
		if els := killed[q.N]; len(els) > 0 {
			t.Logf("%s: %v without a kill (median of 3); with a kill that cost it tasks: median %v, max %v (%d runs)",
				q.Name(), took[q.N].Round(time.Millisecond), median(els).Round(time.Millisecond), slices.Max(els).Round(time.Millisecond), len(els))
		}
	}
}

// median is the middle of ds (the upper one of an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// TestChaosStopMidQuery pauses (SIGSTOP) a worker that runs tasks of a
// query for 10 s, longer than the heartbeat timeout, and resumes it
// after: the worker leaves the live set, the coordinator runs again on
// the other two the tasks the paused worker held and those that read
// them, not the others, and the answer is DuckDB's. The worker paused
// holds no result endpoint (a client waiting at a paused worker waits for
// it), so the answer comes without it.
func TestChaosStopMidQuery(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "2s"}, nil)
	c, queries, want := chaosTPCH(t, ctx, cl)
	q := queries[0]
	info, err := c.SQL.Execute(ctx, q.SQL)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]bool{}
	for _, ep := range info.Endpoint {
		if addr, err := locationAddr(ep.Location[0].Uri); err == nil {
			results[addr] = true
		}
	}
	i := slices.IndexFunc(cl.WorkerAddrs, func(a string) bool { return !results[a] })
	w, addr := cl.Workers[i], cl.WorkerAddrs[i]
	w.signal(t, syscall.SIGSTOP)
	resumed := make(chan struct{})
	go func() {
		defer close(resumed)
		time.Sleep(10 * time.Second)
		w.signal(t, syscall.SIGCONT)
	}()
	f, err := c.FetchAll(ctx, info)
	if err != nil {
		t.Fatalf("%s with %s paused: %v", q.Name(), addr, err)
	}
	diff := tpch.DiffTop(f.Result(), want[q.N], q.OrderKeys, q.Limit)
	f.Release()
	if diff != "" {
		t.Fatalf("%s with %s paused: wrong answer:\n%s", q.Name(), addr, diff)
	}
	l := cl.Coordinator.WaitLine(t, "query retried", readyTimeout, func(l LogLine) bool {
		return l.Msg() == "query retried" && l.Str("query_id") == string(info.AppMetadata)
	})
	// Only what the pause cost ran again: the paused worker's tasks and
	// those that read them; the others' retained output was read again.
	rerun, _ := strconv.Atoi(l.Str("tasks"))
	of, _ := strconv.Atoi(l.Str("of"))
	if rerun == 0 || rerun >= of || l.Str("whole") != "false" {
		t.Errorf("the retry ran %d of %d tasks again (whole: %s), want some but not all", rerun, of, l.Str("whole"))
	}
	<-resumed
	cl.Coordinator.WaitLine(t, "worker rejoined "+addr, readyTimeout, func(l LogLine) bool {
		return l.Msg() == "worker rejoined" && l.Str("worker") == addr
	})
	// The cancel of the given-up attempt timed out while the worker was
	// paused; its heartbeat brings it the cancel again, which frees the
	// retained output of its finished tasks of that attempt instead of
	// leaving it to the query's deadline.
	cl.Coordinator.WaitLine(t, "owed cancel sent to "+addr, readyTimeout, func(l LogLine) bool {
		return l.Msg() == "owed cancel sent" && l.Str("worker") == addr && strings.Contains(l.Str("cancel"), string(info.AppMetadata))
	})
	w.WaitLine(t, "given-up attempt cancelled", readyTimeout, func(l LogLine) bool {
		return l.Msg() == "tasks cancelled" && l.Str("query_id") == string(info.AppMetadata) && strings.Contains(l.Str("error"), "given up")
	})
	for _, q := range queries {
		if _, err := checkTPCH(ctx, c, q, want[q.N]); err != nil {
			t.Errorf("%s after %s resumed: %v", q.Name(), addr, err)
		}
	}
}
