package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/axiomhq/hyperloglog"
	"github.com/dgryski/go-metro"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// sketchFile reads every column of a Parquet file, one row group at a time,
// into a distinct-value sketch of its non-null values (catalog.NewSketch),
// marshalled: the file's part of its table's distinct counts. A value is
// hashed by its Arrow bytes (fixed-width values little-endian, strings and
// binaries their bytes), so the files of one column, which share its type,
// hash alike whoever wrote them.
func sketchFile(ctx context.Context, rdr *file.Reader, mem memory.Allocator) ([][]byte, error) {
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 64 << 10}, mem)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "read data file for statistics")
	}
	n := rdr.MetaData().Schema.NumColumns()
	sketches := newSketches(n)
	for g := range rdr.NumRowGroups() {
		rg := fr.RowGroup(g)
		for i := range n {
			if err := ctx.Err(); err != nil {
				return nil, qerr.ErrCancelled.Wrap(context.Cause(ctx), "statistics of a data file")
			}
			col, err := rg.Column(i).Read(ctx)
			if err != nil {
				return nil, qerr.ErrInternal.Wrap(err, "read data file column %d for statistics", i)
			}
			for _, chunk := range col.Chunks() {
				sketchArray(sketches[i], chunk)
			}
			col.Release()
		}
	}
	return marshalSketches(sketches)
}

// newSketches is n empty column sketches.
func newSketches(n int) []*columnSketch {
	out := make([]*columnSketch, n)
	for i := range out {
		out[i] = &columnSketch{few: map[uint64]struct{}{}}
	}
	return out
}

// marshalSketches encodes each sketch (catalog.ColumnStats.Sketch).
func marshalSketches(sketches []*columnSketch) ([][]byte, error) {
	out := make([][]byte, len(sketches))
	for i, s := range sketches {
		var err error
		if out[i], err = s.marshal(); err != nil {
			return nil, qerr.ErrInternal.Wrap(err, "encode a column sketch")
		}
	}
	return out, nil
}

// columnSketch builds one column's sketch. The sparse form of a sketch
// (catalog.NewSketch) re-encodes its list whenever its buffer of new
// values fills, which costs O(list) each time for a column of a few
// thousand distinct values seen over and over (a date, a supplier key).
// So the hashes are kept exactly while they are few, then go into a dense
// sketch; a column that stayed small gets the compact sparse form at the
// end. The hash is the library's own (metro, seed 1337), so the sketch is
// the one hyperloglog's Insert would build.
type columnSketch struct {
	few   map[uint64]struct{} // nil once dense
	dense *hyperloglog.Sketch
}

// exactHashes is how many distinct hashes a columnSketch keeps before it
// turns dense (64 KiB of map; the dense sketch is 16 KiB).
const exactHashes = 1 << 12

// Insert adds one value.
func (c *columnSketch) Insert(b []byte) {
	h := metro.Hash64(b, 1337)
	if c.dense != nil {
		c.dense.InsertHash(h)
		return
	}
	c.few[h] = struct{}{}
	if len(c.few) > exactHashes {
		c.dense = hyperloglog.NewNoSparse()
		for h := range c.few {
			c.dense.InsertHash(h)
		}
		c.few = nil
	}
}

func (c *columnSketch) marshal() ([]byte, error) {
	sk := c.dense
	if sk == nil {
		sk = catalog.NewSketch()
		for h := range c.few {
			sk.InsertHash(h)
		}
	}
	return sk.MarshalBinary()
}

// sketchArray inserts the non-null values of a into s.
func sketchArray(s *columnSketch, a arrow.Array) {
	switch a := a.(type) {
	case *array.Boolean:
		for j := range a.Len() {
			if a.IsValid(j) {
				b := byte(0)
				if a.Value(j) {
					b = 1
				}
				s.Insert([]byte{b})
			}
		}
		return
	case *array.String:
		offs, data := a.ValueOffsets(), a.ValueBytes()
		for j := range a.Len() {
			if a.IsValid(j) {
				s.Insert(data[offs[j]-offs[0] : offs[j+1]-offs[0]])
			}
		}
		return
	case *array.Binary:
		for j := range a.Len() {
			if a.IsValid(j) {
				s.Insert(a.Value(j))
			}
		}
		return
	}
	if fw, ok := a.DataType().(arrow.FixedWidthDataType); ok && fw.BitWidth()%8 == 0 && len(a.Data().Buffers()) > 1 {
		w := fw.BitWidth() / 8
		buf := a.Data().Buffers()[1].Bytes()
		off := a.Data().Offset()
		for j := range a.Len() {
			if a.IsValid(j) {
				s.Insert(buf[(off+j)*w : (off+j+1)*w])
			}
		}
		return
	}
	for j := range a.Len() { // other types: their text
		if a.IsValid(j) {
			s.Insert([]byte(a.ValueStr(j)))
		}
	}
}
