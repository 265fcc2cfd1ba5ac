package opt

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// PushDownPredicates moves every filter conjunct as close to the scans as it
// can go: through projections (substituting the projected expressions),
// sorts, aggregations (conjuncts on group keys) and set operations, and into
// joins, where a conjunct on one side filters that side, an equality between
// a column of each side becomes a join key (what lets the join hash), and
// the rest becomes the join's condition. A WHERE conjunct that rejects NULLs
// of a LEFT join's right side turns it into an inner join (outer-join
// simplification). ON conditions get the same treatment within what their
// join kind allows.
//
// Each step moves a filter one node down; the walk is top-down, so a
// filter moved below a node is met again there and moves on.
func PushDownPredicates(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformDown(p, func(p logical.Plan) (logical.Plan, bool) {
		switch n := p.(type) {
		case *logical.Filter:
			return pushFilter(n)
		case *logical.Join:
			return pushJoin(n, nil)
		}
		return p, false
	})
}

// pushFilter moves f's conjuncts below its input, where they can go.
func pushFilter(f *logical.Filter) (logical.Plan, bool) {
	conds := logical.SplitConjuncts(f.Cond)
	var out logical.Plan
	switch n := f.Input.(type) {
	case *logical.Filter:
		out = filter(n.Input, append(conds, logical.SplitConjuncts(n.Cond)...))
	case *logical.Project:
		sub := make([]stage.Expr, len(conds))
		for i, c := range conds {
			sub[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr { return n.Exprs[ref.Index] })
		}
		out = n.WithChildren(filter(n.Input, sub))
	case *logical.Sort:
		out = n.WithChildren(filter(n.Input, conds))
	case *logical.Aggregate:
		if len(n.Defaults) > 0 {
			// A default group is output whatever its input, so a
			// condition on it must stay above to remove it.
			return f, false
		}
		var down, above []stage.Expr
		groups := len(n.GroupBy)
		for _, c := range conds {
			if logical.MaxColumn(c) < groups {
				down = append(down, stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr { return n.GroupBy[ref.Index] }))
			} else {
				above = append(above, c)
			}
		}
		if len(down) == 0 {
			return f, false
		}
		out = filter(n.WithChildren(filter(n.Input, down)), above)
	case *logical.SetOp:
		inputs := make([]logical.Plan, len(n.Inputs))
		for i, in := range n.Inputs {
			inputs[i] = filter(in, conds)
		}
		out = n.WithChildren(inputs...)
	case *logical.Join:
		var moved bool
		if out, moved = pushJoin(n, conds); !moved {
			return f, false
		}
	default:
		return f, false
	}
	return out, true
}

// pushJoin classifies conds from above and j's own condition: onto one
// side, into keys, into the residual condition or (for the conjuncts from
// above that an outer join must not see) in a filter above. It reports
// whether anything moved.
func pushJoin(j *logical.Join, conds []stage.Expr) (logical.Plan, bool) {
	nLeft := logical.Width(j.Left)
	c := *j
	moved := false
	var above []stage.Expr
	if c.Kind == stage.LeftJoin {
		for _, cond := range conds {
			if side(cond, nLeft) != leftSide && rejectsNulls(cond, nLeft) {
				c.Kind, moved = stage.InnerJoin, true
				break
			}
		}
	}
	var leftConds, rightConds, residual []stage.Expr
	// Conditions from above: on an inner join they join the ON condition;
	// otherwise only those on the preserved left side may move below.
	for _, cond := range conds {
		switch {
		case c.Kind == stage.InnerJoin:
			residual, moved = append(residual, cond), true
		case side(cond, nLeft) == leftSide && c.Kind != stage.FullJoin && (c.Kind != stage.MarkJoin || logical.MaxColumn(cond) < nLeft):
			leftConds = append(leftConds, cond)
		default:
			above = append(above, cond)
		}
	}
	if c.Cond != nil {
		residual = append(residual, logical.SplitConjuncts(c.Cond)...)
	}
	var rest []stage.Expr
	for _, cond := range residual {
		switch s := side(cond, nLeft); {
		case s == leftSide && c.Kind == stage.InnerJoin:
			leftConds = append(leftConds, cond)
		case s == rightSide && c.Kind != stage.FullJoin:
			rightConds = append(rightConds, logical.Shift(cond, -nLeft))
		case s == bothSides || s == noSide:
			if l, r, ok := equiKey(cond, nLeft); ok {
				c.LeftKeys = append(append([]int(nil), c.LeftKeys...), l)
				c.RightKeys = append(append([]int(nil), c.RightKeys...), r)
				moved = true
				continue
			}
			rest = append(rest, cond)
		default:
			rest = append(rest, cond)
		}
	}
	if !moved && len(leftConds) == 0 && len(rightConds) == 0 {
		return j, false
	}
	c.Cond = logical.AndAll(rest)
	c.Left = filter(c.Left, leftConds)
	c.Right = filter(c.Right, rightConds)
	return filter(&c, above), true
}

type joinSide int

const (
	noSide joinSide = iota
	leftSide
	rightSide
	bothSides
)

// side tells which inputs of a join an expression over left++right reads.
func side(e stage.Expr, nLeft int) joinSide {
	s := noSide
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.ColumnRef); ok {
			if c.Index < nLeft {
				s |= leftSide
			} else {
				s |= rightSide
			}
		}
	})
	return s
}

// equiKey recognises left.col = right.col with identical types (so that
// both sides hash alike).
func equiKey(e stage.Expr, nLeft int) (int, int, bool) {
	call, ok := e.(*stage.Call)
	if !ok || call.Fn != "=" {
		return 0, 0, false
	}
	a, ok1 := call.Args[0].(*stage.ColumnRef)
	b, ok2 := call.Args[1].(*stage.ColumnRef)
	if !ok1 || !ok2 || !arrow.TypeEqual(a.T, b.T) {
		return 0, 0, false
	}
	if a.Index > b.Index {
		a, b = b, a
	}
	if a.Index >= nLeft || b.Index < nLeft {
		return 0, 0, false
	}
	return a.Index, b.Index - nLeft, true
}

// rejectsNulls reports whether a conjunct is false or unknown whenever the
// right side's columns it reads are NULL: comparisons and the like are; IS
// NULL, COALESCE, OR and CASE-like forms are not assumed to be.
func rejectsNulls(e stage.Expr, nLeft int) bool {
	safe := true
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.Call); ok {
			switch c.Fn {
			case "isnull", "or", "coalesce", "if", "case", "ifnull", "not":
				safe = false
			}
		}
	})
	return safe && side(e, nLeft)&rightSide != 0
}

// filter is p under the conjunction of conds, p itself for none.
func filter(p logical.Plan, conds []stage.Expr) logical.Plan {
	if len(conds) == 0 {
		return p
	}
	return &logical.Filter{Input: p, Cond: logical.AndAll(conds)}
}
