package binder

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// showQuery is a SHOW statement as MySQL defines it: a query over an
// information_schema table. Columns are the output's, in order, each
// "expression AS name"; LIKE filters the first output column; WHERE sees the
// output columns by name.
type showQuery struct {
	columns []string // "SCHEMA_NAME AS `Database`"
	from    string   // the information_schema table
	where   []string // conditions on the table's own columns
	order   string   // an expression over the table's columns
}

// bindShow binds SHOW (and DESCRIBE, which TiDB parses as EXPLAIN of SHOW
// COLUMNS) as a query through the planner like any other.
func (b *Binder) bindShow(ctx context.Context, s *ast.ShowStmt) (Statement, error) {
	var q showQuery
	switch s.Tp {
	case ast.ShowGrants:
		return b.showGrants(ctx, s)
	case ast.ShowDatabases:
		q = showQuery{columns: []string{"SCHEMA_NAME AS `Database`"}, from: "SCHEMATA", order: "SCHEMA_NAME"}
	case ast.ShowTables:
		db, err := b.resolveDatabase(ctx, s.DBName)
		if err != nil {
			return nil, err
		}
		q = showQuery{columns: []string{"TABLE_NAME AS " + QuoteName("Tables_in_"+db)}, from: "TABLES",
			where: []string{"TABLE_SCHEMA = " + quoteText(db)}, order: "TABLE_NAME"}
		if s.Full {
			q.columns = append(q.columns, "TABLE_TYPE AS `Table_type`")
		}
	case ast.ShowColumns:
		db, name, err := b.resolveRelation(ctx, s.DBName, s.Table)
		if err != nil {
			return nil, err
		}
		q = showQuery{
			columns: []string{"COLUMN_NAME AS `Field`", "COLUMN_TYPE AS `Type`", "IS_NULLABLE AS `Null`",
				"COLUMN_KEY AS `Key`", "COLUMN_DEFAULT AS `Default`", "EXTRA AS `Extra`"},
			from:  "COLUMNS",
			where: []string{"TABLE_SCHEMA = " + quoteText(db), "TABLE_NAME = " + quoteText(name)},
			order: "ORDINAL_POSITION",
		}
		if s.Column != nil {
			q.where = append(q.where, "lower(COLUMN_NAME) = "+quoteText(strings.ToLower(s.Column.Name.O)))
		}
	case ast.ShowVariables:
		q = showQuery{columns: []string{"VARIABLE_NAME AS `Variable_name`", "VARIABLE_VALUE AS `Value`"},
			from: "SESSION_VARIABLES", order: "VARIABLE_NAME"}
	case ast.ShowCreateTable, ast.ShowCreateView:
		return b.showCreate(ctx, s)
	case ast.ShowCreateDatabase:
		db, err := b.resolveDatabase(ctx, s.DBName)
		if err != nil {
			return nil, err
		}
		return showValues([]string{"Database", "Create Database"}, db, "CREATE DATABASE "+QuoteName(db)), nil
	default:
		return nil, qerr.ErrUnsupported.New("statement %s", restoreStatement(s))
	}
	sql, err := q.sql(s)
	if err != nil {
		return nil, err
	}
	stmt, err := Parse(sql)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "SHOW as a query: %s", sql)
	}
	p, err := b.bindQuery(ctx, stmt.(ast.ResultSetNode))
	if err != nil {
		return nil, err
	}
	return &Query{Plan: p, Tables: b.tables}, nil
}

// sql is the query text: the show's columns over its table, then the
// statement's LIKE or WHERE over those columns, in the show's order.
func (q showQuery) sql(s *ast.ShowStmt) (string, error) {
	names := make([]string, len(q.columns))
	for i, c := range q.columns {
		_, names[i], _ = strings.Cut(c, " AS ")
	}
	inner := "SELECT " + strings.Join(q.columns, ", ") + ", " + q.order + " AS show_order FROM " +
		InformationSchema + "." + q.from
	if len(q.where) > 0 {
		inner += " WHERE " + strings.Join(q.where, " AND ")
	}
	sql := "SELECT " + strings.Join(names, ", ") + " FROM (" + inner + ") AS show_rows"
	switch {
	case s.Pattern != nil:
		like := *s.Pattern
		like.Expr = &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: ast.NewCIStr(strings.Trim(names[0], "`"))}}
		cond, err := restoreExpr(&like)
		if err != nil {
			return "", err
		}
		sql += " WHERE " + cond
	case s.Where != nil:
		cond, err := restoreExpr(s.Where)
		if err != nil {
			return "", err
		}
		sql += " WHERE " + cond
	}
	return sql + " ORDER BY show_order", nil
}

// showCreate answers SHOW CREATE TABLE (of a table or a view) and SHOW
// CREATE VIEW with the DDL that makes the relation again.
func (b *Binder) showCreate(ctx context.Context, s *ast.ShowStmt) (Statement, error) {
	db, err := b.resolveDatabase(ctx, s.Table.Schema.O)
	if err != nil {
		return nil, err
	}
	if s.Tp == ast.ShowCreateTable {
		t, err := b.cat.GetTable(ctx, db, s.Table.Name.O)
		if err == nil {
			b.need(0, t.Database, t.Name)
			return showValues([]string{"Table", "Create Table"}, t.Name, createTableDDL(t)), nil
		}
		if !qerr.Has(err, qerr.ErrNotFound) {
			return nil, err
		}
	}
	v, err := b.cat.GetView(ctx, db, s.Table.Name.O)
	if err != nil {
		return nil, err
	}
	b.need(0, v.Database, v.Name)
	ddl := "CREATE VIEW " + QuoteName(v.Name)
	if len(v.Columns) > 0 {
		names := make([]string, len(v.Columns))
		for i, c := range v.Columns {
			names[i] = QuoteName(c)
		}
		ddl += " (" + strings.Join(names, ", ") + ")"
	}
	return showValues([]string{"View", "Create View"}, v.Name, ddl+" AS "+v.SQL), nil
}

// createTableDDL is the CREATE TABLE statement of t, as SHOW CREATE TABLE
// prints it; it parses back to t's definition.
func createTableDDL(t *catalog.Table) string {
	lines := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		lines[i] = "  " + QuoteName(c.Name) + " " + SQLTypeOf(c.Type).DDL
		if !c.Nullable {
			lines[i] += " NOT NULL"
		}
	}
	if e := t.External; e != nil {
		return externalDDL(t, lines)
	}
	if len(t.PrimaryKey) > 0 {
		keys := make([]string, len(t.PrimaryKey))
		for i, k := range t.PrimaryKey {
			keys[i] = QuoteName(k)
		}
		lines = append(lines, "  PRIMARY KEY ("+strings.Join(keys, ", ")+")")
	}
	ddl := "CREATE TABLE " + QuoteName(t.Name) + " (\n" + strings.Join(lines, ",\n") + "\n)"
	if len(t.DistributionKeys) > 0 {
		keys := make([]string, len(t.DistributionKeys))
		for i, k := range t.DistributionKeys {
			keys[i] = QuoteName(k)
		}
		ddl += fmt.Sprintf(" PARTITION BY HASH(%s) PARTITIONS %d", strings.Join(keys, ", "), t.Partitions)
	}
	return ddl
}

// externalDDL is CREATE EXTERNAL TABLE of t with its column lines: the
// columns as stored, inferred or declared, so that it reads the files alike.
func externalDDL(t *catalog.Table, lines []string) string {
	e := t.External
	ddl := "CREATE EXTERNAL TABLE " + QuoteName(t.Name) + " (\n" + strings.Join(lines, ",\n") + "\n) LOCATION " +
		QuoteString(e.Location) + " FORMAT " + QuoteString(e.Format)
	if len(e.Options) > 0 {
		names := slices.Sorted(maps.Keys(e.Options))
		opts := make([]string, len(names))
		for i, n := range names {
			opts[i] = n + " = " + QuoteString(e.Options[n])
		}
		ddl += " OPTIONS (" + strings.Join(opts, ", ") + ")"
	}
	return ddl
}

// showRows is a one-column result named name with a row per value.
func showRows(name string, values []string) *Query {
	v := &logical.Values{Names: []string{name}, Types: []arrow.DataType{stringType}}
	for _, val := range values {
		v.Rows = append(v.Rows, []stage.Expr{&stage.Literal{Text: val, T: stringType}})
	}
	return &Query{Plan: v, Tables: map[int]*catalog.Table{}}
}

// showValues is a one-row result of string columns.
func showValues(names []string, values ...string) *Query {
	v := &logical.Values{Names: names, Rows: [][]stage.Expr{{}}}
	for _, val := range values {
		v.Types = append(v.Types, stringType)
		v.Rows[0] = append(v.Rows[0], &stage.Literal{Text: val, T: stringType})
	}
	return &Query{Plan: v, Tables: map[int]*catalog.Table{}}
}

// resolveDatabase returns the catalog's spelling of database name (the
// current database when name is empty): one of the catalog's databases or a
// virtual schema, else ErrNotFound.
func (b *Binder) resolveDatabase(ctx context.Context, name string) (string, error) {
	if name == "" {
		name = b.db
	}
	dbs, err := b.Databases(ctx)
	if err != nil {
		return "", err
	}
	for _, db := range dbs {
		if strings.EqualFold(db, name) {
			return db, nil
		}
	}
	return "", qerr.ErrNotFound.New("database %s does not exist", name)
}

// resolveRelation returns the database and name of a table, view or
// virtual table as the catalog spells them (db, when set, overrides the
// name's qualifier, as in SHOW COLUMNS FROM t FROM db), else ErrNotFound.
func (b *Binder) resolveRelation(ctx context.Context, db string, tn *ast.TableName) (string, string, error) {
	if db == "" {
		db = tn.Schema.O
	}
	db, err := b.resolveDatabase(ctx, db)
	if err != nil {
		return "", "", err
	}
	if vs := b.virtualSchema(db); vs != nil {
		t, ok := virtualTable(vs, tn.Name.O)
		if !ok {
			return "", "", qerr.ErrNotFound.New("table %s.%s does not exist", db, tn.Name.O)
		}
		return db, t.Name, nil
	}
	t, err := b.cat.GetTable(ctx, db, tn.Name.O)
	if err == nil {
		b.need(0, t.Database, t.Name)
		return db, t.Name, nil
	}
	if !qerr.Has(err, qerr.ErrNotFound) {
		return "", "", err
	}
	v, err := b.cat.GetView(ctx, db, tn.Name.O)
	if err != nil {
		return "", "", qerr.ErrNotFound.New("table %s.%s does not exist", db, tn.Name.O)
	}
	b.need(0, v.Database, v.Name)
	return db, v.Name, nil
}

// quoteText is a MySQL string literal of s.
func quoteText(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", "''").Replace(s) + "'"
}

// restoreExpr is the SQL text of an expression, names in backquotes, that
// parses back to the same expression.
func restoreExpr(n ast.Node) (string, error) {
	var sb strings.Builder
	ctx := format.NewRestoreCtx(format.RestoreStringSingleQuotes|format.RestoreNameBackQuotes|format.RestoreKeyWordUppercase, &sb)
	if err := n.Restore(ctx); err != nil {
		return "", qerr.ErrInternal.Wrap(err, "restore %T", n)
	}
	return sb.String(), nil
}

// restoreStatement names a statement by its text, for errors.
func restoreStatement(n ast.Node) string {
	text, err := restoreExpr(n)
	if err != nil {
		return fmt.Sprintf("%T", n)
	}
	return text
}
