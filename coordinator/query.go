package coordinator

import (
	"context"
	"errors"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// This file is the lifecycle of a query: query owns one from its plan to
// the expiry of its results. The scheduler (scheduler.go) builds and sends
// its tasks, the registry (registry.go) finds it by ID, and the client's
// calls (control.go) poll, renew and cancel it; every state change is made
// here, under the query's own lock, and every call to its workers is made
// outside it.

// QueryState is where a query is in its life. The moves allowed are
// queryMoves:
//
//	planned ──> running ──> finished ──> expired
//	   │           │           │
//	   │           ├──> failed │
//	   └───────────┴───────────┴──> cancelled
//
// A query enters the registry running; it leaves it once it ended and its
// results' expiration passed (failed and cancelled queries hold nothing on
// the workers, so they end there).
type QueryState string

const (
	// QueryPlanned: its tasks are being sent to the workers.
	QueryPlanned QueryState = "planned"
	// QueryRunning: tasks are running on workers.
	QueryRunning QueryState = "running"
	// QueryFinished: every task finished; results may still be fetched
	// until they expire.
	QueryFinished QueryState = "finished"
	// QueryFailed: a task failed (or its launch did); the query was
	// stopped on every worker.
	QueryFailed QueryState = "failed"
	// QueryCancelled: cancelled by a client (CancelFlightInfo) or the
	// statement timeout; stopped on every worker, its results freed.
	QueryCancelled QueryState = "cancelled"
	// QueryExpired: it finished and its results were freed on the workers
	// at their expiration.
	QueryExpired QueryState = "expired"
)

// queryMoves are the states each state may move to.
var queryMoves = map[QueryState][]QueryState{
	QueryPlanned:  {QueryRunning, QueryFailed, QueryCancelled},
	QueryRunning:  {QueryFinished, QueryFailed, QueryCancelled},
	QueryFinished: {QueryCancelled, QueryExpired},
}

// canMove reports whether a query in state s may move to next.
func (s QueryState) canMove(next QueryState) bool {
	return slices.Contains(queryMoves[s], next)
}

// ended reports whether a query in state s has no task running any more.
func (s QueryState) ended() bool { return s != QueryPlanned && s != QueryRunning }

// TaskState is where one task is in its life.
type TaskState string

const (
	// TaskPlanned: placed, not yet started on its worker.
	TaskPlanned TaskState = "planned"
	// TaskRunning: started and not yet ended.
	TaskRunning TaskState = "running"
	// TaskFinished: ended with its statistics.
	TaskFinished TaskState = "finished"
	// TaskFailed: ended with an error.
	TaskFailed TaskState = "failed"
	// TaskCancelled: stopped because its query was cancelled or failed
	// elsewhere.
	TaskCancelled TaskState = "cancelled"
)

// queryTask is one task of one attempt of a query: where it runs and how
// it ended. id, worker, attempt, ctx and cancel are fixed when the attempt
// is planned; run is set once, by the scheduler, before the attempt runs;
// the rest is guarded by the query's mu. A task that a retry keeps (it
// runs on, or its output is retained) is the same queryTask in the next
// attempt.
type queryTask struct {
	id     stage.TaskID
	worker *Member
	// attempt is the query's attempt that started the task, from 1 (logged
	// as qlog.Attempt): a retry starts only the tasks it runs again as
	// the next one.
	attempt int
	run     TaskRun
	// ctx is the task's RunTask call's (its worker gives the task up when
	// the call ends): cancel ends it when a retry gives the task up; the
	// query's end ends it too.
	ctx    context.Context
	cancel context.CancelCauseFunc

	state   TaskState
	stats   stage.TaskStatsSpec // once finished
	err     error               // once failed or cancelled
	waiting bool                // its wait runs (waitTask)
}

// attempt is one run of a query's plan. The first starts every task; a
// query that loses a worker before it ends gives its attempt up and runs
// the next one under the same query ID (maxAttempts bound them), which
// starts again only the tasks lost with the worker and those that depend
// on their output (retry.go), and keeps the others; as a fallback, every
// task. Workers key tasks and buffers by attempt, and a result ticket
// names none, so that a client's ticket reads the attempt that runs.
type attempt struct {
	n int
	// tasks are every task of the plan, placed: started by this attempt or
	// kept from an earlier one; their set never changes.
	tasks map[stage.TaskID]*queryTask
	// over is closed when the attempt is given up or the query ended:
	// whoever waits on its result looks again (openResult).
	over    chan struct{}
	endOnce sync.Once
	// ready is closed once every task of the attempt started: its buffers
	// exist on their workers.
	ready chan struct{}

	// Guarded by the query's mu:
	lost error // why it was given up (nil: it was not)
	// whole says that the next attempt runs every task again: output a
	// task of this one needed was gone.
	whole bool
}

// maxAttempts bounds how often a query's tasks are sent: a worker lost at
// each try leaves one fewer.
const maxAttempts = 3

// workerCancelTimeout bounds how long stopping a query on its workers
// holds up whoever stops it.
const workerCancelTimeout = 5 * time.Second

// query is one query from its plan to the expiry of its results: its
// attempts and their placement, its state, its statistics, its result
// endpoints and their expiration. The fields above mu are fixed when it is
// planned.
type query struct {
	id   stage.QueryID
	root rootInfo  // the plan's result fragment, which outlives the plan
	stmt statement // what was asked, by whom (inspect.go)
	// principal ran the query ("" for anonymous): its result tickets name
	// it, and it holds one of the principal's running queries (release)
	// until its tasks end.
	principal string
	started   time.Time
	// deadline bounds the tasks and buffers on the workers should this
	// coordinator go away: past the statement timeout and the result TTL.
	deadline time.Time
	// resultTTL and resultMaxAge are Config's: how long results are held,
	// and the cap on renewals.
	resultTTL, resultMaxAge time.Duration
	signer                  *stage.TicketSigner
	log                     *zap.Logger // tagged with the query's ID

	// ctx is the tasks' context: the statement timeout, a cancel and the
	// coordinator's close end it.
	ctx  context.Context
	stop context.CancelFunc
	// release gives the principal's running query back, once, when done.
	release func()
	// members is the live set: a worker lost (suspect, departed) while it
	// runs a task of the query makes the query run again elsewhere.
	members *Membership
	// send starts every task of an attempt, producers first, and on a
	// failure names the worker that refused (nil: none); the scheduler
	// sets it (sendTasks).
	send func(a *attempt) (*Member, error)
	// done is closed when every task has ended (or the launch failed).
	done chan struct{}
	// changed is told (non-blocking, one slot) whenever a task ends: watch
	// looks again.
	changed chan struct{}
	// clientGone is closed when the connection of the client that started
	// q closes (nil: not known); q is cancelled then if it runs still.
	clientGone <-chan struct{}
	// cancels are the cancels of given-up attempts still in flight, which
	// the end of watch waits for.
	cancels sync.WaitGroup

	mu sync.Mutex
	// plan is the distributed plan until compact drops it, once every
	// task has ended (the scheduler reads it without mu before that).
	plan *stage.DistributedPlan
	att  *attempt // the attempt that runs (or ran last)
	// released are the fragments whose retained output was released on
	// its workers, its consumers having finished (retry.go).
	released map[stage.FragmentID]bool
	state    QueryState
	taskErr  error // the first task failure, as wait reports it
	failure  error // why it failed, was cancelled or expired
	ended    time.Time
	// expires is when the results are freed (the endpoints' expiration);
	// RenewFlightEndpoint moves it.
	expires time.Time
	// kept is set once keepResults holds q's results: at their expiration
	// the reaper frees them on the workers (reapResults).
	kept bool
}

// rootInfo is what a query keeps of its plan's result fragment for as
// long as its results may be fetched: the plan itself goes earlier
// (compact).
type rootInfo struct {
	id     stage.FragmentID
	tasks  int           // the result fragment's tasks: one endpoint each
	schema *arrow.Schema // the promised result schema
	total  int           // the tasks of every fragment
}

// newQuery plans a query of d for the statement of ctx, with no attempt
// yet (newAttempt). release gives back the principal's running query once
// its tasks have ended; a launch that fails gives it back itself.
func (c *Coordinator) newQuery(ctx context.Context, d *stage.DistributedPlan, release func()) *query {
	timeout := c.queryTimeout(ctx)
	now := time.Now()
	total := 0
	for _, f := range d.Fragments {
		total += f.Tasks
	}
	root := d.Root()
	q := &query{
		id: newQueryID(), plan: d, root: rootInfo{id: root.ID, tasks: root.Tasks, schema: root.Root.Schema(), total: total},
		stmt: statementOf(ctx), principal: userOf(ctx),
		started: now, deadline: now.Add(timeout + c.cfg.ResultTTL),
		resultTTL: c.cfg.ResultTTL, resultMaxAge: c.cfg.ResultMaxAge, signer: c.signer,
		release: release, members: c.members, done: make(chan struct{}), changed: make(chan struct{}, 1),
		clientGone: clientGoneOf(ctx), released: map[stage.FragmentID]bool{},
		state: QueryPlanned, expires: now.Add(c.cfg.ResultTTL),
	}
	q.log = c.log.With(qlog.Query(q.id))
	q.ctx, q.stop = context.WithTimeout(c.ctx, timeout)
	return q
}

// newAttempt plans attempt n of q: the tasks of keep as they are, the
// others on the workers of p, and makes it the current one.
func (q *query) newAttempt(n int, p Placement, keep map[stage.TaskID]*queryTask) *attempt {
	a := &attempt{n: n, tasks: map[stage.TaskID]*queryTask{}, over: make(chan struct{}), ready: make(chan struct{})}
	for id, t := range keep {
		a.tasks[id] = t
	}
	for id, m := range p {
		t := &queryTask{id: id, worker: m, attempt: n, state: TaskPlanned}
		t.ctx, t.cancel = context.WithCancelCause(q.ctx)
		a.tasks[id] = t
	}
	q.mu.Lock()
	q.att = a
	q.mu.Unlock()
	return a
}

// current is the attempt that runs (or ran last).
func (q *query) current() *attempt {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.att
}

// moveLocked moves q to next if its state may (canMove), noting when it
// ended, and reports whether it did.
func (q *query) moveLocked(next QueryState) bool {
	if !q.state.canMove(next) {
		return false
	}
	q.state = next
	if next.ended() && q.ended.IsZero() {
		q.ended = time.Now()
	}
	return true
}

// endLocked ends q by err (nil: finished), unless it ended already: the
// statement timeout and a cancel are QueryCancelled, another error
// QueryFailed.
func (q *query) endLocked(err error) {
	state, failure := QueryFailed, err
	switch {
	case err == nil:
		state = QueryFinished
	case errors.Is(q.ctx.Err(), context.DeadlineExceeded):
		state, failure = QueryCancelled, qerr.ErrCancelled.Wrap(err, "statement timeout")
	case qerr.Has(err, qerr.ErrCancelled):
		state = QueryCancelled
	}
	if q.moveLocked(state) {
		q.failure = failure
	}
}

// taskStarted records that task id of attempt a runs as run.
func (q *query) taskStarted(a *attempt, id stage.TaskID, run TaskRun) {
	t := a.tasks[id]
	q.mu.Lock()
	t.run, t.state = run, TaskRunning
	q.mu.Unlock()
	q.log.Debug("task started", qlog.Stage(id.Fragment), qlog.Task(id), qlog.Worker(t.worker.Addr), qlog.Attempt(t.attempt))
}

// begin moves q, its tasks all started, to running, and watches them in
// the background of wg (the coordinator's) until they end.
func (q *query) begin(wg *sync.WaitGroup) {
	q.mu.Lock()
	q.moveLocked(QueryRunning)
	q.mu.Unlock()
	wg.Go(q.watch)
	if q.clientGone != nil {
		wg.Go(q.watchClient)
	}
}

// clientGoneKey carries the channel WithClientGone names.
type clientGoneKey struct{}

// WithClientGone says that gone is closed when the connection of the
// client that sends the call of ctx closes (flightsrv's connection
// watch): the queries the call starts run past the call, but not past
// their client.
func WithClientGone(ctx context.Context, gone <-chan struct{}) context.Context {
	return context.WithValue(ctx, clientGoneKey{}, gone)
}

func clientGoneOf(ctx context.Context) <-chan struct{} {
	gone, _ := ctx.Value(clientGoneKey{}).(<-chan struct{})
	return gone
}

// watchClient cancels q, every task on every worker, when the connection
// of the client that started it closes before q's tasks ended: a client
// killed mid-query (its process gone, its socket closed by the kernel)
// stops its query at once instead of at the statement timeout. A client
// that hands its tickets to another keeps its own connection until the
// query finished. Results already complete stay until they expire.
func (q *query) watchClient() {
	select {
	case <-q.clientGone:
	case <-q.done:
		return
	}
	q.cancelAs(q.ctx, false, qerr.ErrCancelled.New("query %s was cancelled: its client's connection closed", q.id))
}

// abort ends a query whose launch failed with err: the tasks it started are
// stopped on their workers. The principal's running query stays held: the
// launch gives it back.
func (q *query) abort(ctx context.Context, err error) {
	q.log.Warn("query failed to start", zap.Error(err))
	q.mu.Lock()
	q.taskErr = err
	q.endLocked(err)
	q.mu.Unlock()
	q.cancelOnWorkers(ctx, err)
	q.finish()
	close(q.done)
}

// finish ends the current attempt and the query's context, which the
// tasks' contexts derive from.
func (q *query) finish() {
	if a := q.current(); a != nil {
		a.end()
	}
	q.stop()
}

// end tells those waiting on a that it is over.
func (a *attempt) end() {
	a.endOnce.Do(func() { close(a.over) })
}

// wait waits for every task of q to end, and returns the statistics of
// those that finished, in task order, and the first failure.
func (q *query) wait(ctx context.Context) ([]stage.TaskStatsSpec, error) {
	select {
	case <-q.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return q.taskStats(), q.taskErr
}

// cancel stops q for a client: every task on every worker, its buffers and
// spill files, and the result streams being read. It reports false when q
// ended failed, cancelled or expired already; a finished query is
// cancelled, which frees its results.
func (q *query) cancel(ctx context.Context) bool {
	return q.cancelAs(ctx, true, qerr.ErrCancelled.New("query %s was cancelled", q.id))
}

// cancelAs is cancel with the failure q ends with; it cancels a finished
// query only when finished says so.
func (q *query) cancelAs(ctx context.Context, finished bool, failure error) bool {
	q.mu.Lock()
	if q.state == QueryFinished && !finished || !q.moveLocked(QueryCancelled) {
		q.mu.Unlock()
		return false
	}
	q.failure = failure
	q.mu.Unlock()
	q.cancelOnWorkers(ctx, nil)
	q.stop()
	q.log.Info("query cancelled", zap.Error(failure))
	return true
}

// fail ends q, unless it ended already, with err found outside its tasks
// (a result stream that failed), and stops it on every worker.
func (q *query) fail(ctx context.Context, err error) {
	q.mu.Lock()
	q.endLocked(err)
	q.mu.Unlock()
	q.cancelOnWorkers(ctx, err)
	q.stop()
}

// workers are the workers that run some task of q's current attempt, by
// address.
func (q *query) workers() []*Member {
	a := q.current()
	if a == nil {
		return nil
	}
	return attemptWorkers(a)
}

// attemptWorkers are the workers that run some task of a, by address.
func attemptWorkers(a *attempt) []*Member {
	seen := map[string]*Member{}
	for _, t := range a.tasks {
		seen[t.worker.Addr] = t.worker
	}
	out := make([]*Member, 0, len(seen))
	for _, m := range seen {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr < out[j].Addr })
	return out
}

// cancelOnWorkers stops q's tasks and frees its buffers on every worker at
// once; readers that come for them get cause (nil: cancelled). It returns
// within workerCancelTimeout, whether ctx is cancelled already or not: a
// worker that does not answer by then is logged and left to the deadline
// its tasks carry. Call it outside q.mu.
func (q *query) cancelOnWorkers(ctx context.Context, cause error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), workerCancelTimeout)
	defer cancel()
	var g errgroup.Group
	for _, m := range q.workers() {
		g.Go(func() error {
			stop := func(ctx context.Context) error { return m.Conn.CancelQuery(ctx, q.id, cause) }
			if err := stop(ctx); err != nil {
				q.log.Warn("cancel on worker", qlog.Worker(m.Addr), zap.Error(err))
				q.owe(ctx, m, "cancel", err, stop)
			}
			return nil // one worker's failure does not stop the others' cancel
		})
	}
	_ = g.Wait()
}

// owe hands a cancel of q (what) that failed on m with err, under ctx, to
// m's next heartbeat (Membership.Owe) where m did not answer in time or
// could not be reached; a worker that answered with an error owes none.
func (q *query) owe(ctx context.Context, m *Member, what string, err error, stop func(context.Context) error) {
	if unanswered(ctx, err) {
		q.members.Owe(m, what+" of query "+string(q.id), q.deadline.Add(q.resultMaxAge), stop)
	}
}

// outcome is q's state and, if it failed, was cancelled or expired, why.
func (q *query) outcome() (QueryState, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.state, q.failure
}

// progress is the share of q's tasks that finished, in [0, 1].
func (q *query) progress() float64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	finished := 0
	for _, t := range q.att.tasks {
		if t.state == TaskFinished {
			finished++
		}
	}
	return float64(finished) / float64(max(len(q.att.tasks), 1))
}

// taskStats is the statistics of q's tasks that finished, in task order:
// each names its task and worker, and counts rows and bytes in and out,
// wall time, peak buffered memory and spilled bytes. It is what EXPLAIN
// ANALYZE prints of a query once wait returned.
func (q *query) taskStats() []stage.TaskStatsSpec {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []stage.TaskStatsSpec
	for _, t := range q.sortedTasks() {
		if t.state == TaskFinished {
			out = append(out, t.stats)
		}
	}
	return out
}

// sortedTasks is the tasks of q's current attempt by fragment, then
// index. q.mu is held.
func (q *query) sortedTasks() []*queryTask {
	out := make([]*queryTask, 0, len(q.att.tasks))
	for _, t := range q.att.tasks {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].id, out[j].id
		return a.Fragment < b.Fragment || a.Fragment == b.Fragment && a.Index < b.Index
	})
	return out
}

// taskInfos describes every task of q, by fragment then index.
func (q *query) taskInfos() []TaskInfo {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]TaskInfo, 0, len(q.att.tasks))
	for _, t := range q.sortedTasks() {
		ti := TaskInfo{ID: t.id, Attempt: t.attempt, Worker: t.worker.Addr, State: t.state, Stats: t.stats}
		if t.err != nil {
			ti.Error = t.err.Error()
		}
		out = append(out, ti)
	}
	return out
}

// resultSize is the rows and bytes the result tasks of q produced, from
// those that finished.
func (q *query) resultSize() (rows, bytes int64) {
	for _, st := range q.taskStats() {
		if st.Task.Fragment == q.root.id {
			rows, bytes = rows+st.RowsOut, bytes+st.BytesOut
		}
	}
	return rows, bytes
}

// info describes q.
func (q *query) info() QueryInfo {
	stats := q.taskStats()
	q.mu.Lock()
	defer q.mu.Unlock()
	qi := QueryInfo{ID: q.id, State: q.state, Started: q.started, Ended: q.ended, Expires: q.expires, Tasks: q.root.total,
		Statement: q.stmt.text, User: q.stmt.user, Stats: stats}
	if q.failure != nil {
		qi.Error = q.failure.Error()
	}
	for _, m := range attemptWorkers(q.att) {
		qi.Workers = append(qi.Workers, m.Addr)
	}
	return qi
}

// result is q's schema and endpoints, with tickets valid until its
// expiration now.
func (q *query) result() *Result {
	exp := q.expiry()
	res := &Result{Query: q.id, Schema: q.root.schema, Expires: exp}
	for i := 0; i < q.root.tasks; i++ {
		res.Endpoints = append(res.Endpoints, q.endpoint(stage.TaskID{Fragment: q.root.id, Index: i}, exp))
	}
	return res
}

// endpoint is the endpoint of result task id of q, its ticket valid until
// exp: at the worker that runs the task in the current attempt, for every
// attempt (the ticket names none).
func (q *query) endpoint(id stage.TaskID, exp time.Time) Endpoint {
	m, _ := q.resultTask(id)
	return Endpoint{
		Addr:   m.Addr,
		Ticket: q.signer.Sign(stage.Ticket{Query: q.id, Task: id, Partition: 0, Expires: exp, Principal: q.principal}),
	}
}

// resultTask is the worker of result task id in q's current attempt, or
// false when q has no such task.
func (q *query) resultTask(id stage.TaskID) (*Member, bool) {
	m, _, ok := q.resultAttempt(id)
	return m, ok
}

// resultAttempt is resultTask with the attempt.
func (q *query) resultAttempt(id stage.TaskID) (*Member, *attempt, bool) {
	a := q.current()
	t, ok := a.tasks[id]
	if !ok || id.Fragment != q.root.id {
		return nil, nil, false
	}
	return t.worker, a, true
}

// expiry is when q's results are freed.
func (q *query) expiry() time.Time {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.expires
}

// pastExpiry reports whether q ended and its results' expiration passed by
// now: then the registry drops it. A running query never expires: the
// statement timeout ends it.
func (q *query) pastExpiry(now time.Time) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.state.ended() && now.After(q.expires)
}

// extend moves q's expiration to until, where that is later, and reports
// the expiration.
func (q *query) extend(until time.Time) time.Time {
	q.mu.Lock()
	defer q.mu.Unlock()
	if until.After(q.expires) {
		q.expires = until
	}
	return q.expires
}

// renewal is the expiration a renewal at now gives q: the result TTL from
// now, never past the query's start plus the maximum result age.
func (q *query) renewal(now time.Time) time.Time {
	until := now.Add(q.resultTTL)
	if limit := q.started.Add(q.resultMaxAge); q.resultMaxAge > 0 && until.After(limit) {
		until = limit
	}
	return until
}

// renewOnWorkers moves the deadline of q's tasks and buffers on every
// worker that holds some to until. It fails only where a result task's
// worker holds nothing of q: then the result is gone.
func (q *query) renewOnWorkers(ctx context.Context, until time.Time) error {
	if !until.After(q.deadline) {
		return nil // the workers keep them that long already
	}
	results := map[string]bool{}
	for id, t := range q.current().tasks {
		results[t.worker.Addr] = results[t.worker.Addr] || id.Fragment == q.root.id
	}
	for _, m := range q.workers() {
		err := m.Conn.RenewQuery(ctx, q.id, until)
		if err != nil && (results[m.Addr] || !qerr.Has(err, qerr.ErrNotFound)) {
			return qerr.CodeOf(err).Wrap(err, "renew query %s on worker %s", q.id, m.Addr)
		}
	}
	return nil
}

// keepResults holds the results of q, finished, until their expiration:
// the result TTL from now at the earliest (tickets signed since, as
// PollFlightInfo's, carry that), on the workers too. Renewals move the
// expiration; a cancel frees them earlier. It returns at once: at the
// expiration the coordinator's reaper expires q (reapResults), so that a
// finished query holds no goroutine while its results wait.
func (q *query) keepResults(ctx context.Context) {
	if err := q.renewOnWorkers(ctx, q.extend(q.renewal(time.Now()))); err != nil {
		q.log.Warn("keep results", zap.Error(err))
	}
	q.mu.Lock()
	q.kept = true
	q.mu.Unlock()
}

// compact drops what q, its tasks all ended, holds beyond what its
// results need until they expire (the endpoints, renewal, re-fetch,
// cancel): the plan, and every task but the result tasks, whose workers
// and statistics stay. The registry compacts all but its most recent
// ended queries (keepDetail), which the console and system tables show
// whole. It does nothing while a task may run.
func (q *query) compact() {
	select {
	case <-q.done:
	default:
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.plan == nil {
		return
	}
	q.plan = nil
	a := q.att
	kept := &attempt{n: a.n, tasks: map[stage.TaskID]*queryTask{}, over: a.over, ready: a.ready, lost: a.lost, whole: a.whole}
	kept.endOnce.Do(func() {}) // a ended already: over is closed
	for id, t := range a.tasks {
		if id.Fragment != q.root.id {
			continue
		}
		c := &queryTask{id: t.id, worker: t.worker, attempt: t.attempt, ctx: t.ctx, cancel: t.cancel, state: t.state, stats: t.stats, err: t.err}
		c.stats.Files = nil // a write's, committed already
		kept.tasks[id] = c
	}
	// Readers that took a from current() keep it; the new one is smaller
	// and a's map is never changed.
	q.att = kept
}

// detail is q's plan, or nil once compact dropped it.
func (q *query) detail() *stage.DistributedPlan {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.plan
}

// endedWithDetail is when q ended, and whether it did and still has its
// plan (compact has not run).
func (q *query) endedWithDetail() (time.Time, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.ended, q.state.ended() && q.plan != nil
}

// holdsResults reports whether q's results are held on its workers
// (keepResults ran and q finished): they must be freed at expiry.
func (q *query) holdsResults() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.kept && q.state == QueryFinished
}

// expire moves q, finished, to expired at its expiration exp and frees its
// results on the workers.
func (q *query) expire(ctx context.Context, exp time.Time) {
	err := qerr.ErrExpired.New("the results of query %s expired at %s", q.id, exp.Format(time.RFC3339))
	q.mu.Lock()
	moved := q.moveLocked(QueryExpired)
	if moved {
		q.failure = err
	}
	q.mu.Unlock()
	if moved {
		q.cancelOnWorkers(ctx, err)
	}
}
