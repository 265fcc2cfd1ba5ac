package stage

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Plan is a physical operator, as the physical planner
// (coordinator/physical) builds it from a logical plan. Plans are immutable
// trees: WithChildren returns a copy. Every node states the distribution it
// requires of each input (Required) and the partitioning it delivers given
// its inputs' (Delivered); EnforceDistribution inserts exchanges where they
// do not match.
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
	// or the table's buckets); the physical planner sets it.
	Tasks int
	// Buckets is the table's hash partition count when it is stored
	// partitioned (PARTITION BY HASH): task i then reads bucket i, so the
	// scan delivers its rows hashed on BucketKeys (output positions).
	Buckets    int
	BucketKeys []int
	// NDV estimates each column's distinct values from the snapshot's
	// statistics (0 where unknown); only the planner reads it.
	NDV []float64
	// MaxAbs bounds each column's absolute values over the snapshot, from
	// its min / max statistics (negative where unknown). The renderer proves
	// with it where decimal arithmetic fits DuckDB's 64-bit decimals.
	MaxAbs []float64
	// External is set for a scan of an external table, whose split files
	// are absolute paths read in its format.
	External *ExternalFormat
	// Skipped is what the planner's pruning left out of Files and Rows by
	// min / max statistics, for EXPLAIN.
	Skipped Skipped
}

// Skipped counts the files and row groups a scan does not read because no
// row of theirs can pass the filter above it.
type Skipped struct {
	Files, RowGroups int
}

// Explain is the suffix of a scan's line; empty when nothing was skipped.
func (s Skipped) Explain() string {
	if s == (Skipped{}) {
		return ""
	}
	return fmt.Sprintf(" skipped=%d files, %d row groups", s.Files, s.RowGroups)
}

// ExternalFormat is how a scan reads an external table's files.
type ExternalFormat struct {
	Format string `json:"format"` // "parquet" or "csv"
	// Options are the CSV reading options: header (true or false),
	// delimiter, and skip (lines skipped first, IMPORT INTO's skip_rows).
	Options map[string]string `json:"options,omitempty"`
	// Describe makes the scan answer the files' columns as rows of
	// (column name, DuckDB type) instead of the files' rows: how CREATE
	// EXTERNAL TABLE without columns has a worker infer the schema. Columns
	// and Types are then those two utf8 columns.
	Describe bool `json:"describe,omitempty"`
	// Columns name a headerless CSV file's columns in file order: the
	// table's declared columns (a scan may read fewer of them).
	Columns []string `json:"columns,omitempty"`
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
	// Defaults are groups, one literal per GroupBy column, that the
	// aggregation outputs even when no input row falls in them, with each
	// aggregate's value over no rows: the empty grouping set () of ROLLUP,
	// CUBE and GROUPING SETS is one grand-total row over any input, as an
	// aggregate without GROUP BY is. A partial aggregate emits each in
	// every task, with empty states, so that the final one, which carries
	// none, always has a partial to merge for them; a complete one that
	// has them runs in one task (Required), where it adds those missing.
	Defaults [][]Expr
	// HashOn, when set, are the group keys (indexes into GroupBy) that a
	// final or complete aggregation asks its input to be hashed on instead
	// of all of them: equal groups still meet, and a parent aggregation
	// grouping by those keys finds its input hashed on them, so one
	// shuffle serves both (count(DISTINCT x) GROUP BY g: the distinct (g,
	// x) pairs, then the counts per g). Only the planner reads it.
	HashOn []int
}

// SortKey is one ORDER BY key. NullsFirst is explicit: MySQL puts NULLs first
// in ascending order, DuckDB last, and the renderer must not guess.
type SortKey struct {
	Expr       Expr
	Desc       bool
	NullsFirst bool
}

// Sort orders rows. A global Sort requires all rows in one task; a Local one
// (which the physical planner places below a global one whose input is
// partitioned, so that a Convergent exchange comes between them) orders
// each task's rows so that the global one above merely merges.
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
	// InputTasks is how many tasks produce the exchange's input: what
	// EnforceDistribution found it delivers, and Cut makes the producing
	// fragment's task count.
	InputTasks int
	// Filter, when set, makes the producing fragment the build side of a
	// runtime filter (coordinator/physical.RuntimeFilters): besides its
	// rows, it sends the filter of their Filter.Keys to the fragment that
	// holds the RuntimeFilter node of the same ID.
	Filter *FilterBuild
}

// FilterBuild names the runtime filter that an exchange's input builds:
// its ID within the query and the input's columns it summarizes, in the
// order of the probe's RuntimeFilter.Keys.
type FilterBuild struct {
	ID   int
	Keys []int
	// Bloom: the filter's keys are the exchange's hash keys, paired with
	// the probe exchange's, so the build also sends a Bloom filter of the
	// rows' hashes (stage/exec bloom.go).
	Bloom bool
}

// RuntimeFilter passes the rows of Input whose Keys may match the build
// side of a join: at run time the worker turns the filter that the build
// fragment sent (each key's minimum, maximum and, when few, its distinct
// values) into a condition on Keys, before the rows leave through the
// exchange above it. Only the keys of inner and semi joins are filtered,
// where a row whose key is outside the build side's values (or NULL)
// cannot join. Where no filter arrives (a plan rendered on one node) it
// passes every row, so the plan stays a valid single-node plan.
type RuntimeFilter struct {
	Input Plan
	ID    int
	Keys  []int // input columns, in the build's FilterBuild.Keys order
	// Bloom: the node is the root of a fragment whose output exchange
	// hashes the rows as the build's does, so its router also drops the
	// rows whose hash the build's Bloom filter lacks.
	Bloom bool
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
	_ Plan = (*RuntimeFilter)(nil)
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
func (*RuntimeFilter) isPlan()  {}

// SchemaOf is the schema of columns of names and types, all nullable.
func SchemaOf(names []string, types []arrow.DataType) *arrow.Schema {
	fields := make([]arrow.Field, len(names))
	for i := range names {
		fields[i] = arrow.Field{Name: names[i], Type: types[i], Nullable: true}
	}
	return arrow.NewSchema(fields, nil)
}

// ExprTypes are the types of es.
func ExprTypes(es []Expr) []arrow.DataType {
	ts := make([]arrow.DataType, len(es))
	for i, e := range es {
		ts[i] = e.Type()
	}
	return ts
}

// Schema, Children, WithChildren.

func (s *Scan) Schema() *arrow.Schema               { return SchemaOf(s.Columns, s.Types) }
func (s *Scan) Children() []Plan                    { return nil }
func (s *Scan) WithChildren(...Plan) Plan           { c := *s; return &c }
func (f *Filter) Schema() *arrow.Schema             { return f.Input.Schema() }
func (f *Filter) Children() []Plan                  { return []Plan{f.Input} }
func (p *Project) Schema() *arrow.Schema            { return SchemaOf(p.Names, ExprTypes(p.Exprs)) }
func (p *Project) Children() []Plan                 { return []Plan{p.Input} }
func (a *Aggregate) Children() []Plan               { return []Plan{a.Input} }
func (s *Sort) Schema() *arrow.Schema               { return s.Input.Schema() }
func (s *Sort) Children() []Plan                    { return []Plan{s.Input} }
func (l *Limit) Schema() *arrow.Schema              { return l.Input.Schema() }
func (l *Limit) Children() []Plan                   { return []Plan{l.Input} }
func (v *Values) Schema() *arrow.Schema             { return SchemaOf(v.Names, v.Types) }
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

func (a *Aggregate) Schema() *arrow.Schema {
	return AggregateSchema(a.Mode, a.GroupBy, a.Aggs, a.Names)
}

// AggregateSchema is an aggregation's output: group columns, then final
// values or (mode AggregatePartial) partial states.
func AggregateSchema(mode AggregateMode, groupBy []Expr, aggs []AggCall, allNames []string) *arrow.Schema {
	names := append([]string(nil), allNames[:len(groupBy)]...)
	types := ExprTypes(groupBy)
	for i, agg := range aggs {
		name := allNames[len(groupBy)+i]
		if mode != AggregatePartial {
			names, types = append(names, name), append(types, agg.T)
			continue
		}
		for j, st := range PartialStates(agg) {
			names = append(names, fmt.Sprintf("%s#%d", name, j))
			types = append(types, st)
		}
	}
	return SchemaOf(names, types)
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

// Explain lines. The Explain* functions are shared with the logical plan
// (coordinator/logical), whose nodes print as their physical counterparts.

func (s *Scan) Explain() string {
	return ExplainScan(s.Database, s.Table, s.Columns, s.Files, s.Rows, s.Buckets, s.BucketKeys) + s.External.explain() + s.Skipped.Explain()
}

// explain is the suffix of an external scan's line.
func (e *ExternalFormat) explain() string {
	switch {
	case e == nil:
		return ""
	case e.Describe:
		return " external=" + e.Format + " describe"
	}
	return " external=" + e.Format
}

// ExplainExternal is the suffix of an external scan's line, shared with the
// logical plan.
func ExplainExternal(e *ExternalFormat) string { return e.explain() }

// ExplainScan is a scan's line: the table, the columns read, the snapshot's
// size and, for a bucketed table, its buckets and the hash columns read.
func ExplainScan(database, table string, columns []string, files int, rows int64, buckets int, bucketKeys []int) string {
	out := fmt.Sprintf("Scan: %s.%s columns=[%s] files=%d rows=%d", database, table, strings.Join(columns, ", "), files, rows)
	if buckets > 0 {
		keys := make([]string, len(bucketKeys))
		for i, k := range bucketKeys {
			keys[i] = columns[k]
		}
		out += fmt.Sprintf(" buckets=%d", buckets)
		if len(keys) > 0 {
			out += fmt.Sprintf(" hash(%s)", strings.Join(keys, ", "))
		}
	}
	return out
}
func (f *Filter) Explain() string  { return "Filter: " + f.Cond.String() }
func (p *Project) Explain() string { return ExplainProject(p.Exprs, p.Names) }

// ExplainProject is a projection's line: each expression, AS its name where
// the two differ.
func ExplainProject(exprs []Expr, names []string) string {
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		if s := e.String(); s == names[i] {
			parts[i] = s
		} else {
			parts[i] = s + " AS " + names[i]
		}
	}
	return "Project: " + strings.Join(parts, ", ")
}
func (a *Aggregate) Explain() string {
	return ExplainAggregate(string(a.Mode), a.GroupBy, a.Aggs) + ExplainDefaults(a.Defaults)
}

// ExplainDefaults is the suffix of an aggregation's line that lists its
// Defaults.
func ExplainDefaults(defaults [][]Expr) string {
	if len(defaults) == 0 {
		return ""
	}
	parts := make([]string, len(defaults))
	for i, row := range defaults {
		parts[i] = "(" + joinExprs(row) + ")"
	}
	return " defaults=[" + strings.Join(parts, ", ") + "]"
}

// ExplainAggregate is an aggregation's line, labelled with its mode.
func ExplainAggregate(label string, groupBy []Expr, aggs []AggCall) string {
	parts := make([]string, len(aggs))
	for i, agg := range aggs {
		parts[i] = agg.String()
	}
	return fmt.Sprintf("%s: group=[%s] aggs=[%s]", label, joinExprs(groupBy), strings.Join(parts, ", "))
}
func (s *Sort) Explain() string { return localPrefix(s.Local) + ExplainSort(s.Keys) }

// ExplainSort is a sort's line; NULLS FIRST / LAST is printed where it is
// not MySQL's default for the direction.
func ExplainSort(keys []SortKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
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
	return "Sort: " + strings.Join(parts, ", ")
}
func (l *Limit) Explain() string { return localPrefix(l.Local) + ExplainLimit(l.Offset, l.Count) }

// ExplainLimit is a limit's line.
func ExplainLimit(offset, count int64) string {
	if offset > 0 {
		return fmt.Sprintf("Limit: %d offset=%d", count, offset)
	}
	return fmt.Sprintf("Limit: %d", count)
}
func (v *Values) Explain() string { return ExplainValues(len(v.Rows)) }

// ExplainValues is a constant relation's line.
func ExplainValues(rows int) string { return fmt.Sprintf("Values: rows=%d", rows) }
func (e *Exchange) Explain() string {
	out := "Exchange " + exchangeLabel(e.Kind, e.Keys, e.Input.Schema(), e.Tasks)
	if e.Filter != nil {
		out += fmt.Sprintf(" builds filter #%d(%s)", e.Filter.ID, columnNames(e.Input.Schema(), e.Filter.Keys))
	}
	return out
}

func (r *RuntimeFilter) Schema() *arrow.Schema        { return r.Input.Schema() }
func (r *RuntimeFilter) Children() []Plan             { return []Plan{r.Input} }
func (r *RuntimeFilter) WithChildren(ch ...Plan) Plan { c := *r; c.Input = ch[0]; return &c }
func (r *RuntimeFilter) Required() []Distribution     { return anyInput }
func (r *RuntimeFilter) Delivered(in []Partitioning) Partitioning {
	return in[0]
}
func (r *RuntimeFilter) Explain() string {
	bloom := ""
	if r.Bloom {
		bloom = " and bloom"
	}
	return fmt.Sprintf("RuntimeFilter #%d: %s%s", r.ID, columnNames(r.Input.Schema(), r.Keys), bloom)
}

// Filterable reports whether runtime filters summarize join keys of type
// t: integers, dates, decimals and strings, whose order and equality are
// the same in Go and in DuckDB. Floats are left out (NaN and -0 compare
// differently), and so is every other type.
func Filterable(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.DATE32, arrow.DECIMAL128, arrow.STRING:
		return true
	}
	return IsInteger(t)
}

func columnNames(s *arrow.Schema, cols []int) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = s.Field(c).Name
	}
	return strings.Join(names, ", ")
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
