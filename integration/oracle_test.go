package integration

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"
)

// oracle is single-process DuckDB holding exactly the rows loaded into
// Quiver, in a table named t, with MySQL's NULL ordering (NULLs are the
// smallest value: first ascending, last descending).
type oracle struct {
	db   *sql.DB
	conn *sql.Conn
	mu   sync.Mutex // one query at a time on conn
}

// oracleMacros compute MySQL's AVG of integers (DECIMAL, scale 4) and of
// DECIMAL(p,2) (scale 6) exactly: sum / count rounded half away from zero,
// in 128-bit integers. DuckDB's own avg is a DOUBLE.
var oracleMacros = []string{
	`CREATE MACRO mysql_avg_int(s, c) AS CASE WHEN c = 0 THEN NULL ELSE
	   CAST(sign(s) * ((abs(CAST(s AS HUGEINT)) * 20000 + c) // (2 * c)) AS DECIMAL(38,0)) * 0.0001 END`,
	`CREATE MACRO mysql_avg_dec2(s, c) AS CASE WHEN c = 0 THEN NULL ELSE
	   CAST(sign(s) * ((abs(CAST(s * 100 AS HUGEINT)) * 20000 + c) // (2 * c)) AS DECIMAL(38,0)) * 0.000001 END`,
}

// openOracle opens a fresh in-memory DuckDB with MySQL's NULL ordering,
// the MySQL macros of oracleMacros and then setup; t.Cleanup closes it.
func openOracle(t testing.TB, ctx context.Context, setup ...string) *oracle {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatalf("oracle: open duckdb: %v", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		t.Fatalf("oracle: conn: %v", err)
	}
	o := &oracle{db: db, conn: conn}
	t.Cleanup(func() { o.conn.Close(); o.db.Close() })
	stmts := append(append([]string{"SET default_null_order = 'nulls_first_on_asc_last_on_desc'"}, oracleMacros...), setup...)
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("oracle: %s: %v", s, err)
		}
	}
	return o
}

// newOracle loads ds into a fresh in-memory DuckDB.
func newOracle(t testing.TB, ds *dataset) *oracle {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	o := openOracle(t, ctx, "CREATE TABLE t (a INTEGER, b BIGINT, s VARCHAR, d DECIMAL(15,2), dt DATE, f DOUBLE)")
	conn := o.conn
	err := conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "t")
		if err != nil {
			return err
		}
		for _, b := range ds.batches {
			if err := appendBatch(app, b); err != nil {
				app.Close()
				return err
			}
		}
		return app.Close()
	})
	if err != nil {
		t.Fatalf("oracle: append: %v", err)
	}
	for _, s := range ds.inserts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("oracle: insert: %v", err)
		}
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != ds.totalRows() {
		t.Fatalf("oracle: count(*) = %d, %v; want %d", n, err, ds.totalRows())
	}
	return o
}

func appendBatch(app *duckdb.Appender, b arrow.RecordBatch) error {
	ac := b.Column(0).(*array.Int32)
	bc := b.Column(1).(*array.Int64)
	sc := b.Column(2).(*array.String)
	dc := b.Column(3).(*array.Decimal128)
	tc := b.Column(4).(*array.Date32)
	fc := b.Column(5).(*array.Float64)
	for i := 0; i < int(b.NumRows()); i++ {
		row := make([]driver.Value, 6)
		if ac.IsValid(i) {
			row[0] = ac.Value(i)
		}
		if bc.IsValid(i) {
			row[1] = bc.Value(i)
		}
		if sc.IsValid(i) {
			row[2] = sc.Value(i)
		}
		if dc.IsValid(i) {
			row[3] = duckdb.Decimal{Width: 15, Scale: 2, Value: dc.Value(i).BigInt()}
		}
		if tc.IsValid(i) {
			row[4] = tc.Value(i).ToTime().UTC()
		}
		if fc.IsValid(i) {
			row[5] = fc.Value(i)
		}
		if err := app.AppendRow(row...); err != nil {
			return err
		}
	}
	return nil
}

// Query runs sql on DuckDB and returns its normalised result.
func (o *oracle) Query(ctx context.Context, query string) (*result, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var res *result
	err := o.conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rdr, err := ar.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		defer rdr.Release()
		res, err = readResult(rdr)
		return err
	})
	return res, err
}

// cell is one normalised value. Non-float values compare by text (numbers
// of every integer and decimal type share one canonical text); floats
// compare with a relative tolerance.
type cell struct {
	null    bool
	isFloat bool
	f       float64
	text    string
}

func (c cell) String() string {
	switch {
	case c.null:
		return "NULL"
	case c.isFloat:
		return strconv.FormatFloat(c.f, 'g', -1, 64)
	default:
		return c.text
	}
}

// result is a normalised query answer.
type result struct {
	schema *arrow.Schema
	rows   [][]cell
}

// readResult drains rdr (it does not release it).
func readResult(rdr array.RecordReader) (*result, error) {
	res := &result{schema: rdr.Schema()}
	for rdr.Next() {
		rec := rdr.RecordBatch()
		if err := appendRows(res, rec); err != nil {
			return nil, err
		}
	}
	return res, rdr.Err()
}

func appendRows(res *result, rec arrow.RecordBatch) error {
	n := int(rec.NumRows())
	base := len(res.rows)
	for i := 0; i < n; i++ {
		res.rows = append(res.rows, make([]cell, rec.NumCols()))
	}
	for c := 0; c < int(rec.NumCols()); c++ {
		col := rec.Column(c)
		for i := 0; i < n; i++ {
			v, err := normalise(col, i)
			if err != nil {
				return fmt.Errorf("column %d (%s): %w", c, rec.Schema().Field(c).Name, err)
			}
			res.rows[base+i][c] = v
		}
	}
	return nil
}

func normalise(col arrow.Array, i int) (cell, error) {
	// arrow-go's Null array has no validity bitmap, so IsNull says false.
	if col.IsNull(i) || col.DataType().ID() == arrow.NULL {
		return cell{null: true}, nil
	}
	switch a := col.(type) {
	case *array.Int8:
		return cell{text: strconv.FormatInt(int64(a.Value(i)), 10)}, nil
	case *array.Int16:
		return cell{text: strconv.FormatInt(int64(a.Value(i)), 10)}, nil
	case *array.Int32:
		return cell{text: strconv.FormatInt(int64(a.Value(i)), 10)}, nil
	case *array.Int64:
		return cell{text: strconv.FormatInt(a.Value(i), 10)}, nil
	case *array.Uint8:
		return cell{text: strconv.FormatUint(uint64(a.Value(i)), 10)}, nil
	case *array.Uint16:
		return cell{text: strconv.FormatUint(uint64(a.Value(i)), 10)}, nil
	case *array.Uint32:
		return cell{text: strconv.FormatUint(uint64(a.Value(i)), 10)}, nil
	case *array.Uint64:
		return cell{text: strconv.FormatUint(a.Value(i), 10)}, nil
	case *array.Decimal128:
		return cell{text: decimalText(a.Value(i).BigInt(), a.DataType().(*arrow.Decimal128Type).Scale)}, nil
	case *array.Decimal256:
		return cell{text: decimalText(a.Value(i).BigInt(), a.DataType().(*arrow.Decimal256Type).Scale)}, nil
	case *array.Float32:
		return cell{isFloat: true, f: float64(a.Value(i))}, nil
	case *array.Float64:
		return cell{isFloat: true, f: a.Value(i)}, nil
	case *array.String:
		return cell{text: "'" + a.Value(i) + "'"}, nil
	case *array.LargeString:
		return cell{text: "'" + a.Value(i) + "'"}, nil
	case *array.StringView:
		return cell{text: "'" + a.Value(i) + "'"}, nil
	case *array.Date32:
		return cell{text: "date " + a.Value(i).ToTime().UTC().Format("2006-01-02")}, nil
	case *array.Date64:
		return cell{text: "date " + a.Value(i).ToTime().UTC().Format("2006-01-02")}, nil
	case *array.Boolean:
		return cell{text: strconv.FormatBool(a.Value(i))}, nil
	case *array.DenseUnion: // e.g. GetSqlInfo's value column
		return normalise(a.Field(a.ChildID(i)), int(a.ValueOffset(i)))
	case *array.SparseUnion:
		return normalise(a.Field(a.ChildID(i)), i)
	default:
		// Nested values (lists, maps, structs) only need to be compared
		// as a whole here: arrow's own rendering will do.
		return cell{text: col.DataType().Name() + ":" + col.ValueStr(i)}, nil
	}
}

// decimalText renders unscaled * 10^-scale without trailing fraction zeros,
// so that 5, 5.0 and 5.00 of any decimal or integer type compare equal.
func decimalText(unscaled *big.Int, scale int32) string {
	if scale <= 0 {
		v := new(big.Int).Mul(unscaled, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-scale)), nil))
		return v.String()
	}
	neg := unscaled.Sign() < 0
	digits := new(big.Int).Abs(unscaled).String()
	for len(digits) <= int(scale) {
		digits = "0" + digits
	}
	intPart, frac := digits[:len(digits)-int(scale)], strings.TrimRight(digits[len(digits)-int(scale):], "0")
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// floatsClose is true for floats equal within a relative 1e-9 (or 1e-9
// absolute near zero): sums of doubles depend on the order of addition.
func floatsClose(a, b float64) bool {
	if a == b {
		return true
	}
	if math.IsNaN(a) || math.IsNaN(b) {
		return false
	}
	diff := math.Abs(a - b)
	return diff <= 1e-9 || diff <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func cellsEqual(a, b cell) bool {
	if a.null || b.null {
		return a.null == b.null
	}
	if a.isFloat || b.isFloat {
		return a.isFloat && b.isFloat && floatsClose(a.f, b.f)
	}
	return a.text == b.text
}

// sortKey orders rows by their exact cells first and their floats (to 6
// significant digits) last, so that float noise cannot reorder rows that
// differ elsewhere.
func sortKey(r []cell) string {
	var exact, approx strings.Builder
	for _, c := range r {
		switch {
		case c.null:
			exact.WriteString("\x00N")
		case c.isFloat:
			approx.WriteString(strconv.FormatFloat(c.f, 'e', 5, 64))
			approx.WriteByte('\x01')
			exact.WriteString("\x00F")
		default:
			exact.WriteString("\x00" + c.text)
		}
		exact.WriteByte('\x01')
	}
	return exact.String() + "\x02" + approx.String()
}

func sortRows(rows [][]cell) [][]cell {
	type keyed struct {
		key string
		row []cell
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		ks[i] = keyed{sortKey(r), r}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].key < ks[j].key })
	out := make([][]cell, len(ks))
	for i, k := range ks {
		out[i] = k.row
	}
	return out
}

func rowText(r []cell) string {
	parts := make([]string, len(r))
	for i, c := range r {
		parts[i] = c.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// diffResults returns "" when got equals want (row order ignored unless
// ordered), else a readable description of the first differences.
func diffResults(got, want *result, ordered bool) string {
	if len(got.schema.Fields()) != len(want.schema.Fields()) {
		return fmt.Sprintf("got %d columns %v, want %d columns %v", len(got.schema.Fields()), fieldNames(got.schema), len(want.schema.Fields()), fieldNames(want.schema))
	}
	g, w := got.rows, want.rows
	if !ordered {
		g, w = sortRows(g), sortRows(w)
	}
	var b strings.Builder
	if len(g) != len(w) {
		fmt.Fprintf(&b, "got %d rows, want %d\n", len(g), len(w))
	}
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gr, wr []cell
		if i < len(g) {
			gr = g[i]
		}
		if i < len(w) {
			wr = w[i]
		}
		if rowsEqual(gr, wr) {
			continue
		}
		shown++
		fmt.Fprintf(&b, "row %d:\n   got  %s\n   want %s\n", i, rowOrMissing(gr), rowOrMissing(wr))
	}
	return b.String()
}

func rowOrMissing(r []cell) string {
	if r == nil {
		return "<missing>"
	}
	return rowText(r)
}

func rowsEqual(a, b []cell) bool {
	if a == nil || b == nil || len(a) != len(b) {
		return false
	}
	for i := range a {
		if !cellsEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

func fieldNames(s *arrow.Schema) []string {
	var out []string
	for _, f := range s.Fields() {
		out = append(out, f.Name)
	}
	return out
}
