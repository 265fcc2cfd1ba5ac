package shell

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// testBatch has two columns named a (an int and a string) and a decimal.
func testBatch(mem memory.Allocator, nullable bool) arrow.RecordBatch {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: nullable},
		{Name: "a", Type: arrow.BinaryTypes.String, Nullable: nullable},
		{Name: "d", Type: &arrow.Decimal128Type{Precision: 10, Scale: 2}, Nullable: nullable},
	}, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	b.Field(0).(*array.Int64Builder).AppendValues([]int64{1, 2}, nil)
	b.Field(1).(*array.StringBuilder).AppendValues([]string{"x", ""}, []bool{true, false})
	b.Field(2).(*array.Decimal128Builder).AppendValues([]decimal128.Num{decimal128.FromI64(150), decimal128.FromI64(-5)}, nil)
	return b.NewRecordBatch()
}

func TestResultWriters(t *testing.T) {
	for _, tc := range []struct {
		format Format
		want   string
	}{
		{FormatTable, `+-------+------+----------------+
| a     | a    | d              |
| int64 | utf8 | decimal(10, 2) |
+-------+------+----------------+
|     1 | x    |           1.50 |
|     2 | NULL |          -0.05 |
+-------+------+----------------+
`},
		{FormatCSV, "a,a,d\n1,x,1.50\n2,,-0.05\n"},
		{FormatJSON, `{"a":1,"a":"x","d":"1.50"}` + "\n" + `{"a":2,"a":null,"d":"-0.05"}` + "\n"},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			rec := testBatch(mem, true)
			defer rec.Release()
			var out bytes.Buffer
			w := newResultWriter(tc.format, &out, 0, mem)
			if err := w.begin(rec.Schema()); err != nil {
				t.Fatal(err)
			}
			if err := w.write(rec); err != nil {
				t.Fatal(err)
			}
			if err := w.end(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tc.want)
			}
		})
	}
}

// TestArrowWriterRelabels: a batch whose schema differs from the result's
// in nullability only is written under the result's schema; one of another
// type is an error.
func TestArrowWriterRelabels(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	result := testBatch(mem, true)
	defer result.Release()
	rec := testBatch(mem, false)
	defer rec.Release()
	var out bytes.Buffer
	w := newResultWriter(FormatArrow, &out, 0, mem)
	if err := w.begin(result.Schema()); err != nil {
		t.Fatal(err)
	}
	if err := w.write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.end(); err != nil {
		t.Fatal(err)
	}
	rdr, err := ipc.NewReader(&out, ipc.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Release()
	if !rdr.Schema().Equal(result.Schema()) {
		t.Errorf("stream schema %s, want %s", rdr.Schema(), result.Schema())
	}
	rows := 0
	for rdr.Next() {
		rows += int(rdr.RecordBatch().NumRows())
	}
	if rows != 2 {
		t.Errorf("%d rows, want 2", rows)
	}

	other := arrow.NewSchema([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int32}, {Name: "a", Type: arrow.BinaryTypes.String}, {Name: "d", Type: arrow.PrimitiveTypes.Int64}}, nil)
	w = newResultWriter(FormatArrow, &bytes.Buffer{}, 0, mem)
	if err := w.begin(other); err != nil {
		t.Fatal(err)
	}
	if err := w.write(rec); err == nil || !strings.Contains(err.Error(), "column a") {
		t.Errorf("a batch of other types: %v", err)
	}
	_ = w.end()
}
