package exec

import (
	"context"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/compute"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// TestScatterMatchesTake: scattering batches into partitions gives, per
// partition, what taking its rows from each batch and concatenating gives,
// for every layout scatter handles, with nulls that first appear in a
// later batch, and sliced inputs; every buffer is released.
func TestScatterMatchesTake(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "j", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "d", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
		{Name: "b", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "l", Type: arrow.BinaryTypes.LargeString, Nullable: true},
		{Name: "h", Type: arrow.PrimitiveTypes.Int16, Nullable: true},
		{Name: "n", Type: arrow.Null, Nullable: true},
	}, nil)
	if !scatterable(schema) {
		t.Fatal("schema not scatterable")
	}
	batch := func(start, n int, nulls bool) arrow.RecordBatch {
		b := array.NewRecordBuilder(mem, schema)
		defer b.Release()
		for k := start; k < start+n; k++ {
			null := nulls && k%3 == 0
			appendOr := func(f array.Builder, add func()) {
				if null {
					f.AppendNull()
				} else {
					add()
				}
			}
			appendOr(b.Field(0), func() { b.Field(0).(*array.Int64Builder).Append(int64(k)) })
			appendOr(b.Field(1), func() { b.Field(1).(*array.Int32Builder).Append(int32(-k)) })
			appendOr(b.Field(2), func() { b.Field(2).(*array.Decimal128Builder).Append(decimal128.FromI64(int64(k * 7))) })
			appendOr(b.Field(3), func() { b.Field(3).(*array.BooleanBuilder).Append(k%2 == 0) })
			appendOr(b.Field(4), func() { b.Field(4).(*array.StringBuilder).Append(string(rune('a' + k%26))) })
			appendOr(b.Field(5), func() { b.Field(5).(*array.LargeStringBuilder).Append("x" + string(rune('a'+k%5))) })
			appendOr(b.Field(6), func() { b.Field(6).(*array.Int16Builder).Append(int16(k)) })
			b.Field(7).AppendNull()
		}
		return b.NewRecordBatch()
	}
	full := batch(200, 300, true)
	inputs := []arrow.RecordBatch{batch(0, 100, false), full.NewSlice(17, 250), batch(500, 50, false)}
	full.Release()
	defer func() {
		for _, rec := range inputs {
			rec.Release()
		}
	}()
	ctx := context.Background()
	parts := []*partBatch{newPartBatch(schema), newPartBatch(schema)}
	want := make([][]arrow.RecordBatch, 2)
	for _, rec := range inputs {
		idx := [][]int32{nil, nil}
		for r := range int(rec.NumRows()) {
			p := (r*7 + int(rec.NumRows())) % 3 % 2
			idx[p] = append(idx[p], int32(r))
		}
		for p := range parts {
			parts[p].add(rec.Columns(), idx[p])
			ind := array.NewInt32Data(array.NewData(arrow.PrimitiveTypes.Int32, len(idx[p]),
				[]*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(idx[p]))}, nil, 0, 0))
			recD, indD := compute.NewDatum(rec), compute.NewDatum(ind)
			out, err := compute.Take(compute.WithAllocator(ctx, mem), *compute.DefaultTakeOptions(), recD, indD)
			recD.Release()
			indD.Release()
			ind.Release()
			if err != nil {
				t.Fatal(err)
			}
			want[p] = append(want[p], out.(*compute.RecordDatum).Value)
		}
	}
	for p, pb := range parts {
		got := pb.build(schema)
		exp, err := concatBatches(mem, schema, want[p])
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range want[p] {
			rec.Release()
		}
		if !array.RecordEqual(got, exp) {
			t.Errorf("partition %d:\n%v\nwant\n%v", p, got, exp)
		}
		got.Release()
		exp.Release()
		if pb.rows != 0 {
			t.Errorf("partition %d keeps %d rows after build", p, pb.rows)
		}
	}
}

// collectSink keeps what a router pushes to it.
type collectSink struct{ got []arrow.RecordBatch }

func (s *collectSink) push(_ context.Context, rec arrow.RecordBatch) error {
	rec.Retain()
	s.got = append(s.got, rec)
	return nil
}

// TestRouterTakeReleases: a Normal output whose columns scatter does not
// handle (a list) is split by compute.Take; every row reaches the sink its
// partition names, and every buffer is released once the caller and the
// sinks let go of theirs.
func TestRouterTakeReleases(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	listType := arrow.ListOf(arrow.PrimitiveTypes.Int64)
	schema := arrow.NewSchema([]arrow.Field{{Name: "c0", Type: listType, Nullable: true}}, nil)
	if scatterable(schema) {
		t.Fatal("a list column is scatterable: the test no longer reaches the take path")
	}
	got := arrow.NewSchema([]arrow.Field{
		{Name: "c0", Type: listType, Nullable: true},
		{Name: duck.PartitionColumn, Type: arrow.PrimitiveTypes.Int64},
	}, nil)
	b := array.NewRecordBuilder(mem, got)
	defer b.Release()
	lb := b.Field(0).(*array.ListBuilder)
	vb := lb.ValueBuilder().(*array.Int64Builder)
	const rows = 100
	for k := range rows {
		lb.Append(true)
		vb.AppendValues([]int64{int64(k), int64(-k)}, nil)
		b.Field(1).(*array.Int64Builder).Append(int64(k % 2))
	}
	rec := b.NewRecordBatch()
	sinks := []*collectSink{{}, {}}
	spec := &stage.TaskSpec{Task: stage.TaskID{Fragment: 1}, Output: stage.OutputSpec{Kind: stage.OutputNormal}}
	r, err := newRouter(context.Background(), route{mem: mem, spec: spec, schema: schema,
		sinks: []sink{sinks[0], sinks[1]}, target: 1 << 20, targetBytes: 1 << 30}, got)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.add(rec); err != nil {
		t.Fatal(err)
	}
	rec.Release()
	if err := r.flush(); err != nil {
		t.Fatal(err)
	}
	for p, s := range sinks {
		var n int64
		for _, out := range s.got {
			vals := out.Column(0).(*array.List).ListValues().(*array.Int64)
			for i := range int(out.NumRows()) {
				if start, _ := out.Column(0).(*array.List).ValueOffsets(i); int(vals.Value(int(start)))%2 != p {
					t.Errorf("partition %d got row %d", p, vals.Value(int(start)))
				}
			}
			n += out.NumRows()
			out.Release()
		}
		if n != rows/2 {
			t.Errorf("partition %d got %d rows, want %d", p, n, rows/2)
		}
	}
}
