package stage

import (
	"os"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
)

// capture collects what a Flight record writer sends.
type capture struct{ msgs []*flight.FlightData }

func (c *capture) Send(m *flight.FlightData) error {
	c.msgs = append(c.msgs, m)
	return nil
}

// TestCheckIPCMessage: the messages arrow-go writes for nested, dictionary,
// timestamp-with-zone and metadata-carrying schemas and their batches all
// pass; the schema message FuzzIngestStream found, whose field vector
// claims more fields than its bytes hold (arrow-go would allocate them
// all and end the process), and its truncations are ErrInvalid; so is a
// batch whose body is shorter than its header says, or whose header names
// a buffer past the end of its body.
func TestCheckIPCMessage(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	md := arrow.NewMetadata([]string{"k"}, []string{"v"})
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true, Metadata: md},
		{Name: "l", Type: arrow.ListOf(arrow.PrimitiveTypes.Int32)},
		{Name: "st", Type: arrow.StructOf(arrow.Field{Name: "a", Type: arrow.BinaryTypes.String}, arrow.Field{Name: "b", Type: arrow.ListOf(arrow.FixedWidthTypes.Boolean)})},
		{Name: "m", Type: arrow.MapOf(arrow.BinaryTypes.String, arrow.PrimitiveTypes.Float64)},
		{Name: "d", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
		{Name: "ts", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "Europe/Paris"}},
		{Name: "dec", Type: &arrow.Decimal128Type{Precision: 20, Scale: 3}},
		{Name: "fsb", Type: &arrow.FixedSizeBinaryType{ByteWidth: 3}},
	}, &md)
	bld := array.NewRecordBuilder(mem, schema)
	defer bld.Release()
	for range 3 {
		for i := range schema.NumFields() {
			bld.Field(i).AppendNull()
		}
	}
	rec := bld.NewRecordBatch()
	defer rec.Release()
	var c capture
	w := flight.NewRecordWriter(&c, ipc.WithSchema(schema), ipc.WithAllocator(mem))
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(c.msgs) < 3 {
		t.Fatalf("%d messages, want schema, dictionary and batch", len(c.msgs))
	}
	for i, m := range c.msgs {
		if err := CheckIPCMessage(m.DataHeader, m.DataBody); err != nil {
			t.Errorf("message %d of a valid stream: %v", i, err)
		}
	}
	batch := c.msgs[len(c.msgs)-1]
	for _, cut := range []int{1, 8, 64} {
		if err := CheckIPCMessage(batch.DataHeader, batch.DataBody[:len(batch.DataBody)-cut]); !qerr.Has(err, qerr.ErrInvalid) {
			t.Errorf("a batch body short by %d bytes: %v, want %s", cut, err, qerr.ErrInvalid)
		}
	}
	if err := CheckIPCMessage(nil, batch.DataBody); !qerr.Has(err, qerr.ErrInvalid) {
		t.Errorf("a body without a header: %v, want %s", err, qerr.ErrInvalid)
	}

	bad, err := os.ReadFile("testdata/ipc/schema-fields-length.bin")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{bad, bad[:len(bad)/2], bad[:9], c.msgs[0].DataHeader[:len(c.msgs[0].DataHeader)-40]} {
		if err := CheckIPCMessage(b, nil); !qerr.Has(err, qerr.ErrInvalid) {
			t.Errorf("malformed message of %d bytes: %v, want %s", len(b), err, qerr.ErrInvalid)
		}
	}
}
