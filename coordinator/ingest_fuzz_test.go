package coordinator

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/quiverdb/quiver/qerr"
)

// FuzzIngestStream feeds byte-mutated Arrow IPC streams to what a bulk
// ingest does with a client's stream: decode it, derive the table's
// stored types from its schema (storedType), and check and cast every
// batch (conform, which validates it in full). Nothing panics, a refused
// batch is ErrInvalid, every batch conform accepts survives the hop to a
// worker (IPC again) and the worker's Parquet writer, and every buffer is
// released. Seeds: valid streams of the column types clients ingest.
func FuzzIngestStream(f *testing.F) {
	for _, seed := range ingestSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		rdr, err := ipc.NewReader(bytes.NewReader(b), ipc.WithAllocator(mem))
		if err != nil {
			return // the server answers a stream that does not open INVALID_ARGUMENT
		}
		defer rdr.Release()
		var fields []arrow.Field
		for _, fl := range rdr.Schema().Fields() {
			typ, err := storedType(fl.Type)
			if err != nil {
				wantClientError(t, err)
				return
			}
			fields = append(fields, arrow.Field{Name: fl.Name, Type: typ, Nullable: true})
		}
		schema := arrow.NewSchema(fields, nil)
		for rdr.Next() {
			rec, err := conform(context.Background(), rdr.RecordBatch(), schema)
			if err != nil {
				if !qerr.Has(err, qerr.ErrInvalid) {
					t.Fatalf("refused batch: %v (code %s), want %s", err, qerr.CodeOf(err), qerr.ErrInvalid)
				}
				continue
			}
			err = writeLikeWorker(rec, mem)
			rec.Release()
			if err != nil {
				t.Fatalf("a batch conform accepted does not write: %v", err)
			}
		}
	})
}

// wantClientError fails unless err is a Quiver error of a client's code.
func wantClientError(t *testing.T, err error) {
	t.Helper()
	var qe *qerr.Error
	if !errors.As(err, &qe) || qe.Code == qerr.ErrInternal {
		t.Fatalf("error %v (code %s) is not a client's error", err, qerr.CodeOf(err))
	}
}

// writeLikeWorker sends rec over IPC, as the coordinator does to a
// worker, and writes what arrives as Parquet, as the worker does.
func writeLikeWorker(rec arrow.RecordBatch, mem memory.Allocator) error {
	var stream bytes.Buffer
	w := ipc.NewWriter(&stream, ipc.WithSchema(rec.Schema()), ipc.WithAllocator(mem))
	if err := w.Write(rec); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	rdr, err := ipc.NewReader(&stream, ipc.WithAllocator(mem))
	if err != nil {
		return err
	}
	defer rdr.Release()
	var out bytes.Buffer
	fw, err := pqarrow.NewFileWriter(rec.Schema(), &out, nil, pqarrow.NewArrowWriterProperties(pqarrow.WithAllocator(mem)))
	if err != nil {
		return err
	}
	for rdr.Next() {
		if err := fw.WriteBuffered(rdr.RecordBatch()); err != nil {
			fw.Close()
			return err
		}
	}
	if err := rdr.Err(); err != nil {
		fw.Close()
		return err
	}
	return fw.Close()
}

// ingestSeeds are IPC streams of the types clients ingest: integers,
// floats, strings (plain, large, view), binary, decimals, dates,
// timestamps, booleans, with nulls, and an empty stream.
func ingestSeeds(f *testing.F) [][]byte {
	mem := memory.NewGoAllocator()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "d", Type: &arrow.Decimal128Type{Precision: 12, Scale: 2}, Nullable: true},
		{Name: "dt", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "ts", Type: &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"}, Nullable: true},
		{Name: "b", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
		{Name: "f", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "ls", Type: arrow.BinaryTypes.LargeString, Nullable: true},
		{Name: "bin", Type: arrow.BinaryTypes.Binary, Nullable: true},
		{Name: "u8", Type: arrow.PrimitiveTypes.Uint8, Nullable: true},
	}, nil)
	bld := array.NewRecordBuilder(mem, schema)
	defer bld.Release()
	for i := 0; i < 5; i++ {
		valid := i != 2
		bld.Field(0).(*array.Int64Builder).AppendValues([]int64{int64(i) * 1000}, []bool{valid})
		bld.Field(1).(*array.StringBuilder).AppendValues([]string{"row é " + string(rune('a'+i))}, []bool{valid})
		bld.Field(2).(*array.Decimal128Builder).AppendValues([]decimal128.Num{decimal128.FromI64(int64(i) * 12345)}, []bool{valid})
		bld.Field(3).(*array.Date32Builder).AppendValues([]arrow.Date32{arrow.Date32(19000 + i)}, []bool{valid})
		bld.Field(4).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{arrow.Timestamp(int64(i) * 1_000_000_007)}, []bool{valid})
		bld.Field(5).(*array.BooleanBuilder).AppendValues([]bool{i%2 == 0}, []bool{valid})
		bld.Field(6).(*array.Float64Builder).AppendValues([]float64{float64(i) / 3}, []bool{valid})
		bld.Field(7).(*array.LargeStringBuilder).AppendValues([]string{"large"}, []bool{valid})
		bld.Field(8).(*array.BinaryBuilder).AppendValues([][]byte{{byte(i), 0, 0xff}}, []bool{valid})
		bld.Field(9).(*array.Uint8Builder).AppendValues([]uint8{uint8(250 + i)}, []bool{valid})
	}
	rec := bld.NewRecordBatch()
	defer rec.Release()
	stream := func(recs ...arrow.RecordBatch) []byte {
		var buf bytes.Buffer
		w := ipc.NewWriter(&buf, ipc.WithSchema(schema), ipc.WithAllocator(mem))
		for _, r := range recs {
			if err := w.Write(r); err != nil {
				f.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			f.Fatal(err)
		}
		return buf.Bytes()
	}
	narrow := arrow.NewSchema([]arrow.Field{{Name: "v", Type: arrow.BinaryTypes.StringView, Nullable: true}}, nil)
	sv := array.NewStringViewBuilder(mem)
	defer sv.Release()
	sv.AppendValues([]string{"short", "a string view longer than twelve bytes"}, []bool{true, true})
	sv.AppendNull()
	col := sv.NewArray()
	defer col.Release()
	viewRec := array.NewRecordBatch(narrow, []arrow.Array{col}, int64(col.Len()))
	defer viewRec.Release()
	var views bytes.Buffer
	vw := ipc.NewWriter(&views, ipc.WithSchema(narrow), ipc.WithAllocator(mem))
	if err := vw.Write(viewRec); err != nil {
		f.Fatal(err)
	}
	if err := vw.Close(); err != nil {
		f.Fatal(err)
	}
	return [][]byte{stream(), stream(rec), stream(rec, rec.NewSlice(1, 4)), views.Bytes()}
}
