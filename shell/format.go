package shell

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/csv"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Format is how the shell writes result sets.
type Format string

// The formats of --format.
const (
	FormatTable Format = "table" // aligned table, folded to the terminal's width
	FormatCSV   Format = "csv"   // RFC 4180 with a header line; NULL is empty
	FormatJSON  Format = "json"  // JSON lines: one object per row, keys in column order
	FormatArrow Format = "arrow" // an Arrow IPC stream per result set
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatTable, FormatCSV, FormatJSON, FormatArrow:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: want table, csv, json or arrow", s)
}

// resultWriter writes one result set: begin with its schema, the batches
// in order (the caller keeps ownership), end once.
type resultWriter interface {
	begin(schema *arrow.Schema) error
	write(rec arrow.RecordBatch) error
	end() error
}

// newResultWriter writes result sets in format f to w; a table is folded to
// width columns (0: no folding).
func newResultWriter(f Format, w io.Writer, width int, mem memory.Allocator) resultWriter {
	switch f {
	case FormatCSV:
		return &csvWriter{out: w, mem: mem}
	case FormatJSON:
		return &jsonWriter{out: w}
	case FormatArrow:
		return &arrowWriter{out: w, mem: mem}
	default:
		return &tableWriter{out: w, width: width}
	}
}

// tableWriter collects the rows as text and prints them aligned at the
// end (alignment needs every row).
type tableWriter struct {
	out   io.Writer
	width int
	cols  []column
	rows  [][]string
}

func (t *tableWriter) begin(s *arrow.Schema) error {
	for _, f := range s.Fields() {
		t.cols = append(t.cols, column{name: f.Name, typ: f.Type.String(), right: isNumeric(f.Type)})
	}
	return nil
}

func (t *tableWriter) write(rec arrow.RecordBatch) error {
	for i := 0; i < int(rec.NumRows()); i++ {
		row := make([]string, rec.NumCols())
		for j, col := range rec.Columns() {
			row[j] = cellText(col, i)
		}
		t.rows = append(t.rows, row)
	}
	return nil
}

func (t *tableWriter) end() error { return writeTable(t.out, t.cols, t.rows, t.width) }

// cellText is how a table shows one value: decimals with every digit of
// their scale, the rest as arrow-go prints them.
func cellText(col arrow.Array, i int) string {
	if col.IsNull(i) {
		return "NULL"
	}
	if text, ok := decimalText(col, i); ok {
		return text
	}
	return col.ValueStr(i)
}

// decimalText is a decimal value with every digit of its scale (arrow-go's
// ValueStr and GetOneForMarshal drop trailing zeros); ok is false for
// other types.
func decimalText(col arrow.Array, i int) (text string, ok bool) {
	t, ok := col.DataType().(arrow.DecimalType)
	if !ok {
		return "", false
	}
	switch a := col.(type) {
	case *array.Decimal32:
		return a.Value(i).ToString(t.GetScale()), true
	case *array.Decimal64:
		return a.Value(i).ToString(t.GetScale()), true
	case *array.Decimal128:
		return a.Value(i).ToString(t.GetScale()), true
	case *array.Decimal256:
		return a.Value(i).ToString(t.GetScale()), true
	}
	return "", false
}

func isNumeric(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL32, arrow.DECIMAL64, arrow.DECIMAL128, arrow.DECIMAL256:
		return true
	}
	return false
}

// csvWriter is arrow-go's CSV writer, with the header written even for an
// empty result.
type csvWriter struct {
	out    io.Writer
	mem    memory.Allocator
	schema *arrow.Schema
	w      *csv.Writer
}

func (c *csvWriter) begin(s *arrow.Schema) error {
	c.schema = s
	c.w = csv.NewWriter(c.out, s, csv.WithHeader(true), csv.WithNullWriter(""))
	empty := array.NewRecordBuilder(c.mem, s)
	defer empty.Release()
	rec := empty.NewRecordBatch()
	defer rec.Release()
	return c.w.Write(rec)
}

func (c *csvWriter) write(rec arrow.RecordBatch) error {
	rec, err := conform(c.schema, rec)
	if err != nil {
		return err
	}
	defer rec.Release()
	return c.w.Write(rec)
}

func (c *csvWriter) end() error { return c.w.Flush() }

// jsonWriter writes one JSON object per row, its keys in column order
// (arrow-go's RecordToJSON sorts them and merges equal names).
type jsonWriter struct {
	out   io.Writer
	names [][]byte // the columns' names as JSON strings
	buf   bytes.Buffer
}

func (j *jsonWriter) begin(s *arrow.Schema) error {
	for _, f := range s.Fields() {
		name, err := json.Marshal(f.Name)
		if err != nil {
			return err
		}
		j.names = append(j.names, name)
	}
	return nil
}

func (j *jsonWriter) write(rec arrow.RecordBatch) error {
	for i := 0; i < int(rec.NumRows()); i++ {
		j.buf.Reset()
		j.buf.WriteByte('{')
		for c, col := range rec.Columns() {
			if c > 0 {
				j.buf.WriteByte(',')
			}
			v, err := json.Marshal(jsonValue(col, i))
			if err != nil {
				return fmt.Errorf("column %s: %w", j.names[c], err)
			}
			j.buf.Write(j.names[c])
			j.buf.WriteByte(':')
			j.buf.Write(v)
		}
		j.buf.WriteString("}\n")
		if _, err := j.out.Write(j.buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonWriter) end() error { return nil }

// jsonValue is a value as arrow-go marshals it to JSON, but decimals as
// strings with every digit of their scale (as CSV and tables print them).
func jsonValue(col arrow.Array, i int) any {
	if col.IsValid(i) {
		if text, ok := decimalText(col, i); ok {
			return text
		}
	}
	return col.GetOneForMarshal(i)
}

// arrowWriter writes an Arrow IPC stream: the schema, the batches, the end
// of stream marker.
type arrowWriter struct {
	out    io.Writer
	mem    memory.Allocator
	schema *arrow.Schema
	w      *ipc.Writer
}

func (a *arrowWriter) begin(s *arrow.Schema) error {
	a.schema = s
	a.w = ipc.NewWriter(a.out, ipc.WithSchema(s), ipc.WithAllocator(a.mem))
	return nil
}

func (a *arrowWriter) write(rec arrow.RecordBatch) error {
	rec, err := conform(a.schema, rec)
	if err != nil {
		return err
	}
	defer rec.Release()
	return a.w.Write(rec)
}

// conform returns rec under schema s, which the writers were made with: a
// stream's schema may differ from the FlightInfo's in nullability or field
// metadata (Flight SQL column metadata), never in types. The caller
// releases the result.
func conform(s *arrow.Schema, rec arrow.RecordBatch) (arrow.RecordBatch, error) {
	if rec.Schema().Equal(s) {
		rec.Retain()
		return rec, nil
	}
	if int(rec.NumCols()) != s.NumFields() {
		return nil, fmt.Errorf("a batch has %d columns, the result %d", rec.NumCols(), s.NumFields())
	}
	for i, f := range s.Fields() {
		if !arrow.TypeEqual(f.Type, rec.Column(i).DataType()) {
			return nil, fmt.Errorf("column %s: a batch of type %s in a result of type %s", f.Name, rec.Column(i).DataType(), f.Type)
		}
	}
	return array.NewRecordBatch(s, rec.Columns(), rec.NumRows()), nil
}

func (a *arrowWriter) end() error { return a.w.Close() }
