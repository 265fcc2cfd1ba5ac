package binder

import (
	"context"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// bindQuery binds any query expression: a SELECT block or a set operation.
func (b *Binder) bindQuery(ctx context.Context, n ast.ResultSetNode) (logical.Plan, error) {
	switch q := n.(type) {
	case *ast.SelectStmt:
		return b.bindSelect(ctx, q)
	case *ast.SetOprStmt:
		return b.bindSetOpr(ctx, q)
	case *ast.SubqueryExpr:
		return b.bindQuery(ctx, q.Query)
	}
	return nil, qerr.ErrUnsupported.New("query %T", n)
}

// from binds a FROM clause: its plan and the columns it makes visible.
func (b *Binder) from(ctx context.Context, from *ast.TableRefsClause) (logical.Plan, *scope, error) {
	if from == nil {
		return &logical.Values{Rows: [][]stage.Expr{{}}, Names: []string{}}, &scope{}, nil
	}
	return b.fromNode(ctx, from.TableRefs)
}

func (b *Binder) fromNode(ctx context.Context, n ast.ResultSetNode) (logical.Plan, *scope, error) {
	switch n := n.(type) {
	case *ast.Join:
		if n.Right == nil {
			return b.fromNode(ctx, n.Left)
		}
		return b.join(ctx, n)
	case *ast.TableSource:
		return b.tableSource(ctx, n)
	}
	return nil, nil, qerr.ErrUnsupported.New("FROM %T", n)
}

func (b *Binder) tableSource(ctx context.Context, ts *ast.TableSource) (logical.Plan, *scope, error) {
	alias := ts.AsName.L
	switch src := ts.Source.(type) {
	case *ast.TableName:
		if src.Schema.O == "" {
			if cte := b.cte(src.Name.L); cte != nil {
				return b.cteSource(ctx, cte, alias)
			}
		}
		return b.scanTable(ctx, src, alias)
	case *ast.SelectStmt, *ast.SetOprStmt:
		if alias == "" {
			return nil, nil, qerr.ErrInvalid.New("every derived table must have its own alias")
		}
		p, err := b.bindQuery(ctx, src)
		if err != nil {
			return nil, nil, err
		}
		return p, scopeOf(p, alias, nil), nil
	case *ast.Join:
		return b.join(ctx, src)
	}
	return nil, nil, qerr.ErrUnsupported.New("FROM %T", ts.Source)
}

func (b *Binder) scanTable(ctx context.Context, tn *ast.TableName, alias string) (logical.Plan, *scope, error) {
	if vs := b.virtualSchema(b.dbName(tn)); vs != nil {
		return b.virtualSource(ctx, vs, tn.Name.O, alias)
	}
	t, err := b.table(ctx, tn)
	if qerr.Has(err, qerr.ErrNotFound) {
		if v, verr := b.cat.GetView(ctx, b.dbName(tn), tn.Name.O); verr == nil {
			return b.viewSource(ctx, v, alias)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if alias == "" {
		alias = strings.ToLower(t.Name)
	}
	b.need(catalog.PrivSelect, t.Database, t.Name)
	t, external, err := externalScan(t)
	if err != nil {
		return nil, nil, err
	}
	scan := &logical.Scan{ID: len(b.tables), Database: t.Database, Table: t.Name,
		Files: len(t.Snapshot.Files), Rows: t.Snapshot.Rows(), External: external}
	b.tables[scan.ID] = t
	sc := &scope{}
	for _, c := range t.Columns {
		scan.Columns = append(scan.Columns, c.FileName()) // what the files call it
		scan.Types = append(scan.Types, c.Type)
		sc.cols = append(sc.cols, scopeColumn{table: alias, name: c.Name, typ: c.Type})
	}
	scan.NDV, scan.Ranges = columnEstimates(t)
	if len(t.DistributionKeys) > 0 {
		scan.Buckets = t.Partitions
		for _, k := range t.DistributionKeys {
			scan.BucketKeys = append(scan.BucketKeys, t.ColumnIndex(k))
		}
	}
	return scan, sc, nil
}

// scopeOf names a plan's output columns under one qualifier, with names
// overridden by a column list (a CTE's or a derived table's).
func scopeOf(p logical.Plan, alias string, names []ast.CIStr) *scope {
	sc := &scope{}
	for i, f := range p.Schema().Fields() {
		name := f.Name
		if i < len(names) {
			name = names[i].O
		}
		sc.cols = append(sc.cols, scopeColumn{table: alias, name: name, typ: f.Type})
	}
	return sc
}

// pushCTEs brings a WITH clause's names into scope; pop removes them.
func (b *Binder) pushCTEs(w *ast.WithClause) (pop func(), err error) {
	if w.IsRecursive {
		return nil, qerr.ErrUnsupported.New("WITH RECURSIVE")
	}
	b.ctes = append(b.ctes, w.CTEs)
	return func() { b.ctes = b.ctes[:len(b.ctes)-1] }, nil
}

// cte finds a WITH name, innermost clause first.
func (b *Binder) cte(name string) *ast.CommonTableExpression {
	for i := len(b.ctes) - 1; i >= 0; i-- {
		for _, c := range b.ctes[i] {
			if c.Name.L == name {
				return c
			}
		}
	}
	return nil
}

// cteSource binds a reference to a common table expression. Each reference
// is planned anew (inlined), so a CTE used twice is computed twice. Its body
// sees the WITH clauses around its own and the CTEs defined before it in
// its clause, not itself or later ones.
func (b *Binder) cteSource(ctx context.Context, cte *ast.CommonTableExpression, alias string) (logical.Plan, *scope, error) {
	saved := b.ctes
	for i := len(b.ctes) - 1; i >= 0; i-- {
		for k, c := range b.ctes[i] {
			if c == cte {
				b.ctes = append(append([][]*ast.CommonTableExpression(nil), b.ctes[:i]...), b.ctes[i][:k])
				i = -1
				break
			}
		}
	}
	p, err := b.bindQuery(ctx, cte.Query)
	b.ctes = saved
	if err != nil {
		return nil, nil, err
	}
	if alias == "" {
		alias = cte.Name.L
	}
	if n := len(cte.ColNameList); n > 0 && n != p.Schema().NumFields() {
		return nil, nil, qerr.ErrInvalid.New("WITH %s names %d columns, its query has %d", cte.Name.O, n, p.Schema().NumFields())
	}
	return p, scopeOf(p, alias, cte.ColNameList), nil
}

// join binds a join of two FROM items. The ON condition stays whole on the
// Join; the optimizer extracts equi-join keys and pushes single-side
// conjuncts down. A RIGHT join is a LEFT join with its sides swapped,
// projected back into left-then-right column order.
func (b *Binder) join(ctx context.Context, j *ast.Join) (logical.Plan, *scope, error) {
	lp, ls, err := b.fromNode(ctx, j.Left)
	if err != nil {
		return nil, nil, err
	}
	rp, rs, err := b.fromNode(ctx, j.Right)
	if err != nil {
		return nil, nil, err
	}
	kind := stage.InnerJoin
	switch j.Tp {
	case ast.LeftJoin, ast.RightJoin:
		kind = stage.LeftJoin
	case ast.FullJoin:
		kind = stage.FullJoin
	}
	using := j.Using
	if j.NaturalJoin {
		// NATURAL JOIN is USING every column name the two sides share.
		for _, r := range rs.cols {
			for _, l := range ls.cols {
				if !l.hidden && !r.hidden && strings.EqualFold(l.name, r.name) {
					using = append(using, &ast.ColumnName{Name: ast.NewCIStr(r.name)})
					break
				}
			}
		}
	}
	sc := &scope{cols: append(append([]scopeColumn(nil), ls.cols...), rs.cols...)}
	nLeft := len(ls.cols)
	var cond stage.Expr
	if j.On != nil {
		cond, err = b.expr(sc, j.On.Expr)
		if err != nil {
			return nil, nil, err
		}
	}
	var coalesced [][2]*stage.ColumnRef // FULL JOIN USING: each column's two copies
	for _, u := range using {
		l, err := ls.resolve(u)
		if err != nil {
			return nil, nil, err
		}
		r, err := rs.resolve(u)
		if err != nil {
			return nil, nil, err
		}
		r = &stage.ColumnRef{Index: nLeft + r.Index, Name: r.Name, T: r.T}
		cond = logical.And(cond, &stage.Call{Fn: "=", Args: []stage.Expr{l, r}, T: boolType})
		// USING shows the column once: the left copy (the right one for a
		// RIGHT join) answers to the bare name; for a FULL join neither
		// does but their COALESCE, added below.
		switch j.Tp {
		case ast.RightJoin:
			sc.cols[l.Index].hidden = true
		case ast.FullJoin:
			sc.cols[l.Index].hidden, sc.cols[r.Index].hidden = true, true
			coalesced = append(coalesced, [2]*stage.ColumnRef{l, r})
		default:
			sc.cols[r.Index].hidden = true
		}
	}
	if j.Tp == ast.RightJoin {
		// Swap: the right side drives. Conditions address left++right, so
		// renumber them for right++left.
		nRight := len(rs.cols)
		swap := func(c *stage.ColumnRef) stage.Expr {
			i := c.Index + nRight
			if c.Index >= nLeft {
				i = c.Index - nLeft
			}
			return &stage.ColumnRef{Index: i, Name: c.Name, T: c.T}
		}
		if cond != nil {
			cond = stage.RewriteColumns(cond, swap)
		}
		joined := &logical.Join{Left: rp, Right: lp, Kind: stage.LeftJoin, Cond: cond, MarkIn: -1}
		back := &logical.Project{Input: joined}
		for i, c := range sc.cols {
			ref := swap(&stage.ColumnRef{Index: i, Name: c.name, T: c.typ})
			back.Exprs, back.Names = append(back.Exprs, ref), append(back.Names, c.name)
		}
		return back, sc, nil
	}
	joined := &logical.Join{Left: lp, Right: rp, Kind: kind, Cond: cond, MarkIn: -1}
	if len(coalesced) == 0 {
		return joined, sc, nil
	}
	return usingFull(joined, sc, coalesced)
}

// usingFull gives a FULL join's USING columns their value: the COALESCE of
// the two copies (either may be the NULL of a missing match), unqualified,
// just before the left copy, where * lists the column as DuckDB does; the
// copies stay reachable by their qualified names.
func usingFull(joined *logical.Join, sc *scope, coalesced [][2]*stage.ColumnRef) (logical.Plan, *scope, error) {
	p := &logical.Project{Input: joined}
	out := &scope{}
	for i, c := range sc.cols {
		for _, pair := range coalesced {
			if pair[0].Index != i {
				continue
			}
			v, err := coalesceFunc("coalesce", []stage.Expr{pair[0], pair[1]})
			if err != nil {
				return nil, nil, err
			}
			p.Exprs, p.Names = append(p.Exprs, v), append(p.Names, c.name)
			out.cols = append(out.cols, scopeColumn{name: c.name, typ: v.Type()})
		}
		p.Exprs, p.Names = append(p.Exprs, &stage.ColumnRef{Index: i, Name: c.name, T: c.typ}), append(p.Names, c.name)
		out.cols = append(out.cols, c)
	}
	return p, out, nil
}

// bindSetOpr binds UNION / INTERSECT / EXCEPT, left to right as the parser
// nested them, unifying column types; ORDER BY and LIMIT apply to the result.
func (b *Binder) bindSetOpr(ctx context.Context, s *ast.SetOprStmt) (logical.Plan, error) {
	if s.With != nil {
		pop, err := b.pushCTEs(s.With)
		if err != nil {
			return nil, err
		}
		defer pop()
	}
	p, err := b.setOprList(ctx, s.SelectList)
	if err != nil {
		return nil, err
	}
	return b.orderAndLimit(p, s.OrderBy, s.Limit)
}

func (b *Binder) setOprList(ctx context.Context, l *ast.SetOprSelectList) (logical.Plan, error) {
	if l.With != nil {
		pop, err := b.pushCTEs(l.With)
		if err != nil {
			return nil, err
		}
		defer pop()
	}
	var acc logical.Plan
	for _, n := range l.Selects {
		var p logical.Plan
		var op *ast.SetOprType
		var err error
		switch n := n.(type) {
		case *ast.SelectStmt:
			p, err = b.bindSelect(ctx, n)
			op = n.AfterSetOperator
		case *ast.SetOprSelectList:
			p, err = b.setOprList(ctx, n)
			op = n.AfterSetOperator
		default:
			err = qerr.ErrUnsupported.New("set operand %T", n)
		}
		if err != nil {
			return nil, err
		}
		if acc == nil {
			acc = p
			continue
		}
		acc, err = setOp(acc, p, op)
		if err != nil {
			return nil, err
		}
	}
	return b.orderAndLimit(acc, l.OrderBy, l.Limit)
}

var setOpKinds = map[ast.SetOprType]stage.SetOpKind{
	ast.Union: stage.Union, ast.UnionAll: stage.UnionAll, ast.Intersect: stage.Intersect,
	ast.IntersectAll: stage.IntersectAll, ast.Except: stage.Except, ast.ExceptAll: stage.ExceptAll,
}

func setOp(l, r logical.Plan, op *ast.SetOprType) (logical.Plan, error) {
	if op == nil {
		return nil, qerr.ErrInvalid.New("set operation without an operator")
	}
	ls, rs := l.Schema(), r.Schema()
	if ls.NumFields() != rs.NumFields() {
		return nil, qerr.ErrInvalid.New("the used SELECT statements have a different number of columns (%d and %d)", ls.NumFields(), rs.NumFields())
	}
	types := make([]arrow.DataType, ls.NumFields())
	for i := range types {
		t, err := unionType(ls.Field(i).Type, rs.Field(i).Type)
		if err != nil {
			return nil, err
		}
		types[i] = t
	}
	return &logical.SetOp{Inputs: []logical.Plan{castColumns(l, types), castColumns(r, types)}, Kind: setOpKinds[*op]}, nil
}

// castColumns projects p's columns to types where they differ.
func castColumns(p logical.Plan, types []arrow.DataType) logical.Plan {
	s := p.Schema()
	same := true
	proj := &logical.Project{Input: p}
	for i, f := range s.Fields() {
		ref := &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}
		proj.Exprs, proj.Names = append(proj.Exprs, coerce(ref, types[i])), append(proj.Names, f.Name)
		same = same && arrow.TypeEqual(f.Type, types[i])
	}
	if same {
		return p
	}
	return proj
}

// unionType is the type two inputs of a set operation unify to.
func unionType(a, b arrow.DataType) (arrow.DataType, error) {
	switch {
	case arrow.TypeEqual(a, b):
		return a, nil
	case a.ID() == arrow.NULL:
		return b, nil
	case b.ID() == arrow.NULL:
		return a, nil
	case isFloat(a) || isFloat(b):
		if isNumeric(a) && isNumeric(b) {
			return arrow.PrimitiveTypes.Float64, nil
		}
	case isNumeric(a) && isNumeric(b):
		if !isDecimal(a) && !isDecimal(b) {
			return arrow.PrimitiveTypes.Int64, nil
		}
		p1, s1 := decimalOf(a)
		p2, s2 := decimalOf(b)
		s := max(s1, s2)
		return decimal(max(p1-s1, p2-s2)+s, s), nil
	case a.ID() == arrow.STRING || b.ID() == arrow.STRING:
		return arrow.BinaryTypes.String, nil
	case a.ID() == arrow.DATE32 && b.ID() == arrow.TIMESTAMP, a.ID() == arrow.TIMESTAMP && b.ID() == arrow.DATE32:
		return &arrow.TimestampType{Unit: arrow.Microsecond}, nil
	}
	return nil, qerr.ErrUnsupported.New("no common type of %s and %s", a, b)
}

// orderAndLimit applies the ORDER BY and LIMIT of a set operation to its
// result: keys name output columns (by name or position) or expressions
// over them.
func (b *Binder) orderAndLimit(p logical.Plan, ob *ast.OrderByClause, l *ast.Limit) (logical.Plan, error) {
	if ob != nil {
		sc := scopeOf(p, "", nil)
		var keys []stage.SortKey
		for _, item := range ob.Items {
			var e stage.Expr
			if n, ok := position(item.Expr); ok {
				if n < 1 || n > len(sc.cols) {
					return nil, qerr.ErrInvalid.New("ORDER BY position %d is not in the select list", n)
				}
				c := sc.cols[n-1]
				e = &stage.ColumnRef{Index: n - 1, Name: c.name, T: c.typ}
			} else {
				var err error
				if e, err = b.expr(sc, item.Expr); err != nil {
					return nil, err
				}
			}
			keys = append(keys, stage.SortKey{Expr: e, Desc: item.Desc, NullsFirst: !item.Desc})
		}
		p = &logical.Sort{Input: p, Keys: keys}
	}
	if l != nil {
		lim, err := b.limit(l)
		if err != nil {
			return nil, err
		}
		lim.Input = p
		p = lim
	}
	return p, nil
}
