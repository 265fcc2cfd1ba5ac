package logical

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// Plan is a logical operator. Plans are immutable trees: WithChildren returns
// a copy. Columns are addressed by position; names are for printing and for
// the result.
type Plan interface {
	Schema() *arrow.Schema
	Children() []Plan
	// WithChildren returns a copy of the node over new children.
	WithChildren(children ...Plan) Plan
	// Explain is the node's one-line description.
	Explain() string
	isPlan()
}

// Scan reads columns of a managed table. ID numbers the scans of a query so
// that the scheduler finds each one's snapshot.
type Scan struct {
	ID       int
	Database string
	Table    string
	// Columns are the table's column names that the scan reads, in output order.
	Columns []string
	Types   []arrow.DataType
	// Files and Rows describe the snapshot, for EXPLAIN and estimates.
	Files int
	Rows  int64
	// NDV estimates each column's distinct values from the snapshot's
	// statistics (0 where unknown).
	NDV []float64
	// Ranges are each column's min / max over the snapshot (Range.Known
	// false where unknown).
	Ranges []Range
	// Buckets is the table's hash partition count when it is stored
	// partitioned (PARTITION BY HASH), with BucketKeys the output positions
	// of its distribution keys while the scan reads them all.
	Buckets    int
	BucketKeys []int
	// External is set for a scan of an external table.
	External *stage.ExternalFormat
	// Skipped is what pruning by statistics took out of Files and Rows.
	Skipped stage.Skipped
}

// Filter keeps the rows for which Cond is true.
type Filter struct {
	Input Plan
	Cond  stage.Expr
}

// Project computes one output column per expression.
type Project struct {
	Input Plan
	Exprs []stage.Expr
	Names []string
}

// Join joins Left and Right on LeftKeys[i] = RightKeys[i] (columns of each
// side, of identical types) and the residual Cond, which addresses the left
// columns then the right ones. Its output is as stage.JoinSchema says.
type Join struct {
	Left, Right         Plan
	Kind                stage.JoinKind
	LeftKeys, RightKeys []int
	Cond                stage.Expr
	// MarkIn makes a Mark join's mark SQL's `left.MarkIn IN (right.RightMark)`:
	// NULL when unknown. -1 for EXISTS semantics (never NULL).
	MarkIn, RightMark int
	MarkName          string
}

// Aggregate groups rows by GroupBy and computes Aggs: the group columns,
// then one column per aggregate.
type Aggregate struct {
	Input   Plan
	GroupBy []stage.Expr
	Aggs    []stage.AggCall
	Names   []string // group names then aggregate names
	// Defaults are groups output even when no input row falls in them, as
	// stage.Aggregate's.
	Defaults [][]stage.Expr
}

// Expand repeats each input row once per grouping set (GROUP BY ROLLUP,
// CUBE, WITH ROLLUP): its output is the input's columns, a copy of each
// key that is NULL in the sets that roll it up, and the grouping id (the
// set's index), as stage.Expand says. The Aggregate above groups by the
// copies and the id.
type Expand struct {
	Input Plan
	// Keys are the input positions of the group keys; Sets are the
	// grouping sets as indexes into Keys.
	Keys []int
	Sets [][]int
}

// Window computes Funcs over the rows of each partition, ordered by
// OrderBy, and appends one column per function to its input's.
type Window struct {
	Input       Plan
	PartitionBy []stage.Expr
	OrderBy     []stage.SortKey
	Funcs       []stage.WindowFunc
	Names       []string
}

// Sort orders rows.
type Sort struct {
	Input Plan
	Keys  []stage.SortKey
}

// Limit skips Offset rows and returns at most Count (all for -1).
type Limit struct {
	Input  Plan
	Offset int64
	Count  int64
}

// SetOp combines inputs of the same column types; the output takes the
// first input's names.
type SetOp struct {
	Inputs []Plan
	Kind   stage.SetOpKind
}

// Values is a constant relation (INSERT ... VALUES, SELECT without FROM).
type Values struct {
	Rows  [][]stage.Expr
	Names []string
	Types []arrow.DataType
}

// Apply is a correlated subquery before decorrelation: Inner is evaluated
// for each row of Outer and holds outer references (column references from
// OuterBase up, to Outer's columns). It becomes a join of Kind on Cond
// (over Outer's columns then Inner's), with the Mark fields of a mark join,
// once the optimizer has lifted the outer references out of Inner into the
// join's condition (opt.DecorrelateApply). Its output is that join's.
type Apply struct {
	Outer, Inner      Plan
	Kind              stage.JoinKind
	Cond              stage.Expr
	MarkIn, RightMark int
	MarkName          string
}

// OuterBase numbers outer references; no plan has this many columns.
const OuterBase = 1 << 20

// IsOuter reports whether a column reference is an outer reference.
func IsOuter(c *stage.ColumnRef) bool { return c.Index >= OuterBase }

var (
	_ Plan = (*Scan)(nil)
	_ Plan = (*Filter)(nil)
	_ Plan = (*Project)(nil)
	_ Plan = (*Join)(nil)
	_ Plan = (*Aggregate)(nil)
	_ Plan = (*Window)(nil)
	_ Plan = (*Expand)(nil)
	_ Plan = (*Sort)(nil)
	_ Plan = (*Limit)(nil)
	_ Plan = (*SetOp)(nil)
	_ Plan = (*Values)(nil)
	_ Plan = (*Apply)(nil)
)

func (*Scan) isPlan()      {}
func (*Filter) isPlan()    {}
func (*Project) isPlan()   {}
func (*Join) isPlan()      {}
func (*Aggregate) isPlan() {}
func (*Window) isPlan()    {}
func (*Expand) isPlan()    {}
func (*Sort) isPlan()      {}
func (*Limit) isPlan()     {}
func (*SetOp) isPlan()     {}
func (*Values) isPlan()    {}
func (*Apply) isPlan()     {}

func (s *Scan) Schema() *arrow.Schema    { return stage.SchemaOf(s.Columns, s.Types) }
func (f *Filter) Schema() *arrow.Schema  { return f.Input.Schema() }
func (p *Project) Schema() *arrow.Schema { return stage.SchemaOf(p.Names, stage.ExprTypes(p.Exprs)) }
func (a *Aggregate) Schema() *arrow.Schema {
	return stage.AggregateSchema(stage.AggregateComplete, a.GroupBy, a.Aggs, a.Names)
}
func (w *Window) Schema() *arrow.Schema {
	return stage.WindowSchema(w.Input.Schema(), w.Funcs, w.Names)
}
func (e *Expand) Schema() *arrow.Schema { return stage.ExpandSchema(e.Input.Schema(), e.Keys) }
func (s *Sort) Schema() *arrow.Schema   { return s.Input.Schema() }
func (l *Limit) Schema() *arrow.Schema  { return l.Input.Schema() }
func (s *SetOp) Schema() *arrow.Schema  { return s.Inputs[0].Schema() }
func (v *Values) Schema() *arrow.Schema { return stage.SchemaOf(v.Names, v.Types) }
func (j *Join) Schema() *arrow.Schema {
	if j.Kind == stage.SemiJoin || j.Kind == stage.AntiJoin {
		return j.Left.Schema()
	}
	return arrow.NewSchema(joinFields(j, nil), nil)
}

// joinFields appends the output fields of p to out, as stage.JoinSchema
// lays them out, going through nested joins without building their
// schemas: a deep tree of joins would otherwise build one per level at
// every call, quadratic in its inputs.
func joinFields(p Plan, out []arrow.Field) []arrow.Field {
	j, ok := p.(*Join)
	if !ok || j.Kind == stage.SemiJoin || j.Kind == stage.AntiJoin {
		if ok {
			return joinFields(j.Left, out)
		}
		return append(out, p.Schema().Fields()...)
	}
	out = joinFields(j.Left, out)
	if j.Kind == stage.MarkJoin {
		return append(out, stage.JoinSchema(arrow.NewSchema(nil, nil), nil, j.Kind, j.MarkName).Fields()...)
	}
	return joinFields(j.Right, out)
}

// Width is the number of output columns of p, counted without building
// schemas where it can: rules ask for a join input's width at every node
// they visit, and building the schema of a deep join tree each time made
// planning a 43-table join quadratic in allocations.
func Width(p Plan) int {
	switch n := p.(type) {
	case *Scan:
		return len(n.Columns)
	case *Project:
		return len(n.Exprs)
	case *Filter:
		return Width(n.Input)
	case *Sort:
		return Width(n.Input)
	case *Limit:
		return Width(n.Input)
	case *Join:
		switch n.Kind {
		case stage.SemiJoin, stage.AntiJoin:
			return Width(n.Left)
		case stage.MarkJoin:
			return Width(n.Left) + 1
		}
		return Width(n.Left) + Width(n.Right)
	}
	return p.Schema().NumFields()
}

func (a *Apply) Schema() *arrow.Schema {
	return stage.JoinSchema(a.Outer.Schema(), a.Inner.Schema(), a.Kind, a.MarkName)
}

func (*Scan) Children() []Plan        { return nil }
func (f *Filter) Children() []Plan    { return []Plan{f.Input} }
func (p *Project) Children() []Plan   { return []Plan{p.Input} }
func (j *Join) Children() []Plan      { return []Plan{j.Left, j.Right} }
func (a *Aggregate) Children() []Plan { return []Plan{a.Input} }
func (w *Window) Children() []Plan    { return []Plan{w.Input} }
func (e *Expand) Children() []Plan    { return []Plan{e.Input} }
func (s *Sort) Children() []Plan      { return []Plan{s.Input} }
func (l *Limit) Children() []Plan     { return []Plan{l.Input} }
func (s *SetOp) Children() []Plan     { return s.Inputs }
func (*Values) Children() []Plan      { return nil }
func (a *Apply) Children() []Plan     { return []Plan{a.Outer, a.Inner} }

func (s *Scan) WithChildren(...Plan) Plan         { c := *s; return &c }
func (v *Values) WithChildren(...Plan) Plan       { c := *v; return &c }
func (f *Filter) WithChildren(ch ...Plan) Plan    { c := *f; c.Input = ch[0]; return &c }
func (p *Project) WithChildren(ch ...Plan) Plan   { c := *p; c.Input = ch[0]; return &c }
func (a *Aggregate) WithChildren(ch ...Plan) Plan { c := *a; c.Input = ch[0]; return &c }
func (w *Window) WithChildren(ch ...Plan) Plan    { c := *w; c.Input = ch[0]; return &c }
func (e *Expand) WithChildren(ch ...Plan) Plan    { c := *e; c.Input = ch[0]; return &c }
func (s *Sort) WithChildren(ch ...Plan) Plan      { c := *s; c.Input = ch[0]; return &c }
func (l *Limit) WithChildren(ch ...Plan) Plan     { c := *l; c.Input = ch[0]; return &c }
func (j *Join) WithChildren(ch ...Plan) Plan {
	c := *j
	c.Left, c.Right = ch[0], ch[1]
	return &c
}
func (a *Apply) WithChildren(ch ...Plan) Plan {
	c := *a
	c.Outer, c.Inner = ch[0], ch[1]
	return &c
}
func (s *SetOp) WithChildren(ch ...Plan) Plan {
	c := *s
	c.Inputs = append([]Plan(nil), ch...)
	return &c
}

// Explain lines: as the physical counterparts print, without what only a
// physical plan has (strategies, modes, local halves).

func (s *Scan) Explain() string {
	return stage.ExplainScan(s.Database, s.Table, s.Columns, s.Files, s.Rows, s.Buckets, s.BucketKeys) + stage.ExplainExternal(s.External) + s.Skipped.Explain()
}
func (f *Filter) Explain() string  { return "Filter: " + f.Cond.String() }
func (p *Project) Explain() string { return stage.ExplainProject(p.Exprs, p.Names) }
func (a *Aggregate) Explain() string {
	return stage.ExplainAggregate(string(stage.AggregateComplete), a.GroupBy, a.Aggs) + stage.ExplainDefaults(a.Defaults)
}
func (w *Window) Explain() string { return stage.ExplainWindow(w.PartitionBy, w.OrderBy, w.Funcs) }
func (s *Sort) Explain() string   { return stage.ExplainSort(s.Keys) }
func (e *Expand) Explain() string { return stage.ExplainExpand(e.Input.Schema(), e.Keys, e.Sets) }
func (l *Limit) Explain() string  { return stage.ExplainLimit(l.Offset, l.Count) }
func (s *SetOp) Explain() string  { return "SetOp: " + string(s.Kind) }
func (v *Values) Explain() string { return stage.ExplainValues(len(v.Rows)) }
func (j *Join) Explain() string {
	return stage.ExplainJoin(string(j.Kind)+"Join", j.Left.Schema(), j.Right.Schema(), j.Kind, j.LeftKeys, j.RightKeys, j.Cond, j.MarkIn, j.RightMark)
}

// Explain of an Apply: its join's line, with outer references printed as
// such.
func (a *Apply) Explain() string {
	line := fmt.Sprintf("Apply %sJoin", a.Kind)
	if a.Cond != nil {
		line += ": " + a.Cond.String()
	}
	if a.Kind == stage.MarkJoin {
		if a.MarkIn >= 0 {
			line += fmt.Sprintf(" mark=%s IN %s", a.Outer.Schema().Field(a.MarkIn).Name, a.Inner.Schema().Field(a.RightMark).Name)
		} else {
			line += " mark=exists"
		}
	}
	return line
}
