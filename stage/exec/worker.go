package exec

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// renderFunc turns a task into the SQL it runs; duck.RenderTask outside tests.
type renderFunc func(spec *stage.TaskSpec, env duck.RenderEnv) (string, error)

// Worker runs stage tasks and owns their output buffers. Every task runs in
// a goroutine the Worker owns, under a context that CancelQuery, the task's
// deadline or Close cancels. A Worker is safe for concurrent use.
type Worker struct {
	cfg    Config
	engine *Engine
	mem    memory.Allocator
	log    *zap.Logger
	render renderFunc
	codec  ipc.Option // nil: uncompressed

	mu        sync.Mutex
	closed    bool
	queries   map[stage.QueryID]*queryState
	cancelled map[stage.QueryID]cancelMark // remembered until their time

	wg   sync.WaitGroup // running tasks and the janitor
	stop chan struct{}
}

// cancelMark remembers that a query's attempts up to upTo were cancelled
// (all of them: math.MaxInt), and so were the task attempts in tasks, why,
// and until when StartTask refuses them.
type cancelMark struct {
	upTo  int
	cause error
	tasks map[taskKey]error
	until time.Time
}

// refuses is why a task attempt k of the mark's query is refused, or nil.
func (c cancelMark) refuses(k taskKey) error {
	if k.attempt <= c.upTo {
		return c.cause
	}
	return c.tasks[k]
}

// taskKey names one attempt of one task.
type taskKey struct {
	task    stage.TaskID
	attempt int
}

// queryState is what a worker holds for one query, every attempt of it.
type queryState struct {
	tasks map[taskKey]*task
	bufs  map[bufKey]*buffer
	mem   *queryMem // the query's memory budget and spill files here
}

// NewWorker starts a worker runtime on engine. The caller closes the Worker
// before the Engine.
func NewWorker(cfg Config, engine *Engine, log *zap.Logger) (*Worker, error) {
	cfg.defaults()
	if cfg.Allocator == nil {
		return nil, qerr.ErrInvalid.New("worker config: no allocator")
	}
	if cfg.Peers == nil {
		return nil, qerr.ErrInvalid.New("worker config: no peers to fetch exchanges from")
	}
	if !filepath.IsAbs(cfg.DataDir) {
		return nil, qerr.ErrInvalid.New("worker config: data directory %q is not absolute", cfg.DataDir)
	}
	if log == nil {
		log = zap.NewNop()
	}
	codec, err := compressionOption(cfg.Compression)
	if err != nil {
		return nil, err
	}
	if cfg.SpillDir != "" {
		// Left by a process that died: no query of ours refers to it.
		if err := os.RemoveAll(cfg.SpillDir); err != nil {
			return nil, qerr.ErrInternal.Wrap(err, "clear spill directory")
		}
	}
	w := &Worker{
		codec:     codec,
		cfg:       cfg,
		engine:    engine,
		mem:       cfg.Allocator,
		log:       log.With(qlog.Worker(cfg.Address)),
		render:    duck.RenderTask,
		queries:   map[stage.QueryID]*queryState{},
		cancelled: map[stage.QueryID]cancelMark{},
		stop:      make(chan struct{}),
	}
	w.wg.Add(1)
	go w.janitor()
	return w, nil
}

// Address is the worker's address as configured.
func (w *Worker) Address() string { return w.cfg.Address }

// Allocator is the allocator the worker's Arrow buffers come from.
func (w *Worker) Allocator() memory.Allocator { return w.mem }

// task is one running (or finished) task.
type task struct {
	spec    *stage.TaskSpec
	attempt int // spec's, from 1
	ctx     context.Context
	cancel  context.CancelCauseFunc
	timer   *time.Timer // cancels the task at its deadline; RenewQuery moves it
	// deadline is the timer's time; Worker.mu guards it.
	deadline time.Time
	schema   *arrow.Schema // the promised output schema
	bufs     []*buffer
	// filter summarizes the output rows of a runtime filter's build task
	// into filterBufs, one per probe task (runtimefilter.go); nil if none.
	filter     *filterBuilder
	bloom      bloomSet // the Bloom filters the task's rows must pass (awaitFilters)
	filterBufs []*buffer
	acct       taskAcct
	log        *zap.Logger

	done  chan struct{}
	stats stage.TaskStatsSpec
	err   error
}

// TaskHandle is a started task.
type TaskHandle struct {
	t *task
}

// Wait blocks until the task has finished, been cancelled or ctx is done,
// and returns the task's statistics or its error. A cancelled task
// answers its cause at once, while it still stops (DuckDB's interrupt
// takes a moment), so that whoever waits learns of a cancel from within
// the worker (an abandoned result) without that delay. Leaving Wait does
// not stop the task.
func (h *TaskHandle) Wait(ctx context.Context) (stage.TaskStatsSpec, error) {
	select {
	case <-h.t.done:
		return h.t.stats, h.t.err
	case <-h.t.ctx.Done():
		select {
		case <-h.t.done: // finished: runTask ends the context after done
			return h.t.stats, h.t.err
		default:
			return stage.TaskStatsSpec{}, context.Cause(h.t.ctx)
		}
	case <-ctx.Done():
		return stage.TaskStatsSpec{}, qerr.ErrCancelled.Wrap(context.Cause(ctx), "waiting for task %s", h.t.spec.Task)
	}
}

// Done is closed when the task has finished.
func (h *TaskHandle) Done() <-chan struct{} { return h.t.done }

// partitions is how many buffers an output of kind k with n consumers has.
func partitions(o stage.OutputSpec) (int, error) {
	switch o.Kind {
	case stage.OutputResult, stage.OutputConvergent:
		if o.Consumers > 1 {
			return 0, qerr.ErrInvalid.New("%s output with %d consumers", o.Kind, o.Consumers)
		}
		return 1, nil
	case stage.OutputNormal, stage.OutputExpansive:
		if o.Consumers < 1 {
			return 0, qerr.ErrInvalid.New("%s output with %d consumers", o.Kind, o.Consumers)
		}
		return o.Consumers, nil
	case stage.OutputWrite:
		if o.WriteDir == "" {
			return 0, qerr.ErrInvalid.New("write output without a directory")
		}
		return 0, nil
	case stage.OutputAnalyze:
		return 0, nil
	}
	return 0, qerr.ErrInvalid.New("unknown output kind %q", o.Kind)
}

// StartTask registers the task's output buffers and starts it. When it
// returns without error, the buffers exist (a consumer that asks for them
// finds them) and the task runs in a goroutine owned by the worker, under a
// context that CancelQuery, the spec's deadline or Close cancels; ctx only
// bounds the start. A task of a cancelled query (or attempt) is refused
// with the cancel's cause, a task attempt that is already known with
// ErrAlreadyExists.
func (w *Worker) StartTask(ctx context.Context, spec *stage.TaskSpec) (*TaskHandle, error) {
	if err := stage.CheckVersion(spec.Version); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, qerr.ErrCancelled.Wrap(err, "start task %s", spec.Task)
	}
	nparts, err := partitions(spec.Output)
	if err != nil {
		return nil, err
	}
	schema, err := spec.Output.Schema.Arrow()
	if err != nil {
		return nil, err
	}
	filter, filterSchema, err := newFilterBuilder(spec.Output.Filter, schema)
	if err != nil {
		return nil, err
	}
	deadline := spec.Deadline
	if deadline.IsZero() {
		deadline = time.Now().Add(w.cfg.DefaultTTL)
	}

	attempt := max(spec.Attempt, 1)
	t := &task{
		spec:     spec,
		attempt:  attempt,
		schema:   schema,
		deadline: deadline,
		filter:   filter,
		done:     make(chan struct{}),
		log: w.log.With(qlog.Query(spec.Query), qlog.Fragment(spec.Task.Fragment), qlog.Task(spec.Task),
			qlog.Attempt(attempt)),
	}
	t.ctx, t.cancel = context.WithCancelCause(context.Background())
	t.timer = time.AfterFunc(time.Until(deadline), func() {
		t.cancel(qerr.ErrCancelled.New("task %s of query %s passed its deadline", spec.Task, spec.Query))
	})
	stop := func() { t.timer.Stop() }

	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		stop()
		return nil, qerr.ErrUnavailable.New("worker %s is shutting down", w.cfg.Address)
	}
	if c, ok := w.cancelled[spec.Query]; ok && c.refuses(taskKey{spec.Task, attempt}) != nil {
		w.mu.Unlock()
		stop()
		return nil, c.refuses(taskKey{spec.Task, attempt})
	}
	qs := w.queryLocked(spec.Query)
	key := taskKey{spec.Task, attempt}
	_, running := qs.tasks[key]
	_, buffered := qs.bufs[bufKey{spec.Query, attempt, spec.Task, 0}]
	if running || buffered {
		w.mu.Unlock()
		stop()
		return nil, qerr.ErrAlreadyExists.New("task %s (attempt %d) of query %s already exists on %s", spec.Task, attempt, spec.Query, w.cfg.Address)
	}
	for p := range nparts {
		k := bufKey{spec.Query, attempt, spec.Task, p}
		b := newBuffer(k, schema, deadline, qs.mem, &t.acct, spec.Output.Kind == stage.OutputResult, spec.Output.Retain)
		qs.bufs[k] = b
		t.bufs = append(t.bufs, b)
	}
	if filter != nil {
		for p := range spec.Output.Filter.Probes {
			k := bufKey{spec.Query, attempt, spec.Task, stage.FilterPartition(nparts, p)}
			b := newBuffer(k, filterSchema, deadline, qs.mem, &t.acct, false, spec.Output.Retain)
			qs.bufs[k] = b
			t.filterBufs = append(t.filterBufs, b)
		}
	}
	qs.tasks[key] = t
	w.wg.Add(1)
	w.mu.Unlock()

	t.log.Info("task started", zap.String("output", string(spec.Output.Kind)),
		zap.Int("inputs", len(spec.Inputs)), zap.Time("deadline", deadline))
	go w.runTask(t)
	return &TaskHandle{t: t}, nil
}

func (w *Worker) runTask(t *task) {
	defer w.wg.Done()
	start := time.Now()
	stats, err := func() (stats stage.TaskStatsSpec, err error) {
		defer func() {
			if r := recover(); r != nil {
				t.log.Error("task panicked", zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
				err = qerr.ErrInternal.New("task %s panicked: %v", t.spec.Task, r)
			}
		}()
		return w.execute(t)
	}()
	if err != nil && t.ctx.Err() != nil {
		// Whatever DuckDB or a stream said, the task stopped because its
		// context ended: report why.
		err = context.Cause(t.ctx)
	}
	stats.Version = stage.SpecVersion
	stats.Task = t.spec.Task
	stats.Attempt = t.attempt
	stats.Worker = w.cfg.Address
	stats.Started = start
	stats.Wall = time.Since(start)
	stats.PeakBytes = t.acct.mem.peak.Load()
	stats.SpilledBytes = t.acct.spilled.Load()
	stats.Retained = t.spec.Output.Retain && err == nil
	w.sendFilter(t, err)
	for _, b := range t.bufs {
		b.finish(err)
		stats.Retained = stats.Retained && b.kept()
	}
	metrics.ObserveTask(w.cfg.Address, string(t.spec.Output.Kind), stats.RowsOut, stats.BytesOut, stats.SpilledBytes, err)

	w.mu.Lock()
	if qs, ok := w.queries[t.spec.Query]; ok {
		// A failed task's buffers stay registered, empty, so that a reader
		// that comes late gets the task's error; reading, a cancel or the
		// deadline frees them.
		delete(qs.tasks, taskKey{t.spec.Task, t.attempt})
		w.forgetLocked(t.spec.Query)
	}
	w.mu.Unlock()

	if err != nil {
		t.log.Warn("task failed", zap.Error(err), zap.String("code", string(qerr.CodeOf(err))), zap.Duration("wall", stats.Wall))
	} else {
		t.log.Info("task finished", zap.Int64("rows_in", stats.RowsIn), zap.Int64("rows_out", stats.RowsOut),
			zap.Int64("bytes_out", stats.BytesOut), zap.Duration("wall", stats.Wall),
			zap.Int64("peak_bytes", stats.PeakBytes), zap.Int64("spilled_bytes", stats.SpilledBytes))
	}
	t.stats, t.err = stats, err
	t.timer.Stop()
	close(t.done)
	t.cancel(nil) // after done: Wait tells a cancel from the end by it
}

// Close cancels every task, waits for them to end and frees every buffer.
// It is idempotent, and leaves Config.Peers to its owner.
func (w *Worker) Close() {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.closed = true
	cause := qerr.ErrUnavailable.New("worker %s is shutting down", w.cfg.Address)
	for _, qs := range w.queries {
		for _, t := range qs.tasks {
			t.cancel(cause)
		}
	}
	w.mu.Unlock()
	close(w.stop)
	w.wg.Wait()

	w.mu.Lock()
	var bufs []*buffer
	var mems []*queryMem
	for _, qs := range w.queries {
		for _, b := range qs.bufs {
			bufs = append(bufs, b)
		}
		mems = append(mems, qs.mem)
	}
	w.queries = map[stage.QueryID]*queryState{}
	w.mu.Unlock()
	for _, b := range bufs {
		b.free(cause)
	}
	for _, m := range mems {
		m.removeDir()
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func sanitize(s string, max int) string {
	b := []byte(s)
	if len(b) > max {
		b = b[:max]
	}
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}
