package opt

import (
	"github.com/apache/arrow-go/v18/arrow"

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
func PushDownPredicates(p stage.Plan) (stage.Plan, bool) {
	before := stage.Format(p)
	out := push(p, nil)
	return out, stage.Format(out) != before
}

// push returns p with conds (over p's output columns) applied as low as
// possible.
func push(p stage.Plan, conds []stage.Expr) stage.Plan {
	switch n := p.(type) {
	case *stage.Filter:
		return push(n.Input, append(conds, conjuncts(n.Cond)...))
	case *stage.Project:
		sub := make([]stage.Expr, len(conds))
		for i, c := range conds {
			sub[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr { return n.Exprs[ref.Index] })
		}
		return n.WithChildren(push(n.Input, sub))
	case *stage.Sort:
		return n.WithChildren(push(n.Input, conds))
	case *stage.Aggregate:
		var down, stay []stage.Expr
		groups := len(n.GroupBy)
		for _, c := range conds {
			if maxColumn(c) < groups {
				down = append(down, stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr { return n.GroupBy[ref.Index] }))
			} else {
				stay = append(stay, c)
			}
		}
		return filter(n.WithChildren(push(n.Input, down)), stay)
	case *stage.SetOp:
		inputs := make([]stage.Plan, len(n.Inputs))
		for i, in := range n.Inputs {
			inputs[i] = push(in, conds)
		}
		return n.WithChildren(inputs...)
	case *stage.Join:
		return pushJoin(n, conds)
	}
	children := p.Children()
	if len(children) > 0 {
		kids := make([]stage.Plan, len(children))
		for i, c := range children {
			kids[i] = push(c, nil)
		}
		p = p.WithChildren(kids...)
	}
	return filter(p, conds)
}

func pushJoin(j *stage.Join, conds []stage.Expr) stage.Plan {
	nLeft := j.Left.Schema().NumFields()
	c := *j
	var above []stage.Expr
	if c.Kind == stage.LeftJoin {
		for _, cond := range conds {
			if side(cond, nLeft) != leftSide && rejectsNulls(cond, nLeft) {
				c.Kind = stage.InnerJoin
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
			residual = append(residual, cond)
		case side(cond, nLeft) == leftSide && c.Kind != stage.FullJoin && (c.Kind != stage.MarkJoin || maxColumn(cond) < nLeft):
			leftConds = append(leftConds, cond)
		default:
			above = append(above, cond)
		}
	}
	if c.Cond != nil {
		residual = append(residual, conjuncts(c.Cond)...)
	}
	var rest []stage.Expr
	for _, cond := range residual {
		switch s := side(cond, nLeft); {
		case s == leftSide && c.Kind == stage.InnerJoin:
			leftConds = append(leftConds, cond)
		case s == rightSide && c.Kind != stage.FullJoin:
			rightConds = append(rightConds, shift(cond, -nLeft))
		case s == bothSides || s == noSide:
			if l, r, ok := equiKey(cond, nLeft); ok {
				c.LeftKeys = append(append([]int(nil), c.LeftKeys...), l)
				c.RightKeys = append(append([]int(nil), c.RightKeys...), r)
				continue
			}
			rest = append(rest, cond)
		default:
			rest = append(rest, cond)
		}
	}
	c.Cond = andAll(rest)
	c.Left = push(c.Left, leftConds)
	c.Right = push(c.Right, rightConds)
	return filter(&c, above)
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

func shift(e stage.Expr, by int) stage.Expr {
	return stage.RewriteColumns(e, func(c *stage.ColumnRef) stage.Expr {
		return &stage.ColumnRef{Index: c.Index + by, Name: c.Name, T: c.T}
	})
}

func conjuncts(e stage.Expr) []stage.Expr {
	if c, ok := e.(*stage.Call); ok && c.Fn == "and" {
		return append(conjuncts(c.Args[0]), conjuncts(c.Args[1])...)
	}
	return []stage.Expr{e}
}

func andAll(es []stage.Expr) stage.Expr {
	var out stage.Expr
	for _, e := range es {
		if out == nil {
			out = e
			continue
		}
		out = &stage.Call{Fn: "and", Args: []stage.Expr{out, e}, T: arrow.FixedWidthTypes.Boolean}
	}
	return out
}

func filter(p stage.Plan, conds []stage.Expr) stage.Plan {
	if len(conds) == 0 {
		return p
	}
	return &stage.Filter{Input: p, Cond: andAll(conds)}
}

// maxColumn is the highest column an expression reads, -1 for none.
func maxColumn(e stage.Expr) int {
	m := -1
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.ColumnRef); ok && c.Index > m {
			m = c.Index
		}
	})
	return m
}
