package flightsrv

import (
	"bytes"
	"context"
	"net"
	"testing"
	"time"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"
)

// frameRecords builds batches that exercise the frame encoding: large
// buffers (referenced), small ones (copied), nulls, strings, a list, a
// slice with an offset (which the IPC writer rebases into new buffers) and
// an empty batch.
func frameRecords(t *testing.T, alloc memory.Allocator) []arrow.RecordBatch {
	t.Helper()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "l", Type: arrow.ListOf(arrow.PrimitiveTypes.Int32), Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(alloc, schema)
	defer b.Release()
	var recs []arrow.RecordBatch
	for _, n := range []int{20_000, 3, 0} {
		ids := b.Field(0).(*array.Int64Builder)
		ss := b.Field(1).(*array.StringBuilder)
		ls := b.Field(2).(*array.ListBuilder)
		vs := ls.ValueBuilder().(*array.Int32Builder)
		for i := range n {
			if i%7 == 3 {
				ids.AppendNull()
				ss.AppendNull()
				ls.AppendNull()
				continue
			}
			ids.Append(int64(i) * 31)
			ss.Append(string(rune('a' + i%26)))
			ls.Append(true)
			vs.Append(int32(i))
			vs.Append(int32(-i))
		}
		recs = append(recs, b.NewRecordBatch())
	}
	recs = append(recs, recs[0].NewSlice(1001, 15_003))
	return recs
}

// TestFrameCodecReferencesBody checks that an ipcFrame's large body
// buffers reach gRPC in place, not copied, and that the batch is released
// only when gRPC frees the last of them.
func TestFrameCodecReferencesBody(t *testing.T) {
	alloc := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer alloc.AssertSize(t, 0)
	recs := frameRecords(t, alloc)
	for _, rec := range recs[1:] {
		rec.Release()
	}
	rec := recs[0]
	capture := &captureStream{}
	w := newFrameWriter(capture, rec.Schema())
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	rec.Release() // the frame keeps it
	if len(capture.frames) != 2 {
		t.Fatalf("sent %d messages, want the schema and one batch", len(capture.frames))
	}
	data, err := newFrameCodec().Marshal(capture.frames[1])
	if err != nil {
		t.Fatal(err)
	}
	ids := rec.Column(0).Data().Buffers()[1].Bytes()
	found := false
	for _, buf := range data {
		if b := buf.ReadOnlyData(); len(b) > 0 && unsafe.SliceData(b) == unsafe.SliceData(ids) {
			found = true
		}
	}
	if !found {
		t.Fatal("the id column's values were copied, not referenced")
	}
	var fd flight.FlightData
	if err := newFrameCodec().Unmarshal(data, &fd); err != nil {
		t.Fatal(err)
	}
	if len(fd.DataHeader) == 0 || len(fd.DataBody) != capture.frames[1].size {
		t.Fatalf("decoded header %d bytes, body %d bytes; want a header and %d body bytes", len(fd.DataHeader), len(fd.DataBody), capture.frames[1].size)
	}
	if alloc.CurrentAlloc() == 0 {
		t.Fatal("the batch was released while gRPC still held its buffers")
	}
	data.Free()
}

// TestSendRecordsRoundTrip streams batches through sendRecords over a real
// gRPC server made with ServerOptions, plain and LZ4-compressed, reads
// them with arrow-go's Flight reader and checks they arrive equal and are
// all released.
func TestSendRecordsRoundTrip(t *testing.T) {
	for name, opts := range map[string][]ipc.Option{"plain": nil, "lz4": {ipc.WithLZ4()}} {
		t.Run(name, func(t *testing.T) {
			alloc := memory.NewCheckedAllocator(memory.NewGoAllocator())
			recs := frameRecords(t, alloc)
			srv := &recordsServer{recs: recs, opts: opts}
			fc := ServeTest(t, srv, 64<<20)
			stream, err := fc.DoGet(context.Background(), &flight.Ticket{})
			if err != nil {
				t.Fatal(err)
			}
			rdr, err := flight.NewRecordReader(stream)
			if err != nil {
				t.Fatal(err)
			}
			i := 0
			for rdr.Next() {
				if i >= len(recs) || !array.RecordEqual(rdr.RecordBatch(), recs[i]) {
					t.Fatalf("batch %d differs from the one sent", i)
				}
				i++
			}
			if err := rdr.Err(); err != nil {
				t.Fatal(err)
			}
			rdr.Release()
			if i != len(recs) {
				t.Fatalf("got %d batches, want %d", i, len(recs))
			}
			for _, rec := range recs {
				rec.Release()
			}
			// gRPC frees a message's buffers once it has written them,
			// which can follow the client's read by a moment.
			for deadline := time.Now().Add(10 * time.Second); alloc.CurrentAlloc() != 0 && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			alloc.AssertSize(t, 0)
		})
	}
}

// TestBrokenConnectionReleasesFrames: a do_get whose client stops reading
// has frames queued in gRPC when the connection breaks; gRPC drops those
// without freeing them, and connWatch must release their batches.
func TestBrokenConnectionReleasesFrames(t *testing.T) {
	alloc := memory.NewCheckedAllocator(memory.NewGoAllocator())
	schema := arrow.NewSchema([]arrow.Field{{Name: "v", Type: arrow.PrimitiveTypes.Int64}}, nil)
	b := array.NewInt64Builder(alloc)
	for i := range 1 << 17 { // 1 MiB of values: referenced, not copied
		b.Append(int64(i))
	}
	col := b.NewArray()
	b.Release()
	var recs []arrow.RecordBatch
	for range 64 {
		recs = append(recs, array.NewRecordBatch(schema, []arrow.Array{col}, int64(col.Len())))
	}
	col.Release()

	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(ServerOptions(64<<20, zap.NewNop())...)
	flight.RegisterFlightServiceServer(srv, &recordsServer{recs: recs})
	go srv.Serve(lis)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stream, err := flight.NewFlightServiceClient(conn).DoGet(context.Background(), &flight.Ticket{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Recv(); err != nil { // the schema; then the client stops reading
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the server fills the stream's window and queues more
	srv.Stop()                         // the connection breaks with frames queued
	for _, rec := range recs {
		rec.Release()
	}
	for deadline := time.Now().Add(10 * time.Second); alloc.CurrentAlloc() != 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	alloc.AssertSize(t, 0)
}

// captureStream is a grpc.ServerStream that keeps the frames sent.
type captureStream struct {
	grpc.ServerStream
	frames []*ipcFrame
}

func (s *captureStream) Context() context.Context { return context.Background() }

func (s *captureStream) SendMsg(m any) error {
	s.frames = append(s.frames, m.(*ipcFrame))
	return nil
}

// recordsServer answers every do_get with its batches, through sendRecords.
type recordsServer struct {
	flight.BaseFlightServer
	recs []arrow.RecordBatch
	opts []ipc.Option
}

func (s *recordsServer) DoGet(_ *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	rdr, err := array.NewRecordReader(s.recs[0].Schema(), s.recs)
	if err != nil {
		return err
	}
	defer rdr.Release()
	return sendRecords(stream, rdr, s.opts...)
}

// ServeTest registers svc on a gRPC server made with ServerOptions (maxMsg
// its message limit), listening on loopback, and returns a raw Flight
// client of it. The package's external tests use it too.
func ServeTest(t testing.TB, svc flight.FlightServer, maxMsg int) flight.FlightServiceClient {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(ServerOptions(maxMsg, zap.NewNop())...)
	flight.RegisterFlightServiceServer(srv, svc)
	go srv.Serve(lis)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		srv.Stop()
	})
	return flight.NewFlightServiceClient(conn)
}

// TestFrameCodecUnmarshal checks that a received FlightData decodes as
// the proto codec decodes it, descriptor and metadata included, and that
// a cut message is an error.
func TestFrameCodecUnmarshal(t *testing.T) {
	want := &flight.FlightData{
		FlightDescriptor: &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: []byte("cmd")},
		DataHeader:       []byte("header"),
		AppMetadata:      []byte("meta"),
		DataBody:         bytes.Repeat([]byte{7}, 5000),
	}
	wire, err := proto.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got flight.FlightData
	if err := newFrameCodec().Unmarshal(mem.BufferSlice{mem.SliceBuffer(wire)}, &got); err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(&got, want) {
		t.Fatalf("decoded %v, want %v", &got, want)
	}
	// Header and body alias one copy of the message, as far apart as on
	// the wire.
	apart := uintptr(unsafe.Pointer(unsafe.SliceData(got.DataBody))) - uintptr(unsafe.Pointer(unsafe.SliceData(got.DataHeader)))
	if int(apart) != bytes.Index(wire, want.DataBody)-bytes.Index(wire, want.DataHeader) {
		t.Fatal("the header and the body were copied apart, not aliased in one buffer")
	}
	if err := newFrameCodec().Unmarshal(mem.BufferSlice{mem.SliceBuffer(wire[:len(wire)-8])}, &got); err == nil {
		t.Fatal("a message cut by 8 bytes decoded without an error")
	}
}
