package exec

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	bindings "github.com/duckdb/duckdb-go-bindings"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// A streamed input reaches the fragment's SQL as a table function,
// duck.InputFunction(id), that hands DuckDB the merged do_get streams of
// the input's producers as they arrive, so the fragment runs while its
// producers do and nothing is copied into a temp table first. It is the
// route NOTES.md leaves: an Arrow view (arrow_scan through the C API)
// ignores the projection and filters DuckDB pushes into it, and crashes or
// answers wrongly when the query reads only some columns.
//
// The function is registered once per engine through duckdb-go's table
// functions, with projection pushdown: each call fills DuckDB's output
// chunk with the next slice (at most one DuckDB vector of rows) of the
// current batch, converted by DuckDB's own Arrow import
// (duckdb_data_chunk_from_arrow: fixed-width columns are not copied, the
// chunk keeps the batch alive) and referenced into the output vectors.
// duckdb-go exposes neither the C chunk of its DataChunk nor the columns
// DuckDB asked for; chunkLayout finds both, checked when the engine opens,
// as connOffset does for the connection.
//
// A stream is read once: an input that the rendered SQL reads more than
// once, or whose columns have no streamed type, is materialized as before.

// streamRows is the most rows one call hands DuckDB: its vector size.
var streamRows = duckdb.GetDataChunkCapacity()

// chunkLayout is where duckdb.DataChunk keeps its C chunk and its
// projection (for each column of the function, its place in the output
// chunk, or -1 when DuckDB does not read it).
var chunkLayout = func() (l struct {
	chunk, projection uintptr
	err               error
}) {
	t := reflect.TypeFor[duckdb.DataChunk]()
	c, ok1 := t.FieldByName("chunk")
	p, ok2 := t.FieldByName("projection")
	if !ok1 || !ok2 || c.Type != reflect.TypeFor[bindings.DataChunk]() || p.Type != reflect.TypeFor[[]int]() {
		l.err = qerr.ErrInternal.New("duckdb.DataChunk has no fields chunk and projection of the expected types: the streamed input path does not know this duckdb-go version")
		return l
	}
	l.chunk, l.projection = c.Offset, p.Offset
	return l
}()

// inputTypes are the duckdb-go types of the Arrow types a stream carries;
// each must be the type DuckDB's Arrow import makes of it (DuckType).
var inputTypes = map[arrow.Type]duckdb.Type{
	arrow.BOOL: duckdb.TYPE_BOOLEAN, arrow.INT8: duckdb.TYPE_TINYINT, arrow.INT16: duckdb.TYPE_SMALLINT,
	arrow.INT32: duckdb.TYPE_INTEGER, arrow.INT64: duckdb.TYPE_BIGINT, arrow.UINT8: duckdb.TYPE_UTINYINT,
	arrow.UINT16: duckdb.TYPE_USMALLINT, arrow.UINT32: duckdb.TYPE_UINTEGER, arrow.UINT64: duckdb.TYPE_UBIGINT,
	arrow.FLOAT32: duckdb.TYPE_FLOAT, arrow.FLOAT64: duckdb.TYPE_DOUBLE, arrow.STRING: duckdb.TYPE_VARCHAR,
	arrow.BINARY: duckdb.TYPE_BLOB, arrow.DATE32: duckdb.TYPE_DATE,
}

// inputColumns are the function's columns for schema, c0..cN-1; ok is
// false when a column has a type that is not streamed.
func inputColumns(schema *arrow.Schema) (cols []duckdb.ColumnInfo, ok bool) {
	for i, f := range schema.Fields() {
		var ti duckdb.TypeInfo
		var err error
		switch t := f.Type.(type) {
		case *arrow.Decimal128Type:
			ti, err = duckdb.NewDecimalInfo(uint8(t.Precision), uint8(t.Scale))
		case *arrow.TimestampType:
			typ := map[arrow.TimeUnit]duckdb.Type{arrow.Second: duckdb.TYPE_TIMESTAMP_S, arrow.Millisecond: duckdb.TYPE_TIMESTAMP_MS,
				arrow.Microsecond: duckdb.TYPE_TIMESTAMP, arrow.Nanosecond: duckdb.TYPE_TIMESTAMP_NS}[t.Unit]
			if t.TimeZone != "" {
				if t.Unit != arrow.Microsecond {
					return nil, false
				}
				typ = duckdb.TYPE_TIMESTAMP_TZ
			}
			ti, err = duckdb.NewTypeInfo(typ)
		default:
			typ, found := inputTypes[f.Type.ID()]
			if !found {
				return nil, false
			}
			ti, err = duckdb.NewTypeInfo(typ)
		}
		if err != nil {
			return nil, false
		}
		cols = append(cols, duckdb.ColumnInfo{Name: duck.Column(i), T: ti})
	}
	return cols, len(cols) > 0
}

// streamedInputs are the inputs of one task that its SQL streams.
type streamedInputs struct {
	from    map[stage.FragmentID]string
	readers map[stage.FragmentID]*mergeReader
	forgets []func()
}

// renderStreaming renders the task's SQL with every input that has
// producers and streamed types read through duck.InputFunction, except
// those the SQL would read more than once (a stream is read once), which
// are left to temp tables. readers are the task's merge readers (nil for
// an input without producers); filters are the runtime filters that
// arrived (duck.RenderEnv.Filters).
func (w *Worker) renderStreaming(spec *stage.TaskSpec, readers []*mergeReader, filters map[int]stage.Expr) (string, *streamedInputs, error) {
	st := &streamedInputs{from: map[stage.FragmentID]string{}, readers: map[stage.FragmentID]*mergeReader{}}
	for i, in := range spec.Inputs {
		if readers[i] == nil {
			continue
		}
		if from, forget, ok := w.engine.streamInput(readers[i]); ok {
			st.from[in.Exchange], st.readers[in.Exchange] = from, readers[i]
			st.forgets = append(st.forgets, forget)
		}
	}
	env := duck.RenderEnv{DataDir: w.cfg.DataDir, Inputs: st.from, Filters: filters}
	sql, err := w.render(spec, env)
	if err != nil {
		return "", st, err
	}
	again := false
	for ex, from := range st.from {
		if strings.Count(sql, from) != 1 {
			delete(st.from, ex)
			delete(st.readers, ex)
			again = true
		}
	}
	if again {
		sql, err = w.render(spec, env)
	}
	return sql, st, err
}

// has reports whether input ex is streamed.
func (st *streamedInputs) has(ex stage.FragmentID) bool {
	_, ok := st.from[ex]
	return ok
}

// count adds what the streamed inputs delivered to stats.
func (st *streamedInputs) count(stats *stage.TaskStatsSpec) {
	for _, mr := range st.readers {
		stats.RowsIn += mr.rows.Load()
		stats.BytesIn += mr.bytes.Load()
	}
}

// cause is err, or when a streamed input failed, that failure: a
// producer's error is the cause of whatever DuckDB said of its stream.
func (st *streamedInputs) cause(err error) error {
	if err == nil {
		return nil
	}
	for _, mr := range st.readers {
		if ferr := mr.Err(); ferr != nil {
			return ferr
		}
	}
	return err
}

// forget unregisters the task's streams once its SQL has run.
func (st *streamedInputs) forget() {
	for _, f := range st.forgets {
		f()
	}
}

// inputs is an engine's table of the streams that running tasks
// registered, by id, until each task forgets its own.
type inputs struct {
	mu      sync.Mutex
	next    int64
	streams map[int64]*inputStream
}

// registerInputFunction registers duck.InputFunction on a connection of
// its own (db's), kept open for conversions, and returns it.
func (e *Engine) registerInputFunction(db *sql.DB) (*sql.Conn, error) {
	if chunkLayout.err != nil {
		return nil, chunkLayout.err
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "connect to DuckDB")
	}
	bigint, err := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	if err == nil {
		err = duckdb.RegisterTableUDF(conn, duck.InputFunction, duckdb.ParallelChunkTableFunction{
			Config:        duckdb.TableFunctionConfig{Arguments: []duckdb.TypeInfo{bigint}},
			BindArguments: e.bindInput,
		})
	}
	if err == nil {
		err = conn.Raw(func(dc any) error {
			e.convert = rawConn(dc.(*duckdb.Conn))
			return nil
		})
	}
	if err != nil {
		_ = conn.Close()
		return nil, qerr.ErrInternal.Wrap(err, "register %s", duck.InputFunction)
	}
	return conn, nil
}

// streamInput registers mr's stream for one read by the task's SQL and
// returns the FROM item that reads it and a function that forgets it; ok
// is false when the input's types are not streamed.
func (e *Engine) streamInput(mr *mergeReader) (from string, forget func(), ok bool) {
	cols, ok := inputColumns(mr.schema)
	if !ok {
		return "", nil, false
	}
	s := &inputStream{mr: mr, cols: cols, threads: e.threads, convert: e.convert, convertMu: &e.convertMu}
	e.inputs.mu.Lock()
	e.inputs.next++
	id := e.inputs.next
	e.inputs.streams[id] = s
	e.inputs.mu.Unlock()
	return duck.InputCall(id), func() {
		e.inputs.mu.Lock()
		delete(e.inputs.streams, id)
		e.inputs.mu.Unlock()
		s.release()
	}, true
}

// bindInput binds duck.InputFunction(id) to its stream. That the stream
// is read once is renderStreaming's to ensure.
func (e *Engine) bindInput(_ map[string]any, args ...any) (duckdb.ParallelChunkTableSource, error) {
	id, _ := args[0].(int64)
	e.inputs.mu.Lock()
	s := e.inputs.streams[id] // kept until forgotten: DuckDB may bind a statement again
	e.inputs.mu.Unlock()
	if s == nil {
		return nil, qerr.ErrInternal.New("%s(%d): no such input stream", duck.InputFunction, id)
	}
	return s, nil
}

// inputStream is one input exchange as DuckDB reads it: the calls of
// DuckDB's threads take slices of the merge reader's batches in turn.
type inputStream struct {
	mr        *mergeReader
	cols      []duckdb.ColumnInfo
	threads   int
	convert   bindings.Connection
	convertMu *sync.Mutex // the engine's: held while convert converts

	mu     sync.Mutex
	cur    arrow.RecordBatch // retained; nil before the first batch and at the end
	off    int64
	schema bindings.ArrowConvertedSchema // of the projected columns, from the first call
	outOf  []int                         // output column j holds input column outOf[j]
	pschem *arrow.Schema
	scans  int
	err    error // sticky: every later call fails with it
}

func (s *inputStream) ColumnInfos() []duckdb.ColumnInfo { return s.cols }

func (s *inputStream) Cardinality() *duckdb.CardinalityInfo { return nil }

// Init runs once per scan of the stream. A second scan in one query (an
// optimizer that duplicated it) would see only what the first left: its
// calls fail instead.
func (s *inputStream) Init() duckdb.ParallelTableSourceInfo {
	s.mu.Lock()
	s.scans++
	if s.scans > 1 && s.err == nil {
		s.err = qerr.ErrInternal.New("%s: DuckDB scans one input stream twice", duck.InputFunction)
	}
	s.mu.Unlock()
	return duckdb.ParallelTableSourceInfo{MaxThreads: max(1, s.threads)}
}

func (s *inputStream) NewLocalState() any { return struct{}{} }

// next is the next slice of at most streamRows rows, nil at the end.
func (s *inputStream) next() (arrow.RecordBatch, error) {
	for s.cur == nil || s.off >= s.cur.NumRows() {
		if s.cur != nil {
			s.cur.Release()
			s.cur = nil
		}
		if !s.mr.Next() {
			return nil, s.mr.Err()
		}
		s.cur, s.off = s.mr.RecordBatch(), 0
		s.cur.Retain()
	}
	end := min(s.off+int64(streamRows), s.cur.NumRows())
	rec := s.cur.NewSlice(s.off, end)
	s.off = end
	return rec, nil
}

// FillChunk hands DuckDB the next slice in the columns it reads.
func (s *inputStream) FillChunk(_ any, chunk duckdb.DataChunk) error {
	out := *(*bindings.DataChunk)(unsafe.Add(unsafe.Pointer(&chunk), chunkLayout.chunk))
	s.mu.Lock()
	if s.err != nil {
		s.mu.Unlock()
		return s.err
	}
	if s.outOf == nil {
		proj := *(*[]int)(unsafe.Add(unsafe.Pointer(&chunk), chunkLayout.projection))
		if s.err = s.project(proj); s.err != nil {
			s.mu.Unlock()
			return s.err
		}
	}
	rec, err := s.next()
	s.mu.Unlock()
	if err != nil || rec == nil {
		bindings.DataChunkSetSize(out, 0)
		return err
	}
	defer rec.Release()
	n := bindings.IdxT(rec.NumRows())
	if len(s.outOf) > 0 {
		cols := make([]arrow.Array, len(s.outOf))
		for j, i := range s.outOf {
			cols[j] = rec.Column(i)
		}
		prec := array.NewRecordBatch(s.pschem, cols, rec.NumRows())
		s.convertMu.Lock()
		conv, ed := bindings.DataChunkFromArrow(s.convert, prec, s.schema)
		s.convertMu.Unlock()
		prec.Release()
		if err := errorData(ed); err != nil {
			return qerr.ErrInternal.Wrap(err, "convert input stream")
		}
		for j := range s.outOf {
			bindings.VectorReferenceVector(bindings.DataChunkGetVector(out, bindings.IdxT(j)), bindings.DataChunkGetVector(conv, bindings.IdxT(j)))
		}
		bindings.DestroyDataChunk(&conv)
	}
	bindings.DataChunkSetSize(out, n)
	return nil
}

// project records which input columns DuckDB reads, in output order, and
// converts their schema once. A read of no column (count(*)) needs only
// the row counts.
func (s *inputStream) project(proj []int) error {
	outOf := make([]int, 0, len(proj))
	for i, j := range proj {
		if j >= 0 {
			for len(outOf) <= j {
				outOf = append(outOf, -1)
			}
			outOf[j] = i
		}
	}
	fields := make([]arrow.Field, len(outOf))
	for j, i := range outOf {
		if i < 0 {
			return qerr.ErrInternal.New("%s: DuckDB reads output column %d, which is no input column", duck.InputFunction, j)
		}
		fields[j] = s.mr.schema.Field(i)
	}
	s.outOf = outOf
	if len(outOf) == 0 {
		return nil
	}
	s.pschem = arrow.NewSchema(fields, nil)
	s.convertMu.Lock()
	conv, ed := bindings.SchemaFromArrow(s.convert, s.pschem)
	s.convertMu.Unlock()
	if err := errorData(ed); err != nil {
		return qerr.ErrInternal.Wrap(err, "convert input schema")
	}
	s.schema = conv
	return nil
}

// release drops the stream's batch and converted schema; the task closes
// the merge reader.
func (s *inputStream) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil {
		s.cur.Release()
		s.cur = nil
	}
	bindings.DestroyArrowConvertedSchema(&s.schema)
}

var _ duckdb.ParallelChunkTableSource = (*inputStream)(nil)
