package binder

import (
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Subqueries never reach the workers as subqueries: the binder joins each
// onto the plan it appears in, and a correlated one becomes an Apply that
// the optimizer (opt.DecorrelateApply) turns into such a join.
//
//	WHERE [NOT] EXISTS (q)         semi (anti) join on q's correlation
//	WHERE x [NOT] IN (q)           semi (anti) join on x = q's column; NOT IN
//	                               adds SQL's NULL rules to the condition
//	other EXISTS / IN (in OR, in   mark join: a boolean column per row
//	the select list)
//	scalar (q)                     left join with q grouped by its
//	                               correlation columns; count becomes 0
//
// While a subquery is bound, names it cannot resolve are looked up in the
// enclosing query's scope and become outer references: column references
// numbered from logical.OuterBase, to the columns of the plan the subquery
// joins onto. Decorrelation lifts the predicates that hold them out of the
// subquery's plan; they become the join's condition.

// applyCtx is the plan that the expressions being bound read from; binding
// a subquery joins onto it.
type applyCtx struct {
	plan logical.Plan
	// sc is the scope correlated subqueries resolve outer names in.
	sc *scope
	// bind binds the other operand of a subquery comparison (the x of
	// x IN (q)) where the subquery stands.
	bind func(ast.ExprNode) (stage.Expr, error)
}

// subqueryLeaf binds the subquery forms of an expression.
func (b *Binder) subqueryLeaf(e ast.ExprNode) (stage.Expr, bool, error) {
	switch e := e.(type) {
	case *ast.WindowFuncExpr:
		if ref, ok := b.windowCols[restore(e)]; ok {
			return ref, true, nil
		}
		return nil, true, qerr.ErrInvalid.New("window function %s is not allowed here", e.Name)
	case *ast.SubqueryExpr, *ast.ExistsSubqueryExpr:
		out, err := b.subqueryExpr(e)
		return out, true, err
	case *ast.PatternInExpr:
		if e.Sel != nil {
			out, err := b.subqueryExpr(e)
			return out, true, err
		}
	case *ast.CompareSubqueryExpr:
		// x = ANY (q) is x IN (q); x <> ALL (q) is x NOT IN (q).
		in := &ast.PatternInExpr{Expr: e.L, Sel: e.R}
		switch {
		case e.Op == opcode.EQ && !e.All:
		case e.Op == opcode.NE && e.All:
			in.Not = true
		default:
			out, err := b.quantified(e)
			return out, true, err
		}
		out, err := b.subqueryExpr(in)
		return out, true, err
	}
	return nil, false, nil
}

// resolveOuter resolves a name in the enclosing queries, for a correlated
// subquery. A name of a query further out than the enclosing one reaches
// the subquery through each query in between: each plan that the next
// subquery in joins onto gets a column that is the outer reference one
// level out, so that every Apply reads its own outer query only, and
// decorrelating the inner one leaves an outer reference for the next.
func (b *Binder) resolveOuter(c *ast.ColumnName) (*stage.ColumnRef, bool) {
	for level := len(b.outer) - 1; level >= 0; level-- {
		ref, err := b.outer[level].resolve(c)
		if err != nil {
			continue
		}
		out := &stage.ColumnRef{Index: logical.OuterBase + ref.Index, Name: ref.Name, T: ref.T}
		for l := level + 1; l < len(b.outer); l++ {
			out = &stage.ColumnRef{Index: logical.OuterBase + exposeColumn(b.outerPlans[l], out), Name: out.Name, T: out.T}
		}
		return out, true
	}
	return nil, false
}

// exposeColumn appends e to the columns of *p and returns its position.
func exposeColumn(p *logical.Plan, e stage.Expr) int {
	in := *p
	out := &logical.Project{Input: in}
	for i, f := range in.Schema().Fields() {
		out.Exprs = append(out.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		out.Names = append(out.Names, f.Name)
	}
	out.Exprs = append(out.Exprs, e)
	out.Names = append(out.Names, e.(*stage.ColumnRef).Name)
	*p = out
	return len(out.Exprs) - 1
}

// subquery binds q as a subquery of the query whose scope is outer and
// whose plan *onto is what q joins onto (a reference from a subquery of
// q's to a column further out may extend it: resolveOuter); correlated
// says whether its plan holds outer references.
func (b *Binder) subquery(q ast.ResultSetNode, outer *scope, onto *logical.Plan) (p logical.Plan, correlated bool, err error) {
	return b.subqueryWrapped(q, outer, onto, nil)
}

// subqueryWrapped is subquery with the bound plan wrapped by wrap, when
// given.
func (b *Binder) subqueryWrapped(q ast.ResultSetNode, outer *scope, onto *logical.Plan, wrap func(logical.Plan) (logical.Plan, error)) (p logical.Plan, correlated bool, err error) {
	b.outer, b.outerPlans = append(b.outer, outer), append(b.outerPlans, onto)
	saved := b.apply
	b.apply = nil
	p, err = b.bindQuery(b.ctx, q)
	b.apply = saved
	b.outer, b.outerPlans = b.outer[:len(b.outer)-1], b.outerPlans[:len(b.outerPlans)-1]
	if err != nil {
		return nil, false, err
	}
	if wrap != nil {
		if p, err = wrap(p); err != nil {
			return nil, false, err
		}
	}
	return p, logical.HasOuterRefs(p), nil
}

// subqueryJoin is j, the join of a subquery's plan (j.Right) onto the plan
// it appears in, or the Apply that becomes j once decorrelated when the
// subquery is correlated.
func subqueryJoin(j *logical.Join, correlated bool) logical.Plan {
	if !correlated {
		return j
	}
	return &logical.Apply{Outer: j.Left, Inner: j.Right, Kind: j.Kind, Cond: j.Cond,
		MarkIn: j.MarkIn, RightMark: j.RightMark, MarkName: j.MarkName}
}

// where binds a WHERE clause over input. Conjuncts that are [NOT] EXISTS or
// [NOT] IN of a subquery become semi and anti joins; subqueries elsewhere
// join onto the plan as the expressions are bound.
func (b *Binder) where(sc *scope, input logical.Plan, cond ast.ExprNode) (logical.Plan, error) {
	var rest []ast.ExprNode
	for _, c := range splitAST(cond) {
		joined, ok, err := b.semiJoin(sc, input, c)
		if err != nil {
			return nil, err
		}
		if ok {
			input = joined
			continue
		}
		rest = append(rest, c)
	}
	// The conditions without subqueries filter first: a subquery's outer
	// plan is then the filtered rows, which is what a reference to them
	// from a subquery further in is decorrelated against.
	var plain, withSubquery []ast.ExprNode
	for _, c := range rest {
		if hasSubquery(c) {
			withSubquery = append(withSubquery, c)
		} else {
			plain = append(plain, c)
		}
	}
	bindAll := func(input logical.Plan, cs []ast.ExprNode) (logical.Plan, error) {
		if len(cs) == 0 {
			return input, nil
		}
		saved := b.apply
		b.apply = &applyCtx{plan: input, sc: sc, bind: func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) }}
		defer func() { b.apply = saved }()
		var conds []stage.Expr
		for _, c := range cs {
			e, err := b.expr(sc, c)
			if err != nil {
				return nil, err
			}
			conds = append(conds, e)
		}
		return &logical.Filter{Input: b.apply.plan, Cond: logical.AndAll(conds)}, nil
	}
	input, err := bindAll(input, plain)
	if err != nil {
		return nil, err
	}
	return bindAll(input, withSubquery)
}

// hasSubquery reports whether e holds a subquery.
func hasSubquery(e ast.ExprNode) bool {
	f := &subqueryFinder{}
	e.Accept(f)
	return f.found
}

type subqueryFinder struct{ found bool }

func (f *subqueryFinder) Enter(n ast.Node) (ast.Node, bool) {
	if _, ok := n.(*ast.SubqueryExpr); ok {
		f.found = true
	}
	return n, f.found
}

func (f *subqueryFinder) Leave(n ast.Node) (ast.Node, bool) { return n, true }

func splitAST(e ast.ExprNode) []ast.ExprNode {
	switch n := e.(type) {
	case *ast.ParenthesesExpr:
		return splitAST(n.Expr)
	case *ast.BinaryOperationExpr:
		if n.Op == opcode.LogicAnd {
			return append(splitAST(n.L), splitAST(n.R)...)
		}
	}
	return []ast.ExprNode{e}
}

// semiJoin turns a top-level [NOT] EXISTS / [NOT] IN subquery conjunct into
// a semi or anti join of input.
func (b *Binder) semiJoin(sc *scope, input logical.Plan, c ast.ExprNode) (logical.Plan, bool, error) {
	not := false
	for {
		if u, ok := c.(*ast.UnaryOperationExpr); ok && (u.Op == opcode.Not || u.Op == opcode.Not2) {
			not, c = !not, u.V
			continue
		}
		if p, ok := c.(*ast.ParenthesesExpr); ok {
			c = p.Expr
			continue
		}
		break
	}
	kind := stage.SemiJoin
	switch e := c.(type) {
	case *ast.ExistsSubqueryExpr:
		sub, ok := e.Sel.(*ast.SubqueryExpr)
		if !ok {
			return nil, false, nil
		}
		if e.Not != not {
			kind = stage.AntiJoin
		}
		r, correlated, err := b.subquery(sub.Query, sc, &input)
		if err != nil {
			return nil, false, err
		}
		return subqueryJoin(&logical.Join{Left: input, Right: r, Kind: kind, MarkIn: -1}, correlated), true, nil
	case *ast.PatternInExpr:
		sub, ok := e.Sel.(*ast.SubqueryExpr)
		if !ok {
			return nil, false, nil
		}
		xs, err := b.inValues(e.Expr, func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) })
		if err != nil {
			return nil, false, err
		}
		r, correlated, err := b.subquery(sub.Query, sc, &input)
		if err != nil {
			return nil, false, err
		}
		if err := inWidth(len(xs), r); err != nil {
			return nil, false, err
		}
		nLeft := input.Schema().NumFields()
		// (x1, x2) IN (q) matches a row where every xi equals its column.
		// x NOT IN (q) is false where x matches a row, and unknown (so the
		// row is dropped) where a NULL might: for a row of x, where each
		// xi equals its column or one of the two is NULL.
		var cond stage.Expr
		if e.Not != not {
			kind = stage.AntiJoin
		}
		for i, x := range xs {
			f := r.Schema().Field(i)
			y := &stage.ColumnRef{Index: nLeft + i, Name: f.Name, T: f.Type}
			c, err := b.compare("=", x, y)
			if err != nil {
				return nil, false, err
			}
			if kind == stage.AntiJoin {
				c = orAll(c, isNull(x), isNull(y))
			}
			cond = logical.And(cond, c)
		}
		return subqueryJoin(&logical.Join{Left: input, Right: r, Kind: kind, Cond: cond, MarkIn: -1}, correlated), true, nil
	}
	return nil, false, nil
}

func isNull(e stage.Expr) stage.Expr {
	return &stage.Call{Fn: "isnull", Args: []stage.Expr{e}, T: boolType}
}

func orAll(es ...stage.Expr) stage.Expr {
	out := es[0]
	for _, e := range es[1:] {
		out = &stage.Call{Fn: "or", Args: []stage.Expr{out, e}, T: boolType}
	}
	return out
}

// compare builds a comparison of a value with a subquery's column, both
// sides converted to one type (comparable), so that joins on it hash alike.
func (b *Binder) compare(op string, x, y stage.Expr) (stage.Expr, error) {
	x, y, err := comparable(x, y)
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: op, Args: []stage.Expr{x, y}, T: boolType}, nil
}

// comparable converts x and y to the one type MySQL compares them in (a
// string against a number as DOUBLE, against a date as the date; a NULL as
// the other side's type), or else to the type that holds both.
func comparable(x, y stage.Expr) (stage.Expr, stage.Expr, error) {
	if t := comparisonType(x.Type(), y.Type()); t != nil {
		return convertTo(x, t), convertTo(y, t), nil
	}
	if arrow.TypeEqual(x.Type(), y.Type()) {
		return x, y, nil
	}
	t, err := unionType(x.Type(), y.Type())
	if err != nil {
		return nil, nil, err
	}
	return convertTo(x, t), convertTo(y, t), nil
}

// onlyColumn is the column of a one-column plan.
func onlyColumn(p logical.Plan) *stage.ColumnRef {
	f := p.Schema().Field(0)
	return &stage.ColumnRef{Index: 0, Name: f.Name, T: f.Type}
}

// projectOnly is p with its only column replaced by y, an expression over it.
func projectOnly(p logical.Plan, y stage.Expr) logical.Plan {
	if c, ok := y.(*stage.ColumnRef); ok && c.Index == 0 {
		return p
	}
	return &logical.Project{Input: p, Exprs: []stage.Expr{y}, Names: []string{p.Schema().Field(0).Name}}
}

// subqueryExpr binds a subquery inside an expression: it joins onto the
// plan being bound (b.apply) and stands for a column of the join.
func (b *Binder) subqueryExpr(e ast.ExprNode) (stage.Expr, error) {
	if b.apply == nil {
		return nil, qerr.ErrUnsupported.New("a subquery in this clause")
	}
	sc := b.apply.sc
	var left logical.Plan
	var nLeft int
	// The plan the subquery joins onto, as its binding leaves it.
	bindSub := func(q ast.ResultSetNode) (logical.Plan, bool, error) {
		r, correlated, err := b.subquery(q, sc, &b.apply.plan)
		left = b.apply.plan
		nLeft = left.Schema().NumFields()
		return r, correlated, err
	}
	switch e := e.(type) {
	case *ast.SubqueryExpr:
		r, correlated, err := bindSub(e.Query)
		if err != nil {
			return nil, err
		}
		if visible := r.Schema().NumFields(); visible != 1 {
			return nil, qerr.ErrInvalid.New("scalar subquery must return one column, it returns %d", visible)
		}
		if v, ok := outerValue(r, nLeft); ok {
			b.apply.plan = subqueryJoin(&logical.Join{Left: left, Right: v.inner, Kind: stage.LeftJoin, MarkIn: -1}, true)
			return v.value, nil
		}
		// Correlated or not: a correlated one's count is per outer row
		// once decorrelated (an aggregate without groups, which the
		// decorrelation groups by the correlation), so an outer row that
		// two inner rows match fails instead of being answered twice.
		if !atMostOneRow(r) {
			r = singleRow(r)
		}
		b.apply.plan = subqueryJoin(&logical.Join{Left: left, Right: r, Kind: stage.LeftJoin, MarkIn: -1}, correlated)
		// A correlated subquery's value where no inner row matches (count
		// 0, not NULL) is the decorrelation's (opt.Decorrelate).
		f := r.Schema().Field(0)
		return &stage.ColumnRef{Index: nLeft, Name: f.Name, T: f.Type}, nil
	case *ast.ExistsSubqueryExpr:
		sub, ok := e.Sel.(*ast.SubqueryExpr)
		if !ok {
			return nil, qerr.ErrUnsupported.New("EXISTS of a non-subquery")
		}
		r, correlated, err := bindSub(sub.Query)
		if err != nil {
			return nil, err
		}
		b.apply.plan = subqueryJoin(&logical.Join{Left: left, Right: r, Kind: stage.MarkJoin, MarkIn: -1, MarkName: "exists"}, correlated)
		var mark stage.Expr = &stage.ColumnRef{Index: nLeft, Name: "exists", T: boolType}
		if e.Not {
			mark = &stage.Call{Fn: "not", Args: []stage.Expr{mark}, T: boolType}
		}
		return mark, nil
	case *ast.PatternInExpr:
		sub := e.Sel.(*ast.SubqueryExpr)
		bind := b.apply.bind
		if bind == nil {
			bind = func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) }
		}
		xs, err := b.inValues(e.Expr, bind)
		if err != nil {
			return nil, err
		}
		r, correlated, err := bindSub(sub.Query)
		if err != nil {
			return nil, err
		}
		if err := inWidth(len(xs), r); err != nil {
			return nil, err
		}
		if len(xs) > 1 {
			return b.rowInMark(xs, r, correlated, e.Not)
		}
		x := xs[0]
		// Both sides of the mark compare in one type, as MySQL compares them.
		x, y, err := comparable(x, onlyColumn(r))
		if err != nil {
			return nil, err
		}
		r = projectOnly(r, y)
		// The mark compares a column of the left side: project x onto it.
		left = b.apply.plan
		withX := &logical.Project{Input: left}
		for i, f := range left.Schema().Fields() {
			withX.Exprs = append(withX.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
			withX.Names = append(withX.Names, f.Name)
		}
		withX.Exprs, withX.Names = append(withX.Exprs, x), append(withX.Names, "in_value")
		nLeft = len(withX.Exprs)
		b.apply.plan = subqueryJoin(&logical.Join{Left: withX, Right: r, Kind: stage.MarkJoin,
			MarkIn: nLeft - 1, RightMark: 0, MarkName: "in"}, correlated)
		var mark stage.Expr = &stage.ColumnRef{Index: nLeft, Name: "in", T: boolType}
		if e.Not {
			mark = &stage.Call{Fn: "not", Args: []stage.Expr{mark}, T: boolType}
		}
		return mark, nil
	}
	return nil, qerr.ErrUnsupported.New("subquery form %T", e)
}

// inValues binds the values that IN compares: the elements of a row
// constructor, or the one value.
func (b *Binder) inValues(e ast.ExprNode, bind func(ast.ExprNode) (stage.Expr, error)) ([]stage.Expr, error) {
	es := rowElements(e)
	if es == nil {
		es = []ast.ExprNode{e}
	}
	out := make([]stage.Expr, len(es))
	for i, e := range es {
		x, err := bind(e)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// inWidth checks that an IN subquery returns one column per value compared.
func inWidth(values int, r logical.Plan) error {
	visible := r.Schema().NumFields()
	switch {
	case visible == values:
		return nil
	case values == 1:
		return qerr.ErrInvalid.New("IN subquery must return one column, it returns %d", visible)
	}
	return qerr.ErrInvalid.New("operand should contain %d columns: the row has %d values, the IN subquery returns %d columns", values, values, visible)
}

// rowInMark binds (x1, ..., xn) [NOT] IN (r) inside an expression. A mark
// join's IN compares one column, so the row takes two EXISTS marks, one
// for a row of r equal to x's and one for a row that might be:
//
//	match  some row of r where every xi = yi
//	maybe  some row of r where every xi = yi or one of them is NULL
//	IN  =  CASE WHEN match THEN TRUE WHEN maybe THEN NULL ELSE FALSE END
//
// The x's are columns projected onto the left side, and r's columns are
// converted to the types they compare in, so that both conditions read
// columns only.
func (b *Binder) rowInMark(xs []stage.Expr, r logical.Plan, correlated, not bool) (stage.Expr, error) {
	left := b.apply.plan
	withX := &logical.Project{Input: left}
	for i, f := range left.Schema().Fields() {
		withX.Exprs = append(withX.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		withX.Names = append(withX.Names, f.Name)
	}
	nLeft := len(withX.Exprs)
	ys := &logical.Project{Input: r}
	for i, x := range xs {
		f := r.Schema().Field(i)
		x, y, err := comparable(x, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		if err != nil {
			return nil, err
		}
		withX.Exprs = append(withX.Exprs, x)
		withX.Names = append(withX.Names, "in_value_"+strconv.Itoa(i+1))
		ys.Exprs = append(ys.Exprs, y)
		ys.Names = append(ys.Names, f.Name)
	}
	// cond is the join condition over the left side, whose x's start at
	// nLeft, and r's columns after the left side's width columns.
	cond := func(width int, maybe bool) stage.Expr {
		var out stage.Expr
		for i, y := range ys.Exprs {
			x := &stage.ColumnRef{Index: nLeft + i, Name: withX.Names[nLeft+i], T: y.Type()}
			yi := &stage.ColumnRef{Index: width + i, Name: ys.Names[i], T: y.Type()}
			c := stage.Expr(&stage.Call{Fn: "=", Args: []stage.Expr{x, yi}, T: boolType})
			if maybe {
				c = orAll(c, isNull(x), isNull(yi))
			}
			out = logical.And(out, c)
		}
		return out
	}
	width := len(withX.Exprs)
	match := subqueryJoin(&logical.Join{Left: withX, Right: ys, Kind: stage.MarkJoin,
		Cond: cond(width, false), MarkIn: -1, MarkName: "in_match"}, correlated)
	maybe := subqueryJoin(&logical.Join{Left: match, Right: b.rescan(ys), Kind: stage.MarkJoin,
		Cond: cond(width+1, true), MarkIn: -1, MarkName: "in_maybe"}, correlated)
	b.apply.plan = maybe
	null := &stage.Literal{Null: true, T: boolType}
	in := stage.Expr(&stage.Call{Fn: "case", T: boolType, Args: []stage.Expr{
		&stage.ColumnRef{Index: width, Name: "in_match", T: boolType}, &stage.Literal{Text: "true", T: boolType},
		&stage.ColumnRef{Index: width + 1, Name: "in_maybe", T: boolType}, null,
		&stage.Literal{Text: "false", T: boolType},
	}})
	if not {
		in = &stage.Call{Fn: "not", Args: []stage.Expr{in}, T: boolType}
	}
	return in, nil
}

// atMostOneRow reports whether a plan returns at most one row: an
// aggregate without groups, or a LIMIT of at most 1, under projections and
// filters.
func atMostOneRow(p logical.Plan) bool {
	for {
		switch n := p.(type) {
		case *logical.Project:
			p = n.Input
		case *logical.Filter:
			p = n.Input
		case *logical.Sort:
			p = n.Input
		case *logical.Aggregate:
			return len(n.GroupBy) == 0
		case *logical.Limit:
			return n.Count >= 0 && n.Count <= 1
		case *logical.Values:
			return len(n.Rows) <= 1
		default:
			return false
		}
	}
}

// oneRow reports whether p, an aggregation without groups under
// projections and sorts, always has exactly one row.
func oneRow(p logical.Plan) bool {
	for {
		switch n := p.(type) {
		case *logical.Project:
			p = n.Input
		case *logical.Sort:
			p = n.Input
		case *logical.Aggregate:
			return len(n.GroupBy) == 0
		default:
			return false
		}
	}
}

// scalarOuterValue is a scalar subquery whose value reads outer columns
// (SELECT t.a + s.b FROM s WHERE s.k = t.k): decorrelation lifts outer
// references out of conditions only, so the value is computed above the
// join instead, where both sides' columns are there. inner counts the
// subquery's rows and holds any one of them, as singleRow does; value is
// NULL where no row matched, MySQL's error where more than one did, and
// else the subquery's expression over the join's columns.
type scalarOuterValue struct {
	inner logical.Plan
	value stage.Expr
}

// outerValue splits r, a scalar subquery whose plan projects a value that
// reads outer columns of the plan it joins onto (nLeft columns), as
// scalarOuterValue says; false for any other r.
func outerValue(r logical.Plan, nLeft int) (scalarOuterValue, bool) {
	top, ok := r.(*logical.Project)
	if !ok || len(top.Exprs) != 1 || !logical.HasOuter(top.Exprs[0]) || oneRow(top.Input) {
		// A value over an aggregate without groups (ja.k + count(*)) has
		// its one row for every outer row, no rows matched or not: the
		// decorrelation computes it per outer value.
		return scalarOuterValue{}, false
	}
	outerOK := true
	agg := &logical.Aggregate{Input: top.Input, Aggs: []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}}, Names: []string{"rows"}}
	slot := map[int]int{} // an inner column -> its any_value's position in agg
	value := stage.RewriteColumns(top.Exprs[0], func(ref *stage.ColumnRef) stage.Expr {
		if logical.IsOuter(ref) {
			k := ref.Index - logical.OuterBase
			outerOK = outerOK && k < nLeft
			return &stage.ColumnRef{Index: k, Name: ref.Name, T: ref.T}
		}
		p, seen := slot[ref.Index]
		if !seen {
			p = len(agg.Aggs)
			slot[ref.Index] = p
			agg.Aggs = append(agg.Aggs, stage.AggCall{Fn: stage.AggAnyValue, Arg: ref, T: ref.T})
			agg.Names = append(agg.Names, ref.Name)
		}
		return &stage.ColumnRef{Index: nLeft + p, Name: ref.Name, T: ref.T}
	})
	if !outerOK {
		return scalarOuterValue{}, false // an outer reference further out
	}
	t := top.Exprs[0].Type()
	rows := &stage.ColumnRef{Index: nLeft, Name: "rows", T: arrowInt64}
	tooMany, fail := moreThanOneRow(rows, t)
	v := &stage.Call{Fn: "case", T: t, Args: []stage.Expr{
		tooMany, fail,
		orAll(isNull(rows), &stage.Call{Fn: "=", T: boolType, Args: []stage.Expr{rows, &stage.Literal{Text: "0", T: arrowInt64}}}),
		&stage.Literal{Null: true, T: t},
		value,
	}}
	return scalarOuterValue{inner: agg, value: v}, true
}

// moreThanOneRow is the condition that a scalar subquery's row count
// rows is above one, and MySQL's error for it as a value of type t.
func moreThanOneRow(rows stage.Expr, t arrow.DataType) (when, fail stage.Expr) {
	when = &stage.Call{Fn: ">", T: boolType, Args: []stage.Expr{rows, &stage.Literal{Text: "1", T: arrowInt64}}}
	fail = &stage.Call{Fn: "raise_error", T: t, Args: []stage.Expr{
		&stage.Literal{Text: "Subquery returns more than 1 row", T: arrow.BinaryTypes.String}}}
	return when, fail
}

// singleRow makes a scalar subquery fail, as MySQL does, when it returns
// more than one row (for an outer row, where it is correlated): it counts
// the rows beside any one value and raises an error for a count above one.
func singleRow(r logical.Plan) logical.Plan {
	f := r.Schema().Field(0)
	value := &stage.ColumnRef{Index: 0, Name: f.Name, T: f.Type}
	agg := &logical.Aggregate{Input: r,
		Aggs:  []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}, {Fn: stage.AggAnyValue, Arg: value, T: f.Type}},
		Names: []string{"rows", f.Name}}
	tooMany, fail := moreThanOneRow(&stage.ColumnRef{Index: 0, Name: "rows", T: arrowInt64}, f.Type)
	checked := &stage.Call{Fn: "case", T: f.Type, Args: []stage.Expr{tooMany, fail, &stage.ColumnRef{Index: 1, Name: f.Name, T: f.Type}}}
	return &logical.Project{Input: agg, Exprs: []stage.Expr{checked}, Names: []string{f.Name}}
}

// quantified binds x op ALL (q) and x op ANY (q) for an ordering op by
// comparing x with q's extreme value, with SQL's rules for empty and NULL
// inputs:
//
//	ALL: no rows → TRUE; x NULL → NULL; x fails the extreme → FALSE;
//	     some y NULL → NULL; else TRUE
//	ANY: no rows → FALSE; x NULL → NULL; x passes the extreme → TRUE;
//	     some y NULL → NULL; else FALSE
//
// q becomes an aggregate (extreme, count(*), count(y)) joined like a scalar
// subquery, so a correlated q is decorrelated the same way.
func (b *Binder) quantified(e *ast.CompareSubqueryExpr) (stage.Expr, error) {
	op, ok := comparisonOps[e.Op]
	if !ok || op == "=" || op == "<>" {
		return nil, qerr.ErrUnsupported.New("comparison %s with ANY/ALL of a subquery", e.Op)
	}
	sub, ok := e.R.(*ast.SubqueryExpr)
	if !ok || b.apply == nil {
		return nil, qerr.ErrUnsupported.New("ANY/ALL here")
	}
	x, err := b.apply.bind(e.L)
	if err != nil {
		return nil, err
	}
	greater := op == ">" || op == ">="
	// ALL compares with the value hardest to pass, ANY with the easiest.
	fn := stage.AggMin
	if greater == e.All {
		fn = stage.AggMax
	}
	wrap := func(p logical.Plan) (logical.Plan, error) {
		if p.Schema().NumFields() != 1 {
			return nil, qerr.ErrInvalid.New("ANY/ALL subquery must return one column, it returns %d", p.Schema().NumFields())
		}
		f := p.Schema().Field(0)
		y := &stage.ColumnRef{Index: 0, Name: f.Name, T: f.Type}
		return &logical.Aggregate{Input: p,
			Aggs:  []stage.AggCall{{Fn: fn, Arg: y, T: f.Type}, {Fn: stage.AggCountStar, T: arrowInt64}, {Fn: stage.AggCount, Arg: y, T: arrowInt64}},
			Names: []string{"extreme", "rows", "values"}}, nil
	}
	r, correlated, err := b.subqueryWrapped(sub.Query, b.apply.sc, &b.apply.plan, wrap)
	if err != nil {
		return nil, err
	}
	left := b.apply.plan
	nLeft := left.Schema().NumFields()
	b.apply.plan = subqueryJoin(&logical.Join{Left: left, Right: r, Kind: stage.LeftJoin, MarkIn: -1}, correlated)
	rs := r.Schema()
	col := func(i int) stage.Expr {
		return &stage.ColumnRef{Index: nLeft + i, Name: rs.Field(i).Name, T: rs.Field(i).Type}
	}
	// rows and values are 0, not NULL, where a correlated q matches no
	// row: the decorrelation gives a count its value over no rows.
	zero := &stage.Literal{Text: "0", T: arrowInt64}
	rows, values := col(1), col(2)
	cmp, err := b.compare(op, x, col(0))
	if err != nil {
		return nil, err
	}
	bool := func(v bool) stage.Expr {
		if v {
			return &stage.Literal{Text: "true", T: boolType}
		}
		return &stage.Literal{Text: "false", T: boolType}
	}
	null := &stage.Literal{Null: true, T: boolType}
	empty := &stage.Call{Fn: "=", Args: []stage.Expr{rows, zero}, T: boolType}
	someNull := &stage.Call{Fn: "<", Args: []stage.Expr{values, rows}, T: boolType}
	decided := cmp // ANY: x passes the easiest value
	if e.All {
		decided = &stage.Call{Fn: "not", Args: []stage.Expr{cmp}, T: boolType} // ALL: x fails the hardest
	}
	return &stage.Call{Fn: "case", T: boolType, Args: []stage.Expr{
		empty, bool(e.All),
		isNull(x), null,
		decided, bool(!e.All),
		someNull, null,
		bool(e.All),
	}}, nil
}
