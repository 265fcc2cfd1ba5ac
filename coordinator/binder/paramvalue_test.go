package binder

import (
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
)

// TestParamValue checks how a bound value converts to its parameter's type:
// exactly, or not at all.
func TestParamValue(t *testing.T) {
	var (
		i8    = arrow.PrimitiveTypes.Int8
		i32   = arrow.PrimitiveTypes.Int32
		i64   = arrow.PrimitiveTypes.Int64
		u64   = arrow.PrimitiveTypes.Uint64
		f32   = arrow.PrimitiveTypes.Float32
		f64   = arrow.PrimitiveTypes.Float64
		str   = arrow.BinaryTypes.String
		bin   = arrow.BinaryTypes.Binary
		boo   = arrow.FixedWidthTypes.Boolean
		date  = arrow.FixedWidthTypes.Date32
		ts    = &arrow.TimestampType{Unit: arrow.Microsecond}
		tsz   = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
		tsns  = &arrow.TimestampType{Unit: arrow.Nanosecond}
		dec   = &arrow.Decimal128Type{Precision: 10, Scale: 2}
		dec31 = &arrow.Decimal128Type{Precision: 3, Scale: 1}
	)
	cases := []struct {
		from arrow.DataType
		json string // the value, as a JSON array element
		to   arrow.DataType
		want string // the literal's text; "NULL" for a NULL; "!" for an error
	}{
		{i64, `42`, i32, "42"},
		{i64, `3000000000`, i32, "!"},
		{i64, `-128`, i8, "-128"},
		{i64, `-1`, u64, "!"},
		{i64, `7`, dec, "7.00"},
		{i64, `123456789`, dec, "!"}, // more digits than DECIMAL(10,2) holds
		{i64, `7`, f64, "7"},
		{i64, `7`, str, "7"},
		{i64, `1`, boo, "true"},
		{i64, `2`, boo, "!"},
		{i64, `7`, date, "!"},
		{f64, `2.5`, i32, "!"},
		{f64, `4`, i32, "4"},
		{f64, `0.1`, dec, "0.10"}, // the double's shortest decimal, not its binary expansion
		{f64, `0.125`, dec, "!"},
		{f64, `1e300`, f32, "!"},
		{f64, `0.1`, f32, "0.1"},
		{f64, `0.5`, str, "0.5"},
		{dec31, `"12.5"`, dec, "12.50"},
		{dec31, `"12.5"`, i64, "!"},
		{dec31, `"12.0"`, i64, "12"},
		{dec31, `"12.5"`, f64, "12.5"},
		{dec31, `"12.5"`, str, "12.5"},
		{str, `"it's"`, str, "it's"},
		{str, `" 17 "`, i32, "17"},
		{str, `"17.5"`, i32, "!"},
		{str, `"17.5"`, dec, "17.50"},
		{str, `"abc"`, f64, "!"},
		{str, `"2.5e1"`, f64, "25"},
		{str, `"TRUE"`, boo, "true"},
		{str, `"2024-02-29"`, date, "2024-02-29"},
		{str, `"2024-02-30"`, date, "!"},
		{str, `"2024-02-29 10:00:00"`, date, "!"},
		{str, `"2024-02-29 10:00:00.25"`, ts, "2024-02-29 10:00:00.25"},
		{str, `"2024-02-29T10:00:00+02:00"`, ts, "2024-02-29 08:00:00"},
		{str, `"2024-02-29 10:00:00"`, tsz, "2024-02-29 10:00:00+00"},
		{str, `"a\\b"`, bin, `a\x5Cb`},
		{boo, `true`, boo, "true"},
		{boo, `false`, i32, "0"},
		{date, `"2024-01-05"`, date, "2024-01-05"},
		{date, `"2024-01-05"`, ts, "2024-01-05 00:00:00"},
		{date, `"2024-01-05"`, str, "2024-01-05"},
		{ts, `"2024-01-05T00:00:00"`, date, "2024-01-05"},
		{ts, `"2024-01-05T01:00:00"`, date, "!"},
		{ts, `"2024-01-05T01:02:03.000004"`, tsz, "2024-01-05 01:02:03.000004+00"},
		{tsns, `"2024-01-05T01:02:03.000004001"`, ts, "!"},
		{ts, `"2024-01-05T01:02:03"`, i64, "!"},
		{i64, `null`, date, "NULL"},
		{arrow.Null, `null`, dec, "NULL"},
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, tc := range cases {
		col, _, err := array.FromJSON(mem, tc.from, strings.NewReader("["+tc.json+"]"))
		if err != nil {
			t.Fatalf("%s %s: %v", tc.from, tc.json, err)
		}
		lit, err := ParamValue(2, tc.to, col, 0)
		col.Release()
		got := "!"
		switch {
		case err != nil:
			if !qerr.Has(err, qerr.ErrInvalid) || !strings.Contains(err.Error(), "parameter 3") {
				t.Errorf("%s %s as %s: error %v, want INVALID naming parameter 3", tc.from, tc.json, tc.to, err)
			}
		case lit.Null:
			got = "NULL"
		default:
			got = lit.Text
			if !arrow.TypeEqual(lit.T, tc.to) {
				t.Errorf("%s %s as %s: literal of type %s", tc.from, tc.json, tc.to, lit.T)
			}
		}
		if got != tc.want {
			t.Errorf("%s %s as %s: %q, want %q", tc.from, tc.json, tc.to, got, tc.want)
		}
	}
	for _, b := range [][]byte{nil, []byte(`a\b`), {0, 0xff, '\\', 'x', '4', '1'}} {
		if got := BlobBytes(blobText(b)); string(got) != string(b) {
			t.Errorf("BINARY %x reads back as %x", b, got)
		}
	}
	// Not a number and the infinities are doubles only.
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		v := floatScalar(f, 64)
		if got, ok := v.as(f64); !ok || got != formatFloat(f, 64) {
			t.Errorf("%v as DOUBLE: %q %v", f, got, ok)
		}
		if _, ok := v.as(dec); ok {
			t.Errorf("%v converts to a DECIMAL", f)
		}
	}
}
