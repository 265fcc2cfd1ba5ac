package binder

import (
	"context"
	"slices"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Parameters are the ? markers of a prepared statement, numbered from 1 in
// the order they appear in the SQL text. A statement with markers binds in
// one of three modes:
//
//   - InferParams binds it to learn each marker's type from where it
//     stands (below); the plan is thrown away.
//   - WithParams(types, nil) binds every marker as a NULL of its type: the
//     plan whose schema a prepared statement promises.
//   - WithParams(types, values) binds marker i as the constant values[i]:
//     the plan that runs. A value is a typed stage.Literal, so everything
//     downstream (constant folding, LIMIT, LIKE patterns, rendering) sees a
//     constant, exactly as if it had been written in the SQL; no value ever
//     reaches SQL text.
//
// A marker's type is that of what it is compared with, IN-listed with or
// BETWEEN (the other operand), of the other operand of arithmetic, of the
// target of a CAST, of the column an INSERT value fills, BIGINT in LIMIT
// and OFFSET, and a string anywhere else.
type params struct {
	index  map[*driver.ParamMarkerExpr]int // position of each marker of the statement
	types  []arrow.DataType                // by position; nil entries are not inferred yet
	values []*stage.Literal                // nil unless executing
	infer  bool
	// stand are the NULLs that stand for markers while preparing, by
	// identity: what the inference below recognises.
	stand map[*stage.Literal]int
}

// InferParams binds stmt once to infer the types of its ? markers, in marker
// order (empty for a statement without markers). The binder is spent.
func (b *Binder) InferParams(ctx context.Context, stmt ast.StmtNode) ([]arrow.DataType, error) {
	b.params.infer = true
	if _, err := b.Bind(ctx, stmt); err != nil {
		return nil, err
	}
	types := b.params.types
	for i, t := range types {
		if t == nil {
			types[i] = stringType
		}
	}
	return types, nil
}

// WithParams makes the binder read marker i as a value of types[i]: NULL
// when values is nil (a prepared statement's schema), else values[i], which
// has that type (see ParamValue).
func (b *Binder) WithParams(types []arrow.DataType, values []*stage.Literal) *Binder {
	b.params.types, b.params.values = types, values
	return b
}

// collectMarkers numbers the markers of stmt and checks that the binder has
// a type (and, when executing, a value) for each.
func (b *Binder) collectMarkers(stmt ast.StmtNode) error {
	v := &markerCollector{}
	stmt.Accept(v)
	slices.SortFunc(v.markers, func(a, c *driver.ParamMarkerExpr) int { return a.Offset - c.Offset })
	p := &b.params
	p.index = make(map[*driver.ParamMarkerExpr]int, len(v.markers))
	for i, m := range v.markers {
		p.index[m] = i
	}
	p.stand = map[*stage.Literal]int{}
	n := len(v.markers)
	switch {
	case p.infer:
		p.types = make([]arrow.DataType, n)
	case n == 0 && len(p.types) == 0:
	case p.types == nil:
		return qerr.ErrInvalid.New("the statement has %d parameter markers (?): prepare it and bind their values", n)
	case len(p.types) != n:
		return qerr.ErrInvalid.New("the statement has %d parameter markers, %d parameters were bound", n, len(p.types))
	case p.values != nil && len(p.values) != n:
		return qerr.ErrInvalid.New("the statement has %d parameter markers, %d values were bound", n, len(p.values))
	}
	return nil
}

// checkMarkers refuses markers in statements that are not a query or a
// write of rows (INSERT, UPDATE, DELETE, CREATE TABLE ... AS): DDL has no
// place for a value that changes per execution.
func (b *Binder) checkMarkers(stmt Statement) error {
	if len(b.params.index) == 0 {
		return nil
	}
	switch stmt.(type) {
	case *Query, *Insert, *Update, *Upsert, *Delete, *CreateTableAs:
		return nil
	}
	return qerr.ErrInvalid.New("parameter markers (?) are allowed in queries, INSERT, UPDATE, DELETE and CREATE TABLE ... AS only")
}

// markerFill is Insert.Fill of an INSERT whose VALUES are lists, target[i]
// the column the i-th value of a list fills: nil unless the VALUES are one
// list of markers only (marker i is then the i-th value).
func markerFill(lists [][]ast.ExprNode, target []int) []int {
	if len(lists) != 1 {
		return nil
	}
	for _, e := range lists[0] {
		if _, ok := e.(*driver.ParamMarkerExpr); !ok {
			return nil
		}
	}
	return target
}

// Rebindable reports whether stmt, once bound, binds again unchanged (as
// for another parameter row). The binder rewrites a query's HAVING in place;
// an INSERT ... VALUES it only reads.
func Rebindable(stmt ast.StmtNode) bool {
	_, ok := stmt.(*ast.InsertStmt)
	return ok
}

type markerCollector struct {
	markers []*driver.ParamMarkerExpr
}

func (v *markerCollector) Enter(n ast.Node) (ast.Node, bool) {
	if m, ok := n.(*driver.ParamMarkerExpr); ok {
		v.markers = append(v.markers, m)
	}
	return n, false
}

func (v *markerCollector) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// param binds a marker: a stand-in NULL while preparing, else its value.
func (b *Binder) param(m *driver.ParamMarkerExpr) (stage.Expr, error) {
	p := &b.params
	i, ok := p.index[m]
	if !ok {
		return nil, qerr.ErrInvalid.New("a parameter marker (?) is not allowed here")
	}
	if p.values != nil {
		return p.values[i], nil
	}
	t := arrow.DataType(arrow.Null)
	if !p.infer {
		t = p.types[i]
	}
	lit := &stage.Literal{Null: true, T: t}
	p.stand[lit] = i
	return lit, nil
}

// isStandIn reports whether e stands for a marker while preparing.
func (b *Binder) isStandIn(e stage.Expr) bool {
	lit, ok := e.(*stage.Literal)
	if !ok {
		return false
	}
	_, ok = b.params.stand[lit]
	return ok
}

// inferAs gives the marker that e stands for type t, unless its type is
// known already or t says nothing (another marker, a NULL).
func (b *Binder) inferAs(e stage.Expr, t arrow.DataType) {
	p := &b.params
	if !p.infer || isNullType(t) {
		return
	}
	lit, ok := e.(*stage.Literal)
	if !ok {
		return
	}
	if i, ok := p.stand[lit]; ok && p.types[i] == nil {
		p.types[i] = t
	}
}

// inferTogether types the markers among operands that are compared or
// computed together as the first operand whose type is known.
func (b *Binder) inferTogether(operands ...stage.Expr) {
	if !b.params.infer {
		return
	}
	for _, o := range operands {
		if t := o.Type(); !isNullType(t) {
			for _, x := range operands {
				b.inferAs(x, t)
			}
			return
		}
	}
}

// count reads a LIMIT or OFFSET (what): a non-negative integer constant, or
// a marker, which is BIGINT. While preparing, a marker reads as unknown.
func (b *Binder) count(e ast.ExprNode, what string, unknown int64) (int64, error) {
	m, isMarker := e.(*driver.ParamMarkerExpr)
	if !isMarker {
		n, ok := intLiteral(e)
		if !ok || n < 0 {
			return 0, qerr.ErrInvalid.New("%s must be a non-negative integer", what)
		}
		return n, nil
	}
	p := &b.params
	i, ok := p.index[m]
	if !ok {
		return 0, qerr.ErrInvalid.New("a parameter marker (?) is not allowed here")
	}
	if p.infer {
		p.types[i] = arrowInt64
	}
	if p.values == nil {
		return unknown, nil
	}
	v := p.values[i]
	n, err := strconv.ParseInt(v.Text, 10, 64)
	if v.Null || err != nil || n < 0 {
		return 0, qerr.ErrInvalid.New("%s must be a non-negative integer; parameter %d is %s", what, i+1, v)
	}
	return n, nil
}
