package binder

import (
	"context"
	"sort"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// CatalogName is the one catalog (TABLE_CATALOG, Flight SQL's catalog_name);
// its schemas are Quiver's databases.
const CatalogName = "quiver"

// InformationSchema is the name of the virtual schema of metadata tables.
const InformationSchema = "information_schema"

// Table types as information_schema.tables and Flight SQL's GetTables name
// them.
const (
	TableTypeTable  = "BASE TABLE"
	TableTypeView   = "VIEW"
	TableTypeSystem = "SYSTEM VIEW"
)

// infoSchema is MySQL's information_schema over the catalog: SCHEMATA,
// TABLES, COLUMNS, VIEWS and SESSION_VARIABLES, with the columns of MySQL's
// that Quiver can fill. Its rows are read when a statement binds them.
type infoSchema struct {
	b *Binder
}

func col(name string, t arrow.DataType, nullable bool) catalog.Column {
	return catalog.Column{Name: name, Type: t, Nullable: nullable}
}

var (
	str  = arrow.BinaryTypes.String
	i64  = arrow.PrimitiveTypes.Int64
	tsUS = &arrow.TimestampType{Unit: arrow.Microsecond}
)

var infoSchemaTables = []VirtualTable{
	{Name: "COLUMNS", Columns: []catalog.Column{
		col("TABLE_CATALOG", str, false), col("TABLE_SCHEMA", str, false), col("TABLE_NAME", str, false),
		col("COLUMN_NAME", str, false), col("ORDINAL_POSITION", i64, false), col("COLUMN_DEFAULT", str, true),
		col("IS_NULLABLE", str, false), col("DATA_TYPE", str, false),
		col("CHARACTER_MAXIMUM_LENGTH", i64, true), col("NUMERIC_PRECISION", i64, true),
		col("NUMERIC_SCALE", i64, true), col("DATETIME_PRECISION", i64, true),
		col("COLUMN_TYPE", str, false), col("COLUMN_KEY", str, false), col("EXTRA", str, false),
		col("COLUMN_COMMENT", str, false),
	}},
	{Name: "SCHEMATA", Columns: []catalog.Column{
		col("CATALOG_NAME", str, false), col("SCHEMA_NAME", str, false),
		col("DEFAULT_CHARACTER_SET_NAME", str, false), col("DEFAULT_COLLATION_NAME", str, false),
		col("SQL_PATH", str, true),
	}},
	{Name: "SESSION_VARIABLES", Columns: []catalog.Column{
		col("VARIABLE_NAME", str, false), col("VARIABLE_VALUE", str, false),
	}},
	{Name: "TABLES", Columns: []catalog.Column{
		col("TABLE_CATALOG", str, false), col("TABLE_SCHEMA", str, false), col("TABLE_NAME", str, false),
		col("TABLE_TYPE", str, false), col("ENGINE", str, true), col("TABLE_ROWS", i64, true),
		col("DATA_LENGTH", i64, true), col("CREATE_TIME", tsUS, true), col("UPDATE_TIME", tsUS, true),
		col("TABLE_COMMENT", str, false),
	}},
	{Name: "VIEWS", Columns: []catalog.Column{
		col("TABLE_CATALOG", str, false), col("TABLE_SCHEMA", str, false), col("TABLE_NAME", str, false),
		col("VIEW_DEFINITION", str, false), col("CHECK_OPTION", str, false), col("IS_UPDATABLE", str, false),
	}},
}

func (*infoSchema) Name() string           { return InformationSchema }
func (*infoSchema) Tables() []VirtualTable { return infoSchemaTables }

func (s *infoSchema) Rows(ctx context.Context, table string) ([][]any, error) {
	switch table {
	case "SCHEMATA":
		return s.schemata(ctx)
	case "TABLES":
		return s.tables(ctx)
	case "COLUMNS":
		return s.columns(ctx)
	case "VIEWS":
		return s.views(ctx)
	case "SESSION_VARIABLES":
		var rows [][]any
		for _, v := range s.b.env.Variables {
			rows = append(rows, []any{v.Name, v.Value})
		}
		return rows, nil
	}
	return nil, qerr.ErrNotFound.New("table %s.%s does not exist", InformationSchema, table)
}

// Relation is one table, view or virtual table as the metadata surfaces list
// it, with its columns.
type Relation struct {
	Database string
	Name     string
	Type     string // TableTypeTable, TableTypeView or TableTypeSystem
	Columns  []catalog.Column
	Table    *catalog.Table // for TableTypeTable
	View     *catalog.View  // for TableTypeView
}

// Databases lists the schemas a session can name: the catalog's databases,
// then the virtual schemas.
func (b *Binder) Databases(ctx context.Context) ([]string, error) {
	dbs, err := b.cat.ListDatabases(ctx)
	if err != nil {
		return nil, err
	}
	for _, vs := range b.virtualSchemas() {
		dbs = append(dbs, vs.Name())
	}
	return dbs, nil
}

// Relations lists every table, view and virtual table of database db (each
// database when db is empty), sorted by database then name, with their
// columns. A view's columns are its query's, bound now (none if it no longer
// binds), and only when viewColumns is set: binding every view is the
// costly part of a listing that does not show columns.
func (b *Binder) Relations(ctx context.Context, db string, viewColumns bool) ([]Relation, error) {
	dbs := []string{db}
	if db == "" {
		var err error
		if dbs, err = b.Databases(ctx); err != nil {
			return nil, err
		}
	}
	var out []Relation
	for _, name := range dbs {
		if vs := b.virtualSchema(name); vs != nil {
			for _, t := range vs.Tables() {
				out = append(out, Relation{Database: vs.Name(), Name: t.Name, Type: TableTypeSystem, Columns: t.Columns})
			}
			continue
		}
		tables, err := b.cat.ListTables(ctx, name)
		if err != nil {
			return nil, err
		}
		views, err := b.cat.ListViews(ctx, name)
		if err != nil {
			return nil, err
		}
		var rels []Relation
		for _, t := range tables {
			rels = append(rels, Relation{Database: t.Database, Name: t.Name, Type: TableTypeTable, Columns: t.Columns, Table: t})
		}
		for _, v := range views {
			rels = append(rels, Relation{Database: v.Database, Name: v.Name, Type: TableTypeView, View: v})
		}
		sortRelations(rels)
		out = append(out, rels...)
	}
	for i := range out {
		if viewColumns && out[i].View != nil {
			out[i].Columns = b.viewColumns(ctx, out[i].View)
		}
	}
	return out, nil
}

func sortRelations(rels []Relation) {
	sort.Slice(rels, func(i, j int) bool { return strings.ToLower(rels[i].Name) < strings.ToLower(rels[j].Name) })
}

// viewColumns binds a view's query in a binder of its own to learn its
// columns: none if it no longer binds (its table was dropped), and none
// for a view read while information_schema is being computed (a view over
// information_schema.columns would otherwise recurse).
func (b *Binder) viewColumns(ctx context.Context, v *catalog.View) []catalog.Column {
	if b.listingViews {
		return nil
	}
	sub := New(b.cat, v.Database).WithEnv(b.env)
	sub.ctx, sub.listingViews = ctx, true
	p, sc, err := sub.viewSource(ctx, v, "")
	if err != nil {
		return nil
	}
	cols := make([]catalog.Column, len(sc.cols))
	for i, c := range sc.cols {
		cols[i] = catalog.Column{Name: c.name, Type: p.Schema().Field(i).Type, Nullable: true}
	}
	return cols
}

func (s *infoSchema) schemata(ctx context.Context) ([][]any, error) {
	dbs, err := s.b.Databases(ctx)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for _, db := range dbs {
		rows = append(rows, []any{CatalogName, db, "utf8mb4", "utf8mb4_bin", nil})
	}
	return rows, nil
}

func (s *infoSchema) tables(ctx context.Context) ([][]any, error) {
	rels, err := s.b.Relations(ctx, "", false)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for _, r := range rels {
		row := []any{CatalogName, r.Database, r.Name, r.Type, nil, nil, nil, nil, nil, ""}
		if t := r.Table; t != nil {
			var bytes int64
			for _, f := range t.Snapshot.Files {
				bytes += f.Bytes
			}
			row[4], row[5], row[6], row[7] = "Quiver", t.Snapshot.Rows(), bytes, t.Created
			if t.Snapshot.ID != 0 {
				row[8] = t.Snapshot.Committed
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func (s *infoSchema) columns(ctx context.Context) ([][]any, error) {
	rels, err := s.b.Relations(ctx, "", true)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for _, r := range rels {
		for i, c := range r.Columns {
			st := SQLTypeOf(c.Type)
			nullable := "NO"
			if c.Nullable {
				nullable = "YES"
			}
			var numPrec, numScale, dtPrec any
			switch {
			case c.Type.ID() == arrow.TIMESTAMP:
				dtPrec = int64(st.Scale)
			case isNumeric(c.Type):
				numPrec, numScale = int64(st.Precision), int64(st.Scale)
			}
			rows = append(rows, []any{CatalogName, r.Database, r.Name, c.Name, int64(i + 1), nil, nullable,
				st.DataType(), nil, numPrec, numScale, dtPrec, st.DDL, "", "", ""})
		}
	}
	return rows, nil
}

func (s *infoSchema) views(ctx context.Context) ([][]any, error) {
	dbs, err := s.b.cat.ListDatabases(ctx)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for _, db := range dbs {
		views, err := s.b.cat.ListViews(ctx, db)
		if err != nil {
			return nil, err
		}
		for _, v := range views {
			rows = append(rows, []any{CatalogName, v.Database, v.Name, v.SQL, "NONE", "NO"})
		}
	}
	return rows, nil
}
