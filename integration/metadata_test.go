package integration

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql/schema_ref"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

const catalogName = "quiver"

// TestCatalogAndDDL covers the metadata surface (GetSqlInfo, GetCatalogs,
// GetDbSchemas, GetTables, through arrow-go and through ADBC's GetObjects)
// and DDL: CREATE DATABASE, CREATE TABLE, bulk ingest appending to a table
// made by DDL, DROP TABLE.
func TestCatalogAndDDL(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "DDL/DML update count")
	ds := smallDataset(t)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds) // main.t
	fs := newFlightSQLClient(t, cl.Addr)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	c.MustExec("CREATE DATABASE itdb")
	c.MustExec("CREATE TABLE itdb.u " + tableDDLColumns)
	c.MustExec("INSERT INTO itdb.u VALUES (1, 10, 'x', 1.25, '2024-02-29', 0.5), (NULL, NULL, NULL, NULL, NULL, NULL), (-3, -30, 'y', -2.50, '1999-12-31', -1.5)")
	c.MustExec("CREATE TABLE ddl_t " + tableDDLColumns)

	ctx, cancel := stmtCtx()
	defer cancel()
	fetch := func(t *testing.T, what string, info *flight.FlightInfo, err error) *result {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		res, err := drainInfo(info, cl.Addr, mem)
		if err != nil {
			t.Fatalf("%s: DoGet: %v", what, err)
		}
		return res
	}

	t.Run("get_sql_info", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "GetSqlInfo")
		info, err := fs.GetSqlInfo(ctx, []flightsql.SqlInfo{flightsql.SqlInfoFlightSqlServerName, flightsql.SqlInfoFlightSqlServerVersion})
		res := fetch(t, "GetSqlInfo", info, err)
		if len(res.rows) == 0 {
			t.Errorf("GetSqlInfo(server name, version) returned no rows")
		}
	})

	t.Run("get_catalogs", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: catalogs")
		info, err := fs.GetCatalogs(ctx)
		res := fetch(t, "GetCatalogs", info, err)
		if got := column(res, "catalog_name"); !slices.Contains(got, catalogName) {
			t.Errorf("GetCatalogs = %v, want %q among them", got, catalogName)
		}
	})

	t.Run("get_db_schemas", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: schemas")
		info, err := fs.GetDBSchemas(ctx, &flightsql.GetDBSchemasOpts{})
		res := fetch(t, "GetDbSchemas", info, err)
		got := column(res, "db_schema_name")
		for _, want := range []string{"main", "itdb"} {
			if !slices.Contains(got, want) {
				t.Errorf("GetDbSchemas = %v, want %q among them", got, want)
			}
		}
		if cats := column(res, "catalog_name"); len(cats) > 0 && slices.ContainsFunc(cats, func(s string) bool { return s != catalogName }) {
			t.Errorf("GetDbSchemas catalog names %v, want all %q", cats, catalogName)
		}
	})

	t.Run("get_tables", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: tables")
		info, err := fs.GetTables(ctx, &flightsql.GetTablesOpts{})
		res := fetch(t, "GetTables", info, err)
		got := qualifiedTables(res)
		for _, want := range []string{"quiver.main.t", "quiver.main.ddl_t", "quiver.itdb.u"} {
			if !slices.Contains(got, want) {
				t.Errorf("GetTables = %v, want %s among them", got, want)
			}
		}
		schema := "itdb"
		info, err = fs.GetTables(ctx, &flightsql.GetTablesOpts{DbSchemaFilterPattern: &schema})
		res = fetch(t, "GetTables(db_schema=itdb)", info, err)
		if got := qualifiedTables(res); !slices.Equal(got, []string{"quiver.itdb.u"}) {
			t.Errorf("GetTables(db_schema_filter_pattern=itdb) = %v, want [quiver.itdb.u]", got)
		}
	})

	t.Run("adbc_get_objects", func(t *testing.T) {
		compat(t, clientGoADBC, "metadata: catalogs")
		compat(t, clientGoADBC, "metadata: schemas")
		compat(t, clientGoADBC, "metadata: tables")
		rdr, err := c.cnxn.GetObjects(ctx, adbc.ObjectDepthTables, nil, nil, nil, nil, nil)
		if err != nil {
			t.Fatalf("ADBC GetObjects: %v", err)
		}
		defer rdr.Release()
		got, err := objectTables(rdr)
		if err != nil {
			t.Fatalf("reading GetObjects: %v", err)
		}
		for _, want := range []string{"quiver.main.t", "quiver.itdb.u"} {
			if !slices.Contains(got, want) {
				t.Errorf("GetObjects tables = %v, want %s among them", got, want)
			}
		}
	})

	t.Run("adbc_get_table_schema", func(t *testing.T) {
		compat(t, clientGoADBC, "metadata: columns")
		cat, sch := catalogName, "main"
		s, err := c.cnxn.GetTableSchema(ctx, &cat, &sch, "t")
		if err != nil {
			t.Fatalf("ADBC GetTableSchema (GetTables include_schema): %v", err)
		}
		if d := typeDiff(s, rowTypes); d != "" {
			t.Errorf("schema of t: %s", d)
		}
	})

	t.Run("database_table_roundtrip", func(t *testing.T) {
		compat(t, clientGoADBC, "types round trip")
		compat(t, clientGoADBC, "NULLs")
		res := c.MustQuery("SELECT a, b, s, d, dt, f FROM itdb.u ORDER BY a")
		if d := typeDiff(res.schema, rowTypes); d != "" {
			t.Errorf("SELECT * types: %s", d)
		}
		want := [][]string{ // ORDER BY puts NULL first
			{"NULL", "NULL", "NULL", "NULL", "NULL", "NULL"},
			{"-3", "-30", "'y'", "-2.5", "date 1999-12-31", "-1.5"},
			{"1", "10", "'x'", "1.25", "date 2024-02-29", "0.5"},
		}
		if d := diffText(res, want); d != "" {
			t.Errorf("itdb.u: %s", d)
		}
		res = c.MustQuery("SELECT count(*), sum(d), avg(a) FROM itdb.u")
		if d := diffText(res, [][]string{{"3", "-1.25", "-1"}}); d != "" {
			t.Errorf("aggregates of itdb.u: %s", d)
		}
	})

	t.Run("ingest_append_to_ddl_table", func(t *testing.T) {
		compat(t, clientGoADBC, "bulk ingest: append")
		if _, err := c.Ingest("ddl_t", adbc.OptionValueIngestModeAppend, ds.batches); err != nil {
			t.Fatalf("bulk ingest (append) into a table made by CREATE TABLE: %v", err)
		}
		res := c.MustQuery("SELECT count(*), count(s), sum(b) FROM ddl_t")
		var n int
		for _, b := range ds.batches {
			n += int(b.NumRows())
		}
		if got := res.rows[0][0].String(); got != fmt.Sprint(n) {
			t.Errorf("count(*) of ddl_t = %s, want %d", got, n)
		}
		res = c.MustQuery("SELECT a, b, s, d, dt, f FROM ddl_t LIMIT 1")
		if d := typeDiff(res.schema, rowTypes); d != "" {
			t.Errorf("ddl_t types: %s", d)
		}
	})

	t.Run("create_mode_on_existing_table_fails", func(t *testing.T) {
		_, err := c.Ingest("ddl_t", adbc.OptionValueIngestModeCreate, ds.batches[:1])
		if err == nil {
			t.Errorf("bulk ingest in create mode into an existing table succeeded")
		}
	})

	t.Run("drop_table", func(t *testing.T) {
		c.MustExec("DROP TABLE itdb.u")
		_, err := c.Query("SELECT count(*) FROM itdb.u")
		if err == nil {
			t.Fatalf("SELECT from a dropped table succeeded")
		}
		if code := grpcCode(err); code != codes.NotFound {
			t.Errorf("SELECT from a dropped table: code %s, want NotFound: %v", code, err)
		}
		info, err := fs.GetTables(ctx, &flightsql.GetTablesOpts{})
		res := fetch(t, "GetTables", info, err)
		if got := qualifiedTables(res); slices.Contains(got, "quiver.itdb.u") {
			t.Errorf("GetTables still lists the dropped table: %v", got)
		}
		// The other tables are untouched.
		if got := c.MustQuery("SELECT count(*) FROM t").rows[0][0].String(); got != fmt.Sprint(ds.totalRows()) {
			t.Errorf("count(*) of t after DROP TABLE itdb.u = %s, want %d", got, ds.totalRows())
		}
	})
}

// column returns the named string column of res ("" for NULL).
func column(res *result, name string) []string {
	idx := -1
	for i, f := range res.schema.Fields() {
		if f.Name == name {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var out []string
	for _, r := range res.rows {
		if r[idx].null {
			out = append(out, "")
		} else {
			out = append(out, strings.Trim(r[idx].text, "'"))
		}
	}
	return out
}

// qualifiedTables returns catalog.db_schema.table of a GetTables result.
func qualifiedTables(res *result) []string {
	cats, schs, tabs := column(res, "catalog_name"), column(res, "db_schema_name"), column(res, "table_name")
	var out []string
	for i := range tabs {
		var cat, sch string
		if i < len(cats) {
			cat = cats[i]
		}
		if i < len(schs) {
			sch = schs[i]
		}
		out = append(out, cat+"."+sch+"."+tabs[i])
	}
	slices.Sort(out)
	return out
}

// objectTables flattens ADBC's GetObjects result (catalogs, their
// db_schemas, their tables) to catalog.db_schema.table names.
func objectTables(rdr array.RecordReader) ([]string, error) {
	var out []string
	for rdr.Next() {
		rec := rdr.RecordBatch()
		cats := rec.Column(0).(*array.String)
		schemas := rec.Column(1).(*array.List)
		schStruct := schemas.ListValues().(*array.Struct)
		schNames := schStruct.Field(0).(*array.String)
		tables := schStruct.Field(1).(*array.List)
		tabStruct := tables.ListValues().(*array.Struct)
		tabNames := tabStruct.Field(0).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			if schemas.IsNull(i) {
				continue
			}
			s0, s1 := schemas.ValueOffsets(i)
			for j := s0; j < s1; j++ {
				if tables.IsNull(int(j)) {
					continue
				}
				t0, t1 := tables.ValueOffsets(int(j))
				for k := t0; k < t1; k++ {
					out = append(out, cats.Value(i)+"."+schNames.Value(int(j))+"."+tabNames.Value(int(k)))
				}
			}
		}
	}
	slices.Sort(out)
	return out, rdr.Err()
}

// diffText compares res with rows of cell texts (as cell.String prints
// them), in order.
func diffText(res *result, want [][]string) string {
	var got [][]string
	for _, r := range res.rows {
		var row []string
		for _, c := range r {
			row = append(row, c.String())
		}
		got = append(got, row)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Sprintf("got %v, want %v", got, want)
	}
	return ""
}

// TestMetadataCommands covers every Flight SQL metadata command as JDBC
// tools browse with them: GetSqlInfo's values, GetXdbcTypeInfo, the key
// commands (empty, with the spec's schemas), GetTables with views, table
// types and column metadata, GetTableTypes, ADBC GetObjects at every depth,
// and the column metadata of a query's FlightInfo schema.
func TestMetadataCommands(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE DATABASE shop")
	c.MustExec("CREATE TABLE shop.orders (id BIGINT NOT NULL, amount DECIMAL(15,2), note VARCHAR(20), at DATETIME)")
	c.MustExec("CREATE VIEW shop.big AS SELECT id, amount FROM shop.orders WHERE amount > 100")
	c.MustExec("CREATE DATABASE keyshop")
	c.MustExec("CREATE TABLE keyshop.keyed (a INT, b VARCHAR(5), PRIMARY KEY (b, a))")
	fs := newFlightSQLClient(t, cl.Addr)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	ctx, cancel := stmtCtx()
	defer cancel()
	fetch := func(t *testing.T, what string, info *flight.FlightInfo, err error) *result {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		res, err := drainInfo(info, cl.Addr, mem)
		if err != nil {
			t.Fatalf("%s: DoGet: %v", what, err)
		}
		return res
	}

	t.Run("sql_info", func(t *testing.T) {
		compat(t, clientGoADBC, "GetSqlInfo")
		rdr, err := c.cnxn.GetInfo(ctx, nil)
		if err != nil {
			t.Fatalf("ADBC GetInfo: %v", err)
		}
		rdr.Release()
		info, err := fs.GetSqlInfo(ctx, nil)
		res := fetch(t, "GetSqlInfo", info, err)
		got := map[uint32]string{}
		for _, r := range res.rows {
			got[uint32(mustAtoi(t, r[0].String()))] = r[1].String()
		}
		want := map[flightsql.SqlInfo]string{
			flightsql.SqlInfoFlightSqlServerName:        "'Quiver'",
			flightsql.SqlInfoFlightSqlServerTransaction: fmt.Sprint(int32(flightsql.SqlTransactionTransaction)),
			flightsql.SqlInfoSavePointsSupported:        "false",
			flightsql.SqlInfoIdentifierQuoteChar:        "'`'",
			flightsql.SqlInfoIdentifierCase:             fmt.Sprint(int32(flightsql.SqlCaseSensitivityCaseInsensitive)),
			flightsql.SqlInfoNullOrdering:               fmt.Sprint(int32(flightsql.SqlNullOrderingSortLow)),
			flightsql.SqlInfoFlightSqlServerSubstrait:   "false",
		}
		for id, w := range want {
			if g := got[uint32(id)]; g != w {
				t.Errorf("SqlInfo %s = %s, want %s", id, g, w)
			}
		}
		for id, must := range map[flightsql.SqlInfo]string{
			flightsql.SqlInfoKeywords: "SELECT", flightsql.SqlInfoNumericFunctions: "ROUND",
			flightsql.SqlInfoStringFunctions: "CONCAT", flightsql.SqlInfoDateTimeFunctions: "DATE_ADD",
			flightsql.SqlInfoSystemFunctions: "DATABASE", flightsql.SqlInfoFlightSqlServerVersion: ".",
		} {
			if !strings.Contains(got[uint32(id)], must) {
				t.Errorf("SqlInfo %s = %s, want it to mention %s", id, got[uint32(id)], must)
			}
		}
	})

	t.Run("xdbc_type_info", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: type info")
		info, err := fs.GetXdbcTypeInfo(ctx, nil)
		res := fetch(t, "GetXdbcTypeInfo", info, err)
		names := column(res, "type_name")
		for _, w := range []string{"BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "BIGINT UNSIGNED", "FLOAT", "DOUBLE", "DECIMAL", "VARCHAR", "VARBINARY", "DATE", "DATETIME", "TIMESTAMP"} {
			if !slices.Contains(names, w) {
				t.Errorf("GetXdbcTypeInfo types %v lack %s", names, w)
			}
		}
		decimal := int32(3)
		info, err = fs.GetXdbcTypeInfo(ctx, &decimal)
		res = fetch(t, "GetXdbcTypeInfo(DECIMAL)", info, err)
		if got := column(res, "type_name"); !slices.Equal(got, []string{"DECIMAL"}) {
			t.Errorf("GetXdbcTypeInfo(data_type=DECIMAL) = %v", got)
		}
	})

	t.Run("primary_key", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: primary keys")
		sch := "keyshop"
		info, err := fs.GetPrimaryKeys(ctx, flightsql.TableRef{DBSchema: &sch, Table: "keyed"})
		res := fetch(t, "GetPrimaryKeys(keyed)", info, err)
		if got := fmt.Sprint(column(res, "column_name"), column(res, "key_sequence"), column(res, "db_schema_name")); got != "[b a] [1 2] [keyshop keyshop]" {
			t.Errorf("GetPrimaryKeys(keyshop.keyed) = %s, want columns b, a", got)
		}
	})

	t.Run("keys_are_empty", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: primary keys")
		sch := "shop"
		ref := flightsql.TableRef{DBSchema: &sch, Table: "orders"}
		for name, call := range map[string]func() (*flight.FlightInfo, error){
			"GetPrimaryKeys":    func() (*flight.FlightInfo, error) { return fs.GetPrimaryKeys(ctx, ref) },
			"GetExportedKeys":   func() (*flight.FlightInfo, error) { return fs.GetExportedKeys(ctx, ref) },
			"GetImportedKeys":   func() (*flight.FlightInfo, error) { return fs.GetImportedKeys(ctx, ref) },
			"GetCrossReference": func() (*flight.FlightInfo, error) { return fs.GetCrossReference(ctx, ref, ref) },
		} {
			info, err := call()
			res := fetch(t, name, info, err)
			want := schema_ref.PrimaryKeys
			if name != "GetPrimaryKeys" {
				want = schema_ref.ImportedExportedKeysAndCrossReference
			}
			if !res.schema.Equal(want) || len(res.rows) != 0 {
				t.Errorf("%s: %d rows of %s, want none of %s", name, len(res.rows), res.schema, want)
			}
		}
	})

	t.Run("tables_views_and_types", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: tables")
		sch := "shop"
		info, err := fs.GetTables(ctx, &flightsql.GetTablesOpts{DbSchemaFilterPattern: &sch})
		res := fetch(t, "GetTables(shop)", info, err)
		if got := fmt.Sprint(qualifiedTables(res), column(res, "table_type")); got != "[quiver.shop.big quiver.shop.orders] [VIEW TABLE]" {
			t.Errorf("GetTables(shop) = %s", got)
		}
		info, err = fs.GetTables(ctx, &flightsql.GetTablesOpts{DbSchemaFilterPattern: &sch, TableTypes: []string{"VIEW"}})
		res = fetch(t, "GetTables(VIEW)", info, err)
		if got := qualifiedTables(res); !slices.Equal(got, []string{"quiver.shop.big"}) {
			t.Errorf("GetTables(table_types=VIEW) = %v", got)
		}
		pattern := "ord_rs" // _ matches one character
		info, err = fs.GetTables(ctx, &flightsql.GetTablesOpts{TableNameFilterPattern: &pattern, TableTypes: []string{"TABLE"}})
		res = fetch(t, "GetTables(ord_rs)", info, err)
		if got := qualifiedTables(res); !slices.Equal(got, []string{"quiver.shop.orders"}) {
			t.Errorf("GetTables(table_name_filter_pattern=ord_rs) = %v", got)
		}
		info, err = fs.GetTableTypes(ctx)
		res = fetch(t, "GetTableTypes", info, err)
		if got := column(res, "table_type"); !slices.Equal(got, []string{"SYSTEM VIEW", "TABLE", "VIEW"}) {
			t.Errorf("GetTableTypes = %v", got)
		}
	})

	t.Run("table_schema_column_metadata", func(t *testing.T) {
		compat(t, clientGoADBC, "metadata: columns")
		cat, sch := catalogName, "shop"
		s, err := c.cnxn.GetTableSchema(ctx, &cat, &sch, "orders")
		if err != nil {
			t.Fatalf("GetTableSchema: %v", err)
		}
		want := []string{"id BIGINT 19 0 false", "amount DECIMAL 15 2 true", "note VARCHAR 0 0 true", "at DATETIME 26 6 true"}
		for i, f := range s.Fields() {
			md := flightsql.ColumnMetadata{Data: &f.Metadata}
			name, _ := md.TypeName()
			prec, _ := md.Precision()
			scale, _ := md.Scale()
			table, _ := md.TableName()
			got := fmt.Sprintf("%s %s %d %d %v", f.Name, name, prec, scale, f.Nullable)
			if i >= len(want) || got != want[i] || table != "orders" {
				t.Errorf("column %d: %s of table %q, want %s of orders", i, got, table, want[min(i, len(want)-1)])
			}
		}
		v, err := c.cnxn.GetTableSchema(ctx, &cat, &sch, "big")
		if err != nil {
			t.Fatalf("GetTableSchema of a view: %v", err)
		}
		if got := fmt.Sprint(v); !strings.Contains(got, "id: type=int64") || !strings.Contains(got, "amount: type=decimal(15, 2)") {
			t.Errorf("schema of view big: %s", got)
		}
	})

	t.Run("adbc_get_objects_depths", func(t *testing.T) {
		compat(t, clientGoADBC, "metadata: catalogs")
		compat(t, clientGoADBC, "metadata: schemas")
		compat(t, clientGoADBC, "metadata: tables")
		compat(t, clientGoADBC, "metadata: columns")
		sch := "shop"
		for _, tc := range []struct {
			depth adbc.ObjectDepth
			want  []string
		}{
			{adbc.ObjectDepthCatalogs, []string{"quiver"}},
			{adbc.ObjectDepthDBSchemas, []string{"quiver.shop"}},
			{adbc.ObjectDepthTables, []string{"quiver.shop.big VIEW", "quiver.shop.orders TABLE"}},
			// ADBC's Go driver fills a column's xdbc_type_name from the
			// Flight SQL metadata and leaves its nullability empty.
			{adbc.ObjectDepthAll, []string{
				"quiver.shop.big VIEW", "quiver.shop.big.amount DECIMAL", "quiver.shop.big.id BIGINT",
				"quiver.shop.orders TABLE", "quiver.shop.orders.amount DECIMAL", "quiver.shop.orders.at DATETIME",
				"quiver.shop.orders.id BIGINT", "quiver.shop.orders.note VARCHAR"}},
		} {
			rdr, err := c.cnxn.GetObjects(ctx, tc.depth, nil, &sch, nil, nil, nil)
			if err != nil {
				t.Fatalf("GetObjects(depth %d): %v", tc.depth, err)
			}
			got, err := objectPaths(rdr)
			rdr.Release()
			if err != nil {
				t.Fatalf("reading GetObjects(depth %d): %v", tc.depth, err)
			}
			if tc.depth == adbc.ObjectDepthCatalogs {
				got = slices.DeleteFunc(got, func(s string) bool { return strings.Contains(s, ".") })
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("GetObjects(depth %d) = %v, want %v", tc.depth, got, tc.want)
			}
		}
	})

	t.Run("query_schema_column_metadata", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "metadata: columns")
		info, err := fs.Execute(ctx, "SELECT id, amount FROM shop.orders")
		if err != nil {
			t.Fatal(err)
		}
		s, err := flight.DeserializeSchema(info.Schema, mem)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range s.Fields() {
			md := flightsql.ColumnMetadata{Data: &f.Metadata}
			name, _ := md.TypeName()
			prec, _ := md.Precision()
			got = append(got, fmt.Sprintf("%s %s %d", f.Name, name, prec))
		}
		if fmt.Sprint(got) != "[id BIGINT 19 amount DECIMAL 15]" {
			t.Errorf("FlightInfo schema metadata = %v", got)
		}
		if _, err := drainInfo(info, cl.Addr, mem); err != nil {
			t.Fatal(err)
		}
	})
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// objectPaths flattens ADBC's GetObjects result to one line per object:
// catalog, catalog.schema, catalog.schema.table TYPE and
// catalog.schema.table.column XDBC_TYPE_NAME, sorted.
func objectPaths(rdr array.RecordReader) ([]string, error) {
	var out []string
	for rdr.Next() {
		rec := rdr.RecordBatch()
		cats := rec.Column(0).(*array.String)
		schemas := rec.Column(1).(*array.List)
		schStruct := schemas.ListValues().(*array.Struct)
		schNames := schStruct.Field(0).(*array.String)
		tables := schStruct.Field(1).(*array.List)
		tabStruct := tables.ListValues().(*array.Struct)
		tabNames, tabTypes := tabStruct.Field(0).(*array.String), tabStruct.Field(1).(*array.String)
		cols := tabStruct.Field(2).(*array.List)
		colStruct := cols.ListValues().(*array.Struct)
		colNames := colStruct.Field(0).(*array.String)
		colTypes := colStruct.Field(4).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			out = append(out, cats.Value(i))
			if schemas.IsNull(i) {
				continue
			}
			s0, s1 := schemas.ValueOffsets(i)
			for j := int(s0); j < int(s1); j++ {
				schema := cats.Value(i) + "." + schNames.Value(j)
				out = append(out, schema)
				if tables.IsNull(j) {
					continue
				}
				t0, t1 := tables.ValueOffsets(j)
				for k := int(t0); k < int(t1); k++ {
					table := schema + "." + tabNames.Value(k)
					out = append(out, table+" "+tabTypes.Value(k))
					if cols.IsNull(k) {
						continue
					}
					c0, c1 := cols.ValueOffsets(k)
					for l := int(c0); l < int(c1); l++ {
						out = append(out, table+"."+colNames.Value(l)+" "+colTypes.Value(l))
					}
				}
			}
		}
	}
	slices.Sort(out)
	// Only the deepest level of each path: a table line implies its schema.
	var deepest []string
	for i, s := range out {
		if i+1 < len(out) && strings.HasPrefix(out[i+1], strings.Fields(s)[0]+".") && !strings.Contains(s, " ") {
			continue
		}
		deepest = append(deepest, s)
	}
	return deepest, rdr.Err()
}
