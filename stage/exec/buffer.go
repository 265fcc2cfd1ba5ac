package exec

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// bufKey names one output buffer: one partition of one attempt of one
// task's output.
type bufKey struct {
	query   stage.QueryID
	attempt int
	task    stage.TaskID
	part    int
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

// buffer is one partition of a task's output: in memory while its query is
// within its memory budget on this worker, in Arrow IPC spill files beyond
// it, and otherwise the producer waits. The producer pushes and then
// finishes (or fails) it; the registry frees it.
//
// An exchange buffer is read once, by its one consumer: a batch is dropped
// as soon as it is read, and the buffer is freed at the end of the read or
// when its reader goes away. A result buffer (OutputResult) is kept whole,
// so that a client may fetch it again, concurrently or later, until it
// expires or its query is cancelled: every reader streams it from the
// start. So is a retained exchange buffer (OutputSpec.Retain), until the
// coordinator releases it (Worker.CancelTasks) or its query ends: a later
// attempt of its consumer reads it again from its start. A kept buffer
// that outgrows its query's memory budget and spill cap on this worker
// stops being kept (keep turns false): from then on it is read once, like
// an exchange buffer, and its producer waits for its reader.
//
// Every in-memory batch in queue holds one reference owned by the buffer
// (a reader retains its own); every spill file in queue is owned by the
// buffer and deleted when its entry is dropped.
type buffer struct {
	key    bufKey
	schema *arrow.Schema
	q      *queryMem
	task   *taskAcct
	result bool // an OutputResult buffer
	retain bool // a retained exchange buffer (kept while keep holds)

	// deadline is when the janitor frees the buffer. Worker.mu guards it
	// (RenewQuery moves it).
	deadline time.Time

	mu       sync.Mutex
	wake     chan struct{} // closed and replaced on every state change
	queue    []entry       // the batches from index first on
	first    int           // batches before it were read and dropped
	memBytes int64         // bytes of the in-memory entries of queue
	seq      int           // spill files written
	keep     bool          // batches stay after they are read (a result or retained exchange that fits)
	readers  map[*bufferReader]struct{}
	opened   bool  // an exchange buffer's one reader came
	closed   bool  // the producer finished; readers see EOF after the queue
	err      error // failed or freed; readers get it
	freed    bool  // no longer in the registry; pushes are dropped
}

// newBuffer makes the buffer k of a task's output: a result, or an
// exchange that retain keeps for a later reader.
func newBuffer(key bufKey, schema *arrow.Schema, deadline time.Time, q *queryMem, task *taskAcct, result, retain bool) *buffer {
	return &buffer{key: key, schema: schema, deadline: deadline, q: q, task: task, result: result, retain: retain && !result,
		keep: result || retain, wake: make(chan struct{}), readers: map[*bufferReader]struct{}{}}
}

// kept reports whether b still holds every batch it was given.
func (b *buffer) kept() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.keep && b.err == nil
}

// notify wakes every waiting reader and producer. b.mu is held.
func (b *buffer) notify() {
	close(b.wake)
	b.wake = make(chan struct{})
}

// push queues rec (retaining it, or writing it to a spill file) and returns
// once it is queued. A freed or failed buffer drops it. When the query is
// over its memory budget and may not spill, a kept result stops being kept,
// and push waits until a reader frees memory or ctx is done; a buffer that
// holds nothing in memory always takes one batch, so a partition whose
// reader keeps up never waits for others.
func (b *buffer) push(ctx context.Context, rec arrow.RecordBatch) error {
	n := RecordBytes(rec)
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
		if b.keep {
			// No room to keep the whole result: it is read once from
			// here on, and what its readers have passed can go.
			b.keep = false
			b.dropReadLocked()
			b.mu.Unlock()
			continue
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
	b.dropFirstLocked(len(b.queue))
}

// dropFirstLocked drops the first n entries of queue. b.mu is held.
func (b *buffer) dropFirstLocked(n int) {
	if n == 0 {
		return
	}
	var freedMem int64
	for i, e := range b.queue[:n] {
		if e.rec != nil {
			e.rec.Release()
			freedMem += e.size
		} else {
			b.q.removeSpill(e.path, e.size)
		}
		b.queue[i] = entry{}
	}
	b.queue = b.queue[n:]
	b.first += n
	if freedMem > 0 {
		b.memBytes -= freedMem
		b.task.mem.add(-freedMem)
		b.q.mem.add(-freedMem)
		b.q.notify()
	}
	b.notify()
}

// dropReadLocked drops, in a buffer that is not kept, the entries every
// open reader has passed. b.mu is held.
func (b *buffer) dropReadLocked() {
	if b.keep || len(b.readers) == 0 {
		return
	}
	low := b.first + len(b.queue)
	for r := range b.readers {
		low = min(low, r.pos)
	}
	b.dropFirstLocked(low - b.first)
}

// bufferReader streams one buffer, from its start, to one reader. Next
// blocks until a batch arrives, the buffer ends or fails, or ctx is done.
// What ends with the reader depends on the buffer (see buffer): an
// exchange buffer, or a result no longer kept, is freed once read to its
// end or abandoned midway; a kept result stays. A reader that abandons a
// result whose producer still runs cancels the query on this worker (its
// tasks then fail, and the coordinator stops it everywhere): nobody else
// will read a result left half-read.
//
// A result's reader that has handed out no batch yet, whose buffer fails
// because its attempt was given up (CancelAttempt), moves to the newest
// attempt's buffer of the same result on this worker, if there is one:
// the client that waits on it gets the rows of the attempt that runs
// now, never a mix. One that has handed out batches fails with the cause.
type bufferReader struct {
	ctx  context.Context
	b    *buffer // changes only when the reader follows a newer attempt
	w    *Worker
	refs atomic.Int64
	pos  int // index of the next batch; b.mu guards it

	cur  arrow.RecordBatch
	sent bool // Next has handed out a batch
	err  error
	done bool
}

// attach makes r the reader of b from its start (OpenBuffer's checks).
func (r *bufferReader) attach(b *buffer) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.retain && b.opened && !b.keep:
		// Not found as retained output: the coordinator runs its producer
		// again.
		return qerr.ErrNotFound.New("exchange buffer %s of query %s outgrew what this worker keeps of a query (--query-memory and --spill-limit) and was read once: it is no longer retained", partName(b.key), b.key.query)
	case !b.result && b.opened && !b.keep:
		return qerr.ErrInvalid.New("buffer %s of query %s is already being read", partName(b.key), b.key.query)
	case b.first > 0:
		return qerr.ErrTooLarge.New("result %s of query %s outgrew what this worker keeps of a query (--query-memory and --spill-limit) and was partly read: it can be read only once", partName(b.key), b.key.query)
	}
	b.opened = true
	r.b, r.pos = b, b.first
	b.readers[r] = struct{}{}
	return nil
}

// follow moves r, which has handed out nothing, from its failed result
// buffer to the newest attempt's buffer of the same result, and reports
// whether it did.
func (r *bufferReader) follow() bool {
	old := r.b
	if !old.result || r.sent {
		return false
	}
	r.w.mu.Lock()
	next := r.w.newestLocked(old.key)
	r.w.mu.Unlock()
	if next == nil {
		return false
	}
	old.mu.Lock()
	delete(old.readers, r)
	old.mu.Unlock()
	if r.attach(next) != nil {
		r.b = old // as it was, for Release
		return false
	}
	r.w.log.Info("result reader follows the next attempt", qlog.Query(old.key.query), qlog.Task(old.key.task),
		qlog.Attempt(next.key.attempt))
	return true
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
	b := r.b
	b.mu.Lock()
	delete(b.readers, r)
	b.dropReadLocked()
	others := len(b.readers) > 0
	failed := b.err != nil
	running := !b.closed && !failed
	kept := b.keep
	b.mu.Unlock()
	if r.done && r.err == nil {
		return // read to its end: Next has done what the end does
	}
	abandoned := qerr.ErrCancelled.New("buffer %s of query %s was abandoned by its reader", partName(b.key), b.key.query)
	switch {
	case b.retain && kept && !failed:
		// A later attempt of its consumer may read it: it stays until
		// released.
	case !b.result:
		r.w.freeBuffer(b, abandoned)
	case failed:
		// Failed or freed already: nothing is left to keep.
		r.w.freeBuffer(b, nil)
	case others:
	case running:
		r.w.log.Info("result abandoned while its query runs: cancelling it", qlog.Query(b.key.query),
			qlog.Task(b.key.task))
		r.w.CancelQuery(b.key.query,
			qerr.ErrCancelled.New("the client abandoned result %s of query %s before its end", partName(b.key), b.key.query))
	case !kept:
		// Partly read and not kept: nobody can read it from its start.
		r.w.freeBuffer(b, abandoned)
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
	for {
		b := r.b
		b.mu.Lock()
		if b.err != nil {
			err, wake := b.err, b.wake
			settled := b.freed || !b.result || r.sent || !qerr.Retryable(err)
			b.mu.Unlock()
			if !settled {
				// A result that failed retryably (a producer lost) before
				// this reader handed out a batch: the coordinator either
				// runs the query again, starting the next attempt before
				// it frees this one (then the reader follows), or stops
				// it, freeing this one with the cause.
				select {
				case <-wake:
					continue
				case <-r.ctx.Done():
					r.err, r.done = qerr.ErrCancelled.Wrap(context.Cause(r.ctx), "reading buffer %s", partName(b.key)), true
					return false
				}
			}
			if r.follow() {
				continue
			}
			r.err, r.done = err, true
			return false
		}
		if i := r.pos - b.first; i < len(b.queue) {
			e := b.queue[i]
			if e.rec != nil {
				e.rec.Retain()
				r.pos++
				b.dropReadLocked()
				b.mu.Unlock()
				r.cur, r.sent = e.rec, true
				return true
			}
			// The entry stays while this reader has not passed it, so its
			// file stays too, unless the buffer is freed meanwhile.
			b.mu.Unlock()
			rec, err := b.q.readSpill(e.path, r.w.mem)
			b.mu.Lock()
			if err != nil {
				if b.err != nil {
					err = b.err
				}
				r.err, r.done = err, true
				b.mu.Unlock()
				return false
			}
			r.pos++
			b.dropReadLocked()
			b.mu.Unlock()
			r.cur, r.sent = rec, true
			return true
		}
		if b.closed {
			r.done = true
			delete(b.readers, r)
			readOnce := !b.keep && len(b.readers) == 0
			b.mu.Unlock()
			if readOnce {
				r.w.freeBuffer(b, nil)
			}
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

// partName names k in messages: task/partition, and the attempt after
// the first.
func partName(k bufKey) string {
	s := k.task.String() + "/" + itoa(k.part)
	if k.attempt > 1 {
		s += " (attempt " + itoa(k.attempt) + ")"
	}
	return s
}

// RecordBytes is the size of the buffers rec references, as buffers and
// task statistics count it (arrow/util's TotalRecordSize pulls in protobuf
// reflection; this is all it needs).
func RecordBytes(rec arrow.RecordBatch) int64 {
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
