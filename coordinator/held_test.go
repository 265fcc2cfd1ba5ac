package coordinator

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/arrow/util"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// heldBatch is a one-column int64 batch of n rows from mem.
func heldBatch(mem memory.Allocator, n int) arrow.RecordBatch {
	b := array.NewInt64Builder(mem)
	defer b.Release()
	for i := 0; i < n; i++ {
		b.Append(int64(i))
	}
	col := b.NewArray()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64}}, nil)
	return array.NewRecordBatch(schema, []arrow.Array{col}, int64(n))
}

// readRows drains a reader and releases it.
func readRows(t *testing.T, rdr array.RecordReader) int64 {
	t.Helper()
	defer rdr.Release()
	var n int64
	for rdr.Next() {
		n += rdr.RecordBatch().NumRows()
	}
	if err := rdr.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHeldResults: the store serves a result as often as asked until it
// expires, pushes out the result that expires first when it is full (in
// results or bytes), refuses one larger than itself, and releases every
// record it took (the checked allocator ends at zero), a reader open while
// its result goes included.
func TestHeldResults(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	sixty := heldBatch(mem, 60)
	schema := sixty.Schema() // every batch's
	sixtyBytes := util.TotalRecordSize(sixty)
	sixty.Release()
	now := time.Now()
	h := newHeldResults(2, sixtyBytes*3/2)
	defer h.close()

	a, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 1)}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	open, err := h.open(a, now) // read after a is pushed out
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		rdr, err := h.open(a, now)
		if err != nil {
			t.Fatal(err)
		}
		if n := readRows(t, rdr); n != 1 {
			t.Errorf("result a has %d rows, want 1", n)
		}
	}
	b, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 1)}, now.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// A third result in a store of two pushes out a, which expires first.
	if _, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 1)}, now.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.open(a, now); !qerr.Has(err, qerr.ErrNotFound) {
		t.Errorf("open of a pushed-out result: %v, want ErrNotFound", err)
	}
	if n := readRows(t, open); n != 1 {
		t.Errorf("the reader opened before a went has %d rows, want 1", n)
	}
	// Past its expiry a result is gone.
	if _, err := h.open(b, now.Add(2*time.Hour+time.Second)); !qerr.Has(err, qerr.ErrNotFound) {
		t.Errorf("open of an expired result: %v, want ErrNotFound", err)
	}
	// One larger than the store is refused, and released.
	if _, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 1000)}, now.Add(time.Hour)); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Errorf("put of a result larger than the store: %v, want ErrTooLarge", err)
	}
	// Results that together pass the byte bound push out the older ones.
	big, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 60)}, now.Add(4*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.put(schema, []arrow.RecordBatch{heldBatch(mem, 60)}, now.Add(5*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.open(big, now); !qerr.Has(err, qerr.ErrNotFound) {
		t.Errorf("the first of two results over the byte bound is still held: %v", err)
	}
}

// TestHeldExtendedExpiresLater: a result whose expiration was extended
// is pushed out after one that now expires before it.
func TestHeldExtendedExpiresLater(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	now := time.Now()
	h := newHeldResults(2, 1<<20)
	defer h.close()
	put := func(expires time.Time) stage.QueryID {
		rec := heldBatch(mem, 1)
		id, err := h.put(rec.Schema(), []arrow.RecordBatch{rec}, expires)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	a := put(now.Add(time.Hour))
	b := put(now.Add(2 * time.Hour))
	if _, err := h.extend(a, now, 3*time.Hour, 0); err != nil {
		t.Fatal(err)
	}
	put(now.Add(4 * time.Hour))
	if _, err := h.open(b, now); !qerr.Has(err, qerr.ErrNotFound) {
		t.Errorf("b, which now expires first, is still held: %v", err)
	}
	rdr, err := h.open(a, now)
	if err != nil {
		t.Fatalf("the extended result a is gone: %v", err)
	}
	readRows(t, rdr)
}

// newWorkerlessCoordinator is a coordinator with a fresh catalog, a ticket
// signer and no live worker: what a cluster whose workers are all gone
// looks like to it.
func newWorkerlessCoordinator(t testing.TB, ttl time.Duration) *Coordinator {
	t.Helper()
	cat, err := catalog.OpenBolt(filepath.Join(t.TempDir(), "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Config{QueryTimeout: time.Minute, ResultTTL: ttl}, cat, NewMembership(nil, time.Second, zap.NewNop()),
		stage.NewTicketSigner([]byte("test secret")), zap.NewNop())
	t.Cleanup(func() {
		c.Close()
		_ = cat.Close()
	})
	return c
}

// TestExplainWithoutWorkers: with no live worker, EXPLAIN still answers:
// one endpoint at the coordinator (no address) whose ticket OpenHeld
// serves, the plan one line a row in one utf8 column named plan, with its
// stage annotations; RenewHeld gives a new ticket. EXPLAIN ANALYZE, which runs the query, is
// ErrUnavailable. A garbage or altered held ticket does not open, and an
// expired one is refused.
func TestExplainWithoutWorkers(t *testing.T) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(t, time.Hour)
	sess := NewSession("", false)
	if _, err := c.ExecuteUpdate(ctx, sess, "CREATE TABLE t (a INT, s VARCHAR(10))"); err != nil {
		t.Fatal(err)
	}
	res, err := c.Execute(ctx, sess, "EXPLAIN SELECT s, count(*) FROM t GROUP BY s ORDER BY s")
	if err != nil {
		t.Fatalf("EXPLAIN without workers: %v", err)
	}
	if len(res.Endpoints) != 1 || res.Endpoints[0].Addr != "" || !IsHeldTicket(res.Endpoints[0].Ticket) {
		t.Fatalf("EXPLAIN endpoints %+v, want one held by the coordinator", res.Endpoints)
	}
	if res.Schema.NumFields() != 1 || res.Schema.Field(0).Name != "plan" || !arrow.TypeEqual(res.Schema.Field(0).Type, arrow.BinaryTypes.String) {
		t.Errorf("EXPLAIN schema %s, want one utf8 column plan", res.Schema)
	}
	ticket := res.Endpoints[0].Ticket
	_, rdr, err := c.OpenHeld(ticket)
	if err != nil {
		t.Fatalf("OpenHeld of EXPLAIN's ticket: %v", err)
	}
	var lines []string
	for rdr.Next() {
		col := rdr.RecordBatch().Column(0).(*array.String)
		for i := 0; i < col.Len(); i++ {
			lines = append(lines, col.Value(i))
		}
	}
	rdr.Release()
	if len(lines) < 2 || !strings.Contains(lines[0], "<- stage 0, result, 1 task") {
		t.Errorf("EXPLAIN lines:\n%s\nwant the root line annotated <- stage 0, result, 1 task", strings.Join(lines, "\n"))
	}
	if !res.Expires.After(time.Now()) || res.Query != "" {
		t.Errorf("EXPLAIN result expires %s, query %q; want a future expiry and no query", res.Expires, res.Query)
	}

	renewed, exp, err := c.RenewHeld(ticket)
	if err != nil || !exp.After(time.Now()) || !IsHeldTicket(renewed.Ticket) || renewed.Addr != "" {
		t.Fatalf("RenewHeld: %+v until %s, %v; want a new coordinator ticket", renewed, exp, err)
	}
	if _, rdr, err := c.OpenHeld(renewed.Ticket); err != nil {
		t.Errorf("OpenHeld of the renewed ticket: %v", err)
	} else {
		rdr.Release()
	}

	if _, err := c.Execute(ctx, sess, "EXPLAIN ANALYZE SELECT count(*) FROM t"); !qerr.Has(err, qerr.ErrUnavailable) {
		t.Errorf("EXPLAIN ANALYZE without workers: %v, want ErrUnavailable", err)
	}

	altered := append([]byte(nil), ticket...)
	altered[len(altered)/2] ^= 1
	for name, bad := range map[string][]byte{
		"garbage":      []byte(heldTicketMagic + "not a ticket"),
		"altered":      altered,
		"query_ticket": c.signer.Sign(stage.Ticket{Query: "q", Expires: time.Now().Add(time.Hour)}),
	} {
		if _, _, err := c.OpenHeld(bad); !qerr.Has(err, qerr.ErrUnauthorized) {
			t.Errorf("OpenHeld of a %s ticket: %v, want ErrUnauthorized", name, err)
		}
	}

	short := newWorkerlessCoordinator(t, time.Millisecond)
	if _, err := short.ExecuteUpdate(ctx, sess, "CREATE TABLE t (a INT)"); err != nil {
		t.Fatal(err)
	}
	res, err = short.Execute(ctx, sess, "EXPLAIN SELECT a FROM t")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	if _, _, err := short.OpenHeld(res.Endpoints[0].Ticket); !qerr.Has(err, qerr.ErrExpired) {
		t.Errorf("OpenHeld of an expired ticket: %v, want ErrExpired", err)
	}
}
