package exec

import (
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// A scatter splits DuckDB's batches by partition straight into each
// partition's output batch under construction: every row is copied once,
// from DuckDB's batch to the batch that is sent. (Taking each partition's
// rows into a batch of its own and concatenating those later copies every
// row twice and costs a kernel call per column, partition and 2,048-row
// batch.) It handles the columns whose layout is one fixed-width values
// buffer, bits, or 32- or 64-bit offsets and bytes; a schema with another
// column (nested types) goes through take and concatenate instead.

// scatterable reports whether every column of s can be scattered.
func scatterable(s *arrow.Schema) bool {
	for _, f := range s.Fields() {
		if columnLayout(f.Type) == layoutOther {
			return false
		}
	}
	return true
}

type layout int

const (
	layoutOther  layout = iota
	layoutNull          // no buffers
	layoutBits          // validity and one bit per value (BOOLEAN)
	layoutFixed         // validity and fixed-width values
	layoutBinary        // validity, int32 offsets, bytes
	layoutLarge         // validity, int64 offsets, bytes
)

func columnLayout(t arrow.DataType) layout {
	switch t.ID() {
	case arrow.NULL:
		return layoutNull
	case arrow.BOOL:
		return layoutBits
	case arrow.STRING, arrow.BINARY:
		return layoutBinary
	case arrow.LARGE_STRING, arrow.LARGE_BINARY:
		return layoutLarge
	case arrow.DICTIONARY, arrow.EXTENSION, arrow.RUN_END_ENCODED:
		return layoutOther
	}
	if fw, ok := t.(arrow.FixedWidthDataType); ok && fw.BitWidth() >= 8 && fw.BitWidth()%8 == 0 {
		return layoutFixed
	}
	return layoutOther
}

// partBatch is one partition's output batch under construction: per
// column, its buffers, grown as rows arrive.
type partBatch struct {
	rows  int
	bytes int64
	cols  []partColumn
}

type partColumn struct {
	lay      layout
	width    int // bytes per value (layoutFixed)
	nulls    int
	valid    []byte // validity bits, one per row, once hasValid
	hasValid bool
	values   []byte  // values (layoutFixed) or bits (layoutBits)
	off32    []int32 // layoutBinary: offsets
	off64    []int64 // layoutLarge: offsets
	data     []byte  // layoutBinary, layoutLarge: the bytes
}

func newPartBatch(s *arrow.Schema) *partBatch {
	b := &partBatch{cols: make([]partColumn, s.NumFields())}
	for i, f := range s.Fields() {
		c := &b.cols[i]
		c.lay = columnLayout(f.Type)
		if c.lay == layoutFixed {
			c.width = f.Type.(arrow.FixedWidthDataType).BitWidth() / 8
		}
	}
	return b
}

// growBits makes room for n more bits in a bitmap of rows bits.
func growBits(b []byte, rows, n int) []byte {
	need := int(bitutil.BytesForBits(int64(rows + n)))
	for len(b) < need {
		b = append(b, 0)
	}
	return b
}

// add appends the rows idx of cols (one array per column of b) to b.
func (b *partBatch) add(cols []arrow.Array, idx []int32) {
	n := len(idx)
	for ci := range b.cols {
		c := &b.cols[ci]
		if c.lay == layoutNull {
			continue
		}
		src := cols[ci].Data()
		off := src.Offset()
		bufs := src.Buffers()
		// The bitmap is made from the first null on: a column without
		// nulls is sent without one.
		if cols[ci].NullN() > 0 && bufs[0] != nil { // Data.NullN may be unknown (-1)
			if !c.hasValid {
				c.valid = growBits(c.valid[:0], 0, b.rows)
				for j := range b.rows {
					bitutil.SetBit(c.valid, j)
				}
				c.hasValid = true
			}
			c.valid = growBits(c.valid, b.rows, n)
			vb := bufs[0].Bytes()
			for j, i := range idx {
				if bitutil.BitIsSet(vb, off+int(i)) {
					bitutil.SetBit(c.valid, b.rows+j)
				} else {
					c.nulls++
				}
			}
		} else if c.hasValid {
			c.valid = growBits(c.valid, b.rows, n)
			for j := range n {
				bitutil.SetBit(c.valid, b.rows+j)
			}
		}
		switch c.lay {
		case layoutBits:
			vals := bufs[1].Bytes()
			c.values = growBits(c.values, b.rows, n)
			for j, i := range idx {
				if bitutil.BitIsSet(vals, off+int(i)) {
					bitutil.SetBit(c.values, b.rows+j)
				}
			}
		case layoutFixed:
			w := c.width
			vals := bufs[1].Bytes()[off*w:]
			// Grown without a zeroed temporary: every byte is written below.
			at := len(c.values)
			c.values = slices.Grow(c.values, n*w)[:at+n*w]
			dst := c.values[at:]
			switch w {
			case 16: // decimal128 and the like: two words per value
				d16 := arrow.Uint64Traits.CastFromBytes(dst)
				s16 := arrow.Uint64Traits.CastFromBytes(vals)
				for j, i := range idx {
					d16[2*j], d16[2*j+1] = s16[2*i], s16[2*i+1]
				}
			case 8:
				d8 := arrow.Int64Traits.CastFromBytes(dst)
				s8 := arrow.Int64Traits.CastFromBytes(vals)
				for j, i := range idx {
					d8[j] = s8[i]
				}
			case 4:
				d4 := arrow.Int32Traits.CastFromBytes(dst)
				s4 := arrow.Int32Traits.CastFromBytes(vals)
				for j, i := range idx {
					d4[j] = s4[i]
				}
			default:
				for j, i := range idx {
					copy(dst[j*w:(j+1)*w], vals[int(i)*w:])
				}
			}
		case layoutBinary:
			if len(c.off32) == 0 {
				c.off32 = append(c.off32, 0)
			}
			so := arrow.Int32Traits.CastFromBytes(bufs[1].Bytes())[off:]
			sd := bufferBytes(bufs[2])
			for _, i := range idx {
				c.data = append(c.data, sd[so[i]:so[i+1]]...)
				c.off32 = append(c.off32, int32(len(c.data)))
			}
		case layoutLarge:
			if len(c.off64) == 0 {
				c.off64 = append(c.off64, 0)
			}
			so := arrow.Int64Traits.CastFromBytes(bufs[1].Bytes())[off:]
			sd := bufferBytes(bufs[2])
			for _, i := range idx {
				c.data = append(c.data, sd[so[i]:so[i+1]]...)
				c.off64 = append(c.off64, int64(len(c.data)))
			}
		}
	}
	b.rows += n
	var bytes int64
	for ci := range b.cols {
		c := &b.cols[ci]
		bytes += int64(len(c.valid) + len(c.values) + 4*len(c.off32) + 8*len(c.off64) + len(c.data))
	}
	b.bytes = bytes
}

// build makes the batch of schema s from b's rows and empties b. The
// batch takes b's buffers as they are (Go memory, not mem's: copying them
// into mem cost a copy of every byte sent), and b starts the next batch
// with buffers a quarter larger than these, so that a partition's steady stream of
// batches grows none of them by doubling.
func (b *partBatch) build(s *arrow.Schema) arrow.RecordBatch {
	cols := make([]arrow.Array, len(b.cols))
	for ci := range b.cols {
		c := &b.cols[ci]
		t := s.Field(ci).Type
		var bufs []*memory.Buffer
		switch c.lay {
		case layoutNull:
			cols[ci] = array.NewNull(b.rows)
			continue
		case layoutBinary:
			if len(c.off32) == 0 { // no rows
				c.off32 = append(c.off32, 0)
			}
			bufs = []*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(c.off32)), memory.NewBufferBytes(c.data)}
		case layoutLarge:
			if len(c.off64) == 0 {
				c.off64 = append(c.off64, 0)
			}
			bufs = []*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int64Traits.CastToBytes(c.off64)), memory.NewBufferBytes(c.data)}
		default:
			bufs = []*memory.Buffer{nil, memory.NewBufferBytes(c.values)}
		}
		if c.nulls > 0 {
			bufs[0] = memory.NewBufferBytes(c.valid)
		}
		d := array.NewData(t, b.rows, bufs, nil, c.nulls, 0)
		cols[ci] = array.MakeFromData(d)
		d.Release()
		*c = partColumn{lay: c.lay, width: c.width, valid: make([]byte, 0, grown(len(c.valid))), values: make([]byte, 0, grown(len(c.values))),
			off32: make([]int32, 0, grown(len(c.off32))), off64: make([]int64, 0, grown(len(c.off64))), data: make([]byte, 0, grown(len(c.data)))}
	}
	rec := array.NewRecordBatch(s, cols, int64(b.rows))
	for _, col := range cols {
		col.Release()
	}
	b.rows, b.bytes = 0, 0
	return rec
}

func bufferBytes(b *memory.Buffer) []byte {
	if b == nil {
		return nil
	}
	return b.Bytes()
}

// grown is the capacity for a batch like one of n: a batch ends on the
// add that passes its target, so the next one may pass it by a little more.
func grown(n int) int { return n + n/4 }
