package opt

import (
	"slices"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// DecorrelateApply turns every Apply into the join it stands for, of its
// outer plan with its inner plan stripped of outer references:
//
//	Apply(outer, Filter(inner, inner.k = OUTER.x AND p))
//	  =>  Join(outer, Filter(inner, p)) on outer.x = inner.k
//
// The conjuncts that hold outer references are lifted out of the inner
// plan through projections (which pass the inner columns they read on),
// sorts and aggregations (where equality correlations become group keys:
// the aggregate then runs once per outer key instead of once per outer
// row). An Apply whose outer references are elsewhere (a select list,
// beside an aggregate, HAVING, a window, a join's ON clause) takes the
// general method (decorrelateGeneral), which joins the subquery with the
// distinct outer values it reads.
func DecorrelateApply(p logical.Plan) (logical.Plan, bool) {
	return logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		a, ok := p.(*logical.Apply)
		if !ok {
			return p, false
		}
		// The walk does not enter the inner side: decorrelate the
		// subqueries nested in it first.
		inner, nested := DecorrelateApply(a.Inner)
		if nested {
			c := *a
			c.Inner = inner
			a = &c
		}
		j, err := Decorrelate(a)
		if err != nil {
			return a, nested
		}
		return j, true
	})
}

// Decorrelate is the join that a stands for, or why a cannot be
// decorrelated (qerr.ErrUnsupported).
func Decorrelate(a *logical.Apply) (logical.Plan, error) {
	visible := logical.Width(a.Inner)
	u := &unnesting{outer: a.Outer, existential: a.Cond == nil && a.MarkIn < 0 &&
		(a.Kind == stage.SemiJoin || a.Kind == stage.AntiJoin || a.Kind == stage.MarkJoin)}
	inner := a.Inner
	if u.existential {
		// EXISTS asks for rows, not values: the select list goes, with any
		// outer references it reads.
		for {
			p, ok := inner.(*logical.Project)
			if !ok {
				break
			}
			inner = p.Input
		}
		if inner != a.Inner {
			c := *a
			c.Inner = inner
			a = &c
		}
	}
	inner, corr, err := u.lift(inner)
	if err != nil || logical.HasOuterRefs(inner) || u.filteredEmptyGroup {
		// Outer references elsewhere than in conditions lift can move:
		// the general method, which works wherever they are.
		if inner, corr, err = decorrelateGeneral(a); err != nil {
			return nil, err
		}
		u.emptyGroupLost = false
	}
	// A value that is NULL over an empty group is right as the left join
	// leaves it; the others need the marker.
	var empty []stage.Expr
	if u.emptyGroupLost && a.Kind == stage.LeftJoin {
		empty = emptyGroupValues(a.Inner)
	}
	if slices.IndexFunc(empty, func(e stage.Expr) bool { return !isNullLiteral(e) }) < 0 {
		empty = nil
	}
	if empty != nil {
		inner = withMarker(inner)
	}
	nLeft := logical.Width(a.Outer)
	j := &logical.Join{Left: a.Outer, Right: inner, Kind: a.Kind, Cond: logical.And(a.Cond, joinCondition(corr, nLeft)),
		MarkIn: a.MarkIn, RightMark: a.RightMark, MarkName: a.MarkName}
	extra := logical.Width(inner) - visible
	if extra == 0 || j.Kind == stage.SemiJoin || j.Kind == stage.AntiJoin || j.Kind == stage.MarkJoin {
		return j, nil
	}
	// The inner columns that only the lifted conjuncts read are not the
	// Apply's output: the plan above addresses the columns as the Apply
	// delivered them.
	back := &logical.Project{Input: j}
	for i, f := range a.Schema().Fields() {
		var e stage.Expr = &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}
		if empty != nil && i >= nLeft && !isNullLiteral(empty[i-nLeft]) {
			// No matching inner row: the subquery's value over no rows.
			marker := &stage.ColumnRef{Index: logical.Width(j) - 1, Name: markerName, T: arrow.FixedWidthTypes.Boolean}
			unmatched := &stage.Call{Fn: "isnull", Args: []stage.Expr{marker}, T: arrow.FixedWidthTypes.Boolean}
			e = &stage.Call{Fn: "case", Args: []stage.Expr{unmatched, empty[i-nLeft], e}, T: f.Type}
		}
		back.Exprs = append(back.Exprs, e)
		back.Names = append(back.Names, f.Name)
	}
	return back, nil
}

// markerName names the column that withMarker adds.
const markerName = "matched"

// withMarker is p with a last column TRUE, which a left join leaves NULL
// where no row of p matches.
func withMarker(p logical.Plan) logical.Plan {
	var out *logical.Project
	if proj, ok := p.(*logical.Project); ok {
		out = &logical.Project{Input: proj.Input, Exprs: slices.Clone(proj.Exprs), Names: slices.Clone(proj.Names)}
	} else {
		out = withColumns(p)
	}
	out.Exprs = append(out.Exprs, &stage.Literal{Text: "true", T: arrow.FixedWidthTypes.Boolean})
	out.Names = append(out.Names, markerName)
	return out
}

// emptyGroupValues is the value of each column of p, a subquery that
// projects (and sorts) an aggregation without groups, over no input rows,
// as MySQL evaluates it: counts 0, other aggregates NULL. It is nil for
// any other p, and for a HAVING (a filter above the aggregation), whose
// missing row the join cannot tell from an empty group's.
func emptyGroupValues(p logical.Plan) []stage.Expr {
	switch n := p.(type) {
	case *logical.Sort:
		return emptyGroupValues(n.Input)
	case *logical.Project:
		in := emptyGroupValues(n.Input)
		if in == nil {
			return nil
		}
		out := make([]stage.Expr, len(n.Exprs))
		for i, e := range n.Exprs {
			out[i] = propagateNull(stage.RewriteColumns(e, func(ref *stage.ColumnRef) stage.Expr { return in[ref.Index] }))
		}
		return out
	case *logical.Aggregate:
		if len(n.GroupBy) > 0 {
			return nil
		}
		out := make([]stage.Expr, len(n.Aggs))
		for i, a := range n.Aggs {
			if a.Fn == stage.AggCount || a.Fn == stage.AggCountStar {
				out[i] = &stage.Literal{Text: "0", T: a.T}
			} else {
				out[i] = &stage.Literal{Null: true, T: a.T}
			}
		}
		return out
	}
	return nil
}

// strictOps are the functions that are NULL when an argument is.
var strictOps = map[string]bool{
	"+": true, "-": true, "*": true, "/": true, "%": true, "div": true,
	"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true,
}

// propagateNull folds to NULL the casts and strict functions of a NULL in
// e, so that an empty group's sum(x) * 2 is seen to be NULL.
func propagateNull(e stage.Expr) stage.Expr {
	switch n := e.(type) {
	case *stage.Cast:
		if arg := propagateNull(n.Arg); isNullLiteral(arg) {
			return &stage.Literal{Null: true, T: n.T}
		}
	case *stage.Call:
		if !strictOps[n.Fn] {
			return e
		}
		for _, a := range n.Args {
			if isNullLiteral(propagateNull(a)) {
				return &stage.Literal{Null: true, T: n.T}
			}
		}
	}
	return e
}

func isNullLiteral(e stage.Expr) bool {
	l, ok := e.(*stage.Literal)
	return ok && l.Null
}

// unnesting is the state of decorrelating one Apply's inner plan.
type unnesting struct {
	outer logical.Plan // the Apply's outer plan
	// existential: the Apply asks only whether an inner row matches
	// (EXISTS), not for its values.
	existential bool
	// emptyGroupLost is set when an aggregation without groups became one
	// grouped by equality correlations: an outer row that no inner row
	// matches then finds no group, where the subquery has one row.
	emptyGroupLost bool
	// filteredEmptyGroup is set when a condition with outer references
	// (a HAVING) sits above such an aggregation: it would have to be
	// evaluated over the lost empty group.
	filteredEmptyGroup bool
}

// lift lifts the conjuncts that hold outer references out of p, the inner
// plan of the Apply. The plan it returns may have extra trailing columns:
// the inner columns the lifted conjuncts read.
func (u *unnesting) lift(p logical.Plan) (logical.Plan, []stage.Expr, error) {
	switch n := p.(type) {
	case *logical.Filter:
		in, corr, err := u.lift(n.Input)
		if err != nil {
			return nil, nil, err
		}
		var local []stage.Expr
		for _, c := range logical.SplitConjuncts(n.Cond) {
			if logical.HasOuter(c) {
				u.filteredEmptyGroup = u.filteredEmptyGroup || u.emptyGroupLost
				corr = append(corr, c)
			} else {
				local = append(local, c)
			}
		}
		if len(local) == 0 {
			return in, corr, nil
		}
		return &logical.Filter{Input: in, Cond: logical.AndAll(local)}, corr, nil
	case *logical.Project:
		in, corr, err := u.lift(n.Input)
		if err != nil || len(corr) == 0 {
			return n.WithChildren(in), corr, err
		}
		out := &logical.Project{Input: in, Exprs: append([]stage.Expr(nil), n.Exprs...), Names: append([]string(nil), n.Names...)}
		corr = passThrough(corr, func(inner *stage.ColumnRef) int {
			out.Exprs = append(out.Exprs, inner)
			out.Names = append(out.Names, inner.Name)
			return len(out.Exprs) - 1
		})
		return out, corr, nil
	case *logical.Aggregate:
		in, corr, err := u.lift(n.Input)
		if err != nil || len(corr) == 0 {
			return n.WithChildren(in), corr, err
		}
		// Equality correlations become group keys; other correlations
		// group by the outer values they compare with (joinDomain).
		agg := *n
		agg.Input = in
		agg.GroupBy = append([]stage.Expr(nil), n.GroupBy...)
		agg.Names = append([]string(nil), n.Names[:len(n.GroupBy)]...)
		var extra []*stage.ColumnRef
		equalities := true
		for _, c := range corr {
			_, inner, ok := innerSideOfEquality(c)
			equalities = equalities && ok
			extra = append(extra, inner...)
		}
		if equalities {
			u.emptyGroupLost = u.emptyGroupLost || len(n.GroupBy) == 0
		} else {
			extra, corr = joinDomain(&agg, u.outer, corr)
		}
		for _, ref := range extra {
			agg.GroupBy = append(agg.GroupBy, ref)
			agg.Names = append(agg.Names, ref.Name)
		}
		agg.Names = append(agg.Names, n.Names[len(n.GroupBy):]...)
		// Restore the original layout (groups, aggregates), then the keys.
		groups, aggs := len(n.GroupBy), len(n.Aggs)
		back := moveLast(&agg, groups, len(extra), aggs)
		pos := map[int]int{}
		for k, ref := range extra {
			pos[ref.Index] = groups + aggs + k
		}
		corr = passThrough(corr, func(inner *stage.ColumnRef) int { return pos[inner.Index] })
		return back, corr, nil
	case *logical.Sort:
		in, corr, err := u.lift(n.Input)
		return n.WithChildren(in), corr, err
	case *logical.Limit:
		return u.liftLimit(n)
	case *logical.SetOp:
		return u.liftSetOp(n)
	}
	if logical.HasOuterRefs(p) {
		return nil, nil, qerr.ErrUnsupported.New("correlated subquery through %T", p)
	}
	return p, nil, nil
}

// joinDomain decorrelates agg, an aggregation whose correlations corr are
// not all equalities, after Neumann and Kemper's unnesting of arbitrary
// queries: the domain, the distinct values of the outer columns that corr
// reads, left-joins agg's input on corr, and agg (rewritten in place)
// groups by the domain's columns (returned as keys), so that it runs once
// per distinct outer value and yields a group, empty where no inner row
// matches, for each: count(*) counts a marker that only matched rows hold.
// The correlations that remain are the null-safe equalities (<=>) of the
// keys with the outer columns: every outer row, NULLs too, finds the one
// group of its values, so that any expression over the aggregates (count(*)
// + 1) is exact. They are not hash keys; the join back broadcasts the
// groups, as the domain's join on corr broadcasts already.
func joinDomain(agg *logical.Aggregate, outer logical.Plan, corr []stage.Expr) ([]*stage.ColumnRef, []stage.Expr) {
	domain, cols, slot := outerDomain(outer, corr)
	sch := outer.Schema()
	keys := make([]*stage.ColumnRef, len(cols))
	eqs := make([]stage.Expr, len(cols))
	for i, k := range cols {
		f := sch.Field(k)
		keys[i] = &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}
		eqs[i] = nullSafeEqual(keys[i], &stage.ColumnRef{Index: logical.OuterBase + k, Name: f.Name, T: f.Type})
	}
	// The inner rows, after the domain's columns, with the marker last.
	in := agg.Input
	m := len(cols)
	matched := withMarker(in)
	marker := &stage.ColumnRef{Index: m + logical.Width(in), Name: markerName, T: arrow.FixedWidthTypes.Boolean}
	shift := overDomain(slot, m)
	cond := make([]stage.Expr, len(corr))
	for i, c := range corr {
		cond[i] = shift(c)
	}
	agg.Input = &logical.Join{Left: domain, Right: matched, Kind: stage.LeftJoin, Cond: logical.AndAll(cond), MarkIn: -1}
	for i, g := range agg.GroupBy {
		agg.GroupBy[i] = shift(g)
	}
	aggs := make([]stage.AggCall, len(agg.Aggs))
	for i, a := range agg.Aggs {
		a = mapAggCall(a, shift)
		if a.Fn == stage.AggCountStar {
			a.Fn, a.Arg = stage.AggCount, marker
		}
		aggs[i] = a
	}
	agg.Aggs = aggs
	return keys, eqs
}

// passThrough rewrites the inner column references of corr to the positions
// that place (which makes them available above an operator) returns.
func passThrough(corr []stage.Expr, place func(inner *stage.ColumnRef) int) []stage.Expr {
	seen := map[int]int{}
	out := make([]stage.Expr, len(corr))
	for i, c := range corr {
		out[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if logical.IsOuter(ref) {
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

// innerSideOfEquality returns the inner side of an equality between an
// inner-only and an outer-only side, and the inner column references it
// holds.
func innerSideOfEquality(e stage.Expr) (stage.Expr, []*stage.ColumnRef, bool) {
	c, ok := e.(*stage.Call)
	if !ok || c.Fn != "=" {
		return nil, nil, false
	}
	for k := 0; k < 2; k++ {
		inner, outer := c.Args[k], c.Args[1-k]
		if !logical.HasOuter(inner) && onlyOuter(outer) {
			var refs []*stage.ColumnRef
			stage.WalkExpr(inner, func(e stage.Expr) {
				if r, ok := e.(*stage.ColumnRef); ok {
					refs = append(refs, r)
				}
			})
			return inner, refs, true
		}
	}
	return nil, nil, false
}

func onlyOuter(e stage.Expr) bool {
	only := true
	stage.WalkExpr(e, func(e stage.Expr) {
		if r, ok := e.(*stage.ColumnRef); ok && !logical.IsOuter(r) {
			only = false
		}
	})
	return only
}

// joinCondition maps lifted predicates into a join's left++right numbering:
// outer references are the left plan's columns, inner ones the right's.
func joinCondition(corr []stage.Expr, nLeft int) stage.Expr {
	mapped := make([]stage.Expr, len(corr))
	for i, c := range corr {
		mapped[i] = stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if logical.IsOuter(ref) {
				return &stage.ColumnRef{Index: ref.Index - logical.OuterBase, Name: ref.Name, T: ref.T}
			}
			return &stage.ColumnRef{Index: nLeft + ref.Index, Name: ref.Name, T: ref.T}
		})
	}
	return logical.AndAll(mapped)
}

// liftLimit lifts the correlations out of a LIMIT (over an ORDER BY or
// not) in the inner plan. A LIMIT limits the rows of each outer row, so it
// cannot stay above the lifted conjuncts as it is:
//
//   - under EXISTS a LIMIT that keeps a row (no OFFSET, a count of one or
//     more) changes nothing, and goes;
//   - where every correlation is an equality of an inner column with an
//     outer value, those columns are the outer row's partition: the LIMIT
//     becomes row_number() over the partition, in the ORDER BY's order, kept
//     within the offset and count;
//   - any other LIMIT is refused, as before.
func (u *unnesting) liftLimit(n *logical.Limit) (logical.Plan, []stage.Expr, error) {
	in, corr, err := u.lift(n.Input)
	if err != nil || len(corr) == 0 {
		return n.WithChildren(in), corr, err
	}
	if u.existential && n.Offset == 0 && n.Count != 0 {
		return in, corr, nil
	}
	var keys []stage.Expr
	for _, c := range corr {
		// A partition by the columns of an expression would be finer
		// than by its value: the inner side must be one column.
		side, _, ok := innerSideOfEquality(c)
		col, isColumn := side.(*stage.ColumnRef)
		if !ok || !isColumn {
			return nil, nil, qerr.ErrUnsupported.New("correlated subquery through a LIMIT whose correlation is not an equality of an inner column")
		}
		keys = append(keys, col)
	}
	var order []stage.SortKey
	if s, ok := in.(*logical.Sort); ok {
		in, order = s.Input, s.Keys
	}
	width := logical.Width(in)
	w := &logical.Window{Input: in, PartitionBy: keys, OrderBy: order,
		Funcs: []stage.WindowFunc{{Fn: "row_number", T: arrow.PrimitiveTypes.Int64}}, Names: []string{"limit_row"}}
	rn := &stage.ColumnRef{Index: width, Name: "limit_row", T: arrow.PrimitiveTypes.Int64}
	cond := &stage.Call{Fn: ">", Args: []stage.Expr{rn, &stage.Literal{Text: strconv.FormatInt(n.Offset, 10), T: arrow.PrimitiveTypes.Int64}}, T: arrow.FixedWidthTypes.Boolean}
	var kept stage.Expr = cond
	if n.Count >= 0 {
		kept = logical.And(cond, &stage.Call{Fn: "<=", Args: []stage.Expr{rn, &stage.Literal{Text: strconv.FormatInt(n.Offset+n.Count, 10), T: arrow.PrimitiveTypes.Int64}}, T: arrow.FixedWidthTypes.Boolean})
	}
	out := &logical.Project{Input: &logical.Filter{Input: w, Cond: kept}}
	for i, f := range in.Schema().Fields() {
		out.Exprs = append(out.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		out.Names = append(out.Names, f.Name)
	}
	return out, corr, nil
}

// liftSetOp lifts the correlations out of a set operation's inputs, after
// Neumann and Kemper: each input's own correlations cannot become one join
// condition, so every input is joined with the domain D (the distinct
// values of the outer columns they read) on its correlations, and carries
// D's columns after its own. The set operation then works per outer value
// (UNION, INTERSECT and EXCEPT compare D's columns too), and its
// correlation is D's columns being the outer row's (null-safe: a NULL
// outer value has its own rows).
func (u *unnesting) liftSetOp(n *logical.SetOp) (logical.Plan, []stage.Expr, error) {
	ins := make([]logical.Plan, len(n.Inputs))
	corrs := make([][]stage.Expr, len(n.Inputs))
	correlated := false
	for i, in := range n.Inputs {
		var err error
		if ins[i], corrs[i], err = u.lift(in); err != nil {
			return nil, nil, err
		}
		correlated = correlated || len(corrs[i]) > 0
	}
	if !correlated {
		return n.WithChildren(ins...), nil, nil
	}
	domain, cols, slot := outerDomain(u.outer, corrs...)
	m := len(cols)
	shift := overDomain(slot, m)
	visible := logical.Width(n.Inputs[0])
	joined := make([]logical.Plan, len(ins))
	for i, in := range ins {
		cond := make([]stage.Expr, len(corrs[i]))
		for k, c := range corrs[i] {
			cond[k] = shift(c)
		}
		j := &logical.Join{Left: domain, Right: in, Kind: stage.InnerJoin, Cond: logical.AndAll(cond), MarkIn: -1}
		// The input's own columns, then the domain's.
		joined[i] = moveLast(j, 0, m, visible)
	}
	return &logical.SetOp{Kind: n.Kind, Inputs: joined}, joinBack(u.outer, cols, visible), nil
}

// outerDomain is the domain of the outer columns that corrs read: the
// distinct values of outer in those columns (an aggregation grouped by
// them), the columns in its order, and each one's position in it.
func outerDomain(outer logical.Plan, corrs ...[]stage.Expr) (*logical.Aggregate, []int, map[int]int) {
	var cols []int
	slot := map[int]int{}
	for _, corr := range corrs {
		for _, c := range corr {
			stage.WalkExpr(c, func(e stage.Expr) {
				if r, ok := e.(*stage.ColumnRef); ok && logical.IsOuter(r) {
					if _, ok := slot[r.Index-logical.OuterBase]; !ok {
						slot[r.Index-logical.OuterBase] = len(cols)
						cols = append(cols, r.Index-logical.OuterBase)
					}
				}
			})
		}
	}
	sch := outer.Schema()
	values := &logical.Project{Input: outer}
	domain := &logical.Aggregate{Input: values}
	for i, k := range cols {
		f := sch.Field(k)
		values.Exprs = append(values.Exprs, &stage.ColumnRef{Index: k, Name: f.Name, T: f.Type})
		values.Names = append(values.Names, f.Name)
		domain.GroupBy = append(domain.GroupBy, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		domain.Names = append(domain.Names, f.Name)
	}
	return domain, cols, slot
}

// overDomain rewrites an expression over the outer columns (slot: their
// positions in the domain) and an inner plan's columns to read a join of
// the domain (m columns) with that plan: outer references become the
// domain's columns, inner columns follow them.
func overDomain(slot map[int]int, m int) func(stage.Expr) stage.Expr {
	return func(e stage.Expr) stage.Expr {
		return stage.RewriteColumns(e, func(ref *stage.ColumnRef) stage.Expr {
			if logical.IsOuter(ref) {
				return &stage.ColumnRef{Index: slot[ref.Index-logical.OuterBase], Name: ref.Name, T: ref.T}
			}
			return &stage.ColumnRef{Index: m + ref.Index, Name: ref.Name, T: ref.T}
		})
	}
}
