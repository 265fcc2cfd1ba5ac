package stage

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
)

// RenderEnv resolves what a fragment's leaves read on one worker.
type RenderEnv struct {
	// DataDir is the absolute data directory; ScanSplit files are relative to it.
	DataDir string
	// InputTable names the DuckDB table that holds the input exchange from fragment f.
	InputTable func(f FragmentID) string
}

// PartitionColumn is the trailing column that a Normal output's SQL adds: the
// consumer partition of each row, computed by DuckDB's hash so that every
// worker (all run the same DuckDB) places equal keys alike.
const PartitionColumn = "__part"

// RenderTask renders the task's fragment as one DuckDB SELECT whose columns
// are c0..cN-1 of the types the planner promised. For OutputNormal a last
// column PartitionColumn holds each row's consumer partition in [0, Consumers).
//
// The renderer owns every dialect difference between MySQL semantics and
// DuckDB (NULL ordering, integer division, result types): every value it
// computes is cast to the planned type.
func RenderTask(spec *TaskSpec, env RenderEnv) (string, error) {
	if err := CheckVersion(spec.Version); err != nil {
		return "", err
	}
	root, err := DecodePlan(spec.Plan)
	if err != nil {
		return "", err
	}
	r := &renderer{env: env, splits: map[int][]string{}}
	for _, s := range spec.Splits {
		r.splits[s.Scan] = s.Files
	}
	sql, err := r.render(root)
	if err != nil {
		return "", err
	}
	if spec.Output.Kind == OutputNormal {
		keys := make([]string, len(spec.Output.Keys))
		for i, k := range spec.Output.Keys {
			keys[i] = col(k)
		}
		sql = fmt.Sprintf("SELECT *, CAST(hash(%s) %% %d AS INTEGER) AS %s FROM (%s) AS t",
			strings.Join(keys, ", "), spec.Output.Consumers, PartitionColumn, sql)
	}
	return sql, nil
}

// RenderPlan renders a plan that reads no exchange and no table files: the
// oracle path of tests and constant queries.
func RenderPlan(p Plan) (string, error) {
	r := &renderer{splits: map[int][]string{}}
	return r.render(p)
}

type renderer struct {
	env    RenderEnv
	splits map[int][]string
}

func col(i int) string { return fmt.Sprintf("c%d", i) }

func (r *renderer) render(p Plan) (string, error) {
	switch p := p.(type) {
	case *Scan:
		return r.renderScan(p), nil
	case *Values:
		return renderValues(p), nil
	case *ExchangeSource:
		if r.env.InputTable == nil {
			return "", qerr.ErrInternal.New("fragment reads exchange %d but the task has no inputs", p.From)
		}
		return "SELECT * FROM " + quoteIdent(r.env.InputTable(p.From)), nil
	case *Exchange:
		return "", qerr.ErrInternal.New("exchange inside a fragment: plan was not fragmented")
	case *Join:
		return r.renderJoin(p)
	case *SetOp:
		return r.renderSetOp(p)
	}
	switch p := p.(type) {
	case *Project:
		return r.block(selectList(p.Exprs), p.Input)
	case *Sort, *Limit:
		return r.block("*", p)
	}
	input, err := r.render(p.Children()[0])
	if err != nil {
		return "", err
	}
	from := " FROM (" + input + ") AS t"
	switch p := p.(type) {
	case *Filter:
		return "SELECT *" + from + " WHERE " + renderExpr(p.Cond), nil
	case *Aggregate:
		return renderAggregate(p, from), nil
	case *Window:
		return renderWindow(p, from), nil
	}
	return "", qerr.ErrInternal.New("renderer: unknown plan node %T", p)
}

// block renders SELECT items over p, folding a Limit and a Sort at the top
// of p into the same query block: ORDER BY, LIMIT and the select list then
// belong to one SELECT, so no subquery boundary can lose the order.
func (r *renderer) block(items string, p Plan) (string, error) {
	var limit *Limit
	var sort *Sort
	if l, ok := p.(*Limit); ok {
		limit, p = l, l.Input
	}
	if s, ok := p.(*Sort); ok {
		sort, p = s, s.Input
	}
	if limit == nil && sort == nil && items == "*" {
		return "", qerr.ErrInternal.New("renderer: empty query block")
	}
	input, err := r.render(p)
	if err != nil {
		return "", err
	}
	sql := "SELECT " + items + " FROM (" + input + ") AS t"
	if sort != nil {
		sql += orderBy(sort.Keys)
	}
	if limit != nil {
		sql += limitClause(limit)
	}
	return sql, nil
}

func limitClause(l *Limit) string {
	s := ""
	if l.Count >= 0 {
		s += fmt.Sprintf(" LIMIT %d", l.Count)
	}
	if l.Offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", l.Offset)
	}
	return s
}

func (r *renderer) renderScan(s *Scan) string {
	items := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		items[i] = fmt.Sprintf("CAST(%s AS %s) AS %s", quoteIdent(c), sqlTypeName(s.Types[i]), col(i))
	}
	files := r.splits[s.ID]
	if len(files) == 0 {
		nulls := make([]string, len(s.Columns))
		for i := range s.Columns {
			nulls[i] = fmt.Sprintf("CAST(NULL AS %s) AS %s", sqlTypeName(s.Types[i]), col(i))
		}
		return "SELECT " + strings.Join(nulls, ", ") + " WHERE false"
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = quoteString(filepath.Join(r.env.DataDir, f))
	}
	return "SELECT " + strings.Join(items, ", ") + " FROM read_parquet([" + strings.Join(paths, ", ") + "])"
}

func renderValues(v *Values) string {
	if len(v.Types) == 0 {
		// A SELECT without FROM reads one row of no columns.
		return "SELECT 1 AS " + PartitionColumn + "_one"
	}
	if len(v.Rows) == 0 {
		nulls := make([]string, len(v.Types))
		for i, t := range v.Types {
			nulls[i] = fmt.Sprintf("CAST(NULL AS %s) AS %s", sqlTypeName(t), col(i))
		}
		return "SELECT " + strings.Join(nulls, ", ") + " WHERE false"
	}
	rows := make([]string, len(v.Rows))
	for i, row := range v.Rows {
		vals := make([]string, len(row))
		for j, e := range row {
			vals[j] = castTo(renderExpr(e), v.Types[j])
		}
		rows[i] = "(" + strings.Join(vals, ", ") + ")"
	}
	names := make([]string, len(v.Types))
	for i := range names {
		names[i] = col(i)
	}
	return "SELECT * FROM (VALUES " + strings.Join(rows, ", ") + ") AS t(" + strings.Join(names, ", ") + ")"
}

func selectList(es []Expr) string {
	items := make([]string, len(es))
	for i, e := range es {
		items[i] = castTo(renderExpr(e), e.Type()) + " AS " + col(i)
	}
	return strings.Join(items, ", ")
}

func orderBy(keys []SortKey) string {
	items := make([]string, len(keys))
	for i, k := range keys {
		dir, nulls := "ASC", "NULLS LAST"
		if k.Desc {
			dir = "DESC"
		}
		if k.NullsFirst {
			nulls = "NULLS FIRST"
		}
		items[i] = renderExpr(k.Expr) + " " + dir + " " + nulls
	}
	return " ORDER BY " + strings.Join(items, ", ")
}

// renderAggregate renders the three modes. A partial aggregate emits each
// aggregate's states (PartialStates); the final one finds them by position
// after the group columns and merges them.
func renderAggregate(a *Aggregate, from string) string {
	items := make([]string, 0, len(a.GroupBy)+len(a.Aggs))
	groups := make([]string, len(a.GroupBy))
	for i, g := range a.GroupBy {
		groups[i] = renderExpr(g)
		items = append(items, castTo(groups[i], g.Type()))
	}
	state := len(a.GroupBy) // next state column of a final aggregate's input
	for _, agg := range a.Aggs {
		arg := ""
		if agg.Arg != nil {
			arg = renderExpr(agg.Arg)
			if agg.Distinct {
				arg = "DISTINCT " + arg
			}
		}
		switch a.Mode {
		case AggregatePartial:
			switch agg.Fn {
			case AggCountStar:
				items = append(items, "count(*)")
			case AggAvg:
				items = append(items, castTo("sum("+arg+")", AvgSumType(agg.Arg.Type())), "count("+arg+")")
			default:
				items = append(items, castTo(string(agg.Fn)+"("+arg+")", agg.T))
			}
		case AggregateFinal:
			s := "t." + col(state)
			switch agg.Fn {
			case AggCount, AggCountStar:
				items = append(items, castTo("coalesce(sum("+s+"), 0)", agg.T))
			case AggAvg:
				items = append(items, castTo(avgExpr("sum("+s+")", "sum(t."+col(state+1)+")", agg.T), agg.T))
			default:
				items = append(items, castTo(string(agg.Fn)+"("+s+")", agg.T))
			}
			state += len(PartialStates(agg))
		default:
			switch agg.Fn {
			case AggCountStar:
				items = append(items, "count(*)")
			case AggGroupConcat:
				order := ""
				if len(agg.Order) > 0 {
					order = orderBy(agg.Order)
				}
				distinct := ""
				if agg.Distinct {
					distinct = "DISTINCT "
				}
				items = append(items, fmt.Sprintf("string_agg(%sCAST(%s AS VARCHAR), %s%s)",
					distinct, renderExpr(agg.Arg), quoteString(agg.Separator), order))
			case AggAvg:
				items = append(items, castTo(avgExpr(castTo("sum("+arg+")", AvgSumType(agg.Arg.Type())), "count("+arg+")", agg.T), agg.T))
			default:
				items = append(items, castTo(string(agg.Fn)+"("+arg+")", agg.T))
			}
		}
	}
	for i := range items {
		items[i] += " AS " + col(i)
	}
	sql := "SELECT " + strings.Join(items, ", ") + from
	if len(groups) > 0 {
		sql += " GROUP BY " + strings.Join(groups, ", ")
	}
	return sql
}

// avgExpr divides an exact sum by a count. DuckDB divides decimals in
// double precision, so a decimal average is computed on the unscaled
// integers instead: u = sum * 10^scale as HUGEINT, then u / count rounded
// half away from zero (as MySQL rounds), scaled back by multiplying with
// 10^-scale, which DuckDB does exactly.
func avgExpr(sum, count string, t arrow.DataType) string {
	d, ok := t.(*arrow.Decimal128Type)
	if !ok {
		return fmt.Sprintf("CAST(%s AS DOUBLE) / nullif(%s, 0)", sum, count)
	}
	pow := "1" + strings.Repeat("0", int(d.Scale))
	unscaled := fmt.Sprintf("CAST(CAST(%s AS DECIMAL(38,%d)) * CAST(%s AS HUGEINT) AS HUGEINT)", sum, d.Scale, pow)
	n := fmt.Sprintf("nullif(CAST(%s AS HUGEINT), 0)", count)
	ulp := "0." + strings.Repeat("0", int(d.Scale)-1) + "1"
	if d.Scale == 0 {
		ulp = "1"
	}
	return fmt.Sprintf("CAST(sign(%[1]s) * ((abs(%[1]s) * 2 + %[2]s) // (2 * %[2]s)) AS DECIMAL(38,0)) * CAST('%[3]s' AS DECIMAL(%[4]d,%[5]d))",
		unscaled, n, ulp, d.Scale+1, d.Scale)
}

func castTo(sql string, t arrow.DataType) string {
	return "CAST(" + sql + " AS " + sqlTypeName(t) + ")"
}

// renderExpr renders a scalar expression over the columns c0..cN of the
// enclosing FROM (t).
func renderExpr(e Expr) string { return renderExprCols(e, tableColumn) }

func tableColumn(i int) string { return "t." + col(i) }

// renderExprCols renders e naming input column i as cols(i): how a join's
// condition addresses the columns of both its sides.
func renderExprCols(e Expr, cols func(int) string) string {
	switch e := e.(type) {
	case *ColumnRef:
		return cols(e.Index)
	case *Literal:
		return renderLiteral(e)
	case *Cast:
		return castTo(renderExprCols(e.Arg, cols), e.T)
	case *Call:
		args := make([]string, len(e.Args))
		for i, a := range e.Args {
			args[i] = renderExprCols(a, cols)
		}
		if render, ok := callRenderers[e.Fn]; ok {
			return render(e, args)
		}
		// A plain function call of the same name in DuckDB, cast to the
		// planned type.
		return castTo(e.Fn+"("+strings.Join(args, ", ")+")", e.T)
	}
	panic(fmt.Sprintf("renderExpr: unknown expression %T", e))
}

func renderLiteral(l *Literal) string {
	if l.Null {
		return castTo("NULL", l.T)
	}
	switch l.T.ID() {
	case arrow.BOOL:
		return strings.ToUpper(l.Text)
	case arrow.STRING:
		return quoteString(l.Text)
	}
	return castTo(quoteString(l.Text), l.T)
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// sqlTypeName is the DuckDB name of an Arrow type in a rendered cast.
func sqlTypeName(t arrow.DataType) string {
	if name, err := DuckType(t); err == nil {
		return name
	}
	return strings.ToUpper(t.Name())
}

// DuckType is the DuckDB type that holds an Arrow type exactly: the one
// table from Arrow to DuckDB types, for rendered casts and for the
// worker's input tables and written files. DuckDB's TIMESTAMPTZ has
// microseconds only.
func DuckType(t arrow.DataType) (string, error) {
	switch t := t.(type) {
	case *arrow.Decimal128Type:
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale), nil
	case *arrow.TimestampType:
		if t.TimeZone != "" {
			if t.Unit != arrow.Microsecond {
				return "", qerr.ErrUnsupported.New("type %s (a timestamp with a time zone has microseconds)", t)
			}
			return "TIMESTAMPTZ", nil
		}
		return map[arrow.TimeUnit]string{
			arrow.Second: "TIMESTAMP_S", arrow.Millisecond: "TIMESTAMP_MS",
			arrow.Microsecond: "TIMESTAMP", arrow.Nanosecond: "TIMESTAMP_NS",
		}[t.Unit], nil
	}
	if name, ok := duckTypes[t.ID()]; ok {
		return name, nil
	}
	return "", qerr.ErrUnsupported.New("column type %s", t)
}

var duckTypes = map[arrow.Type]string{
	arrow.BOOL:    "BOOLEAN",
	arrow.INT8:    "TINYINT",
	arrow.INT16:   "SMALLINT",
	arrow.INT32:   "INTEGER",
	arrow.INT64:   "BIGINT",
	arrow.UINT8:   "UTINYINT",
	arrow.UINT16:  "USMALLINT",
	arrow.UINT32:  "UINTEGER",
	arrow.UINT64:  "UBIGINT",
	arrow.FLOAT32: "FLOAT",
	arrow.FLOAT64: "DOUBLE",
	arrow.STRING:  "VARCHAR",
	arrow.BINARY:  "BLOB",
	arrow.DATE32:  "DATE",
	// DuckDB tables have no NULL type: a NULL column is typed INTEGER.
	arrow.NULL: "INTEGER",
}
