package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Plan is a physical operator. Plans are immutable trees: WithChildren returns
// a copy. Every node states the distribution it requires of each input
// (Required) and the partitioning it delivers given its inputs' (Delivered);
// EnforceDistribution inserts exchanges where they do not match.
type Plan interface {
	// Schema is the node's output schema; names are for EXPLAIN and the
	// final result, columns are addressed by position.
	Schema() *arrow.Schema
	Children() []Plan
	// WithChildren returns a copy of the node over new children.
	WithChildren(children ...Plan) Plan
	// Required is the distribution each child must deliver.
	Required() []Distribution
	// Delivered is the node's output partitioning given its children's.
	Delivered(children []Partitioning) Partitioning
	// Explain is the node's one-line description.
	Explain() string
	isPlan()
}

// Scan reads columns of a managed table. ID numbers the scans of a query so
// that a task's ScanSplits find theirs.
type Scan struct {
	ID       int
	Database string
	Table    string
	// Columns are the table's column names that the scan reads, in output order.
	Columns []string
	Types   []arrow.DataType
	// Files and Rows describe the snapshot, for EXPLAIN and costing; which
	// files a task reads is the scheduler's business.
	Files int
	Rows  int64
	// Tasks is how many tasks read the table (the live workers at planning,
	// or the table's buckets).
	Tasks int
	// Buckets is the table's hash partition count when it is stored
	// partitioned (PARTITION BY HASH): task i then reads bucket i, so the
	// scan delivers its rows hashed on BucketKeys (output positions).
	Buckets    int
	BucketKeys []int
	// NDV estimates each column's distinct values from the snapshot's
	// statistics (0 where unknown); only the planner reads it.
	NDV []float64
}

// Filter keeps the rows for which Cond is true.
type Filter struct {
	Input Plan
	Cond  Expr
}

// Project computes one output column per expression.
type Project struct {
	Input Plan
	Exprs []Expr
	Names []string
}

// AggregateMode says which half of a split aggregation a node is.
type AggregateMode string

const (
	// AggregateComplete aggregates raw rows to final values in one step.
	AggregateComplete AggregateMode = "Aggregate"
	// AggregatePartial aggregates raw rows to partial states per task.
	AggregatePartial AggregateMode = "AggregatePartial"
	// AggregateFinal merges partial states (laid out as AggregatePartial
	// delivers them: group columns, then each aggregate's state columns).
	AggregateFinal AggregateMode = "AggregateFinal"
)

// Aggregate groups rows by GroupBy and computes Aggs. Its output is the group
// columns followed by one column per aggregate (Complete, Final) or by each
// aggregate's state columns (Partial, see PartialStates).
type Aggregate struct {
	Input   Plan
	Mode    AggregateMode
	GroupBy []Expr
	Aggs    []AggCall
	Names   []string // group names then aggregate names
}

// SortKey is one ORDER BY key. NullsFirst is explicit: MySQL puts NULLs first
// in ascending order, DuckDB last, and the renderer must not guess.
type SortKey struct {
	Expr       Expr
	Desc       bool
	NullsFirst bool
}

// Sort orders rows. A global Sort requires all rows in one task; a Local one
// (which EnforceDistribution places below a Convergent exchange) orders each
// task's rows so that the global one above merely merges.
type Sort struct {
	Input Plan
	Keys  []SortKey
	Local bool
}

// Limit skips Offset rows and returns at most Count. A global Limit requires
// all rows in one task; a Local one (Offset 0, Count of the global
// Offset+Count) trims each task's rows before the gather.
type Limit struct {
	Input  Plan
	Offset int64
	Count  int64
	Local  bool
}

// Values is a constant relation (INSERT ... VALUES, SELECT without FROM).
type Values struct {
	Rows  [][]Expr
	Names []string
	Types []arrow.DataType
}

// Exchange is a StagePlan: the boundary where rows move between tasks. The
// fragmenter cuts the plan here.
type Exchange struct {
	Input Plan
	Kind  ExchangeKind
	Keys  []int // hash keys (input column positions) of a Normal exchange
	Tasks int   // consumer tasks of a Normal or Expansive exchange
}

// ExchangeSource is a fragment's leaf that reads the exchange produced by
// fragment From. It exists only after fragmenting.
type ExchangeSource struct {
	From   FragmentID
	Kind   ExchangeKind
	Keys   []int
	Tasks  int
	schema *arrow.Schema
}

var (
	_ Plan = (*Scan)(nil)
	_ Plan = (*Filter)(nil)
	_ Plan = (*Project)(nil)
	_ Plan = (*Aggregate)(nil)
	_ Plan = (*Sort)(nil)
	_ Plan = (*Limit)(nil)
	_ Plan = (*Values)(nil)
	_ Plan = (*Exchange)(nil)
	_ Plan = (*ExchangeSource)(nil)
)

func (*Scan) isPlan()           {}
func (*Filter) isPlan()         {}
func (*Project) isPlan()        {}
func (*Aggregate) isPlan()      {}
func (*Sort) isPlan()           {}
func (*Limit) isPlan()          {}
func (*Values) isPlan()         {}
func (*Exchange) isPlan()       {}
func (*ExchangeSource) isPlan() {}

func schemaOf(names []string, types []arrow.DataType) *arrow.Schema {
	fields := make([]arrow.Field, len(names))
	for i := range names {
		fields[i] = arrow.Field{Name: names[i], Type: types[i], Nullable: true}
	}
	return arrow.NewSchema(fields, nil)
}

func exprTypes(es []Expr) []arrow.DataType {
	ts := make([]arrow.DataType, len(es))
	for i, e := range es {
		ts[i] = e.Type()
	}
	return ts
}

// Schema, Children, WithChildren.

func (s *Scan) Schema() *arrow.Schema               { return schemaOf(s.Columns, s.Types) }
func (s *Scan) Children() []Plan                    { return nil }
func (s *Scan) WithChildren(...Plan) Plan           { c := *s; return &c }
func (f *Filter) Schema() *arrow.Schema             { return f.Input.Schema() }
func (f *Filter) Children() []Plan                  { return []Plan{f.Input} }
func (p *Project) Schema() *arrow.Schema            { return schemaOf(p.Names, exprTypes(p.Exprs)) }
func (p *Project) Children() []Plan                 { return []Plan{p.Input} }
func (a *Aggregate) Children() []Plan               { return []Plan{a.Input} }
func (s *Sort) Schema() *arrow.Schema               { return s.Input.Schema() }
func (s *Sort) Children() []Plan                    { return []Plan{s.Input} }
func (l *Limit) Schema() *arrow.Schema              { return l.Input.Schema() }
func (l *Limit) Children() []Plan                   { return []Plan{l.Input} }
func (v *Values) Schema() *arrow.Schema             { return schemaOf(v.Names, v.Types) }
func (v *Values) Children() []Plan                  { return nil }
func (v *Values) WithChildren(...Plan) Plan         { c := *v; return &c }
func (e *Exchange) Schema() *arrow.Schema           { return e.Input.Schema() }
func (e *Exchange) Children() []Plan                { return []Plan{e.Input} }
func (e *ExchangeSource) Schema() *arrow.Schema     { return e.schema }
func (e *ExchangeSource) Children() []Plan          { return nil }
func (e *ExchangeSource) WithChildren(...Plan) Plan { c := *e; return &c }

func (f *Filter) WithChildren(ch ...Plan) Plan    { c := *f; c.Input = ch[0]; return &c }
func (p *Project) WithChildren(ch ...Plan) Plan   { c := *p; c.Input = ch[0]; return &c }
func (a *Aggregate) WithChildren(ch ...Plan) Plan { c := *a; c.Input = ch[0]; return &c }
func (s *Sort) WithChildren(ch ...Plan) Plan      { c := *s; c.Input = ch[0]; return &c }
func (l *Limit) WithChildren(ch ...Plan) Plan     { c := *l; c.Input = ch[0]; return &c }
func (e *Exchange) WithChildren(ch ...Plan) Plan  { c := *e; c.Input = ch[0]; return &c }

// Schema of an Aggregate: group columns, then final values or partial states.
func (a *Aggregate) Schema() *arrow.Schema {
	names := append([]string(nil), a.Names[:len(a.GroupBy)]...)
	types := exprTypes(a.GroupBy)
	for i, agg := range a.Aggs {
		name := a.Names[len(a.GroupBy)+i]
		if a.Mode != AggregatePartial {
			names, types = append(names, name), append(types, agg.T)
			continue
		}
		for j, st := range PartialStates(agg) {
			names = append(names, fmt.Sprintf("%s#%d", name, j))
			types = append(types, st)
		}
	}
	return schemaOf(names, types)
}

// PartialStates are the types of the state columns that a partial aggregate
// delivers for agg: avg carries a sum and a count, the others one value.
func PartialStates(agg AggCall) []arrow.DataType {
	switch agg.Fn {
	case AggCount, AggCountStar:
		return []arrow.DataType{arrow.PrimitiveTypes.Int64}
	case AggAvg:
		return []arrow.DataType{AvgSumType(agg.Arg.Type()), arrow.PrimitiveTypes.Int64}
	}
	return []arrow.DataType{agg.T}
}

// AvgSumType is the type avg accumulates its sum in: exact for integers and
// decimals, float64 otherwise.
func AvgSumType(arg arrow.DataType) arrow.DataType {
	switch t := arg.(type) {
	case *arrow.Decimal128Type:
		return &arrow.Decimal128Type{Precision: 38, Scale: t.Scale}
	}
	if IsInteger(arg) {
		return &arrow.Decimal128Type{Precision: 38, Scale: 0}
	}
	return arrow.PrimitiveTypes.Float64
}

// IsInteger reports whether t is a signed or unsigned integer type.
func IsInteger(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return true
	}
	return false
}

// Splittable reports whether the aggregation can run as partial and final
// halves: DISTINCT aggregates cannot be merged from per-task states, nor
// can those whose states Quiver does not model.
func (a *Aggregate) Splittable() bool {
	for _, agg := range a.Aggs {
		switch {
		case agg.Distinct:
			return false
		case agg.Fn == AggCount, agg.Fn == AggCountStar, agg.Fn == AggSum, agg.Fn == AggMin, agg.Fn == AggMax, agg.Fn == AggAvg, agg.Fn == AggAnyValue:
		default:
			return false // statistical and string aggregates have no mergeable state here
		}
	}
	return true
}

// NewExchangeSource makes the leaf that reads fragment from's output.
func NewExchangeSource(from FragmentID, ex *Exchange) *ExchangeSource {
	return &ExchangeSource{From: from, Kind: ex.Kind, Keys: ex.Keys, Tasks: ex.Tasks, schema: ex.Input.Schema()}
}

// Explain lines.

func (s *Scan) Explain() string {
	out := fmt.Sprintf("Scan: %s.%s columns=[%s] files=%d rows=%d", s.Database, s.Table, strings.Join(s.Columns, ", "), s.Files, s.Rows)
	if s.Buckets > 0 {
		keys := make([]string, len(s.BucketKeys))
		for i, k := range s.BucketKeys {
			keys[i] = s.Columns[k]
		}
		out += fmt.Sprintf(" buckets=%d", s.Buckets)
		if len(keys) > 0 {
			out += fmt.Sprintf(" hash(%s)", strings.Join(keys, ", "))
		}
	}
	return out
}
func (f *Filter) Explain() string { return "Filter: " + f.Cond.String() }
func (p *Project) Explain() string {
	parts := make([]string, len(p.Exprs))
	for i, e := range p.Exprs {
		if s := e.String(); s == p.Names[i] {
			parts[i] = s
		} else {
			parts[i] = s + " AS " + p.Names[i]
		}
	}
	return "Project: " + strings.Join(parts, ", ")
}
func (a *Aggregate) Explain() string {
	aggs := make([]string, len(a.Aggs))
	for i, agg := range a.Aggs {
		aggs[i] = agg.String()
	}
	return fmt.Sprintf("%s: group=[%s] aggs=[%s]", a.Mode, joinExprs(a.GroupBy), strings.Join(aggs, ", "))
}
func (s *Sort) Explain() string {
	parts := make([]string, len(s.Keys))
	for i, k := range s.Keys {
		parts[i] = k.Expr.String()
		if k.Desc {
			parts[i] += " DESC"
		}
		if k.NullsFirst != !k.Desc {
			if k.NullsFirst {
				parts[i] += " NULLS FIRST"
			} else {
				parts[i] += " NULLS LAST"
			}
		}
	}
	return localPrefix(s.Local) + "Sort: " + strings.Join(parts, ", ")
}
func (l *Limit) Explain() string {
	if l.Offset > 0 {
		return fmt.Sprintf("%sLimit: %d offset=%d", localPrefix(l.Local), l.Count, l.Offset)
	}
	return fmt.Sprintf("%sLimit: %d", localPrefix(l.Local), l.Count)
}
func (v *Values) Explain() string { return fmt.Sprintf("Values: rows=%d", len(v.Rows)) }
func (e *Exchange) Explain() string {
	return "Exchange " + exchangeLabel(e.Kind, e.Keys, e.Input.Schema(), e.Tasks)
}
func (e *ExchangeSource) Explain() string {
	return fmt.Sprintf("ExchangeSource: fragment %d", e.From)
}

func exchangeLabel(kind ExchangeKind, keys []int, in *arrow.Schema, tasks int) string {
	switch kind {
	case Normal:
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = in.Field(k).Name
		}
		return fmt.Sprintf("%s hash(%s) -> %d", kind, strings.Join(names, ", "), tasks)
	case Expansive:
		return fmt.Sprintf("%s broadcast -> %d", kind, tasks)
	}
	return fmt.Sprintf("%s -> 1", kind)
}

func localPrefix(local bool) string {
	if local {
		return "Local"
	}
	return ""
}
