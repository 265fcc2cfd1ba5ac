package binder

import (
	"context"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Writes beyond INSERT ... VALUES. Each is bound to the plan of the rows it
// writes (Write.Rows), an ordinary logical plan that the coordinator plans
// and runs with a root fragment that writes files, then commits as one
// snapshot:
//
//	INSERT ... SELECT     the SELECT, coerced to the target columns; appended
//	CREATE TABLE ... AS   the SELECT, whose columns become the table's
//	DELETE ... WHERE c    Filter(c IS NOT TRUE) over a scan of the table;
//	                      the files scanned are replaced by the files written
//	UPDATE ... SET ...    Project(CASE WHEN c THEN new ELSE old END) over the
//	                      scan; replaced the same way (copy-on-write)
//
// TRUNCATE and a DELETE without WHERE write no rows: they remove every file.

// Write is a statement whose rows a distributed plan writes.
type Write interface {
	Statement
	// Rows is the table whose files the statement writes, the plan of the
	// rows it writes (exactly the table's columns) and the tables that plan
	// reads, by Scan ID; plan is nil when the statement writes no rows.
	Rows() (target *catalog.Table, plan logical.Plan, reads map[int]*catalog.Table)
}

// CreateTableAs is CREATE TABLE ... AS SELECT: Table (ID 0: the
// coordinator reserves one when it runs) is made with the rows of Plan.
type CreateTableAs struct {
	Table       *catalog.Table
	Plan        logical.Plan
	Tables      map[int]*catalog.Table
	IfNotExists bool
}

// Truncate is TRUNCATE TABLE: a new, empty snapshot of Table.
type Truncate struct {
	Table *catalog.Table
}

// Delete is DELETE FROM Table [WHERE ...]: Plan is the rows that stay, read
// from every file of Table's snapshot; nil when every row goes.
type Delete struct {
	Table  *catalog.Table
	Plan   logical.Plan
	Tables map[int]*catalog.Table
}

// Update is UPDATE Table SET ... [WHERE ...]: Plan is every row of Table's
// snapshot, updated where the condition holds. Changed counts the rows
// whose values change, which MySQL reports as the rows affected.
type Update struct {
	Table   *catalog.Table
	Plan    logical.Plan
	Changed logical.Plan
	Tables  map[int]*catalog.Table
}

// RenameTable is ALTER TABLE ... RENAME TO and RENAME TABLE of one table.
type RenameTable struct {
	Database, Name       string
	NewDatabase, NewName string
}

func (*CreateTableAs) isStatement() {}
func (*Truncate) isStatement()      {}
func (*Delete) isStatement()        {}
func (*Update) isStatement()        {}
func (*RenameTable) isStatement()   {}

// Rows implements Write.
func (s *Insert) Rows() (*catalog.Table, logical.Plan, map[int]*catalog.Table) {
	return s.Table, s.Plan, s.Tables
}

// Rows implements Write.
func (s *CreateTableAs) Rows() (*catalog.Table, logical.Plan, map[int]*catalog.Table) {
	return s.Table, s.Plan, s.Tables
}

// Rows implements Write.
func (s *Delete) Rows() (*catalog.Table, logical.Plan, map[int]*catalog.Table) {
	return s.Table, s.Plan, s.Tables
}

// Rows implements Write.
func (s *Update) Rows() (*catalog.Table, logical.Plan, map[int]*catalog.Table) {
	return s.Table, s.Plan, s.Tables
}

// insertSelect binds INSERT INTO t [(cols)] SELECT ...: the query's columns
// fill the target columns by position, each cast to its column's type as a
// VALUES row is; the other columns are NULL.
func (b *Binder) insertSelect(ctx context.Context, t *catalog.Table, target []int, sel ast.ResultSetNode) (*Insert, error) {
	p, err := b.bindQuery(ctx, sel)
	if err != nil {
		return nil, err
	}
	return b.insertRows(t, target, p)
}

// insertRows is the INSERT of p's rows into t, p's columns filling the
// columns target by position, cast to their types; the others are NULL.
func (b *Binder) insertRows(t *catalog.Table, target []int, p logical.Plan) (*Insert, error) {
	fields := p.Schema().Fields()
	if len(fields) != len(target) {
		return nil, qerr.ErrInvalid.New("column count doesn't match: the query has %d columns for %d", len(fields), len(target))
	}
	proj := &logical.Project{Input: p}
	for _, c := range t.Columns {
		proj.Exprs, proj.Names = append(proj.Exprs, &stage.Literal{Null: true, T: c.Type}), append(proj.Names, c.Name)
	}
	for i, f := range fields {
		proj.Exprs[target[i]] = coerce(&stage.ColumnRef{Index: i, Name: f.Name, T: f.Type}, t.Columns[target[i]].Type)
	}
	return &Insert{Table: t, Plan: proj, Tables: b.tables}, nil
}

// createTableAs binds CREATE TABLE t [(defs)] AS SELECT ...: as in MySQL,
// the table's columns are the defined ones, then the query's columns that
// no definition names; a query column fills the column of its name (cast to
// a defined column's type), and a defined column no query column names is
// NULL. A query column of type NULL (SELECT NULL) is stored as VARBINARY.
func (b *Binder) createTableAs(ctx context.Context, s *ast.CreateTableStmt, t *catalog.Table) (Statement, error) {
	if s.OnDuplicate != ast.OnDuplicateKeyHandlingError {
		return nil, qerr.ErrUnsupported.New("CREATE TABLE ... IGNORE / REPLACE AS SELECT")
	}
	p, err := b.bindQuery(ctx, s.Select)
	if err != nil {
		return nil, err
	}
	fields := p.Schema().Fields()
	source := map[string]int{} // query column by lower-case name
	for i, f := range fields {
		k := strings.ToLower(f.Name)
		if _, dup := source[k]; dup {
			return nil, qerr.ErrInvalid.New("duplicate column name %s: name the query's columns apart (AS)", f.Name)
		}
		source[k] = i
		if t.ColumnIndex(f.Name) < 0 {
			typ := f.Type
			if typ.ID() == arrow.NULL {
				typ = arrow.BinaryTypes.Binary
			}
			t.Columns = append(t.Columns, catalog.Column{Name: f.Name, Type: typ, Nullable: true})
		}
	}
	if err := keyNotNull(t); err != nil {
		return nil, err
	}
	proj := &logical.Project{Input: p}
	for _, c := range t.Columns {
		var e stage.Expr = &stage.Literal{Null: true, T: c.Type}
		if i, ok := source[strings.ToLower(c.Name)]; ok {
			e = coerce(&stage.ColumnRef{Index: i, Name: fields[i].Name, T: fields[i].Type}, c.Type)
		}
		proj.Exprs, proj.Names = append(proj.Exprs, e), append(proj.Names, c.Name)
	}
	if err := catalog.ValidateTable(t); err != nil {
		return nil, err
	}
	return &CreateTableAs{Table: t, Plan: proj, Tables: b.tables, IfNotExists: s.IfNotExists}, nil
}

// targetTable resolves the one table a DELETE or UPDATE changes.
func targetTable(refs *ast.TableRefsClause, what string) (*ast.TableName, string, error) {
	if refs == nil || refs.TableRefs == nil || refs.TableRefs.Right != nil {
		return nil, "", qerr.ErrUnsupported.New("%s of more than one table", what)
	}
	src, ok := refs.TableRefs.Left.(*ast.TableSource)
	if !ok {
		return nil, "", qerr.ErrUnsupported.New("%s of more than one table", what)
	}
	tn, ok := src.Source.(*ast.TableName)
	if !ok {
		return nil, "", qerr.ErrInvalid.New("the target of %s is not a table", what)
	}
	return tn, src.AsName.L, nil
}

// scanTarget scans the table a DELETE or UPDATE rewrites and returns the
// scan with the table as it was read (the snapshot whose files it replaces).
// A view or a system table is not a target.
func (b *Binder) scanTarget(ctx context.Context, tn *ast.TableName, alias, what string) (logical.Plan, *scope, *catalog.Table, error) {
	if b.virtualSchema(b.dbName(tn)) != nil {
		return nil, nil, nil, qerr.ErrInvalid.New("%s of a system table", what)
	}
	if t, err := b.table(ctx, tn); err != nil {
		if _, verr := b.cat.GetView(ctx, b.dbName(tn), tn.Name.O); verr == nil {
			return nil, nil, nil, qerr.ErrInvalid.New("the target %s of the %s is a view: only a table can be changed", tn.Name.O, what)
		}
		return nil, nil, nil, err
	} else if err := readOnly(t, what); err != nil {
		return nil, nil, nil, err
	}
	p, sc, err := b.scanTable(ctx, tn, alias)
	if err != nil {
		return nil, nil, nil, err
	}
	scan, ok := p.(*logical.Scan)
	if !ok {
		return nil, nil, nil, qerr.ErrInvalid.New("the target %s of the %s is not a table", tn.Name.O, what)
	}
	return scan, sc, b.tables[scan.ID], nil
}

// overRows binds expressions over the rows of input, whose scope is sc:
// their subqueries join onto input, and the plan returned carries them.
// input's own columns keep their positions.
func (b *Binder) overRows(sc *scope, input logical.Plan, exprs []ast.ExprNode) (logical.Plan, []stage.Expr, error) {
	saved := b.apply
	b.apply = &applyCtx{plan: input, sc: sc, bind: func(e ast.ExprNode) (stage.Expr, error) { return b.expr(sc, e) }}
	defer func() { b.apply = saved }()
	out := make([]stage.Expr, len(exprs))
	for i, e := range exprs {
		v, err := b.expr(sc, e)
		if err != nil {
			return nil, nil, err
		}
		out[i] = v
	}
	return b.apply.plan, out, nil
}

// tableColumns refers to the first len(t.Columns) columns of a plan: the
// table's row, without what subqueries added.
func tableColumns(t *catalog.Table) []stage.Expr {
	out := make([]stage.Expr, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = &stage.ColumnRef{Index: i, Name: c.Name, T: c.Type}
	}
	return out
}

func columnNames(t *catalog.Table) []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

func (b *Binder) bindDelete(ctx context.Context, s *ast.DeleteStmt) (Statement, error) {
	if s.IsMultiTable || s.Order != nil || s.Limit != nil || s.With != nil {
		return nil, qerr.ErrUnsupported.New("DELETE with several tables, ORDER BY, LIMIT or WITH")
	}
	tn, alias, err := targetTable(s.TableRefs, "DELETE")
	if err != nil {
		return nil, err
	}
	if s.Where == nil {
		t, err := b.table(ctx, tn)
		if err != nil {
			return nil, err
		}
		if err := readOnly(t, "DELETE"); err != nil {
			return nil, err
		}
		return &Delete{Table: t}, nil
	}
	scan, sc, t, err := b.scanTarget(ctx, tn, alias, "DELETE")
	if err != nil {
		return nil, err
	}
	rows, conds, err := b.overRows(sc, scan, []ast.ExprNode{s.Where})
	if err != nil {
		return nil, err
	}
	t = b.pruneTarget(scan.(*logical.Scan), t, conds[0])
	// A row stays unless the condition is true: NULL keeps it.
	keep := &logical.Filter{Input: rows, Cond: isTruth(conds[0], true, true)}
	return &Delete{Table: t, Plan: &logical.Project{Input: keep, Exprs: tableColumns(t), Names: columnNames(t)}, Tables: b.tables}, nil
}

// bindUpdate binds UPDATE. As in MySQL, assignments apply from left to
// right: a later one reads the values the earlier ones assigned
// (SET a = a + 1, b = a sets b to the new a).
func (b *Binder) bindUpdate(ctx context.Context, s *ast.UpdateStmt) (Statement, error) {
	if s.MultipleTable || s.Order != nil || s.Limit != nil || s.With != nil {
		return nil, qerr.ErrUnsupported.New("UPDATE with several tables, ORDER BY, LIMIT or WITH")
	}
	tn, alias, err := targetTable(s.TableRefs, "UPDATE")
	if err != nil {
		return nil, err
	}
	scan, sc, t, err := b.scanTarget(ctx, tn, alias, "UPDATE")
	if err != nil {
		return nil, err
	}
	exprs := make([]ast.ExprNode, 0, len(s.List)+1)
	targets := make([]int, len(s.List))
	for i, a := range s.List {
		ref, err := sc.resolve(a.Column)
		if err != nil {
			return nil, err
		}
		if _, ok := a.Expr.(*ast.DefaultExpr); ok {
			return nil, qerr.ErrUnsupported.New("SET %s = DEFAULT", a.Column.Name.O)
		}
		targets[i] = ref.Index
		exprs = append(exprs, a.Expr)
	}
	if s.Where != nil {
		exprs = append(exprs, s.Where)
	}
	rows, bound, err := b.overRows(sc, scan, exprs)
	if err != nil {
		return nil, err
	}
	old := tableColumns(t)
	current, assigned, err := b.assign(t, targets, bound)
	if err != nil {
		return nil, err
	}
	var cond stage.Expr // nil: every row
	if s.Where != nil {
		t = b.pruneTarget(scan.(*logical.Scan), t, bound[len(bound)-1])
		cond = isTruth(bound[len(bound)-1], true, false)
	}
	proj := &logical.Project{Input: rows, Names: columnNames(t)}
	var changes []stage.Expr
	for j, c := range t.Columns {
		e := old[j]
		if assigned[j] {
			e = current[j]
			if cond != nil {
				e = caseCall([]stage.Expr{cond}, []stage.Expr{current[j], old[j]}, c.Type)
			}
			same := compare("<=>", current[j], old[j])
			changes = append(changes, &stage.Call{Fn: "not", Args: []stage.Expr{same}, T: boolType})
		}
		proj.Exprs = append(proj.Exprs, e)
	}
	changed := orAll(changes...)
	if cond != nil {
		changed = logical.AndAll([]stage.Expr{cond, changed})
	}
	count := &logical.Aggregate{Input: &logical.Filter{Input: rows, Cond: changed},
		Aggs: []stage.AggCall{{Fn: stage.AggCountStar, T: arrowInt64}}, Names: []string{"changed"}}
	return &Update{Table: t, Plan: proj, Changed: count, Tables: b.tables}, nil
}

// assign applies the assignments SET t.column[targets[i]] = values[i]
// from left to right, as MySQL does, to a row whose first columns are t's:
// a value reads the columns that earlier ones assigned as assigned. It
// returns each column's new value and whether it was assigned.
func (b *Binder) assign(t *catalog.Table, targets []int, values []stage.Expr) ([]stage.Expr, []bool, error) {
	current := tableColumns(t)
	assigned := make([]bool, len(t.Columns))
	for i, j := range targets {
		v := stage.RewriteColumns(values[i], func(c *stage.ColumnRef) stage.Expr {
			if c.Index < len(current) {
				return current[c.Index]
			}
			return c
		})
		col := t.Columns[j]
		b.inferAs(v, col.Type)
		if lit, ok := v.(*stage.Literal); ok && lit.Null && !col.Nullable && !b.isStandIn(v) {
			return nil, nil, qerr.ErrInvalid.New("column %s cannot be NULL", col.Name)
		}
		current[j], assigned[j] = coerce(v, col.Type), true
	}
	return current, assigned, nil
}

func (b *Binder) bindTruncate(ctx context.Context, s *ast.TruncateTableStmt) (Statement, error) {
	t, err := b.table(ctx, s.Table)
	if err != nil {
		return nil, err
	}
	if err := readOnly(t, "TRUNCATE"); err != nil {
		return nil, err
	}
	return &Truncate{Table: t}, nil
}

func (b *Binder) bindRename(from, to *ast.TableName) (Statement, error) {
	return &RenameTable{Database: b.dbName(from), Name: from.Name.O, NewDatabase: b.dbName(to), NewName: to.Name.O}, nil
}

// CreateIndex is CREATE INDEX, accepted and ignored: Quiver keeps no
// indexes (scans read whole files), so an index changes no answer, only
// MySQL's speed. A UNIQUE index would be a constraint, which Quiver cannot
// enforce: it is refused.
type CreateIndex struct {
	Database, Table, Name string
}

func (*CreateIndex) isStatement() {}

func (b *Binder) bindCreateIndex(ctx context.Context, s *ast.CreateIndexStmt) (Statement, error) {
	switch s.KeyType {
	case ast.IndexKeyTypeNone:
	case ast.IndexKeyTypeUnique:
		return nil, qerr.ErrUnsupported.New("CREATE UNIQUE INDEX: Quiver keeps no indexes and cannot enforce uniqueness")
	default:
		return nil, qerr.ErrUnsupported.New("CREATE SPATIAL or FULLTEXT INDEX")
	}
	t, err := b.table(ctx, s.Table)
	if err != nil {
		return nil, err
	}
	for _, part := range s.IndexPartSpecifications {
		if part.Column != nil && t.ColumnIndex(part.Column.Name.O) < 0 {
			return nil, qerr.ErrNotFound.New("unknown column %s in table %s", part.Column.Name.O, t.Name)
		}
	}
	return &CreateIndex{Database: t.Database, Table: t.Name, Name: s.IndexName}, nil
}

// pruneTarget narrows what a DELETE or UPDATE rewrites to the files in
// which a row may satisfy cond, by the files' min / max statistics
// (logical.MayPass, as queries prune their scans): a file where some
// conjunct "column op constant" holds for no value in the column's range
// keeps all its rows unchanged, so it is neither read nor replaced. It
// returns t with only those files, which the scan reads too.
func (b *Binder) pruneTarget(scan *logical.Scan, t *catalog.Table, cond stage.Expr) *catalog.Table {
	var bounds []logical.Bound
	for _, c := range logical.SplitConjuncts(cond) {
		if bd, ok := logical.BoundOf(c, scan.Columns); ok {
			bounds = append(bounds, bd)
		}
	}
	if len(bounds) == 0 {
		return t
	}
	var keep []catalog.DataFile
	for _, f := range t.Snapshot.Files {
		if logical.MayPass(f.Columns, f.Rows, bounds) {
			keep = append(keep, f)
		}
	}
	if len(keep) == len(t.Snapshot.Files) {
		return t
	}
	pruned := *t
	pruned.Snapshot.Files = keep
	b.tables[scan.ID] = &pruned
	scan.Files, scan.Rows = len(keep), pruned.Snapshot.Rows()
	return &pruned
}
