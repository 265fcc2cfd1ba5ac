package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/compute"
	computeexec "github.com/apache/arrow-go/v18/arrow/compute/exec"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// queryOut runs sql and routes its batches into the task's buffers;
// rereads says sql streams no input (route.rereads).
func (w *Worker) queryOut(ctx context.Context, conn *duckdb.Conn, sql string, rereads bool, t *task, stats *stage.TaskStatsSpec) error {
	rt := w.taskRoute(t)
	rt.rereads = rereads
	var err error
	stats.RowsOut, stats.BytesOut, err = routeQuery(ctx, conn, sql, rt)
	return err
}

// taskRoute is where t's output goes: its buffers (through its runtime
// filter's sink), in the worker's batch sizes, with the Bloom filters it
// builds or applies.
func (w *Worker) taskRoute(t *task) route {
	sinks := make([]sink, len(t.bufs))
	for i, b := range t.bufs {
		sinks[i] = t.outputSink(b)
	}
	rt := route{
		mem: outputAllocator, spec: t.spec, schema: t.schema, sinks: sinks,
		target: int64(w.cfg.BatchRows), targetBytes: int64(w.cfg.BatchBytes), keep: t.bloom,
	}
	if t.filter != nil {
		rt.hashes = t.filter.hashes
	}
	return rt
}

// sink takes the coalesced batches of one output partition: a worker's
// buffer, or what a local run collects (local.go). push retains what it
// keeps; the batch stays the caller's.
type sink interface {
	push(ctx context.Context, rec arrow.RecordBatch) error
}

// route is where a task's output goes and how it is batched: the spec's
// output kind, the promised schema, one sink per partition, batches of
// about target rows and at most targetBytes, allocated from mem.
type route struct {
	mem                 memory.Allocator
	spec                *stage.TaskSpec
	schema              *arrow.Schema
	sinks               []sink
	target, targetBytes int64
	// rereads: sql reads nothing that a run consumes (no streamed input),
	// so it may run again to learn an error (strayInterrupt).
	rereads bool
	// hashes, when set, collects every row's hash for a Bloom runtime
	// filter the task builds; keep, when set, is the Bloom filter the
	// task's rows must pass (bloom.go).
	hashes *hashCollector
	keep   bloomSet
}

// routeQuery runs sql on conn and routes its batches as rt says, as DuckDB
// streams them out (stream.go), returning the rows and bytes it routed.
func routeQuery(ctx context.Context, conn *duckdb.Conn, sql string, rt route) (rows, bytes int64, err error) {
	var r *router
	defer func() {
		if r != nil {
			rows, bytes = r.rows-r.dropped, r.bytes
			r.release()
		}
	}()
	err = streamQuery(ctx, conn, sql, func(schema *arrow.Schema) error {
		var err error
		r, err = newRouter(ctx, rt, schema)
		return err
	}, func(rec arrow.RecordBatch) error { return r.add(rec) })
	if strayInterrupt(ctx, err) && rt.rereads {
		// The error that stopped DuckDB is lost; the same statement run
		// again, its rows dropped, meets it again (a data error is
		// deterministic) and, most times, says it.
		discard := func(arrow.RecordBatch) error { return nil }
		if again := streamQuery(ctx, conn, sql, func(*arrow.Schema) error { return nil }, discard); again != nil && !strayInterrupt(ctx, again) {
			err = again
		}
	}
	if strayInterrupt(ctx, err) {
		// Not a cancel, whatever DuckDB calls it.
		return 0, 0, qerr.ErrInternal.Wrap(err, "run task %s: DuckDB stopped the statement after an error in one of its threads and did not say which", rt.spec.Task)
	}
	if err != nil {
		return 0, 0, duckError(err, "run task "+rt.spec.Task.String())
	}
	return 0, 0, r.flush()
}

// pendingBatch is a batch waiting to be coalesced. An owned batch is in the
// worker's allocator (made by take); the others are DuckDB's, in C memory,
// and are always copied before they are buffered.
type pendingBatch struct {
	rec   arrow.RecordBatch
	owned bool
}

// router coalesces DuckDB's small batches into batches of about target rows,
// labels them with the promised schema and routes them by output kind:
// Result and Convergent to the one sink, Expansive the same batch to every
// sink, Normal each row to the sink its __part column names.
type router struct {
	ctx         context.Context // carries the allocator for compute
	mem         memory.Allocator
	kind        stage.OutputKind
	schema      *arrow.Schema
	sinks       []sink
	target      int64 // rows
	targetBytes int64
	split       bool // Normal with more than one consumer
	hashes      *hashCollector
	keep        bloomSet
	dropped     int64 // rows keep dropped

	pending [][]pendingBatch
	// scatter: a split whose columns scatter.go handles builds each
	// partition's batch directly (pending stays empty).
	scatter []*partBatch
	prows   []int64
	pbytes  []int64
	idx     [][]int32

	rows, bytes int64
	// nullColumns: the plan types some output column NULL, which DuckDB
	// cannot produce; add replaces it with Arrow's null array.
	nullColumns bool
	// relabel: some column's type differs from the promise only in its
	// time zone name (DuckDB names its own zone); add relabels it.
	relabel bool
}

func newRouter(ctx context.Context, rt route, got *arrow.Schema) (*router, error) {
	kind := rt.spec.Output.Kind
	task := rt.spec.Task
	fields := got.Fields()
	if kind == stage.OutputNormal {
		n := len(fields)
		if n == 0 || fields[n-1].Name != duck.PartitionColumn {
			return nil, qerr.ErrInternal.New("normal output of task %s has no trailing %s column", task, duck.PartitionColumn)
		}
		if !arrow.IsInteger(fields[n-1].Type.ID()) {
			return nil, qerr.ErrInternal.New("%s column of task %s is %s, not an integer", duck.PartitionColumn, task, fields[n-1].Type)
		}
		fields = fields[:n-1]
	}
	if err := sameTypes(arrow.NewSchema(fields, nil), rt.schema, "output of task "+task.String()); err != nil {
		return nil, err
	}
	n := len(rt.sinks)
	r := &router{
		ctx:         computeexec.WithAllocator(ctx, rt.mem),
		mem:         rt.mem,
		kind:        kind,
		schema:      rt.schema,
		sinks:       rt.sinks,
		target:      rt.target,
		targetBytes: rt.targetBytes,
		split:       kind == stage.OutputNormal && n > 1,
		hashes:      rt.hashes,
		pending:     make([][]pendingBatch, n),
		prows:       make([]int64, n),
		pbytes:      make([]int64, n),
	}
	if kind != stage.OutputNormal || got.Field(got.NumFields()-1).Type.ID() != arrow.UINT64 {
		r.hashes = nil // not DuckDB's hash: no Bloom filter
	} else if r.split {
		r.keep = rt.keep // one consumer reads every row anyway
	}
	if r.split {
		r.idx = make([][]int32, n)
		if scatterable(rt.schema) {
			r.scatter = make([]*partBatch, n)
			for p := range r.scatter {
				r.scatter[p] = newPartBatch(rt.schema)
			}
		}
	}
	for i, f := range rt.schema.Fields() {
		r.nullColumns = r.nullColumns || f.Type.ID() == arrow.NULL
		r.relabel = r.relabel || f.Type.ID() == arrow.TIMESTAMP && !arrow.TypeEqual(f.Type, fields[i].Type)
	}
	return r, nil
}

// add routes one batch from DuckDB; rec stays the caller's.
func (r *router) add(rec arrow.RecordBatch) error {
	nrows := rec.NumRows()
	if nrows == 0 {
		return nil
	}
	r.rows += nrows
	ncols := r.schema.NumFields()
	cols := rec.Columns()[:ncols]
	if r.nullColumns || r.relabel {
		cols = append([]arrow.Array(nil), cols...) // rec's own slice stays as it is
		for i, f := range r.schema.Fields() {
			switch {
			case f.Type.ID() == arrow.NULL:
				null := array.NewNull(int(nrows))
				defer null.Release()
				cols[i] = null
			case !arrow.TypeEqual(f.Type, cols[i].DataType()):
				same := withType(cols[i], f.Type)
				defer same.Release()
				cols[i] = same
			}
		}
	}
	data := array.NewRecordBatch(r.schema, cols, nrows)
	defer data.Release()
	if r.hashes != nil {
		r.hashes.observe(rec.Column(ncols).(*array.Uint64).Uint64Values())
	}
	if !r.split {
		return r.queue(0, data, false)
	}
	if err := splitRows(rec.Column(ncols), r.idx, r.keep, &r.dropped); err != nil {
		return err
	}
	if r.scatter != nil {
		for p, idx := range r.idx {
			if len(idx) == 0 {
				continue
			}
			b := r.scatter[p]
			b.add(cols, idx)
			if int64(b.rows) >= r.target || b.bytes >= r.targetBytes {
				if err := r.emitScattered(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for p, idx := range r.idx {
		switch len(idx) {
		case 0:
		case int(nrows):
			if err := r.queue(p, data, false); err != nil {
				return err
			}
		default:
			taken, err := r.take(data, idx)
			if err != nil {
				return err
			}
			err = r.queue(p, taken, true)
			taken.Release()
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *router) take(data arrow.RecordBatch, idx []int32) (arrow.RecordBatch, error) {
	indices := array.NewInt32Data(array.NewData(arrow.PrimitiveTypes.Int32, len(idx),
		[]*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(idx))}, nil, 0, 0))
	defer indices.Release()
	// NewDatum would retain data and indices for datums nobody releases;
	// both outlive the call anyway.
	out, err := compute.Take(r.ctx, *compute.DefaultTakeOptions(), compute.NewDatumWithoutOwning(data), compute.NewDatumWithoutOwning(indices))
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "partition output")
	}
	return out.(*compute.RecordDatum).Value, nil
}

// queue retains rec into partition p's pending batches and emits them once
// they reach the target.
func (r *router) queue(p int, rec arrow.RecordBatch, owned bool) error {
	rec.Retain()
	r.pending[p] = append(r.pending[p], pendingBatch{rec, owned})
	r.prows[p] += rec.NumRows()
	r.pbytes[p] += RecordBytes(rec)
	if r.prows[p] >= r.target || r.pbytes[p] >= r.targetBytes {
		return r.emit(p)
	}
	return nil
}

// emit coalesces partition p's pending batches into one and buffers it.
func (r *router) emit(p int) error {
	pend := r.pending[p]
	r.pending[p], r.prows[p], r.pbytes[p] = nil, 0, 0
	var out arrow.RecordBatch
	if len(pend) == 1 && pend[0].owned {
		out = pend[0].rec
	} else {
		recs := make([]arrow.RecordBatch, len(pend))
		for i, pb := range pend {
			recs[i] = pb.rec
		}
		var err error
		out, err = concatBatches(r.mem, r.schema, recs)
		for _, rec := range recs {
			rec.Release()
		}
		if err != nil {
			return err
		}
	}
	defer out.Release()
	r.bytes += RecordBytes(out)
	if r.kind == stage.OutputExpansive {
		for _, s := range r.sinks {
			if err := s.push(r.ctx, out); err != nil {
				return err
			}
		}
		return nil
	}
	return r.sinks[p].push(r.ctx, out)
}

// emitScattered buffers partition p's scattered batch.
func (r *router) emitScattered(p int) error {
	out := r.scatter[p].build(r.schema)
	defer out.Release()
	r.bytes += RecordBytes(out)
	return r.sinks[p].push(r.ctx, out)
}

func (r *router) flush() error {
	for p, b := range r.scatter {
		if b.rows > 0 {
			if err := r.emitScattered(p); err != nil {
				return err
			}
		}
	}
	for p := range r.pending {
		if len(r.pending[p]) > 0 {
			if err := r.emit(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// release drops what is still pending (after a failure).
func (r *router) release() {
	for p, pend := range r.pending {
		for _, pb := range pend {
			pb.rec.Release()
		}
		r.pending[p] = nil
	}
}

// withType is a with its buffers labelled t, a type of the same layout.
func withType(a arrow.Array, t arrow.DataType) arrow.Array {
	d := a.Data()
	nd := array.NewData(t, d.Len(), d.Buffers(), d.Children(), d.NullN(), d.Offset())
	defer nd.Release()
	return array.MakeFromData(nd)
}

// concatBatches copies recs into one batch of schema allocated from mem.
func concatBatches(mem memory.Allocator, schema *arrow.Schema, recs []arrow.RecordBatch) (arrow.RecordBatch, error) {
	cols := make([]arrow.Array, schema.NumFields())
	defer func() {
		for _, c := range cols {
			if c != nil {
				c.Release()
			}
		}
	}()
	var rows int64
	for _, rec := range recs {
		rows += rec.NumRows()
	}
	parts := make([]arrow.Array, len(recs))
	for i := range cols {
		for j, rec := range recs {
			parts[j] = rec.Column(i)
		}
		c, err := array.Concatenate(parts, mem)
		if err != nil {
			return nil, qerr.ErrInternal.Wrap(err, "coalesce output")
		}
		cols[i] = c
	}
	return array.NewRecordBatch(schema, cols, rows), nil
}

// splitRows reads a __part column into idx: idx[p] gets the rows of
// partition p, in order, the rows whose value leaves p when divided by
// len(idx). DuckDB's is the UBIGINT hash of the row's keys, without
// nulls; keep, when set, drops the rows whose hash it lacks (a Bloom
// runtime filter) and counts them in dropped.
func splitRows(a arrow.Array, idx [][]int32, keep bloomSet, dropped *int64) error {
	for p := range idx {
		idx[p] = idx[p][:0]
	}
	if a.NullN() > 0 {
		return qerr.ErrInternal.New("%s column has nulls", duck.PartitionColumn)
	}
	n := uint64(len(idx))
	if c, ok := a.(*array.Uint64); ok {
		for i, h := range c.Uint64Values() {
			if keep != nil && !keep.has(h) {
				*dropped++
				continue
			}
			p := h % n
			idx[p] = append(idx[p], int32(i))
		}
		return nil
	}
	var get func(i int) int64
	switch c := a.(type) {
	case *array.Int8:
		get = func(i int) int64 { return int64(c.Value(i)) }
	case *array.Int16:
		get = func(i int) int64 { return int64(c.Value(i)) }
	case *array.Int32:
		get = func(i int) int64 { return int64(c.Value(i)) }
	case *array.Int64:
		get = func(i int) int64 { return c.Value(i) }
	case *array.Uint8:
		get = func(i int) int64 { return int64(c.Value(i)) }
	case *array.Uint16:
		get = func(i int) int64 { return int64(c.Value(i)) }
	case *array.Uint32:
		get = func(i int) int64 { return int64(c.Value(i)) }
	default:
		return qerr.ErrInternal.New("%s column is %s", duck.PartitionColumn, a.DataType())
	}
	for i := range a.Len() {
		v := get(i)
		if v < 0 {
			return qerr.ErrInternal.New("%s value %d is negative", duck.PartitionColumn, v)
		}
		p := uint64(v) % n
		idx[p] = append(idx[p], int32(i))
	}
	return nil
}
