package exec

import (
	"context"
	"math"
	"path/filepath"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

func (w *Worker) queryLocked(q stage.QueryID) *queryState {
	qs, ok := w.queries[q]
	if !ok {
		var dir string
		if w.cfg.SpillDir != "" {
			dir = filepath.Join(w.cfg.SpillDir, sanitize(string(q), 64))
		}
		qs = &queryState{tasks: map[taskKey]*task{}, bufs: map[bufKey]*buffer{},
			mem: newQueryMem(q, w.cfg.QueryMemory, w.cfg.SpillLimit, dir, w.codec)}
		w.queries[q] = qs
	}
	return qs
}

// forgetLocked drops a query's state, and its spill directory, once it
// holds nothing.
func (w *Worker) forgetLocked(q stage.QueryID) {
	if qs, ok := w.queries[q]; ok && len(qs.tasks) == 0 && len(qs.bufs) == 0 {
		delete(w.queries, q)
		qs.mem.removeDir()
	}
}

// OpenBuffer returns a reader of the buffer a verified ticket names, from
// its start: the ticket's attempt, or for a ticket without one (a
// result's) the newest attempt held here, which the reader follows to a
// newer one should its attempt be given up before it read a batch (see
// bufferReader). The reader's Next blocks until a batch arrives or the buffer
// ends, fails, or ctx is done; the caller releases the reader. An exchange
// buffer has one reader and is freed once read or abandoned; a result
// buffer may be read again, also concurrently, until it expires or its
// query is cancelled (see buffer). An unknown or freed buffer is
// ErrNotFound, an exchange buffer that is already being read ErrInvalid, a
// result too large to keep that was partly read ErrTooLarge.
func (w *Worker) OpenBuffer(ctx context.Context, t stage.Ticket) (array.RecordReader, error) {
	k := bufKey{t.Query, t.Attempt, t.Task, t.Partition}
	w.mu.Lock()
	var b *buffer
	if t.Attempt > 0 {
		if qs, ok := w.queries[t.Query]; ok {
			b = qs.bufs[k]
		}
	} else {
		b = w.newestLocked(k)
	}
	mark, cancelled := w.cancelled[t.Query]
	w.mu.Unlock()
	if b == nil {
		if cancelled && (t.Attempt == 0 || t.Attempt <= mark.upTo) {
			// The query failed or was cancelled: say why, not just that
			// its buffer is gone.
			return nil, mark.cause
		}
		return nil, qerr.ErrNotFound.New("no buffer %s of query %s on %s: unknown, already read, or freed", partName(k), t.Query, w.cfg.Address)
	}
	r := &bufferReader{ctx: ctx, w: w}
	r.refs.Store(1)
	if err := r.attach(b); err != nil {
		return nil, err
	}
	return r, nil
}

// newestLocked is the buffer of k's task and partition with the highest
// attempt above k.attempt that the worker holds, or nil. w.mu is held.
func (w *Worker) newestLocked(k bufKey) *buffer {
	qs, ok := w.queries[k.query]
	if !ok {
		return nil
	}
	var newest *buffer
	for bk, b := range qs.bufs {
		if bk.task == k.task && bk.part == k.part && bk.attempt > k.attempt && (newest == nil || bk.attempt > newest.key.attempt) {
			newest = b
		}
	}
	return newest
}

// RenewQuery moves the deadline of every task and buffer of q on this
// worker to until, where that is later: a renewed result stays fetchable,
// and its tasks may run, that long. It reports whether the worker holds
// anything of q.
func (w *Worker) RenewQuery(q stage.QueryID, until time.Time) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	qs, ok := w.queries[q]
	if !ok {
		return false
	}
	for _, b := range qs.bufs {
		if until.After(b.deadline) {
			b.deadline = until
		}
	}
	for _, t := range qs.tasks {
		if until.After(t.deadline) {
			t.deadline = until
			t.timer.Reset(time.Until(until))
		}
	}
	w.log.Info("query renewed", qlog.Query(q), zap.Time("until", until),
		zap.Int("tasks", len(qs.tasks)), zap.Int("buffers", len(qs.bufs)))
	return true
}

// freeBuffer removes b from the registry and frees it; err (if any) is what
// readers still waiting get.
func (w *Worker) freeBuffer(b *buffer, err error) {
	w.mu.Lock()
	if qs, ok := w.queries[b.key.query]; ok && qs.bufs[b.key] == b {
		delete(qs.bufs, b.key)
		w.forgetLocked(b.key.query)
	}
	w.mu.Unlock()
	b.free(err)
}

// CancelQuery stops every task of q on this worker and frees its buffers,
// every attempt's. Readers get cause (nil: ErrCancelled), and StartTask
// refuses q's tasks for a while. It does not wait for the tasks to end.
func (w *Worker) CancelQuery(q stage.QueryID, cause error) {
	if cause == nil {
		cause = qerr.ErrCancelled.New("query %s was cancelled", q)
	}
	w.CancelAttempt(q, math.MaxInt, cause)
}

// CancelAttempt is CancelQuery of q's attempts up to upTo only: the
// coordinator gave them up for a later one, which it started first. Their
// tasks stop, their buffers are freed (readers get cause, but a result's
// reader that has read nothing follows to the newer attempt's buffer) and
// StartTask refuses them for a while; later attempts run on.
func (w *Worker) CancelAttempt(q stage.QueryID, upTo int, cause error) {
	w.mu.Lock()
	mark := cancelMark{upTo: upTo, cause: cause, until: time.Now().Add(w.cfg.CancelledTTL)}
	if old, ok := w.cancelled[q]; ok && old.upTo > upTo {
		mark.upTo, mark.cause = old.upTo, old.cause
	}
	w.cancelled[q] = mark
	var tasks []*task
	var bufs []*buffer
	if qs, ok := w.queries[q]; ok {
		for k, t := range qs.tasks {
			if k.attempt <= upTo {
				tasks = append(tasks, t)
			}
		}
		for k, b := range qs.bufs {
			if k.attempt <= upTo {
				bufs = append(bufs, b)
				delete(qs.bufs, k)
			}
		}
		w.forgetLocked(q)
	}
	w.mu.Unlock()
	for _, t := range tasks {
		t.cancel(cause)
	}
	for _, b := range bufs {
		b.free(cause)
	}
	fields := []zap.Field{qlog.Query(q), zap.Int("tasks", len(tasks)), zap.Int("buffers", len(bufs))}
	if upTo < math.MaxInt {
		fields = append(fields, qlog.Attempt(upTo))
	}
	w.log.Info("query cancelled", fields...)
}

// BufferedBytes is the number of bytes the buffers of q hold on this worker.
func (w *Worker) BufferedBytes(q stage.QueryID) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if qs, ok := w.queries[q]; ok {
		return qs.mem.mem.cur.Load()
	}
	return 0
}

// janitor frees buffers past their task's deadline, forgets old cancels
// and enforces the disk limits (diskWatch).
func (w *Worker) janitor() {
	defer w.wg.Done()
	tick := time.NewTicker(w.cfg.JanitorInterval)
	defer tick.Stop()
	var disk <-chan time.Time // nil without a disk limit: never fires
	var watch diskWatch
	if w.cfg.QueryDiskLimit > 0 || w.cfg.DiskLimit > 0 || w.cfg.MemoryLimit > 0 {
		dt := time.NewTicker(w.cfg.DiskCheckInterval)
		defer dt.Stop()
		disk = dt.C
	}
	for {
		select {
		case <-w.stop:
			return
		case now := <-tick.C:
			w.expire(now)
		case <-disk:
			watch.check(w)
		}
	}
}

func (w *Worker) expire(now time.Time) {
	var expired []*buffer
	w.mu.Lock()
	for q, mark := range w.cancelled {
		if now.After(mark.until) {
			delete(w.cancelled, q)
		}
	}
	for q, qs := range w.queries {
		for k, b := range qs.bufs {
			if now.After(b.deadline) {
				expired = append(expired, b)
				delete(qs.bufs, k)
			}
		}
		w.forgetLocked(q)
	}
	w.mu.Unlock()
	for _, b := range expired {
		b.free(qerr.ErrExpired.New("buffer %s of query %s expired at %s", partName(b.key), b.key.query, b.deadline.Format(time.RFC3339)))
	}
}
