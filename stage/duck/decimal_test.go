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
