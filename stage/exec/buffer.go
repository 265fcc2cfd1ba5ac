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

// usage counts bytes and their peak.
type usage struct {
	cur, peak atomic.Int64
}

func (u *usage) add(n int64) {
	c := u.cur.Add(n)
	u.raise(c)
}

func (u *usage) raise(c int64) {
	for {
		p := u.peak.Load()
		if c <= p || u.peak.CompareAndSwap(p, c) {
			return
		}
	}
}

// reserve adds n if that keeps cur within limit (limit < 0: no limit).
func (u *usage) reserve(n, limit int64) bool {
	if limit < 0 {
		u.add(n)
		return true
	}
	for {
		c := u.cur.Load()
		if c+n > limit {
			return false
		}
		if u.cur.CompareAndSwap(c, c+n) {
			u.raise(c + n)
			return true
		}
	}
}

// taskAcct is what one task's buffers count: bytes in memory (for
// TaskStatsSpec.PeakBytes) and bytes written to spill files.
type taskAcct struct {
	mem     usage
	spilled atomic.Int64
}

// entry is one queued batch: in memory (rec) or in a spill file (path).
type entry struct {
	rec  arrow.RecordBatch
	path string
	size int64 // in-memory size; for a spilled batch, its file's size
}

// buffer is one partition of a task's output, held until its one reader
// drains it: in memory while its query is within its memory budget on this
// worker, in Arrow IPC spill files beyond it (read back in order), and
// otherwise the producer waits. The producer pushes and then finishes (or
// fails) it; the registry frees it. Every in-memory batch in queue holds one
// reference owned by the buffer, handed to the reader on pop; every spill
// file in queue is owned by the buffer until popped, then by the reader,
// which deletes it once read.
type buffer struct {
	key      bufKey
	schema   *arrow.Schema
	deadline time.Time
	q        *queryMem
	task     *taskAcct

	mu       sync.Mutex
	wake     chan struct{} // closed and replaced on every state change
	queue    []entry
	memBytes int64 // bytes of the in-memory entries of queue
	seq      int   // spill files written
	closed   bool  // the producer finished; readers see EOF after the queue
	err      error // failed or freed; readers get it
	freed    bool  // no longer in the registry; pushes are dropped
	opened   bool  // a reader has it
}

func newBuffer(key bufKey, schema *arrow.Schema, deadline time.Time, q *queryMem, task *taskAcct) *buffer {
	return &buffer{key: key, schema: schema, deadline: deadline, q: q, task: task, wake: make(chan struct{})}
}

// notify wakes every waiting reader and producer. b.mu is held.
func (b *buffer) notify() {
	close(b.wake)
	b.wake = make(chan struct{})
}

// push queues rec (retaining it, or writing it to a spill file) and returns
// once it is queued. A freed or failed buffer drops it. When the query is
// over its memory budget and may not spill, push waits until a reader frees
// memory or ctx is done; a buffer that holds nothing in memory always takes
// one batch, so a partition whose reader keeps up never waits for others.
func (b *buffer) push(ctx context.Context, rec arrow.RecordBatch) error {
	n := recordBytes(rec)
	for {
		b.mu.Lock()
		if b.freed || b.err != nil || b.closed {
			b.mu.Unlock()
			return nil
		}
		if b.q.mem.reserve(n, b.q.budget) {
			b.queueMemLocked(rec, n)
			b.mu.Unlock()
			return nil
		}
		if b.q.reserveDisk(n) {
			seq := b.seq
			b.seq++
			b.mu.Unlock()
			return b.pushSpilled(rec, n, seq)
		}
		if b.memBytes == 0 {
			b.q.mem.add(n)
			b.queueMemLocked(rec, n)
			b.mu.Unlock()
			return nil
		}
		wake, qwake := b.wake, b.q.waitCh()
		b.mu.Unlock()
		select {
		case <-wake:
		case <-qwake:
		case <-ctx.Done():
			return qerr.ErrCancelled.Wrap(context.Cause(ctx), "waiting for room in buffer %s", partName(b.key))
		}
	}
}

// queueMemLocked queues rec in memory; its n bytes are already counted in
// the query's usage. b.mu is held.
func (b *buffer) queueMemLocked(rec arrow.RecordBatch, n int64) {
	rec.Retain()
	b.queue = append(b.queue, entry{rec: rec, size: n})
	b.memBytes += n
	b.task.mem.add(n)
	b.notify()
}

// pushSpilled writes rec to spill file seq (reserved disk: n bytes) and
// queues it.
func (b *buffer) pushSpilled(rec arrow.RecordBatch, n int64, seq int) error {
	path, size, err := b.q.writeSpill(b.key, seq, rec)
	if err != nil {
		b.q.disk.Add(-n)
		return err
	}
	b.q.disk.Add(size - n)
	b.task.spilled.Add(size)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.freed || b.err != nil || b.closed {
		b.q.removeSpill(path, size)
		return nil
	}
	b.queue = append(b.queue, entry{path: path, size: size})
	b.notify()
	return nil
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

// free releases everything the buffer holds and deletes its spill files;
// readers that are still waiting get err. The registry calls it after
// removing the buffer.
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
	var freedMem bool
	for _, e := range b.queue {
		if e.rec != nil {
			e.rec.Release()
			b.q.mem.add(-e.size)
			freedMem = true
		} else {
			b.q.removeSpill(e.path, e.size)
		}
	}
	b.task.mem.add(-b.memBytes)
	b.queue, b.memBytes = nil, 0
	if freedMem {
		b.q.notify()
	}
}

// pop takes the first queued entry. b.mu is held.
func (b *buffer) popLocked() entry {
	e := b.queue[0]
	b.queue[0] = entry{}
	b.queue = b.queue[1:]
	if e.rec != nil {
		b.memBytes -= e.size
		b.task.mem.add(-e.size)
		b.q.mem.add(-e.size)
		b.q.notify()
	}
	b.notify()
	return e
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
			e := b.popLocked()
			b.mu.Unlock()
			if e.rec != nil {
				r.cur = e.rec
				return true
			}
			rec, err := b.q.readSpill(e.path, e.size, r.w.mem)
			if err != nil {
				r.err, r.done = err, true
				return false
			}
			r.cur = rec
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
