package integration

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
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
