package binder

import (
	"slices"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
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
// subquery's, or unqualified, a column of the enclosing query that no item
// of the subquery's FROM has (tables of the catalog, and derived tables
// whose select lists name their columns). Any other aggregate of outer
// columns only is refused (aggCall): where the subquery reads a CTE, a
// view or a set operation, the binder cannot tell whose the name is
// beforehand.

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
	f := &ownerFinder{b: b, sc: sc, outer: tables, seen: map[string]bool{}, tables: map[*ast.TableName]*catalog.Table{}}
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
	// tables are the catalog's answers for the subqueries' tables, read
	// once however many aggregates and columns ask.
	tables map[*ast.TableName]*catalog.Table
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
	if sel.With != nil {
		// Its FROM may name its own CTEs, which are not in scope yet: an
		// unqualified name is not known to be the enclosing query's.
		sources = append(sources, &ast.TableSource{})
	}
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
// and none of the subquery's FROM items' (sources).
func (f *ownerFinder) owns(a *ast.AggregateFuncExpr, inner map[string]bool, sources []*ast.TableSource) bool {
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
		if _, err := f.sc.resolve(c.Name); err != nil {
			return false
		}
		for _, ts := range sources {
			if has, known := f.hasColumn(ts, c.Name.Name.L); has || !known {
				return false
			}
		}
	}
	return true
}

// hasColumn reports whether the FROM item ts has a column named col, and
// whether that is known before binding: for a table of the catalog, and
// for a derived table whose select list names its columns (or takes them
// with * from such items); not for a CTE, a view, a system table or a set
// operation.
func (f *ownerFinder) hasColumn(ts *ast.TableSource, col string) (has, known bool) {
	switch src := ts.Source.(type) {
	case *ast.TableName:
		if src.Schema.O == "" {
			if cte := f.b.cte(src.Name.L); cte != nil {
				return f.cteHasColumn(cte, col)
			}
		}
		if f.b.virtualSchema(f.b.dbName(src)) != nil {
			return false, false
		}
		t, ok := f.tables[src]
		if !ok {
			t, _ = f.b.table(f.b.ctx, src) // nil: not a table of the catalog
			f.tables[src] = t
		}
		if t == nil {
			return false, false
		}
		return t.ColumnIndex(col) >= 0, true
	case *ast.SelectStmt:
		return f.selectHasColumn(src, col)
	case *ast.Join:
		_, items := fromTables(&ast.TableRefsClause{TableRefs: src})
		for _, item := range items {
			if has, known := f.hasColumn(item, col); has || !known {
				return has, known
			}
		}
		return false, true
	}
	return false, false
}

// cteHasColumn is hasColumn of a CTE in scope: its column list, or its
// query's select list (a recursive one is not known).
func (f *ownerFinder) cteHasColumn(cte *ast.CommonTableExpression, col string) (has, known bool) {
	if len(cte.ColNameList) > 0 {
		return slices.ContainsFunc(cte.ColNameList, func(n ast.CIStr) bool { return n.L == col }), true
	}
	sel, ok := cte.Query.Query.(*ast.SelectStmt)
	if !ok || cte.IsRecursive {
		return false, false
	}
	return f.selectHasColumn(sel, col)
}

// selectHasColumn is hasColumn of a derived table's query.
func (f *ownerFinder) selectHasColumn(src *ast.SelectStmt, col string) (has, known bool) {
	if src.With != nil {
		return false, false // its FROM may name its own CTEs
	}
	for _, fd := range src.Fields.Fields {
		if fd.WildCard != nil {
			// Every column of the items it reads (or of the one it
			// names: a superset answers as well).
			_, items := fromTables(src.From)
			for _, item := range items {
				if has, known := f.hasColumn(item, col); has || !known {
					return has, known
				}
			}
			continue
		}
		name := fd.AsName.L
		if name == "" {
			if c, ok := unparen(fd.Expr).(*ast.ColumnNameExpr); ok {
				name = c.Name.Name.L
			} else {
				name = strings.ToLower(fd.Text())
			}
		}
		if name == col {
			return true, true
		}
	}
	return false, true
}

// fromTables are the names (aliases where given) of the items a FROM
// clause joins, lower-cased, and the items.
func fromTables(from *ast.TableRefsClause) (map[string]bool, []*ast.TableSource) {
	out := map[string]bool{}
	if from == nil {
		return out, nil
	}
	var items []*ast.TableSource
	var walk func(r ast.ResultSetNode)
	walk = func(r ast.ResultSetNode) {
		switch n := r.(type) {
		case *ast.Join:
			walk(n.Left)
			if n.Right != nil {
				walk(n.Right)
			}
		case *ast.TableSource:
			items = append(items, n)
			name := n.AsName.L
			if tn, ok := n.Source.(*ast.TableName); ok && name == "" {
				name = tn.Name.L
			}
			if name != "" {
				out[name] = true
			}
		}
	}
	walk(from.TableRefs)
	return out, items
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
