package logical

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestWidth: Width counts what Schema lays out, for every node it counts
// itself and through the ones it falls back on.
func TestWidth(t *testing.T) {
	i64 := arrow.PrimitiveTypes.Int64
	scan := func(cols ...string) Plan {
		types := make([]arrow.DataType, len(cols))
		for i := range types {
			types[i] = i64
		}
		return &Scan{Table: "t", Columns: cols, Types: types}
	}
	a, b := scan("a1", "a2", "a3"), scan("b1", "b2")
	join := func(kind stage.JoinKind, l, r Plan) Plan {
		return &Join{Left: l, Right: r, Kind: kind, LeftKeys: []int{0}, RightKeys: []int{0}, MarkIn: -1, MarkName: "m"}
	}
	inner := join(stage.InnerJoin, a, b)
	plans := map[string]Plan{
		"scan":        a,
		"inner":       inner,
		"left":        join(stage.LeftJoin, a, b),
		"semi":        join(stage.SemiJoin, a, b),
		"anti":        join(stage.AntiJoin, inner, b),
		"mark":        join(stage.MarkJoin, inner, b),
		"nested":      join(stage.InnerJoin, join(stage.SemiJoin, inner, a), join(stage.MarkJoin, b, a)),
		"filter":      &Filter{Input: inner, Cond: &stage.Literal{Text: "TRUE", T: arrow.FixedWidthTypes.Boolean}},
		"limit":       &Limit{Input: inner, Count: 1},
		"sort":        &Sort{Input: inner},
		"project":     &Project{Input: inner, Exprs: []stage.Expr{&stage.ColumnRef{Index: 4, T: i64}}, Names: []string{"x"}},
		"values":      &Values{Names: []string{"v"}, Types: []arrow.DataType{i64}},
		"over values": join(stage.InnerJoin, &Values{Names: []string{"v", "w"}, Types: []arrow.DataType{i64, i64}}, b),
	}
	for name, p := range plans {
		if got, want := Width(p), p.Schema().NumFields(); got != want {
			t.Errorf("%s: Width %d, Schema has %d fields", name, got, want)
		}
	}
}
