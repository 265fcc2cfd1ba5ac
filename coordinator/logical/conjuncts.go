package logical

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// SplitConjuncts splits a condition at its ANDs.
func SplitConjuncts(e stage.Expr) []stage.Expr {
	if c, ok := e.(*stage.Call); ok && c.Fn == "and" {
		return append(SplitConjuncts(c.Args[0]), SplitConjuncts(c.Args[1])...)
	}
	return []stage.Expr{e}
}

// And is a AND b, either of which may be nil (no condition).
func And(a, b stage.Expr) stage.Expr {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return &stage.Call{Fn: "and", Args: []stage.Expr{a, b}, T: arrow.FixedWidthTypes.Boolean}
}

// AndAll is the conjunction of es, nil for none.
func AndAll(es []stage.Expr) stage.Expr {
	var out stage.Expr
	for _, e := range es {
		out = And(out, e)
	}
	return out
}

// ColumnsUsed marks in used (indexed by column position) every column that
// e reads; outer references and columns beyond used are not marked.
func ColumnsUsed(e stage.Expr, used []bool) {
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.ColumnRef); ok && c.Index < len(used) {
			used[c.Index] = true
		}
	})
}

// MaxColumn is the highest column an expression reads, -1 for none.
func MaxColumn(e stage.Expr) int {
	m := -1
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.ColumnRef); ok && c.Index > m {
			m = c.Index
		}
	})
	return m
}

// Shift moves every column reference of e by the given offset.
func Shift(e stage.Expr, by int) stage.Expr {
	return stage.RewriteColumns(e, func(c *stage.ColumnRef) stage.Expr {
		return &stage.ColumnRef{Index: c.Index + by, Name: c.Name, T: c.T}
	})
}

// HasOuter reports whether e holds an outer reference.
func HasOuter(e stage.Expr) bool {
	has := false
	stage.WalkExpr(e, func(e stage.Expr) {
		if r, ok := e.(*stage.ColumnRef); ok && IsOuter(r) {
			has = true
		}
	})
	return has
}
