package integration

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// typeCase is one column of TestTypesRoundTrip: the Arrow type a client
// ingests, the type Quiver stores and answers, and a value per row (nil:
// NULL) in the ingested type.
type typeCase struct {
	name   string
	in     arrow.DataType
	stored arrow.DataType
	values []any
}

var (
	tsValues = []any{time.Date(2024, 2, 29, 23, 59, 58, 0, time.UTC), nil, time.Date(1969, 7, 20, 20, 17, 40, 0, time.UTC)}
	tsMicros = []any{time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC), nil, time.Date(1969, 7, 20, 20, 17, 40, 1000, time.UTC)}
	utcUS    = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	plainUS  = &arrow.TimestampType{Unit: arrow.Microsecond}
)

var typeCases = []typeCase{
	{"i8", arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int8, []any{int8(-128), nil, int8(127)}},
	{"i16", arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int16, []any{int16(-32768), nil, int16(32767)}},
	{"i32", arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int32, []any{int32(-2147483648), nil, int32(2147483647)}},
	{"i64", arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Int64, []any{int64(-9223372036854775808), nil, int64(9223372036854775807)}},
	{"u8", arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint8, []any{uint8(0), nil, uint8(255)}},
	{"u16", arrow.PrimitiveTypes.Uint16, arrow.PrimitiveTypes.Uint16, []any{uint16(0), nil, uint16(65535)}},
	{"u32", arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Uint32, []any{uint32(0), nil, uint32(4294967295)}},
	{"u64", arrow.PrimitiveTypes.Uint64, arrow.PrimitiveTypes.Uint64, []any{uint64(0), nil, uint64(18446744073709551615)}},
	{"f32", arrow.PrimitiveTypes.Float32, arrow.PrimitiveTypes.Float32, []any{float32(-1.5), nil, float32(3.25e38)}},
	{"f64", arrow.PrimitiveTypes.Float64, arrow.PrimitiveTypes.Float64, []any{-2.5e-300, nil, 1.7976931348623157e308}},
	{"dec", &arrow.Decimal128Type{Precision: 38, Scale: 10}, &arrow.Decimal128Type{Precision: 38, Scale: 10},
		[]any{"-1234567890123456789012345678.0123456789", nil, "0.0000000001"}},
	{"dec_small", &arrow.Decimal128Type{Precision: 5, Scale: 2}, &arrow.Decimal128Type{Precision: 5, Scale: 2}, []any{"-999.99", nil, "0.50"}},
	{"s", arrow.BinaryTypes.String, arrow.BinaryTypes.String, []any{"", nil, "naïve ☃ 'quoted'"}},
	{"ls", arrow.BinaryTypes.LargeString, arrow.BinaryTypes.String, []any{"large", nil, ""}},
	{"bin", arrow.BinaryTypes.Binary, arrow.BinaryTypes.Binary, []any{[]byte{0, 1, 255}, nil, []byte{}}},
	{"lbin", arrow.BinaryTypes.LargeBinary, arrow.BinaryTypes.Binary, []any{[]byte("large"), nil, []byte{0}}},
	{"b", arrow.FixedWidthTypes.Boolean, arrow.FixedWidthTypes.Boolean, []any{true, nil, false}},
	{"d32", arrow.FixedWidthTypes.Date32, arrow.FixedWidthTypes.Date32,
		[]any{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), nil, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)}},
	{"d64", arrow.FixedWidthTypes.Date64, arrow.FixedWidthTypes.Date32,
		[]any{time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC), nil, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)}},
	{"ts_s", &arrow.TimestampType{Unit: arrow.Second}, plainUS, tsValues},
	{"ts_ms", &arrow.TimestampType{Unit: arrow.Millisecond}, plainUS, tsValues},
	{"ts_us", plainUS, plainUS, tsMicros},
	{"ts_ns", &arrow.TimestampType{Unit: arrow.Nanosecond}, plainUS, tsMicros},
	{"tz_utc", utcUS, utcUS, tsMicros},
	{"tz_etc_utc", &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "Etc/UTC"}, utcUS, tsMicros},
	{"tz_offset", &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "+02:00"}, utcUS, tsValues},
	{"tz_zone", &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "America/New_York"}, utcUS, tsMicros},
	{"tz_s", &arrow.TimestampType{Unit: arrow.Second, TimeZone: "UTC"}, utcUS, tsValues},
}

// typesBatch builds one batch of every case's input type and values.
func typesBatch(t testing.TB, mem memory.Allocator) arrow.RecordBatch {
	t.Helper()
	var fields []arrow.Field
	for _, tc := range typeCases {
		fields = append(fields, arrow.Field{Name: tc.name, Type: tc.in, Nullable: true})
	}
	b := array.NewRecordBuilder(mem, arrow.NewSchema(fields, nil))
	defer b.Release()
	for i, tc := range typeCases {
		for _, v := range tc.values {
			if v == nil {
				b.Field(i).AppendNull()
				continue
			}
			switch fb := b.Field(i).(type) {
			case *array.Decimal128Builder:
				d, err := decimal128.FromString(v.(string), tc.in.(*arrow.Decimal128Type).Precision, tc.in.(*arrow.Decimal128Type).Scale)
				if err != nil {
					t.Fatal(err)
				}
				fb.Append(d)
			case *array.Date32Builder:
				fb.Append(arrow.Date32FromTime(v.(time.Time)))
			case *array.Date64Builder:
				fb.Append(arrow.Date64FromTime(v.(time.Time)))
			case *array.TimestampBuilder:
				ts, err := arrow.TimestampFromTime(v.(time.Time), tc.in.(*arrow.TimestampType).Unit)
				if err != nil {
					t.Fatal(err)
				}
				fb.Append(ts)
			default:
				if err := b.Field(i).AppendValueFromString(fmt.Sprint(v)); err != nil {
					if bb, ok := fb.(*array.BinaryBuilder); ok {
						bb.Append(v.([]byte))
						continue
					}
					t.Fatalf("column %s: %v", tc.name, err)
				}
			}
		}
	}
	return b.NewRecordBatch()
}

// valueText is a value as typeCases hold it, in a form that compares
// across the ingested and the stored type.
func valueText(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	case []byte:
		return base64.StdEncoding.EncodeToString(v)
	}
	return fmt.Sprint(v)
}

// cellText is row i of a result column in valueText's form.
func cellText(col arrow.Array, i int) string {
	if col.IsNull(i) {
		return "NULL"
	}
	switch a := col.(type) {
	case *array.Timestamp:
		return a.Value(i).ToTime(a.DataType().(*arrow.TimestampType).Unit).UTC().Format(time.RFC3339Nano)
	case *array.Date32:
		return a.Value(i).ToTime().UTC().Format(time.RFC3339Nano)
	case *array.Binary:
		return base64.StdEncoding.EncodeToString(a.Value(i))
	case *array.Decimal128:
		return a.Value(i).ToString(a.DataType().(*arrow.Decimal128Type).Scale)
	}
	return col.ValueStr(i)
}

// TestTypesRoundTrip ingests one column of every Arrow type Quiver stores
// or converts on ingest (integers of every width, floats, decimals, strings
// and binaries of both offset widths, booleans, dates, timestamps of every
// unit without and with time zones named UTC, Etc/UTC, an offset and a
// region) with the Go ADBC driver, and reads it back with SELECT * and
// with a filter that runs through an exchange: the answer has the stored
// types the FlightInfo promised and the same values (timestamps as the
// same instants; a zone becomes UTC).
func TestTypesRoundTrip(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "types round trip")
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rec := typesBatch(t, mem)
	defer rec.Release()
	if _, err := c.Ingest("types", adbc.OptionValueIngestModeCreate, []arrow.RecordBatch{rec}); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	// Stored in microseconds, with or without a zone: a nanosecond more is
	// refused, naming the column, not rounded.
	for _, ns := range []arrow.DataType{&arrow.TimestampType{Unit: arrow.Nanosecond}, &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"}} {
		nb := array.NewRecordBuilder(mem, arrow.NewSchema([]arrow.Field{{Name: "ts_col", Type: ns, Nullable: true}}, nil))
		nb.Field(0).(*array.TimestampBuilder).Append(arrow.Timestamp(1_000_000_001))
		nrec := nb.NewRecordBatch()
		nb.Release()
		_, err := c.Ingest("types_ns", adbc.OptionValueIngestModeCreate, []arrow.RecordBatch{nrec})
		nrec.Release()
		if grpcCode(err) != codes.InvalidArgument || !strings.Contains(err.Error(), "ts_col") {
			t.Errorf("ingest of a %s with nanoseconds: %v, want INVALID_ARGUMENT naming ts_col", ns, err)
		}
	}
	for _, q := range []string{
		"SELECT * FROM types ORDER BY i8",
		"SELECT t.* FROM types t JOIN (SELECT i8 FROM types GROUP BY i8) g ON t.i8 = g.i8 OR (t.i8 IS NULL AND g.i8 IS NULL) ORDER BY t.i8",
	} {
		t.Run(q[:20], func(t *testing.T) {
			ctx, cancel := stmtCtx()
			defer cancel()
			st, err := c.cnxn.NewStatement()
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.SetSqlQuery(q); err != nil {
				t.Fatal(err)
			}
			rdr, _, err := st.ExecuteQuery(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer rdr.Release()
			for i, tc := range typeCases {
				if got := rdr.Schema().Field(i).Type; !arrow.TypeEqual(got, tc.stored) {
					t.Errorf("column %s: promised %s, want %s", tc.name, got, tc.stored)
				}
			}
			row := 0
			// ORDER BY i8: NULL first (MySQL), then -128, then 127.
			order := []int{1, 0, 2}
			for rdr.Next() {
				b := rdr.RecordBatch()
				for r := range int(b.NumRows()) {
					for i, tc := range typeCases {
						if !arrow.TypeEqual(b.Column(i).DataType(), tc.stored) {
							t.Fatalf("column %s arrived as %s, promised %s", tc.name, b.Column(i).DataType(), tc.stored)
						}
						if got, want := cellText(b.Column(i), r), valueText(tc.values[order[row]]); got != want {
							t.Errorf("row %d column %s: %s, want %s", row, tc.name, got, want)
						}
					}
					row++
				}
			}
			if err := rdr.Err(); err != nil {
				t.Fatal(err)
			}
			if row != 3 {
				t.Errorf("%d rows, want 3", row)
			}
		})
	}
}
