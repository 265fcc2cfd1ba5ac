//go:build unix

package integration

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
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
	name := strings.TrimSuffix(old.Name, "-restarted") + "-restarted" // not longer at every restart
	w := startProc(t, name, "worker", "--coordinator", c.Addr, "--listen", c.WorkerAddrs[i], "--data-dir", c.DataDir)
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

// TestChaosKillMidQuery kills a worker while a query runs on it: the query
// either finished first (DuckDB's answer) or fails UNAVAILABLE naming the
// worker; the worker is suspect and the next query succeeds. (A task is not
// retried mid-query: its consumers read its output as it goes.)
func TestChaosKillMidQuery(t *testing.T) {
	t.Parallel()
	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "10m"}, nil)
	c := connect(t, cl.Addr)
	const rows, files = 1_000_000, 6
	loadBig(t, c, "big", rows, files)
	// a is 0..n-1, b = 3a: x.a = y.b for y.a <= (n-1)/3, and z.a <= (n-1)/9.
	n := rows / files * files
	const join = "SELECT count(*) FROM big x JOIN big y ON x.a = y.b"
	want, want3 := fmt.Sprint((n-1)/3+1), fmt.Sprint((n-1)/9+1)

	addr := cl.WorkerAddrs[1]
	started := func(l LogLine) bool { return l.Msg() == "query started" }
	before := len(cl.Coordinator.Find(started))
	errc := make(chan error, 1)
	go func() {
		got, err := c.Query(join + " JOIN big z ON y.a = z.b")
		if err == nil && (len(got.rows) != 1 || got.rows[0][0].String() != want3) {
			err = fmt.Errorf("wrong answer %v", got.rows)
		}
		errc <- err
	}()
	deadline := time.Now().Add(readyTimeout)
	for len(cl.Coordinator.Find(started)) == before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cl.Workers[1].Kill(t)
	if err := <-errc; err != nil {
		unavailable := grpcCode(err) == codes.Unavailable || strings.Contains(err.Error(), "Unavailable")
		if !unavailable || !strings.Contains(err.Error(), addr) {
			t.Fatalf("the query that lost worker %s: %v", addr, err)
		}
		t.Logf("the query that lost worker %s failed: %v", addr, err)
	}
	got, err := c.Query(join)
	if err != nil {
		t.Fatalf("the next query: %v", err)
	}
	if len(got.rows) != 1 || got.rows[0][0].String() != want {
		t.Fatalf("the next query: %v, want %s", got.rows, want)
	}
	cl.Coordinator.WaitLine(t, fmt.Sprintf("worker suspect %s", addr), readyTimeout, func(l LogLine) bool {
		return l.Msg() == "worker suspect" && l.Str("worker") == addr
	})
}
