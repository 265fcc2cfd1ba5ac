package exec

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Runtime filters (stage.RuntimeFilter). A build task summarizes the join
// keys of every row it outputs (filterBuilder, fed by filterSink) and, when
// it has run, puts the summary into one extra buffer per probe task
// (sendFilter). A probe task fetches the summaries of every build task
// before it takes a DuckDB connection (awaitFilters: waiting holds no
// connection, so probes waiting on builds cannot starve the builds of
// connections), merges them, and renders each as a condition on its
// RuntimeFilter node's keys.

// maxFilterValues is how many distinct values of a key a filter lists; a
// key with more is filtered by its range only.
const maxFilterValues = 1024

// keySummary summarizes the non-NULL values of one join key.
type keySummary interface {
	// observe adds every non-NULL value of a.
	observe(a arrow.Array)
	// merge adds the summary row i (of role) of another task's summary.
	merge(role int8, a arrow.Array, i int)
	// rows appends the summary as rows of stage.FilterSchema: role, key
	// and value in column 2+key.
	rows(b *array.RecordBuilder, key int)
	// cond is the condition that keeps the rows whose col may match.
	cond(col *stage.ColumnRef) stage.Expr
}

// summary is a keySummary over values of type T: the minimum and maximum
// (has: any value at all) and up to maxFilterValues distinct values (set
// is nil once there are more).
type summary[T comparable] struct {
	t       arrow.DataType
	compare func(a, b T) int
	value   func(a arrow.Array, i int) T // a value of a, which may point into a's buffers
	own     func(v T) T                  // a copy of v that the summary may keep; nil: v itself
	text    func(v T) string             // canonical text (stage.Literal.Text)

	has      bool
	min, max T
	set      map[T]struct{}
}

func (s *summary[T]) add(v T) {
	keep := func() T {
		if s.own != nil {
			return s.own(v)
		}
		return v
	}
	switch {
	case !s.has:
		s.has, s.min = true, keep()
		s.max = s.min
	case s.compare(v, s.min) < 0:
		s.min = keep()
	case s.compare(v, s.max) > 0:
		s.max = keep()
	}
	if s.set != nil {
		if _, ok := s.set[v]; !ok {
			if len(s.set) == maxFilterValues {
				s.set = nil
			} else {
				s.set[keep()] = struct{}{}
			}
		}
	}
}

func (s *summary[T]) observe(a arrow.Array) {
	for i := range a.Len() {
		if a.IsValid(i) {
			s.add(s.value(a, i))
		}
	}
}

func (s *summary[T]) merge(role int8, a arrow.Array, i int) {
	switch role {
	case stage.FilterOverflow:
		s.set = nil
	case stage.FilterMin, stage.FilterMax, stage.FilterValue:
		// A bound is one of its task's values: listed too unless the
		// task's list overflowed, which a FilterOverflow row then says.
		if a.IsValid(i) {
			s.add(s.value(a, i))
		}
	}
}

func (s *summary[T]) rows(b *array.RecordBuilder, key int) {
	put := func(role int8, v *T) {
		b.Field(0).(*array.Int8Builder).Append(role)
		b.Field(1).(*array.Int8Builder).Append(int8(key))
		for c := 2; c < b.Schema().NumFields(); c++ {
			f := b.Field(c)
			if c != 2+key || v == nil {
				f.AppendNull()
			} else if err := f.AppendValueFromString(s.text(*v)); err != nil {
				f.AppendNull() // unreachable: text is what the builder parses
			}
		}
	}
	if !s.has {
		return
	}
	put(stage.FilterMin, &s.min)
	put(stage.FilterMax, &s.max)
	if s.set == nil {
		put(stage.FilterOverflow, nil)
		return
	}
	for v := range s.set {
		put(stage.FilterValue, &v)
	}
}

func (s *summary[T]) cond(col *stage.ColumnRef) stage.Expr {
	boolean := arrow.FixedWidthTypes.Boolean
	if !s.has {
		return &stage.Literal{Text: "false", T: boolean} // nothing to match
	}
	lit := func(v T) stage.Expr { return &stage.Literal{Text: s.text(v), T: s.t} }
	call := func(fn string, args ...stage.Expr) stage.Expr { return &stage.Call{Fn: fn, Args: args, T: boolean} }
	if s.compare(s.min, s.max) == 0 {
		return call("=", col, lit(s.min))
	}
	c := call("and", call(">=", col, lit(s.min)), call("<=", col, lit(s.max)))
	if s.set == nil {
		return c
	}
	values := make([]T, 0, len(s.set))
	for v := range s.set {
		values = append(values, v)
	}
	slices.SortFunc(values, s.compare) // the same SQL for the same filter
	args := []stage.Expr{col}
	for _, v := range values {
		args = append(args, lit(v))
	}
	return call("and", c, call("in", args...))
}

// newSummary is the summary of a key of type t; ok is false for a type
// that runtime filters do not summarize (stage.Filterable).
func newSummary(t arrow.DataType) (keySummary, bool) {
	if !stage.Filterable(t) {
		return nil, false
	}
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64:
		return &summary[int64]{t: t, compare: cmp.Compare[int64], value: signedValue,
			text: func(v int64) string { return strconv.FormatInt(v, 10) }, set: map[int64]struct{}{}}, true
	case arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return &summary[uint64]{t: t, compare: cmp.Compare[uint64], value: unsignedValue,
			text: func(v uint64) string { return strconv.FormatUint(v, 10) }, set: map[uint64]struct{}{}}, true
	case arrow.DATE32:
		return &summary[arrow.Date32]{t: t, compare: cmp.Compare[arrow.Date32],
			value: func(a arrow.Array, i int) arrow.Date32 { return a.(*array.Date32).Value(i) },
			text:  func(v arrow.Date32) string { return v.FormattedString() }, set: map[arrow.Date32]struct{}{}}, true
	case arrow.DECIMAL128:
		scale := t.(*arrow.Decimal128Type).Scale
		return &summary[decimal128.Num]{t: t, compare: func(a, b decimal128.Num) int { return a.Cmp(b) },
			value: func(a arrow.Array, i int) decimal128.Num { return a.(*array.Decimal128).Value(i) },
			text:  func(v decimal128.Num) string { return v.ToString(scale) }, set: map[decimal128.Num]struct{}{}}, true
	case arrow.STRING:
		// Value points into the batch's buffer: what the summary keeps is
		// cloned (a lookup of a value it has clones nothing).
		return &summary[string]{t: t, compare: strings.Compare,
			value: func(a arrow.Array, i int) string { return a.(*array.String).Value(i) }, own: strings.Clone,
			text: func(v string) string { return v }, set: map[string]struct{}{}}, true
	}
	return nil, false
}

func signedValue(a arrow.Array, i int) int64 {
	switch a := a.(type) {
	case *array.Int8:
		return int64(a.Value(i))
	case *array.Int16:
		return int64(a.Value(i))
	case *array.Int32:
		return int64(a.Value(i))
	}
	return a.(*array.Int64).Value(i)
}

func unsignedValue(a arrow.Array, i int) uint64 {
	switch a := a.(type) {
	case *array.Uint8:
		return uint64(a.Value(i))
	case *array.Uint16:
		return uint64(a.Value(i))
	case *array.Uint32:
		return uint64(a.Value(i))
	}
	return a.(*array.Uint64).Value(i)
}

// filter is the merged summary of a runtime filter's keys, and the Bloom
// filters of the build tasks that sent one.
type filter struct {
	types  []arrow.DataType
	keys   []keySummary
	blooms bloomSet
}

func newFilter(types []arrow.DataType) (*filter, error) {
	f := &filter{types: types}
	for _, t := range types {
		s, ok := newSummary(t)
		if !ok {
			return nil, qerr.ErrInternal.New("runtime filter over a key of type %s", t)
		}
		f.keys = append(f.keys, s)
	}
	return f, nil
}

// merge adds a batch of another task's summary rows (stage.FilterSchema).
func (f *filter) merge(rec arrow.RecordBatch) error {
	if int(rec.NumCols()) != 3+len(f.keys) {
		return qerr.ErrInternal.New("runtime filter of %d columns, want %d", rec.NumCols(), 3+len(f.keys))
	}
	roles, ok1 := rec.Column(0).(*array.Int8)
	keys, ok2 := rec.Column(1).(*array.Int8)
	if !ok1 || !ok2 {
		return qerr.ErrInternal.New("runtime filter without int8 role and key columns")
	}
	for i := range int(rec.NumRows()) {
		if roles.Value(i) == stage.FilterBloom {
			bits, ok := rec.Column(2 + len(f.keys)).(*array.Binary)
			if !ok || bits.IsNull(i) {
				return qerr.ErrInternal.New("runtime filter's bloom row without bits")
			}
			b := bloomFromBytes(bits.Value(i))
			if b == nil {
				return qerr.ErrInternal.New("runtime filter's bloom row of %d bytes", len(bits.Value(i)))
			}
			f.blooms = append(f.blooms, b)
			continue
		}
		k := int(keys.Value(i))
		if k < 0 || k >= len(f.keys) {
			return qerr.ErrInternal.New("runtime filter row of key %d, of %d keys", k, len(f.keys))
		}
		f.keys[k].merge(roles.Value(i), rec.Column(2+k), i)
	}
	return nil
}

// record is the summary as one batch of stage.FilterSchema, with a row of
// bloom's bits unless it is nil; the caller releases it.
func (f *filter) record(mem memory.Allocator, bloom *bloom) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, stage.FilterSchema(f.types))
	defer b.Release()
	for k, s := range f.keys {
		s.rows(b, k)
	}
	if bloom != nil {
		b.Field(0).(*array.Int8Builder).Append(stage.FilterBloom)
		b.Field(1).(*array.Int8Builder).Append(0)
		for c := 2; c < 2+len(f.keys); c++ {
			b.Field(c).AppendNull()
		}
		b.Field(2 + len(f.keys)).(*array.BinaryBuilder).Append(bloom.bytes())
	}
	return b.NewRecordBatch()
}

// cond is the condition on the columns keys (of the RuntimeFilter node's
// input) that every key's summary allows.
func (f *filter) cond(keys []int) stage.Expr {
	var out stage.Expr
	for i, s := range f.keys {
		c := s.cond(&stage.ColumnRef{Index: keys[i], T: f.types[i]})
		if out == nil {
			out = c
		} else {
			out = &stage.Call{Fn: "and", Args: []stage.Expr{out, c}, T: arrow.FixedWidthTypes.Boolean}
		}
	}
	return out
}

// filterBuilder summarizes a build task's output rows. Its sinks may be
// pushed to from more than one goroutine.
type filterBuilder struct {
	spec   *stage.FilterOutputSpec
	mu     sync.Mutex
	f      *filter
	hashes *hashCollector // with spec.Bloom: the rows' hashes, which the router collects
}

// newFilterBuilder is the builder of spec over output schema, or nil when
// the task builds no filter.
func newFilterBuilder(spec *stage.FilterOutputSpec, schema *arrow.Schema) (*filterBuilder, *arrow.Schema, error) {
	if spec == nil {
		return nil, nil, nil
	}
	types := make([]arrow.DataType, len(spec.Keys))
	for i, k := range spec.Keys {
		if k < 0 || k >= schema.NumFields() {
			return nil, nil, qerr.ErrInvalid.New("runtime filter %d over column %d of %d", spec.ID, k, schema.NumFields())
		}
		types[i] = schema.Field(k).Type
	}
	f, err := newFilter(types)
	if err != nil {
		return nil, nil, err
	}
	fb := &filterBuilder{spec: spec, f: f}
	if spec.Bloom {
		fb.hashes = &hashCollector{}
	}
	return fb, stage.FilterSchema(types), nil
}

func (b *filterBuilder) observe(rec arrow.RecordBatch) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, k := range b.spec.Keys {
		b.f.keys[i].observe(rec.Column(k))
	}
}

// filterSink is an output sink of a build task: it shows every batch to
// the filter builder on its way to the buffer.
type filterSink struct {
	sink
	b *filterBuilder
}

func (s filterSink) push(ctx context.Context, rec arrow.RecordBatch) error {
	s.b.observe(rec)
	return s.sink.push(ctx, rec)
}

// outputSink is the sink for one of t's output buffers.
func (t *task) outputSink(b *buffer) sink {
	if t.filter == nil {
		return b
	}
	return filterSink{sink: b, b: t.filter}
}

// sendFilter ends the filter buffers of a build task that ended with err:
// each probe task's buffer gets the summary of every row the task output,
// or the task's error.
func (w *Worker) sendFilter(t *task, err error) {
	if t.filter == nil {
		return
	}
	if err == nil {
		var bloom *bloom
		if t.filter.hashes != nil {
			bloom = t.filter.hashes.filter()
		}
		rec := t.filter.f.record(w.mem, bloom)
		for _, b := range t.filterBufs {
			if perr := b.push(t.ctx, rec); perr != nil {
				b.finish(perr)
			}
		}
		t.log.Debug("runtime filter sent", zap.Int("filter", t.filter.spec.ID), zap.Int64("rows", rec.NumRows()))
		rec.Release()
	}
	for _, b := range t.filterBufs {
		b.finish(err)
	}
}

// awaitFilters fetches and merges every build task's summary of each
// runtime filter the task applies, and returns their conditions by ID
// over the keys of the task's RuntimeFilter nodes (duck.RenderEnv). Where
// the fragment's root is a RuntimeFilter with Bloom and every build task
// sent its Bloom filter, t.bloom is set to them, for the task's router. It
// blocks until the build tasks have run.
func (w *Worker) awaitFilters(ctx context.Context, t *task) (map[int]stage.Expr, error) {
	if len(t.spec.Filters) == 0 {
		return nil, nil
	}
	root, err := stage.DecodePlan(t.spec.Plan)
	if err != nil {
		return nil, err
	}
	bloomID := -1
	if rf, ok := root.(*stage.RuntimeFilter); ok && rf.Bloom {
		bloomID = rf.ID
	}
	keys := map[int][]int{}
	var walk func(stage.Plan)
	walk = func(p stage.Plan) {
		if rf, ok := p.(*stage.RuntimeFilter); ok {
			keys[rf.ID] = rf.Keys
		}
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(root)
	conds := map[int]stage.Expr{}
	for _, in := range t.spec.Filters {
		schema, err := in.Schema.Arrow()
		if err != nil {
			return nil, err
		}
		k, ok := keys[in.ID]
		if !ok || schema.NumFields() != 3+len(k) {
			return nil, qerr.ErrInvalid.New("runtime filter %d does not fit the task's plan", in.ID)
		}
		types := make([]arrow.DataType, len(k))
		for i := range k {
			types[i] = schema.Field(2 + i).Type
		}
		f, err := newFilter(types)
		if err != nil {
			return nil, err
		}
		for _, p := range in.Producers {
			if err := w.fetchFilter(ctx, in.ID, p, schema, f); err != nil {
				return nil, err
			}
		}
		conds[in.ID] = f.cond(k)
		if in.ID == bloomID && len(f.blooms) == len(in.Producers) && len(in.Producers) > 0 {
			t.bloom = f.blooms
		}
		t.log.Debug("runtime filter applied", zap.Int("filter", in.ID), zap.Stringer("cond", conds[in.ID]), zap.Int("blooms", len(f.blooms)))
	}
	return conds, nil
}

// fetchFilter merges build task p's summary into f.
func (w *Worker) fetchFilter(ctx context.Context, id int, p stage.ProducerSpec, schema *arrow.Schema, f *filter) error {
	wrap := func(err error) error {
		return qerr.CodeOf(err).Wrap(err, "runtime filter %d from task %s at %s", id, p.Task, p.Address)
	}
	rdr, err := w.cfg.Peers.Fetch(ctx, p.Address, p.Ticket)
	if err != nil {
		return wrap(err)
	}
	defer rdr.Release()
	if err := sameTypes(rdr.Schema(), schema, "runtime filter"); err != nil {
		return wrap(err)
	}
	for rdr.Next() {
		if err := f.merge(rdr.RecordBatch()); err != nil {
			return wrap(err)
		}
	}
	if err := rdr.Err(); err != nil {
		return wrap(err)
	}
	return nil
}
