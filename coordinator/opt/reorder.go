package opt

import (
	"context"
	"slices"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

var boolType = arrow.FixedWidthTypes.Boolean

// ReorderJoins rebuilds every tree of inner joins as a left-deep chain that
// starts from the largest input (by the catalog's row counts and the
// planner's selectivities) and adds, at each step, the smallest input
// connected to what is already joined; inputs connected to nothing come
// last, as cross joins. The large input then stays where it was read and
// the small ones, on the right, can be broadcast to it. A projection above
// restores the original column order, so the rest of the plan is
// untouched. Conditions are placed on the first join that sees all their
// columns; PushDownPredicates then turns the equalities into join keys.
// Once ctx is done it rebuilds no further tree (see Rule).
func ReorderJoins(ctx context.Context, p logical.Plan) (logical.Plan, bool) {
	return logical.TransformDown(p, func(p logical.Plan) (logical.Plan, bool) {
		j, ok := p.(*logical.Join)
		if !ok || j.Kind != stage.InnerJoin || ctx.Err() != nil {
			return p, false
		}
		g := &joinGraph{}
		g.flatten(j)
		out, moved := g.rebuild()
		if !moved {
			return p, false
		}
		return out, true
	})
}

// joinGraph is a flattened tree of inner joins: its inputs in their
// original order, each at an offset of the concatenated columns, and the
// conjuncts over those columns.
type joinGraph struct {
	inputs  []logical.Plan
	schemas []*arrow.Schema // of each input
	offsets []int
	width   int
	conds   []stage.Expr
}

// flatten adds the inputs and conditions of the inner-join tree p; its
// inputs' own joins are reordered when the walk reaches them. It reads
// the schemas of the inputs only: a join's schema is built anew at every
// call, and asking each join of a deep tree for its own would be
// quadratic in the inputs.
func (g *joinGraph) flatten(p logical.Plan) {
	j, ok := p.(*logical.Join)
	if !ok || j.Kind != stage.InnerJoin {
		g.inputs = append(g.inputs, p)
		g.schemas = append(g.schemas, p.Schema())
		g.offsets = append(g.offsets, g.width)
		g.width += g.schemas[len(g.schemas)-1].NumFields()
		return
	}
	base := g.width
	g.flatten(j.Left)
	nLeft := g.width - base
	g.flatten(j.Right)
	at := func(e stage.Expr) stage.Expr { return logical.Shift(e, base) }
	for i := range j.LeftKeys {
		l, r := g.field(base+j.LeftKeys[i]), g.field(base+nLeft+j.RightKeys[i])
		g.conds = append(g.conds, at(equality(
			&stage.ColumnRef{Index: j.LeftKeys[i], Name: l.Name, T: l.Type},
			&stage.ColumnRef{Index: nLeft + j.RightKeys[i], Name: r.Name, T: r.Type})))
	}
	if j.Cond != nil {
		for _, c := range logical.SplitConjuncts(j.Cond) {
			g.conds = append(g.conds, at(c))
		}
	}
}

// field is global column c's field.
func (g *joinGraph) field(c int) arrow.Field {
	in := g.inputOf(c)
	return g.schemas[in].Field(c - g.offsets[in])
}

func equality(a, b stage.Expr) stage.Expr {
	return &stage.Call{Fn: "=", Args: []stage.Expr{a, b}, T: boolType}
}

// inputOf is the input that global column c belongs to.
func (g *joinGraph) inputOf(c int) int {
	for i := len(g.offsets) - 1; i >= 0; i-- {
		if c >= g.offsets[i] {
			return i
		}
	}
	return 0
}

// reads is the set of inputs an expression reads, as a bit set.
func (g *joinGraph) reads(e stage.Expr) uint64 {
	var set uint64
	stage.WalkExpr(e, func(e stage.Expr) {
		if c, ok := e.(*stage.ColumnRef); ok {
			set |= 1 << g.inputOf(c.Index)
		}
	})
	return set
}

// rebuild joins the inputs in the greedy order, or reports that it is
// their order already.
func (g *joinGraph) rebuild() (logical.Plan, bool) {
	n := len(g.inputs)
	if n > 64 {
		return nil, false
	}
	rows := make([]float64, n)
	for i, in := range g.inputs {
		rows[i] = logical.EstimateRows(in)
	}
	// Greedy order: the largest input first; then, of the inputs that a
	// condition connects to what is joined, the one whose join is estimated
	// smallest (a join on a key keeps the row count, one on a shared
	// attribute multiplies it); unconnected inputs last. The estimates are
	// computed step by step from the inputs' row counts and distinct
	// counts, without building the candidate chains: building them made
	// each step quadratic in the inputs and a 43-table join take seconds.
	ndv := make([]float64, g.width)
	for in, p := range g.inputs {
		for k := range g.schemas[in].NumFields() {
			ndv[g.offsets[in]+k] = logical.ColumnNDV(p, k)
		}
	}
	reads := make([]uint64, len(g.conds))
	for i, c := range g.conds {
		reads[i] = g.reads(c)
	}
	order := []int{0}
	for i := 1; i < n; i++ {
		if rows[i] > rows[order[0]] {
			order[0] = i
		}
	}
	joined, cur := uint64(1)<<order[0], rows[order[0]]
	for len(order) < n {
		best, bestLink, bestRows := -1, unlinked, 0.0
		for i := 0; i < n; i++ {
			if joined&(1<<i) != 0 {
				continue
			}
			est, l := g.estimateStep(cur, rows[i], joined, i, reads, ndv)
			if best < 0 || l > bestLink ||
				l == bestLink && (est < bestRows || est == bestRows && rows[i] < rows[best]) {
				best, bestLink, bestRows = i, l, est
			}
		}
		order = append(order, best)
		joined |= 1 << best
		cur = bestRows
	}
	if slices.IsSorted(order) {
		return nil, false
	}
	return g.chain(order), true
}

// link is how a condition connects an input to the inputs joined so far.
// An input linked by an equality of columns always goes before one linked
// by other conditions only (an inequality, a function of both sides): those
// join as a nested loop over the product of both sides, and estimates
// cannot tell how much of it they keep. In TPC-DS Q72 the date d3, linked
// to d1 by d3.d_date > d1.d_date + 5 as well as to catalog_sales by its
// key, was joined by the inequality first, before catalog_sales: billions
// of rows where DuckDB makes thousands.
type link int

const (
	unlinked link = iota // no condition: a cross join
	theta                // conditions, none an equality of columns
	equi                 // an equality of a joined column and one of the input
)

// estimateStep estimates the rows of joining input i (of rows rows) to the
// inputs joined so far (cur rows), as logical.EstimateRows would estimate
// that join, and says how a condition links them: the conditions not yet
// placed that only read the joined inputs and i are this join's.
func (g *joinGraph) estimateStep(cur, rows float64, joined uint64, i int, reads []uint64, ndv []float64) (float64, link) {
	with := joined | 1<<i
	connected, pairs, best := false, false, 1.0
	for k, c := range g.conds {
		if reads[k]&^joined == 0 || reads[k]&^with != 0 {
			continue // placed already, or it needs inputs not joined yet
		}
		connected = true
		eq, ok := c.(*stage.Call)
		if !ok || eq.Fn != "=" {
			continue
		}
		a, ok1 := eq.Args[0].(*stage.ColumnRef)
		b, ok2 := eq.Args[1].(*stage.ColumnRef)
		if !ok1 || !ok2 || (reads[k]&^(1<<i) == 0) {
			continue
		}
		pairs = true
		d := max(ndv[a.Index], ndv[b.Index])
		if d <= 0 {
			d = min(cur, rows)
		}
		best = max(best, d)
	}
	switch {
	case pairs:
		return max(cur*rows/best, 1), equi
	case connected:
		return max(cur, rows), theta
	}
	return cur * rows, unlinked
}

// chain joins the inputs left-deep in order, each condition on the first
// join that has all its inputs, and projects the original column order.
func (g *joinGraph) chain(order []int) logical.Plan {
	plan, newPos := g.join(order)
	if slices.IsSorted(newPos) {
		return plan
	}
	back := &logical.Project{Input: plan}
	for c := 0; c < g.width; c++ {
		f := g.field(c)
		back.Exprs = append(back.Exprs, &stage.ColumnRef{Index: newPos[c], Name: f.Name, T: f.Type})
		back.Names = append(back.Names, f.Name)
	}
	return back
}

// join builds the left-deep chain and returns where each original column
// ended up.
func (g *joinGraph) join(order []int) (plan logical.Plan, newPos []int) {
	newPos = make([]int, g.width)
	width := 0
	var joined uint64
	placed := make([]bool, len(g.conds))
	for _, in := range order {
		w := g.schemas[in].NumFields()
		for k := 0; k < w; k++ {
			newPos[g.offsets[in]+k] = width + k
		}
		width += w
		joined |= 1 << in
		if plan == nil {
			plan = g.inputs[in]
			continue
		}
		var conds []stage.Expr
		for i, c := range g.conds {
			if !placed[i] && g.reads(c)&^joined == 0 {
				placed[i] = true
				conds = append(conds, stage.RewriteColumns(c, func(ref *stage.ColumnRef) stage.Expr {
					return &stage.ColumnRef{Index: newPos[ref.Index], Name: ref.Name, T: ref.T}
				}))
			}
		}
		plan = &logical.Join{Left: plan, Right: g.inputs[in], Kind: stage.InnerJoin, Cond: logical.AndAll(conds), MarkIn: -1}
	}
	// Conditions that read no input (constants) go on top.
	var rest []stage.Expr
	for i, c := range g.conds {
		if !placed[i] {
			rest = append(rest, c)
		}
	}
	return filter(plan, rest), newPos
}
