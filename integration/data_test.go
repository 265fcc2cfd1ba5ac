package integration

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// The test table of the CLI contract:
//
//	CREATE TABLE t (a INT, b BIGINT, s VARCHAR(20), d DECIMAL(15,2), dt DATE, f DOUBLE)
//
// and its Arrow schema, which bulk ingest sends and plain SELECTs must return.
const tableDDLColumns = "(a INT, b BIGINT, s VARCHAR(20), d DECIMAL(15,2), dt DATE, f DOUBLE)"

var decType = &arrow.Decimal128Type{Precision: 15, Scale: 2}

var tableSchema = arrow.NewSchema([]arrow.Field{
	{Name: "a", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "b", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "d", Type: decType, Nullable: true},
	{Name: "dt", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "f", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

// genRow is one generated row; nil means NULL. d is in cents, dt in days
// since 1970-01-01.
type genRow struct {
	a  *int32
	b  *int64
	s  *string
	d  *int64
	dt *int32
	f  *float64
}

// strs are the string values: lowercase ASCII only, so that MySQL's default
// case- and accent-insensitive collation and binary ordering agree. It has
// the empty string, a quote, a space and a value of the full 20 characters.
var strs = func() []string {
	out := []string{"", "it's", "zz top", "abcdefghijklmnopqrst", "alpha", "beta", "omega", "k"}
	for i := 0; i < 52; i++ {
		out = append(out, fmt.Sprintf("k%02d", i))
	}
	return out
}()

func daysOf(y int, m time.Month, d int) int32 {
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

var day2020 = daysOf(2020, 1, 1)

// mix is splitmix64: a deterministic, well-spread hash of the row index.
func mix(i uint64) uint64 {
	z := i + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func ptr[T any](v T) *T { return &v }

// makeRow generates row i deterministically: NULLs in every column, many
// duplicates, negative numbers, and a few extreme values (int32 and int64
// limits, whose sums overflow 64 bits; the largest DECIMAL(15,2); dates
// before 1970 and at the ends of MySQL's range).
func makeRow(i int) genRow {
	h := mix(uint64(i))
	var r genRow
	if h%17 != 0 {
		r.a = ptr(int32((h>>8)%2001) - 1000)
	}
	if (h>>3)%23 != 0 {
		r.b = ptr(int64((h>>16)%2_000_000_001) - 1_000_000_000)
	}
	if (h>>5)%29 != 0 {
		r.s = ptr(strs[(h>>20)%uint64(len(strs))])
	}
	if (h>>7)%31 != 0 {
		r.d = ptr(int64((h>>24)%2_000_001) - 1_000_000)
	}
	if (h>>9)%37 != 0 {
		r.dt = ptr(day2020 + int32((h>>28)%1500))
	}
	if (h>>11)%41 != 0 {
		v := int64((h>>32)%200_001) - 100_000
		if (h>>40)%5 == 0 {
			r.f = ptr(float64(v) / 10) // not exact in binary: sums depend on order
		} else {
			r.f = ptr(float64(v) / 64)
		}
	}
	switch i {
	case 11:
		r.a = ptr(int32(math.MaxInt32))
	case 12:
		r.a = ptr(int32(math.MinInt32))
	case 13, 14, 15:
		r.b = ptr(int64(math.MaxInt64))
	case 16:
		r.b = ptr(int64(math.MinInt64))
	case 17:
		r.d = ptr(int64(999_999_999_999_999))
	case 18:
		r.d = ptr(int64(-999_999_999_999_999))
	case 19:
		r.dt = ptr(daysOf(1969, 7, 20))
	case 20:
		r.dt = ptr(daysOf(1000, 1, 1))
	case 21:
		r.dt = ptr(daysOf(9999, 12, 31))
	case 22: // a row of NULLs only
		r = genRow{}
	}
	return r
}

// dataset is the rows a test loads: bulk-ingested batches, then INSERT
// statements. Its batches belong to mem and are released by Release.
type dataset struct {
	mem        *memory.CheckedAllocator
	batches    []arrow.RecordBatch
	inserts    []string // INSERT INTO t VALUES ... statements, table name "t"
	ingestRows int
	insertRows int
}

func (ds *dataset) totalRows() int { return ds.ingestRows + ds.insertRows }

// defaultIngestRows is the bulk-ingested row count of the main suites.
func defaultIngestRows(t testing.TB) int {
	if v := os.Getenv("QUIVER_IT_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 {
			t.Fatalf("QUIVER_IT_ROWS=%q: want an integer >= 100", v)
		}
		return n
	}
	return 300_000
}

// newDataset generates nBatches batches covering rows [0, rows) and
// nInserts INSERT statements of perInsert rows each (row indices from 10^7
// on, so they differ from the ingested ones).
func newDataset(t testing.TB, rows, nBatches, nInserts, perInsert int) *dataset {
	t.Helper()
	ds := &dataset{mem: memory.NewCheckedAllocator(memory.NewGoAllocator()), ingestRows: rows, insertRows: nInserts * perInsert}
	per := (rows + nBatches - 1) / nBatches
	for start := 0; start < rows; start += per {
		end := min(start+per, rows)
		ds.batches = append(ds.batches, buildBatch(ds.mem, start, end))
	}
	for k := 0; k < nInserts; k++ {
		var vals []string
		for j := 0; j < perInsert; j++ {
			vals = append(vals, sqlTuple(makeRow(10_000_000+k*perInsert+j)))
		}
		ds.inserts = append(ds.inserts, "INSERT INTO t VALUES "+strings.Join(vals, ", "))
	}
	return ds
}

// Release frees the batches and checks that nothing else leaked from mem.
func (ds *dataset) Release(t testing.TB) {
	for _, b := range ds.batches {
		b.Release()
	}
	ds.batches = nil
	ds.mem.AssertSize(t, 0)
}

func buildBatch(mem memory.Allocator, start, end int) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, tableSchema)
	defer b.Release()
	ab := b.Field(0).(*array.Int32Builder)
	bb := b.Field(1).(*array.Int64Builder)
	sb := b.Field(2).(*array.StringBuilder)
	db := b.Field(3).(*array.Decimal128Builder)
	tb := b.Field(4).(*array.Date32Builder)
	fb := b.Field(5).(*array.Float64Builder)
	b.Reserve(end - start)
	for i := start; i < end; i++ {
		r := makeRow(i)
		appendOrNull(ab, r.a, ab.Append)
		appendOrNull(bb, r.b, bb.Append)
		appendOrNull(sb, r.s, sb.Append)
		if r.d == nil {
			db.AppendNull()
		} else {
			db.Append(decimal128.FromI64(*r.d))
		}
		if r.dt == nil {
			tb.AppendNull()
		} else {
			tb.Append(arrow.Date32(*r.dt))
		}
		appendOrNull(fb, r.f, fb.Append)
	}
	return b.NewRecordBatch()
}

func appendOrNull[T any](b array.Builder, v *T, app func(T)) {
	if v == nil {
		b.AppendNull()
		return
	}
	app(*v)
}

// sqlTuple renders a row as a MySQL VALUES tuple; DuckDB reads the same text.
func sqlTuple(r genRow) string {
	parts := make([]string, 0, 6)
	add := func(isNull bool, s func() string) {
		if isNull {
			parts = append(parts, "NULL")
		} else {
			parts = append(parts, s())
		}
	}
	add(r.a == nil, func() string { return strconv.Itoa(int(*r.a)) })
	add(r.b == nil, func() string { return strconv.FormatInt(*r.b, 10) })
	add(r.s == nil, func() string { return "'" + strings.ReplaceAll(*r.s, "'", "''") + "'" })
	add(r.d == nil, func() string { return centsText(*r.d) })
	add(r.dt == nil, func() string {
		return "'" + time.Unix(int64(*r.dt)*86400, 0).UTC().Format("2006-01-02") + "'"
	})
	add(r.f == nil, func() string { return strconv.FormatFloat(*r.f, 'g', -1, 64) })
	return "(" + strings.Join(parts, ", ") + ")"
}

func centsText(c int64) string {
	sign := ""
	u := uint64(c)
	if c < 0 {
		sign = "-"
		u = uint64(-c)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}
