package logical

import (
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestFilterEstimates: a filter's rows from its scan's statistics.
func TestFilterEstimates(t *testing.T) {
	i32, date, str := arrow.PrimitiveTypes.Int32, arrow.FixedWidthTypes.Date32, arrow.BinaryTypes.String
	scan := &Scan{Columns: []string{"n", "d", "s", "x"}, Types: []arrow.DataType{i32, date, str, i32}, Rows: 1_000_000,
		NDV:    []float64{25, 2557, 5, 0},
		Ranges: []Range{{Lo: 0, Hi: 24, Known: true}, {Lo: 8035, Hi: 10591, Known: true}, {}, {}}}
	col := func(i int) stage.Expr { return &stage.ColumnRef{Index: i, T: scan.Types[i]} }
	lit := func(text string, t arrow.DataType) stage.Expr { return &stage.Literal{Text: text, T: t} }
	cmp := func(fn string, a, b stage.Expr) stage.Expr {
		return &stage.Call{Fn: fn, Args: []stage.Expr{a, b}, T: arrow.FixedWidthTypes.Boolean}
	}
	and := func(a, b stage.Expr) stage.Expr { return cmp("and", a, b) }
	for _, c := range []struct {
		name string
		cond stage.Expr
		want float64
	}{
		{"equality: 1/ndv", cmp("=", col(0), lit("7", arrow.PrimitiveTypes.Int64)), 40_000},
		{"string equality: 1/ndv", cmp("=", lit("'AUTO'", str), col(2)), 200_000},
		{"strict integer bound", cmp("<", col(0), lit("2", arrow.PrimitiveTypes.Int64)), 80_000},
		{"flipped bound", cmp("<=", lit("20", arrow.PrimitiveTypes.Int64), col(0)), 200_000},
		{"a year of dates", and(cmp(">=", col(1), lit("1995-01-01", date)), cmp("<", col(1), lit("1996-01-01", date))), 1_000_000 * 365.0 / 2557},
		{"outside the range", cmp(">", col(0), lit("30", arrow.PrimitiveTypes.Int64)), 0},
		{"no statistics: a quarter", cmp("<", col(3), lit("5", arrow.PrimitiveTypes.Int64)), 250_000},
		{"known and unknown", and(cmp("=", col(0), lit("7", arrow.PrimitiveTypes.Int64)), cmp("<", col(3), lit("5", arrow.PrimitiveTypes.Int64))), 10_000},
	} {
		got := EstimateRows(&Filter{Input: scan, Cond: c.cond})
		if math.Abs(got-c.want) > 1 {
			t.Errorf("%s: %.0f rows, want %.0f", c.name, got, c.want)
		}
	}
}
