package binder

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Row constructors, (a, b) or ROW(a, b), stand only where MySQL allows
// them: compared with a row of as many values, and in IN. They become
// comparisons of their elements, with MySQL's NULL rules:
//
//	(a, b) = (c, d)      a = c AND b = d        FALSE on any difference,
//	                                            else NULL on any NULL
//	(a, b) <> (c, d)     a <> c OR b <> d
//	(a, b) <=> (c, d)    a <=> c AND b <=> d
//	(a, b) < (c, d)      a < c OR (a = c AND b < d): the first pair that is
//	                     not equal decides, NULL if it holds a NULL
//	(a, b) IN (r1, r2)   (a, b) = r1 OR (a, b) = r2
//
// A row IN a subquery compares the elements with the subquery's columns
// (subquery.go).

// rowElements is the elements of e when it is a row constructor, else nil.
func rowElements(e ast.ExprNode) []ast.ExprNode {
	if r, ok := unparen(e).(*ast.RowExpr); ok {
		return r.Values
	}
	return nil
}

// isRowComparison reports whether a binary operator compares rows.
func isRowComparison(e *ast.BinaryOperationExpr) bool {
	_, ok := comparisonOps[e.Op]
	return ok && (rowElements(e.L) != nil || rowElements(e.R) != nil)
}

// isRowIn reports whether an IN list holds row constructors.
func isRowIn(e *ast.PatternInExpr) bool {
	if rowElements(e.Expr) != nil {
		return true
	}
	for _, x := range e.List {
		if rowElements(x) != nil {
			return true
		}
	}
	return false
}

// width is the number of values e stands for: its elements for a row, 1
// for any other expression.
func width(e ast.ExprNode) int {
	if vs := rowElements(e); vs != nil {
		return len(vs)
	}
	return 1
}

// operandWidth is MySQL's error (ER_OPERAND_COLUMNS) for a value of the
// wrong width where n values are expected.
func operandWidth(n int) error {
	if n == 1 {
		return qerr.ErrInvalid.New("operand should contain 1 column: a row is compared only with a row")
	}
	return qerr.ErrInvalid.New("operand should contain %d columns", n)
}

// rowCompare binds l op r, where l or r is a row constructor.
func (b *Binder) rowCompare(op string, l, r ast.ExprNode, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, error) {
	ls, rs := rowElements(l), rowElements(r)
	if ls == nil || rs == nil || len(ls) != len(rs) {
		return nil, operandWidth(width(l))
	}
	// pair binds the comparisons of the i-th elements with each of ops,
	// binding the elements once.
	pair := func(i int, ops ...string) ([]stage.Expr, error) {
		out := make([]stage.Expr, len(ops))
		if rowElements(ls[i]) != nil || rowElements(rs[i]) != nil {
			for j, op := range ops {
				c, err := b.rowCompare(op, ls[i], rs[i], sub)
				if err != nil {
					return nil, err
				}
				out[j] = c
			}
			return out, nil
		}
		x, y, err := b.operands(ls[i], rs[i], false, sub)
		if err != nil {
			return nil, err
		}
		b.inferTogether(x, y)
		for j, op := range ops {
			out[j] = compare(op, x, y)
		}
		return out, nil
	}
	switch op {
	case "=", "<=>", "<>":
		join := "and"
		if op == "<>" {
			join = "or"
		}
		var out stage.Expr
		for i := range ls {
			c, err := pair(i, op)
			if err != nil {
				return nil, err
			}
			out = joinBool(join, out, c[0])
		}
		return out, nil
	}
	// An ordering: the last pair compares with op itself; each pair before
	// it decides where its elements differ, and defers to the rest where
	// they are equal.
	strict := map[string]string{"<": "<", "<=": "<", ">": ">", ">=": ">"}[op]
	last, err := pair(len(ls)-1, op)
	if err != nil {
		return nil, err
	}
	out := last[0]
	for i := len(ls) - 2; i >= 0; i-- {
		c, err := pair(i, strict, "=")
		if err != nil {
			return nil, err
		}
		out = joinBool("or", c[0], joinBool("and", c[1], out))
	}
	return out, nil
}

// joinBool is l fn r (fn "and" or "or"), or r where l is nil.
func joinBool(fn string, l, r stage.Expr) stage.Expr {
	if l == nil {
		return r
	}
	return &stage.Call{Fn: fn, Args: []stage.Expr{l, r}, T: boolType}
}

// rowIn binds v [NOT] IN (list) where v or an item is a row constructor:
// the OR of v's comparisons with each item.
func (b *Binder) rowIn(e *ast.PatternInExpr, sub func(ast.ExprNode) (stage.Expr, error)) (stage.Expr, error) {
	var out stage.Expr
	for _, item := range e.List {
		c, err := b.rowCompare("=", e.Expr, item, sub)
		if err != nil {
			return nil, err
		}
		out = joinBool("or", out, c)
	}
	if e.Not {
		out = &stage.Call{Fn: "not", Args: []stage.Expr{out}, T: boolType}
	}
	return out, nil
}
