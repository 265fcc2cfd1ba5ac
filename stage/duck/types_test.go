package duck

import (
	"context"
	"database/sql/driver"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// storedTypes are the text forms of every type the catalog stores
// (catalog.TypeString), with values of each in Arrow's JSON form: the
// extremes of the type's range where DuckDB's differs from Arrow's, a
// fraction in every unit, and a NULL.
var storedTypes = []struct{ typ, values string }{
	{"bool", `[true, false, null]`},
	{"int8", `[-128, 127, null]`},
	{"int16", `[-32768, 32767, null]`},
	{"int32", `[-2147483648, 2147483647, null]`},
	{"int64", `[-9223372036854775808, 9223372036854775807, null]`},
	{"uint8", `[0, 255, null]`},
	{"uint16", `[0, 65535, null]`},
	{"uint32", `[0, 4294967295, null]`},
	{"uint64", `[0, 18446744073709551615, null]`},
	{"float32", `[-1.5, 3.25, null]`},
	{"float64", `[-1.5e300, 0.1, null]`},
	{"utf8", `["", "it's \"quoted\" ß", null]`},
	{"binary", `["AAH/", "", null]`},
	{"date32", `["1970-01-01", "2024-02-29", null]`},
	{"decimal(1,0)", `["-9", "9", null]`},
	{"decimal(4,2)", `["-99.99", "12.34", null]`},
	{"decimal(15,2)", `["-9999999999999.99", "0.01", null]`},
	{"decimal(18,18)", `["-0.999999999999999999", "0.5", null]`},
	{"decimal(38,10)", `["-9999999999999999999999999999.9999999999", "1.0000000001", null]`},
	{"timestamp_s", `["1969-12-31 23:59:59", "2024-02-29 12:34:56", null]`},
	{"timestamp_ms", `["1969-12-31 23:59:59.999", "2024-02-29 12:34:56.789", null]`},
	{"timestamp_us", `["1969-12-31 23:59:59.999999", "2024-02-29 12:34:56.789012", null]`},
	{"timestamp_ns", `["1969-12-31 23:59:59.999999999", "2024-02-29 12:34:56.789012345", null]`},
	{"timestamptz_s", `["1969-12-31 23:59:59Z", "2024-02-29 12:34:56Z", null]`},
	{"timestamptz_ms", `["1969-12-31 23:59:59.999Z", "2024-02-29 12:34:56.789Z", null]`},
	{"timestamptz_us", `["1969-12-31 23:59:59.999999Z", "2024-02-29 12:34:56.789012Z", null]`},
	{"timestamptz_ns", `["1969-12-31 23:59:59.999999999Z", "2024-02-29 12:34:56.789012345Z", null]`},
	{"null", `[null, null]`},
}

// TestTypeRoundTrip sends a column of every stored type through each place
// DuckType names a DuckDB type: an input table filled from Arrow, a
// rendered cast, and a Parquet file written by COPY and read by a rendered
// scan. Each must give back the same Arrow type, timestamp unit included,
// and the same values.
func TestTypeRoundTrip(t *testing.T) {
	ctx := context.Background()
	connector, err := duckdb.NewConnector("", func(c driver.ExecerContext) error {
		for _, stmt := range DatabaseSetup {
			if _, err := c.ExecContext(ctx, stmt, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer connector.Close()
	dir := t.TempDir()
	for _, c := range storedTypes {
		t.Run(c.typ, func(t *testing.T) {
			typ, err := catalog.ParseType(c.typ)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := DuckType(typ); err != nil {
				// DuckDB's one zoned timestamp has microseconds: a table
				// of another zoned unit is refused by name, not run.
				if ts, ok := typ.(*arrow.TimestampType); !ok || ts.TimeZone == "" || ts.Unit == arrow.Microsecond || !qerr.Has(err, qerr.ErrUnsupported) {
					t.Fatalf("DuckType(%s): %v", typ, err)
				}
				scan := &stage.Scan{Database: "d", Table: "t", Columns: []string{"c"}, Types: []arrow.DataType{typ}}
				if _, err := RenderPlan(scan); !qerr.Has(err, qerr.ErrUnsupported) {
					t.Errorf("a scan of a %s column: got %v, want UNSUPPORTED", typ, err)
				}
				return
			}
			// DuckDB has no column type of NULLs: a NULL column is INTEGER
			// in DuckDB, and the worker relabels it (the router's
			// nullColumns).
			backType := typ
			if typ.ID() == arrow.NULL {
				backType = arrow.PrimitiveTypes.Int32
			}
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			want, _, err := array.FromJSON(mem, typ, strings.NewReader(c.values))
			if err != nil {
				t.Fatal(err)
			}
			defer want.Release()
			conn, err := connector.Connect(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			dc := conn.(*duckdb.Conn)
			ar, err := duckdb.NewArrowFromConn(dc)
			if err != nil {
				t.Fatal(err)
			}
			exec := func(q string) {
				t.Helper()
				if _, err := dc.ExecContext(ctx, q, nil); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			schema := arrow.NewSchema([]arrow.Field{{Name: "col " + c.typ, Type: typ, Nullable: true}}, nil)
			rec := array.NewRecordBatch(schema, []arrow.Array{want}, int64(want.Len()))
			defer rec.Release()

			// An input table, filled from an Arrow stream.
			create, err := CreateInputTable("in", schema)
			if err != nil {
				t.Fatal(err)
			}
			exec(create)
			rdr, err := array.NewRecordReader(schema, []arrow.RecordBatch{rec})
			if err != nil {
				t.Fatal(err)
			}
			release, err := ar.RegisterView(rdr, InputView("in"))
			if err != nil {
				t.Fatal(err)
			}
			exec(InsertFromView("in", InputView("in")))
			exec(DropView(InputView("in")))
			release()
			rdr.Release()
			check := func(what string, got arrow.Array) {
				t.Helper()
				if !arrow.TypeEqual(got.DataType(), backType) {
					t.Errorf("%s: type %s, want %s", what, got.DataType(), backType)
					return
				}
				if typ.ID() == arrow.NULL && got.NullN() != want.Len() || typ.ID() != arrow.NULL && !array.Equal(got, want) {
					t.Errorf("%s: values %v, want %v", what, got, want)
				}
			}
			query := func(q string) arrow.Array {
				t.Helper()
				// A second column: DuckDB's Arrow results whose only column
				// is a string corrupt their first rows (NOTES.md).
				q = "SELECT *, 0 AS pad FROM (" + q + ") AS q"
				rr, err := ar.QueryContext(ctx, q)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				defer rr.Release()
				var chunks []arrow.Array
				defer func() {
					for _, c := range chunks {
						c.Release()
					}
				}()
				for rr.Next() {
					col := rr.RecordBatch().Column(0)
					col.Retain()
					chunks = append(chunks, col)
				}
				if err := rr.Err(); err != nil {
					t.Fatal(err)
				}
				out, err := array.Concatenate(chunks, mem)
				if err != nil {
					t.Fatal(err)
				}
				return out
			}
			got := query("SELECT * FROM " + QuoteIdent("in"))
			check("input table", got)
			got.Release()

			// A rendered cast to the type.
			got = query("SELECT " + castTo("t."+Column(0), typ) + " FROM " + QuoteIdent("in") + " AS t")
			check("rendered cast", got)
			got.Release()

			// A Parquet file written by COPY, read as a table scan reads it.
			path := filepath.Join(dir, c.typ+".parquet")
			cp, err := CopyToParquet("SELECT * FROM "+QuoteIdent("in"), schema, path, 1024)
			if err != nil {
				t.Fatal(err)
			}
			exec(cp)
			r := &renderer{env: RenderEnv{DataDir: dir}, splits: map[int]stage.ScanSplit{0: {Files: []string{filepath.Base(path)}}}}
			scan, err := r.renderScan(&stage.Scan{Columns: []string{schema.Field(0).Name}, Types: []arrow.DataType{typ}})
			if err != nil {
				t.Fatal(err)
			}
			got = query(scan)
			check("parquet file through a rendered scan", got)
			got.Release()

			// The same file as an external table's, by its absolute path.
			r = &renderer{splits: map[int]stage.ScanSplit{0: {Files: []string{path}}}}
			scan, err = r.renderScan(&stage.Scan{Columns: []string{schema.Field(0).Name}, Types: []arrow.DataType{typ},
				External: &stage.ExternalFormat{Format: "parquet"}})
			if err != nil {
				t.Fatal(err)
			}
			got = query(scan)
			check("parquet file through an external scan", got)
			got.Release()

			// DESCRIBE names the input table's type, and ArrowOf reads it back.
			if typ.ID() != arrow.NULL {
				rows, err := dc.QueryContext(ctx, "SELECT column_type FROM (DESCRIBE "+QuoteIdent("in")+")", nil)
				if err != nil {
					t.Fatal(err)
				}
				vals := make([]driver.Value, 1)
				if err := rows.Next(vals); err != nil {
					t.Fatal(err)
				}
				rows.Close()
				name, _ := vals[0].(string)
				if back, err := ArrowOf(name); err != nil || !arrow.TypeEqual(back, typ) {
					t.Errorf("ArrowOf(%q) = %v, %v; want %s", name, back, err, typ)
				}
			}
		})
	}
}
