package opt

import (
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// decorrelateGeneral decorrelates a by Neumann and Kemper's general
// unnesting ("Unnesting Arbitrary Queries"), for the subqueries whose
// outer references lift cannot move into the join's condition: in a
// select list, beside or inside an aggregate, in HAVING, a window, a LIMIT
// with a non-equality correlation, a join's ON clause.
//
// The domain D is the distinct values of the outer columns the subquery
// reads. The dependent join of D with the subquery is pushed down its plan
// until no operator reads an outer column (dependentOn): below that point
// the plan is joined with D, above it every operator carries D's columns
// and works per outer value (aggregates and windows group and partition by
// them, a LIMIT becomes row_number() over them). The subquery then holds
// one result per outer value and joins back to the outer rows on D's
// columns, null-safely, since a NULL outer value has its own result.
func decorrelateGeneral(a *logical.Apply) (logical.Plan, []stage.Expr, error) {
	domain, cols, slot := outerDomain(a.Outer, outerExprs(a.Inner))
	d := &dependentOn{domain: domain, slot: slot, m: len(cols)}
	inner, err := d.of(a.Inner)
	if err != nil {
		return nil, nil, err
	}
	return inner, joinBack(a.Outer, cols, logical.Width(a.Inner)), nil
}

// joinBack is the correlation of a plan that carries the domain of outer's
// columns cols after its visible columns: each domain column is its outer
// column, null-safely.
func joinBack(outer logical.Plan, cols []int, visible int) []stage.Expr {
	sch := outer.Schema()
	corr := make([]stage.Expr, len(cols))
	for i, k := range cols {
		f := sch.Field(k)
		corr[i] = nullSafeEqual(&stage.ColumnRef{Index: visible + i, Name: f.Name, T: f.Type},
			&stage.ColumnRef{Index: logical.OuterBase + k, Name: f.Name, T: f.Type})
	}
	return corr
}

// outerExprs are the expressions of p's operators that read outer
// columns: those of p's own Apply nodes' inner sides excluded.
func outerExprs(p logical.Plan) []stage.Expr {
	var out []stage.Expr
	for _, e := range logical.Exprs(p) {
		if logical.HasOuter(e) {
			out = append(out, e)
		}
	}
	if a, ok := p.(*logical.Apply); ok {
		return append(out, outerExprs(a.Outer)...)
	}
	for _, c := range p.Children() {
		out = append(out, outerExprs(c)...)
	}
	return out
}

func nullSafeEqual(l, r stage.Expr) stage.Expr {
	return &stage.Call{Fn: "<=>", Args: []stage.Expr{l, r}, T: arrow.FixedWidthTypes.Boolean}
}

// dependentOn pushes the dependent join with a domain down a plan.
type dependentOn struct {
	domain logical.Plan
	slot   map[int]int // an outer column -> its position in the domain
	m      int         // the domain's width
}

// of is p joined with the domain: p's columns, then the domain's, with
// p's outer references read from the domain's columns.
func (d *dependentOn) of(p logical.Plan) (logical.Plan, error) {
	if !logical.HasOuterRefs(p) {
		return &logical.Join{Left: p, Right: d.domain, Kind: stage.InnerJoin, MarkIn: -1}, nil
	}
	switch n := p.(type) {
	case *logical.Filter:
		return d.filter(n)
	case *logical.Project:
		in, err := d.of(n.Input)
		if err != nil {
			return nil, err
		}
		w := logical.Width(n.Input)
		out := &logical.Project{Input: in}
		for i, e := range n.Exprs {
			out.Exprs = append(out.Exprs, d.read(e, w))
			out.Names = append(out.Names, n.Names[i])
		}
		d.carry(out, in, w)
		return out, nil
	case *logical.Sort:
		in, err := d.of(n.Input)
		if err != nil {
			return nil, err
		}
		return &logical.Sort{Input: in, Keys: d.readKeys(n.Keys, logical.Width(n.Input))}, nil
	case *logical.Aggregate:
		return d.aggregate(n)
	case *logical.Window:
		in, err := d.of(n.Input)
		if err != nil {
			return nil, err
		}
		w := logical.Width(n.Input)
		win := &logical.Window{Input: in, OrderBy: d.readKeys(n.OrderBy, w), Names: n.Names}
		for _, e := range n.PartitionBy {
			win.PartitionBy = append(win.PartitionBy, d.read(e, w))
		}
		win.PartitionBy = append(win.PartitionBy, d.columns(in, w)...)
		for _, f := range n.Funcs {
			f.Args = d.readAll(f.Args, w)
			win.Funcs = append(win.Funcs, f)
		}
		// The input's columns, the functions', then the domain's.
		return d.reorder(win, w, len(n.Funcs)), nil
	case *logical.Limit:
		return d.limit(n)
	case *logical.SetOp:
		out := &logical.SetOp{Kind: n.Kind}
		for _, in := range n.Inputs {
			dep, err := d.of(in)
			if err != nil {
				return nil, err
			}
			out.Inputs = append(out.Inputs, dep)
		}
		return out, nil
	case *logical.Join:
		return d.join(n)
	}
	return nil, qerr.ErrUnsupported.New("correlated subquery through %T", p)
}

// filter is n, a filter with outer references, over the domain. Where
// its input reads no outer column, its conditions with outer references
// are the condition of the input's join with the domain, so that an
// equality becomes a hash key instead of a filter over a cross product.
// Above a projection it moves below it first, to reach that input.
func (d *dependentOn) filter(n *logical.Filter) (logical.Plan, error) {
	w := logical.Width(n.Input)
	if p, ok := n.Input.(*logical.Project); ok {
		// The condition over the projection's input: its columns are the
		// projection's expressions.
		cond := stage.RewriteColumns(n.Cond, func(ref *stage.ColumnRef) stage.Expr {
			if logical.IsOuter(ref) {
				return ref
			}
			return p.Exprs[ref.Index]
		})
		below, err := d.filter(&logical.Filter{Input: p.Input, Cond: cond})
		if err != nil {
			return nil, err
		}
		out := &logical.Project{Input: below}
		for i, e := range p.Exprs {
			out.Exprs = append(out.Exprs, d.read(e, logical.Width(p.Input)))
			out.Names = append(out.Names, p.Names[i])
		}
		d.carry(out, below, logical.Width(p.Input))
		return out, nil
	}
	if logical.HasOuterRefs(n.Input) {
		in, err := d.of(n.Input)
		if err != nil {
			return nil, err
		}
		return &logical.Filter{Input: in, Cond: d.read(n.Cond, w)}, nil
	}
	var local, corr []stage.Expr
	for _, c := range logical.SplitConjuncts(n.Cond) {
		if logical.HasOuter(c) {
			corr = append(corr, d.read(c, w))
		} else {
			local = append(local, c)
		}
	}
	var in logical.Plan = n.Input
	if len(local) > 0 {
		in = &logical.Filter{Input: in, Cond: logical.AndAll(local)}
	}
	if p, ok := d.substitute(in, w, corr); ok {
		return p, nil
	}
	return &logical.Join{Left: in, Right: d.domain, Kind: stage.InnerJoin, Cond: logical.AndAll(corr), MarkIn: -1}, nil
}

// substitute is the join of in (w columns, reading no outer column) with
// the domain on corr (over in's columns then the domain's) without the
// domain, where corr equates every domain column with an expression of
// in's of its type: those expressions stand for the domain's columns, and
// a row whose value is NULL, which the equality rejects, goes. The rows
// whose values are not the domain's stay, and answer for outer values
// that no outer row has: the join back drops them (Neumann and Kemper's
// decorrelation by substitution).
func (d *dependentOn) substitute(in logical.Plan, w int, corr []stage.Expr) (logical.Plan, bool) {
	by := make([]stage.Expr, d.m)
	var rest []stage.Expr
	for _, c := range corr {
		if k, e, ok := d.equatesDomain(c, w); ok && by[k] == nil {
			by[k] = e
			continue
		}
		rest = append(rest, c)
	}
	var keep []stage.Expr
	for _, e := range by {
		if e == nil {
			return nil, false
		}
		keep = append(keep, &stage.Call{Fn: "not", T: arrow.FixedWidthTypes.Boolean,
			Args: []stage.Expr{&stage.Call{Fn: "isnull", Args: []stage.Expr{e}, T: arrow.FixedWidthTypes.Boolean}}})
	}
	for _, c := range rest {
		keep = append(keep, stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
			if ref.Index >= w {
				return by[ref.Index-w]
			}
			return ref
		}))
	}
	out := withColumns(&logical.Filter{Input: in, Cond: logical.AndAll(keep)})
	dsch := d.domain.Schema()
	for i, e := range by {
		out.Exprs = append(out.Exprs, e)
		out.Names = append(out.Names, dsch.Field(i).Name)
	}
	return out, true
}

// equatesDomain splits c, a condition over a plan's w columns and the
// domain's after them, if it is an equality of one domain column and an
// expression of the plan's of the same type.
func (d *dependentOn) equatesDomain(c stage.Expr, w int) (int, stage.Expr, bool) {
	call, ok := c.(*stage.Call)
	if !ok || call.Fn != "=" {
		return 0, nil, false
	}
	for k := 0; k < 2; k++ {
		col, ok := call.Args[k].(*stage.ColumnRef)
		other := call.Args[1-k]
		if !ok || col.Index < w || logical.MaxColumn(other) >= w || !arrow.TypeEqual(col.T, other.Type()) {
			continue
		}
		return col.Index - w, other, true
	}
	return 0, nil, false
}

// read rewrites e, an expression over an input of w columns and outer
// columns, to read the outer columns from the domain's columns after the
// input's.
func (d *dependentOn) read(e stage.Expr, w int) stage.Expr {
	if e == nil {
		return nil
	}
	return stage.RewriteColumns(e, func(ref *stage.ColumnRef) stage.Expr {
		if logical.IsOuter(ref) {
			return &stage.ColumnRef{Index: w + d.slot[ref.Index-logical.OuterBase], Name: ref.Name, T: ref.T}
		}
		return ref
	})
}

func (d *dependentOn) readAll(es []stage.Expr, w int) []stage.Expr {
	out := make([]stage.Expr, len(es))
	for i, e := range es {
		out[i] = d.read(e, w)
	}
	return out
}

func (d *dependentOn) readKeys(keys []stage.SortKey, w int) []stage.SortKey {
	out := make([]stage.SortKey, len(keys))
	for i, k := range keys {
		out[i] = k
		out[i].Expr = d.read(k.Expr, w)
	}
	return out
}

// columns are references to the domain's columns of p, where they start
// at position at.
func (d *dependentOn) columns(p logical.Plan, at int) []stage.Expr {
	sch := p.Schema()
	out := make([]stage.Expr, d.m)
	for i := range out {
		f := sch.Field(at + i)
		out[i] = &stage.ColumnRef{Index: at + i, Name: f.Name, T: f.Type}
	}
	return out
}

// carry appends to out the domain's columns of its input in, where they
// start at position at.
func (d *dependentOn) carry(out *logical.Project, in logical.Plan, at int) {
	sch := in.Schema()
	for i, c := range d.columns(in, at) {
		out.Exprs = append(out.Exprs, c)
		out.Names = append(out.Names, sch.Field(at+i).Name)
	}
}

// reorder projects p, whose columns are a run of before columns, the
// domain's and a run of after columns, to the two runs with the domain's
// last.
func (d *dependentOn) reorder(p logical.Plan, before, after int) logical.Plan {
	return moveLast(p, before, d.m, after)
}

// moveLast projects p, whose columns are runs of before, run and after
// columns, to the first and the last run, then the middle one.
func moveLast(p logical.Plan, before, run, after int) *logical.Project {
	positions := make([]int, 0, before+run+after)
	for i := 0; i < before; i++ {
		positions = append(positions, i)
	}
	for i := 0; i < after; i++ {
		positions = append(positions, before+run+i)
	}
	for i := 0; i < run; i++ {
		positions = append(positions, before+i)
	}
	return pick(p, positions)
}

// pick projects p onto its columns at positions, in that order.
func pick(p logical.Plan, positions []int) *logical.Project {
	sch := p.Schema()
	out := &logical.Project{Input: p, Exprs: make([]stage.Expr, len(positions)), Names: make([]string, len(positions))}
	for k, i := range positions {
		f := sch.Field(i)
		out.Exprs[k] = &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}
		out.Names[k] = f.Name
	}
	return out
}

// withColumns is a projection of every column of p, to append to.
func withColumns(p logical.Plan) *logical.Project {
	positions := make([]int, logical.Width(p))
	for i := range positions {
		positions[i] = i
	}
	return pick(p, positions)
}

// aggregate groups by the domain's columns too. An aggregation without
// groups has one row per outer value, rows or not: the domain left-joins
// its input, and count(*) counts a marker that only the input's rows hold.
func (d *dependentOn) aggregate(n *logical.Aggregate) (logical.Plan, error) {
	if e, ok := n.Input.(*logical.Expand); ok {
		return d.groupingSets(n, e)
	}
	in, err := d.of(n.Input)
	if err != nil {
		return nil, err
	}
	w := logical.Width(n.Input)
	groups := len(n.GroupBy)
	agg := &logical.Aggregate{Input: in, Names: append([]string(nil), n.Names[:groups]...)}
	for _, g := range n.GroupBy {
		agg.GroupBy = append(agg.GroupBy, d.read(g, w))
	}
	if groups > 0 {
		agg.GroupBy = append(agg.GroupBy, d.columns(in, w)...)
		for _, c := range d.columns(in, w) {
			agg.Names = append(agg.Names, c.(*stage.ColumnRef).Name)
		}
		for _, a := range n.Aggs {
			agg.Aggs = append(agg.Aggs, mapAggCall(a, func(e stage.Expr) stage.Expr { return d.read(e, w) }))
		}
		agg.Names = append(agg.Names, n.Names[groups:]...)
		return d.reorder(agg, groups, len(n.Aggs)), nil
	}
	var marker *stage.ColumnRef
	agg.Input, marker = d.everyValue(in, w)
	dsch := d.domain.Schema()
	for i := 0; i < d.m; i++ {
		f := dsch.Field(i)
		agg.GroupBy = append(agg.GroupBy, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		agg.Names = append(agg.Names, f.Name)
	}
	// The input's columns follow the domain's in the join; outer
	// references read the domain's.
	shift := overDomain(d.slot, d.m)
	for _, a := range n.Aggs {
		a = mapAggCall(a, shift)
		if a.Fn == stage.AggCountStar {
			a.Fn, a.Arg = stage.AggCount, marker
		}
		agg.Aggs = append(agg.Aggs, a)
	}
	agg.Names = append(agg.Names, n.Names...)
	return d.reorder(agg, 0, len(n.Aggs)), nil
}

// mapAggCall is a with fn applied to its argument and its ORDER BY keys.
func mapAggCall(a stage.AggCall, fn func(stage.Expr) stage.Expr) stage.AggCall {
	if a.Arg != nil {
		a.Arg = fn(a.Arg)
	}
	a.Order = append([]stage.SortKey(nil), a.Order...)
	for k := range a.Order {
		a.Order[k].Expr = fn(a.Order[k].Expr)
	}
	return a
}

// everyValue is the domain left-joined with the rows of in (w columns,
// then their domain columns) of each of its values, so that a value
// without rows has one row of NULLs: the domain's columns, in's, and a
// marker, TRUE on in's rows, which it returns.
func (d *dependentOn) everyValue(in logical.Plan, w int) (*logical.Join, *stage.ColumnRef) {
	dsch := d.domain.Schema()
	var on []stage.Expr
	for i := 0; i < d.m; i++ {
		f := dsch.Field(i)
		on = append(on, nullSafeEqual(&stage.ColumnRef{Index: i, Name: f.Name, T: f.Type},
			&stage.ColumnRef{Index: d.m + w + i, Name: f.Name, T: f.Type}))
	}
	j := &logical.Join{Left: d.domain, Right: withMarker(in), Kind: stage.LeftJoin, Cond: logical.AndAll(on), MarkIn: -1}
	return j, &stage.ColumnRef{Index: d.m + w + d.m, Name: markerName, T: arrow.FixedWidthTypes.Boolean}
}

// groupingSets is aggregate for an aggregation by grouping sets (over
// e): the domain's columns pass through the Expand and join every set's
// keys. An empty set's group (a grand total) is due for every outer value,
// rows or none (the Defaults of the aggregation without correlation): the
// domain left-joins the Expand's input, so that an outer value without
// rows has one row of NULLs, and of the groups that row makes only the
// empty sets' stay.
func (d *dependentOn) groupingSets(n *logical.Aggregate, e *logical.Expand) (logical.Plan, error) {
	in, err := d.of(e.Input)
	if err != nil {
		return nil, err
	}
	w, nk := logical.Width(e.Input), len(e.Keys)
	// at maps a column of e's output to the new Expand's; the domain's
	// columns are at dom.
	at := func(i int) int { return i + d.m } // key copies and the grouping id
	dom := w
	keys := e.Keys
	var marker *stage.ColumnRef
	var src logical.Plan = in
	if n.Defaults != nil {
		// The domain, the input's columns, their domain columns, the marker.
		src, marker = d.everyValue(in, w)
		keys = make([]int, nk)
		for i, k := range e.Keys {
			keys[i] = k + d.m
		}
		at = func(i int) int { return i - w + 2*d.m + w + 1 }
		dom = 0
	}
	exp := &logical.Expand{Input: src, Keys: keys, Sets: e.Sets}
	read := func(x stage.Expr) stage.Expr {
		return stage.RewriteColumns(x, func(ref *stage.ColumnRef) stage.Expr {
			switch {
			case logical.IsOuter(ref):
				return &stage.ColumnRef{Index: dom + d.slot[ref.Index-logical.OuterBase], Name: ref.Name, T: ref.T}
			case ref.Index >= w:
				return &stage.ColumnRef{Index: at(ref.Index), Name: ref.Name, T: ref.T}
			case n.Defaults != nil:
				return &stage.ColumnRef{Index: ref.Index + d.m, Name: ref.Name, T: ref.T}
			}
			return ref
		})
	}
	groups := len(n.GroupBy)
	agg := &logical.Aggregate{Input: exp, Names: append([]string(nil), n.Names[:groups]...)}
	for _, g := range n.GroupBy {
		agg.GroupBy = append(agg.GroupBy, read(g))
	}
	for _, c := range d.columns(exp, dom) {
		agg.GroupBy = append(agg.GroupBy, c)
		agg.Names = append(agg.Names, c.(*stage.ColumnRef).Name)
	}
	for _, a := range n.Aggs {
		a = mapAggCall(a, read)
		if marker != nil && a.Fn == stage.AggCountStar {
			a.Fn, a.Arg = stage.AggCount, marker
		}
		agg.Aggs = append(agg.Aggs, a)
	}
	agg.Names = append(agg.Names, n.Names[groups:]...)
	if marker == nil {
		return d.reorder(agg, groups, len(n.Aggs)), nil
	}
	// Keep the groups of rows, and the empty sets' of an outer value
	// without rows.
	agg.Aggs = append(agg.Aggs, stage.AggCall{Fn: stage.AggCount, Arg: marker, T: arrow.PrimitiveTypes.Int64})
	agg.Names = append(agg.Names, "matched_rows")
	gid := -1
	for i, g := range n.GroupBy {
		if ref, ok := g.(*stage.ColumnRef); ok && ref.Index == w+nk {
			gid = i
		}
	}
	if gid < 0 {
		return nil, qerr.ErrUnsupported.New("correlated subquery with grouping sets whose outer references are outside its WHERE clause")
	}
	sch := agg.Schema()
	rows := &stage.ColumnRef{Index: sch.NumFields() - 1, Name: "matched_rows", T: arrow.PrimitiveTypes.Int64}
	keep := stage.Expr(&stage.Call{Fn: ">", T: arrow.FixedWidthTypes.Boolean,
		Args: []stage.Expr{rows, &stage.Literal{Text: "0", T: arrow.PrimitiveTypes.Int64}}})
	gidRef := &stage.ColumnRef{Index: gid, Name: sch.Field(gid).Name, T: sch.Field(gid).Type}
	for id, set := range e.Sets {
		if len(set) == 0 {
			keep = &stage.Call{Fn: "or", T: arrow.FixedWidthTypes.Boolean, Args: []stage.Expr{keep,
				&stage.Call{Fn: "=", T: arrow.FixedWidthTypes.Boolean, Args: []stage.Expr{gidRef, &stage.Literal{Text: strconv.Itoa(id), T: gidRef.T}}}}}
		}
	}
	// Groups, aggregates, the domain's columns; the count goes.
	return d.reorder(&logical.Filter{Input: agg, Cond: keep}, groups, len(n.Aggs)), nil
}

// limit keeps the first rows of each outer value: row_number() over the
// domain's columns, in the ORDER BY's order, within the offset and count.
func (d *dependentOn) limit(n *logical.Limit) (logical.Plan, error) {
	input := n.Input
	var order []stage.SortKey
	if s, ok := input.(*logical.Sort); ok {
		input, order = s.Input, s.Keys
	}
	in, err := d.of(input)
	if err != nil {
		return nil, err
	}
	w := logical.Width(input)
	win := &logical.Window{Input: in, PartitionBy: d.columns(in, w), OrderBy: d.readKeys(order, w),
		Funcs: []stage.WindowFunc{{Fn: "row_number", T: arrow.PrimitiveTypes.Int64}}, Names: []string{"limit_row"}}
	rn := &stage.ColumnRef{Index: w + d.m, Name: "limit_row", T: arrow.PrimitiveTypes.Int64}
	bound := func(op string, v int64) stage.Expr {
		return &stage.Call{Fn: op, Args: []stage.Expr{rn, &stage.Literal{Text: strconv.FormatInt(v, 10), T: arrow.PrimitiveTypes.Int64}}, T: arrow.FixedWidthTypes.Boolean}
	}
	kept := bound(">", n.Offset)
	if n.Count >= 0 {
		kept = logical.And(kept, bound("<=", n.Offset+n.Count))
	}
	out := &logical.Project{Input: &logical.Filter{Input: win, Cond: kept}}
	for i, f := range in.Schema().Fields() {
		out.Exprs = append(out.Exprs, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
		out.Names = append(out.Names, f.Name)
	}
	return out, nil
}

// join pushes the domain into the sides that read outer columns. A side
// whose rows the join keeps unmatched (the left of a LEFT, SEMI, ANTI or
// MARK join, both of a FULL one) takes the domain as well when the other
// side or the condition reads it, so that it has its rows for every outer
// value; where both sides carry the domain, their values must be equal.
func (d *dependentOn) join(n *logical.Join) (logical.Plan, error) {
	wl, wr := logical.Width(n.Left), logical.Width(n.Right)
	lc, rc := logical.HasOuterRefs(n.Left), logical.HasOuterRefs(n.Right)
	var withLeft, withRight bool
	switch n.Kind {
	case stage.InnerJoin:
		withLeft, withRight = lc || !rc, rc
	case stage.FullJoin:
		withLeft, withRight = true, true
	default:
		withLeft, withRight = true, rc
	}
	left, right := n.Left, n.Right
	var err error
	if withLeft {
		if left, err = d.of(left); err != nil {
			return nil, err
		}
	}
	if withRight {
		if right, err = d.of(right); err != nil {
			return nil, err
		}
	}
	ml := 0
	if withLeft {
		ml = d.m
	}
	// The domain's columns that the condition reads: the left side's
	// where it has them, else the right's.
	at := wl + ml + wr
	if withLeft {
		at = wl
	}
	cond := stage.Expr(nil)
	if n.Cond != nil {
		cond = stage.RewriteColumns(n.Cond, func(ref *stage.ColumnRef) stage.Expr {
			switch {
			case logical.IsOuter(ref):
				return &stage.ColumnRef{Index: at + d.slot[ref.Index-logical.OuterBase], Name: ref.Name, T: ref.T}
			case ref.Index >= wl:
				return &stage.ColumnRef{Index: ref.Index + ml, Name: ref.Name, T: ref.T}
			}
			return ref
		})
	}
	lsch := left.Schema()
	rsch := right.Schema()
	if withLeft && withRight {
		for i := 0; i < d.m; i++ {
			lf, rf := lsch.Field(wl+i), rsch.Field(wr+i)
			cond = logical.And(cond, nullSafeEqual(&stage.ColumnRef{Index: wl + i, Name: lf.Name, T: lf.Type},
				&stage.ColumnRef{Index: wl + d.m + wr + i, Name: rf.Name, T: rf.Type}))
		}
	}
	j := &logical.Join{Left: left, Right: right, Kind: n.Kind, Cond: cond,
		MarkIn: n.MarkIn, RightMark: n.RightMark, MarkName: n.MarkName}
	switch n.Kind {
	case stage.SemiJoin, stage.AntiJoin:
		return j, nil // the left's columns, with the domain's
	case stage.MarkJoin:
		return d.reorder(j, wl, 1), nil
	}
	if !withLeft {
		return j, nil // the left's, the right's, the domain's
	}
	sch := j.Schema()
	out := &logical.Project{Input: j}
	add := func(e stage.Expr, name string) {
		out.Exprs = append(out.Exprs, e)
		out.Names = append(out.Names, name)
	}
	col := func(i int) *stage.ColumnRef {
		f := sch.Field(i)
		return &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}
	}
	for i := 0; i < wl; i++ {
		add(col(i), sch.Field(i).Name)
	}
	for i := 0; i < wr; i++ {
		add(col(wl+d.m+i), sch.Field(wl+d.m+i).Name)
	}
	for i := 0; i < d.m; i++ {
		var v stage.Expr = col(wl + i)
		if n.Kind == stage.FullJoin {
			// A right row that matched nothing has the domain's value of
			// its own side only.
			v = &stage.Call{Fn: "coalesce", Args: []stage.Expr{v, col(wl + d.m + wr + i)}, T: v.Type()}
		}
		add(v, sch.Field(wl+i).Name)
	}
	return out, nil
}
