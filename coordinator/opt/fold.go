package opt

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// FoldConstants computes at planning what does not depend on the rows, so
// that the rest of the plan (and the scans' pruning) sees constants:
//
//   - a constant DATE plus a constant number of days, weeks, months,
//     quarters or years (date_add), clamped as MySQL does;
//   - comparisons of two integer constants;
//   - TRUE, FALSE and NULL under NOT, AND and OR, by SQL's three-valued
//     logic: x AND TRUE is x, x AND FALSE is FALSE, x OR FALSE is x,
//     x OR TRUE is TRUE, NOT of a constant is its negation (NULL stays
//     NULL). An operand is dropped only when it cannot raise an error
//     (a scalar subquery's raise_error), so that no error MySQL reports
//     disappears;
//   - a CASE branch whose condition is a constant FALSE or NULL goes, and a
//     constant TRUE one is the CASE's value;
//   - comparisons of two string constants, by their bytes (Quiver's
//     binary collation);
//   - a Filter whose condition folds to TRUE (or, as MySQL reads a
//     condition, to a non-zero integer) is removed, and one whose
//     condition folds to FALSE, NULL or 0 is an empty relation;
//   - a UNION ALL drops its empty inputs (TPC-DS's channel unions under a
//     condition on the channel's constant column: the other channels'
//     scans and stages go).
func FoldConstants(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		p, changed := logical.MapExprs(p, foldExpr)
		switch n := p.(type) {
		case *logical.Filter:
			if alwaysTrue(n.Cond) {
				return n.Input, true
			}
			if neverTrue(n.Cond) {
				return emptyLike(n), true
			}
		case *logical.SetOp:
			if n.Kind == stage.UnionAll {
				if out, ok := dropEmptyInputs(n); ok {
					return out, true
				}
			}
		}
		return p, changed
	})
}

// neverTrue reports whether a condition is a constant that does not hold:
// FALSE, NULL or the integer 0.
func neverTrue(e stage.Expr) bool {
	l, ok := e.(*stage.Literal)
	switch {
	case !ok:
		return false
	case l.Null, isBool(e, false):
		return true
	}
	return stage.IsInteger(l.T) && l.Text == "0"
}

// emptyLike is a relation of p's columns and no rows.
func emptyLike(p logical.Plan) *logical.Values {
	v := &logical.Values{}
	for _, f := range p.Schema().Fields() {
		v.Names, v.Types = append(v.Names, f.Name), append(v.Types, f.Type)
	}
	return v
}

// isEmpty reports whether p has no rows: an empty relation, under
// operators that make rows only of their input's.
func isEmpty(p logical.Plan) bool {
	switch n := p.(type) {
	case *logical.Values:
		return len(n.Rows) == 0
	case *logical.Project, *logical.Filter, *logical.Sort, *logical.Limit:
		return isEmpty(p.Children()[0])
	}
	return false
}

// dropEmptyInputs is s without its inputs of no rows; the output keeps the
// first input's names.
func dropEmptyInputs(s *logical.SetOp) (logical.Plan, bool) {
	var kept []logical.Plan
	for _, in := range s.Inputs {
		if !isEmpty(in) {
			kept = append(kept, in)
		}
	}
	switch {
	case len(kept) == len(s.Inputs):
		return s, false
	case len(kept) == 0:
		return emptyLike(s), true
	}
	if kept[0] != s.Inputs[0] {
		// Named as the dropped first input named the columns.
		names := s.Inputs[0].Schema()
		pr := &logical.Project{Input: kept[0]}
		for i, f := range kept[0].Schema().Fields() {
			pr.Exprs = append(pr.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
			pr.Names = append(pr.Names, names.Field(i).Name)
		}
		kept[0] = pr
	}
	if len(kept) == 1 {
		return kept[0], true
	}
	return &logical.SetOp{Inputs: kept, Kind: s.Kind}, true
}

// foldExpr folds e bottom-up.
func foldExpr(e stage.Expr) (stage.Expr, bool) {
	switch n := e.(type) {
	case *stage.Cast:
		arg, changed := foldExpr(n.Arg)
		if !changed {
			return e, false
		}
		return &stage.Cast{Arg: arg, T: n.T}, true
	case *stage.Call:
		changed := false
		args := make([]stage.Expr, len(n.Args))
		for i, a := range n.Args {
			var ok bool
			args[i], ok = foldExpr(a)
			changed = changed || ok
		}
		c := n
		if changed {
			c = &stage.Call{Fn: n.Fn, Args: args, T: n.T}
		}
		if out, ok := foldCall(c); ok {
			return out, true
		}
		return c, changed
	}
	return e, false
}

func foldCall(c *stage.Call) (stage.Expr, bool) {
	switch c.Fn {
	case "date_add":
		if unit, ok := c.Args[2].(*stage.Literal); ok && c.T.ID() == arrow.DATE32 {
			return foldDateAdd(c.Args[0], c.Args[1], unit.Text)
		}
	case "not":
		if l, ok := c.Args[0].(*stage.Literal); ok && isBoolType(l.T) {
			if l.Null {
				return l, true
			}
			return boolLiteral(!isBool(l, true)), true
		}
	case "and", "or":
		// absorbing: FALSE for AND, TRUE for OR; the other is neutral.
		absorbing := c.Fn == "or"
		for k := 0; k < 2; k++ {
			x, other := c.Args[k], c.Args[1-k]
			if !isBoolType(other.Type()) {
				return nil, false
			}
			switch {
			case isBool(x, absorbing) && !raises(other):
				return boolLiteral(absorbing), true
			case isBool(x, !absorbing):
				return other, true
			}
		}
	case "=", "<>", "<", "<=", ">", ">=":
		if out, ok := compareStrings(c); ok {
			return out, true
		}
		return compareIntegers(c)
	case "case":
		return foldCase(c)
	}
	return nil, false
}

// foldCase drops the branches of a CASE whose condition is a constant
// FALSE or NULL, which are never taken, and ends it at a constant TRUE one,
// which always is: its value becomes the ELSE.
func foldCase(c *stage.Call) (stage.Expr, bool) {
	last := len(c.Args) - 1
	els, changed := c.Args[last], false
	var kept []stage.Expr
	for i := 0; i < last; i += 2 {
		cond, v := c.Args[i], c.Args[i+1]
		if isBool(cond, false) || isNullLiteral(cond) {
			changed = true
			continue
		}
		if isBool(cond, true) {
			els, changed = v, true
			break
		}
		kept = append(kept, cond, v)
	}
	switch {
	case !changed:
		return nil, false
	case len(kept) == 0:
		return typedAs(els, c.T), true
	}
	return &stage.Call{Fn: c.Fn, Args: append(kept, els), T: c.T}, true
}

// typedAs is e as a value of type t, the CASE's it was a branch of.
func typedAs(e stage.Expr, t arrow.DataType) stage.Expr {
	switch {
	case arrow.TypeEqual(e.Type(), t):
		return e
	case isNullLiteral(e):
		return &stage.Literal{Null: true, T: t}
	}
	return &stage.Cast{Arg: e, T: t}
}

// compareStrings folds a comparison of two string constants by their
// bytes, as Quiver's binary collation compares them (and DuckDB does).
func compareStrings(c *stage.Call) (stage.Expr, bool) {
	a, ok1 := c.Args[0].(*stage.Literal)
	b, ok2 := c.Args[1].(*stage.Literal)
	if !ok1 || !ok2 || a.T.ID() != arrow.STRING || b.T.ID() != arrow.STRING {
		return nil, false
	}
	if a.Null || b.Null {
		return &stage.Literal{Null: true, T: arrow.FixedWidthTypes.Boolean}, true
	}
	return boolLiteral(compared(c.Fn, strings.Compare(a.Text, b.Text))), true
}

// compared is whether a comparison op holds of operands that cmp orders.
func compared(op string, cmp int) bool {
	switch op {
	case "=":
		return cmp == 0
	case "<>":
		return cmp != 0
	case "<":
		return cmp < 0
	case "<=":
		return cmp <= 0
	case ">":
		return cmp > 0
	}
	return cmp >= 0
}

// compareIntegers folds a comparison of two integer constants.
func compareIntegers(c *stage.Call) (stage.Expr, bool) {
	a, ok1 := c.Args[0].(*stage.Literal)
	b, ok2 := c.Args[1].(*stage.Literal)
	if !ok1 || !ok2 || !stage.IsInteger(a.T) || !stage.IsInteger(b.T) {
		return nil, false
	}
	if a.Null || b.Null {
		return &stage.Literal{Null: true, T: arrow.FixedWidthTypes.Boolean}, true
	}
	x, err1 := strconv.ParseInt(a.Text, 10, 64)
	y, err2 := strconv.ParseInt(b.Text, 10, 64)
	if err1 != nil || err2 != nil {
		return nil, false
	}
	return boolLiteral(compared(c.Fn, cmp.Compare(x, y))), true
}

func isBoolType(t arrow.DataType) bool { return t.ID() == arrow.BOOL }

// isBool reports whether e is the boolean constant v (not NULL).
func isBool(e stage.Expr, v bool) bool {
	l, ok := e.(*stage.Literal)
	return ok && !l.Null && isBoolType(l.T) && strings.EqualFold(l.Text, strconv.FormatBool(v))
}

// alwaysTrue reports whether a condition is a constant that holds: TRUE,
// or a non-zero integer.
func alwaysTrue(e stage.Expr) bool {
	if isBool(e, true) {
		return true
	}
	l, ok := e.(*stage.Literal)
	if !ok || l.Null || !stage.IsInteger(l.T) {
		return false
	}
	v, err := strconv.ParseInt(l.Text, 10, 64)
	return err == nil && v != 0
}

func boolLiteral(v bool) *stage.Literal {
	return &stage.Literal{Text: strconv.FormatBool(v), T: arrow.FixedWidthTypes.Boolean}
}

// raises reports whether evaluating e can raise an error on purpose.
func raises(e stage.Expr) bool {
	found := false
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.Call); ok && c.Fn == "raise_error" {
			found = true
		}
	})
	return found
}

// foldDateAdd computes a constant DATE plus a constant number of days,
// weeks, months, quarters or years at planning (so that scans can prune
// on it), clamping to the month's end as MySQL does.
func foldDateAdd(d, n stage.Expr, unit string) (stage.Expr, bool) {
	dl, ok1 := d.(*stage.Literal)
	nl, ok2 := n.(*stage.Literal)
	if !ok1 || !ok2 || dl.Null || nl.Null || !stage.IsInteger(nl.T) {
		return nil, false
	}
	tm, err := time.Parse("2006-01-02", dl.Text)
	k, err2 := strconv.Atoi(nl.Text)
	if err != nil || err2 != nil || k > 1e6 || k < -1e6 {
		return nil, false
	}
	months := 0
	switch unit {
	case "DAY":
		tm = tm.AddDate(0, 0, k)
	case "WEEK":
		tm = tm.AddDate(0, 0, 7*k)
	case "MONTH":
		months = k
	case "QUARTER":
		months = 3 * k
	case "YEAR":
		months = 12 * k
	}
	if months != 0 {
		total := tm.Year()*12 + int(tm.Month()) - 1 + months
		y, m := total/12, time.Month(total%12+1)
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
		tm = time.Date(y, m, min(tm.Day(), last), 0, 0, 0, 0, time.UTC)
	}
	if tm.Year() < 1000 || tm.Year() > 9999 {
		return nil, false
	}
	return &stage.Literal{Text: tm.Format("2006-01-02"), T: arrow.FixedWidthTypes.Date32}, true
}
