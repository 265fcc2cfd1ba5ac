package coordinator

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
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

// endAll finishes every task of a that runs (one kept from an earlier
// attempt may have finished there).
func endAll(t *testing.T, q *query, a *attempt) {
	t.Helper()
	// Stage by stage, producers first, each recorded before its consumers
	// end: a consumer's end releases only the outputs that finished.
	byFragment := map[stage.FragmentID][]*queryTask{}
	var order []stage.FragmentID
	for _, tk := range a.tasks {
		if byFragment[tk.id.Fragment] == nil {
			order = append(order, tk.id.Fragment)
		}
		byFragment[tk.id.Fragment] = append(byFragment[tk.id.Fragment], tk)
	}
	slices.Sort(order)
	for _, f := range slices.Backward(order) {
		var ended []*queryTask
		for _, tk := range byFragment[f] {
			if w := tk.worker.Conn.(*taskWorker); w.running(tk.id) {
				w.end(tk.id, 1, nil)
				ended = append(ended, tk)
			}
		}
		for _, tk := range ended {
			waitEnded(t, q, tk)
		}
	}
}

// waitEnded waits until q has recorded that tk ended, as waitAttempt waits.
func waitEnded(t *testing.T, q *query, tk *queryTask) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		q.mu.Lock()
		st := tk.state
		q.mu.Unlock()
		if st != TaskRunning && st != TaskPlanned {
			return
		}
	}
	t.Fatalf("query %s: task %s did not end", q.id, tk.id)
}

// TestTaskRetry: a running task whose worker can no longer be reached
// makes the worker suspect and the query run again as attempt 2 on the
// workers left, but only what the loss cost: the lost task, on a live
// worker, and the result task that read it, on its worker (its endpoint
// stays); the producer that finished with its output retained and the one
// still running keep their attempt 1 and are not cancelled. The runs
// given up are cancelled as tasks, never as a whole attempt; the query
// finishes with every task's statistics under the same ID, and the
// producers' retained outputs are released once the result task finished.
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
	result := a1.tasks[task(0, 0)].worker
	if result.Addr == "w1" {
		t.Fatalf("the result task is on the worker this test loses")
	}
	workers["w0"].end(task(1, 0), 5, nil)
	workers["w1"].end(task(1, 1), 0, &LostError{Addr: "w1", Err: qerr.ErrUnavailable.New("error reading from server: EOF")})
	a2 := waitAttempt(t, q, 2)
	if got := addrs(m.Live()); got != "w0,w2" {
		t.Fatalf("live after w1 was lost: %s", got)
	}
	for id, tk := range a2.tasks {
		rerun := id == task(1, 1) || id == task(0, 0)
		switch {
		case tk.worker.Addr == "w1":
			t.Errorf("task %s on the lost worker", id)
		case rerun && tk.attempt != 2:
			t.Errorf("task %s at attempt %d, want 2", id, tk.attempt)
		case !rerun && tk != a1.tasks[id]:
			t.Errorf("task %s run again (attempt %d), want kept", id, tk.attempt)
		}
	}
	if ep := q.endpoint(task(0, 0), q.expiry()); ep.Addr != result.Addr {
		t.Errorf("the result moved to %s", ep.Addr)
	}
	if !workers["w2"].running(task(1, 2)) {
		t.Errorf("the running producer 1.2 was stopped")
	}
	endAll(t, q, a2)
	stats, err := waitDone(t, q)
	if err != nil {
		t.Fatalf("the retried query: %v", err)
	}
	if state, _ := q.outcome(); state != QueryFinished || len(stats) != 4 {
		t.Fatalf("outcome %s with %d task stats", state, len(stats))
	}
	for _, a := range []string{"w0", "w1", "w2"} {
		if got := workers[a].attemptsCancelled(); len(got) != 0 {
			t.Errorf("%s: attempt cancels %v, want none", a, got)
		}
	}
	cancelled := func(w string, id stage.TaskID, n int) bool {
		return slices.Contains(workers[w].tasksCancelled(), stage.TaskAttempt{Task: id, Attempt: n})
	}
	if !cancelled("w1", task(1, 1), 1) || !cancelled(result.Addr, task(0, 0), 1) {
		t.Errorf("the runs given up were not cancelled: w1 %v, %s %v", workers["w1"].tasksCancelled(), result.Addr, workers[result.Addr].tasksCancelled())
	}
	// Released once the result task finished: the producers' outputs.
	if !cancelled("w0", task(1, 0), 1) || !cancelled("w2", task(1, 2), 1) || !cancelled(a2.tasks[task(1, 1)].worker.Addr, task(1, 1), 2) {
		t.Errorf("retained outputs not released: w0 %v, w2 %v", workers["w0"].tasksCancelled(), workers["w2"].tasksCancelled())
	}
	for _, ti := range q.taskInfos() {
		want := 1
		if ti.ID == task(1, 1) || ti.ID == task(0, 0) {
			want = 2
		}
		if ti.Attempt != want || ti.State != TaskFinished {
			t.Errorf("task %s: attempt %d %s, want attempt %d finished", ti.ID, ti.Attempt, ti.State, want)
		}
	}
}

// TestTaskRetryLostOutput: a worker lost after its task finished takes
// the task's retained output with it: the producer runs again, and so
// does the running consumer that read (or would read) it, though its own
// worker is live; the producer whose output is retained on a live worker
// does not. Output that a task run again finds gone (not retained after
// all) makes the attempt after run every task again.
func TestTaskRetryLostOutput(t *testing.T) {
	c, m, workers := retryCluster(t, 3, time.Hour)
	q, err := c.launch(context.Background(), gatherPlan(3), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a1 := q.current()
	result := a1.tasks[task(0, 0)].worker.Addr
	lost := a1.tasks[task(1, 2)].worker.Addr
	if result == lost {
		t.Fatalf("the result task is on the worker this test loses")
	}
	workers[a1.tasks[task(1, 0)].worker.Addr].end(task(1, 0), 5, nil)
	workers[lost].end(task(1, 2), 5, nil)
	// The result task's LostError is what makes the lost worker suspect
	// (waitTask). Suspecting it here first would let the retry start
	// attempt 2 before the result task's end, which would then end
	// attempt 2's run of it instead.
	workers[result].end(task(0, 0), 0, &LostError{Addr: lost, Err: qerr.ErrUnavailable.New("exchange 1 from task 1.2 at %s: EOF", lost)})
	a2 := waitAttempt(t, q, 2)
	for id, tk := range a2.tasks {
		rerun := id == task(1, 2) || id == task(0, 0)
		if rerun != (tk.attempt == 2) || tk.worker.Addr == lost {
			t.Errorf("task %s on %s at attempt %d (run again: %v)", id, tk.worker.Addr, tk.attempt, rerun)
		}
	}
	// The output of 1.0 turns out gone: the next attempt runs everything.
	workers[result].end(task(0, 0), 0, qerr.ErrNotFound.New("no buffer 1.0/0 of query %s", q.id))
	a3 := waitAttempt(t, q, 3)
	for id, tk := range a3.tasks {
		if tk.attempt != 3 {
			t.Errorf("task %s at attempt %d after its output was gone, want 3", id, tk.attempt)
		}
	}
	endAll(t, q, a3)
	if _, err := waitDone(t, q); err != nil {
		t.Fatalf("the retried query: %v", err)
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
	endAll(t, q, a2)
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
	a1 := q.current()
	a2 := waitAttempt(t, q, 2)
	for id, tk := range a2.tasks {
		if tk.worker.Addr != "w0" {
			t.Errorf("task %s on %s", id, tk.worker.Addr)
		}
	}
	endAll(t, q, a2)
	if _, err := waitDone(t, q); err != nil {
		t.Fatalf("the retried query: %v", err)
	}
	// What ran on w1 is given up as tasks (w1's cancels wait for it to
	// resume); the attempt is not cancelled as a whole.
	got := workers["w1"].tasksCancelled()
	for id, tk := range a1.tasks {
		if tk.worker.Addr == "w1" && !slices.Contains(got, stage.TaskAttempt{Task: id, Attempt: 1}) {
			t.Errorf("w1: task cancels %v, want %s#1 among them", got, id)
		}
	}
	if got := workers["w1"].attemptsCancelled(); len(got) != 0 {
		t.Errorf("w1: attempt cancels %v, want none", got)
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

// TestRerunLocked: what a retry runs again after a worker is lost, on a
// plan where the result task 0.0 reads 1.0 and 2.0, and 1.0 reads 3.0.
// The lost worker ran 2.0 (running) and 3.0 (finished): 3.0 runs again,
// its output gone with it, and so does 1.0, running on a live worker
// (it read, or would read, that output); 2.0 and the result task too.
// A producer whose output was released (its consumer finished) is not
// run again for it; nor is one whose output is retained on a live
// worker, unless it outgrew its retention.
func TestRerunLocked(t *testing.T) {
	c, m, _ := retryCluster(t, 2, time.Hour)
	v := &stage.Values{Names: []string{"x"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	d := &stage.DistributedPlan{Fragments: []*stage.Fragment{
		{ID: 0, Root: v, Tasks: 1, Output: stage.FragmentOutput{Consumer: -1}, Inputs: []stage.FragmentID{1, 2}},
		{ID: 1, Root: v, Tasks: 1, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 0}, Inputs: []stage.FragmentID{3}},
		{ID: 2, Root: v, Tasks: 1, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 0}},
		{ID: 3, Root: v, Tasks: 1, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 1}},
	}}
	live := m.Live()
	w0, w1 := live[0], live[1]
	q := c.newQuery(context.Background(), d, func() {})
	a := q.newAttempt(1, Placement{task(0, 0): w0, task(1, 0): w0, task(2, 0): w1, task(3, 0): w1}, nil)
	set := func(id stage.TaskID, state TaskState, retained bool) {
		a.tasks[id].state, a.tasks[id].stats.Retained = state, retained
		a.tasks[id].run = &taskRun{}
	}
	got := func() string {
		q.mu.Lock()
		defer q.mu.Unlock()
		rerun := q.rerunLocked(a, []*Member{w0})
		var ids []string
		for _, f := range d.Fragments {
			if id := task(int(f.ID), 0); rerun[id] {
				ids = append(ids, id.String())
			}
		}
		return strings.Join(ids, " ")
	}
	set(task(0, 0), TaskRunning, false)
	set(task(1, 0), TaskRunning, false)
	set(task(2, 0), TaskRunning, false)
	set(task(3, 0), TaskFinished, true)
	if g := got(); g != "0.0 1.0 2.0 3.0" {
		t.Errorf("lost 2.0 running and 3.0 finished: run again %q", g)
	}
	// 1.0 finished, so 3.0's output was released: neither runs again.
	set(task(1, 0), TaskFinished, true)
	q.released[3] = true
	if g := got(); g != "0.0 2.0" {
		t.Errorf("lost 2.0 running, 3.0 released: run again %q", g)
	}
	// 1.0, finished on the live worker, outgrew its retention: the result
	// task run again needs it, and it needs 3.0, gone.
	set(task(1, 0), TaskFinished, false)
	if g := got(); g != "0.0 1.0 2.0 3.0" {
		t.Errorf("1.0 not retained: run again %q", g)
	}
}

// TestMembershipOwed: a cancel owed to a worker is made again after each
// of its heartbeats until it gets through (a worker still unreachable
// owes it on), never past its deadline, and not to a process that
// restarted since.
func TestMembershipOwed(t *testing.T) {
	m := testMembership(time.Hour, map[string]*taskWorker{})
	defer m.Close()
	heartbeat(t, m, "w0", "1")
	mem := m.Live()[0]
	calls := make(chan int, 10)
	n := 0
	m.Owe(mem, "cancel of query q", time.Now().Add(time.Hour), func(context.Context) error {
		n++
		calls <- n
		if n == 1 {
			return &LostError{Addr: "w0", Err: qerr.ErrUnavailable.New("still unreachable")}
		}
		return nil
	})
	m.Owe(mem, "cancel of an expired query", time.Now().Add(-time.Second), func(context.Context) error {
		calls <- -1
		return nil
	})
	next := func() int {
		select {
		case c := <-calls:
			return c
		case <-time.After(10 * time.Second):
			return 0
		}
	}
	heartbeat(t, m, "w0", "1")
	if c := next(); c != 1 {
		t.Fatalf("after the first heartbeat: call %d, want the owed cancel once", c)
	}
	// It is owed again once the failed call returns: the heartbeats after
	// that make it again.
	second := 0
	for deadline := time.Now().Add(10 * time.Second); second == 0 && time.Now().Before(deadline); {
		heartbeat(t, m, "w0", "1")
		select {
		case second = <-calls:
		case <-time.After(10 * time.Millisecond):
		}
	}
	if second != 2 {
		t.Fatalf("after later heartbeats: call %d, want the owed cancel again", second)
	}
	heartbeat(t, m, "w0", "1")
	select {
	case c := <-calls:
		t.Fatalf("call %d after the cancel got through (or of an expired one)", c)
	case <-time.After(100 * time.Millisecond):
	}
	// A restart: the old process's owed cancels go nowhere.
	heartbeat(t, m, "w0", "2")
	m.Owe(mem, "cancel for the old process", time.Now().Add(time.Hour), func(context.Context) error {
		calls <- -2
		return nil
	})
	heartbeat(t, m, "w0", "2")
	select {
	case c := <-calls:
		t.Fatalf("call %d: a cancel owed by a replaced member was made to the restarted worker", c)
	case <-time.After(100 * time.Millisecond):
	}
}
