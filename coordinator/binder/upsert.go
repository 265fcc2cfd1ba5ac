package binder

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Upsert is REPLACE and INSERT ... ON DUPLICATE KEY UPDATE, which match the
// new rows with the table's rows by its primary key. Like UPDATE it
// rewrites the whole snapshot it read (copy-on-write): Plan is every row
// of Table after the statement,
//
//	REPLACE  old rows without a new row's key, then the new rows
//	ODKU     old rows without a new row's key, the old rows with one
//	         updated by the assignments (VALUES(c) the new row's c), then
//	         the new rows without an old row's key
//
// and Affected counts the rows MySQL reports (REPLACE: each new row, and
// each old row it replaced; ODKU: 1 per row inserted, 2 per row whose
// values changed), and fails the statement before anything is written when
// two new rows have one key: MySQL applies them one after the other, Quiver
// all at once.
type Upsert struct {
	Table    *catalog.Table
	Plan     logical.Plan
	Affected logical.Plan
	Tables   map[int]*catalog.Table
	Replace  bool
}

func (*Upsert) isStatement() {}

// Rows implements Write.
func (s *Upsert) Rows() (*catalog.Table, logical.Plan, map[int]*catalog.Table) {
	return s.Table, s.Plan, s.Tables
}

// bindUpsert binds REPLACE or INSERT ... ON DUPLICATE KEY UPDATE of tn,
// whose new rows ins binds. A table without a primary key is refused
// rather than, as MySQL does, inserted into: Quiver records no UNIQUE
// keys, so MySQL's fallback would silently add the duplicates the
// statement was written to avoid.
func (b *Binder) bindUpsert(ctx context.Context, s *ast.InsertStmt, tn *ast.TableName, ins *Insert) (Statement, error) {
	what := "REPLACE"
	if !s.IsReplace {
		what = "INSERT ... ON DUPLICATE KEY UPDATE"
	} else if s.RowAlias != nil {
		return nil, qerr.ErrInvalid.New("REPLACE takes no row alias (AS %s): only INSERT ... ON DUPLICATE KEY UPDATE reads one", s.RowAlias.Name.O)
	}
	if len(ins.Table.PrimaryKey) == 0 {
		return nil, qerr.ErrInvalid.New("%s into %s, which has no PRIMARY KEY: Quiver matches the rows by the primary key", what, ins.Table.Name)
	}
	scan, sc, t, err := b.scanTarget(ctx, tn, "", what)
	if err != nil {
		return nil, err
	}
	keys := make([]int, len(t.PrimaryKey))
	for i, k := range t.PrimaryKey {
		keys[i] = t.ColumnIndex(k)
	}
	oldRows := func() logical.Plan { return b.rescan(scan.(*logical.Scan)) }
	newRows := func() logical.Plan { return b.rescan(ins.Plan) }
	join := func(kind stage.JoinKind, l, r logical.Plan) *logical.Join {
		return &logical.Join{Left: l, Right: r, Kind: kind, LeftKeys: keys, RightKeys: keys, MarkIn: -1}
	}
	kept := join(stage.AntiJoin, scan, newRows())
	counts := []logical.Plan{b.duplicateKeys(newRows(), t, keys, what)}
	out := &Upsert{Table: t, Tables: b.tables, Replace: s.IsReplace}
	if s.IsReplace {
		out.Plan = &logical.SetOp{Kind: stage.UnionAll, Inputs: []logical.Plan{kept, ins.Plan}}
		counts = append(counts, countRows(newRows(), 1), countRows(join(stage.SemiJoin, oldRows(), newRows()), 1))
		out.Affected = &logical.SetOp{Kind: stage.UnionAll, Inputs: counts}
		return out, nil
	}
	// matched pairs each old row (columns 0..n-1) with the new row of its
	// key (n..2n-1); the assignments' subqueries join onto it after them.
	alias, err := newRowAlias(s, t)
	if err != nil {
		return nil, err
	}
	leaf := b.duplicateLeaf(sc, t, alias)
	saved := b.apply
	b.apply = &applyCtx{plan: join(stage.InnerJoin, oldRows(), newRows()), sc: sc, bind: func(e ast.ExprNode) (stage.Expr, error) { return b.exprWith(e, leaf) }}
	defer func() { b.apply = saved }()
	targets := make([]int, len(s.OnDuplicate))
	values := make([]stage.Expr, len(s.OnDuplicate))
	for i, a := range s.OnDuplicate {
		ref, err := sc.resolve(a.Column)
		if err != nil {
			return nil, err
		}
		if _, ok := a.Expr.(*ast.DefaultExpr); ok {
			return nil, qerr.ErrUnsupported.New("SET %s = DEFAULT", a.Column.Name.O)
		}
		if slices.Contains(keys, ref.Index) && !sameKey(a.Expr, t, ref.Index, alias) {
			// MySQL moves one row at a time, and whether a moved row meets
			// another's key depends on the order the rows come in.
			return nil, qerr.ErrUnsupported.New("ON DUPLICATE KEY UPDATE of the primary key column %s: MySQL moves the rows one at a time, in an order Quiver does not have", t.Columns[ref.Index].Name)
		}
		targets[i] = ref.Index
		if values[i], err = b.exprWith(a.Expr, leaf); err != nil {
			return nil, err
		}
	}
	current, assigned, err := b.assign(t, targets, values)
	if err != nil {
		return nil, err
	}
	withValues := b.apply.plan
	matched := func() logical.Plan { return b.rescan(withValues) }
	old := tableColumns(t)
	var changes []stage.Expr
	for j := range t.Columns {
		if assigned[j] {
			changes = append(changes, &stage.Call{Fn: "not", Args: []stage.Expr{compare("<=>", current[j], old[j])}, T: boolType})
		}
	}
	updated := &logical.Project{Input: withValues, Exprs: current, Names: columnNames(t)}
	inserted := func() logical.Plan { return join(stage.AntiJoin, newRows(), oldRows()) }
	out.Plan = &logical.SetOp{Kind: stage.UnionAll, Inputs: []logical.Plan{kept, updated, inserted()}}
	counts = append(counts, countRows(inserted(), 1), countRows(&logical.Filter{Input: matched(), Cond: orAll(changes...)}, 2))
	out.Affected = &logical.SetOp{Kind: stage.UnionAll, Inputs: counts}
	return out, nil
}

// rowAlias is INSERT's row alias (AS new [(m, n, ...)]): the name of the
// new rows in ON DUPLICATE KEY UPDATE, and its column names, lower case,
// each the index of the table column it stands for.
type rowAlias struct {
	name    string
	columns map[string]int
	// own: the alias names its columns itself, and those names alone
	// stand for the new row's columns too.
	own bool
}

// newRowAlias reads s's row alias over t; nil without one. Column aliases
// name the inserted columns in order: the statement's column list, or
// every column of t.
func newRowAlias(s *ast.InsertStmt, t *catalog.Table) (*rowAlias, error) {
	if s.RowAlias == nil {
		return nil, nil
	}
	a := &rowAlias{name: s.RowAlias.Name.L, columns: map[string]int{}}
	if strings.EqualFold(a.name, t.Name) {
		return nil, qerr.ErrInvalid.New("row alias %s is the table's name: not unique table/alias", s.RowAlias.Name.O)
	}
	inserted := make([]int, 0, len(t.Columns))
	if len(s.Columns) > 0 {
		for _, c := range s.Columns {
			inserted = append(inserted, t.ColumnIndex(c.Name.O))
		}
	} else {
		for i := range t.Columns {
			inserted = append(inserted, i)
		}
	}
	if cols := s.RowAlias.Columns; len(cols) > 0 {
		if len(cols) != len(inserted) {
			return nil, qerr.ErrInvalid.New("row alias %s names %d columns for %d inserted ones", s.RowAlias.Name.O, len(cols), len(inserted))
		}
		for j, c := range cols {
			if _, dup := a.columns[c.L]; dup {
				return nil, qerr.ErrInvalid.New("row alias %s names column %s twice", s.RowAlias.Name.O, c.O)
			}
			a.columns[c.L] = inserted[j]
		}
		a.own = true
		return a, nil
	}
	for _, i := range inserted {
		a.columns[strings.ToLower(t.Columns[i].Name)] = i
	}
	return a, nil
}

// duplicateLeaf binds the names of an ON DUPLICATE KEY UPDATE value over
// the pair of an old row (sc, t's columns) and the new row after it:
// VALUES(c) is the new row's c, and so are alias.c and, where the alias
// names columns of its own, such a name alone; any other column is the
// old row's.
func (b *Binder) duplicateLeaf(sc *scope, t *catalog.Table, alias *rowAlias) leafFunc {
	newColumn := func(i int) stage.Expr {
		c := t.Columns[i]
		return &stage.ColumnRef{Index: len(t.Columns) + i, Name: c.Name, T: c.Type}
	}
	return func(e ast.ExprNode) (stage.Expr, bool, error) {
		switch e := e.(type) {
		case *ast.ValuesExpr:
			i := t.ColumnIndex(e.Column.Name.Name.O)
			if i < 0 {
				return nil, true, qerr.ErrNotFound.New("unknown column %s in VALUES()", e.Column.Name.Name.O)
			}
			return newColumn(i), true, nil
		case *ast.ColumnNameExpr:
			if alias != nil {
				n := e.Name
				i, named := alias.columns[n.Name.L]
				switch {
				case n.Table.L == alias.name && n.Schema.L == "":
					if !named {
						return nil, true, qerr.ErrNotFound.New("unknown column %s.%s: the row alias has no such column", n.Table.O, n.Name.O)
					}
					return newColumn(i), true, nil
				case n.Table.L == "" && named && alias.own:
					if _, err := sc.resolve(n); err == nil {
						return nil, true, qerr.ErrInvalid.New("column %s is ambiguous: a column of the table and of row alias %s", n.Name.O, alias.name)
					}
					return newColumn(i), true, nil
				}
			}
			ref, err := sc.resolve(e.Name)
			return ref, true, err
		case *ast.AggregateFuncExpr:
			return nil, true, qerr.ErrInvalid.New("aggregate %s is not allowed here", e.F)
		}
		return b.subqueryLeaf(e)
	}
}

// sameKey reports whether e, assigned to t's key column key, is the value
// the column has in both rows of a match: the column itself, VALUES of it
// or the row alias's (the match is on the key), as ORMs write "id =
// VALUES(id)".
func sameKey(e ast.ExprNode, t *catalog.Table, key int, alias *rowAlias) bool {
	name := t.Columns[key].Name
	switch e := unparen(e).(type) {
	case *ast.ValuesExpr:
		return strings.EqualFold(e.Column.Name.Name.O, name)
	case *ast.ColumnNameExpr:
		n := e.Name
		if alias != nil && n.Table.L == alias.name {
			i, ok := alias.columns[n.Name.L]
			return ok && i == key
		}
		if alias != nil && n.Table.L == "" && alias.own {
			if i, ok := alias.columns[n.Name.L]; ok {
				return i == key
			}
		}
		return strings.EqualFold(n.Name.O, name)
	}
	return false
}

// duplicateKeys is a count of no rows that fails the statement when two of
// rows (t's columns) have the same key.
func (b *Binder) duplicateKeys(rows logical.Plan, t *catalog.Table, keys []int, what string) logical.Plan {
	agg := &logical.Aggregate{Input: rows, Aggs: []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}}}
	names := make([]string, len(keys))
	for i, k := range keys {
		c := t.Columns[k]
		agg.GroupBy = append(agg.GroupBy, &stage.ColumnRef{Index: k, Name: c.Name, T: c.Type})
		agg.Names, names[i] = append(agg.Names, c.Name), c.Name
	}
	agg.Names = append(agg.Names, "rows")
	count := &stage.ColumnRef{Index: len(keys), Name: "rows", T: arrowInt64}
	dup := &logical.Filter{Input: agg, Cond: &stage.Call{Fn: ">", T: boolType, Args: []stage.Expr{count, &stage.Literal{Text: "1", T: arrowInt64}}}}
	fail := &stage.Call{Fn: "raise_error", T: arrowInt64, Args: []stage.Expr{&stage.Literal{
		Text: what + ": two new rows have the same primary key (" + strings.Join(names, ", ") + "); Quiver applies them at once, so it cannot order them",
		T:    arrow.BinaryTypes.String}}}
	return &logical.Project{Input: dup, Exprs: []stage.Expr{fail}, Names: []string{"rows"}}
}

// countRows is one row: weight times the number of rows of p.
func countRows(p logical.Plan, weight int) logical.Plan {
	agg := &logical.Aggregate{Input: p, Aggs: []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}}, Names: []string{"rows"}}
	if weight == 1 {
		return agg
	}
	n := &stage.ColumnRef{Index: 0, Name: "rows", T: arrowInt64}
	w := &stage.Literal{Text: strconv.Itoa(weight), T: arrowInt64}
	return &logical.Project{Input: agg, Exprs: []stage.Expr{&stage.Call{Fn: "*", Args: []stage.Expr{n, w}, T: arrowInt64}}, Names: []string{"rows"}}
}

// rescan is a copy of p whose scans have IDs of their own (over the same
// snapshots), for a plan that reads p more than once.
func (b *Binder) rescan(p logical.Plan) logical.Plan {
	out, _ := logical.TransformUp(p, func(p logical.Plan) (logical.Plan, bool) {
		s, ok := p.(*logical.Scan)
		if !ok {
			return p, false
		}
		c := *s
		c.ID = len(b.tables)
		b.tables[c.ID] = b.tables[s.ID]
		return &c, true
	})
	return out
}
