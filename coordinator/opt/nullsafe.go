package opt

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// NullSafeKeys makes the null-safe equalities of a join's condition
// (l <=> r, one side's expression against the other's: the decorrelation
// joins on them, and users write them) hash keys. A key is an equality
// that never matches NULL, so each side computes two columns for it,
// coalesce(x, z) and x IS NULL, with z the zero of x's type: the pairs are
// equal exactly where l <=> r is true. Both become equalities of columns,
// which PushDownPredicates takes as keys; without them the join has none,
// and a join without keys broadcasts its right side.
func NullSafeKeys(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		j, ok := p.(*logical.Join)
		if !ok || j.Cond == nil {
			return p, false
		}
		return nullSafeKeys(j)
	})
}

func nullSafeKeys(j *logical.Join) (logical.Plan, bool) {
	wl, wr := logical.Width(j.Left), logical.Width(j.Right)
	var pairs [][2]stage.Expr // left side, right side (over Right's columns)
	var rest []stage.Expr
	for _, c := range logical.SplitConjuncts(j.Cond) {
		if l, r, ok := nullSafePair(c, wl); ok {
			pairs = append(pairs, [2]stage.Expr{l, r})
			continue
		}
		rest = append(rest, c)
	}
	if len(pairs) == 0 {
		return j, false
	}
	left := withColumns(j.Left)
	right := withColumns(j.Right)
	extra := 2 * len(pairs)
	conds := make([]stage.Expr, 0, len(rest)+extra)
	for i, pr := range pairs {
		t := pr[0].Type()
		text, _ := zeroText(t)
		zero := &stage.Literal{Text: text, T: t}
		for side, p := range []*logical.Project{left, right} {
			x := pr[side]
			p.Exprs = append(p.Exprs,
				&stage.Call{Fn: "coalesce", Args: []stage.Expr{x, zero}, T: t},
				&stage.Call{Fn: "isnull", Args: []stage.Expr{x}, T: arrow.FixedWidthTypes.Boolean})
			p.Names = append(p.Names, "nullsafe_value", "nullsafe_null")
		}
		for k, t := range []arrow.DataType{t, arrow.FixedWidthTypes.Boolean} {
			l := &stage.ColumnRef{Index: wl + 2*i + k, Name: left.Names[wl+2*i+k], T: t}
			r := &stage.ColumnRef{Index: wl + extra + wr + 2*i + k, Name: right.Names[wr+2*i+k], T: t}
			conds = append(conds, &stage.Call{Fn: "=", Args: []stage.Expr{l, r}, T: arrow.FixedWidthTypes.Boolean})
		}
	}
	// The rest of the condition reads the right side after the left's new
	// columns.
	for _, c := range rest {
		conds = append(conds, stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if ref.Index >= wl && !logical.IsOuter(ref) {
				return &stage.ColumnRef{Index: ref.Index + extra, Name: ref.Name, T: ref.T}
			}
			return ref
		}))
	}
	out := &logical.Join{Left: left, Right: right, Kind: j.Kind, Cond: logical.AndAll(conds),
		MarkIn: j.MarkIn, RightMark: j.RightMark, MarkName: j.MarkName}
	// The join's own layout again: the left's columns, then the mark or
	// the right's.
	var keep []int
	for i := 0; i < wl; i++ {
		keep = append(keep, i)
	}
	switch j.Kind {
	case stage.SemiJoin, stage.AntiJoin:
	case stage.MarkJoin:
		keep = append(keep, wl+extra)
	default:
		for i := 0; i < wr; i++ {
			keep = append(keep, wl+extra+i)
		}
	}
	return pick(out, keep), true
}

// nullSafePair splits c, a conjunct over a join's left (wl columns) and
// right columns, if it is a null-safe equality of a left-only expression
// and a right-only one of one type with a zero: the left expression and
// the right one over the right side's columns.
func nullSafePair(c stage.Expr, wl int) (stage.Expr, stage.Expr, bool) {
	call, ok := c.(*stage.Call)
	if !ok || call.Fn != "<=>" || len(call.Args) != 2 {
		return nil, nil, false
	}
	a, b := call.Args[0], call.Args[1]
	if _, ok := zeroText(a.Type()); !ok || !arrow.TypeEqual(a.Type(), b.Type()) {
		return nil, nil, false
	}
	sa, sb := side(a, wl), side(b, wl)
	if sa == rightSide && sb == leftSide {
		a, b, sa, sb = b, a, sb, sa
	}
	if sa != leftSide || sb != rightSide || logical.HasOuter(a) || logical.HasOuter(b) {
		return nil, nil, false
	}
	return a, logical.Shift(b, -wl), true
}

// zeroText is the text of a literal of type t that stands for NULL in a
// null-safe key; false for a type without one here.
func zeroText(t arrow.DataType) (string, bool) {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128, arrow.DECIMAL256:
		return "0", true
	case arrow.BOOL:
		return "false", true
	case arrow.STRING:
		return "", true
	case arrow.DATE32:
		return "1970-01-01", true
	case arrow.TIMESTAMP:
		return "1970-01-01 00:00:00", true
	}
	return "", false
}
