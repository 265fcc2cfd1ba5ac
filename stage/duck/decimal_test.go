package duck

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestDecimalWidths: decimal arithmetic wider than 18 digits is computed in
// 64 bits where the scan's statistics prove it fits, and widened to 38
// digits before DuckDB computes it otherwise; a projection read by an
// aggregate hands it the narrow decimal, any other keeps the planned type.
func TestDecimalWidths(t *testing.T) {
	dec := func(p, s int32) arrow.DataType { return &arrow.Decimal128Type{Precision: p, Scale: s} }
	// price * (1 - discount), typed as the binder types it.
	revenue := func() stage.Expr {
		price := &stage.ColumnRef{Index: 0, T: dec(15, 2)}
		disc := &stage.ColumnRef{Index: 1, T: dec(15, 2)}
		one := &stage.Literal{Text: "1", T: arrow.PrimitiveTypes.Int64}
		return &stage.Call{Fn: "*", T: dec(37, 4), Args: []stage.Expr{price,
			&stage.Call{Fn: "-", T: dec(22, 2), Args: []stage.Expr{one, disc}}}}
	}
	scan := func(maxAbs []float64) *stage.Scan {
		return &stage.Scan{Table: "lineitem", Columns: []string{"price", "disc"}, Types: []arrow.DataType{dec(15, 2), dec(15, 2)}, MaxAbs: maxAbs}
	}
	project := func(s *stage.Scan) *stage.Project {
		return &stage.Project{Input: s, Exprs: []stage.Expr{revenue()}, Names: []string{"revenue"}}
	}
	sum := func(p stage.Plan) stage.Plan {
		return &stage.Aggregate{Input: p, Mode: stage.AggregateComplete, Names: []string{"s"},
			Aggs: []stage.AggCall{{Fn: stage.AggSum, Arg: &stage.ColumnRef{Index: 0, T: dec(37, 4)}, T: dec(38, 4)}}}
	}
	for _, c := range []struct {
		name      string
		plan      stage.Plan
		want, not []string
	}{
		{"proven, read by an aggregate", sum(project(scan([]float64{104949.50, 0.10}))),
			[]string{"CAST((t.c0 * (CAST('1' AS DECIMAL(1,0)) - t.c1)) AS DECIMAL(18,4)) AS c0", "CAST(sum(t.c0) AS DECIMAL(38,4))"},
			[]string{"DECIMAL(38,2)", "AS BIGINT"}},
		{"proven, read by anything", project(scan([]float64{104949.50, 0.10})),
			[]string{"CAST((t.c0 * (CAST('1' AS DECIMAL(1,0)) - t.c1)) AS DECIMAL(37,4)) AS c0"}, []string{"DECIMAL(38,2)"}},
		{"statistics unknown", sum(project(scan(nil))),
			[]string{"CAST((CAST(t.c0 AS DECIMAL(38,2)) * (CAST('1' AS DECIMAL(1,0)) - t.c1)) AS DECIMAL(37,4)) AS c0"}, nil},
		{"a range too wide", sum(project(scan([]float64{1e13, 1000}))),
			[]string{"CAST(t.c0 AS DECIMAL(38,2)) *"}, nil},
	} {
		sql, err := RenderPlan(c.plan)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(sql, w) {
				t.Errorf("%s: SQL lacks %q:\n%s", c.name, w, sql)
			}
		}
		for _, n := range c.not {
			if strings.Contains(sql, n) {
				t.Errorf("%s: SQL has %q:\n%s", c.name, n, sql)
			}
		}
	}
}

// TestNarrowConstants: integer constants compared with a narrower integer
// column are rendered in its type where they fit it, and keep theirs where
// they do not.
func TestNarrowConstants(t *testing.T) {
	size := &stage.ColumnRef{Index: 0, T: arrow.PrimitiveTypes.Int32}
	lit := func(v string) stage.Expr { return &stage.Literal{Text: v, T: arrow.PrimitiveTypes.Int64} }
	boolean := arrow.FixedWidthTypes.Boolean
	for _, c := range []struct {
		e    stage.Expr
		want string
	}{
		{&stage.Call{Fn: "in", T: boolean, Args: []stage.Expr{size, lit("49"), lit("3000000000"), lit("-7")}},
			"(t.c0 IN (CAST('49' AS INTEGER), CAST('3000000000' AS BIGINT), CAST('-7' AS INTEGER)))"},
		{&stage.Call{Fn: "<", T: boolean, Args: []stage.Expr{lit("10"), size}}, "(CAST('10' AS INTEGER) < t.c0)"},
		{&stage.Call{Fn: "=", T: boolean, Args: []stage.Expr{size, lit("-2147483649")}}, "(t.c0 = CAST('-2147483649' AS BIGINT))"},
	} {
		if got := renderExpr(c.e); got != c.want {
			t.Errorf("%s renders as %s, want %s", c.e, got, c.want)
		}
	}
}
