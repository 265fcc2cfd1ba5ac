package binder

import (
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// An aggregate inside a subquery whose argument reads only the enclosing
// query's columns is that query's aggregate, as SQL and MySQL have it:
// SELECT (SELECT count(t.a) FROM s LIMIT 1) FROM t counts t's rows once,
// and the subquery reads the count as an outer value. The enclosing query
// finds such aggregates before it aggregates (ownedAggregates), computes
// them with its own, and names them in the scope its subqueries resolve
// outer names in (scope.aggregates); the subquery leaves them out of its
// own aggregation and reads them as outer references (outerAggregate).
//
// Which query an aggregate belongs to is decided before the subquery is
// bound: every column in its argument is the enclosing query's, qualified
// by a table of the enclosing query's FROM that is not also one of the
// subquery's, or unqualified, a column of the enclosing query that no
// table of the subquery's FROM has (each a table of the catalog, so that
// its columns are known). Any other aggregate of outer columns only is
// refused (aggCall): where the subquery reads a derived table or a view,
// the binder cannot tell whose the name is beforehand.

// ownedAggregates are the aggregates in the subqueries of s's select list,
// HAVING and ORDER BY that belong to s, whose FROM is sc.
func (b *Binder) ownedAggregates(s *ast.SelectStmt, sc *scope) []*ast.AggregateFuncExpr {
	tables := map[string]bool{}
	for _, c := range sc.cols {
		tables[strings.ToLower(c.table)] = true
	}
	exprs := selectExprs(s)
	if s.Having != nil {
		exprs = append(exprs, s.Having.Expr)
	}
	f := &ownerFinder{b: b, sc: sc, outer: tables, seen: map[string]bool{}}
	for _, e := range exprs {
		e.Accept(f)
	}
	return f.found
}

// ownerFinder walks an enclosing query's expressions for the aggregates of
// its subqueries that belong to it.
type ownerFinder struct {
	b     *Binder
	sc    *scope          // the enclosing query's FROM
	outer map[string]bool // its tables
	found []*ast.AggregateFuncExpr
	seen  map[string]bool
}

func (f *ownerFinder) Enter(n ast.Node) (ast.Node, bool) {
	sub, ok := n.(*ast.SubqueryExpr)
	if !ok {
		return n, false
	}
	sel, ok := sub.Query.(*ast.SelectStmt)
	if !ok {
		return n, true
	}
	inner, sources := fromTables(sel.From)
	var exprs []ast.ExprNode
	if sel.Where != nil {
		exprs = append(exprs, sel.Where)
	}
	exprs = append(exprs, selectExprs(sel)...)
	if sel.Having != nil {
		exprs = append(exprs, sel.Having.Expr)
	}
	for _, a := range collect[*ast.AggregateFuncExpr](exprs...) {
		if key := restore(a); !f.seen[key] && f.owns(a, inner, sources) {
			f.seen[key] = true
			f.found = append(f.found, a)
		}
	}
	return n, true
}

func (f *ownerFinder) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// owns reports whether every column of a's arguments (one at least) is
// the enclosing query's: qualified by an outer table that inner, the
// subquery's tables, lacks; or unqualified, the enclosing query's column
// and none of the subquery's tables' (sources: its FROM's table names, nil
// where it reads anything else).
func (f *ownerFinder) owns(a *ast.AggregateFuncExpr, inner map[string]bool, sources []*ast.TableName) bool {
	cols := collect[*ast.ColumnNameExpr](a.Args...)
	if len(cols) == 0 {
		return false
	}
	for _, c := range cols {
		t := c.Name.Table.L
		if t != "" {
			if inner[t] || !f.outer[t] {
				return false
			}
			continue
		}
		if _, err := f.sc.resolve(c.Name); err != nil || !f.noneHas(sources, c.Name.Name.L) {
			return false
		}
	}
	return true
}

// noneHas reports whether no table of sources has a column named col;
// false where one is not a table of the catalog (a CTE, a view, a system
// table).
func (f *ownerFinder) noneHas(sources []*ast.TableName, col string) bool {
	if sources == nil {
		return false
	}
	for _, tn := range sources {
		if tn.Schema.O == "" && f.b.cte(tn.Name.L) != nil || f.b.virtualSchema(f.b.dbName(tn)) != nil {
			return false
		}
		t, err := f.b.table(f.b.ctx, tn)
		if err != nil || t.ColumnIndex(col) >= 0 {
			return false
		}
	}
	return true
}

// fromTables are the names (aliases where given) of the tables a FROM
// clause joins, lower-cased, and the tables it names, nil where it reads
// anything but tables (a derived table).
func fromTables(from *ast.TableRefsClause) (map[string]bool, []*ast.TableName) {
	out := map[string]bool{}
	if from == nil {
		return out, []*ast.TableName{} // no table has any column
	}
	var sources []*ast.TableName
	plain := true
	var walk func(r ast.ResultSetNode)
	walk = func(r ast.ResultSetNode) {
		switch n := r.(type) {
		case *ast.Join:
			walk(n.Left)
			if n.Right != nil {
				walk(n.Right)
			}
		case *ast.TableSource:
			switch src := n.Source.(type) {
			case *ast.TableName:
				name := src.Name.L
				if n.AsName.L != "" {
					name = n.AsName.L
				}
				out[name] = true
				sources = append(sources, src)
			default:
				plain = false
				if n.AsName.L != "" {
					out[n.AsName.L] = true
				}
			}
		default:
			plain = false
		}
	}
	walk(from.TableRefs)
	if !plain {
		sources = nil
	}
	return out, sources
}

// outerAggregate is the outer reference to the enclosing query's value of
// a, when a is one of its aggregates (see ownedAggregates).
func (b *Binder) outerAggregate(a *ast.AggregateFuncExpr) (*stage.ColumnRef, bool) {
	if len(b.outer) == 0 {
		return nil, false
	}
	ref, ok := b.outer[len(b.outer)-1].aggregates[restore(a)]
	if !ok {
		return nil, false
	}
	return &stage.ColumnRef{Index: logical.OuterBase + ref.Index, Name: ref.Name, T: ref.T}, true
}

// withoutOuterAggregates is aggs without the enclosing query's.
func (b *Binder) withoutOuterAggregates(aggs []*ast.AggregateFuncExpr) []*ast.AggregateFuncExpr {
	if len(b.outer) == 0 || len(b.outer[len(b.outer)-1].aggregates) == 0 {
		return aggs
	}
	var out []*ast.AggregateFuncExpr
	for _, a := range aggs {
		if _, ok := b.outerAggregate(a); !ok {
			out = append(out, a)
		}
	}
	return out
}
