package coordinator

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// TestQueryMoves pins the lifecycle's state machine: every pair of states,
// allowed or not.
func TestQueryMoves(t *testing.T) {
	states := []QueryState{QueryPlanned, QueryRunning, QueryFinished, QueryFailed, QueryCancelled, QueryExpired}
	allowed := map[string]bool{
		"planned>running": true, "planned>failed": true, "planned>cancelled": true,
		"running>finished": true, "running>failed": true, "running>cancelled": true,
		"finished>cancelled": true, "finished>expired": true,
	}
	for _, from := range states {
		for _, to := range states {
			move := string(from) + ">" + string(to)
			if got := from.canMove(to); got != allowed[move] {
				t.Errorf("%s: %v, want %v", move, got, allowed[move])
			}
		}
	}
	for _, s := range states {
		if want := s != QueryPlanned && s != QueryRunning; s.ended() != want {
			t.Errorf("%s ended: %v, want %v", s, s.ended(), want)
		}
	}
}

// taskWorker is a WorkerConn whose tasks run until the test ends them
// (end) or their query is cancelled on it, unless it refuses them; its
// CancelQuery first calls onCancel, if set. It stands in for a worker where a test needs to decide
// when each task ends; the integration tests run the same paths on real
// workers (TestCancelFlightInfo, TestResultLifecycle).
type taskWorker struct {
	addr     string
	onCancel func(ctx context.Context)
	// refuse, when set, is what RunTask answers instead of starting a task.
	refuse error

	mu      sync.Mutex
	runs    map[stage.TaskID]*taskRun // each task's latest attempt
	all     []*taskRun
	cancels []error // the cause of each CancelQuery, nil for a plain cancel
	// attemptCancels are the upTo of each CancelAttempt.
	attemptCancels []int
}

type taskRun struct {
	attempt int
	ended   chan struct{}
	stats   stage.TaskStatsSpec
	err     error
}

func (w *taskWorker) RunTask(ctx context.Context, spec *stage.TaskSpec) (TaskRun, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.refuse != nil {
		return nil, w.refuse
	}
	if w.runs == nil {
		w.runs = map[stage.TaskID]*taskRun{}
	}
	r := &taskRun{attempt: max(spec.Attempt, 1), ended: make(chan struct{})}
	w.runs[spec.Task] = r
	w.all = append(w.all, r)
	return r, nil
}

func (r *taskRun) Wait(ctx context.Context) (stage.TaskStatsSpec, error) {
	select {
	case <-r.ended:
		return r.stats, r.err
	case <-ctx.Done():
		return stage.TaskStatsSpec{}, qerr.ErrCancelled.Wrap(ctx.Err(), "wait")
	}
}

// end ends task id with stats, or err.
func (w *taskWorker) end(id stage.TaskID, rows int64, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	r := w.runs[id]
	r.stats, r.err = stage.TaskStatsSpec{Task: id, Worker: w.addr, RowsOut: rows, BytesOut: 8 * rows}, err
	close(r.ended)
}

func (w *taskWorker) CancelQuery(ctx context.Context, q stage.QueryID, cause error) error {
	if w.onCancel != nil {
		w.onCancel(ctx)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancels = append(w.cancels, cause)
	w.stopLocked(q, math.MaxInt)
	return nil
}

func (w *taskWorker) CancelAttempt(ctx context.Context, q stage.QueryID, upTo int, cause error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.attemptCancels = append(w.attemptCancels, upTo)
	w.stopLocked(q, upTo)
	return nil
}

// stopLocked ends the runs of attempts up to upTo as cancelled.
func (w *taskWorker) stopLocked(q stage.QueryID, upTo int) {
	for _, r := range w.all {
		select {
		case <-r.ended:
		default:
			if r.attempt <= upTo {
				r.err = qerr.ErrCancelled.New("query %s was cancelled", q)
				close(r.ended)
			}
		}
	}
}

// attemptsCancelled is the upTo of every CancelAttempt so far.
func (w *taskWorker) attemptsCancelled() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]int(nil), w.attemptCancels...)
}

func (w *taskWorker) RenewQuery(ctx context.Context, q stage.QueryID, until time.Time) error {
	return nil
}

func (w *taskWorker) Write(ctx context.Context, spec stage.WriteSpec, rdr array.RecordReader) (catalog.DataFile, error) {
	return catalog.DataFile{}, qerr.ErrUnsupported.New("write")
}

func (w *taskWorker) Close() error { return nil }

func (w *taskWorker) cancelCauses() []error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]error(nil), w.cancels...)
}

// barrier lets n callers through once all n have arrived.
type barrier struct {
	mu   sync.Mutex
	left int
	all  chan struct{}
}

func newBarrier(n int) *barrier { return &barrier{left: n, all: make(chan struct{})} }

// arrive waits for the others, and reports false if ctx ended first.
func (b *barrier) arrive(ctx context.Context) bool {
	b.mu.Lock()
	if b.left--; b.left == 0 {
		close(b.all)
	}
	b.mu.Unlock()
	select {
	case <-b.all:
		return true
	case <-ctx.Done():
		return false
	}
}

// lifecycleCluster is a coordinator over n taskWorkers.
func lifecycleCluster(t *testing.T, n int, cfg Config) (*Coordinator, []*Member, []*taskWorker) {
	t.Helper()
	c := New(cfg, nil, NewMembership(nil, time.Minute, zap.NewNop()), stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	t.Cleanup(c.Close)
	var members []*Member
	var workers []*taskWorker
	for i := range n {
		w := &taskWorker{addr: fmt.Sprintf("w%d", i)}
		workers = append(workers, w)
		members = append(members, &Member{Addr: w.addr, Conn: w})
	}
	return c, members, workers
}

// gatherPlan is a result fragment gathering a producer fragment of tasks
// tasks.
func gatherPlan(tasks int) *stage.DistributedPlan {
	v := &stage.Values{Names: []string{"x"}, Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}}
	return &stage.DistributedPlan{Fragments: []*stage.Fragment{
		{ID: 0, Root: v, Tasks: 1, Output: stage.FragmentOutput{Consumer: -1}, Inputs: []stage.FragmentID{1}},
		{ID: 1, Root: v, Tasks: tasks, Output: stage.FragmentOutput{Kind: stage.Convergent, Consumer: 0}},
	}}
}

func task(f, i int) stage.TaskID { return stage.TaskID{Fragment: stage.FragmentID(f), Index: i} }

// waitDone waits for q's tasks to end.
func waitDone(t *testing.T, q *query) ([]stage.TaskStatsSpec, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	select {
	case <-q.done:
	case <-ctx.Done():
		t.Fatalf("query %s: its tasks did not end", q.id)
	}
	return q.wait(ctx)
}

// TestCancelRunningQuery: a client's cancel of a running query stops it on
// every worker at once, outside the query's lock, and every task ends
// cancelled; the user's running query is given back.
func TestCancelRunningQuery(t *testing.T) {
	c, members, workers := lifecycleCluster(t, 3, Config{QueryTimeout: time.Minute, ResultTTL: time.Minute, MaxQueriesPerUser: 1})
	ctx := withUser(withStatement(context.Background(), NewSession("ann", false), "SELECT x"), "ann")
	q, err := c.launch(ctx, gatherPlan(3), nil, members, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.launch(ctx, gatherPlan(3), nil, members, nil); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Fatalf("a second query of ann: %v, want TOO_LARGE", err)
	}
	// Every worker's cancel waits for all the others': one at a time, the
	// first would wait out the bound. Each reads the query meanwhile, which
	// a cancel made under its lock would block.
	all := newBarrier(len(workers))
	var mu sync.Mutex
	var serial, locked []string
	for _, w := range workers {
		w.onCancel = func(ctx context.Context) {
			read := make(chan struct{})
			go func() {
				_, _ = c.Query(q.id)
				close(read)
			}()
			select {
			case <-read:
			case <-ctx.Done():
				mu.Lock()
				locked = append(locked, w.addr)
				mu.Unlock()
			}
			if !all.arrive(ctx) {
				mu.Lock()
				serial = append(serial, w.addr)
				mu.Unlock()
			}
		}
	}
	if qi, _ := c.Query(q.id); qi.State != QueryRunning || qi.Tasks != 4 || strings.Join(qi.Workers, ",") != "w0,w1,w2" {
		t.Fatalf("before the cancel: %+v", qi)
	}
	if ok, err := c.Cancel(context.Background(), NewSession("ann", false), q.id); !ok || err != nil {
		t.Fatalf("Cancel = %v, %v", ok, err)
	}
	if len(serial) > 0 || len(locked) > 0 {
		t.Errorf("cancels not in parallel on %v; under the query's lock on %v", serial, locked)
	}
	for _, w := range workers {
		if got := w.cancelCauses(); len(got) != 1 || got[0] != nil {
			t.Errorf("%s: cancels %v, want one plain cancel", w.addr, got)
		}
	}
	if _, err := waitDone(t, q); err == nil {
		t.Error("wait of a cancelled query: no error")
	}
	state, failure := q.outcome()
	if state != QueryCancelled || !qerr.Has(failure, qerr.ErrCancelled) {
		t.Errorf("outcome %s, %v; want cancelled", state, failure)
	}
	for _, ti := range q.taskInfos() {
		if ti.State != TaskCancelled {
			t.Errorf("task %s: %s, want cancelled", ti.ID, ti.State)
		}
	}
	if q.ctx.Err() == nil {
		t.Error("the query's context is not cancelled")
	}
	if ok, _ := c.Cancel(context.Background(), NewSession("ann", false), q.id); ok {
		t.Error("a second cancel cancelled")
	}
	if _, err := c.Poll(context.Background(), NewSession("ann", false), q.id, 0); !qerr.Has(err, qerr.ErrCancelled) {
		t.Errorf("poll of a cancelled query: %v, want CANCELLED", err)
	}
	// Its tasks ended: ann may run another.
	q2, err := c.launch(ctx, gatherPlan(1), nil, members, nil)
	if err != nil {
		t.Fatalf("ann's next query: %v", err)
	}
	q2.cancel(context.Background())
}

// TestTaskFailure: the first failing task fails the query, which is then
// stopped on every worker at once with that failure as the cause.
func TestTaskFailure(t *testing.T) {
	c, members, workers := lifecycleCluster(t, 2, Config{QueryTimeout: time.Minute, ResultTTL: time.Minute})
	q, err := c.launch(context.Background(), gatherPlan(2), nil, members, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := newBarrier(len(workers))
	for _, w := range workers {
		w.onCancel = func(ctx context.Context) {
			if !all.arrive(ctx) {
				t.Errorf("%s: cancel not in parallel", w.addr)
			}
		}
	}
	// Task 1.1 runs on w1 (task i of a fragment on worker i).
	workers[1].end(task(1, 1), 0, qerr.ErrInternal.New("disk full"))
	if _, err := waitDone(t, q); !qerr.Has(err, qerr.ErrInternal) || !strings.Contains(err.Error(), "task 1.1 on worker w1") {
		t.Errorf("wait: %v, want the task's failure", err)
	}
	if state, failure := q.outcome(); state != QueryFailed || !strings.Contains(failure.Error(), "disk full") {
		t.Errorf("outcome %s, %v; want failed", state, failure)
	}
	for _, w := range workers {
		if got := w.cancelCauses(); len(got) != 1 || !qerr.Has(got[0], qerr.ErrInternal) {
			t.Errorf("%s: cancels %v, want one with the failure", w.addr, got)
		}
	}
	states := map[stage.TaskID]TaskState{}
	for _, ti := range q.taskInfos() {
		states[ti.ID] = ti.State
	}
	if states[task(1, 1)] != TaskFailed || states[task(1, 0)] != TaskCancelled || states[task(0, 0)] != TaskCancelled {
		t.Errorf("task states %v", states)
	}
	if ok, _ := c.Cancel(context.Background(), NewSession("", false), q.id); ok {
		t.Error("a failed query was cancelled")
	}
}

// TestFinishAndExpire: a finished query answers its tasks' statistics in
// task order and its result; its results are kept until they expire, then
// freed on every worker, and the registry drops it.
func TestFinishAndExpire(t *testing.T) {
	c, members, workers := lifecycleCluster(t, 2, Config{QueryTimeout: time.Minute, ResultTTL: time.Second})
	res, err := c.start(context.Background(), gatherPlan(2), nil, members)
	if err != nil {
		t.Fatal(err)
	}
	q := c.queries.get(res.Query)
	if len(res.Endpoints) != 1 || res.Endpoints[0].Addr != "w0" {
		t.Errorf("endpoints %+v, want the result task's on w0", res.Endpoints)
	}
	workers[1].end(task(1, 1), 4, nil)
	workers[0].end(task(1, 0), 3, nil)
	workers[0].end(task(0, 0), 7, nil)
	stats, err := waitDone(t, q)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range stats {
		got = append(got, fmt.Sprintf("%s@%s:%d", st.Task, st.Worker, st.RowsOut))
	}
	if strings.Join(got, " ") != "0.0@w0:7 1.0@w0:3 1.1@w1:4" {
		t.Errorf("stats %v", got)
	}
	p, err := c.Poll(context.Background(), NewSession("", false), q.id, time.Minute)
	if err != nil || !p.Done || p.Rows != 7 || p.Fraction != 1 || len(p.Result.Endpoints) != 1 {
		t.Errorf("poll of the finished query: %+v, %v", p, err)
	}
	// The reaper frees them at their expiration: the query is expired
	// first, its workers told after.
	cancelled := func() bool {
		for _, w := range workers {
			if len(w.cancelCauses()) == 0 {
				return false
			}
		}
		return true
	}
	for ctx, cancel := context.WithTimeout(context.Background(), time.Minute); ; {
		if state, _ := q.outcome(); state == QueryExpired && cancelled() {
			cancel()
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("the results did not expire")
		case <-time.After(10 * time.Millisecond):
		}
	}
	for _, w := range workers {
		if got := w.cancelCauses(); len(got) != 1 || !qerr.Has(got[0], qerr.ErrExpired) {
			t.Errorf("%s: cancels %v, want one of the expiry", w.addr, got)
		}
	}
	if _, ok := c.Query(q.id); ok {
		t.Error("the registry holds an expired query")
	}
}

// TestFinishedQueriesHoldLittle: a finished query whose results wait for
// their expiration holds no goroutine, and once keepDetail queries ended
// after it, neither its plan nor its other tasks; its results still answer
// a poll, a renewal and a cancel.
func TestFinishedQueriesHoldLittle(t *testing.T) {
	c, members, workers := lifecycleCluster(t, 1, Config{QueryTimeout: time.Minute, ResultTTL: time.Hour})
	base := runtime.NumGoroutine()
	sess := NewSession("", false)
	var ids []stage.QueryID
	for range keepDetail + 100 {
		res, err := c.start(context.Background(), gatherPlan(1), nil, members)
		if err != nil {
			t.Fatal(err)
		}
		q := c.queries.get(res.Query)
		workers[0].end(task(1, 0), 1, nil)
		workers[0].end(task(0, 0), 1, nil)
		if _, err := waitDone(t, q); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.id)
	}
	oldest, newest := c.queries.get(ids[0]), c.queries.get(ids[len(ids)-1])
	deadline := time.Now().Add(time.Minute)
	for n := runtime.NumGoroutine(); n > base+20 || !(oldest.detail() == nil); n = runtime.NumGoroutine() {
		if time.Now().After(deadline) {
			t.Fatalf("%d finished queries: %d goroutines (%d before), oldest compacted %v", len(ids), n, base, (oldest.detail() == nil))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if newest.detail() == nil {
		t.Error("the most recent query lost its plan")
	}
	if _, ok := c.QueryPlan(oldest.id); ok {
		t.Error("a compacted query answers its plan")
	}
	if n := len(oldest.current().tasks); n != 1 {
		t.Errorf("a compacted query holds %d tasks, want its result task", n)
	}
	p, err := c.Poll(context.Background(), sess, oldest.id, time.Minute)
	if err != nil || !p.Done || p.Rows != 1 || len(p.Result.Endpoints) != 1 || p.Result.Schema == nil {
		t.Fatalf("poll of a compacted query: %+v, %v", p, err)
	}
	if _, _, err := c.Renew(context.Background(), sess, p.Result.Endpoints[0].Ticket); err != nil {
		t.Errorf("renew a compacted query's result: %v", err)
	}
	if ok, _ := c.Cancel(context.Background(), sess, oldest.id); !ok {
		t.Error("a compacted query could not be cancelled")
	}
}

// TestCancelFinished: cancelling a finished query frees its held results;
// it cannot expire after.
func TestCancelFinished(t *testing.T) {
	c, members, workers := lifecycleCluster(t, 1, Config{QueryTimeout: time.Minute, ResultTTL: time.Minute})
	q, err := c.launch(context.Background(), gatherPlan(1), nil, members, nil)
	if err != nil {
		t.Fatal(err)
	}
	workers[0].end(task(1, 0), 1, nil)
	workers[0].end(task(0, 0), 1, nil)
	if _, err := waitDone(t, q); err != nil {
		t.Fatal(err)
	}
	if !q.cancel(context.Background()) {
		t.Fatal("cancel of a finished query: nothing to cancel")
	}
	q.expire(context.Background(), time.Now())
	if state, _ := q.outcome(); state != QueryCancelled {
		t.Errorf("state %s, want cancelled", state)
	}
	if got := workers[0].cancelCauses(); len(got) != 1 {
		t.Errorf("cancels %v, want the cancel's only", got)
	}
}
