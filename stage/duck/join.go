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
	if j.Cond != nil {
		on = append(on, renderExprIn(j.Cond, columns{name: both, mag: func(i int) float64 {
			if i < nLeft {
				return r.columnMagnitude(j.Left, i)
			}
			return r.columnMagnitude(j.Right, i-nLeft)
		}}))
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
