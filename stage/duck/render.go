package duck

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// RenderEnv is what a fragment's leaves read on one worker.
type RenderEnv struct {
	// DataDir is the absolute data directory; ScanSplit files are relative to it.
	DataDir string
	// Inputs are the FROM items (InputCall) of the input exchanges that
	// the task streams; the others are read from their temp tables.
	Inputs map[stage.FragmentID]string
	// Filters are the conditions of the runtime filters that arrived, by
	// ID, over their RuntimeFilter node's input; a RuntimeFilter without
	// one passes every row.
	Filters map[int]stage.Expr
}

// RenderTask renders the task's fragment as one DuckDB SELECT whose columns
// are c0..cN-1 of the types the planner promised. For OutputNormal a last
// column PartitionColumn holds each row's hash of the output keys
// (UBIGINT): its remainder by Consumers is the row's consumer partition,
// and the hash itself feeds Bloom runtime filters.
//
// The renderer owns every dialect difference between MySQL semantics and
// DuckDB (NULL ordering, integer division, result types): every value it
// computes is cast to the planned type.
func RenderTask(spec *stage.TaskSpec, env RenderEnv) (string, error) {
	if err := stage.CheckVersion(spec.Version); err != nil {
		return "", err
	}
	root, err := stage.DecodePlan(spec.Plan)
	if err != nil {
		return "", err
	}
	r := &renderer{env: env, spec: spec, splits: map[int]stage.ScanSplit{}}
	for _, s := range spec.Splits {
		r.splits[s.Scan] = s
	}
	sql, err := r.render(root)
	if err != nil {
		return "", err
	}
	if spec.Output.Kind == stage.OutputNormal {
		keys := make([]string, len(spec.Output.Keys))
		for i, k := range spec.Output.Keys {
			keys[i] = Column(k)
		}
		sql = fmt.Sprintf("SELECT *, hash(%s) AS %s FROM (%s) AS t", strings.Join(keys, ", "), PartitionColumn, sql)
	}
	return sql, nil
}

// RenderPlan renders a plan that reads no exchange and no table files: the
// oracle path of tests and constant queries.
func RenderPlan(p stage.Plan) (string, error) {
	r := &renderer{splits: map[int]stage.ScanSplit{}}
	return r.render(p)
}

type renderer struct {
	env    RenderEnv
	spec   *stage.TaskSpec // nil for RenderPlan, which reads no input exchange
	splits map[int]stage.ScanSplit
	mags   map[stage.Plan][]float64 // columnMagnitude's, per node
}

func (r *renderer) render(p stage.Plan) (string, error) {
	switch p := p.(type) {
	case *stage.Scan:
		return r.renderScan(p)
	case *stage.Values:
		return renderValues(p), nil
	case *stage.ExchangeSource:
		if r.spec == nil {
			return "", qerr.ErrInternal.New("fragment reads exchange %d but the plan has no inputs", p.From)
		}
		if from, ok := r.env.Inputs[p.From]; ok {
			return "SELECT * FROM " + from, nil
		}
		return "SELECT * FROM " + QuoteIdent(InputTable(r.spec, p.From)), nil
	case *stage.Exchange:
		return "", qerr.ErrInternal.New("exchange inside a fragment: plan was not fragmented")
	case *stage.Join:
		return r.renderJoin(p)
	case *stage.SetOp:
		return r.renderSetOp(p)
	}
	switch p := p.(type) {
	case *stage.Project:
		return r.block(r.selectList(p, false), p.Input)
	case *stage.Sort, *stage.Limit:
		return r.block("*", p)
	}
	var input string
	var err error
	if proj, ok := p.Children()[0].(*stage.Project); ok && isAggregate(p) {
		// The aggregate casts whatever it reads of its input to the planned
		// types, so the projection may hand it narrower decimals.
		input, err = r.block(r.selectList(proj, true), proj.Input)
	} else {
		input, err = r.render(p.Children()[0])
	}
	if err != nil {
		return "", err
	}
	from := " FROM (" + input + ") AS t"
	switch p := p.(type) {
	case *stage.Filter:
		return "SELECT *" + from + " WHERE " + renderExprIn(p.Cond, r.tableColumns(p.Input)), nil
	case *stage.RuntimeFilter:
		cond, ok := r.env.Filters[p.ID]
		if !ok {
			return input, nil
		}
		return "SELECT *" + from + " WHERE " + renderExpr(cond), nil
	case *stage.Aggregate:
		return renderAggregate(p, from, r.tableColumns(p.Input)), nil
	case *stage.Window:
		return renderWindow(p, from), nil
	case *stage.Expand:
		return renderExpand(p, from), nil
	}
	return "", qerr.ErrInternal.New("renderer: unknown plan node %T", p)
}

// block renders SELECT items over p, folding a Limit and a Sort at the top
// of p into the same query block: ORDER BY, LIMIT and the select list then
// belong to one SELECT, so no subquery boundary can lose the order.
func (r *renderer) block(items string, p stage.Plan) (string, error) {
	var limit *stage.Limit
	var sort *stage.Sort
	if l, ok := p.(*stage.Limit); ok {
		limit, p = l, l.Input
	}
	if s, ok := p.(*stage.Sort); ok {
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

func limitClause(l *stage.Limit) string {
	s := ""
	if l.Count >= 0 {
		s += fmt.Sprintf(" LIMIT %d", l.Count)
	}
	if l.Offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", l.Offset)
	}
	return s
}

// renderScan reads the task's files of a table, each column cast to its
// stored type. A stored type DuckDB cannot hold exactly is refused here,
// where stored types enter a plan.
func (r *renderer) renderScan(s *stage.Scan) (string, error) {
	items := make([]string, len(s.Columns))
	nulls := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		typ, err := DuckType(s.Types[i])
		if err != nil {
			return "", qerr.CodeOf(err).Wrap(err, "column %s of %s.%s", c, s.Database, s.Table)
		}
		items[i] = fmt.Sprintf("CAST(%s AS %s) AS %s", QuoteIdent(c), typ, Column(i))
		nulls[i] = fmt.Sprintf("CAST(NULL AS %s) AS %s", typ, Column(i))
	}
	split := r.splits[s.ID]
	if len(split.Files) == 0 {
		return "SELECT " + strings.Join(nulls, ", ") + " WHERE false", nil
	}
	if s.External != nil {
		// Whole files are read together; a file read by row groups
		// (split.Ranges) is read once per range of rows, which DuckDB's
		// Parquet reader maps to the row groups it reads by
		// file_row_number's statistics.
		var paths, parts []string
		for i, f := range split.Files {
			if split.Ranges == nil || split.Ranges[i] == nil {
				paths = append(paths, QuoteString(f))
				continue
			}
			if s.External.Format != "parquet" || s.External.Describe {
				return "", qerr.ErrInvalid.New("row ranges of a %s file", s.External.Format)
			}
			for _, r := range split.Ranges[i] {
				parts = append(parts, fmt.Sprintf("SELECT %s FROM read_parquet(%s, file_row_number = true) WHERE file_row_number BETWEEN %d AND %d",
					strings.Join(items, ", "), QuoteString(f), r.Offset, r.Offset+r.Rows-1))
			}
		}
		if len(paths) > 0 {
			from, err := externalSource(s.External, "["+strings.Join(paths, ", ")+"]")
			if err != nil {
				return "", err
			}
			if s.External.Describe {
				return "SELECT CAST(column_name AS VARCHAR) AS c0, CAST(column_type AS VARCHAR) AS c1 FROM (DESCRIBE SELECT * FROM " + from + ")", nil
			}
			parts = append([]string{"SELECT " + strings.Join(items, ", ") + " FROM " + from}, parts...)
		}
		return strings.Join(parts, " UNION ALL "), nil
	}
	// Files that lack the same columns (added by ALTER TABLE after them)
	// are read together, those columns NULL; the groups are one UNION ALL.
	var keys []string
	groups := map[string][]string{}
	lacks := map[string][]int{}
	for i, f := range split.Files {
		var missing []int
		if split.Missing != nil {
			missing = split.Missing[i]
		}
		k := fmt.Sprint(missing)
		if _, seen := groups[k]; !seen {
			keys, lacks[k] = append(keys, k), missing
		}
		groups[k] = append(groups[k], QuoteString(filepath.Join(r.env.DataDir, f)))
	}
	parts := make([]string, len(keys))
	for g, k := range keys {
		cols := append([]string(nil), items...)
		for _, i := range lacks[k] {
			cols[i] = nulls[i]
		}
		parts[g] = "SELECT " + strings.Join(cols, ", ") + " FROM read_parquet([" + strings.Join(groups[k], ", ") + "])"
	}
	return strings.Join(parts, " UNION ALL "), nil
}

// externalSource is the table function that reads an external table's
// files. A CSV file is read as text (all_varchar) and each column cast to
// its declared type, so that every task reads every file alike, whatever
// DuckDB's sniffer would guess from the task's share of the files; its
// schema inference (Describe) does sniff the types.
func externalSource(e *stage.ExternalFormat, files string) (string, error) {
	switch e.Format {
	case "parquet":
		return "read_parquet(" + files + ")", nil
	case "csv":
		// The binder spells header as true or false; unset is true.
		args := []string{files, "header = " + strconv.FormatBool(e.Options["header"] != "false")}
		if !e.Describe {
			args = append(args, "all_varchar = true")
		}
		if d, ok := e.Options["delimiter"]; ok {
			args = append(args, "delim = "+QuoteString(d))
		}
		if n, err := strconv.Atoi(e.Options["skip"]); err == nil { // IMPORT INTO's skip_rows
			args = append(args, "skip = "+strconv.Itoa(n))
		}
		if len(e.Columns) > 0 {
			names := make([]string, len(e.Columns))
			for i, c := range e.Columns {
				names[i] = QuoteString(c)
			}
			args = append(args, "names = ["+strings.Join(names, ", ")+"]")
		}
		return "read_csv(" + strings.Join(args, ", ") + ")", nil
	}
	return "", qerr.ErrInvalid.New("external format %q is not parquet or csv", e.Format)
}

func renderValues(v *stage.Values) string {
	if len(v.Types) == 0 {
		// A SELECT without FROM reads one row of no columns; a relation
		// of no columns and no rows (FoldConstants' of a Filter that never
		// holds, pruned to no columns) reads none.
		one := "SELECT 1 AS " + PartitionColumn + "_one"
		if len(v.Rows) == 0 {
			return one + " WHERE false"
		}
		return one
	}
	if len(v.Rows) == 0 {
		nulls := make([]string, len(v.Types))
		for i, t := range v.Types {
			nulls[i] = fmt.Sprintf("CAST(NULL AS %s) AS %s", sqlTypeName(t), Column(i))
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
		names[i] = Column(i)
	}
	return "SELECT * FROM (VALUES " + strings.Join(rows, ", ") + ") AS t(" + strings.Join(names, ", ") + ")"
}

func isAggregate(p stage.Plan) bool {
	_, ok := p.(*stage.Aggregate)
	return ok
}

// selectList renders p's expressions, each cast to its planned type; with
// narrow, a decimal that its values' magnitude proves to fit 18 digits is
// cast to 18 digits instead (decimal.go), for a reader that casts it again.
func (r *renderer) selectList(p *stage.Project, narrow bool) string {
	cols := r.tableColumns(p.Input)
	items := make([]string, len(p.Exprs))
	for i, e := range p.Exprs {
		t := e.Type()
		if d, ok := t.(*arrow.Decimal128Type); ok && narrow && d.Precision > maxDigits64 && fits64(exprMagnitude(e, cols), d.Scale) {
			t = &arrow.Decimal128Type{Precision: maxDigits64, Scale: d.Scale}
		}
		items[i] = castTo(renderExprIn(e, cols), t) + " AS " + Column(i)
	}
	return strings.Join(items, ", ")
}

func orderBy(keys []stage.SortKey) string {
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
func renderAggregate(a *stage.Aggregate, from string, cols columns) string {
	items := make([]string, 0, len(a.GroupBy)+len(a.Aggs))
	groups := make([]string, len(a.GroupBy))
	for i, g := range a.GroupBy {
		groups[i] = renderExprIn(g, cols)
		items = append(items, castTo(groups[i], g.Type()))
	}
	state := len(a.GroupBy) // next state column of a final aggregate's input
	for _, agg := range a.Aggs {
		arg := ""
		if agg.Arg != nil {
			arg = renderExprIn(agg.Arg, cols)
			if agg.Distinct {
				arg = "DISTINCT " + arg
			}
		}
		switch a.Mode {
		case stage.AggregatePartial:
			switch agg.Fn {
			case stage.AggCountStar:
				items = append(items, "count(*)")
			case stage.AggAvg:
				items = append(items, castTo("sum("+arg+")", stage.AvgSumType(agg.Arg.Type())), "count("+arg+")")
			default:
				items = append(items, castTo(string(agg.Fn)+"("+arg+")", agg.T))
			}
		case stage.AggregateFinal:
			s := "t." + Column(state)
			switch agg.Fn {
			case stage.AggCount, stage.AggCountStar:
				items = append(items, castTo("coalesce(sum("+s+"), 0)", agg.T))
			case stage.AggAvg:
				items = append(items, castTo(avgExpr("sum("+s+")", "sum(t."+Column(state+1)+")", agg.T), agg.T))
			default:
				items = append(items, castTo(string(agg.Fn)+"("+s+")", agg.T))
			}
			state += len(stage.PartialStates(agg))
		default:
			switch agg.Fn {
			case stage.AggCountStar:
				items = append(items, "count(*)")
			case stage.AggGroupConcat:
				order := ""
				if len(agg.Order) > 0 {
					order = orderBy(agg.Order)
				}
				distinct := ""
				if agg.Distinct {
					distinct = "DISTINCT "
				}
				items = append(items, fmt.Sprintf("string_agg(%sCAST(%s AS VARCHAR), %s%s)",
					distinct, renderExpr(agg.Arg), QuoteString(agg.Separator), order))
			case stage.AggAvg:
				items = append(items, castTo(avgExpr(castTo("sum("+arg+")", stage.AvgSumType(agg.Arg.Type())), "count("+arg+")", agg.T), agg.T))
			default:
				items = append(items, castTo(string(agg.Fn)+"("+arg+")", agg.T))
			}
		}
	}
	for i := range items {
		items[i] += " AS " + Column(i)
	}
	sql := "SELECT " + strings.Join(items, ", ") + from
	if len(groups) > 0 {
		sql += " GROUP BY " + strings.Join(groups, ", ")
	}
	if len(a.Defaults) == 0 || a.Mode == stage.AggregateFinal {
		return sql
	}
	return withDefaults(a, sql)
}

// withDefaults adds an aggregation's Defaults to sql, its query. A partial
// aggregate emits each in every task with the states of no rows (counts 0,
// the others NULL), which merge into another task's states as nothing, so
// that the final aggregate finds at least one. A complete one runs in one
// task (stage.Aggregate.Required) and adds those of its groups that no
// input row made, with the values of no rows:
//
//	WITH q AS MATERIALIZED (sql) SELECT * FROM q
//	UNION ALL SELECT NULL, 2, 0, NULL WHERE NOT EXISTS (SELECT 1 FROM q WHERE c0 IS NOT DISTINCT FROM NULL AND c1 IS NOT DISTINCT FROM 2)
func withDefaults(a *stage.Aggregate, sql string) string {
	schema := a.Schema()
	var empty []string // each output column after the groups, over no rows
	for _, agg := range a.Aggs {
		n := 1
		if a.Mode == stage.AggregatePartial {
			n = len(stage.PartialStates(agg))
		}
		for i := 0; i < n; i++ {
			v := "NULL"
			if agg.Fn == stage.AggCount || agg.Fn == stage.AggCountStar || agg.Fn == stage.AggAvg && i == 1 {
				v = "0" // avg's second state is its count
			}
			empty = append(empty, v)
		}
	}
	var out []string
	if a.Mode == stage.AggregatePartial {
		out = append(out, sql)
	} else {
		out = append(out, "WITH q AS MATERIALIZED ("+sql+") SELECT * FROM q")
	}
	for _, def := range a.Defaults {
		items := make([]string, 0, schema.NumFields())
		match := make([]string, len(def))
		for i, g := range def {
			v := castTo(renderExpr(g), schema.Field(i).Type)
			items = append(items, v)
			match[i] = "q." + Column(i) + " IS NOT DISTINCT FROM " + v
		}
		for i, v := range empty {
			items = append(items, castTo(v, schema.Field(len(def)+i).Type))
		}
		row := "SELECT " + strings.Join(items, ", ")
		if a.Mode != stage.AggregatePartial {
			row += " WHERE NOT EXISTS (SELECT 1 FROM q WHERE " + strings.Join(match, " AND ") + ")"
		}
		out = append(out, row)
	}
	return strings.Join(out, " UNION ALL ")
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
// enclosing FROM (t), bounded by their types only.
func renderExpr(e stage.Expr) string { return renderExprIn(e, columns{name: tableColumn}) }

func tableColumn(i int) string { return "t." + Column(i) }

// renderExprIn renders e over cols: how a join's condition addresses the
// columns of both its sides, and what bounds their values.
func renderExprIn(e stage.Expr, cols columns) string {
	switch e := e.(type) {
	case *stage.ColumnRef:
		return cols.name(e.Index)
	case *stage.Literal:
		return renderLiteral(e)
	case *stage.Cast:
		return castTo(renderExprIn(e.Arg, cols), e.T)
	case *stage.Call:
		args := make([]string, len(e.Args))
		for i, a := range e.Args {
			args[i] = renderExprIn(a, cols)
		}
		if (e.Fn == "+" || e.Fn == "-" || e.Fn == "*") && len(args) == 2 && exactDecimal(e) {
			return renderArithmetic(e, args, cols)
		}
		if comparisons[e.Fn] {
			narrowConstants(e, args)
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

func renderLiteral(l *stage.Literal) string {
	if l.Null {
		return castTo("NULL", l.T)
	}
	switch l.T.ID() {
	case arrow.BOOL:
		return strings.ToUpper(l.Text)
	case arrow.STRING:
		return QuoteString(l.Text)
	}
	return castTo(QuoteString(l.Text), l.T)
}
