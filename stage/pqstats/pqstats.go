// Package pqstats reads the statistics of Parquet footers as the catalog
// keeps them: per column a null count and min / max as SQL literals of the
// column's type. Workers describe the files they write with it, the
// coordinator an external table's files and row groups. It reads footers
// only, never data.
package pqstats

import (
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/metadata"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage/duck"
)

// Columns merges the statistics of the row groups rowGroups (nil: all) of
// a file with footer md, whose columns read as got, into one ColumnStats
// per column, named as want names them: the null count where every row
// group has one (else -1), min and max where every row group has them (a
// row group of NULLs only needs none). A file with nested columns (several
// leaves per field) gets no statistics.
func Columns(md *metadata.FileMetaData, got, want *arrow.Schema, rowGroups []int) ([]catalog.ColumnStats, error) {
	var out []catalog.ColumnStats
	if md.Schema.NumColumns() != want.NumFields() || got.NumFields() != want.NumFields() {
		for _, f := range want.Fields() {
			out = append(out, catalog.ColumnStats{Name: f.Name, NullCount: -1})
		}
		return out, nil
	}
	if rowGroups == nil {
		for g := range md.NumRowGroups() {
			rowGroups = append(rowGroups, g)
		}
	}
	// Statistics are small values that live on in the DataFile: a Go
	// allocator, collected by the GC, keeps them out of any accounting
	// (metadata statistics have no Release).
	mem := memory.NewGoAllocator()
	for i, f := range want.Fields() {
		cs := catalog.ColumnStats{Name: f.Name, NullCount: -1}
		merged := metadata.NewStatistics(md.Schema.Column(i), mem)
		nulls, minmax := true, true
		for _, g := range rowGroups {
			rg := md.RowGroup(g)
			cc, err := rg.ColumnChunk(i)
			if err != nil {
				return nil, qerr.ErrInternal.Wrap(err, "data file column chunk")
			}
			s, err := cc.Statistics()
			if err != nil || s == nil {
				nulls, minmax = false, false
				break
			}
			if !s.HasNullCount() {
				nulls = false
			}
			// A row group of nulls only has no min / max and needs none.
			if !s.HasMinMax() && !(s.HasNullCount() && s.NullCount() == rg.NumRows()) {
				minmax = false
			}
			merged.Merge(s)
		}
		if nulls {
			cs.NullCount = merged.NullCount()
		}
		if minmax && merged.HasMinMax() {
			lo, ok1 := Literal(got.Field(i).Type, merged, false)
			hi, ok2 := Literal(got.Field(i).Type, merged, true)
			if ok1 && ok2 {
				cs.Min, cs.Max = lo, hi
			}
		}
		out = append(out, cs)
	}
	return out, nil
}

// Literal renders the min (or max) of s as a SQL literal of type t:
// numbers plain, strings quoted, DATE '…', TIMESTAMP '…', TRUE / FALSE.
// ok is false for values that have no safe literal (NaN, binary, invalid
// UTF-8, types not listed).
func Literal(t arrow.DataType, s metadata.TypedStatistics, max bool) (string, bool) {
	pick := func(lo, hi any) any {
		if max {
			return hi
		}
		return lo
	}
	switch s := s.(type) {
	case *metadata.BooleanStatistics:
		if pick(s.Min(), s.Max()).(bool) {
			return "TRUE", true
		}
		return "FALSE", true
	case *metadata.Int32Statistics:
		v := pick(s.Min(), s.Max()).(int32)
		switch t := t.(type) {
		case *arrow.Date32Type:
			return "DATE '" + time.Unix(int64(v)*86400, 0).UTC().Format("2006-01-02") + "'", true
		case *arrow.Decimal128Type:
			return decimal128.FromI64(int64(v)).ToString(t.Scale), true
		}
		switch t.ID() {
		case arrow.UINT8, arrow.UINT16, arrow.UINT32:
			return strconv.FormatUint(uint64(uint32(v)), 10), true
		case arrow.INT8, arrow.INT16, arrow.INT32:
			return strconv.FormatInt(int64(v), 10), true
		}
	case *metadata.Int64Statistics:
		v := pick(s.Min(), s.Max()).(int64)
		switch t := t.(type) {
		case *arrow.TimestampType:
			if t.TimeZone != "" {
				return "", false
			}
			var ts time.Time
			switch t.Unit {
			case arrow.Second:
				ts = time.Unix(v, 0)
			case arrow.Millisecond:
				ts = time.UnixMilli(v)
			case arrow.Microsecond:
				ts = time.UnixMicro(v)
			case arrow.Nanosecond:
				ts = time.Unix(0, v)
			}
			return "TIMESTAMP '" + ts.UTC().Format("2006-01-02 15:04:05.999999999") + "'", true
		case *arrow.Decimal128Type:
			return decimal128.FromI64(v).ToString(t.Scale), true
		}
		switch t.ID() {
		case arrow.UINT64:
			return strconv.FormatUint(uint64(v), 10), true
		case arrow.INT64:
			return strconv.FormatInt(v, 10), true
		}
	case *metadata.Float32Statistics:
		return floatLiteral(float64(pick(s.Min(), s.Max()).(float32)), 32)
	case *metadata.Float64Statistics:
		return floatLiteral(pick(s.Min(), s.Max()).(float64), 64)
	case *metadata.ByteArrayStatistics:
		v := []byte(pick(s.Min(), s.Max()).(parquet.ByteArray))
		switch t := t.(type) {
		case *arrow.StringType:
			if !utf8.Valid(v) {
				return "", false
			}
			return duck.QuoteString(string(v)), true
		case *arrow.Decimal128Type:
			return bigDecimal(v, t.Scale)
		}
	case *metadata.FixedLenByteArrayStatistics:
		v := []byte(pick(s.Min(), s.Max()).(parquet.FixedLenByteArray))
		if t, ok := t.(*arrow.Decimal128Type); ok {
			return bigDecimal(v, t.Scale)
		}
	}
	return "", false
}

func floatLiteral(v float64, bits int) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", false
	}
	if v == 0 {
		v = 0 // Parquet writes a zero minimum as -0.0
	}
	return strconv.FormatFloat(v, 'g', -1, bits), true
}

// bigDecimal renders a big-endian two's complement unscaled value.
func bigDecimal(b []byte, scale int32) (string, bool) {
	if len(b) == 0 || len(b) > 16 {
		return "", false
	}
	v := new(big.Int).SetBytes(b)
	if b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return decimal128.FromBigInt(v).ToString(scale), true
}
