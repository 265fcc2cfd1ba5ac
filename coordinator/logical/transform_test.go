package logical

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestTransform: both walks report whether the rewrite replaced a node,
// return an untouched tree as it was, and leave an Apply's inner side to
// the Apply.
func TestTransform(t *testing.T) {
	i64 := arrow.PrimitiveTypes.Int64
	scan := func(table string) *Scan {
		return &Scan{Database: "main", Table: table, Columns: []string{"a"}, Types: []arrow.DataType{i64}}
	}
	a := &stage.ColumnRef{Index: 0, Name: "a", T: i64}
	inner := &Filter{Input: scan("inner"), Cond: &stage.Call{Fn: "=", T: arrow.FixedWidthTypes.Boolean,
		Args: []stage.Expr{a, &stage.ColumnRef{Index: OuterBase, Name: "a", T: i64}}}}
	plan := &Sort{Input: &Apply{Outer: scan("outer"), Inner: inner, Kind: stage.SemiJoin, MarkIn: -1},
		Keys: []stage.SortKey{{Expr: a}}}
	rename := func(p Plan) (Plan, bool) {
		s, ok := p.(*Scan)
		if !ok || s.Table == "renamed" {
			return p, false
		}
		c := *s
		c.Table = "renamed"
		return &c, true
	}
	for name, walk := range map[string]func(Plan, Rewrite) (Plan, bool){"up": TransformUp, "down": TransformDown} {
		out, changed := walk(plan, rename)
		if !changed {
			t.Fatalf("%s: no change reported", name)
		}
		apply := out.(*Sort).Input.(*Apply)
		if apply.Outer.(*Scan).Table != "renamed" || apply.Inner != Plan(inner) {
			t.Errorf("%s: got\n%s", name, Format(out))
		}
		again, changed := walk(out, rename)
		if changed || again != out {
			t.Errorf("%s: a walk that rewrites nothing must report no change and return the plan as it was", name)
		}
	}
	if !HasOuterRefs(inner) || HasOuterRefs(plan) {
		t.Errorf("outer references belong to the Apply whose inner side holds them")
	}
}
