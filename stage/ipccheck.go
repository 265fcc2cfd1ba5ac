package stage

import (
	"fmt"

	flatbuffers "github.com/google/flatbuffers/go"

	"github.com/quiverdb/quiver/qerr"
)

// CheckIPCMessage checks the flatbuffer metadata of one Arrow IPC message
// from a client (a FlightData's data_header) before arrow-go decodes it.
// arrow-go trusts the lengths in it: a schema whose field vector claims
// billions of entries makes it allocate that many fields at once, and the
// Go runtime ends the process (out of memory is fatal, not a panic). Here
// every vector arrow-go sizes a slice by must fit in the message, every
// table and string it reads must lie inside it, nesting is bounded, and
// the tables reachable are bounded by the message's size (flatbuffers can
// share one table many times, which would multiply what a decoder builds).
// The body must be as long as the header says, and every buffer of a batch
// must lie inside it: arrow-go slices buffers out of the body without a
// bounds check against its length, and a Go slice may be extended up to its
// capacity, so a body cut short would be read past its end (zeroes, or
// whatever followed it in gRPC's receive buffer) and stored as data.
// A message that fails is ErrInvalid.
func CheckIPCMessage(meta, body []byte) (err error) {
	defer func() {
		if r := recover(); r != nil { // an offset outside the buffer
			err = qerr.ErrInvalid.New("malformed Arrow IPC message: %v", r)
		}
	}()
	if len(meta) < 8 {
		if len(meta) == 0 {
			if len(body) > 0 {
				return qerr.ErrInvalid.New("malformed Arrow IPC message: a body of %d bytes without a header", len(body))
			}
			return nil
		}
		return qerr.ErrInvalid.New("malformed Arrow IPC message: %d bytes", len(meta))
	}
	c := &ipcChecker{buf: meta, budget: 8 * len(meta), body: int64(len(body))}
	msg := c.table(flatbuffers.GetUOffsetT(meta))
	c.keyValues(msg, 12) // custom_metadata
	var bodyLength int64
	if o := flatbuffers.UOffsetT(msg.Offset(10)); o != 0 {
		bodyLength = msg.GetInt64(o + msg.Pos)
	}
	if bodyLength != c.body {
		c.fail("its header announces a body of %d bytes, %d bytes came", bodyLength, c.body)
	}
	headerType := byte(0)
	if o := flatbuffers.UOffsetT(msg.Offset(6)); o != 0 {
		headerType = msg.GetByte(o + msg.Pos)
	}
	var header flatbuffers.Table
	if o := flatbuffers.UOffsetT(msg.Offset(8)); o != 0 {
		msg.Union(&header, o)
		header = c.table(header.Pos)
	}
	switch headerType {
	case 1: // Schema
		c.fields(header, 6, 0)
		c.keyValues(header, 8)
		c.vector(header, 10, 8) // features
	case 2: // DictionaryBatch
		if o := flatbuffers.UOffsetT(header.Offset(6)); o != 0 {
			c.recordBatch(c.table(header.Indirect(o + header.Pos)))
		}
	case 3: // RecordBatch
		c.recordBatch(header)
	}
	return c.err
}

// ipcChecker walks one message; the first problem is err.
type ipcChecker struct {
	buf    []byte
	body   int64 // the length of the message's body
	budget int   // tables left to visit
	err    error
}

// maxFieldDepth bounds the nesting of fields (children of children).
const maxFieldDepth = 64

func (c *ipcChecker) fail(format string, args ...any) {
	if c.err == nil {
		c.err = qerr.ErrInvalid.New("malformed Arrow IPC message: "+format, args...)
	}
}

// table is the table at pos, its vtable checked to lie inside the buffer.
func (c *ipcChecker) table(pos flatbuffers.UOffsetT) flatbuffers.Table {
	c.budget--
	if c.budget < 0 {
		c.fail("more tables than its %d bytes can hold", len(c.buf))
	}
	if int(pos)+4 > len(c.buf) {
		panic(fmt.Sprintf("table at %d", pos))
	}
	t := flatbuffers.Table{Bytes: c.buf, Pos: pos}
	vt := flatbuffers.UOffsetT(flatbuffers.SOffsetT(pos) - t.GetSOffsetT(pos))
	if int(vt)+4 > len(c.buf) {
		panic(fmt.Sprintf("vtable at %d", vt))
	}
	vtLen := flatbuffers.GetVOffsetT(c.buf[vt:])
	if int(vt)+int(vtLen) > len(c.buf) {
		panic(fmt.Sprintf("vtable of %d bytes at %d", vtLen, vt))
	}
	// Every field the vtable names lies inside the buffer.
	for f := flatbuffers.VOffsetT(4); f+2 <= vtLen; f += 2 {
		if o := t.Offset(f); o != 0 && int(pos)+int(o) >= len(c.buf) {
			panic(fmt.Sprintf("field %d at %d", f, int(pos)+int(o)))
		}
	}
	return t
}

// vector checks the vector of field slot (elements of elemSize bytes)
// fits in the buffer and returns where its elements start and how many.
func (c *ipcChecker) vector(t flatbuffers.Table, slot flatbuffers.VOffsetT, elemSize int) (flatbuffers.UOffsetT, int) {
	o := flatbuffers.UOffsetT(t.Offset(slot))
	if o == 0 {
		return 0, 0
	}
	start, n := t.Vector(o), t.VectorLen(o)
	if n < 0 || int64(start)+int64(n)*int64(elemSize) > int64(len(c.buf)) {
		c.fail("a vector of %d entries in %d bytes", n, len(c.buf))
		return 0, 0
	}
	return start, n
}

// str reads the string of field slot, which must lie inside the buffer.
func (c *ipcChecker) str(t flatbuffers.Table, slot flatbuffers.VOffsetT) {
	if o := flatbuffers.UOffsetT(t.Offset(slot)); o != 0 {
		_ = t.ByteVector(o + t.Pos)
	}
}

// tables visits the tables of an offset vector.
func (c *ipcChecker) tables(t flatbuffers.Table, slot flatbuffers.VOffsetT, visit func(flatbuffers.Table)) {
	start, n := c.vector(t, slot, 4)
	for i := 0; i < n && c.err == nil; i++ {
		elem := start + flatbuffers.UOffsetT(i*4)
		visit(c.table(elem + flatbuffers.GetUOffsetT(c.buf[elem:])))
	}
}

func (c *ipcChecker) keyValues(t flatbuffers.Table, slot flatbuffers.VOffsetT) {
	c.tables(t, slot, func(kv flatbuffers.Table) {
		c.str(kv, 4)
		c.str(kv, 6)
	})
}

// fields checks a vector of Field tables and, recursively, their names,
// types, dictionaries, children and metadata.
func (c *ipcChecker) fields(t flatbuffers.Table, slot flatbuffers.VOffsetT, depth int) {
	if depth > maxFieldDepth {
		c.fail("fields nested deeper than %d", maxFieldDepth)
		return
	}
	c.tables(t, slot, func(f flatbuffers.Table) {
		c.str(f, 4)
		if o := flatbuffers.UOffsetT(f.Offset(10)); o != 0 {
			var typ flatbuffers.Table
			f.Union(&typ, o)
			typ = c.table(typ.Pos)
			typeType := byte(0)
			if o := flatbuffers.UOffsetT(f.Offset(8)); o != 0 {
				typeType = f.GetByte(o + f.Pos)
			}
			switch typeType {
			case 10: // Timestamp: its timezone
				c.str(typ, 6)
			case 14: // Union: its type ids
				c.vector(typ, 6, 4)
			}
		}
		if o := flatbuffers.UOffsetT(f.Offset(12)); o != 0 {
			dict := c.table(f.Indirect(o + f.Pos))
			if o := flatbuffers.UOffsetT(dict.Offset(6)); o != 0 {
				c.table(dict.Indirect(o + dict.Pos)) // indexType
			}
		}
		c.fields(f, 14, depth+1)
		c.keyValues(f, 16)
	})
}

func (c *ipcChecker) recordBatch(rb flatbuffers.Table) {
	c.vector(rb, 6, 16)             // nodes
	start, n := c.vector(rb, 8, 16) // buffers: (offset, length) in the body
	for i := 0; i < n && c.err == nil; i++ {
		at := start + flatbuffers.UOffsetT(16*i)
		off, length := flatbuffers.GetInt64(c.buf[at:]), flatbuffers.GetInt64(c.buf[at+8:])
		if off < 0 || length < 0 || off > c.body || length > c.body-off {
			c.fail("buffer %d at %d+%d outside its body of %d bytes", i, off, length, c.body)
		}
	}
	c.vector(rb, 12, 8) // variadicBufferCounts
	if o := flatbuffers.UOffsetT(rb.Offset(10)); o != 0 {
		c.table(rb.Indirect(o + rb.Pos)) // compression
	}
}
