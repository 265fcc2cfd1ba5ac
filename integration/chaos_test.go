//go:build unix

package integration

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"
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

// TestChaosStop pauses (SIGSTOP) a worker for 3 s, shorter than the
// heartbeat timeout, while a query runs, then resumes it (SIGCONT): the
// query answers DuckDB's rows, and the worker was never dropped.
func TestChaosStop(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 30_000, 3, 1, 50)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)

	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "10s"}, nil)
	c := connect(t, cl.Addr)
	c.load(ds)
	checkQuery(t, c, o, groupByQuery)

	w, addr := cl.Workers[1], cl.WorkerAddrs[1]
	w.signal(t, syscall.SIGSTOP)
	resumed := make(chan struct{})
	go func() {
		defer close(resumed)
		time.Sleep(3 * time.Second)
		w.signal(t, syscall.SIGCONT)
	}()
	for _, name := range chaosQueries {
		t.Run("paused_"+name, func(t *testing.T) { checkQuery(t, c, o, suiteCase(t, name)) })
	}
	<-resumed
	for _, name := range chaosQueries {
		t.Run("resumed_"+name, func(t *testing.T) { checkQuery(t, c, o, suiteCase(t, name)) })
	}
	if ls := cl.Coordinator.Find(func(l LogLine) bool { return l.Msg() == "worker left: no heartbeat" && l.Str("worker") == addr }); len(ls) > 0 {
		t.Errorf("the paused worker %s was dropped: %s", addr, ls[0].Raw)
	}
}

// restartWorker starts worker i again, on the address it had, and waits
// for its registration.
func (c *Cluster) restartWorker(t *testing.T, i int) *Proc {
	t.Helper()
	old := c.Workers[i]
	w := startProc(t, old.Name+"-restarted", "worker", "--coordinator", c.Addr, "--listen", c.WorkerAddrs[i], "--data-dir", c.DataDir)
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
