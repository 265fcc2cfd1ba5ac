package flightsrv

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	grpcproto "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
)

// A do_get stream sends record batches without copying their buffers.
// arrow-go's Flight writer copies each batch twice before gRPC writes it:
// the IPC body into a bytes.Buffer (Payload.SerializeBody), then the whole
// FlightData into a buffer of gRPC's pool (the proto codec's Marshal),
// which above the pool's largest tier is a fresh, zeroed allocation per
// message. A frameWriter instead hands gRPC an ipcFrame, which frameCodec
// encodes as the proto wire bytes of its FlightData with the body's large
// buffers referenced in place: the batch stays retained until gRPC has
// written the last of them and frees them.

// flightDataBody is FlightData's data_body field (Flight.proto).
const flightDataBody protowire.Number = 1000

// ipcFrame is one FlightData message whose body is referenced, not copied.
type ipcFrame struct {
	data flight.FlightData // every field but DataBody
	body [][]byte          // the body's pieces, in order
	size int               // their total length
	keep arrow.RecordBatch // owns the pieces; released when gRPC is done
	lent *lentFrames       // the connection's frames, or nil
}

// Write adds one piece of the body (Payload.SerializeBody calls it with
// each buffer and its padding). The piece is referenced, not copied.
func (f *ipcFrame) Write(p []byte) (int, error) {
	f.body = append(f.body, p)
	f.size += len(p)
	return len(p), nil
}

// frameCodec is gRPC's proto codec, except for an ipcFrame: its pieces at
// or above gRPC's pooling threshold go out as buffers of their own, which
// release the frame's batch once gRPC has freed the last one; everything
// smaller is copied into the framing around them. A FlightData received
// is copied out of gRPC's buffers once, into memory its fields alias (the
// proto codec copies it twice: into a pooled buffer, then each bytes
// field out of it).
type frameCodec struct{ proto encoding.CodecV2 }

func newFrameCodec() frameCodec { return frameCodec{encoding.GetCodecV2(grpcproto.Name)} }

func (c frameCodec) Name() string { return c.proto.Name() }

func (c frameCodec) Unmarshal(data mem.BufferSlice, v any) error {
	fd, ok := v.(*flight.FlightData)
	if !ok || mem.IsBelowBufferPoolingThreshold(data.Len()) {
		return c.proto.Unmarshal(data, v)
	}
	return unmarshalFlightData(data.Materialize(), fd)
}

// unmarshalFlightData decodes b into fd, whose bytes fields alias b.
func unmarshalFlightData(b []byte, fd *flight.FlightData) error {
	fd.Reset()
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		if typ != protowire.BytesType {
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
			continue
		}
		v, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		switch num {
		case 1:
			fd.FlightDescriptor = &flight.FlightDescriptor{}
			if err := proto.Unmarshal(v, fd.FlightDescriptor); err != nil {
				return err
			}
		case 2:
			fd.DataHeader = v
		case 3:
			fd.AppMetadata = v
		case flightDataBody:
			fd.DataBody = v
		}
	}
	return nil
}

func (c frameCodec) Marshal(v any) (mem.BufferSlice, error) {
	f, ok := v.(*ipcFrame)
	if !ok {
		return c.proto.Marshal(v)
	}
	head, err := proto.Marshal(&f.data)
	if err != nil {
		return nil, err
	}
	head = protowire.AppendTag(head, flightDataBody, protowire.BytesType)
	head = protowire.AppendVarint(head, uint64(f.size))
	rel := &frameRelease{keep: f.keep, lent: f.lent}
	f.keep = nil
	f.lent.add(rel)
	rel.refs.Add(1) // held while the slice is built
	defer rel.Put(nil)
	out := mem.BufferSlice{}
	small := head
	for _, p := range f.body {
		if mem.IsBelowBufferPoolingThreshold(len(p)) {
			small = append(small, p...)
			continue
		}
		if len(small) > 0 {
			out = append(out, mem.SliceBuffer(small))
			small = nil
		}
		rel.refs.Add(1)
		out = append(out, mem.NewBuffer(&p, rel))
	}
	if len(small) > 0 {
		out = append(out, mem.SliceBuffer(small))
	}
	return out, nil
}

// frameRelease is the mem.BufferPool of one frame's referenced pieces: it
// hands out nothing, and releases the frame's batch when the last piece,
// and the Marshal that made them, are done with it, or when the
// connection has closed (lentFrames).
type frameRelease struct {
	refs atomic.Int32
	once sync.Once
	keep arrow.RecordBatch
	lent *lentFrames
}

var _ mem.BufferPool = (*frameRelease)(nil)

func (r *frameRelease) Get(int) *[]byte { panic("flightsrv: frameRelease hands out no buffers") }

func (r *frameRelease) Put(*[]byte) {
	if r.refs.Add(-1) == 0 {
		r.lent.remove(r)
		r.release()
	}
}

// release releases the frame's batch, once.
func (r *frameRelease) release() {
	r.once.Do(func() {
		if r.keep != nil {
			r.keep.Release()
		}
	})
}

// lentFrames are the frames of one server connection that gRPC still
// holds. gRPC frees a stream's queued frames when the stream ends, but
// not those on streams still open when the connection itself breaks: its
// writer goroutine returns and drops them (grpc-go 1.83,
// loopyWriter.run). Their batches' buffers would never go back to the
// output pool, and a checked allocator would count them forever. The
// stats handler (connWatch) releases what is left when the connection has
// ended, which gRPC reports after its writer has returned: nothing reads
// those pieces any more.
type lentFrames struct {
	mu     sync.Mutex
	frames map[*frameRelease]struct{}
	closed bool
}

// lentFramesKey carries a connection's lentFrames in its calls' contexts.
type lentFramesKey struct{}

// withLentFrames gives ctx, a connection's, an empty lentFrames.
func withLentFrames(ctx context.Context) context.Context {
	return context.WithValue(ctx, lentFramesKey{}, &lentFrames{frames: map[*frameRelease]struct{}{}})
}

// lentFramesOf is the lentFrames of the connection ctx's call came on, or
// nil (a server without connWatch).
func lentFramesOf(ctx context.Context) *lentFrames {
	l, _ := ctx.Value(lentFramesKey{}).(*lentFrames)
	return l
}

// add records r as lent to gRPC. After the connection has ended gRPC
// frees what it is given itself (its writes fail), so r is not recorded.
func (l *lentFrames) add(r *frameRelease) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		l.frames[r] = struct{}{}
	}
}

func (l *lentFrames) remove(r *frameRelease) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.frames, r)
}

// releaseAll releases every frame gRPC still holds: the connection has
// ended.
func (l *lentFrames) releaseAll() {
	l.mu.Lock()
	frames := l.frames
	l.frames, l.closed = nil, true
	l.mu.Unlock()
	for r := range frames {
		r.release()
	}
}

// frameWriter writes record batches to a do_get stream as ipcFrames.
type frameWriter struct {
	ipc      *ipc.Writer
	payloads *framePayloads
}

// framePayloads is the frameWriter's ipc.PayloadWriter.
type framePayloads struct {
	stream grpc.ServerStream
	rec    arrow.RecordBatch // the batch being written
}

// frameAllocator allocates what the IPC writer makes of its own (rebased
// offsets, compressed bodies): Go memory, which a referenced piece keeps
// alive after the writer releases it. An allocator that reuses or frees
// memory on Free (a C or pooling one) would not.
var frameAllocator = memory.NewGoAllocator()

// newFrameWriter writes batches of schema to stream; opts are further IPC
// options (compression).
func newFrameWriter(stream grpc.ServerStream, schema *arrow.Schema, opts ...ipc.Option) *frameWriter {
	p := &framePayloads{stream: stream}
	opts = append([]ipc.Option{ipc.WithSchema(schema)}, opts...)
	return &frameWriter{ipc: ipc.NewWriterWithPayloadWriter(p, append(opts, ipc.WithAllocator(frameAllocator))...), payloads: p}
}

// Write sends rec; it stays retained until gRPC has written it.
func (w *frameWriter) Write(rec arrow.RecordBatch) error {
	w.payloads.rec = rec
	defer func() { w.payloads.rec = nil }()
	return w.ipc.Write(rec)
}

// Close ends the writer (Flight sends no end-of-stream message: the call's
// status ends the stream).
func (w *frameWriter) Close() error { return w.ipc.Close() }

func (p *framePayloads) Start() error { return nil }

func (p *framePayloads) Close() error { return nil }

// WritePayload sends one IPC message as an ipcFrame.
func (p *framePayloads) WritePayload(pl ipc.Payload) error {
	meta := pl.Meta()
	defer meta.Release()
	f := &ipcFrame{data: flight.FlightData{DataHeader: meta.Bytes()}, lent: lentFramesOf(p.stream.Context())}
	if err := pl.SerializeBody(f); err != nil {
		return err
	}
	if p.rec != nil && f.size > 0 {
		p.rec.Retain()
		f.keep = p.rec
	}
	if err := p.stream.SendMsg(f); err != nil {
		if f.keep != nil { // Marshal never took it
			f.keep.Release()
		}
		return err
	}
	return nil
}

// sendRecords writes every batch of rdr to a do_get stream, then its end;
// a failure of rdr ends the stream with its status, never with an
// end-of-stream marker. opts are further IPC options (compression).
func sendRecords(stream grpc.ServerStream, rdr array.RecordReader, opts ...ipc.Option) error {
	wr := newFrameWriter(stream, rdr.Schema(), opts...)
	for rdr.Next() {
		if err := wr.Write(rdr.RecordBatch()); err != nil {
			return err // the client went away; the caller releases the reader
		}
	}
	if err := rdr.Err(); err != nil {
		return StatusFromError(err)
	}
	return wr.Close()
}
