package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Expand repeats each input row once per grouping set, for GROUP BY
// ROLLUP, CUBE and WITH ROLLUP (after Doris's and Databend's Expand): the
// copy for set s carries the input's columns unchanged (what aggregate
// arguments read), then one column per group key that holds the key where
// set s groups by it and NULL where s rolls it up, then the grouping id s.
// An aggregation over (key copies..., grouping id) then computes every
// grouping set in one pass, and splits into partial and final halves like
// any other:
//
//	Aggregate: group=[a', b', grouping_id] aggs=[sum(x)]
//	  Expand: keys=[a, b] sets=[(a, b), (a), ()]
//	    ... a, b, x
//
// Rows do not move: the input's columns keep their positions and values,
// so its partitioning holds for the output.
type Expand struct {
	Input Plan
	// Keys are the input positions of the group keys.
	Keys []int
	// Sets lists each grouping set as the indexes into Keys it groups by;
	// a row's grouping id is its set's index.
	Sets [][]int
}

// GroupingIDName names Expand's last column.
const GroupingIDName = "grouping_id"

var _ Plan = (*Expand)(nil)

func (*Expand) isPlan()            {}
func (e *Expand) Children() []Plan { return []Plan{e.Input} }
func (e *Expand) WithChildren(ch ...Plan) Plan {
	c := *e
	c.Input = ch[0]
	return &c
}

func (e *Expand) Schema() *arrow.Schema                  { return ExpandSchema(e.Input.Schema(), e.Keys) }
func (*Expand) Required() []Distribution                 { return anyInput }
func (*Expand) Delivered(in []Partitioning) Partitioning { return in[0] }
func (e *Expand) Explain() string                        { return ExplainExpand(e.Input.Schema(), e.Keys, e.Sets) }

// ExpandSchema is an expand's output over in: in's columns, a nullable
// copy of each key, the grouping id (int64).
func ExpandSchema(in *arrow.Schema, keys []int) *arrow.Schema {
	fields := append([]arrow.Field(nil), in.Fields()...)
	for _, k := range keys {
		f := in.Field(k)
		fields = append(fields, arrow.Field{Name: f.Name, Type: f.Type, Nullable: true})
	}
	fields = append(fields, arrow.Field{Name: GroupingIDName, Type: arrow.PrimitiveTypes.Int64, Nullable: true})
	return arrow.NewSchema(fields, nil)
}

// ExplainExpand is an expand's line: the keys and each grouping set.
func ExplainExpand(in *arrow.Schema, keys []int, sets [][]int) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = in.Field(k).Name
	}
	parts := make([]string, len(sets))
	for i, s := range sets {
		cols := make([]string, len(s))
		for j, k := range s {
			cols[j] = names[k]
		}
		parts[i] = "(" + strings.Join(cols, ", ") + ")"
	}
	return fmt.Sprintf("Expand: keys=[%s] sets=[%s]", strings.Join(names, ", "), strings.Join(parts, ", "))
}
