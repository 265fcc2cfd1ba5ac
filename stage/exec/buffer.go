package exec

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// bufKey names one output buffer: one partition of one task's output.
type bufKey struct {
	query stage.QueryID
	task  stage.TaskID
	part  int
}

// usage counts buffered bytes and their peak. The per-query counter is
// where spilling will hook in.
type usage struct {
	cur, peak atomic.Int64
}

func (u *usage) add(n int64) {
	c := u.cur.Add(n)
	for {
		p := u.peak.Load()
		if c <= p || u.peak.CompareAndSwap(p, c) {
			return
		}
	}
}

// buffer is one partition of a task's output, held in memory until its one
// reader drains it. The producer pushes and then finishes (or fails) it; the
// registry frees it. Every batch in queue holds one reference owned by the
// buffer, handed to the reader on pop.
type buffer struct {
	key      bufKey
	schema   *arrow.Schema
	deadline time.Time
	acct     []*usage // the query's and the task's counters

	mu     sync.Mutex
	wake   chan struct{} // closed and replaced on every state change
	queue  []arrow.RecordBatch
	sizes  []int64
	closed bool  // the producer finished; readers see EOF after the queue
	err    error // failed or freed; readers get it
	freed  bool  // no longer in the registry; pushes are dropped
	opened bool  // a reader has it
}

func newBuffer(key bufKey, schema *arrow.Schema, deadline time.Time, acct ...*usage) *buffer {
	return &buffer{key: key, schema: schema, deadline: deadline, acct: acct, wake: make(chan struct{})}
}

func (b *buffer) account(n int64) {
	for _, u := range b.acct {
		u.add(n)
	}
}

// notify wakes every waiting reader. b.mu is held.
func (b *buffer) notify() {
	close(b.wake)
	b.wake = make(chan struct{})
}

// push queues rec, retaining it. A freed or failed buffer drops it.
func (b *buffer) push(rec arrow.RecordBatch) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.freed || b.err != nil || b.closed {
		return
	}
	rec.Retain()
	n := recordBytes(rec)
	b.queue = append(b.queue, rec)
	b.sizes = append(b.sizes, n)
	b.account(n)
	b.notify()
}

// finish ends the producer's side: nil means every batch is queued, an
// error fails the buffer and drops what it holds.
func (b *buffer) finish(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || b.err != nil {
		return
	}
	if err != nil {
		b.err = err
		b.dropLocked()
	} else {
		b.closed = true
	}
	b.notify()
}

// free releases everything the buffer holds; readers that are still waiting
// get err. The registry calls it after removing the buffer.
func (b *buffer) free(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.freed {
		return
	}
	b.freed = true
	if b.err == nil && (!b.closed || len(b.queue) > 0) {
		// Freed before it was drained: what a reader would still get is gone.
		if err == nil {
			err = qerr.ErrNotFound.New("buffer %s of query %s was freed", partName(b.key), b.key.query)
		}
		b.err = err
	}
	b.dropLocked()
	b.notify()
}

func (b *buffer) dropLocked() {
	for i, rec := range b.queue {
		rec.Release()
		b.account(-b.sizes[i])
	}
	b.queue, b.sizes = nil, nil
}

// bufferReader streams one buffer to its one reader. Next blocks until a
// batch arrives, the buffer ends or fails, or ctx is done. Once the reader
// has seen the end, the buffer is freed; a reader released before the end
// frees it too (a partial read cannot be resumed), so nothing waits for a
// reader that went away.
type bufferReader struct {
	ctx  context.Context
	b    *buffer
	w    *Worker
	refs atomic.Int64

	cur  arrow.RecordBatch
	err  error
	done bool
}

var _ array.RecordReader = (*bufferReader)(nil)

func (r *bufferReader) Schema() *arrow.Schema { return r.b.schema }

func (r *bufferReader) Retain() { r.refs.Add(1) }

func (r *bufferReader) Release() {
	if r.refs.Add(-1) != 0 {
		return
	}
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if !r.done || r.err != nil {
		r.w.freeBuffer(r.b, qerr.ErrCancelled.New("buffer %s of query %s was abandoned by its reader", partName(r.b.key), r.b.key.query))
	}
}

func (r *bufferReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.done {
		return false
	}
	b := r.b
	for {
		b.mu.Lock()
		if len(b.queue) > 0 {
			r.cur = b.queue[0]
			b.account(-b.sizes[0])
			b.queue[0] = nil
			b.queue, b.sizes = b.queue[1:], b.sizes[1:]
			b.mu.Unlock()
			return true
		}
		if b.err != nil {
			r.err, r.done = b.err, true
			b.mu.Unlock()
			return false
		}
		if b.closed {
			r.done = true
			b.mu.Unlock()
			r.w.freeBuffer(b, nil)
			return false
		}
		wake := b.wake
		b.mu.Unlock()
		select {
		case <-wake:
		case <-r.ctx.Done():
			r.err, r.done = qerr.ErrCancelled.Wrap(context.Cause(r.ctx), "reading buffer %s", partName(b.key)), true
			return false
		}
	}
}

func (r *bufferReader) RecordBatch() arrow.RecordBatch { return r.cur }

// Record is RecordBatch; it completes array.RecordReader.
func (r *bufferReader) Record() arrow.RecordBatch { return r.cur }

func (r *bufferReader) Err() error { return r.err }

func partName(k bufKey) string {
	return k.task.String() + "/" + itoa(k.part)
}

// recordBytes is the size of the buffers rec references (arrow/util's
// TotalRecordSize pulls in protobuf reflection; this is all it needs).
func recordBytes(rec arrow.RecordBatch) int64 {
	var n int64
	for _, c := range rec.Columns() {
		n += dataBytes(c.Data())
	}
	return n
}

func dataBytes(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Len())
		}
	}
	for _, c := range d.Children() {
		n += dataBytes(c)
	}
	if dict, ok := d.Dictionary().(*array.Data); ok && dict != nil {
		n += dataBytes(dict)
	}
	return n
}
