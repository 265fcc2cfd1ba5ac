package exec_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

var writeSchema = schemaSpec(
	"id", "int64", "name", "utf8", "amount", "decimal(12,2)", "day", "date32",
	"ts", "timestamp_us", "flag", "bool", "score", "float64", "u", "uint32")

// writeBatches builds two batches of writeSchema; id 7 is null.
func writeBatches(t *testing.T, mem memory.Allocator, schema *arrow.Schema) array.RecordReader {
	t.Helper()
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	var recs []arrow.RecordBatch
	for batch := range 2 {
		for j := range 10 {
			i := int64(batch*10 + j)
			if i == 7 {
				b.Field(0).AppendNull()
			} else {
				b.Field(0).(*array.Int64Builder).Append(i + 1)
			}
			b.Field(1).(*array.StringBuilder).Append([]string{"bob's", "alice", "zoë"}[i%3])
			b.Field(2).(*array.Decimal128Builder).Append(decimal128.FromI64(-1234 + i*100))
			b.Field(3).(*array.Date32Builder).Append(arrow.Date32(19000 + i))
			b.Field(4).(*array.TimestampBuilder).Append(arrow.Timestamp(1_700_000_000_000_000 + i*1_500_000))
			b.Field(5).(*array.BooleanBuilder).Append(i%2 == 0)
			b.Field(6).(*array.Float64Builder).Append(float64(i) / 4)
			b.Field(7).(*array.Uint32Builder).Append(uint32(4_000_000_000 + i))
		}
		recs = append(recs, b.NewRecordBatch())
	}
	rdr, err := array.NewRecordReader(schema, recs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		r.Release()
	}
	return rdr
}

// sameStats compares statistics but for the sketch.
func sameStats(a, b catalog.ColumnStats) bool {
	return a.Name == b.Name && a.NullCount == b.NullCount && a.Min == b.Min && a.Max == b.Max
}

func statsByName(df catalog.DataFile) map[string]catalog.ColumnStats {
	m := map[string]catalog.ColumnStats{}
	for _, c := range df.Columns {
		m[c.Name] = c
	}
	return m
}

func countRows(t *testing.T, path string) (n int64) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("SELECT count(*) FROM read_parquet('" + path + "')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// distinctOf is DuckDB's count(DISTINCT col) of a Parquet file.
func distinctOf(t *testing.T, path, col string) (n int64) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("SELECT count(DISTINCT \"" + col + "\") FROM read_parquet('" + path + "')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestWriteFile sends batches with do_put (the bulk-ingest path) and checks
// the file the worker wrote and the statistics it read from the footer.
func TestWriteFile(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	schema := mustArrow(t, writeSchema)
	rdr := writeBatches(t, c.mem, schema)
	defer rdr.Release()
	ws := stage.WriteSpec{Version: stage.SpecVersion, Query: "q-write", Dir: "tables/main/w", Schema: writeSchema}
	df, err := n.client.Write(ctx, ws, rdr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(df.Path, "tables/main/w/") || !strings.HasSuffix(df.Path, ".parquet") {
		t.Fatalf("path %q", df.Path)
	}
	abs := filepath.Join(c.dataDir, df.Path)
	st, err := os.Stat(abs)
	if err != nil {
		t.Fatal(err)
	}
	if df.Rows != 20 || df.Bytes != st.Size() {
		t.Errorf("rows %d bytes %d, want 20 and %d", df.Rows, df.Bytes, st.Size())
	}
	if got := countRows(t, abs); got != 20 {
		t.Errorf("DuckDB reads %d rows", got)
	}
	noTempFiles(t, filepath.Dir(abs))
	ownerOnly(t, c.dataDir, abs)
	want := map[string]catalog.ColumnStats{
		"id":     {Name: "id", NullCount: 1, Min: "1", Max: "20"},
		"name":   {Name: "name", Min: "'alice'", Max: "'zoë'"},
		"amount": {Name: "amount", Min: "-12.34", Max: "6.66"},
		"day":    {Name: "day", Min: "DATE '2022-01-08'", Max: "DATE '2022-01-27'"},
		"ts":     {Name: "ts", Min: "TIMESTAMP '2023-11-14 22:13:20'", Max: "TIMESTAMP '2023-11-14 22:13:48.5'"},
		"flag":   {Name: "flag", Min: "FALSE", Max: "TRUE"},
		"score":  {Name: "score", Min: "0", Max: "4.75"},
		"u":      {Name: "u", Min: "4000000000", Max: "4000000019"},
	}
	got := statsByName(df)
	for name, w := range want {
		if !sameStats(got[name], w) {
			t.Errorf("stats of %s: %+v, want %+v", name, got[name], w)
		}
		// The sketch counts what DuckDB counts (exactly, at this size).
		sk := catalog.NewSketch()
		if err := sk.UnmarshalBinary(got[name].Sketch); err != nil {
			t.Fatalf("sketch of %s: %v", name, err)
		}
		if d := distinctOf(t, abs, name); int64(sk.Estimate()) != d {
			t.Errorf("sketch of %s estimates %d distinct values, DuckDB counts %d", name, sk.Estimate(), d)
		}
	}
	if len(df.Columns) != len(writeSchema) {
		t.Errorf("%d column stats", len(df.Columns))
	}

	// The wrong types are refused, and nothing is left behind.
	bad := writeBatches(t, c.mem, schema)
	defer bad.Release()
	ws.Schema = schemaSpec("id", "int32", "name", "utf8", "amount", "decimal(12,2)", "day", "date32",
		"ts", "timestamp_us", "flag", "bool", "score", "float64", "u", "uint32")
	_, err = n.client.Write(ctx, ws, bad)
	wantCode(t, err, qerr.ErrInvalid)
	// A directory outside the data directory is refused.
	ws.Schema = writeSchema
	ws.Dir = "../escape"
	again := writeBatches(t, c.mem, schema)
	defer again.Release()
	_, err = n.client.Write(ctx, ws, again)
	wantCode(t, err, qerr.ErrInvalid)
	noTempFiles(t, filepath.Dir(abs))
}

// TestOutputWrite runs a task whose output is a table file written by
// DuckDB's COPY: the columns get the promised names and types, the stats
// come back in TaskStatsSpec.Files, and no rows write no file.
func TestOutputWrite(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-copy")
	schema := schemaSpec("id", "int64", "label", "utf8", "price", "decimal(10,3)", "day", "date32", "at", "timestamp_us")
	out := stage.OutputSpec{Kind: stage.OutputWrite, Consumers: 1, Schema: schema, WriteDir: "tables/main/c"}
	stats := writeOne(ctx, t, n, spec(q, task(0, 0), `SELECT i AS c0,
			CASE WHEN i = 3 THEN NULL ELSE 'it''s ' || i END AS c1,
			CAST(i AS DECIMAL(10,3)) / 8 AS c2,
			DATE '1999-12-31' + CAST(i AS INTEGER) AS c3,
			TIMESTAMP '2001-02-03 04:05:06' + INTERVAL (i) SECOND AS c4
		FROM range(1, 3001) r(i)`, out))
	df := stats.Files[0]
	abs := filepath.Join(c.dataDir, df.Path)
	if !strings.HasPrefix(df.Path, "tables/main/c/") || df.Rows != 3000 || stats.RowsOut != 3000 {
		t.Fatalf("file %+v", df)
	}
	if got := countRows(t, abs); got != 3000 {
		t.Errorf("DuckDB reads %d rows", got)
	}
	noTempFiles(t, filepath.Dir(abs))
	ownerOnly(t, c.dataDir, abs)
	want := map[string]catalog.ColumnStats{
		"id":    {Name: "id", Min: "1", Max: "3000"},
		"label": {Name: "label", NullCount: 1, Min: "'it''s 1'", Max: "'it''s 999'"},
		"price": {Name: "price", Min: "0.125", Max: "375.000"},
		"day":   {Name: "day", Min: "DATE '2000-01-01'", Max: "DATE '2008-03-18'"},
		"at":    {Name: "at", Min: "TIMESTAMP '2001-02-03 04:05:07'", Max: "TIMESTAMP '2001-02-03 04:55:06'"},
	}
	got := statsByName(df)
	for name, w := range want {
		if !sameStats(got[name], w) {
			t.Errorf("stats of %s: %+v, want %+v", name, got[name], w)
		}
	}
	// Column names in the file are the promised ones.
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names string
	if err := db.QueryRow("SELECT string_agg(name, ',' ORDER BY name) FROM parquet_schema('" + abs + "') WHERE num_children IS NULL").Scan(&names); err != nil {
		t.Fatal(err)
	}
	if names != "at,day,id,label,price" {
		t.Errorf("file columns %s", names)
	}

	rt, err := n.client.RunTask(ctx, spec(q, task(0, 1), `SELECT 1::BIGINT, 'a', 1::DECIMAL(10,3), DATE '2000-01-01', TIMESTAMP '2000-01-01' WHERE false`, out))
	if err != nil {
		t.Fatal(err)
	}
	stats, err = rt.Wait(ctx)
	if err != nil || len(stats.Files) != 0 {
		t.Fatalf("empty write: %+v, %v", stats.Files, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(abs))
	if len(entries) != 1 {
		t.Errorf("%d entries in the table directory, want 1", len(entries))
	}
}

// ownerOnly checks that path is a file only its owner may read and write
// (0600) and that every directory from root down to it is its owner's
// alone (0700), as the catalog is.
func ownerOnly(t *testing.T, root, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("%s has mode %v, want 0600", path, got)
	}
	for dir := filepath.Dir(path); len(dir) > len(root); dir = filepath.Dir(dir) {
		st, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != 0o700 {
			t.Errorf("directory %s has mode %v, want 0700", dir, got)
		}
	}
}

// TestWriteSecondTimestamps writes a timestamp_s column both ways, from
// Arrow batches and by DuckDB's COPY: Parquet has no unit of seconds, so
// the files hold finer units, and the statistics still read the instants.
func TestWriteSecondTimestamps(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	schema := schemaSpec("at", "timestamp_s")
	want := catalog.ColumnStats{Name: "at", Min: "TIMESTAMP '2001-02-03 04:05:07'", Max: "TIMESTAMP '2001-02-03 04:05:09'"}

	as := mustArrow(t, schema)
	b := array.NewRecordBuilder(c.mem, as)
	defer b.Release()
	for i := range 3 {
		b.Field(0).(*array.TimestampBuilder).Append(arrow.Timestamp(981173107 + i))
	}
	rec := b.NewRecordBatch()
	rdr, err := array.NewRecordReader(as, []arrow.RecordBatch{rec})
	rec.Release()
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Release()
	df, err := n.client.Write(ctx, stage.WriteSpec{Version: stage.SpecVersion, Query: "q-ts", Dir: "tables/main/s", Schema: schema}, rdr)
	if err != nil {
		t.Fatal(err)
	}
	if got := statsByName(df)["at"]; !sameStats(got, want) {
		t.Errorf("arrow-go file: stats %+v, want %+v", got, want)
	}

	out := stage.OutputSpec{Kind: stage.OutputWrite, Consumers: 1, Schema: schema, WriteDir: "tables/main/s"}
	stats := writeOne(ctx, t, n, spec("q-ts", task(0, 0),
		`SELECT CAST(TIMESTAMP '2001-02-03 04:05:06' + INTERVAL (i) SECOND AS TIMESTAMP_S) AS c0 FROM range(1, 4) r(i)`, out))
	if got := statsByName(stats.Files[0])["at"]; !sameStats(got, want) {
		t.Errorf("COPY file: stats %+v, want %+v", got, want)
	}
}

// writeOne runs a task of OutputWrite that must write one file.
func writeOne(ctx context.Context, t *testing.T, n *node, ts *stage.TaskSpec) stage.TaskStatsSpec {
	t.Helper()
	rt, err := n.client.RunTask(ctx, ts)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := rt.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stats.Files) != 1 {
		t.Fatalf("files %+v", stats.Files)
	}
	return stats
}

// TestWriteRowGroupsByWidth: a written file's row groups hold about as
// many rows as make 64 MiB, within DuckDB's default row group (122,880
// rows) and 1 Mi rows, so that a wide table's writer buffers a bounded row
// group: 300,000 rows of 20 strings make three row groups, of one integer
// a single one.
func TestWriteRowGroupsByWidth(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-row-groups")
	var wide []string
	var cols []string
	for i := range 20 {
		wide = append(wide, fmt.Sprintf("s%d", i), "utf8")
		cols = append(cols, fmt.Sprintf("'v' || (i %% %d) AS c%d", i+2, i))
	}
	for _, tc := range []struct {
		name   string
		schema stage.SchemaSpec
		sql    string
		groups int64
	}{
		{"wide", schemaSpec(wide...), "SELECT " + strings.Join(cols, ", ") + " FROM range(300000) r(i)", 3},
		{"narrow", schemaSpec("id", "int64"), "SELECT i AS c0 FROM range(300000) r(i)", 1},
	} {
		out := stage.OutputSpec{Kind: stage.OutputWrite, Consumers: 1, Schema: tc.schema, WriteDir: "tables/main/" + tc.name}
		stats := writeOne(ctx, t, n, spec(q, task(0, len(tc.name)), tc.sql, out))
		db, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		var groups, most int64
		err = db.QueryRow("SELECT count(DISTINCT row_group_id), max(row_group_num_rows) FROM parquet_metadata(?)", filepath.Join(c.dataDir, stats.Files[0].Path)).Scan(&groups, &most)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if groups != tc.groups {
			t.Errorf("%s: %d row groups (the largest %d rows), want %d", tc.name, groups, most, tc.groups)
		}
	}
}
