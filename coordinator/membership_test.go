package coordinator

import (
	"context"
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
	for _, task := range q.tasks {
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
	for _, task := range q.tasks {
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

// TestTaskLostWorker: a running task whose worker can no longer be reached
// makes the worker suspect, and the query fails naming it, even when a
// task that read from it failed first.
func TestTaskLostWorker(t *testing.T) {
	workers := map[string]*taskWorker{}
	m := testMembership(time.Hour, workers)
	c := New(Config{QueryTimeout: time.Minute, ResultTTL: time.Minute}, nil, m, stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	defer c.Close()
	for _, a := range []string{"w0", "w1"} {
		heartbeat(t, m, a, "1")
	}
	q, err := c.launch(context.Background(), gatherPlan(2), nil, m.Live(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if w := q.tasks[task(1, 1)].worker.Addr; w != "w1" {
		t.Fatalf("task 1.1 on %s", w)
	}
	workers["w1"].end(task(1, 1), 0, &LostError{Addr: "w1", Err: qerr.ErrUnavailable.New("error reading from server: EOF")})
	_, err = waitDone(t, q)
	if !qerr.Has(err, qerr.ErrUnavailable) || !strings.Contains(err.Error(), "task 1.1 on worker w1") {
		t.Fatalf("query error %v, want the lost worker's", err)
	}
	if got := addrs(m.Live()); got != "w0" {
		t.Fatalf("live after w1 was lost: %s", got)
	}

	// The gather notices first: it relays what it read from w1.
	q = c.newQuery(context.Background(), gatherPlan(2), place(gatherPlan(2), []*Member{m.Member("w0"), m.Member("w1")}), 1, func() {})
	defer q.stop()
	for id := range q.tasks {
		q.taskStarted(id, nil)
	}
	relayed := qerr.ErrUnavailable.New("exchange 1 from task 1.1 at w1: EOF")
	if first := q.taskEnded(q.tasks[task(0, 0)], stage.TaskStatsSpec{}, relayed); first == nil {
		t.Fatal("the first failure was not the query's")
	}
	q.taskEnded(q.tasks[task(1, 1)], stage.TaskStatsSpec{}, &LostError{Addr: "w1", Err: qerr.ErrUnavailable.New("EOF")})
	if !strings.Contains(q.taskErr.Error(), "task 1.1 on worker w1") {
		t.Fatalf("query failure %v, want the lost worker's", q.taskErr)
	}
}
