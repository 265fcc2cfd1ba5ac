package physical

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

var i64 = arrow.PrimitiveTypes.Int64

// testScan reads column k of table on 2 tasks.
func testScan(table string) stage.Plan {
	return &stage.Scan{Database: "main", Table: table, Columns: []string{"k"}, Types: []arrow.DataType{i64}, Files: 1, Rows: 10, Tasks: 2}
}

// reducedScan is testScan of table under a filter: a reduced side.
func reducedScan(table string) stage.Plan {
	return &stage.Filter{Input: testScan(table), Cond: &stage.Call{Fn: ">", T: arrow.FixedWidthTypes.Boolean,
		Args: []stage.Expr{&stage.ColumnRef{Index: 0, Name: "k", T: i64}, &stage.Literal{Text: "5", T: i64}}}}
}

// TestRuntimeFilters: the rule filters the probe of a shuffled inner or
// semi join whose build side is reduced, once (a second run adds
// nothing), and leaves LEFT joins and unreduced build sides alone.
func TestRuntimeFilters(t *testing.T) {
	scan, reduced := testScan, reducedScan("dim")
	join := func(kind stage.JoinKind, build stage.Plan) stage.Plan {
		return &stage.Join{Kind: kind, LeftKeys: []int{0}, RightKeys: []int{0}, MarkIn: -1, RightMark: -1, Strategy: stage.Shuffle,
			Left:  &stage.Exchange{Input: scan("fact"), Kind: stage.Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2},
			Right: &stage.Exchange{Input: build, Kind: stage.Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2}}
	}
	for _, c := range []struct {
		kind  stage.JoinKind
		build stage.Plan
		want  bool
	}{
		{stage.InnerJoin, reduced, true},
		{stage.SemiJoin, reduced, true},
		{stage.LeftJoin, reduced, false},
		{stage.AntiJoin, reduced, false},
		{stage.InnerJoin, scan("dim"), false},
	} {
		p, added := RuntimeFilters(join(c.kind, c.build))
		if added != c.want {
			t.Errorf("%s join over %s: added %v, want %v:\n%s", c.kind, c.build.Explain(), added, c.want, stage.Format(p))
		}
		if again, more := RuntimeFilters(p); more || stage.Format(again) != stage.Format(p) {
			t.Errorf("%s join: the rule run again changed the plan:\n%s", c.kind, stage.Format(again))
		}
	}
}

// TestRuntimeFiltersReversed: where the left side is estimated much smaller
// than the right, an inner or semi join's left side builds and its right
// side is filtered.
func TestRuntimeFiltersReversed(t *testing.T) {
	small := reducedScan("dim")
	for _, kind := range []stage.JoinKind{stage.InnerJoin, stage.SemiJoin} {
		j := &stage.Join{Kind: kind, LeftKeys: []int{0}, RightKeys: []int{0}, MarkIn: -1, RightMark: -1, Strategy: stage.Shuffle,
			Left:     &stage.Exchange{Input: small, Kind: stage.Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2},
			Right:    &stage.Exchange{Input: testScan("fact"), Kind: stage.Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2},
			LeftRows: 1000, RightRows: 1000000}
		p, added := RuntimeFilters(j)
		out, _ := p.(*stage.Join)
		if !added || out == nil || out.Left.(*stage.Exchange).Filter == nil {
			t.Fatalf("%s join of a small left side: no filter built by the left:\n%s", kind, stage.Format(p))
		}
		if _, ok := out.Right.(*stage.Exchange).Input.(*stage.RuntimeFilter); !ok {
			t.Errorf("%s join: the right side is not filtered:\n%s", kind, stage.Format(p))
		}
	}
}
