package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// JoinKind is the kind of a Join. RIGHT joins are bound as LEFT joins with
// their inputs swapped, so there is no Right kind.
type JoinKind string

const (
	// InnerJoin keeps matching pairs; with no keys and no condition it is a
	// cross product.
	InnerJoin JoinKind = "Inner"
	// LeftJoin keeps every left row, NULL-extended when nothing matches.
	LeftJoin JoinKind = "Left"
	// FullJoin keeps every row of both sides.
	FullJoin JoinKind = "Full"
	// SemiJoin keeps the left rows that have a match (EXISTS, IN).
	SemiJoin JoinKind = "Semi"
	// AntiJoin keeps the left rows that have none (NOT EXISTS, NOT IN).
	AntiJoin JoinKind = "Anti"
	// MarkJoin keeps every left row and adds a boolean column: whether it has
	// a match (IN / EXISTS inside an expression). With MarkNullable the
	// column is NULL where SQL's IN is unknown.
	MarkJoin JoinKind = "Mark"
)

// JoinStrategy is how a join is distributed; the physical planner picks it.
type JoinStrategy string

const (
	// Shuffle hash-partitions both sides on their keys.
	Shuffle JoinStrategy = "Shuffle"
	// Broadcast copies the right side to every task of the left.
	Broadcast JoinStrategy = "Broadcast"
	// Gather runs the join in one task (a FULL join without keys).
	Gather JoinStrategy = "Gather"
)

// Join joins Left and Right on LeftKeys[i] = RightKeys[i] (columns of each
// side, of identical types so that both hash alike) and the residual Cond,
// which addresses the left columns then the right ones. Its output is the
// left columns then the right ones; a Semi or Anti join outputs the left
// columns only, a Mark join the left columns and the mark.
type Join struct {
	Left, Right         Plan
	Kind                JoinKind
	LeftKeys, RightKeys []int
	Cond                Expr
	// MarkIn makes a Mark join's mark SQL's `left.MarkIn IN (right.RightMark)`:
	// NULL when unknown. -1 for EXISTS semantics (never NULL).
	MarkIn, RightMark int
	MarkName          string
	Strategy          JoinStrategy
	// LeftRows and RightRows are the planner's estimates of each side's
	// rows (0 where unknown); only the planner reads them.
	LeftRows, RightRows float64
}

// SetOpKind is a set operation.
type SetOpKind string

const (
	UnionAll     SetOpKind = "UNION ALL"
	Union        SetOpKind = "UNION"
	Intersect    SetOpKind = "INTERSECT"
	IntersectAll SetOpKind = "INTERSECT ALL"
	Except       SetOpKind = "EXCEPT"
	ExceptAll    SetOpKind = "EXCEPT ALL"
)

// SetOp combines inputs of the same column types; the output takes the
// first input's names.
type SetOp struct {
	Inputs []Plan
	Kind   SetOpKind
}

var (
	_ Plan = (*Join)(nil)
	_ Plan = (*SetOp)(nil)
)

func (*Join) isPlan()  {}
func (*SetOp) isPlan() {}

func (j *Join) Children() []Plan { return []Plan{j.Left, j.Right} }
func (j *Join) WithChildren(ch ...Plan) Plan {
	c := *j
	c.Left, c.Right = ch[0], ch[1]
	return &c
}

func (j *Join) Schema() *arrow.Schema {
	return JoinSchema(j.Left.Schema(), j.Right.Schema(), j.Kind, j.MarkName)
}

func (j *Join) Explain() string {
	label := string(j.Kind) + "Join"
	if j.Strategy != "" {
		label += fmt.Sprintf(" (%s)", strings.ToLower(string(j.Strategy)))
	}
	return ExplainJoin(label, j.Left.Schema(), j.Right.Schema(), j.Kind, j.LeftKeys, j.RightKeys, j.Cond, j.MarkIn, j.RightMark)
}

// ExplainJoin is a join's line: its keys as equalities of the two sides'
// columns, its residual condition and a mark join's mark.
func ExplainJoin(label string, left, right *arrow.Schema, kind JoinKind, leftKeys, rightKeys []int, cond Expr, markIn, rightMark int) string {
	var b strings.Builder
	b.WriteString(label)
	var conds []string
	for i := range leftKeys {
		conds = append(conds, left.Field(leftKeys[i]).Name+" = "+right.Field(rightKeys[i]).Name)
	}
	if cond != nil {
		conds = append(conds, cond.String())
	}
	if len(conds) > 0 {
		b.WriteString(": " + strings.Join(conds, " AND "))
	}
	if kind == MarkJoin {
		if markIn >= 0 {
			fmt.Fprintf(&b, " mark=%s IN %s", left.Field(markIn).Name, right.Field(rightMark).Name)
		} else {
			b.WriteString(" mark=exists")
		}
	}
	return b.String()
}

// JoinSchema is the output of a join of kind over left and right: the left
// columns then the right ones; a Semi or Anti join's the left columns
// only, a Mark join's the left columns and the mark.
func JoinSchema(left, right *arrow.Schema, kind JoinKind, markName string) *arrow.Schema {
	switch kind {
	case SemiJoin, AntiJoin:
		return left
	case MarkJoin:
		return arrow.NewSchema(append(append([]arrow.Field(nil), left.Fields()...),
			arrow.Field{Name: markName, Type: arrow.FixedWidthTypes.Boolean, Nullable: true}), nil)
	}
	return arrow.NewSchema(append(append([]arrow.Field(nil), left.Fields()...), right.Fields()...), nil)
}

// Required of a Join follows its strategy.
func (j *Join) Required() []Distribution {
	switch j.Strategy {
	case Shuffle:
		return []Distribution{{Kind: DistHash, Keys: j.LeftKeys}, {Kind: DistHash, Keys: j.RightKeys}}
	case Broadcast:
		return []Distribution{{Kind: DistAny}, {Kind: DistBroadcast}}
	}
	return []Distribution{{Kind: DistSingle}, {Kind: DistSingle}}
}

// Delivered of a Join: where the left rows were, except that a FULL join's
// NULL-extended right rows land in no particular task.
func (j *Join) Delivered(in []Partitioning) Partitioning {
	left := in[0]
	if j.Strategy == Gather || left.Kind == PartSingle {
		return Partitioning{Kind: PartSingle, Tasks: 1}
	}
	if j.Kind == FullJoin {
		return Partitioning{Kind: PartAny, Tasks: left.Tasks}
	}
	return left
}

func (s *SetOp) Children() []Plan { return s.Inputs }
func (s *SetOp) WithChildren(ch ...Plan) Plan {
	c := *s
	c.Inputs = append([]Plan(nil), ch...)
	return &c
}
func (s *SetOp) Schema() *arrow.Schema { return s.Inputs[0].Schema() }
func (s *SetOp) Explain() string       { return "SetOp: " + string(s.Kind) }

// Required of a SetOp: UNION ALL concatenates wherever rows are; the others
// compare whole rows, so equal rows must meet in one task.
func (s *SetOp) Required() []Distribution {
	req := make([]Distribution, len(s.Inputs))
	for i := range req {
		req[i] = Distribution{Kind: DistAny}
		if s.Kind != UnionAll {
			req[i] = Distribution{Kind: DistHash, Keys: allColumns(s.Schema().NumFields())}
		}
	}
	return req
}

func (s *SetOp) Delivered(in []Partitioning) Partitioning {
	single := true
	tasks := 1
	for _, p := range in {
		single = single && p.Kind == PartSingle
		tasks = max(tasks, p.Tasks)
	}
	switch {
	case single:
		return Partitioning{Kind: PartSingle, Tasks: 1}
	case s.Kind == UnionAll:
		return Partitioning{Kind: PartAny, Tasks: tasks}
	}
	return Partitioning{Kind: PartHash, Keys: allColumns(s.Schema().NumFields()), Tasks: tasks}
}

func allColumns(n int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = i
	}
	return keys
}
