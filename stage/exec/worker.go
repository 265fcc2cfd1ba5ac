package exec

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// Config is a worker's runtime configuration.
type Config struct {
	// Address is the host:port other nodes reach this worker's Flight
	// service at. It names the worker in logs and task statistics.
	Address string
	// DataDir is the absolute data directory: scan splits and table
	// directories are relative to it.
	DataDir string
	// Peers fetches exchange inputs from other workers. Required; the
	// Worker does not close it.
	Peers Peers
	// Allocator allocates every Arrow buffer the worker makes. Required.
	Allocator memory.Allocator
	// BatchRows is the number of rows output batches are coalesced to
	// (default 65536).
	BatchRows int
	// BatchBytes caps the bytes of a coalesced batch (default 8 MiB, at most
	// a quarter of MaxMessageBytes), so that wide rows still make messages
	// well under the gRPC limit.
	BatchBytes int
	// MaxMessageBytes is the gRPC message limit of the streams that serve
	// the worker's buffers, which BatchBytes' default stays well within (0:
	// not known here; BatchBytes' default alone).
	MaxMessageBytes int
	// DefaultTTL bounds a task whose spec has no deadline (default 1 hour).
	DefaultTTL time.Duration
	// JanitorInterval is how often expired buffers are freed (default 1 s).
	JanitorInterval time.Duration
	// CancelledTTL is how long a cancelled query is remembered, so that a
	// late StartTask for it is refused (default 10 minutes).
	CancelledTTL time.Duration
	// QueryMemory is how many bytes of exchange and result buffers one
	// query may hold in memory on this worker before they spill (default
	// DefaultQueryMemory; negative: no limit).
	QueryMemory int64
	// SpillLimit caps the bytes of spill files one query may hold on this
	// worker: beyond it, producers wait for readers. 0 means no cap,
	// negative disables spilling.
	SpillLimit int64
	// SpillDir is where buffers spill, one subdirectory per query (default
	// <DataDir>/tmp/<address>/spill). The worker owns it: whatever is in it
	// at start is deleted.
	SpillDir string
	// Compression is the IPC compression of exchange and result streams and
	// of spill files: "none" (default), "lz4" or "zstd".
	Compression string
}

// DefaultQueryMemory is Config.QueryMemory's default: 512 MiB.
const DefaultQueryMemory = 512 << 20

func (c *Config) defaults() {
	if c.BatchRows <= 0 {
		c.BatchRows = 64 << 10
	}
	if c.BatchBytes <= 0 {
		c.BatchBytes = 8 << 20
		if c.MaxMessageBytes > 0 {
			c.BatchBytes = min(c.BatchBytes, c.MaxMessageBytes/4)
		}
	}
	if c.DefaultTTL <= 0 {
		c.DefaultTTL = time.Hour
	}
	if c.JanitorInterval <= 0 {
		c.JanitorInterval = time.Second
	}
	if c.CancelledTTL <= 0 {
		c.CancelledTTL = 10 * time.Minute
	}
	if c.QueryMemory == 0 {
		c.QueryMemory = DefaultQueryMemory
	}
	if c.SpillDir == "" && c.DataDir != "" {
		c.SpillDir = filepath.Join(c.DataDir, "tmp", sanitize(c.Address, 100), "spill")
	}
}

// compressionOption is the IPC writer option of a Config.Compression name.
func compressionOption(name string) (ipc.Option, error) {
	switch strings.ToLower(name) {
	case "", "none":
		return nil, nil
	case "lz4", "lz4_frame":
		return ipc.WithLZ4(), nil
	case "zstd":
		return ipc.WithZstd(), nil
	}
	return nil, qerr.ErrInvalid.New("unknown IPC compression %q (want none, lz4 or zstd)", name)
}

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
	cancelled map[stage.QueryID]time.Time // remembered until the time given
	causes    map[stage.QueryID]error     // why each remembered query was cancelled

	wg   sync.WaitGroup // running tasks and the janitor
	stop chan struct{}
}

// queryState is what a worker holds for one query.
type queryState struct {
	tasks map[stage.TaskID]*task
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
		cancelled: map[stage.QueryID]time.Time{},
		causes:    map[stage.QueryID]error{},
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
	spec   *stage.TaskSpec
	ctx    context.Context
	cancel context.CancelCauseFunc
	timer  *time.Timer // cancels the task at its deadline; RenewQuery moves it
	// deadline is the timer's time; Worker.mu guards it.
	deadline time.Time
	schema   *arrow.Schema // the promised output schema
	bufs     []*buffer
	acct     taskAcct
	log      *zap.Logger

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
	}
	return 0, qerr.ErrInvalid.New("unknown output kind %q", o.Kind)
}

// StartTask registers the task's output buffers and starts it. When it
// returns without error, the buffers exist (a consumer that asks for them
// finds them) and the task runs in a goroutine owned by the worker, under a
// context that CancelQuery, the spec's deadline or Close cancels; ctx only
// bounds the start. A task of a cancelled query is refused with
// ErrCancelled, a task that is already known with ErrAlreadyExists.
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
	deadline := spec.Deadline
	if deadline.IsZero() {
		deadline = time.Now().Add(w.cfg.DefaultTTL)
	}

	t := &task{
		spec:     spec,
		schema:   schema,
		deadline: deadline,
		done:     make(chan struct{}),
		log:      w.log.With(qlog.Query(spec.Query), qlog.Fragment(spec.Task.Fragment), qlog.Task(spec.Task)),
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
	if _, ok := w.cancelled[spec.Query]; ok {
		cause := w.causes[spec.Query]
		w.mu.Unlock()
		stop()
		return nil, cause
	}
	qs := w.queryLocked(spec.Query)
	_, running := qs.tasks[spec.Task]
	_, buffered := qs.bufs[bufKey{spec.Query, spec.Task, 0}]
	if running || buffered {
		w.mu.Unlock()
		stop()
		return nil, qerr.ErrAlreadyExists.New("task %s of query %s already exists on %s", spec.Task, spec.Query, w.cfg.Address)
	}
	for p := range nparts {
		k := bufKey{spec.Query, spec.Task, p}
		b := newBuffer(k, schema, deadline, qs.mem, &t.acct, spec.Output.Kind == stage.OutputResult)
		qs.bufs[k] = b
		t.bufs = append(t.bufs, b)
	}
	qs.tasks[spec.Task] = t
	w.wg.Add(1)
	w.mu.Unlock()

	t.log.Info("task started", zap.String("output", string(spec.Output.Kind)),
		zap.Int("inputs", len(spec.Inputs)), zap.Time("deadline", deadline))
	go w.runTask(t)
	return &TaskHandle{t: t}, nil
}

func (w *Worker) queryLocked(q stage.QueryID) *queryState {
	qs, ok := w.queries[q]
	if !ok {
		var dir string
		if w.cfg.SpillDir != "" {
			dir = filepath.Join(w.cfg.SpillDir, sanitize(string(q), 64))
		}
		qs = &queryState{tasks: map[stage.TaskID]*task{}, bufs: map[bufKey]*buffer{},
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
	stats.Worker = w.cfg.Address
	stats.Wall = time.Since(start)
	stats.PeakBytes = t.acct.mem.peak.Load()
	stats.SpilledBytes = t.acct.spilled.Load()
	for _, b := range t.bufs {
		b.finish(err)
	}
	metrics.ObserveTask(w.cfg.Address, string(t.spec.Output.Kind), stats.RowsOut, stats.BytesOut, stats.SpilledBytes, err)

	w.mu.Lock()
	if qs, ok := w.queries[t.spec.Query]; ok {
		// A failed task's buffers stay registered, empty, so that a reader
		// that comes late gets the task's error; reading, a cancel or the
		// deadline frees them.
		delete(qs.tasks, t.spec.Task)
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

// OpenBuffer returns a reader of the buffer a verified ticket names, from
// its start. The reader's Next blocks until a batch arrives or the buffer
// ends, fails, or ctx is done; the caller releases the reader. An exchange
// buffer has one reader and is freed once read or abandoned; a result
// buffer may be read again, also concurrently, until it expires or its
// query is cancelled (see buffer). An unknown or freed buffer is
// ErrNotFound, an exchange buffer that is already being read ErrInvalid, a
// result too large to keep that was partly read ErrTooLarge.
func (w *Worker) OpenBuffer(ctx context.Context, t stage.Ticket) (array.RecordReader, error) {
	k := bufKey{t.Query, t.Task, t.Partition}
	w.mu.Lock()
	var b *buffer
	if qs, ok := w.queries[t.Query]; ok {
		b = qs.bufs[k]
	}
	cause := w.causes[t.Query]
	w.mu.Unlock()
	if b == nil {
		if cause != nil {
			// The query failed or was cancelled: say why, not just that
			// its buffer is gone.
			return nil, cause
		}
		return nil, qerr.ErrNotFound.New("no buffer %s of query %s on %s: unknown, already read, or freed", partName(k), t.Query, w.cfg.Address)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case !b.result && b.opened:
		return nil, qerr.ErrInvalid.New("buffer %s of query %s is already being read", partName(k), t.Query)
	case b.first > 0:
		return nil, qerr.ErrTooLarge.New("result %s of query %s outgrew what this worker keeps of a query (--query-memory and --spill-limit) and was partly read: it can be read only once", partName(k), t.Query)
	}
	b.opened = true
	r := &bufferReader{ctx: ctx, b: b, w: w, pos: b.first}
	r.refs.Store(1)
	b.readers[r] = struct{}{}
	return r, nil
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

// CancelQuery stops every task of q on this worker and frees its buffers.
// Readers get ErrCancelled, and StartTask refuses q's tasks for a while. It
// does not wait for the tasks to end.
func (w *Worker) CancelQuery(ctx context.Context, q stage.QueryID, cause error) {
	if cause == nil {
		cause = qerr.ErrCancelled.New("query %s was cancelled", q)
	}
	w.mu.Lock()
	w.cancelled[q] = time.Now().Add(w.cfg.CancelledTTL)
	w.causes[q] = cause
	var tasks []*task
	var bufs []*buffer
	if qs, ok := w.queries[q]; ok {
		for _, t := range qs.tasks {
			tasks = append(tasks, t)
		}
		for _, b := range qs.bufs {
			bufs = append(bufs, b)
		}
		qs.bufs = map[bufKey]*buffer{}
		w.forgetLocked(q)
	}
	w.mu.Unlock()
	for _, t := range tasks {
		t.cancel(cause)
	}
	for _, b := range bufs {
		b.free(cause)
	}
	w.log.Info("query cancelled", qlog.Query(q),
		zap.Int("tasks", len(tasks)), zap.Int("buffers", len(bufs)))
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

// Stats is a snapshot of what a worker holds, for the quiver.stats action
// and tests: a worker at rest has zero of everything.
type Stats struct {
	Queries       int   `json:"queries"`        // queries with tasks or buffers here
	Tasks         int   `json:"tasks"`          // running tasks
	Buffers       int   `json:"buffers"`        // registered buffers
	Readers       int   `json:"readers"`        // streams reading them now
	BufferedBytes int64 `json:"buffered_bytes"` // bytes of in-memory batches
	SpillFiles    int   `json:"spill_files"`    // files under the spill directory
	SpillBytes    int64 `json:"spill_bytes"`    // their bytes
	Cancelled     int   `json:"cancelled"`      // cancelled queries remembered
	Connections   int64 `json:"connections"`    // DuckDB connections of running tasks
	Goroutines    int   `json:"goroutines"`     // of the whole process
}

// Stats counts what the worker holds now; the spill files are counted on
// disk.
func (w *Worker) Stats() Stats {
	var s Stats
	w.mu.Lock()
	s.Queries = len(w.queries)
	s.Cancelled = len(w.cancelled)
	for _, qs := range w.queries {
		s.Tasks += len(qs.tasks)
		s.Buffers += len(qs.bufs)
		s.BufferedBytes += qs.mem.mem.cur.Load()
		for _, b := range qs.bufs {
			b.mu.Lock() // after w.mu: nothing takes them the other way round
			s.Readers += len(b.readers)
			b.mu.Unlock()
		}
	}
	w.mu.Unlock()
	if w.cfg.SpillDir != "" {
		s.SpillFiles, s.SpillBytes = spillFiles(w.cfg.SpillDir)
	}
	s.Connections = w.engine.OpenConnections()
	s.Goroutines = runtime.NumGoroutine()
	return s
}

// SpilledBytes is the number of bytes q has written to spill files on this
// worker so far.
func (w *Worker) SpilledBytes(q stage.QueryID) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if qs, ok := w.queries[q]; ok {
		return qs.mem.spilled.Load()
	}
	return 0
}

// IPCOptions are the options of the IPC writers of the worker's streams
// (compression).
func (w *Worker) IPCOptions() []ipc.Option {
	if w.codec == nil {
		return nil
	}
	return []ipc.Option{w.codec}
}

// janitor frees buffers past their task's deadline and forgets old cancels.
func (w *Worker) janitor() {
	defer w.wg.Done()
	tick := time.NewTicker(w.cfg.JanitorInterval)
	defer tick.Stop()
	for {
		select {
		case <-w.stop:
			return
		case now := <-tick.C:
			w.expire(now)
		}
	}
}

func (w *Worker) expire(now time.Time) {
	var expired []*buffer
	w.mu.Lock()
	for q, until := range w.cancelled {
		if now.After(until) {
			delete(w.cancelled, q)
			delete(w.causes, q)
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
