package binder

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// bindSelect binds one SELECT block into
//
//	Limit
//	  Sort
//	    Project (select list, plus hidden ORDER BY columns)
//	      Filter (HAVING)
//	        Aggregate
//	          [Expand (grouping sets of WITH ROLLUP, ROLLUP, CUBE, GROUPING SETS)]
//	            Project (group keys and aggregate arguments)
//	              Filter (WHERE)
//	                Scan
//
// with a last Project that drops the hidden columns.
func (b *Binder) bindSelect(ctx context.Context, s *ast.SelectStmt) (logical.Plan, error) {
	if s.LockInfo != nil && s.LockInfo.LockType != ast.SelectLockNone {
		return nil, qerr.ErrUnsupported.New("locking clauses")
	}
	if s.SelectIntoOpt != nil {
		return nil, qerr.ErrUnsupported.New("SELECT ... INTO")
	}
	if s.With != nil {
		pop, err := b.pushCTEs(s.With)
		if err != nil {
			return nil, err
		}
		defer pop()
	}
	input, sc, err := b.from(ctx, s.From)
	if err != nil {
		return nil, err
	}
	if s.Where != nil {
		if input, err = b.where(sc, input, s.Where); err != nil {
			return nil, err
		}
	}

	fields, err := expandFields(s.Fields, sc)
	if err != nil {
		return nil, err
	}
	bindOut := func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) }

	aggs := b.withoutOuterAggregates(collectAggregates(s))
	owned := b.ownedAggregates(s, sc)
	for _, a := range owned {
		if !slices.ContainsFunc(aggs, func(x *ast.AggregateFuncExpr) bool { return restore(x) == restore(a) }) {
			aggs = append(aggs, a)
		}
	}
	if len(aggs) > 0 || s.GroupBy != nil {
		a, err := b.aggregate(sc, input, s, fields, aggs, owned)
		if err != nil {
			return nil, err
		}
		input, bindOut = a.plan, a.bind
		// Subqueries above the aggregate join onto its output: they
		// correlate with its group keys.
		sc = a.scope
		if s.Having != nil {
			saved := b.apply
			b.apply = &applyCtx{plan: input, sc: sc, bind: bindOut}
			cond, err := bindOut(inlineAliases(s.Having.Expr, fields))
			input, b.apply = b.apply.plan, saved
			if err != nil {
				return nil, err
			}
			input = &logical.Filter{Input: input, Cond: cond}
		}
	} else if s.Having != nil {
		return nil, qerr.ErrInvalid.New("HAVING without GROUP BY or aggregate")
	}

	if wins := collectWindows(s); len(wins) > 0 {
		if input, err = b.windows(input, bindOut, wins, s.WindowSpecs); err != nil {
			return nil, err
		}
	}

	proj := &logical.Project{}
	saved := b.apply
	b.apply = &applyCtx{plan: input, sc: sc, bind: bindOut}
	for _, f := range fields {
		e, err := bindOut(f.expr)
		if err != nil {
			b.apply = saved
			return nil, err
		}
		proj.Exprs, proj.Names = append(proj.Exprs, e), append(proj.Names, f.name)
	}
	proj.Input, b.apply = b.apply.plan, saved
	visible := len(proj.Exprs)
	var plan logical.Plan = proj
	if s.Distinct {
		plan = distinct(proj)
	}

	if s.OrderBy != nil {
		keys, err := b.orderKeys(s.OrderBy, fields, proj, bindOut, s.Distinct)
		if err != nil {
			return nil, err
		}
		if len(proj.Exprs) > visible {
			plan = proj // hidden sort columns were added
		}
		plan = &logical.Sort{Input: plan, Keys: keys}
	}
	if s.Limit != nil {
		l, err := b.limit(s.Limit)
		if err != nil {
			return nil, err
		}
		l.Input = plan
		plan = l
	}
	if len(proj.Exprs) > visible {
		plan = dropHidden(plan, proj.Names[:visible], proj)
	}
	return plan, nil
}

type field struct {
	expr ast.ExprNode
	name string
}

// expandFields turns the select list into one field per output column,
// expanding * and naming each column as MySQL does (alias, column name, or
// the expression's text).
func expandFields(fl *ast.FieldList, sc *scope) ([]field, error) {
	var out []field
	for _, f := range fl.Fields {
		if f.WildCard != nil {
			matched := false
			for _, c := range sc.cols {
				// A USING column's hidden copy is part of its table's t.*.
				if c.hidden && f.WildCard.Table.O == "" || f.WildCard.Table.O != "" && !strings.EqualFold(f.WildCard.Table.O, c.table) {
					continue
				}
				matched = true
				out = append(out, field{
					expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: ast.NewCIStr(c.table), Name: ast.NewCIStr(c.name)}},
					name: c.name,
				})
			}
			if !matched {
				return nil, qerr.ErrNotFound.New("unknown table %s in select list", f.WildCard.Table.O)
			}
			continue
		}
		name := f.AsName.O
		if name == "" {
			if c, ok := unparen(f.Expr).(*ast.ColumnNameExpr); ok {
				name = c.Name.Name.O
			} else if f.Text() != "" {
				name = f.Text()
			} else {
				name = restore(f.Expr)
			}
		}
		out = append(out, field{expr: f.Expr, name: name})
	}
	return out, nil
}

// collectAggregates finds the aggregate calls of the select list, HAVING and
// ORDER BY, each distinct call once, in order of appearance.
func collectAggregates(s *ast.SelectStmt) []*ast.AggregateFuncExpr {
	exprs := selectExprs(s)
	if s.Having != nil {
		exprs = append(exprs, s.Having.Expr)
	}
	return collect[*ast.AggregateFuncExpr](exprs...)
}

// selectExprs are the expressions of the select list and ORDER BY.
func selectExprs(s *ast.SelectStmt) []ast.ExprNode {
	var exprs []ast.ExprNode
	for _, f := range s.Fields.Fields {
		if f.Expr != nil {
			exprs = append(exprs, f.Expr)
		}
	}
	if s.OrderBy != nil {
		for _, item := range s.OrderBy.Items {
			exprs = append(exprs, item.Expr)
		}
	}
	return exprs
}

// collect finds the distinct nodes of type T in exprs (by their text), in
// order of appearance. It looks neither inside a found node nor inside a
// subquery, whose calls are its own.
func collect[T ast.ExprNode](exprs ...ast.ExprNode) []T {
	c := &collector[T]{seen: map[string]bool{}}
	for _, e := range exprs {
		e.Accept(c)
	}
	return c.found
}

type collector[T ast.ExprNode] struct {
	found []T
	seen  map[string]bool
}

func (c *collector[T]) Enter(n ast.Node) (ast.Node, bool) {
	if _, ok := n.(*ast.SubqueryExpr); ok {
		return n, true
	}
	if x, ok := n.(T); ok {
		if key := restore(x); !c.seen[key] {
			c.seen[key] = true
			c.found = append(c.found, x)
		}
		return n, true
	}
	return n, false
}

func (c *collector[T]) Leave(n ast.Node) (ast.Node, bool) { return n, true }

type boundAggregate struct {
	plan logical.Plan
	// scope names the group keys that are columns, at their positions in
	// plan's output, for the subqueries bound above the aggregate.
	scope *scope
	// bind binds an expression above the aggregate: group keys and
	// aggregate calls become its output columns.
	bind func(ast.ExprNode) (stage.Expr, error)
}

// aggregate binds GROUP BY and the aggregate calls. Group keys and aggregate
// arguments are computed by a Project below the Aggregate, so the Aggregate
// groups by plain columns and can be distributed by hash of them. With
// grouping sets an Expand comes between them, and the Aggregate groups by
// its key copies and grouping id: above it, a key is its copy (NULL where
// rolled up) while aggregate arguments read the key itself.
func (b *Binder) aggregate(sc *scope, input logical.Plan, s *ast.SelectStmt, fields []field, aggs, owned []*ast.AggregateFuncExpr) (*boundAggregate, error) {
	pre := &logical.Project{Input: input}
	preIndex := map[string]int{} // restored text -> pre column
	addPre := func(e ast.ExprNode) (int, error) {
		key := restore(e)
		if i, ok := preIndex[key]; ok {
			return i, nil
		}
		v, err := b.expr(sc, e)
		if err != nil {
			return 0, err
		}
		name := key
		if c, ok := e.(*ast.ColumnNameExpr); ok {
			name = c.Name.Name.O
		}
		pre.Exprs, pre.Names = append(pre.Exprs, v), append(pre.Names, name)
		preIndex[key] = len(pre.Exprs) - 1
		return len(pre.Exprs) - 1, nil
	}

	keys, err := bindGroupBy(s.GroupBy, fields)
	if err != nil {
		return nil, err
	}
	keyPre := make([]int, len(keys.exprs))
	for k, e := range keys.exprs {
		if keyPre[k], err = addPre(e); err != nil {
			return nil, err
		}
	}
	agg := &logical.Aggregate{}
	aggIndex := map[string]int{}
	for _, a := range aggs {
		call, err := b.aggCall(a, addPre, pre)
		if err != nil {
			return nil, err
		}
		aggIndex[restore(a)] = len(agg.Aggs)
		agg.Aggs = append(agg.Aggs, call)
		agg.Names = append(agg.Names, call.String())
	}
	if len(pre.Exprs) == 0 {
		// count(*) alone still needs a row source; keep one cheap column.
		pre.Exprs, pre.Names = []stage.Expr{&stage.Literal{Text: "1", T: arrowInt64}}, []string{"one"}
	}
	agg.Input = pre
	for _, i := range keyPre {
		agg.GroupBy = append(agg.GroupBy, &stage.ColumnRef{Index: i, Name: pre.Names[i], T: pre.Exprs[i].Type()})
	}
	if keys.sets != nil {
		agg.Input = &logical.Expand{Input: pre, Keys: keyPre, Sets: keys.sets}
		agg.GroupBy = groupingColumns(agg.Input.Schema(), len(pre.Exprs))
		if !keys.withRollup {
			agg.Defaults = emptySetGroups(agg.GroupBy, keys.sets)
		}
	}
	groupNames := make([]string, len(agg.GroupBy))
	for i, g := range agg.GroupBy {
		groupNames[i] = g.String()
	}
	agg.Names = append(groupNames, agg.Names...)
	out := agg.Schema()
	groupsN := len(agg.GroupBy)
	var bind func(e ast.ExprNode) (stage.Expr, error)
	bind = func(e ast.ExprNode) (stage.Expr, error) {
		return b.exprWith(e, func(e ast.ExprNode) (stage.Expr, bool, error) {
			if c, ok := e.(*ast.ColumnNameExpr); ok && c.Name.Table.O != "" {
				// A key matches a qualified name by its column name; a
				// qualifier of the enclosing query's makes it an outer
				// reference instead.
				if _, err := sc.resolve(c.Name); qerr.Has(err, qerr.ErrNotFound) {
					if outer, ok := b.resolveOuter(c.Name); ok {
						return outer, true, nil
					}
				}
			}
			if i := keys.index(e); i >= 0 {
				return &stage.ColumnRef{Index: i, Name: out.Field(i).Name, T: out.Field(i).Type}, true, nil
			}
			switch e := e.(type) {
			case *ast.FuncCallExpr:
				if e.FnName.L == ast.Grouping {
					return groupingCall(e, keys, fields, out)
				}
			case *ast.AggregateFuncExpr:
				k, own := aggIndex[restore(e)]
				if !own {
					if outer, ok := b.outerAggregate(e); ok {
						return outer, true, nil
					}
				}
				i := groupsN + k
				return &stage.ColumnRef{Index: i, Name: out.Field(i).Name, T: out.Field(i).Type}, true, nil
			case *ast.ColumnNameExpr:
				// MySQL's ONLY_FULL_GROUP_BY: a column must be a group key
				// (matched above) or, in a subquery, the enclosing query's.
				if _, err := sc.resolve(e.Name); err != nil {
					if outer, ok := b.resolveOuter(e.Name); ok && qerr.Has(err, qerr.ErrNotFound) {
						return outer, true, nil
					}
					return nil, true, err
				}
				return nil, true, qerr.ErrInvalid.New("column %s is not in GROUP BY and not inside an aggregate", columnText(e.Name))
			}
			return b.subqueryLeaf(e)
		})
	}
	above := keyScope(sc, keys, out)
	for _, a := range owned {
		if above.aggregates == nil {
			above.aggregates = map[string]*stage.ColumnRef{}
		}
		i := groupsN + aggIndex[restore(a)]
		above.aggregates[restore(a)] = &stage.ColumnRef{Index: i, Name: out.Field(i).Name, T: out.Field(i).Type}
	}
	return &boundAggregate{plan: agg, bind: bind, scope: above}, nil
}

// keyScope is the scope of an aggregate's output (out) for the subqueries
// above it: the group keys that are columns of sc, under their names.
func keyScope(sc *scope, keys groupingKeys, out *arrow.Schema) *scope {
	above := &scope{cols: make([]scopeColumn, out.NumFields())}
	for k, e := range keys.exprs {
		c, ok := unparen(e).(*ast.ColumnNameExpr)
		if !ok {
			continue
		}
		ref, err := sc.resolve(c.Name)
		if err != nil {
			continue
		}
		col := sc.cols[ref.Index]
		col.typ = out.Field(k).Type
		above.cols[k] = col
	}
	return above
}

func (b *Binder) aggCall(a *ast.AggregateFuncExpr, addPre func(ast.ExprNode) (int, error), pre *logical.Project) (stage.AggCall, error) {
	fn, ok := aggFuncs[strings.ToLower(a.F)]
	if !ok {
		return stage.AggCall{}, qerr.ErrUnsupported.New("aggregate %s", a.F)
	}
	var call stage.AggCall
	if fn == stage.AggGroupConcat {
		// The parser appends the separator to the arguments.
		if len(a.Args) != 2 {
			return stage.AggCall{}, qerr.ErrUnsupported.New("GROUP_CONCAT of %d expressions (one is supported)", len(a.Args)-1)
		}
		sep, ok := a.Args[1].(*driver.ValueExpr)
		if !ok || sep.Kind() != driver.KindString {
			return stage.AggCall{}, qerr.ErrInvalid.New("GROUP_CONCAT separator must be a string")
		}
		call.Separator = sep.GetString()
		a = &ast.AggregateFuncExpr{F: a.F, Args: a.Args[:1], Distinct: a.Distinct, Order: a.Order}
		if a.Order != nil {
			for _, item := range a.Order.Items {
				i, err := addPre(item.Expr)
				if err != nil {
					return stage.AggCall{}, err
				}
				ref := &stage.ColumnRef{Index: i, Name: pre.Names[i], T: pre.Exprs[i].Type()}
				call.Order = append(call.Order, stage.SortKey{Expr: ref, Desc: item.Desc, NullsFirst: !item.Desc})
			}
		}
	}
	if len(a.Args) != 1 {
		return stage.AggCall{}, qerr.ErrUnsupported.New("%s with %d arguments", a.F, len(a.Args))
	}
	if fn == stage.AggCount && !a.Distinct {
		if _, ok := intLiteral(a.Args[0]); ok { // count(*) and count(1)
			return stage.AggCall{Fn: stage.AggCountStar, T: arrowInt64}, nil
		}
	}
	if hasAggregate(a.Args[0]) {
		return stage.AggCall{}, qerr.ErrInvalid.New("nested aggregate in %s", restore(a))
	}
	i, err := addPre(a.Args[0])
	if err != nil {
		return stage.AggCall{}, err
	}
	if v := pre.Exprs[i]; logical.HasOuter(v) && !readsColumns(v) {
		// MySQL aggregates it in the enclosing query, as if it stood there.
		return stage.AggCall{}, qerr.ErrUnsupported.New("%s of the enclosing query's columns only, inside a subquery", restore(a))
	}
	arg := &stage.ColumnRef{Index: i, Name: pre.Names[i], T: pre.Exprs[i].Type()}
	t, err := aggregateType(fn, arg.T)
	if err != nil {
		return stage.AggCall{}, err
	}
	call.Fn, call.Arg, call.Distinct, call.T = fn, arg, a.Distinct, t
	return call, nil
}

// aggFuncs are the aggregates by the names TiDB's parser gives them (it
// spells STD and STDDEV as stddev_pop, VARIANCE as var_pop).
var aggFuncs = map[string]stage.AggFunc{
	"count": stage.AggCount, "sum": stage.AggSum, "min": stage.AggMin, "max": stage.AggMax, "avg": stage.AggAvg,
	"stddev_pop": stage.AggStddevPop, "std": stage.AggStddevPop, "stddev": stage.AggStddevPop,
	"stddev_samp": stage.AggStddevSamp, "var_pop": stage.AggVarPop, "variance": stage.AggVarPop,
	"var_samp": stage.AggVarSamp, "group_concat": stage.AggGroupConcat,
}

// readsColumns reports whether e reads a column of its own query (an
// outer reference is not one).
func readsColumns(e stage.Expr) bool {
	reads := false
	stage.WalkExpr(e, func(e stage.Expr) {
		if r, ok := e.(*stage.ColumnRef); ok && !logical.IsOuter(r) {
			reads = true
		}
	})
	return reads
}

func hasAggregate(e ast.ExprNode) bool {
	return len(collect[*ast.AggregateFuncExpr](e)) > 0
}

// resolveAlias replaces a bare name that is a select-list alias (and not
// otherwise qualified) by the aliased expression, as MySQL does in GROUP BY.
func resolveAlias(e ast.ExprNode, fields []field) ast.ExprNode {
	c, ok := e.(*ast.ColumnNameExpr)
	if !ok || c.Name.Table.O != "" {
		return e
	}
	for _, f := range fields {
		if strings.EqualFold(f.name, c.Name.Name.O) {
			if fc, ok := f.expr.(*ast.ColumnNameExpr); ok && strings.EqualFold(fc.Name.Name.O, c.Name.Name.O) {
				return e
			}
			return f.expr
		}
	}
	return e
}

// distinct groups the projection by every output column.
func distinct(p *logical.Project) logical.Plan {
	agg := &logical.Aggregate{Input: p, Names: p.Names}
	for i, e := range p.Exprs {
		agg.GroupBy = append(agg.GroupBy, &stage.ColumnRef{Index: i, Name: p.Names[i], T: e.Type()})
	}
	return agg
}

// orderKeys binds ORDER BY. A key is a select-list alias, a position, or an
// expression (whose select-list aliases stand for their expressions); an
// expression not in the select list becomes a hidden column of
// proj. NULLs sort first ascending and last descending, as in MySQL.
func (b *Binder) orderKeys(ob *ast.OrderByClause, fields []field, proj *logical.Project,
	bindOut func(ast.ExprNode) (stage.Expr, error), isDistinct bool) ([]stage.SortKey, error) {
	var keys []stage.SortKey
	for _, item := range ob.Items {
		pos := -1
		if n, ok := position(item.Expr); ok {
			if n < 1 || n > len(fields) {
				return nil, qerr.ErrInvalid.New("ORDER BY position %d is not in the select list", n)
			}
			pos = n - 1
		} else if c, ok := unparen(item.Expr).(*ast.ColumnNameExpr); ok && c.Name.Table.O == "" {
			for i, f := range fields {
				if strings.EqualFold(f.name, c.Name.Name.O) {
					pos = i
					break
				}
			}
		}
		if pos < 0 {
			key := restore(unparen(item.Expr))
			for i, f := range fields {
				if restore(unparen(f.expr)) == key {
					pos = i
					break
				}
			}
		}
		if pos < 0 {
			if isDistinct {
				return nil, qerr.ErrInvalid.New("ORDER BY %s is not in the select list of a SELECT DISTINCT", restore(item.Expr))
			}
			e, err := bindOut(inlineAliases(item.Expr, fields))
			if err != nil {
				return nil, err
			}
			proj.Exprs = append(proj.Exprs, e)
			proj.Names = append(proj.Names, fmt.Sprintf("__order%d", len(keys)))
			pos = len(proj.Exprs) - 1
		}
		keys = append(keys, stage.SortKey{
			Expr:       &stage.ColumnRef{Index: pos, Name: proj.Names[pos], T: proj.Exprs[pos].Type()},
			Desc:       item.Desc,
			NullsFirst: !item.Desc,
		})
	}
	return keys, nil
}

func (b *Binder) limit(l *ast.Limit) (*logical.Limit, error) {
	out := &logical.Limit{Count: -1}
	var err error
	if l.Count != nil {
		if out.Count, err = b.count(l.Count, "LIMIT", -1); err != nil {
			return nil, err
		}
	}
	if l.Offset != nil {
		if out.Offset, err = b.count(l.Offset, "OFFSET", 0); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dropHidden projects the visible columns of proj back out of plan.
func dropHidden(plan logical.Plan, names []string, proj *logical.Project) logical.Plan {
	out := &logical.Project{Input: plan, Names: append([]string(nil), names...)}
	for i := range names {
		out.Exprs = append(out.Exprs, &stage.ColumnRef{Index: i, Name: names[i], T: proj.Exprs[i].Type()})
	}
	return out
}

// position reads a select-list position (GROUP BY 1, ORDER BY 2).
func position(e ast.ExprNode) (int, bool) {
	if p, ok := e.(*ast.PositionExpr); ok && p.P == nil {
		return p.N, true
	}
	return 0, false
}

// inlineAliases replaces the select-list aliases that a HAVING condition or
// an ORDER BY expression names by their expressions, as MySQL resolves them
// (HAVING n < 3 for count(*) AS n; ORDER BY CASE WHEN lochierarchy = 0 ...
// in TPC-DS). Subqueries keep their own names.
func inlineAliases(e ast.ExprNode, fields []field) ast.ExprNode {
	v := &aliasRewriter{fields: fields}
	out, _ := e.Accept(v)
	return out.(ast.ExprNode)
}

type aliasRewriter struct {
	fields []field
}

func (v *aliasRewriter) Enter(n ast.Node) (ast.Node, bool) {
	_, sub := n.(*ast.SubqueryExpr)
	return n, sub
}

func (v *aliasRewriter) Leave(n ast.Node) (ast.Node, bool) {
	if c, ok := n.(*ast.ColumnNameExpr); ok {
		if e := resolveAlias(c, v.fields); e != c {
			return e, true
		}
	}
	return n, true
}

// groupingKeys is a GROUP BY clause bound to its keys and, for WITH ROLLUP,
// ROLLUP, CUBE or GROUPING SETS, its grouping sets.
type groupingKeys struct {
	exprs []ast.ExprNode
	texts []string // restored text of each key
	// sets are the grouping sets as indexes into exprs, nil for a plain
	// GROUP BY (one set of every key).
	sets [][]int
	// withRollup is MySQL's WITH ROLLUP, whose empty set has no row over
	// no input (MySQL's answer); the standard's () has one, as an
	// aggregate without GROUP BY does.
	withRollup bool
}

// index finds the key that e is: a key of the same text, or for a column
// the key that is that column by name (qualified on either side or not).
// It is -1 for none.
func (g groupingKeys) index(e ast.ExprNode) int {
	if i := slices.Index(g.texts, restore(e)); i >= 0 {
		return i
	}
	col, ok := e.(*ast.ColumnNameExpr)
	if !ok {
		return -1
	}
	return slices.IndexFunc(g.exprs, func(k ast.ExprNode) bool {
		c, ok := k.(*ast.ColumnNameExpr)
		return ok && strings.EqualFold(c.Name.Name.O, col.Name.Name.O) &&
			(col.Name.Table.O == "" || c.Name.Table.O == "" || strings.EqualFold(col.Name.Table.O, c.Name.Table.O))
	})
}

// maxGroupingSets bounds the copies Expand makes of each input row.
const maxGroupingSets = 4096

// bindGroupBy binds the items of GROUP BY into its keys and grouping sets.
// WITH ROLLUP (MySQL) groups by each prefix of the items, longest first,
// down to the grand total. Standard SQL's grouping elements mix with plain
// items: ROLLUP(a, b) is (a, b), (a), (); CUBE(a, b) every subset; GROUPING
// SETS (...) its sets as written (a set may hold a ROLLUP or CUBE). The sets
// of the clause are the cross product of its items' sets, each the union of
// one set of each item, duplicates kept (as in DuckDB and PostgreSQL).
func bindGroupBy(gb *ast.GroupByClause, fields []field) (groupingKeys, error) {
	var g groupingKeys
	if gb == nil {
		return g, nil
	}
	b := groupingBinder{fields: fields, keys: &g}
	var factors [][][]int // each item's alternative key sets
	grouped := gb.Rollup
	for _, item := range gb.Items {
		if _, ok := item.Expr.(*ast.GroupingSetsExpr); ok {
			if gb.Rollup {
				return g, qerr.ErrInvalid.New("WITH ROLLUP cannot be combined with ROLLUP, CUBE or GROUPING SETS")
			}
			grouped = true
		}
		alts, err := b.element(item.Expr)
		if err != nil {
			return g, err
		}
		factors = append(factors, alts)
	}
	if !grouped {
		return g, nil
	}
	if gb.Rollup {
		// Every item is a plain key here: one alternative of one key.
		items := make([][]int, len(factors))
		for i, alts := range factors {
			items[i] = alts[0]
		}
		factors = [][][]int{rollupSets(items)}
	}
	sets, err := crossSets(factors)
	g.sets, g.withRollup = sets, gb.Rollup
	return g, err
}

// groupingBinder binds grouping elements into keys, one key per distinct
// expression text, so that a key named twice (a, ROLLUP(a, b)) is one
// column that every set holding it shows.
type groupingBinder struct {
	fields []field
	keys   *groupingKeys
}

func (b groupingBinder) key(e ast.ExprNode) (int, error) {
	if n, ok := intLiteral(e); ok {
		// A number in ROLLUP, CUBE or GROUPING SETS is a position too, as
		// the grammar makes it of a plain item.
		e = &ast.PositionExpr{N: int(n)}
	}
	e, err := groupKey(e, b.fields)
	if err != nil {
		return 0, err
	}
	text := restore(e)
	if i := slices.Index(b.keys.texts, text); i >= 0 {
		return i, nil
	}
	b.keys.exprs, b.keys.texts = append(b.keys.exprs, e), append(b.keys.texts, text)
	return len(b.keys.exprs) - 1, nil
}

// element binds one grouping element into its alternative key sets.
func (b groupingBinder) element(e ast.ExprNode) ([][]int, error) {
	gs, ok := e.(*ast.GroupingSetsExpr)
	if !ok {
		k, err := b.key(e)
		return [][]int{{k}}, err
	}
	if gs.Kind == ast.GroupingSets {
		var out [][]int
		for _, set := range gs.Sets {
			var factors [][][]int
			for _, e := range set {
				alts, err := b.element(e)
				if err != nil {
					return nil, err
				}
				factors = append(factors, alts)
			}
			sets, err := crossSets(factors)
			if err != nil {
				return nil, err
			}
			if out = append(out, sets...); len(out) > maxGroupingSets {
				return nil, qerr.ErrUnsupported.New("GROUP BY of more than %d grouping sets", maxGroupingSets)
			}
		}
		return out, nil
	}
	// ROLLUP and CUBE: each element is one key or a parenthesized list.
	elems := make([][]int, len(gs.Sets))
	for i, set := range gs.Sets {
		for _, e := range set {
			k, err := b.key(e)
			if err != nil {
				return nil, err
			}
			elems[i] = append(elems[i], k)
		}
	}
	if gs.Kind == ast.GroupingRollup {
		return rollupSets(elems), nil
	}
	m := len(elems)
	if m > 12 { // 1<<m > maxGroupingSets
		return nil, qerr.ErrUnsupported.New("CUBE of %d elements (at most %d grouping sets)", m, maxGroupingSets)
	}
	var sets [][]int
	for mask := 1<<m - 1; mask >= 0; mask-- {
		set := []int{}
		for j := range m {
			if mask&(1<<(m-1-j)) != 0 {
				set = append(set, elems[j]...)
			}
		}
		sets = append(sets, set)
	}
	return sets, nil
}

// rollupSets are the prefixes of elems, longest first, each the keys of
// its elements.
func rollupSets(elems [][]int) [][]int {
	sets := make([][]int, 0, len(elems)+1)
	for n := len(elems); n >= 0; n-- {
		set := []int{}
		for _, e := range elems[:n] {
			set = append(set, e...)
		}
		sets = append(sets, set)
	}
	return sets
}

// crossSets is the cross product of the factors' alternatives: each set
// the union of one alternative of each factor, in order.
func crossSets(factors [][][]int) ([][]int, error) {
	sets := [][]int{{}}
	for _, alts := range factors {
		if len(sets)*len(alts) > maxGroupingSets {
			return nil, qerr.ErrUnsupported.New("GROUP BY of more than %d grouping sets", maxGroupingSets)
		}
		next := make([][]int, 0, len(sets)*len(alts))
		for _, s := range sets {
			for _, alt := range alts {
				set := slices.Clone(s)
				for _, k := range alt {
					if !slices.Contains(set, k) {
						set = append(set, k)
					}
				}
				next = append(next, set)
			}
		}
		sets = next
	}
	return sets, nil
}

// groupKey binds one GROUP BY expression: a select-list alias or position
// stands for its expression.
func groupKey(e ast.ExprNode, fields []field) (ast.ExprNode, error) {
	e = resolveAlias(e, fields)
	if n, ok := position(e); ok {
		if n < 1 || n > len(fields) {
			return nil, qerr.ErrInvalid.New("GROUP BY position %d is not in the select list", n)
		}
		e = fields[n-1].expr
	}
	if hasAggregate(e) {
		return nil, qerr.ErrInvalid.New("GROUP BY cannot contain an aggregate")
	}
	return e, nil
}

// groupingColumns are the group columns of an aggregation over an Expand
// of an input of nIn columns: the key copies and the grouping id.
func groupingColumns(expanded *arrow.Schema, nIn int) []stage.Expr {
	var out []stage.Expr
	for i := nIn; i < expanded.NumFields(); i++ {
		f := expanded.Field(i)
		out = append(out, &stage.ColumnRef{Index: i, Name: f.Name, T: f.Type})
	}
	return out
}

// emptySetGroups are the groups of the empty grouping sets () among sets,
// over an Expand's key copies and grouping id (groupBy): every copy NULL,
// the set's id. Each is a row of the aggregation over any input, no rows
// too, as the SQL standard and DuckDB answer.
func emptySetGroups(groupBy []stage.Expr, sets [][]int) [][]stage.Expr {
	var out [][]stage.Expr
	for id, set := range sets {
		if len(set) > 0 {
			continue
		}
		row := make([]stage.Expr, len(groupBy))
		for i, g := range groupBy[:len(groupBy)-1] {
			row[i] = &stage.Literal{Null: true, T: g.Type()}
		}
		row[len(row)-1] = &stage.Literal{Text: strconv.Itoa(id), T: groupBy[len(groupBy)-1].Type()}
		out = append(out, row)
	}
	return out
}

// groupingCall binds GROUPING(k1, ..., kn) over an aggregation's output out
// (whose column len(keys.exprs) is the grouping id); an argument is a key,
// or a select-list alias of one. As in MySQL, a bit per
// argument, the first the most significant, set where the row rolls that
// key up. The value of each grouping set is known here, so the call is a
// CASE over the grouping id.
func groupingCall(e *ast.FuncCallExpr, keys groupingKeys, fields []field, out *arrow.Schema) (stage.Expr, bool, error) {
	if keys.sets == nil {
		return nil, true, qerr.ErrInvalid.New("GROUPING() needs GROUP BY ... WITH ROLLUP, ROLLUP, CUBE or GROUPING SETS")
	}
	if len(e.Args) == 0 || len(e.Args) > 64 {
		return nil, true, qerr.ErrInvalid.New("GROUPING() takes 1 to 64 arguments, not %d", len(e.Args))
	}
	args := make([]int, len(e.Args))
	for i, a := range e.Args {
		args[i] = keys.index(resolveAlias(a, fields))
		if args[i] < 0 {
			return nil, true, qerr.ErrInvalid.New("argument %s of GROUPING() is not a GROUP BY key", restore(a))
		}
	}
	values := make([]uint64, len(keys.sets))
	for s, set := range keys.sets {
		for _, k := range args {
			values[s] <<= 1
			if !slices.Contains(set, k) {
				values[s] |= 1
			}
		}
	}
	lit := func(v uint64) stage.Expr { return &stage.Literal{Text: strconv.FormatUint(v, 10), T: arrowInt64} }
	last := values[len(values)-1]
	if !slices.ContainsFunc(values, func(v uint64) bool { return v != last }) {
		return lit(last), true, nil
	}
	f := out.Field(len(keys.exprs))
	id := &stage.ColumnRef{Index: len(keys.exprs), Name: f.Name, T: f.Type}
	var caseArgs []stage.Expr
	for s, v := range values[:len(values)-1] {
		caseArgs = append(caseArgs, compare("=", id, lit(uint64(s))), lit(v))
	}
	return &stage.Call{Fn: "case", Args: append(caseArgs, lit(last)), T: arrowInt64}, true, nil
}
