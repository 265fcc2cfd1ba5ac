package binder

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Subqueries never reach the workers as subqueries: the binder decorrelates
// each into a join of the plan it appears in with the subquery's plan.
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
// numbered from outerBase. decorrelate lifts the predicates that hold them
// out of the subquery's plan; they become the join's condition.

// outerBase numbers outer references; no plan has this many columns.
const outerBase = 1 << 20

// applyCtx is the plan that the expressions being bound read from; binding
// a subquery joins onto it.
type applyCtx struct {
	plan stage.Plan
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

func isOuter(c *stage.ColumnRef) bool { return c.Index >= outerBase }

// resolveOuter resolves a name in the enclosing query, for a correlated
// subquery.
func (b *Binder) resolveOuter(c *ast.ColumnName) (*stage.ColumnRef, bool) {
	if len(b.outer) == 0 {
		return nil, false
	}
	ref, err := b.outer[len(b.outer)-1].resolve(c)
	if err != nil {
		return nil, false
	}
	return &stage.ColumnRef{Index: outerBase + ref.Index, Name: ref.Name, T: ref.T}, true
}

// subquery binds q as a subquery of the query whose scope is outer, and
// decorrelates it: corr are the lifted predicates, over the returned plan's
// columns and outer references. visible is how many of the plan's columns
// are the subquery's own (the rest feed corr).
func (b *Binder) subquery(q ast.ResultSetNode, outer *scope) (p stage.Plan, corr []stage.Expr, visible int, err error) {
	return b.subqueryWrapped(q, outer, nil)
}

// subqueryWrapped is subquery with the bound plan wrapped (before it is
// decorrelated) by wrap, when given.
func (b *Binder) subqueryWrapped(q ast.ResultSetNode, outer *scope, wrap func(stage.Plan) (stage.Plan, error)) (p stage.Plan, corr []stage.Expr, visible int, err error) {
	b.outer = append(b.outer, outer)
	saved := b.apply
	b.apply = nil
	p, err = b.bindQuery(b.ctx, q)
	b.apply = saved
	b.outer = b.outer[:len(b.outer)-1]
	if err != nil {
		return nil, nil, 0, err
	}
	if wrap != nil {
		if p, err = wrap(p); err != nil {
			return nil, nil, 0, err
		}
	}
	visible = p.Schema().NumFields()
	p, corr, err = decorrelate(p)
	if err != nil {
		return nil, nil, 0, err
	}
	if hasOuterRefs(p) {
		return nil, nil, 0, qerr.ErrUnsupported.New("correlated subquery whose outer references are not in its WHERE clause")
	}
	return p, corr, visible, nil
}

// decorrelate lifts the conjuncts that hold outer references out of p. The
// plan it returns may have extra trailing columns: the inner columns the
// lifted conjuncts read.
func decorrelate(p stage.Plan) (stage.Plan, []stage.Expr, error) {
	switch n := p.(type) {
	case *stage.Filter:
		in, corr, err := decorrelate(n.Input)
		if err != nil {
			return nil, nil, err
		}
		var local []stage.Expr
		for _, c := range splitConjuncts(n.Cond) {
			if exprHasOuter(c) {
				corr = append(corr, c)
			} else {
				local = append(local, c)
			}
		}
		if len(local) == 0 {
			return in, corr, nil
		}
		return &stage.Filter{Input: in, Cond: andAll(local)}, corr, nil
	case *stage.Project:
		in, corr, err := decorrelate(n.Input)
		if err != nil || len(corr) == 0 {
			return n.WithChildren(in), corr, err
		}
		out := &stage.Project{Input: in, Exprs: append([]stage.Expr(nil), n.Exprs...), Names: append([]string(nil), n.Names...)}
		corr = passThrough(corr, func(inner *stage.ColumnRef) int {
			out.Exprs = append(out.Exprs, inner)
			out.Names = append(out.Names, inner.Name)
			return len(out.Exprs) - 1
		})
		return out, corr, nil
	case *stage.Aggregate:
		in, corr, err := decorrelate(n.Input)
		if err != nil || len(corr) == 0 {
			return n.WithChildren(in), corr, err
		}
		// Equality correlations become group keys: the aggregate then runs
		// once per outer key instead of once per outer row.
		agg := *n
		agg.Input = in
		agg.GroupBy = append([]stage.Expr(nil), n.GroupBy...)
		agg.Names = append([]string(nil), n.Names[:len(n.GroupBy)]...)
		var extra []*stage.ColumnRef
		for _, c := range corr {
			inner, ok := innerSideOfEquality(c)
			if !ok {
				return nil, nil, qerr.ErrUnsupported.New("correlated subquery with aggregation and a non-equality correlation %s", c)
			}
			for _, ref := range inner {
				extra = append(extra, ref)
			}
		}
		for _, ref := range extra {
			agg.GroupBy = append(agg.GroupBy, ref)
			agg.Names = append(agg.Names, ref.Name)
		}
		agg.Names = append(agg.Names, n.Names[len(n.GroupBy):]...)
		// Restore the original layout (groups, aggregates), then the keys.
		groups, aggs := len(n.GroupBy), len(n.Aggs)
		sch := agg.Schema()
		back := &stage.Project{Input: &agg}
		add := func(i int) {
			f := sch.Field(i)
			back.Exprs = append(back.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
			back.Names = append(back.Names, f.Name)
		}
		for i := 0; i < groups; i++ {
			add(i)
		}
		for i := 0; i < aggs; i++ {
			add(groups + len(extra) + i)
		}
		pos := map[int]int{}
		for k, ref := range extra {
			add(groups + k)
			pos[ref.Index] = len(back.Exprs) - 1
		}
		corr = passThrough(corr, func(inner *stage.ColumnRef) int { return pos[inner.Index] })
		return back, corr, nil
	case *stage.Sort:
		in, corr, err := decorrelate(n.Input)
		return n.WithChildren(in), corr, err
	}
	if hasOuterRefs(p) {
		return nil, nil, qerr.ErrUnsupported.New("correlated subquery through %T", p)
	}
	return p, nil, nil
}

// passThrough rewrites the inner column references of corr to the positions
// that place (which makes them available above an operator) returns.
func passThrough(corr []stage.Expr, place func(inner *stage.ColumnRef) int) []stage.Expr {
	seen := map[int]int{}
	out := make([]stage.Expr, len(corr))
	for i, c := range corr {
		out[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if isOuter(ref) {
				return ref
			}
			p, ok := seen[ref.Index]
			if !ok {
				p = place(ref)
				seen[ref.Index] = p
			}
			return &stage.ColumnRef{Index: p, Name: ref.Name, T: ref.T}
		})
	}
	return out
}

// innerSideOfEquality returns the inner column references of an equality
// between an inner-only and an outer-only side.
func innerSideOfEquality(e stage.Expr) ([]*stage.ColumnRef, bool) {
	c, ok := e.(*stage.Call)
	if !ok || c.Fn != "=" {
		return nil, false
	}
	for k := 0; k < 2; k++ {
		inner, outer := c.Args[k], c.Args[1-k]
		if !exprHasOuter(inner) && onlyOuter(outer) {
			var refs []*stage.ColumnRef
			stage.WalkExpr(inner, func(e stage.Expr) {
				if r, ok := e.(*stage.ColumnRef); ok {
					refs = append(refs, r)
				}
			})
			return refs, true
		}
	}
	return nil, false
}

func onlyOuter(e stage.Expr) bool {
	only := true
	stage.WalkExpr(e, func(e stage.Expr) {
		if r, ok := e.(*stage.ColumnRef); ok && !isOuter(r) {
			only = false
		}
	})
	return only
}

func exprHasOuter(e stage.Expr) bool {
	has := false
	stage.WalkExpr(e, func(e stage.Expr) {
		if r, ok := e.(*stage.ColumnRef); ok && isOuter(r) {
			has = true
		}
	})
	return has
}

// hasOuterRefs reports whether any expression of the plan still holds an
// outer reference.
func hasOuterRefs(p stage.Plan) bool {
	has := false
	check := func(e stage.Expr) {
		if e != nil && exprHasOuter(e) {
			has = true
		}
	}
	switch n := p.(type) {
	case *stage.Filter:
		check(n.Cond)
	case *stage.Project:
		for _, e := range n.Exprs {
			check(e)
		}
	case *stage.Aggregate:
		for _, e := range n.GroupBy {
			check(e)
		}
		for _, a := range n.Aggs {
			check(a.Arg)
		}
	case *stage.Join:
		check(n.Cond)
	case *stage.Sort:
		for _, k := range n.Keys {
			check(k.Expr)
		}
	}
	for _, c := range p.Children() {
		has = has || hasOuterRefs(c)
	}
	return has
}

// joinCondition maps lifted predicates into a join's left++right numbering:
// outer references are the left plan's columns, inner ones the right's.
func joinCondition(corr []stage.Expr, nLeft int) stage.Expr {
	mapped := make([]stage.Expr, len(corr))
	for i, c := range corr {
		mapped[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if isOuter(ref) {
				return &stage.ColumnRef{Index: ref.Index - outerBase, Name: ref.Name, T: ref.T}
			}
			return &stage.ColumnRef{Index: nLeft + ref.Index, Name: ref.Name, T: ref.T}
		})
	}
	return andAll(mapped)
}

func andAll(es []stage.Expr) stage.Expr {
	var out stage.Expr
	for _, e := range es {
		out = and(out, e)
	}
	return out
}

func splitConjuncts(e stage.Expr) []stage.Expr {
	if c, ok := e.(*stage.Call); ok && c.Fn == "and" {
		return append(splitConjuncts(c.Args[0]), splitConjuncts(c.Args[1])...)
	}
	return []stage.Expr{e}
}

// where binds a WHERE clause over input. Conjuncts that are [NOT] EXISTS or
// [NOT] IN of a subquery become semi and anti joins; subqueries elsewhere
// join onto the plan as the expressions are bound.
func (b *Binder) where(sc *scope, input stage.Plan, cond ast.ExprNode) (stage.Plan, error) {
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
	if len(rest) == 0 {
		return input, nil
	}
	saved := b.apply
	b.apply = &applyCtx{plan: input, sc: sc, bind: func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) }}
	defer func() { b.apply = saved }()
	var conds []stage.Expr
	for _, c := range rest {
		e, err := b.expr(sc, c)
		if err != nil {
			return nil, err
		}
		conds = append(conds, e)
	}
	return &stage.Filter{Input: b.apply.plan, Cond: andAll(conds)}, nil
}

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
func (b *Binder) semiJoin(sc *scope, input stage.Plan, c ast.ExprNode) (stage.Plan, bool, error) {
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
	nLeft := input.Schema().NumFields()
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
		r, corr, _, err := b.subquery(sub.Query, sc)
		if err != nil {
			return nil, false, err
		}
		return &stage.Join{Left: input, Right: r, Kind: kind, Cond: joinCondition(corr, nLeft), MarkIn: -1}, true, nil
	case *ast.PatternInExpr:
		sub, ok := e.Sel.(*ast.SubqueryExpr)
		if !ok {
			return nil, false, nil
		}
		x, err := b.expr(sc, e.Expr)
		if err != nil {
			return nil, false, err
		}
		r, corr, visible, err := b.subquery(sub.Query, sc)
		if err != nil {
			return nil, false, err
		}
		if visible != 1 {
			return nil, false, qerr.ErrInvalid.New("IN subquery must return one column, it returns %d", visible)
		}
		f := r.Schema().Field(0)
		y := &stage.ColumnRef{Index: nLeft, Name: f.Name, T: f.Type}
		cond, err := b.compare("=", x, y)
		if err != nil {
			return nil, false, err
		}
		if e.Not != not {
			// x NOT IN (q) is false when x matches a row, and unknown (so
			// the row is dropped) when x or any y is NULL.
			kind = stage.AntiJoin
			cond = orAll(cond, isNull(x), isNull(y))
		}
		return &stage.Join{Left: input, Right: r, Kind: kind, Cond: and(cond, joinCondition(corr, nLeft)), MarkIn: -1}, true, nil
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

// compare builds a comparison, casting both sides to a common type where
// they differ, so that joins on it hash alike.
func (b *Binder) compare(op string, x, y stage.Expr) (stage.Expr, error) {
	if !arrow.TypeEqual(x.Type(), y.Type()) {
		t, err := unionType(x.Type(), y.Type())
		if err != nil {
			return nil, err
		}
		x, y = coerce(x, t), coerce(y, t)
	}
	return &stage.Call{Fn: op, Args: []stage.Expr{x, y}, T: boolType}, nil
}

// subqueryExpr binds a subquery inside an expression: it joins onto the
// plan being bound (b.apply) and stands for a column of the join.
func (b *Binder) subqueryExpr(e ast.ExprNode) (stage.Expr, error) {
	if b.apply == nil {
		return nil, qerr.ErrUnsupported.New("a subquery in this clause")
	}
	sc := b.apply.sc
	left := b.apply.plan
	nLeft := left.Schema().NumFields()
	switch e := e.(type) {
	case *ast.SubqueryExpr:
		r, corr, visible, err := b.subquery(e.Query, sc)
		if err != nil {
			return nil, err
		}
		if visible != 1 {
			return nil, qerr.ErrInvalid.New("scalar subquery must return one column, it returns %d", visible)
		}
		if len(corr) == 0 && !atMostOneRow(r) {
			r = singleRow(r)
		}
		b.apply.plan = &stage.Join{Left: left, Right: r, Kind: stage.LeftJoin, Cond: joinCondition(corr, nLeft), MarkIn: -1}
		f := r.Schema().Field(0)
		var v stage.Expr = &stage.ColumnRef{Index: nLeft, Name: f.Name, T: f.Type}
		if len(corr) > 0 && isCount(r) {
			// No matching inner row means count 0, not NULL.
			v = &stage.Call{Fn: "coalesce", Args: []stage.Expr{v, &stage.Literal{Text: "0", T: f.Type}}, T: f.Type}
		}
		return v, nil
	case *ast.ExistsSubqueryExpr:
		sub, ok := e.Sel.(*ast.SubqueryExpr)
		if !ok {
			return nil, qerr.ErrUnsupported.New("EXISTS of a non-subquery")
		}
		r, corr, _, err := b.subquery(sub.Query, sc)
		if err != nil {
			return nil, err
		}
		b.apply.plan = &stage.Join{Left: left, Right: r, Kind: stage.MarkJoin, Cond: joinCondition(corr, nLeft), MarkIn: -1, MarkName: "exists"}
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
		x, err := bind(e.Expr)
		if err != nil {
			return nil, err
		}
		// The mark compares a column of the left side: project x onto it.
		left = b.apply.plan
		withX := &stage.Project{Input: left}
		for i, f := range left.Schema().Fields() {
			withX.Exprs = append(withX.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
			withX.Names = append(withX.Names, f.Name)
		}
		withX.Exprs, withX.Names = append(withX.Exprs, x), append(withX.Names, "in_value")
		nLeft = len(withX.Exprs)
		r, corr, visible, err := b.subquery(sub.Query, sc)
		if err != nil {
			return nil, err
		}
		if visible != 1 {
			return nil, qerr.ErrInvalid.New("IN subquery must return one column, it returns %d", visible)
		}
		b.apply.plan = &stage.Join{Left: withX, Right: r, Kind: stage.MarkJoin, Cond: joinCondition(corr, nLeft),
			MarkIn: nLeft - 1, RightMark: 0, MarkName: "in"}
		var mark stage.Expr = &stage.ColumnRef{Index: nLeft, Name: "in", T: boolType}
		if e.Not {
			mark = &stage.Call{Fn: "not", Args: []stage.Expr{mark}, T: boolType}
		}
		return mark, nil
	}
	return nil, qerr.ErrUnsupported.New("subquery form %T", e)
}

// isCount reports whether a subquery's value is a count, whose value for no
// rows is 0.
func isCount(p stage.Plan) bool {
	proj, ok := p.(*stage.Project)
	if !ok {
		return false
	}
	ref, ok := proj.Exprs[0].(*stage.ColumnRef)
	if !ok {
		return false
	}
	for in := proj.Input; in != nil; {
		switch n := in.(type) {
		case *stage.Aggregate:
			i := ref.Index - len(n.GroupBy)
			return i >= 0 && i < len(n.Aggs) && (n.Aggs[i].Fn == stage.AggCount || n.Aggs[i].Fn == stage.AggCountStar)
		case *stage.Project:
			r, ok := n.Exprs[ref.Index].(*stage.ColumnRef)
			if !ok {
				return false
			}
			ref, in = r, n.Input
		case *stage.Filter:
			in = n.Input
		default:
			return false
		}
	}
	return false
}

// atMostOneRow reports whether a plan returns at most one row: an
// aggregate without groups, or a LIMIT of at most 1, under projections and
// filters.
func atMostOneRow(p stage.Plan) bool {
	for {
		switch n := p.(type) {
		case *stage.Project:
			p = n.Input
		case *stage.Filter:
			p = n.Input
		case *stage.Sort:
			p = n.Input
		case *stage.Aggregate:
			return len(n.GroupBy) == 0
		case *stage.Limit:
			return n.Count >= 0 && n.Count <= 1
		case *stage.Values:
			return len(n.Rows) <= 1
		default:
			return false
		}
	}
}

// singleRow makes an uncorrelated scalar subquery fail, as MySQL does, when
// it returns more than one row: it counts the rows beside any one value and
// raises an error for a count above one.
func singleRow(r stage.Plan) stage.Plan {
	f := r.Schema().Field(0)
	value := &stage.ColumnRef{Index: 0, Name: f.Name, T: f.Type}
	agg := &stage.Aggregate{Input: r, Mode: stage.AggregateComplete,
		Aggs:  []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}, {Fn: stage.AggAnyValue, Arg: value, T: f.Type}},
		Names: []string{"rows", f.Name}}
	tooMany := &stage.Call{Fn: ">", T: boolType, Args: []stage.Expr{
		&stage.ColumnRef{Index: 0, Name: "rows", T: arrowInt64}, &stage.Literal{Text: "1", T: arrowInt64}}}
	fail := &stage.Call{Fn: "raise_error", T: f.Type, Args: []stage.Expr{
		&stage.Literal{Text: "Subquery returns more than 1 row", T: arrow.BinaryTypes.String}}}
	checked := &stage.Call{Fn: "case", T: f.Type, Args: []stage.Expr{tooMany, fail, &stage.ColumnRef{Index: 1, Name: f.Name, T: f.Type}}}
	return &stage.Project{Input: agg, Exprs: []stage.Expr{checked}, Names: []string{f.Name}}
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
	wrap := func(p stage.Plan) (stage.Plan, error) {
		if p.Schema().NumFields() != 1 {
			return nil, qerr.ErrInvalid.New("ANY/ALL subquery must return one column, it returns %d", p.Schema().NumFields())
		}
		f := p.Schema().Field(0)
		y := &stage.ColumnRef{Index: 0, Name: f.Name, T: f.Type}
		return &stage.Aggregate{Input: p, Mode: stage.AggregateComplete,
			Aggs:  []stage.AggCall{{Fn: fn, Arg: y, T: f.Type}, {Fn: stage.AggCountStar, T: arrowInt64}, {Fn: stage.AggCount, Arg: y, T: arrowInt64}},
			Names: []string{"extreme", "rows", "values"}}, nil
	}
	sc := b.apply.sc
	left := b.apply.plan
	nLeft := left.Schema().NumFields()
	r, corr, _, err := b.subqueryWrapped(sub.Query, sc, wrap)
	if err != nil {
		return nil, err
	}
	b.apply.plan = &stage.Join{Left: left, Right: r, Kind: stage.LeftJoin, Cond: joinCondition(corr, nLeft), MarkIn: -1}
	rs := r.Schema()
	col := func(i int) stage.Expr {
		return &stage.ColumnRef{Index: nLeft + i, Name: rs.Field(i).Name, T: rs.Field(i).Type}
	}
	zero := &stage.Literal{Text: "0", T: arrowInt64}
	rows := &stage.Call{Fn: "coalesce", Args: []stage.Expr{col(1), zero}, T: arrowInt64}
	values := &stage.Call{Fn: "coalesce", Args: []stage.Expr{col(2), zero}, T: arrowInt64}
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
