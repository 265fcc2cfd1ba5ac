package coordinator

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// FuzzIngestStream feeds byte-mutated Arrow Flight streams (the FlightData
// messages of a do_put, framed as ingestFrames says) to what a bulk ingest
// does with them: the server's check of each message's IPC metadata
// (stage.CheckIPCMessage, flightsrv's stream interceptor), arrow-go's
// Flight reader, the table's stored types (storedType), and the check and
// cast of every batch (conform, which validates it in full). Nothing
// panics or runs out of memory, a refused message or batch is ErrInvalid,
// every batch conform accepts survives the hop to a worker (IPC again) and
// the worker's Parquet writer, and every buffer is released. Seeds: valid
// streams of the column types clients ingest.
func FuzzIngestStream(f *testing.F) {
	for _, seed := range ingestSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		msgs := ingestFrames(b)
		for _, m := range msgs {
			if err := stage.CheckIPCMessage(m.DataHeader, m.DataBody); err != nil {
				if !qerr.Has(err, qerr.ErrInvalid) {
					t.Fatalf("refused message: %v (code %s), want %s", err, qerr.CodeOf(err), qerr.ErrInvalid)
				}
				return
			}
		}
		rdr, err := flight.NewRecordReader(&flightMessages{msgs: msgs}, ipc.WithAllocator(mem))
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

// ingestFrames splits fuzz input into FlightData messages: each is a
// little-endian uint32 length and that many bytes of data_header, then a
// uint32 length and that many bytes of data_body (lengths cut to what is
// left).
func ingestFrames(b []byte) []*flight.FlightData {
	next := func() []byte {
		if len(b) < 4 {
			b = nil
			return nil
		}
		n := min(int(binary.LittleEndian.Uint32(b)), len(b)-4)
		out := b[4 : 4+n]
		b = b[4+n:]
		return out
	}
	var msgs []*flight.FlightData
	for len(b) > 0 {
		msgs = append(msgs, &flight.FlightData{DataHeader: next(), DataBody: next()})
	}
	return msgs
}

// frame is ingestFrames' inverse: the framing of msgs.
func frame(msgs []*flight.FlightData) []byte {
	var out []byte
	for _, m := range msgs {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(m.DataHeader)))
		out = append(out, m.DataHeader...)
		out = binary.LittleEndian.AppendUint32(out, uint32(len(m.DataBody)))
		out = append(out, m.DataBody...)
	}
	return out
}

// flightMessages is a do_put's stream of messages, in memory: it sends
// (Send, for the seeds' writer) and receives (Recv, for the reader).
type flightMessages struct{ msgs []*flight.FlightData }

func (s *flightMessages) Send(m *flight.FlightData) error {
	s.msgs = append(s.msgs, m)
	return nil
}

func (s *flightMessages) Recv() (*flight.FlightData, error) {
	if len(s.msgs) == 0 {
		return nil, io.EOF
	}
	m := s.msgs[0]
	s.msgs = s.msgs[1:]
	return m, nil
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
	stream := func(schema *arrow.Schema, recs ...arrow.RecordBatch) []byte {
		var s flightMessages
		w := flight.NewRecordWriter(&s, ipc.WithSchema(schema), ipc.WithAllocator(mem))
		for _, r := range recs {
			if err := w.Write(r); err != nil {
				f.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			f.Fatal(err)
		}
		return frame(s.msgs)
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
	slice := rec.NewSlice(1, 4)
	defer slice.Release()
	return [][]byte{stream(schema), stream(schema, rec), stream(schema, rec, slice), stream(narrow, viewRec)}
}
