package duck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/quiverdb/quiver/stage"
)

// renderJoin renders a join as one SELECT over its two rendered inputs,
// aliased l and r.
func (r *renderer) renderJoin(j *stage.Join) (string, error) {
	left, err := r.render(j.Left)
	if err != nil {
		return "", err
	}
	right, err := r.render(j.Right)
	if err != nil {
		return "", err
	}
	nLeft := j.Left.Schema().NumFields()
	both := func(i int) string {
		if i < nLeft {
			return "l." + Column(i)
		}
		return "r." + Column(i-nLeft)
	}
	var on []string
	for i := range j.LeftKeys {
		on = append(on, fmt.Sprintf("l.%s = r.%s", Column(j.LeftKeys[i]), Column(j.RightKeys[i])))
	}
	cols := columns{name: both, mag: func(i int) float64 {
		if i < nLeft {
			return r.columnMagnitude(j.Left, i)
		}
		return r.columnMagnitude(j.Right, i-nLeft)
	}}
	if j.Cond != nil {
		on = append(on, renderExprIn(j.Cond, cols))
	}
	cond := "TRUE"
	if len(on) > 0 {
		cond = strings.Join(on, " AND ")
	}
	var items []string
	for i := 0; i < nLeft; i++ {
		items = append(items, fmt.Sprintf("l.%s AS %s", Column(i), Column(i)))
	}
	from := fmt.Sprintf(" FROM (%s) AS l", left)
	sub := fmt.Sprintf("(%s) AS r", right)
	switch j.Kind {
	case stage.SemiJoin:
		return "SELECT " + strings.Join(items, ", ") + from + " SEMI JOIN " + sub + " ON " + cond, nil
	case stage.AntiJoin:
		if x, y, ok := notInKey(j, nLeft); ok {
			return "SELECT " + strings.Join(items, ", ") + from + " WHERE " + renderExprIn(x, cols) +
				" NOT IN (SELECT " + renderExprIn(y, cols) + " FROM " + sub + ")", nil
		}
		return "SELECT " + strings.Join(items, ", ") + from + " ANTI JOIN " + sub + " ON " + cond, nil
	case stage.MarkJoin:
		mark := fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s)", sub, cond)
		if j.MarkIn >= 0 {
			mark = fmt.Sprintf("(l.%s IN (SELECT r.%s FROM %s WHERE %s))", Column(j.MarkIn), Column(j.RightMark), sub, cond)
		}
		items = append(items, mark+" AS "+Column(nLeft))
		return "SELECT " + strings.Join(items, ", ") + from, nil
	}
	for i := 0; i < j.Right.Schema().NumFields(); i++ {
		items = append(items, fmt.Sprintf("r.%s AS %s", Column(i), Column(nLeft+i)))
	}
	kind := map[stage.JoinKind]string{stage.InnerJoin: "JOIN", stage.LeftJoin: "LEFT JOIN", stage.FullJoin: "FULL JOIN"}[j.Kind]
	return "SELECT " + strings.Join(items, ", ") + from + " " + kind + " " + sub + " ON " + cond, nil
}

// notInKey recognizes the anti join of x NOT IN (q) on one column, whose
// condition the binder makes (x = y OR x IS NULL) OR y IS NULL (a row of x
// is dropped where it matches, or might: subquery.go), with x over the
// left side's columns and y over the right's. DuckDB runs an anti join on
// that condition as a nested loop, every left row against every right
// row, which on a subquery of 100,000 rows takes minutes; its own NOT IN
// is a hash join with the same NULL semantics. The join renders as that.
func notInKey(j *stage.Join, nLeft int) (x, y stage.Expr, ok bool) {
	if len(j.LeftKeys) > 0 || j.Cond == nil {
		return nil, nil, false
	}
	var eq *stage.Call
	var nulls []string
	for _, d := range stage.SplitDisjuncts(j.Cond) {
		c, ok := d.(*stage.Call)
		switch {
		case !ok:
			return nil, nil, false
		case c.Fn == "=" && eq == nil:
			eq = c
		case c.Fn == "isnull":
			nulls = append(nulls, stage.ExprKey(c.Args[0]))
		default:
			return nil, nil, false
		}
	}
	if eq == nil || len(nulls) != 2 {
		return nil, nil, false
	}
	x, y = eq.Args[0], eq.Args[1]
	if side(y, nLeft) == leftSide {
		x, y = y, x
	}
	if side(x, nLeft) != leftSide || side(y, nLeft) != rightSide {
		return nil, nil, false
	}
	kx, ky := stage.ExprKey(x), stage.ExprKey(y)
	if !(nulls[0] == kx && nulls[1] == ky || nulls[0] == ky && nulls[1] == kx) {
		return nil, nil, false
	}
	return x, y, true
}

// joinSide is which of a join's inputs an expression reads.
type joinSide int

const (
	neitherSide joinSide = iota // no column, or both sides'
	leftSide
	rightSide
)

func side(e stage.Expr, nLeft int) joinSide {
	var left, right bool
	stage.WalkExpr(e, func(x stage.Expr) {
		if c, ok := x.(*stage.ColumnRef); ok {
			if c.Index < nLeft {
				left = true
			} else {
				right = true
			}
		}
	})
	switch {
	case left && !right:
		return leftSide
	case right && !left:
		return rightSide
	}
	return neitherSide
}

func (r *renderer) renderSetOp(s *stage.SetOp) (string, error) {
	var parts []string
	for _, in := range unionOperands(s) {
		sql, err := r.render(in)
		if err != nil {
			return "", err
		}
		parts = append(parts, "SELECT * FROM ("+sql+")")
	}
	return strings.Join(parts, " "+string(s.Kind)+" "), nil
}

// unionOperands are the inputs of s with every nested UNION of the same
// kind spliced in: a chain of n UNION ALLs (which the planner builds two
// inputs at a time) renders as one flat n-way UNION ALL, since DuckDB
// plans n nested subqueries many times slower than a flat chain. Only
// UNION and UNION ALL are associative so; other kinds keep their inputs.
func unionOperands(s *stage.SetOp) []stage.Plan {
	if s.Kind != stage.UnionAll && s.Kind != stage.Union {
		return s.Inputs
	}
	var out []stage.Plan
	stack := slices.Clone(s.Inputs)
	slices.Reverse(stack)
	for len(stack) > 0 { // iterative: a chain may be long
		in := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if sub, ok := in.(*stage.SetOp); ok && sub.Kind == s.Kind {
			for i := len(sub.Inputs) - 1; i >= 0; i-- {
				stack = append(stack, sub.Inputs[i])
			}
			continue
		}
		out = append(out, in)
	}
	return out
}
