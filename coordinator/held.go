package coordinator

import (
	"bytes"
	"container/heap"
	"context"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/arrow/util"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Results the coordinator computes itself (EXPLAIN, EXPLAIN ANALYZE, and
// queries that read no table, run on its local engine: local.go) are held here, not on a
// worker: answer stores the records and returns a Result whose one
// endpoint has no address (the service the client called) and a sealed
// ticket, and the coordinator's do_get serves it with OpenHeld until the
// result TTL passes. The store is bounded in results and bytes: a new
// result pushes out those closest to their expiry.

// heldTicketMagic starts the sealed ticket of a held result
// (stage.TicketSigner.SignHandle): it can pass neither for a worker's
// result ticket nor for a poll handle, and they cannot pass for it.
const heldTicketMagic = "qc1."

// The bounds of the held results: coordinator answers are small (plans,
// statistics, metadata), and many clients may hold one each.
const (
	maxHeldResults = 1024
	maxHeldBytes   = 64 << 20
)

// IsHeldTicket reports whether a ticket names a result the coordinator
// holds itself (OpenHeld serves it), by its prefix only.
func IsHeldTicket(ticket []byte) bool {
	return bytes.HasPrefix(ticket, []byte(heldTicketMagic))
}

// heldResult is one result the coordinator holds.
type heldResult struct {
	schema  *arrow.Schema
	records []arrow.RecordBatch
	bytes   int64
	created time.Time
	expires time.Time
	id      stage.QueryID
	index   int // in heldResults.byExpiry
}

// heldResults is the store of held results by ID, within maxResults and
// maxBytes. Its zero value is not ready: use newHeldResults.
type heldResults struct {
	maxResults int
	maxBytes   int64

	mu   sync.Mutex
	byID map[stage.QueryID]*heldResult
	// byExpiry orders the same results, the next to expire first, so
	// that put finds what to drop without looking at every result.
	byExpiry heldByExpiry
	bytes    int64
}

// heldByExpiry is a heap (container/heap) of held results by expiration.
type heldByExpiry []*heldResult

func (q heldByExpiry) Len() int           { return len(q) }
func (q heldByExpiry) Less(i, j int) bool { return q[i].expires.Before(q[j].expires) }
func (q heldByExpiry) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}
func (q *heldByExpiry) Push(x any) {
	r := x.(*heldResult)
	r.index = len(*q)
	*q = append(*q, r)
}
func (q *heldByExpiry) Pop() any {
	old := *q
	r := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return r
}

func newHeldResults(maxResults int, maxBytes int64) *heldResults {
	return &heldResults{maxResults: maxResults, maxBytes: maxBytes, byID: map[stage.QueryID]*heldResult{}}
}

// put holds records until expires under a new ID, taking over their
// references. A result larger than the whole store is ErrTooLarge (and its
// records are released); otherwise expired results are dropped, then
// those that expire first until the new one fits.
func (h *heldResults) put(schema *arrow.Schema, records []arrow.RecordBatch, expires time.Time) (stage.QueryID, error) {
	r := &heldResult{schema: schema, records: records, created: time.Now(), expires: expires}
	for _, rec := range records {
		r.bytes += util.TotalRecordSize(rec)
	}
	if r.bytes > h.maxBytes {
		r.release()
		return "", qerr.ErrTooLarge.New("a coordinator result of %d bytes exceeds the %d bytes it may hold", r.bytes, h.maxBytes)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	for len(h.byExpiry) > 0 && now.After(h.byExpiry[0].expires) {
		h.dropLocked(h.byExpiry[0].id)
	}
	for len(h.byExpiry) > 0 && (len(h.byExpiry) >= h.maxResults || h.bytes+r.bytes > h.maxBytes) {
		h.dropLocked(h.byExpiry[0].id)
	}
	r.id = newQueryID()
	h.byID[r.id] = r
	heap.Push(&h.byExpiry, r)
	h.bytes += r.bytes
	return r.id, nil
}

// open is a reader over the records of result id, or ErrNotFound when it
// is unknown, was pushed out or expired by now. The reader holds its own
// references: the result may go meanwhile.
func (h *heldResults) open(id stage.QueryID, now time.Time) (array.RecordReader, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.byID[id]
	if ok && now.After(r.expires) {
		h.dropLocked(id)
		ok = false
	}
	if !ok {
		return nil, qerr.ErrNotFound.New("coordinator result %s is unknown or expired", id)
	}
	return array.NewRecordReader(r.schema, r.records)
}

// extend moves the expiration of result id to ttl from now, never past
// its creation plus maxAge (0: no cap), where that is later, and reports
// it; ErrNotFound as open.
func (h *heldResults) extend(id stage.QueryID, now time.Time, ttl, maxAge time.Duration) (time.Time, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.byID[id]
	if !ok || now.After(r.expires) {
		return time.Time{}, qerr.ErrNotFound.New("coordinator result %s is unknown or expired", id)
	}
	until := now.Add(ttl)
	if limit := r.created.Add(maxAge); maxAge > 0 && until.After(limit) {
		until = limit
	}
	if until.After(r.expires) {
		r.expires = until
		heap.Fix(&h.byExpiry, r.index)
	}
	return r.expires, nil
}

// close releases every result.
func (h *heldResults) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for id := range h.byID {
		h.dropLocked(id)
	}
}

func (h *heldResults) dropLocked(id stage.QueryID) {
	r := h.byID[id]
	delete(h.byID, id)
	heap.Remove(&h.byExpiry, r.index)
	h.bytes -= r.bytes
	r.release()
}

func (r *heldResult) release() {
	for _, rec := range r.records {
		rec.Release()
	}
}

// answer holds records the coordinator computed itself and returns them
// as a Result with one endpoint at the coordinator, its ticket sealed for
// the statement's user and valid for the result TTL. It takes over the
// records' references. The Result names no query: there is nothing to
// poll or cancel.
func (c *Coordinator) answer(ctx context.Context, schema *arrow.Schema, records []arrow.RecordBatch) (*Result, error) {
	exp := time.Now().Add(c.cfg.ResultTTL)
	id, err := c.held.put(schema, records, exp)
	if err != nil {
		return nil, err
	}
	return &Result{Schema: schema, Expires: exp, Endpoints: []Endpoint{c.heldEndpoint(id, userOf(ctx), exp)}}, nil
}

// heldEndpoint is the endpoint of held result id: no address (the
// coordinator itself) and a ticket valid until exp.
func (c *Coordinator) heldEndpoint(id stage.QueryID, user string, exp time.Time) Endpoint {
	return Endpoint{Ticket: c.signer.SignHandle(heldTicketMagic, stage.Ticket{Query: id, Expires: exp, Principal: user})}
}

// answerColumn answers values as a one-column utf8 result named name, one
// row per value.
func (c *Coordinator) answerColumn(ctx context.Context, name string, values []string) (*Result, error) {
	b := array.NewStringBuilder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues(values, nil)
	col := b.NewArray()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: name, Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
	return c.answer(ctx, schema, []arrow.RecordBatch{array.NewRecordBatch(schema, []arrow.Array{col}, int64(len(values)))})
}

// OpenHeld opens a ticket of a result this coordinator holds (IsHeldTicket):
// the ticket's fields, for the caller to check its principal, and a reader
// over the result, which the caller releases. A ticket that does not open
// is ErrUnauthorized, an expired one ErrExpired, a result that is gone
// ErrNotFound: the client learns of each only that its ticket was refused.
func (c *Coordinator) OpenHeld(ticket []byte) (stage.Ticket, array.RecordReader, error) {
	now := time.Now()
	t, err := c.signer.VerifyHandle(heldTicketMagic, ticket, now)
	if err != nil {
		return stage.Ticket{}, nil, err
	}
	rdr, err := c.held.open(t.Query, now)
	if err != nil {
		return stage.Ticket{}, nil, err
	}
	return t, rdr, nil
}

// RenewHeld extends a held result's expiration as Renew does a query's:
// the result TTL from now, never past its creation plus
// Config.ResultMaxAge. It returns the endpoint with a new ticket and
// its expiration; the errors are OpenHeld's.
func (c *Coordinator) RenewHeld(ticket []byte) (Endpoint, time.Time, error) {
	now := time.Now()
	t, err := c.signer.VerifyHandle(heldTicketMagic, ticket, now)
	if err != nil {
		return Endpoint{}, time.Time{}, err
	}
	exp, err := c.held.extend(t.Query, now, c.cfg.ResultTTL, c.cfg.ResultMaxAge)
	if err != nil {
		return Endpoint{}, time.Time{}, err
	}
	return c.heldEndpoint(t.Query, t.Principal, exp), exp, nil
}
