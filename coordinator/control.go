package coordinator

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// This file is what clients do to a query they started, through the
// coordinator: poll it, renew its results, cancel it, and read a result
// through the coordinator. Each finds the query in the registry, checks
// that the caller may reach it, and leaves the rest to the query
// (query.go).

// notFound is the answer about a query the registry does not hold, or
// holds for another user.
func notFound(id stage.QueryID) error {
	return qerr.ErrNotFound.New("query %s is unknown or its results expired", id)
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
	q := c.queries.get(t.Query)
	if q == nil || !c.mayControl(ctx, sess, q.stmt.user) {
		return Endpoint{}, time.Time{}, notFound(t.Query)
	}
	if _, ok := q.resultTask(t.Task); !ok || t.Partition != 0 {
		return Endpoint{}, time.Time{}, qerr.ErrNotFound.New("query %s has no result task %s", t.Query, t.Task)
	}
	if _, failure := q.outcome(); failure != nil {
		return Endpoint{}, time.Time{}, failure
	}
	until := q.renewal(time.Now())
	if err := q.renewOnWorkers(ctx, until); err != nil {
		return Endpoint{}, time.Time{}, err
	}
	exp := q.extend(until)
	q.log.Info("results renewed", zap.Time("expires", exp))
	return q.endpoint(t.Task, exp), exp, nil
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
// a renewal does, so that the handle outlives a long query. A failed query
// answers its error, a cancelled one ErrCancelled, one that is unknown or
// whose results expired ErrNotFound, as is another user's query to anyone
// but an administrator.
func (c *Coordinator) Poll(ctx context.Context, sess *Session, id stage.QueryID, wait time.Duration) (Progress, error) {
	q := c.queries.get(id)
	if q == nil || !c.mayControl(ctx, sess, q.stmt.user) {
		return Progress{}, notFound(id)
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-q.done:
	case <-timer.C:
	case <-ctx.Done():
	}
	state, failure := q.outcome()
	switch {
	case failure != nil:
		return Progress{}, failure
	case state == QueryFinished:
		// The query ended: its results are kept the result TTL from now.
		rows, _ := q.resultSize()
		return Progress{Result: q.result(), Done: true, Fraction: 1, Rows: rows}, nil
	}
	// A client that polls keeps a running query's handle alive.
	res := &Result{Query: q.id, Schema: q.root.schema, Expires: q.extend(q.renewal(time.Now()))}
	return Progress{
		Result:   res,
		Fraction: q.progress(),
		Handle:   c.signer.SignHandle(queryHandleMagic, stage.Ticket{Query: q.id, Expires: res.Expires}),
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

// Cancel stops a query: every task on every worker, its buffers and spill
// files, and the result streams being read (which end with CANCELLED). It
// reports false when there is nothing to cancel: the query is unknown, its
// results expired, or it already failed or was cancelled. A finished query
// whose results are still held is cancelled: its results are freed. Only
// the query's owner or an administrator cancels it; to anyone else it is
// unknown (false), as in Query.
func (c *Coordinator) Cancel(ctx context.Context, sess *Session, id stage.QueryID) (bool, error) {
	q := c.queries.get(id)
	if q == nil || !c.mayControl(ctx, sess, q.stmt.user) {
		return false, nil
	}
	return q.cancel(ctx), nil
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
// the buffer it names from the worker that runs the result task now
// (openResult): how the coordinator relays results to clients that cannot
// reach workers (--proxy-results), or whose worker failed them before the
// first batch (an endpoint's second location). The caller releases the
// reader.
func (c *Coordinator) OpenResult(ctx context.Context, ticket []byte) (array.RecordReader, error) {
	t, err := c.signer.Verify(ticket, time.Now())
	if err != nil {
		return nil, err
	}
	q := c.queries.get(t.Query)
	if q == nil {
		return nil, notFound(t.Query)
	}
	if _, ok := q.resultTask(t.Task); !ok {
		return nil, qerr.ErrNotFound.New("query %s has no result task %s", t.Query, t.Task)
	}
	return q.openResult(ctx, t.Task, ticket)
}

// openResult streams result task id of q with ticket (one that names no
// attempt) from the worker that runs it in the current attempt. Until it
// has handed out a batch, the stream follows the query's attempts: one
// that fails retryably (its worker lost, its attempt given up and the
// task moved) opens again at the next attempt's worker once the query
// runs one, and fails only when the query ends without. The caller
// releases the reader.
func (q *query) openResult(ctx context.Context, id stage.TaskID, ticket []byte) (array.RecordReader, error) {
	r := &resultRelay{ctx: ctx, q: q, id: id, ticket: ticket}
	r.refs.Store(1)
	for {
		err := r.open()
		if err == nil {
			return r, nil
		}
		if !r.awaitNext(err) {
			// A stream that fails for good means the query fails (or
			// failed): its end says why better than the stream.
			select {
			case <-q.done:
			case <-ctx.Done():
			}
			if failure := q.endedWithout(); failure != nil {
				return nil, &EndedError{Err: failure}
			}
			return nil, err
		}
	}
}

// EndedError is openResult's error for a result whose query failed or
// passed its statement timeout before the result could be read: its
// client, whose ticket it is (the ticket opened, for its principal), is
// told why, as a worker tells a reader whose query ends while it waits. A
// result cancelled by a client or expired stays refused like any ticket
// (README, Tickets).
type EndedError struct{ Err error }

func (e *EndedError) Error() string { return e.Err.Error() }
func (e *EndedError) Unwrap() error { return e.Err }

// endedWithout is why q ended without its results, when it failed or
// passed its statement timeout; nil otherwise.
func (q *query) endedWithout() error {
	state, failure := q.outcome()
	if state == QueryFailed || state == QueryCancelled && errors.Is(q.ctx.Err(), context.DeadlineExceeded) {
		return failure
	}
	return nil
}

// resultRelay is openResult's reader.
type resultRelay struct {
	ctx    context.Context
	q      *query
	id     stage.TaskID
	ticket []byte
	refs   atomic.Int64

	att  *attempt           // the attempt cur was opened in
	cur  array.RecordReader // nil between streams
	sent bool               // a batch was handed out
	err  error
}

// open opens the stream of the current attempt's result task.
func (r *resultRelay) open() error {
	m, a, ok := r.q.resultAttempt(r.id)
	if !ok {
		return qerr.ErrNotFound.New("query %s has no result task %s", r.q.id, r.id)
	}
	r.att = a
	select {
	case <-a.ready:
	case <-a.over:
		select {
		case <-a.ready: // it started, and is over since
		default:
			return qerr.ErrUnavailable.New("attempt %d of query %s was given up before it started", a.n, r.q.id)
		}
	case <-r.ctx.Done():
		return qerr.ErrCancelled.Wrap(context.Cause(r.ctx), "waiting for query %s to start", r.q.id)
	}
	f, ok := m.Conn.(ResultFetcher)
	if !ok {
		return qerr.ErrUnsupported.New("the connection to worker %s cannot fetch results", m.Addr)
	}
	rdr, err := f.FetchResult(r.ctx, r.ticket)
	if err != nil {
		return err
	}
	r.cur = rdr
	return nil
}

// awaitNext waits, after the stream of r.att failed with err, until that
// attempt is over, and reports whether the query runs a later one to open
// the stream at: never once a batch was handed out, nor for an error a
// retry cannot mend unless the attempt was given up (its worker ends a
// given-up attempt's streams as cancelled).
func (r *resultRelay) awaitNext(err error) bool {
	if r.sent || !qerr.Retryable(err) && !r.q.givenUp(r.att) {
		return false
	}
	select {
	case <-r.att.over:
	case <-r.ctx.Done():
		return false
	}
	if a := r.q.current(); a.n != r.att.n { // compact replaces an attempt by a smaller one of the same n
		r.q.log.Info("result relay follows the next attempt", qlog.Task(r.id), qlog.Attempt(a.n), zap.Error(err))
		return true
	}
	return false
}

func (r *resultRelay) Schema() *arrow.Schema { return r.cur.Schema() }

func (r *resultRelay) Next() bool {
	for r.err == nil {
		if r.cur.Next() {
			r.sent = true
			return true
		}
		err := r.cur.Err()
		if err == nil {
			return false
		}
		for r.err == nil {
			if !r.awaitNext(err) {
				r.err = err
				break
			}
			prev := r.cur
			if err = r.open(); err == nil {
				prev.Release()
				break
			}
		}
	}
	return false
}

func (r *resultRelay) RecordBatch() arrow.RecordBatch { return r.cur.RecordBatch() }

// Record is RecordBatch; it completes array.RecordReader.
func (r *resultRelay) Record() arrow.RecordBatch { return r.cur.RecordBatch() }

func (r *resultRelay) Err() error { return r.err }

func (r *resultRelay) Retain() { r.refs.Add(1) }

func (r *resultRelay) Release() {
	if r.refs.Add(-1) == 0 {
		r.cur.Release()
	}
}

var _ array.RecordReader = (*resultRelay)(nil)
