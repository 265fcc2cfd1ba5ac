package exec

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// execute runs one task on its own DuckDB connection: inputs streamed into
// the rendered SQL (input.go) or, where they cannot be, into temp tables
// first, the rendered SQL, the output into buffers or a file (a write of
// one input as it is streams it into the file instead: writeStream). A
// gather of one input under at most a LIMIT runs without DuckDB
// (passthrough.go).
func (w *Worker) execute(t *task) (stage.TaskStatsSpec, error) {
	if t.spec.Output.Kind == stage.OutputAnalyze {
		return w.analyze(t.ctx, t.spec)
	}
	var stats stage.TaskStatsSpec
	ctx := t.ctx
	filters, err := w.awaitFilters(ctx, t) // before a connection is held
	if err != nil {
		return stats, err
	}
	if offset, count, ok := passthroughLimit(t); ok {
		in := t.spec.Inputs[0]
		schema, err := in.Schema.Arrow()
		if err != nil {
			return stats, err
		}
		if schema.NumFields() > 0 {
			mr := w.newMergeReader(ctx, in, schema)
			defer mr.close()
			return w.passthrough(ctx, t, mr, offset, count)
		}
	}
	conn, release, err := w.engine.connect(ctx)
	if err != nil {
		return stats, err
	}
	defer release()

	var tables []string
	defer func() {
		// The task's context may be over; dropping must still run.
		dctx := context.WithoutCancel(ctx)
		for _, name := range tables {
			if err := execSQL(dctx, conn, duck.DropTable(name)); err != nil {
				t.log.Warn("drop input table", zap.String("table", name), zap.Error(err))
			}
		}
	}()
	// Every input's producers are fetched from the start, concurrently:
	// while one input is materialized, the others' streams are open and
	// their producers' buffers drain into the merge readers (and spill at
	// the producers when those are full), so no input waits for another.
	readers := make([]*mergeReader, len(t.spec.Inputs))
	defer func() {
		for _, mr := range readers {
			if mr != nil {
				mr.close()
			}
		}
	}()
	for i, in := range t.spec.Inputs {
		schema, err := in.Schema.Arrow()
		if err != nil {
			return stats, err
		}
		if len(in.Producers) > 0 && schema.NumFields() > 0 {
			readers[i] = w.newMergeReader(ctx, in, schema)
		}
	}
	if mr := streamedWrite(t, readers); mr != nil {
		return w.writeStream(ctx, conn, t, mr)
	}
	sql, streamed, err := w.renderStreaming(t.spec, readers, filters)
	defer streamed.forget()
	if err != nil {
		return stats, err
	}
	t.log.Debug("task rendered", zap.String("sql", sql))
	for i, in := range t.spec.Inputs {
		if streamed.has(in.Exchange) {
			continue
		}
		name := duck.InputTable(t.spec, in.Exchange)
		tables = append(tables, name)
		rows, bytes, err := w.materialize(ctx, conn, in, name, readers[i])
		stats.RowsIn += rows
		stats.BytesIn += bytes
		if err != nil {
			return stats, err
		}
	}
	if t.spec.Output.Kind == stage.OutputWrite {
		df, ok, err := w.copyOut(ctx, conn, sql, t)
		streamed.count(&stats)
		if err != nil {
			return stats, streamed.cause(err)
		}
		stats.RowsOut, stats.BytesOut = df.Rows, df.Bytes
		if ok {
			stats.Files = append(stats.Files, df)
		}
		return stats, nil
	}
	err = w.queryOut(ctx, conn, sql, len(streamed.from) == 0, t, &stats)
	streamed.count(&stats)
	return stats, streamed.cause(err)
}

// materialize fetches every producer's stream of one input exchange and
// stores the rows in a temp table whose columns c0..cN-1 have the input
// schema's types, which is how rendered SQL reads an exchange. The table
// exists, empty, even when no batch arrives.
//
// The streams reach DuckDB through a registered Arrow view that is read
// once, at once, with a full projection (NOTES.md: a view queried any other
// way is unsafe); the INSERT runs while producers still stream. mr is the
// input's merge reader (nil when it has no producers); the caller closes it.
func (w *Worker) materialize(ctx context.Context, conn *duckdb.Conn, in stage.InputSpec, name string, mr *mergeReader) (rows, bytes int64, err error) {
	schema, err := in.Schema.Arrow()
	if err != nil {
		return 0, 0, err
	}
	if schema.NumFields() == 0 {
		return 0, 0, qerr.ErrUnsupported.New("input exchange %d has no columns", in.Exchange)
	}
	create, err := duck.CreateInputTable(name, schema)
	if err != nil {
		return 0, 0, err
	}
	if err := execSQL(ctx, conn, create); err != nil {
		return 0, 0, duckError(err, "create input table")
	}
	if mr == nil {
		return 0, 0, nil
	}
	ar, err := duckdb.NewArrowFromConn(conn)
	if err != nil {
		return 0, 0, qerr.ErrInternal.Wrap(err, "arrow interface")
	}
	view := duck.InputView(name)
	release, err := ar.RegisterView(mr, view)
	if err != nil {
		return 0, 0, qerr.ErrInternal.Wrap(err, "register input stream")
	}
	err = execSQL(ctx, conn, duck.InsertFromView(name, view))
	if derr := execSQL(context.WithoutCancel(ctx), conn, duck.DropView(view)); derr != nil && err == nil {
		err = derr
	}
	release()
	mr.close()
	rows, bytes = mr.rows.Load(), mr.bytes.Load()
	if ferr := mr.Err(); ferr != nil {
		// A producer's failure is the cause of whatever DuckDB said.
		return rows, bytes, ferr
	}
	if err != nil {
		return rows, bytes, duckError(err, "materialize input exchange "+itoa(int(in.Exchange)))
	}
	return rows, bytes, nil
}

// mergeReader merges the do_get streams of an input's producers into one
// RecordReader, fetching them concurrently. DuckDB calls Next from its own
// threads, one call at a time.
type mergeReader struct {
	schema *arrow.Schema
	ctx    context.Context
	cancel context.CancelFunc
	ch     chan arrow.RecordBatch
	g      *errgroup.Group
	refs   atomic.Int64

	rows, bytes atomic.Int64

	mu     sync.Mutex
	cur    arrow.RecordBatch
	err    error
	done   bool
	closed sync.Once
}

func (w *Worker) newMergeReader(ctx context.Context, in stage.InputSpec, schema *arrow.Schema) *mergeReader {
	ctx, cancel := context.WithCancel(ctx)
	g, gctx := errgroup.WithContext(ctx)
	r := &mergeReader{
		schema: schema,
		ctx:    ctx,
		cancel: cancel,
		ch:     make(chan arrow.RecordBatch, 2*len(in.Producers)),
		g:      g,
	}
	r.refs.Store(1)
	var live atomic.Int64
	live.Store(int64(len(in.Producers)))
	for _, p := range in.Producers {
		g.Go(func() error {
			defer func() {
				if live.Add(-1) == 0 {
					close(r.ch)
				}
			}()
			return w.fetch(gctx, in.Exchange, p, schema, r.ch)
		})
	}
	return r
}

// fetch streams one producer's buffer into ch.
func (w *Worker) fetch(ctx context.Context, ex stage.FragmentID, p stage.ProducerSpec, schema *arrow.Schema, ch chan<- arrow.RecordBatch) error {
	wrap := func(err error) error {
		return qerr.CodeOf(err).Wrap(err, "exchange %d from task %s at %s", ex, p.Task, p.Address)
	}
	rdr, err := w.cfg.Peers.Fetch(ctx, p.Address, p.Ticket)
	if err != nil {
		return wrap(err)
	}
	defer rdr.Release()
	if err := sameTypes(rdr.Schema(), schema, "exchange"); err != nil {
		return wrap(err)
	}
	for rdr.Next() {
		rec := rdr.RecordBatch()
		rec.Retain()
		select {
		case ch <- rec:
		case <-ctx.Done():
			rec.Release()
			return context.Cause(ctx)
		}
	}
	if err := rdr.Err(); err != nil {
		return wrap(err)
	}
	return nil
}

func (r *mergeReader) Schema() *arrow.Schema { return r.schema }

func (r *mergeReader) Retain() { r.refs.Add(1) }

func (r *mergeReader) Release() {
	if r.refs.Add(-1) == 0 {
		r.close()
	}
}

func (r *mergeReader) Next() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.done {
		return false
	}
	select {
	case rec, ok := <-r.ch:
		if !ok {
			r.done = true
			r.err = r.g.Wait()
			return false
		}
		r.cur = rec
		r.rows.Add(rec.NumRows())
		r.bytes.Add(RecordBytes(rec))
		return true
	case <-r.ctx.Done():
		r.done = true
		r.err = qerr.ErrCancelled.Wrap(context.Cause(r.ctx), "reading input")
		return false
	}
}

func (r *mergeReader) RecordBatch() arrow.RecordBatch {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cur
}

// Record is RecordBatch; it completes array.RecordReader.
func (r *mergeReader) Record() arrow.RecordBatch { return r.RecordBatch() }

func (r *mergeReader) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// close stops the fetchers and releases every batch the reader holds,
// whoever still holds a reference: DuckDB has finished with the stream when
// the task calls it.
func (r *mergeReader) close() {
	r.closed.Do(func() {
		r.cancel()
		for rec := range r.ch {
			rec.Release()
		}
		gerr := r.g.Wait()
		r.mu.Lock()
		if r.cur != nil {
			r.cur.Release()
			r.cur = nil
		}
		if !r.done {
			r.done = true
			if r.err == nil && r.ctx.Err() == nil {
				r.err = gerr
			}
		}
		r.mu.Unlock()
	})
}

var _ array.RecordReader = (*mergeReader)(nil)

// sameTypes checks that got has want's column types, position by position.
func sameTypes(got, want *arrow.Schema, what string) error {
	if got.NumFields() != want.NumFields() {
		return qerr.ErrInternal.New("%s has %d columns, the plan promised %d", what, got.NumFields(), want.NumFields())
	}
	for i, f := range want.Fields() {
		// A column the plan types NULL (SELECT NULL) comes out of DuckDB as
		// some type of NULLs; the router hands it on as Arrow's null type.
		if g := got.Field(i).Type; !arrow.TypeEqual(g, f.Type) && f.Type.ID() != arrow.NULL && !sameInstants(g, f.Type) {
			return qerr.ErrInternal.New("%s column %d (%s) is %s, the plan promised %s", what, i, f.Name, g, f.Type)
		}
	}
	return nil
}

// sameInstants reports whether a and b are timestamps of one unit that
// both have a time zone: their values are the same UTC instants whatever
// the zones are named (DuckDB labels TIMESTAMPTZ with its TimeZone
// setting, Etc/UTC or UTC; a client may send +02:00), so the router only
// relabels them with the promised zone.
func sameInstants(a, b arrow.DataType) bool {
	ta, ok1 := a.(*arrow.TimestampType)
	tb, ok2 := b.(*arrow.TimestampType)
	return ok1 && ok2 && ta.Unit == tb.Unit && ta.TimeZone != "" && tb.TimeZone != ""
}
