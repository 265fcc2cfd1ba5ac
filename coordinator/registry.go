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
		if now.After(q.expires) {
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
	if r != nil && time.Now().After(r.expires) {
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
		if now.After(r.expires) {
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

// info describes r.
func (r *running) info() QueryInfo {
	st := &r.status
	st.mu.Lock()
	defer st.mu.Unlock()
	qi := QueryInfo{ID: r.id, State: st.state, Started: st.started, Ended: st.ended, Expires: r.expires, Tasks: len(r.place)}
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

// Query describes one query to sess, or reports false when the registry
// does not hold it (unknown, or its results expired) or it is another
// user's and sess is not an administrator's: a query of someone else looks
// unknown, so that its ID reveals nothing.
func (c *Coordinator) Query(ctx context.Context, sess *Session, id stage.QueryID) (QueryInfo, bool) {
	r := c.queries.get(id)
	if r == nil || !c.mayControl(ctx, sess, r.owner) {
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
	if r == nil || !c.mayControl(ctx, sess, r.owner) {
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
