package coordinator

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// testMembership is a membership whose dialer connects to the taskWorker
// of each address in workers (created on first dial, kept across dials:
// a restarted worker gets a new connection to the same one).
func testMembership(timeout time.Duration, workers map[string]*taskWorker) *Membership {
	dial := func(ctx context.Context, addr string) (WorkerConn, error) {
		if workers[addr] == nil {
			workers[addr] = &taskWorker{addr: addr}
		}
		return workers[addr], nil
	}
	return NewMembership(dial, timeout, zap.NewNop())
}

func addrs(ms []*Member) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Addr)
	}
	return strings.Join(out, ",")
}

func heartbeat(t *testing.T, m *Membership, addr, incarnation string) {
	t.Helper()
	if err := m.Heartbeat(context.Background(), addr, incarnation); err != nil {
		t.Fatal(err)
	}
}

// TestMembershipSuspect: a suspect leaves the live set at once and rejoins
// with its next heartbeat, on the same connection; a restart (a new
// incarnation on the same address) is a new member, which an error of the
// old one's calls does not make suspect.
func TestMembershipSuspect(t *testing.T) {
	m := testMembership(time.Hour, map[string]*taskWorker{})
	defer m.Close()
	for _, a := range []string{"w0", "w1", "w2"} {
		heartbeat(t, m, a, "1")
	}
	live := m.Live()
	if got := addrs(live); got != "w0,w1,w2" {
		t.Fatalf("live %s", got)
	}
	old := live[1]
	m.Suspect(old, qerr.ErrUnavailable.New("connection refused"))
	if got := addrs(m.Live()); got != "w0,w2" {
		t.Fatalf("live with w1 suspect: %s", got)
	}
	if w := m.Workers(); !w[1].Suspect || w[1].Live {
		t.Fatalf("w1 as listed: %+v", w[1])
	}
	heartbeat(t, m, "w1", "1")
	if got := addrs(m.Live()); got != "w0,w1,w2" {
		t.Fatalf("live after w1 heartbeat again: %s", got)
	}
	if m.Member("w1") != old {
		t.Fatal("a rejoining suspect got a new member")
	}
	heartbeat(t, m, "w1", "2") // restarted on the same address
	restarted := m.Member("w1")
	if restarted == old {
		t.Fatal("a restarted worker kept its old member")
	}
	m.Suspect(old, qerr.ErrUnavailable.New("the old process's call failed"))
	if got := addrs(m.Live()); got != "w0,w1,w2" {
		t.Fatalf("the old member's failure made the restarted one suspect: live %s", got)
	}
}

// TestMembershipTimeout: a worker silent past the timeout leaves, suspect
// or not; its next heartbeat brings it back as the member it was (its
// connection, which its running tasks use), unless it restarted.
func TestMembershipTimeout(t *testing.T) {
	m := testMembership(time.Second, map[string]*taskWorker{})
	defer m.Close()
	heartbeat(t, m, "w0", "1")
	heartbeat(t, m, "w1", "1")
	w0, w1 := m.Member("w0"), m.Member("w1")
	m.Suspect(w1, qerr.ErrUnavailable.New("gone"))
	deadline := time.Now().Add(time.Minute)
	for len(m.Workers()) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("silent workers still held: %+v", m.Workers())
		}
		m.Live()
		time.Sleep(20 * time.Millisecond)
	}
	heartbeat(t, m, "w1", "1")
	if live := m.Live(); len(live) != 1 || live[0] != w1 {
		t.Fatalf("live after w1 heartbeat: %s (the member it was: %v)", addrs(live), len(live) == 1 && live[0] == w1)
	}
	// w0 departed; it comes back restarted: a new member.
	heartbeat(t, m, "w0", "2")
	if mem := m.Member("w0"); mem == nil || mem == w0 {
		t.Fatalf("w0 restarted after it left: member %p, the old one %p", mem, w0)
	}
}

// TestLaunchRetry: a worker that refuses a task as unreachable is suspect,
// the query's tasks are placed again on the workers left as attempt 2, and
// the principal's running query is held once across the attempts; with no
// worker left the launch fails UNAVAILABLE naming the workers lost.
func TestLaunchRetry(t *testing.T) {
	workers := map[string]*taskWorker{}
	m := testMembership(time.Hour, workers)
	c := New(Config{QueryTimeout: time.Minute, ResultTTL: time.Minute, MaxQueriesPerUser: 1}, nil, m, stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	defer c.Close()
	for _, a := range []string{"w0", "w1", "w2"} {
		heartbeat(t, m, a, "1")
	}
	workers["w1"].refuse = qerr.ErrUnavailable.New("connection refused")
	ctx := withUser(withStatement(context.Background(), NewSession("ann", false), "SELECT x"), "ann")

	q, err := c.launch(ctx, gatherPlan(3), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range q.current().tasks {
		if task.worker.Addr == "w1" || task.attempt != 2 {
			t.Errorf("task %s on %s at attempt %d", task.id, task.worker.Addr, task.attempt)
		}
	}
	if got := addrs(m.Live()); got != "w0,w2" {
		t.Fatalf("live after w1 refused: %s", got)
	}
	if _, err := c.launch(ctx, gatherPlan(1), nil, m.Live(), nil); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Fatalf("a second query of ann while the first runs: %v", err)
	}
	for _, task := range q.current().tasks {
		task.worker.Conn.(*taskWorker).end(task.id, 1, nil)
	}
	if _, err := waitDone(t, q); err != nil {
		t.Fatal(err)
	}

	// Every worker refuses: each is lost in turn, and the user's running
	// query is given back.
	heartbeat(t, m, "w1", "1")
	for _, w := range workers {
		w.refuse = qerr.ErrUnavailable.New("connection refused")
	}
	_, err = c.launch(ctx, gatherPlan(3), nil, m.Live(), nil)
	if !qerr.Has(err, qerr.ErrUnavailable) || !strings.Contains(err.Error(), "w0, w1, w2") {
		t.Fatalf("launch on refusing workers: %v", err)
	}
	if len(m.Live()) != 0 {
		t.Fatalf("live after all refused: %s", addrs(m.Live()))
	}
	for _, a := range []string{"w0", "w1", "w2"} {
		heartbeat(t, m, a, "1")
		workers[a].refuse = nil
	}
	// A task refused for another reason is no worker's loss.
	workers["w0"].refuse = qerr.ErrInvalid.New("bad plan")
	if _, err := c.launch(ctx, gatherPlan(3), nil, m.Live(), nil); !qerr.Has(err, qerr.ErrInvalid) {
		t.Fatalf("launch refused as invalid: %v", err)
	}
	if got := addrs(m.Live()); got != "w0,w1,w2" {
		t.Fatalf("live after an invalid refusal: %s", got)
	}
}

// retryCluster is a coordinator over workers w0..w(n-1) that heartbeat.
func retryCluster(t *testing.T, n int, timeout time.Duration) (*Coordinator, *Membership, map[string]*taskWorker) {
	t.Helper()
	workers := map[string]*taskWorker{}
	m := testMembership(timeout, workers)
	c := New(Config{QueryTimeout: time.Minute, ResultTTL: time.Minute}, nil, m, stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	t.Cleanup(c.Close)
	for i := range n {
		heartbeat(t, m, fmt.Sprintf("w%d", i), "1")
	}
	return c, m, workers
}

// waitAttempt waits until q runs attempt n, and returns it.
func waitAttempt(t *testing.T, q *query, n int) *attempt {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if a := q.current(); a.n == n {
			q.mu.Lock()
			started := true
			for _, tk := range a.tasks {
				started = started && tk.run != nil
			}
			q.mu.Unlock()
			if started {
				return a
			}
		}
	}
	t.Fatalf("query %s did not start attempt %d", q.id, n)
	return nil
}

// endAll finishes every task of a.
func endAll(a *attempt) {
	for _, tk := range a.tasks {
		tk.worker.Conn.(*taskWorker).end(tk.id, 1, nil)
	}
}

// TestTaskRetry: a running task whose worker can no longer be reached
// makes the worker suspect and the query run again as attempt 2 on the
// workers left, its tasks on live workers staying where they were (the
// result task's endpoint with them); attempt 1 is cancelled, as an
// attempt, on its workers; the query then finishes with attempt 2's
// statistics, under the same ID.
func TestTaskRetry(t *testing.T) {
	c, m, workers := retryCluster(t, 3, time.Hour)
	q, err := c.launch(context.Background(), gatherPlan(3), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a1 := q.current()
	if w := a1.tasks[task(1, 1)].worker.Addr; w != "w1" {
		t.Fatalf("task 1.1 on %s", w)
	}
	workers["w0"].end(task(1, 0), 5, nil)
	workers["w1"].end(task(1, 1), 0, &LostError{Addr: "w1", Err: qerr.ErrUnavailable.New("error reading from server: EOF")})
	a2 := waitAttempt(t, q, 2)
	if got := addrs(m.Live()); got != "w0,w2" {
		t.Fatalf("live after w1 was lost: %s", got)
	}
	for id, tk := range a2.tasks {
		if want := a1.tasks[id].worker.Addr; want != "w1" && tk.worker.Addr != want {
			t.Errorf("task %s moved from %s to %s", id, want, tk.worker.Addr)
		}
		if tk.worker.Addr == "w1" || tk.attempt != 2 {
			t.Errorf("task %s on %s at attempt %d", id, tk.worker.Addr, tk.attempt)
		}
	}
	if ep := q.endpoint(task(0, 0), q.expiry()); ep.Addr != a1.tasks[task(0, 0)].worker.Addr {
		t.Errorf("the result moved to %s", ep.Addr)
	}
	endAll(a2)
	stats, err := waitDone(t, q)
	if err != nil {
		t.Fatalf("the retried query: %v", err)
	}
	if state, _ := q.outcome(); state != QueryFinished || len(stats) != 4 {
		t.Fatalf("outcome %s with %d task stats", state, len(stats))
	}
	for _, a := range []string{"w0", "w1", "w2"} {
		if got := workers[a].attemptsCancelled(); len(got) != 1 || got[0] != 1 {
			t.Errorf("%s: attempt cancels %v, want attempt 1's", a, got)
		}
	}
	for _, ti := range q.taskInfos() {
		if ti.Attempt != 2 || ti.State != TaskFinished {
			t.Errorf("task %s: attempt %d %s", ti.ID, ti.Attempt, ti.State)
		}
	}
}

// TestTaskRetryRelayed: a consumer that lost its producer's worker says
// which (the LostError it relays): that worker is suspect, not the
// consumer's, and the query runs again without it.
func TestTaskRetryRelayed(t *testing.T) {
	c, m, workers := retryCluster(t, 2, time.Hour)
	q, err := c.launch(context.Background(), gatherPlan(2), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	relayed := &LostError{Addr: "w1", Err: qerr.ErrUnavailable.New("exchange 1 from task 1.1 at w1: EOF")}
	workers["w0"].end(task(0, 0), 0, relayed)
	a2 := waitAttempt(t, q, 2)
	if got := addrs(m.Live()); got != "w0" {
		t.Fatalf("live after the relayed loss: %s", got)
	}
	endAll(a2)
	if _, err := waitDone(t, q); err != nil {
		t.Fatalf("the retried query: %v", err)
	}
}

// TestTaskRetryLeftLive: a worker that leaves the live set while it runs
// a task (silent past the heartbeat timeout: paused) makes the query run
// again elsewhere, though its task never failed.
func TestTaskRetryLeftLive(t *testing.T) {
	c, m, workers := retryCluster(t, 2, 200*time.Millisecond)
	stop := make(chan struct{})
	defer close(stop)
	go func() { // w0 heartbeats, w1 is paused
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				_ = m.Heartbeat(context.Background(), "w0", "1")
			}
		}
	}()
	q, err := c.launch(context.Background(), gatherPlan(2), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a2 := waitAttempt(t, q, 2)
	for id, tk := range a2.tasks {
		if tk.worker.Addr != "w0" {
			t.Errorf("task %s on %s", id, tk.worker.Addr)
		}
	}
	endAll(a2)
	if _, err := waitDone(t, q); err != nil {
		t.Fatalf("the retried query: %v", err)
	}
	if got := workers["w1"].attemptsCancelled(); len(got) != 1 || got[0] != 1 {
		t.Errorf("w1: attempt cancels %v, want attempt 1's", got)
	}
}

// TestTaskRetryLimits: a failure no retry mends fails the query at once;
// a worker lost at every attempt fails it UNAVAILABLE after maxAttempts,
// naming the lost worker; so does losing the last worker.
func TestTaskRetryLimits(t *testing.T) {
	c, m, workers := retryCluster(t, 3, time.Hour)
	q, err := c.launch(context.Background(), gatherPlan(3), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	workers["w2"].end(task(1, 2), 0, qerr.ErrInvalid.New("division by zero"))
	if _, err := waitDone(t, q); !qerr.Has(err, qerr.ErrInvalid) || q.current().n != 1 {
		t.Fatalf("a plain failure: %v at attempt %d", err, q.current().n)
	}

	q, err = c.launch(context.Background(), gatherPlan(3), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= maxAttempts; n++ {
		a := waitAttempt(t, q, n)
		tk := a.tasks[task(0, 0)]
		tk.worker.Conn.(*taskWorker).end(tk.id, 0, &LostError{Addr: tk.worker.Addr, Err: qerr.ErrUnavailable.New("EOF")})
	}
	_, err = waitDone(t, q)
	if !qerr.Has(err, qerr.ErrUnavailable) {
		t.Fatalf("lost at every attempt: %v", err)
	}
	if !strings.Contains(err.Error(), "task 0.0 on worker") {
		t.Errorf("the failure does not name the lost worker: %v", err)
	}
	if len(m.Live()) != 0 {
		t.Errorf("live: %s", addrs(m.Live()))
	}
}
