package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/axiomhq/hyperloglog"

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
	sketches := make([]*hyperloglog.Sketch, n)
	for i := range sketches {
		sketches[i] = catalog.NewSketch()
	}
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
	out := make([][]byte, n)
	for i, s := range sketches {
		if out[i], err = s.MarshalBinary(); err != nil {
			return nil, qerr.ErrInternal.Wrap(err, "encode a column sketch")
		}
	}
	return out, nil
}

// sketchArray inserts the non-null values of a into s.
func sketchArray(s *hyperloglog.Sketch, a arrow.Array) {
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
