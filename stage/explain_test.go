package stage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// threeStagePlan is the distributed plan of "SELECT a, count(*) FROM t
// WHERE a > 5 GROUP BY a ORDER BY a DESC LIMIT 10" on two workers, built
// fragment by fragment: a partial aggregate shuffled on a (stage 2), the
// final aggregate with a local top-N (stage 1), and their gather (stage 0).
func threeStagePlan() *DistributedPlan {
	scan := &Scan{ID: 0, Database: "main", Table: "t", Columns: []string{"a"}, Types: []arrow.DataType{i64}, Files: 2, Rows: 10, Tasks: 2}
	a := &ColumnRef{Index: 0, Name: "a", T: i64}
	filter := &Filter{Input: scan, Cond: &Call{Fn: ">", Args: []Expr{a, &Literal{Text: "5", T: i64}}, T: arrow.FixedWidthTypes.Boolean}}
	partial := &Aggregate{Input: filter, Mode: AggregatePartial, GroupBy: []Expr{a},
		Aggs: []AggCall{{Fn: AggCountStar, T: i64}}, Names: []string{"a", "count(*)"}}
	shuffle := &Exchange{Input: partial, Kind: Normal, Keys: []int{0}, Tasks: 2}
	final := &Aggregate{Input: NewExchangeSource(2, shuffle), Mode: AggregateFinal, GroupBy: []Expr{a},
		Aggs: []AggCall{{Fn: AggSum, Arg: &ColumnRef{Index: 1, Name: "count(*)", T: i64}, T: i64}}, Names: []string{"a", "count(*)"}}
	top := &Limit{Input: &Sort{Input: final, Keys: []SortKey{{Expr: a, Desc: true}}, Local: true}, Count: 10, Local: true}
	gather := &Exchange{Input: top, Kind: Convergent, Tasks: 1}
	root := &Limit{Input: &Sort{Input: NewExchangeSource(1, gather), Keys: []SortKey{{Expr: a, Desc: true}}}, Count: 10}
	return &DistributedPlan{Fragments: []*Fragment{
		{ID: 0, Root: root, Tasks: 1, Output: FragmentOutput{Consumer: -1}, Inputs: []FragmentID{1}},
		{ID: 1, Root: top, Tasks: 2, Output: FragmentOutput{Kind: Convergent, Consumer: 0}, Inputs: []FragmentID{2}},
		{ID: 2, Root: partial, Tasks: 2, Output: FragmentOutput{Kind: Normal, Keys: []int{0}, Consumer: 1}},
	}}
}

// TestExplain pins EXPLAIN's form of a three-stage plan: the operator tree
// with each exchange read through to its producer's tree, and every
// fragment's root line annotated, in one column, with its stage, output
// and task count; notes go under the root lines, marked "| ".
func TestExplain(t *testing.T) {
	d := threeStagePlan()
	for _, tc := range []struct {
		name  string
		notes FragmentNotes
		want  []string
	}{
		{"plain", nil, []string{
			"Limit: 10                                                   <- stage 0, result, 1 task",
			"  Sort: a DESC",
			"    Exchange Convergent -> 1",
			"      LocalLimit: 10                                        <- stage 1, convergent, 2 tasks",
			"        LocalSort: a DESC",
			"          AggregateFinal: group=[a] aggs=[sum(count(*))]",
			"            Exchange Normal hash(a) -> 2",
			"              AggregatePartial: group=[a] aggs=[count(*)]   <- stage 2, normal, 2 tasks",
			"                Filter: (a > 5)",
			"                  Scan: main.t columns=[a] files=2 rows=10",
		}},
		{"notes", func(f *Fragment) []string {
			return []string{fmt.Sprintf("stage %d has %d tasks; a note wider than every operator line widens nothing", f.ID, f.Tasks)}
		}, []string{
			"Limit: 10                                                   <- stage 0, result, 1 task",
			"  | stage 0 has 1 tasks; a note wider than every operator line widens nothing",
			"  Sort: a DESC",
			"    Exchange Convergent -> 1",
			"      LocalLimit: 10                                        <- stage 1, convergent, 2 tasks",
			"        | stage 1 has 2 tasks; a note wider than every operator line widens nothing",
			"        LocalSort: a DESC",
			"          AggregateFinal: group=[a] aggs=[sum(count(*))]",
			"            Exchange Normal hash(a) -> 2",
			"              AggregatePartial: group=[a] aggs=[count(*)]   <- stage 2, normal, 2 tasks",
			"                | stage 2 has 2 tasks; a note wider than every operator line widens nothing",
			"                Filter: (a > 5)",
			"                  Scan: main.t columns=[a] files=2 rows=10",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := d.Explain(tc.notes)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Explain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	if got, want := d.String(), strings.Join(d.Explain(nil), "\n")+"\n"; got != want {
		t.Errorf("String is not Explain without notes:\n%s", got)
	}
}
