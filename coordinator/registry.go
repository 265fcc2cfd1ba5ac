package coordinator

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// QueryState is where a query is in its life.
type QueryState string

const (
	// QueryRunning: tasks are running on workers.
	QueryRunning QueryState = "running"
	// QueryFinished: every task finished; results may still be fetched
	// until they expire.
	QueryFinished QueryState = "finished"
	// QueryFailed: a task failed; the query was stopped on every worker.
	QueryFailed QueryState = "failed"
	// QueryCancelled: cancelled by a client (CancelFlightInfo) or the
	// statement timeout; stopped on every worker.
	QueryCancelled QueryState = "cancelled"
)

// QueryInfo is what the registry tells about one query.
type QueryInfo struct {
	ID      stage.QueryID
	State   QueryState
	Started time.Time
	Ended   time.Time // zero while running
	Expires time.Time // its results are freed then
	Tasks   int
	Workers []string
	Error   string
	Stats   []stage.TaskStatsSpec // of the tasks that finished
	// Statement and User are the SQL text that launched the query and the
	// session's user ("" for queries launched outside a statement).
	Statement, User string
}

// registry is the coordinator's query registry: every launched query by
// ID, from launch until its results expire (then the workers have freed
// them too). Its zero value is ready to use.
type registry struct {
	mu      sync.Mutex
	queries map[stage.QueryID]*running
}

func (g *registry) add(r *running) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.queries == nil {
		g.queries = map[stage.QueryID]*running{}
	}
	now := time.Now()
	for id, q := range g.queries {
		if q.expired(now) {
			delete(g.queries, id)
		}
	}
	r.status.mu.Lock()
	if r.status.started.IsZero() {
		r.status.started = now
	}
	r.status.mu.Unlock()
	g.queries[r.id] = r
}

func (g *registry) get(id stage.QueryID) *running {
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.queries[id]
	if r != nil && r.expired(time.Now()) {
		delete(g.queries, id)
		return nil
	}
	return r
}

func (g *registry) list() []*running {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]*running, 0, len(g.queries))
	now := time.Now()
	for id, r := range g.queries {
		if r.expired(now) {
			delete(g.queries, id)
			continue
		}
		out = append(out, r)
	}
	return out
}

// queryStatus is the registry's view of a running query (a field of
// running).
type queryStatus struct {
	mu      sync.Mutex
	state   QueryState // "" until the query ends: running
	failure error
	started time.Time
	ended   time.Time
	stats   []stage.TaskStatsSpec
}

// finish records how the query's tasks ended, once they all have: the
// statement timeout and a client's cancel are QueryCancelled, another error
// QueryFailed. A state already set (a cancel) stays.
func (r *running) finish() {
	st := &r.status
	st.mu.Lock()
	defer st.mu.Unlock()
	st.stats = append([]stage.TaskStatsSpec(nil), r.stats...)
	if st.state != "" {
		return
	}
	st.ended = time.Now()
	switch {
	case r.err == nil:
		st.state = QueryFinished
	case errors.Is(r.ctx.Err(), context.DeadlineExceeded):
		st.state, st.failure = QueryCancelled, qerr.ErrCancelled.Wrap(r.err, "statement timeout")
	case qerr.Has(r.err, qerr.ErrCancelled):
		st.state, st.failure = QueryCancelled, r.err
	default:
		st.state, st.failure = QueryFailed, r.err
	}
}

// expiry is when r's results are freed.
func (r *running) expiry() time.Time {
	r.status.mu.Lock()
	defer r.status.mu.Unlock()
	return r.expires
}

// expired reports whether r ended and its results expired by now. A
// running query never expires: the statement timeout ends it.
func (r *running) expired(now time.Time) bool {
	r.status.mu.Lock()
	defer r.status.mu.Unlock()
	return r.status.state != "" && now.After(r.expires)
}

// extend moves r's expiration to until, where that is later, and reports
// the expiration.
func (r *running) extend(until time.Time) time.Time {
	r.status.mu.Lock()
	defer r.status.mu.Unlock()
	if until.After(r.expires) {
		r.expires = until
	}
	return r.expires
}

// ended reports how r ended: "" while it runs; its failure, if any.
func (r *running) ended() (QueryState, error) {
	r.status.mu.Lock()
	defer r.status.mu.Unlock()
	return r.status.state, r.status.failure
}

// renewal is the expiration a renewal at now gives r: the result TTL from
// now, never past the query's start plus the maximum result age.
func (c *Coordinator) renewal(r *running, now time.Time) time.Time {
	until := now.Add(c.cfg.ResultTTL)
	if limit := r.started.Add(c.cfg.ResultMaxAge); c.cfg.ResultMaxAge > 0 && until.After(limit) {
		until = limit
	}
	return until
}

// keepResults holds the results of a finished query until their
// expiration, the result TTL from when it finished at the earliest
// (tickets signed since, as PollFlightInfo's, carry that), then frees them
// on the workers. Renewals move the expiration while it waits; a cancel
// frees them earlier. It returns when they are freed or the coordinator
// closes.
func (c *Coordinator) keepResults(r *running) {
	if err := c.renewOnWorkers(c.ctx, r, r.extend(c.renewal(r, time.Now()))); err != nil {
		c.log.Warn("keep results", zap.String("query_id", string(r.id)), zap.Error(err))
	}
	for {
		exp := r.expiry()
		wait := time.Until(exp)
		if state, _ := r.ended(); state != QueryFinished {
			return // cancelled: freed already
		}
		if wait <= 0 {
			r.cancelOnWorkers(qerr.ErrExpired.New("the results of query %s expired at %s", r.id, exp.Format(time.RFC3339)))
			return
		}
		select {
		case <-time.After(wait):
		case <-c.ctx.Done():
			return
		}
	}
}

// renewOnWorkers moves the deadline of r's tasks and buffers on every worker
// that holds some to until. It fails only where a result task's worker
// holds nothing of r: then the result is gone.
func (c *Coordinator) renewOnWorkers(ctx context.Context, r *running, until time.Time) error {
	if !until.After(r.deadline) {
		return nil // the workers keep them that long already
	}
	results := map[string]bool{}
	for id, m := range r.place {
		results[m.Addr] = results[m.Addr] || id.Fragment == r.plan.Root().ID
	}
	seen := map[string]bool{}
	for _, m := range r.place {
		if seen[m.Addr] {
			continue
		}
		seen[m.Addr] = true
		err := m.Conn.RenewQuery(ctx, r.id, until)
		if err != nil && (results[m.Addr] || !qerr.Has(err, qerr.ErrNotFound)) {
			return qerr.CodeOf(err).Wrap(err, "renew query %s on worker %s", r.id, m.Addr)
		}
	}
	return nil
}

// Renew extends the expiration of the result a ticket of this coordinator
// names (RenewFlightEndpoint): to the result TTL from now, never past the
// query's start plus Config.ResultMaxAge, on the workers too. It returns the
// endpoint with a new ticket and its expiration. A ticket that does not
// verify or has expired fails as Verify says; a query that is unknown or
// whose results expired is ErrNotFound (as is another user's to anyone
// but an administrator), a failed or cancelled one its error.
func (c *Coordinator) Renew(ctx context.Context, sess *Session, ticket []byte) (Endpoint, time.Time, error) {
	t, err := c.signer.Verify(ticket, time.Now())
	if err != nil {
		return Endpoint{}, time.Time{}, err
	}
	r := c.queries.get(t.Query)
	if r == nil || !c.mayControl(ctx, sess, r.stmt.user) {
		return Endpoint{}, time.Time{}, qerr.ErrNotFound.New("query %s is unknown or its results expired", t.Query)
	}
	if _, ok := r.place[t.Task]; !ok || t.Task.Fragment != r.plan.Root().ID || t.Partition != 0 {
		return Endpoint{}, time.Time{}, qerr.ErrNotFound.New("query %s has no result task %s", t.Query, t.Task)
	}
	if _, failure := r.ended(); failure != nil {
		return Endpoint{}, time.Time{}, failure
	}
	until := c.renewal(r, time.Now())
	if err := c.renewOnWorkers(ctx, r, until); err != nil {
		return Endpoint{}, time.Time{}, err
	}
	exp := r.extend(until)
	c.log.Info("results renewed", zap.String("query_id", string(r.id)), zap.Time("expires", exp))
	return c.endpoint(r, t.Task, exp), exp, nil
}

// queryHandleMagic starts the signed handle of a query that PollFlightInfo
// answers (stage.TicketSigner.SignHandle).
const queryHandleMagic = "qh1."

// Progress is where a started query is, as PollFlightInfo tells it.
type Progress struct {
	// Result is the query's schema and, once Done, its endpoints (tickets
	// valid until its expiration then) and Rows.
	Result *Result
	Done   bool
	// Fraction is the share of the query's tasks that finished, in [0, 1].
	Fraction float64
	// Rows is the number of result rows, once Done.
	Rows int64
	// Handle names the running query for the next poll (nil once Done);
	// it is signed and expires with the query's results.
	Handle []byte
}

// Poll reports on a query started with Execute, waiting up to wait for it
// to finish first. Each poll of a running query moves its expiration, as
// a renewal does, so that the handle outlives a long query. A failed query answers its error, a cancelled one
// ErrCancelled, one that is unknown or whose results expired ErrNotFound,
// as is another user's query to anyone but an administrator.
func (c *Coordinator) Poll(ctx context.Context, sess *Session, id stage.QueryID, wait time.Duration) (Progress, error) {
	r := c.queries.get(id)
	if r == nil || !c.mayControl(ctx, sess, r.stmt.user) {
		return Progress{}, qerr.ErrNotFound.New("query %s is unknown or its results expired", id)
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-r.done:
	case <-timer.C:
	case <-ctx.Done():
	}
	state, failure := r.ended()
	switch {
	case failure != nil:
		return Progress{}, failure
	case state == QueryFinished:
		// The query ended: its results are kept the result TTL from now.
		rows, _ := r.resultSize()
		return Progress{Result: c.result(r), Done: true, Fraction: 1, Rows: rows}, nil
	}
	// A client that polls keeps a running query's handle alive.
	root := r.plan.Root()
	res := &Result{Query: r.id, Schema: root.Root.Schema(), Expires: r.extend(c.renewal(r, time.Now()))}
	return Progress{
		Result:   res,
		Fraction: float64(r.finished.Load()) / float64(max(len(r.runs), 1)),
		Handle:   c.signer.SignHandle(queryHandleMagic, stage.Ticket{Query: r.id, Expires: res.Expires}),
	}, nil
}

// PollHandle verifies a handle Poll returned and names its query.
func (c *Coordinator) PollHandle(handle []byte) (stage.QueryID, error) {
	t, err := c.signer.VerifyHandle(queryHandleMagic, handle, time.Now())
	if err != nil {
		return "", err
	}
	return t.Query, nil
}

// info describes r.
func (r *running) info() QueryInfo {
	st := &r.status
	st.mu.Lock()
	defer st.mu.Unlock()
	qi := QueryInfo{ID: r.id, State: st.state, Started: st.started, Ended: st.ended, Expires: r.expires, Tasks: len(r.place),
		Statement: r.stmt.text, User: r.stmt.user}
	if qi.State == "" {
		qi.State = QueryRunning
	}
	if st.failure != nil {
		qi.Error = st.failure.Error()
	}
	seen := map[string]bool{}
	for _, m := range r.place {
		if !seen[m.Addr] {
			seen[m.Addr] = true
			qi.Workers = append(qi.Workers, m.Addr)
		}
	}
	sort.Strings(qi.Workers)
	qi.Stats = append(qi.Stats, st.stats...)
	return qi
}

// Queries lists the queries the registry holds, oldest first.
func (c *Coordinator) Queries() []QueryInfo {
	rs := c.queries.list()
	out := make([]QueryInfo, len(rs))
	for i, r := range rs {
		out[i] = r.info()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Started.Before(out[j].Started) })
	return out
}

// Query describes one query, or reports false when the registry does not
// hold it (unknown, or its results expired). It is the operators' view (the
// HTTP console); clients read a query's state through Poll, which only
// its owner may.
func (c *Coordinator) Query(id stage.QueryID) (QueryInfo, bool) {
	r := c.queries.get(id)
	if r == nil {
		return QueryInfo{}, false
	}
	return r.info(), true
}

// Cancel stops a query: every task on every worker, its buffers and spill
// files, and the result streams being read (which end with CANCELLED). It
// reports false when there is nothing to cancel: the query is unknown, its
// results expired, or it already failed or was cancelled. A finished query
// whose results are still held is cancelled: its results are freed. Only
// the query's owner or an administrator cancels it; to anyone else it is
// unknown (false), as in Query.
func (c *Coordinator) Cancel(ctx context.Context, sess *Session, id stage.QueryID) (bool, error) {
	r := c.queries.get(id)
	if r == nil || !c.mayControl(ctx, sess, r.stmt.user) {
		return false, nil
	}
	st := &r.status
	st.mu.Lock()
	if st.state == QueryFailed || st.state == QueryCancelled {
		st.mu.Unlock()
		return false, nil
	}
	if st.ended.IsZero() {
		st.ended = time.Now()
	}
	st.state, st.failure = QueryCancelled, qerr.ErrCancelled.New("query %s was cancelled", id)
	st.mu.Unlock()
	r.cancelOnWorkers(nil)
	r.cancel()
	c.log.Info("query cancelled", zap.String("query_id", string(id)))
	return true, nil
}

// ResultFetcher is implemented by a WorkerConn that can stream a result
// buffer (flightsrv's): EXPLAIN ANALYZE drains results through it and
// --proxy-results relays them.
type ResultFetcher interface {
	// FetchResult streams the buffer a signed ticket names; the caller
	// releases the reader.
	FetchResult(ctx context.Context, ticket []byte) (array.RecordReader, error)
}

// OpenResult verifies a result ticket this coordinator signed and streams
// the buffer it names from the worker that holds it: how the coordinator
// relays results to clients that cannot reach workers. The caller releases
// the reader.
func (c *Coordinator) OpenResult(ctx context.Context, ticket []byte) (array.RecordReader, error) {
	t, err := c.signer.Verify(ticket, time.Now())
	if err != nil {
		return nil, err
	}
	r := c.queries.get(t.Query)
	if r == nil {
		return nil, qerr.ErrNotFound.New("query %s is unknown or its results expired", t.Query)
	}
	m, ok := r.place[t.Task]
	if !ok || t.Task.Fragment != r.plan.Root().ID {
		return nil, qerr.ErrNotFound.New("query %s has no result task %s", t.Query, t.Task)
	}
	f, ok := m.Conn.(ResultFetcher)
	if !ok {
		return nil, qerr.ErrUnsupported.New("the connection to worker %s cannot fetch results", m.Addr)
	}
	return f.FetchResult(ctx, ticket)
}
