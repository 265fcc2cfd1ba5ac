// Package binder turns TiDB's MySQL-dialect AST into Quiver statements: DDL
// as catalog requests, queries as logical plans (coordinator/logical) with
// every name resolved against the catalog and every expression typed with
// the Arrow type the engine promises (MySQL's typing rules).
//
// The binder reads the catalog and never changes it; it knows nothing of
// workers, and does no optimization (coordinator/opt: decorrelation and
// constant folding too) and no distribution (coordinator/physical).
package binder

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Statement is a bound statement.
type Statement interface{ isStatement() }

// Query is a SELECT (or EXPLAIN of one): a logical plan whose schema is the
// result's.
type Query struct {
	Plan    logical.Plan
	Explain bool
	// Analyze (EXPLAIN ANALYZE) runs the query and reports its execution.
	Analyze bool
	// Tables are the tables read, by Scan ID, as of binding: the snapshot the
	// scheduler splits into tasks.
	Tables map[int]*catalog.Table
}

// CreateDatabase is CREATE DATABASE.
type CreateDatabase struct {
	Name        string
	IfNotExists bool
}

// DropDatabase is DROP DATABASE.
type DropDatabase struct {
	Name     string
	IfExists bool
}

// CreateTable is CREATE TABLE with its definition resolved to Arrow types.
type CreateTable struct {
	Table       *catalog.Table
	IfNotExists bool
}

// DropTable is DROP TABLE of one table.
type DropTable struct {
	Database, Name string
	IfExists       bool
}

// CreateView is CREATE [OR REPLACE] VIEW; its query was bound once to check it.
type CreateView struct {
	View      *catalog.View
	OrReplace bool
}

// DropView is DROP VIEW of one view.
type DropView struct {
	Database, Name string
	IfExists       bool
}

// Insert is INSERT: Plan produces rows of exactly the table's schema.
type Insert struct {
	Table *catalog.Table
	Plan  logical.Plan
	// Fill is set for INSERT ... VALUES (?, ?, ...) of markers only: the
	// table column that each parameter fills, so that rows bound to it can
	// be loaded as a batch of the table's columns.
	Fill []int
	// Tables are the tables Plan reads (INSERT ... SELECT), by Scan ID.
	Tables map[int]*catalog.Table
	// Import is set for IMPORT INTO: Plan reads files on the server.
	Import bool
}

func (*Query) isStatement()          {}
func (*CreateDatabase) isStatement() {}
func (*DropDatabase) isStatement()   {}
func (*CreateTable) isStatement()    {}
func (*DropTable) isStatement()      {}
func (*Insert) isStatement()         {}
func (*CreateView) isStatement()     {}
func (*DropView) isStatement()       {}

// Parse parses one statement within DefaultLimits.
func Parse(sql string) (ast.StmtNode, error) { return ParseWithin(sql, DefaultLimits) }

// ParseWithin parses one statement. A syntax error is qerr.ErrSyntax and
// names the line and column, as TiDB's parser reports them; a statement
// longer or deeper than lim allows is qerr.ErrTooLarge.
func ParseWithin(sql string, lim Limits) (ast.StmtNode, error) {
	if err := lim.checkLength(sql); err != nil {
		return nil, err
	}
	stmts, err := parseSQL(sql)
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "line "); i >= 0 {
			msg = "syntax error at " + msg[i:]
		}
		return nil, qerr.ErrSyntax.New("%s", msg)
	}
	switch len(stmts) {
	case 0:
		return nil, qerr.ErrSyntax.New("empty statement")
	case 1:
		if err := lim.checkDepth(stmts[0]); err != nil {
			return nil, err
		}
		return stmts[0], nil
	}
	return nil, qerr.ErrInvalid.New("expected one statement, got %d", len(stmts))
}

// Binder binds statements against a catalog.
type Binder struct {
	cat    catalog.Catalog
	db     string                 // the session's current database
	tables map[int]*catalog.Table // by Scan ID
	// ctes are the WITH clauses in scope, innermost last.
	ctes [][]*ast.CommonTableExpression
	// outer are the scopes of the queries enclosing the subquery being
	// bound, innermost last, and outerPlans the plans each of their
	// subqueries joins onto (as the binding of that subquery found them:
	// a reference from further in extends them, resolveOuter); apply is
	// the plan that subqueries join onto.
	outer      []*scope
	outerPlans []*logical.Plan
	apply      *applyCtx
	// windowCols map each window call of the SELECT block being bound
	// (by its text) to the column that holds its value.
	windowCols map[string]*stage.ColumnRef
	viewDepth  int
	ctx        context.Context // the statement's, for catalog reads deep in expressions
	params     params          // the statement's ? markers (params.go)
	env        Env
	// listingViews marks a binder that binds a view to list its columns.
	listingViews bool
	// access is what the statement needs (grants.go); definer and via are
	// the owner and name of the view being expanded, whose owner's
	// privileges its reads need.
	access  []Access
	definer string
	via     string
}

// New returns a binder for one statement in database db.
func New(cat catalog.Catalog, db string) *Binder {
	return &Binder{cat: cat, db: db, tables: map[int]*catalog.Table{}, windowCols: map[string]*stage.ColumnRef{}}
}

// Bind binds a parsed statement. A statement with ? markers binds only
// after InferParams or WithParams (params.go).
func (b *Binder) Bind(ctx context.Context, stmt ast.StmtNode) (Statement, error) {
	if err := b.collectMarkers(stmt); err != nil {
		return nil, err
	}
	out, err := b.bindStatement(ctx, stmt)
	if err != nil {
		return nil, err
	}
	if err := b.needWrites(out); err != nil {
		return nil, err
	}
	return out, b.checkMarkers(out)
}

func (b *Binder) bindStatement(ctx context.Context, stmt ast.StmtNode) (Statement, error) {
	b.ctx = ctx
	switch s := stmt.(type) {
	case *ast.SelectStmt, *ast.SetOprStmt:
		p, err := b.bindQuery(ctx, s.(ast.ResultSetNode))
		if err != nil {
			return nil, err
		}
		return &Query{Plan: p, Tables: b.tables}, nil
	case *ast.ExplainStmt:
		if show, ok := s.Stmt.(*ast.ShowStmt); ok {
			return b.bindShow(ctx, show) // DESCRIBE t
		}
		sel, ok := s.Stmt.(ast.ResultSetNode)
		if !ok {
			return nil, qerr.ErrUnsupported.New("EXPLAIN of %s", statementName(s.Stmt))
		}
		p, err := b.bindQuery(ctx, sel)
		if err != nil {
			return nil, err
		}
		return &Query{Plan: p, Explain: true, Analyze: s.Analyze, Tables: b.tables}, nil
	case *ast.CreateDatabaseStmt:
		if b.virtualSchema(s.Name.O) != nil {
			return nil, qerr.ErrInvalid.New("%s is a system schema", s.Name.O)
		}
		return &CreateDatabase{Name: s.Name.O, IfNotExists: s.IfNotExists}, nil
	case *ast.DropDatabaseStmt:
		return &DropDatabase{Name: s.Name.O, IfExists: s.IfExists}, nil
	case *ast.CreateTableStmt:
		return b.bindCreateTable(ctx, s)
	case *ast.DropTableStmt:
		if len(s.Tables) != 1 {
			return nil, qerr.ErrUnsupported.New("DROP TABLE of %d tables at once", len(s.Tables))
		}
		if s.IsView {
			return &DropView{Database: b.dbName(s.Tables[0]), Name: s.Tables[0].Name.O, IfExists: s.IfExists}, nil
		}
		return &DropTable{Database: b.dbName(s.Tables[0]), Name: s.Tables[0].Name.O, IfExists: s.IfExists}, nil
	case *ast.CreateViewStmt:
		return b.bindCreateView(ctx, s)
	case *ast.InsertStmt:
		return b.bindInsert(ctx, s)
	case *ast.ImportIntoStmt:
		return b.bindImport(ctx, s)
	case *ast.DeleteStmt:
		return b.bindDelete(ctx, s)
	case *ast.UpdateStmt:
		return b.bindUpdate(ctx, s)
	case *ast.TruncateTableStmt:
		return b.bindTruncate(ctx, s)
	case *ast.RenameTableStmt:
		if len(s.TableToTables) != 1 {
			return nil, qerr.ErrUnsupported.New("RENAME TABLE of %d tables at once", len(s.TableToTables))
		}
		return b.bindRename(s.TableToTables[0].OldTable, s.TableToTables[0].NewTable)
	case *ast.AlterTableStmt:
		return b.bindAlterTable(ctx, s)
	case *ast.CreateIndexStmt:
		return b.bindCreateIndex(ctx, s)
	case *ast.AnalyzeTableStmt:
		return b.bindAnalyze(ctx, s)
	case *ast.ShowStmt:
		return b.bindShow(ctx, s)
	case *ast.UseStmt:
		return b.bindUse(ctx, s)
	case *ast.SetStmt:
		return b.bindSet(s)
	case *ast.GrantStmt:
		return b.bindGrant(s)
	case *ast.RevokeStmt:
		return b.bindRevoke(s)
	case *ast.GrantRoleStmt:
		return &GrantRoles{Roles: roleNames(s.Roles), Users: userNames(s.Users)}, nil
	case *ast.RevokeRoleStmt:
		return &GrantRoles{Revoke: true, Roles: roleNames(s.Roles), Users: userNames(s.Users)}, nil
	case *ast.CreateUserStmt:
		if s.IsCreateRole {
			return b.bindCreateRole(s)
		}
		return b.bindUserStatement(s)
	case *ast.DropUserStmt:
		if s.IsDropRole {
			return b.bindDropRole(s)
		}
		return b.bindUserStatement(s)
	case *ast.AlterUserStmt:
		return b.bindUserStatement(s)
	}
	return nil, qerr.ErrUnsupported.New("statement %s", statementName(stmt))
}

func statementName(stmt ast.StmtNode) string {
	name := fmt.Sprintf("%T", stmt)
	name = strings.TrimPrefix(name, "*ast.")
	return strings.TrimSuffix(name, "Stmt")
}

func (b *Binder) dbName(t *ast.TableName) string {
	if t.Schema.O != "" {
		return t.Schema.O
	}
	return b.db
}

func (b *Binder) bindCreateTable(ctx context.Context, s *ast.CreateTableStmt) (Statement, error) {
	if s.ReferTable != nil {
		return nil, qerr.ErrUnsupported.New("CREATE TABLE ... LIKE")
	}
	if s.External {
		return b.bindCreateExternal(s)
	}
	t := &catalog.Table{Database: b.dbName(s.Table), Name: s.Table.Name.O}
	for _, c := range s.Cols {
		col, err := columnDef(c)
		if err != nil {
			return nil, err
		}
		t.Columns = append(t.Columns, col)
	}
	var err error
	if t.PrimaryKey, err = primaryKey(s); err != nil {
		return nil, err
	}
	if s.Select == nil {
		if err := keyNotNull(t); err != nil {
			return nil, err
		}
	}
	if p := s.Partition; p != nil {
		if p.Tp.String() != "HASH" || p.Expr == nil {
			return nil, qerr.ErrUnsupported.New("PARTITION BY %s", p.Tp)
		}
		col, ok := p.Expr.(*ast.ColumnNameExpr)
		if !ok {
			return nil, qerr.ErrUnsupported.New("PARTITION BY HASH of an expression")
		}
		if t.ColumnIndex(col.Name.Name.O) < 0 && s.Select == nil { // CREATE ... AS: the query's columns come later
			return nil, qerr.ErrNotFound.New("partition column %s is not a column of %s", col.Name.Name.O, t.Name)
		}
		t.DistributionKeys = []string{col.Name.Name.O}
		t.Partitions = max(int(p.Num), 1)
	}
	if s.Select != nil {
		return b.createTableAs(ctx, s, t)
	}
	return &CreateTable{Table: t, IfNotExists: s.IfNotExists}, nil
}

// primaryKey is the PRIMARY KEY of CREATE TABLE, a column's option or a
// constraint of its own, as the column names.
func primaryKey(s *ast.CreateTableStmt) ([]string, error) {
	var key []string
	found := 0
	for _, c := range s.Cols {
		for _, o := range c.Options {
			if o.Tp == ast.ColumnOptionPrimaryKey {
				key, found = []string{c.Name.Name.O}, found+1
			}
		}
	}
	for _, c := range s.Constraints {
		if c.Tp != ast.ConstraintPrimaryKey {
			continue
		}
		found++
		key = nil
		for _, part := range c.Keys {
			if part.Column == nil {
				return nil, qerr.ErrUnsupported.New("a PRIMARY KEY on an expression")
			}
			key = append(key, part.Column.Name.O)
		}
	}
	if found > 1 {
		return nil, qerr.ErrInvalid.New("multiple primary key defined")
	}
	return key, nil
}

// keyNotNull makes t's primary key columns NOT NULL, as MySQL does.
func keyNotNull(t *catalog.Table) error {
	for _, k := range t.PrimaryKey {
		i := t.ColumnIndex(k)
		if i < 0 {
			return qerr.ErrNotFound.New("key column %s doesn't exist in table %s", k, t.Name)
		}
		t.Columns[i].Nullable = false
	}
	return nil
}

// columnDef is a column definition of CREATE TABLE or ADD COLUMN, with
// its Arrow type and nullability.
func columnDef(c *ast.ColumnDef) (catalog.Column, error) {
	typ, err := ArrowType(c.Tp)
	if err != nil {
		return catalog.Column{}, qerr.CodeOf(err).Wrap(err, "column %s", c.Name.Name.O)
	}
	nullable := true
	for _, o := range c.Options {
		if o.Tp == ast.ColumnOptionNotNull || o.Tp == ast.ColumnOptionPrimaryKey {
			nullable = false
		}
	}
	return catalog.Column{Name: c.Name.Name.O, Type: typ, Nullable: nullable}, nil
}

// isNullLiteral reports whether e is the literal NULL.
func isNullLiteral(e ast.ExprNode) bool {
	v, ok := e.(*driver.ValueExpr)
	return ok && v.Kind() == driver.KindNull
}

func (b *Binder) table(ctx context.Context, tn *ast.TableName) (*catalog.Table, error) {
	return b.cat.GetTable(ctx, b.dbName(tn), tn.Name.O)
}

func (b *Binder) bindInsert(ctx context.Context, s *ast.InsertStmt) (Statement, error) {
	src, ok := s.Table.TableRefs.Left.(*ast.TableSource)
	if !ok {
		return nil, qerr.ErrInvalid.New("INSERT target is not a table")
	}
	tn, ok := src.Source.(*ast.TableName)
	if !ok {
		return nil, qerr.ErrInvalid.New("INSERT target is not a table")
	}
	t, err := b.table(ctx, tn)
	if err != nil {
		return nil, err
	}
	if err := readOnly(t, "INSERT"); err != nil {
		return nil, err
	}
	// target[i] is the table column that the i-th value fills.
	target := make([]int, 0, len(t.Columns))
	if len(s.Columns) == 0 {
		for i := range t.Columns {
			target = append(target, i)
		}
	}
	for _, c := range s.Columns {
		i := t.ColumnIndex(c.Name.O)
		if i < 0 {
			return nil, qerr.ErrNotFound.New("unknown column %s in table %s", c.Name.O, t.Name)
		}
		if slices.Contains(target, i) {
			return nil, qerr.ErrInvalid.New("column %s is specified twice", t.Columns[i].Name)
		}
		target = append(target, i)
	}
	ins, err := b.insertValues(ctx, s, t, target)
	if err != nil || !s.IsReplace && len(s.OnDuplicate) == 0 {
		return ins, err
	}
	return b.bindUpsert(ctx, s, tn, ins)
}

// insertValues binds the rows of INSERT ... VALUES or INSERT ... SELECT
// into t, the i-th value filling column target[i].
func (b *Binder) insertValues(ctx context.Context, s *ast.InsertStmt, t *catalog.Table, target []int) (*Insert, error) {
	if s.Select != nil {
		return b.insertSelect(ctx, t, target, s.Select)
	}
	var err error
	names := make([]string, len(t.Columns))
	types := make([]arrow.DataType, len(t.Columns))
	for i, c := range t.Columns {
		names[i], types[i] = c.Name, c.Type
	}
	values := &logical.Values{Names: names, Types: types}
	empty := &scope{}
	for n, list := range s.Lists {
		if len(list) != len(target) {
			return nil, qerr.ErrInvalid.New("row %d has %d values for %d columns", n+1, len(list), len(target))
		}
		row := make([]stage.Expr, len(t.Columns))
		for i, c := range t.Columns {
			row[i] = &stage.Literal{Null: true, T: c.Type}
		}
		for i, e := range list {
			col := t.Columns[target[i]]
			var v stage.Expr
			if lit := binaryLiteral(e); lit != nil {
				v, err = binaryStored(lit, col.Type)
			} else {
				v, err = b.expr(empty, e)
			}
			if err != nil {
				return nil, err
			}
			b.inferAs(v, col.Type)
			if lit, ok := v.(*stage.Literal); ok && lit.Null && !col.Nullable && !b.isStandIn(v) {
				return nil, qerr.ErrInvalid.New("column %s cannot be NULL", col.Name)
			}
			row[target[i]] = coerce(v, col.Type)
		}
		values.Rows = append(values.Rows, row)
	}
	return &Insert{Table: t, Plan: values, Fill: markerFill(s.Lists, target), Tables: b.tables}, nil
}

// coerce casts e to t unless it already has that type.
func coerce(e stage.Expr, t arrow.DataType) stage.Expr {
	if arrow.TypeEqual(e.Type(), t) {
		return e
	}
	if lit, ok := e.(*stage.Literal); ok && lit.Null {
		return &stage.Literal{Null: true, T: t}
	}
	return &stage.Cast{Arg: e, T: t}
}

// scope is the columns an expression can name: the output of the operator
// below, with the table each came from.
type scope struct {
	cols []scopeColumn
	// aggregates are, above an aggregation, the aggregates of its
	// subqueries that belong to it (ownedAggregates), by their text: its
	// output columns.
	aggregates map[string]*stage.ColumnRef
}

type scopeColumn struct {
	table string // qualifier, lower-cased
	name  string
	typ   arrow.DataType
	// hidden marks a copy of a USING column that does not answer to its
	// bare name: reachable by its qualified name only, part of t.* but
	// not of *.
	hidden bool
}

func (s *scope) resolve(c *ast.ColumnName) (*stage.ColumnRef, error) {
	found := -1
	for i, sc := range s.cols {
		if !strings.EqualFold(sc.name, c.Name.O) {
			continue
		}
		if c.Table.O != "" && !strings.EqualFold(sc.table, c.Table.O) || c.Table.O == "" && sc.hidden {
			continue
		}
		if found >= 0 {
			return nil, qerr.ErrInvalid.New("column %s is ambiguous", c.Name.O)
		}
		found = i
	}
	if found < 0 {
		return nil, qerr.ErrNotFound.New("unknown column %s", columnText(c))
	}
	sc := s.cols[found]
	return &stage.ColumnRef{Index: found, Name: sc.name, T: sc.typ}, nil
}

func columnText(c *ast.ColumnName) string {
	if c.Table.O != "" {
		return c.Table.O + "." + c.Name.O
	}
	return c.Name.O
}

// restore is the canonical SQL text of an AST expression; equal texts are the
// same expression (how GROUP BY items are matched in SELECT and ORDER BY).
func restore(n ast.Node) string {
	var sb strings.Builder
	ctx := format.NewRestoreCtx(format.RestoreStringSingleQuotes|format.RestoreKeyWordLowercase|format.RestoreNameLowercase, &sb)
	if err := n.Restore(ctx); err != nil {
		return fmt.Sprintf("%p", n)
	}
	return sb.String()
}

// unparen strips the parentheses around an expression: they make no
// expression of their own in MySQL, so (a) is the column a, named a.
func unparen(e ast.ExprNode) ast.ExprNode {
	for {
		p, ok := e.(*ast.ParenthesesExpr)
		if !ok {
			return e
		}
		e = p.Expr
	}
}

func intLiteral(e ast.ExprNode) (int64, bool) {
	v, ok := e.(*driver.ValueExpr)
	if !ok {
		return 0, false
	}
	switch v.Kind() {
	case driver.KindInt64:
		return v.GetInt64(), true
	case driver.KindUint64:
		return int64(v.GetUint64()), true
	}
	return 0, false
}

var comparisonOps = map[opcode.Op]string{
	opcode.EQ: "=", opcode.NE: "<>", opcode.NullEQ: "<=>", opcode.LT: "<", opcode.LE: "<=", opcode.GT: ">", opcode.GE: ">=",
}

var arithmeticOps = map[opcode.Op]string{
	opcode.Plus: "+", opcode.Minus: "-", opcode.Mul: "*", opcode.Div: "/", opcode.Mod: "%", opcode.IntDiv: "div",
}

var logicOps = map[opcode.Op]string{opcode.LogicAnd: "and", opcode.LogicOr: "or", opcode.LogicXor: "xor"}

var boolType = arrow.FixedWidthTypes.Boolean

// expr binds a scalar expression against sc. Aggregates are not allowed here;
// aggregate queries bind through aggScope.
func (b *Binder) expr(sc *scope, e ast.ExprNode) (stage.Expr, error) {
	return b.exprWith(e, func(e ast.ExprNode) (stage.Expr, bool, error) {
		switch e := e.(type) {
		case *ast.ColumnNameExpr:
			ref, err := sc.resolve(e.Name)
			if qerr.Has(err, qerr.ErrNotFound) {
				if outer, ok := b.resolveOuter(e.Name); ok {
					return outer, true, nil
				}
			}
			return ref, true, err
		case *ast.AggregateFuncExpr:
			if outer, ok := b.outerAggregate(e); ok {
				return outer, true, nil
			}
			return nil, true, qerr.ErrInvalid.New("aggregate %s is not allowed here", e.F)
		}
		return b.subqueryLeaf(e)
	})
}

// leafFunc binds the nodes that depend on where an expression stands
// (columns, aggregates); handled reports whether it took the node.
type leafFunc func(e ast.ExprNode) (out stage.Expr, handled bool, err error)

func (b *Binder) exprWith(e ast.ExprNode, leaf leafFunc) (stage.Expr, error) {
	if out, ok, err := leaf(e); ok {
		return out, err
	}
	sub := func(e ast.ExprNode) (stage.Expr, error) { return b.exprWith(e, leaf) }
	switch e := e.(type) {
	case *ast.ParenthesesExpr:
		return sub(e.Expr)
	case *driver.ValueExpr:
		return literal(e)
	case *driver.ParamMarkerExpr:
		return b.param(e)
	case *ast.BinaryOperationExpr:
		if isRowComparison(e) {
			return b.rowCompare(comparisonOps[e.Op], e.L, e.R, sub)
		}
		_, isComparison := comparisonOps[e.Op]
		l, r, err := b.operands(e.L, e.R, !isComparison, sub)
		if err != nil {
			return nil, err
		}
		b.inferTogether(l, r)
		if op, ok := comparisonOps[e.Op]; ok {
			return compare(op, l, r), nil
		}
		if op, ok := logicOps[e.Op]; ok {
			return &stage.Call{Fn: op, Args: []stage.Expr{truth(l), truth(r)}, T: boolType}, nil
		}
		if op, ok := arithmeticOps[e.Op]; ok {
			return arithmetic(op, l, r)
		}
		return nil, qerr.ErrUnsupported.New("operator %s", e.Op)
	case *ast.UnaryOperationExpr:
		vs, err := b.contextual([]ast.ExprNode{e.V}, true, sub)
		if err != nil {
			return nil, err
		}
		v := vs[0]
		switch e.Op {
		case opcode.Not, opcode.Not2:
			return &stage.Call{Fn: "not", Args: []stage.Expr{truth(v)}, T: boolType}, nil
		case opcode.Minus:
			if isString(v.Type()) {
				v = toDouble(v)
			}
			if !isNumeric(v.Type()) {
				return nil, qerr.ErrUnsupported.New("unary minus on %s", v.Type())
			}
			if lit, ok := v.(*stage.Literal); ok && !lit.Null {
				return negateLiteral(lit), nil
			}
			t := v.Type()
			if stage.IsInteger(t) {
				// MySQL negates integers as BIGINT, so -(-2147483648) fits.
				t = arrowInt64
			}
			return &stage.Call{Fn: "neg", Args: []stage.Expr{coerce(v, t)}, T: t}, nil
		case opcode.Plus:
			return v, nil
		}
		return nil, qerr.ErrUnsupported.New("unary operator %s", e.Op)
	case *ast.IsNullExpr:
		v, err := sub(e.Expr)
		if err != nil {
			return nil, err
		}
		fn := "isnull"
		if e.Not {
			fn = "isnotnull"
		}
		return &stage.Call{Fn: fn, Args: []stage.Expr{v}, T: boolType}, nil
	case *ast.PatternLikeOrIlikeExpr:
		if !e.IsLike {
			return nil, qerr.ErrUnsupported.New("ILIKE")
		}
		v, err := sub(e.Expr)
		if err != nil {
			return nil, err
		}
		p, err := sub(e.Pattern)
		if err != nil {
			return nil, err
		}
		return like(v, p, e.Escape, e.Not), nil
	case *ast.PatternInExpr:
		if e.Sel != nil {
			return nil, qerr.ErrUnsupported.New("IN (subquery)")
		}
		if isRowIn(e) {
			return b.rowIn(e, sub)
		}
		args, err := b.contextual(append([]ast.ExprNode{e.Expr}, e.List...), false, sub)
		if err != nil {
			return nil, err
		}
		b.inferTogether(args...)
		fn := "in"
		if e.Not {
			fn = "not in"
		}
		return inList(fn, args[0], args[1:]), nil
	case *ast.BetweenExpr:
		args, err := b.contextual([]ast.ExprNode{e.Expr, e.Left, e.Right}, false, sub)
		if err != nil {
			return nil, err
		}
		v, lo, hi := args[0], args[1], args[2]
		b.inferTogether(v, lo, hi)
		return between(v, lo, hi, e.Not), nil
	case *ast.FuncCastExpr:
		v, err := sub(e.Expr)
		if err != nil {
			return nil, err
		}
		out, err := castExpr(v, e.Tp)
		if err == nil {
			b.inferAs(v, out.Type())
		}
		return out, err
	case *ast.CaseExpr:
		return b.caseExpr(e, sub)
	case *ast.IsTruthExpr:
		v, err := sub(e.Expr)
		if err != nil {
			return nil, err
		}
		return isTruth(v, e.True != 0, e.Not), nil
	case *ast.FuncCallExpr:
		return b.funcCall(e, sub)
	case *ast.ColumnNameExpr:
		return nil, qerr.ErrInvalid.New("column %s is not allowed here", columnText(e.Name))
	case *ast.VariableExpr:
		return b.variable(e)
	case *ast.RowExpr:
		return nil, operandWidth(1)
	}
	return nil, qerr.ErrUnsupported.New("expression %s", restore(e))
}

func literal(v *driver.ValueExpr) (stage.Expr, error) {
	switch v.Kind() {
	case driver.KindNull:
		return &stage.Literal{Null: true, T: arrow.Null}, nil
	case driver.KindInt64:
		return &stage.Literal{Text: strconv.FormatInt(v.GetInt64(), 10), T: arrow.PrimitiveTypes.Int64}, nil
	case driver.KindUint64:
		return &stage.Literal{Text: strconv.FormatUint(v.GetUint64(), 10), T: arrow.PrimitiveTypes.Uint64}, nil
	case driver.KindFloat32, driver.KindFloat64:
		return &stage.Literal{Text: strconv.FormatFloat(v.GetFloat64(), 'g', -1, 64), T: arrow.PrimitiveTypes.Float64}, nil
	case driver.KindString:
		return &stage.Literal{Text: v.GetString(), T: arrow.BinaryTypes.String}, nil
	case driver.KindBinaryLiteral:
		return binaryString(v)
	case driver.KindMysqlDecimal:
		text := v.GetMysqlDecimal().String()
		digits := strings.TrimLeft(strings.ReplaceAll(strings.TrimPrefix(text, "-"), ".", ""), "0")
		scale := 0
		if i := strings.IndexByte(text, '.'); i >= 0 {
			scale = len(text) - i - 1
		}
		return &stage.Literal{Text: text, T: decimal(int32(max(len(digits), scale, 1)), int32(scale))}, nil
	}
	return nil, qerr.ErrUnsupported.New("literal %s", restore(v))
}
