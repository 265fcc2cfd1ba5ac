package integration

import (
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"
)

// logicGenerator makes the rows of an `ingest` block: a deterministic
// function of the row index. Values are nil (NULL), int32, int64, string,
// float64, logicDec (an exact decimal of the column's scale, unscaled) or
// logicDate (days since 1970-01-01), matching the schema's field types.
type logicGenerator struct {
	schema *arrow.Schema
	row    func(i int) []any
}

type (
	logicDec  int64
	logicDate int32
)

// logicGenerators are the generators `ingest` blocks name. Each schema must
// equal the CREATE TABLE of its table in _schema.test.
var logicGenerators = map[string]logicGenerator{
	"orders": {schema: ordersSchema, row: ordersRow},
}

var ordersSchema = arrow.NewSchema([]arrow.Field{
	{Name: "o_id", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "o_cust", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "o_item", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "o_qty", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "o_amount", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
	{Name: "o_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "o_status", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "o_discount", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

var (
	orderStatuses  = []string{"open", "shipped", "returned", "cancelled", ""}
	orderDiscounts = []float64{0, 0.05, 0.1, 0.125, 0.25, 0.5, 0.75}
	day2019        = daysOf(2019, 1, 1)
)

// ordersRow is row i of the fact table: o_id = i+1 (unique); customer keys
// 1..14 of customers (15 and 16 have no orders) with NULLs and the orphan
// keys 97 and 98; item keys 1..10 of items with NULLs and the orphan 99;
// quantities with NULL, 0 and negatives (returns); amounts with NULL,
// negatives and the DECIMAL(15,2) extremes; dates 2019..2024 with NULLs;
// statuses with ” and NULL; discounts with NULLs. Every 97th row repeats
// the previous one except for o_id (duplicates).
func ordersRow(i int) []any {
	if i%97 == 5 {
		r := ordersRow(i - 1)
		r[0] = int64(i + 1)
		return r
	}
	h := mix(uint64(i) + 7777)
	r := make([]any, 8)
	r[0] = int64(i + 1)
	switch c := h % 40; {
	case c < 2:
	case c == 2:
		r[1] = int32(97)
	case c == 3:
		r[1] = int32(98)
	default:
		r[1] = int32(1 + (h>>8)%14)
	}
	switch c := (h >> 12) % 30; {
	case c == 0:
	case c == 1:
		r[2] = int32(99)
	default:
		r[2] = int32(1 + (h>>16)%10)
	}
	switch c := (h >> 20) % 60; {
	case c == 0:
	case c == 1:
		r[3] = int32(0)
	case c == 2:
		r[3] = -int32(1 + (h>>26)%5)
	default:
		r[3] = int32(1 + (h>>26)%50)
	}
	switch c := (h >> 30) % 50; {
	case c == 0:
	case c == 1:
		r[4] = logicDec(-int64((h >> 36) % 100000))
	default:
		r[4] = logicDec(int64((h >> 36) % 2000000))
	}
	if (h>>52)%50 != 0 {
		r[5] = logicDate(day2019 + int32((h>>40)%2192))
	}
	if s := (h >> 44) % 6; s < 5 {
		r[6] = orderStatuses[s]
	}
	if d := (h >> 48) % 8; d > 0 {
		r[7] = orderDiscounts[d-1]
	}
	switch i {
	case 100:
		r[4] = logicDec(999_999_999_999_999)
	case 101:
		r[4] = logicDec(-999_999_999_999_999)
	}
	return r
}

// logicBatch builds rows [start, end) of g as one record batch.
func logicBatch(mem memory.Allocator, g logicGenerator, start, end int) (arrow.RecordBatch, error) {
	b := array.NewRecordBuilder(mem, g.schema)
	defer b.Release()
	for i := start; i < end; i++ {
		for j, v := range g.row(i) {
			fb := b.Field(j)
			if v == nil {
				fb.AppendNull()
				continue
			}
			switch fb := fb.(type) {
			case *array.Int32Builder:
				fb.Append(v.(int32))
			case *array.Int64Builder:
				fb.Append(v.(int64))
			case *array.StringBuilder:
				fb.Append(v.(string))
			case *array.Float64Builder:
				fb.Append(v.(float64))
			case *array.Decimal128Builder:
				fb.Append(decimal128.FromI64(int64(v.(logicDec))))
			case *array.Date32Builder:
				fb.Append(arrow.Date32(v.(logicDate)))
			default:
				return nil, fmt.Errorf("generator: column %d: builder %T", j, fb)
			}
		}
	}
	return b.NewRecordBatch(), nil
}

// duckValue converts a generated value for DuckDB's appender.
func duckValue(v any, t arrow.DataType) driver.Value {
	switch v := v.(type) {
	case nil:
		return nil
	case logicDec:
		d := t.(*arrow.Decimal128Type)
		return duckdb.Decimal{Width: uint8(d.Precision), Scale: uint8(d.Scale), Value: decimal128.FromI64(int64(v)).BigInt()}
	case logicDate:
		return time.Unix(int64(v)*86400, 0).UTC()
	}
	return v
}
