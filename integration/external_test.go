package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// externalFiles has the oracle write the files that external tables read:
// three Parquet parts, two CSV files with a header and one without (| as
// delimiter), all of the same 300 rows of (id, g, note, d).
func externalFiles(dir string) []string {
	rows := func(k int) string {
		return fmt.Sprintf("SELECT i AS id, CAST(i %% 7 AS INTEGER) AS g, CASE WHEN i %% 10 = 0 THEN NULL ELSE 'n' || i END AS note, "+
			"CAST(i AS DECIMAL(10,2)) + 0.25 AS d FROM range(1, 301) AS t(i) WHERE i %% 3 = %d", k)
	}
	var setup []string
	for k := 0; k < 3; k++ {
		setup = append(setup, fmt.Sprintf("COPY (%s) TO '%s' (FORMAT parquet)", rows(k), filepath.Join(dir, "pq", fmt.Sprintf("part-%d.parquet", k))))
	}
	for k := 0; k < 2; k++ {
		setup = append(setup, fmt.Sprintf("COPY (%s) TO '%s' (FORMAT csv, HEADER)", rows(k), filepath.Join(dir, "csv", fmt.Sprintf("f%d.csv", k))))
	}
	setup = append(setup, fmt.Sprintf("COPY (%s) TO '%s' (FORMAT csv, HEADER false, DELIMITER '|')", rows(2), filepath.Join(dir, "nh", "rows.txt")))
	return setup
}

// TestExternalTables: external tables over Parquet and CSV files, with
// globs and inferred and declared schemas, answer as DuckDB reading the
// same files, alone and joined with a managed table; EXPLAIN and SHOW
// CREATE TABLE show them; every write into one is refused, and DROP TABLE
// leaves the files.
func TestExternalTables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, sub := range []string{"pq", "csv", "nh"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	pq, csv, nh := filepath.Join(dir, "pq", "*.parquet"), filepath.Join(dir, "csv", "f*.csv"), filepath.Join(dir, "nh", "*.txt")
	o := openOracle(t, ctx, append(externalFiles(dir),
		fmt.Sprintf("CREATE VIEW pq AS SELECT * FROM read_parquet('%s')", pq),
		fmt.Sprintf("CREATE VIEW pq_typed AS SELECT CAST(id AS INTEGER) AS id, note FROM read_parquet('%s')", pq),
		fmt.Sprintf("CREATE VIEW cs AS SELECT * FROM read_csv('%s')", csv),
		fmt.Sprintf("CREATE VIEW nh AS SELECT CAST(column0 AS BIGINT) AS id, CAST(column1 AS INTEGER) AS g, CAST(column2 AS VARCHAR) AS note, "+
			"CAST(column3 AS DECIMAL(10,2)) AS d FROM read_csv('%s', header = false, delim = '|')", nh),
		"CREATE TABLE m (g INTEGER, name VARCHAR)",
		"INSERT INTO m VALUES (0, 'zero'), (1, 'one'), (3, 'three'), (5, 'five')",
	)...)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	for _, s := range []string{
		fmt.Sprintf("CREATE EXTERNAL TABLE pq LOCATION '%s' FORMAT 'parquet'", pq),
		fmt.Sprintf("CREATE EXTERNAL TABLE pq_typed (id INT, note VARCHAR(20)) LOCATION '%s' FORMAT 'parquet'", pq),
		fmt.Sprintf("CREATE EXTERNAL TABLE cs LOCATION '%s' FORMAT 'csv'", csv),
		fmt.Sprintf("CREATE EXTERNAL TABLE nh (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2)) LOCATION '%s' FORMAT 'CSV' OPTIONS (header = false, delimiter = '|')", nh),
		"CREATE TABLE m (g INT, name VARCHAR(10))",
		"INSERT INTO m VALUES (0, 'zero'), (1, 'one'), (3, 'three'), (5, 'five')",
	} {
		c.MustExec(s)
	}
	for _, q := range []queryCase{
		{sql: "SELECT * FROM pq", types: []arrow.DataType{arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Int32, arrow.BinaryTypes.String, &arrow.Decimal128Type{Precision: 11, Scale: 2}}},
		{sql: "SELECT g, count(*), count(note), sum(d), min(id), max(id) FROM pq GROUP BY g"},
		{sql: "SELECT * FROM pq_typed WHERE id > 250"},
		{sql: "SELECT * FROM cs"},
		{sql: "SELECT g, sum(d) FROM cs WHERE id % 2 = 0 GROUP BY g"},
		{sql: "SELECT * FROM nh"},
		{sql: "SELECT m.name, count(*), sum(pq.d) FROM pq JOIN m ON pq.g = m.g GROUP BY m.name"},
		{sql: "SELECT pq.id, cs.note, nh.d FROM pq JOIN cs ON pq.id = cs.id LEFT JOIN nh ON pq.id = nh.id - 2 WHERE pq.g = 3"},
	} {
		checkQuery(t, c, o, q)
	}

	explain := strings.Join(c.MustQuery("EXPLAIN SELECT count(*) FROM pq").strings(0), "\n")
	if !strings.Contains(explain, "Scan: main.pq") || !strings.Contains(explain, "files=3 rows=300 external=parquet") {
		t.Errorf("EXPLAIN shows no external scan of the 3 files:\n%s", explain)
	}
	for tbl, want := range map[string]string{
		"pq": "CREATE EXTERNAL TABLE `pq` (\n  `id` bigint,\n  `g` int,\n  `note` text,\n  `d` decimal(11,2)\n) LOCATION '" + pq + "' FORMAT 'parquet'",
		"nh": "CREATE EXTERNAL TABLE `nh` (\n  `id` bigint,\n  `g` int,\n  `note` text,\n  `d` decimal(10,2)\n) LOCATION '" + nh + "' FORMAT 'csv' OPTIONS (delimiter = '|', header = 'false')",
	} {
		if got := c.MustQuery("SHOW CREATE TABLE " + tbl).strings(1); len(got) != 1 || got[0] != want {
			t.Errorf("SHOW CREATE TABLE %s = %q, want %q", tbl, got, want)
		}
	}
	// SHOW CREATE TABLE prints a statement that makes the same table.
	ddl := c.MustQuery("SHOW CREATE TABLE nh").strings(1)[0]
	c.MustExec(strings.Replace(ddl, "`nh`", "`nh_again`", 1))
	checkQuery(t, c, o, queryCase{sql: "SELECT * FROM nh_again", oracle: "SELECT * FROM nh"})

	for _, s := range []string{
		"INSERT INTO pq VALUES (1, 1, 'x', 1.5)",
		"INSERT INTO cs SELECT * FROM pq",
		"DELETE FROM pq",
		"DELETE FROM pq WHERE id = 3",
		"UPDATE nh SET note = 'x' WHERE id = 3",
		"TRUNCATE TABLE pq",
		// Only parquet and csv, at an absolute location outside the data directory.
		fmt.Sprintf("CREATE EXTERNAL TABLE j LOCATION '%s' FORMAT 'json'", pq),
		"CREATE EXTERNAL TABLE r LOCATION 'pq/*.parquet' FORMAT 'parquet'",
		fmt.Sprintf("CREATE EXTERNAL TABLE inside LOCATION '%s' FORMAT 'parquet'", filepath.Join(cl.DataDir, "tables", "*")),
		fmt.Sprintf("CREATE EXTERNAL TABLE nothing LOCATION '%s' FORMAT 'parquet'", filepath.Join(dir, "none", "*.parquet")),
		fmt.Sprintf("CREATE EXTERNAL TABLE o LOCATION '%s' FORMAT 'parquet' OPTIONS (header = true)", pq),
		fmt.Sprintf("CREATE EXTERNAL TABLE nn (id BIGINT NOT NULL) LOCATION '%s' FORMAT 'parquet'", pq),
	} {
		_, err := c.Exec(s)
		wantCode(t, s, err, codes.InvalidArgument)
	}
	// A declared type the files do not hold fails the query, clearly.
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE bad (note INT) LOCATION '%s' FORMAT 'parquet'", pq))
	_, err := c.Query("SELECT * FROM bad")
	wantCode(t, "a note read as INT", err, codes.InvalidArgument)

	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewRecordBuilder(mem, arrow.NewSchema([]arrow.Field{{Name: "id", Type: arrow.PrimitiveTypes.Int64}}, nil))
	b.Field(0).(*array.Int64Builder).Append(1)
	rec := b.NewRecordBatch()
	b.Release()
	_, err = c.Ingest("pq", adbc.OptionValueIngestModeAppend, []arrow.RecordBatch{rec})
	rec.Release()
	wantCode(t, "ingest into an external table", err, codes.InvalidArgument)

	// DROP TABLE forgets the table and leaves its files.
	c.MustExec("DROP TABLE pq")
	if _, err := c.Query("SELECT * FROM pq"); grpcCode(err) != codes.NotFound {
		t.Errorf("pq after DROP: %v, want NOT_FOUND", err)
	}
	files, _ := filepath.Glob(pq)
	if len(files) != 3 {
		t.Errorf("after DROP TABLE pq the location holds %d files, want its 3", len(files))
	}
	checkQuery(t, c, o, queryCase{sql: "SELECT count(*) FROM pq_typed"})
}

// strings is column i of a result of string columns, unquoted.
func (r *result) strings(i int) []string {
	out := make([]string, len(r.rows))
	for j, row := range r.rows {
		out[j] = strings.TrimSuffix(strings.TrimPrefix(row[i].text, "'"), "'")
	}
	return out
}

// TestImportInto: IMPORT INTO loads Parquet and CSV files into a plain and
// a bucketed table as DuckDB reads them, and a bad file among good ones
// leaves the table as it was.
func TestImportInto(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, sub := range []string{"pq", "csv", "nh", "bad", "badcsv"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	pq, csv := filepath.Join(dir, "pq", "*.parquet"), filepath.Join(dir, "csv", "*.csv")
	def := "(id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))"
	setup := append(externalFiles(dir),
		"CREATE TABLE plain "+def, "CREATE TABLE bucketed "+def,
		fmt.Sprintf("INSERT INTO plain SELECT * FROM read_parquet('%s')", pq),
		fmt.Sprintf("INSERT INTO bucketed SELECT * FROM read_csv('%s')", csv),
		// Good files and one whose g is not a number.
		fmt.Sprintf("COPY (SELECT * FROM read_parquet('%s')) TO '%s' (FORMAT parquet)", pq, filepath.Join(dir, "bad", "a.parquet")),
		fmt.Sprintf("COPY (SELECT 7 AS id, 'x' AS g, 'n' AS note, 1.5 AS d) TO '%s' (FORMAT parquet)", filepath.Join(dir, "bad", "b.parquet")),
		fmt.Sprintf("COPY (SELECT * FROM read_parquet('%s')) TO '%s' (FORMAT csv)", pq, filepath.Join(dir, "badcsv", "a.csv")),
		fmt.Sprintf("COPY (SELECT 7 AS id, 1 AS g, 'n' AS note, 'many' AS d) TO '%s' (FORMAT csv)", filepath.Join(dir, "badcsv", "b.csv")),
	)
	o := openOracle(t, ctx, setup...)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE plain " + def)
	c.MustExec("CREATE TABLE bucketed " + def + " PARTITION BY HASH(id) PARTITIONS 3")
	for _, s := range []struct {
		sql  string
		rows int64
	}{
		{fmt.Sprintf("IMPORT INTO plain FROM '%s' FORMAT 'parquet'", pq), 300},
		{fmt.Sprintf("IMPORT INTO bucketed FROM '%s' FORMAT 'csv' WITH skip_rows = 1", csv), 200},
	} {
		checkAffected(t, s.sql, c.MustExec(s.sql), s.rows)
	}
	for _, q := range []string{
		"SELECT * FROM plain",
		"SELECT * FROM bucketed",
		"SELECT b.g, count(*), sum(p.d) FROM plain p JOIN bucketed b ON p.id = b.id GROUP BY b.g",
	} {
		checkQuery(t, c, o, queryCase{sql: q})
	}

	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE ext LOCATION '%s' FORMAT 'parquet'", pq))
	for _, s := range []string{
		fmt.Sprintf("IMPORT INTO plain FROM '%s' FORMAT 'parquet'", filepath.Join(dir, "bad", "*.parquet")),
		fmt.Sprintf("IMPORT INTO bucketed FROM '%s' FORMAT 'csv' WITH skip_rows = 1", filepath.Join(dir, "badcsv", "*.csv")),
		fmt.Sprintf("IMPORT INTO plain FROM '%s' FORMAT 'parquet'", filepath.Join(dir, "none", "*.parquet")),
		fmt.Sprintf("IMPORT INTO plain FROM '%s' FORMAT 'json'", pq),
		fmt.Sprintf("IMPORT INTO plain (nope) FROM '%s' FORMAT 'parquet'", pq),
		fmt.Sprintf("IMPORT INTO ext FROM '%s' FORMAT 'parquet'", pq),
	} {
		_, err := c.Exec(s)
		if code := grpcCode(err); code != codes.InvalidArgument && code != codes.NotFound {
			t.Errorf("%s: %v (code %s), want INVALID_ARGUMENT or NOT_FOUND", s, err, code)
		}
	}
	for _, q := range []string{"SELECT count(*), sum(d) FROM plain", "SELECT count(*), sum(d) FROM bucketed"} {
		checkQuery(t, c, o, queryCase{sql: q})
	}
}

// TestExternalStatistics: the planner estimates an external Parquet
// table from its footers: a scan's rows are the footers' row counts (those
// of the row groups left after pruning), a join of a large and a small
// external table broadcasts the small one whichever side of the JOIN it is
// written on, and system.column_stats shows what the footers say. A
// location inside the data directory is refused.
func TestExternalStatistics(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := stmtCtx()
	defer cancel()
	fact, dim := filepath.Join(dir, "fact.parquet"), filepath.Join(dir, "dim.parquet")
	o := openOracle(t, ctx,
		fmt.Sprintf("COPY (SELECT i AS id, CAST(i %% 50 AS INTEGER) AS k, CASE WHEN i %% 4 = 0 THEN NULL ELSE 'f' || i END AS note "+
			"FROM range(0, 300000) t(i)) TO '%s' (FORMAT parquet, ROW_GROUP_SIZE 102400)", fact),
		fmt.Sprintf("COPY (SELECT CAST(i AS INTEGER) AS k, 'd' || i AS name FROM range(0, 50) t(i)) TO '%s' (FORMAT parquet)", dim),
		fmt.Sprintf("CREATE VIEW fact AS SELECT * FROM read_parquet('%s')", fact),
		fmt.Sprintf("CREATE VIEW dim AS SELECT * FROM read_parquet('%s')", dim),
	)
	cl := startServe(t, 3, "")
	c := connect(t, cl.Addr)
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE fact LOCATION '%s' FORMAT 'parquet'", fact))
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE dim LOCATION '%s' FORMAT 'parquet'", dim))
	groups := rowGroupCount(t, fact)
	broadcastDim := regexp.MustCompile(`Exchange Expansive broadcast -> 3\s+Scan: main\.dim columns=\[k, name\] files=1 rows=50 external=parquet`)
	for _, q := range []struct{ sql, scan string }{
		{"SELECT dim.name, count(*) FROM fact JOIN dim ON fact.k = dim.k GROUP BY dim.name", "Scan: main.fact columns=[k] files=1 rows=300000 external=parquet"},
		{"SELECT dim.name, count(*) FROM dim JOIN fact ON fact.k = dim.k GROUP BY dim.name", "Scan: main.fact columns=[k] files=1 rows=300000 external=parquet"},
		// The first row group (102,400 rows) alone holds id < 1000.
		{"SELECT dim.name, count(*) FROM fact JOIN dim ON fact.k = dim.k WHERE fact.id < 1000 GROUP BY dim.name",
			fmt.Sprintf("files=1 rows=102400 external=parquet skipped=0 files, %d row groups", groups-1)},
	} {
		explain := strings.Join(c.MustQuery("EXPLAIN "+q.sql).strings(0), "\n")
		if !strings.Contains(explain, q.scan) || !broadcastDim.MatchString(explain) {
			t.Errorf("%s: want %q and dim broadcast:\n%s", q.sql, q.scan, explain)
		}
		checkQuery(t, c, o, queryCase{sql: q.sql})
	}
	checkQuery(t, c, o, queryCase{
		sql: "SELECT table_name, column_name, data_files, row_count, null_count, distinct_count, min_value, max_value FROM system.column_stats " +
			"WHERE table_name IN ('fact', 'dim')",
		oracle: "VALUES ('fact', 'id', 1, 300000, 0, NULL, '0', '299999'), ('fact', 'k', 1, 300000, 0, NULL, '0', '49'), " +
			"('fact', 'note', 1, 300000, 75000, NULL, '''f1''', '''f99999'''), ('dim', 'k', 1, 50, 0, NULL, '0', '49'), ('dim', 'name', 1, 50, 0, NULL, '''d0''', '''d9''')",
	})
	// ANALYZE TABLE describes the files as they are: their sketches give
	// the distinct counts that footers lack, strings included.
	c.MustExec("ANALYZE TABLE fact, dim")
	exact := map[string]float64{"fact.id": 300000, "fact.k": 50, "fact.note": 225000, "dim.k": 50, "dim.name": 50}
	distinct := func() map[string]string {
		got := map[string]string{}
		for _, line := range lines(c.MustQuery("SELECT table_name, column_name, distinct_count FROM system.column_stats WHERE table_name IN ('fact', 'dim')")) {
			f := strings.Split(line, " | ")
			got[f[0]+"."+f[1]] = f[2]
		}
		return got
	}
	for col, d := range distinct() {
		n, err := strconv.ParseFloat(d, 64)
		if err != nil || n < exact[col]*0.95 || n > exact[col]*1.05 {
			t.Errorf("distinct_count of %s after ANALYZE: %s, want within 5%% of %.0f", col, d, exact[col])
		}
	}
	checkQuery(t, c, o, queryCase{sql: "SELECT dim.name, count(*) FROM fact JOIN dim ON fact.k = dim.k GROUP BY dim.name"})
	// Files that changed since have no distinct counts: only their
	// footers' statistics, read anew.
	if err := o.exec(ctx, fmt.Sprintf("COPY (SELECT CAST(i AS INTEGER) AS k, 'e' || i AS name FROM range(0, 70) t(i)) TO '%s' (FORMAT parquet)", dim)); err != nil {
		t.Fatal(err)
	}
	if got := distinct(); got["dim.k"] != "NULL" || got["dim.name"] != "NULL" || got["fact.k"] == "NULL" {
		t.Errorf("distinct counts after dim's file changed: %v, want NULL for dim only", got)
	}
	checkQuery(t, c, o, queryCase{sql: "SELECT dim.name, count(*) FROM fact JOIN dim ON fact.k = dim.k GROUP BY dim.name"})
	c.MustExec("DROP TABLE fact")
	if _, err := os.Stat(fact); err != nil {
		t.Errorf("DROP TABLE of an analyzed external table touched its file: %v", err)
	}
	// The data directory's files are Quiver's own: no external table reads them.
	inside := fmt.Sprintf("CREATE EXTERNAL TABLE own LOCATION '%s' FORMAT 'parquet'", filepath.Join(cl.DataDir, "*", "*.parquet"))
	if _, err := c.Exec(inside); grpcCode(err) != codes.InvalidArgument || !strings.Contains(err.Error(), "inside the data directory") {
		t.Errorf("%s: %v, want INVALID_ARGUMENT", inside, err)
	}
}

// TestExternalCSVStatistics: ANALYZE TABLE of an external CSV table reads
// its files' rows: the scan's rows become the counted ones instead of an
// estimate from the files' sizes, and system.column_stats gets null and
// distinct counts, while the same files (by path and size) are there.
func TestExternalCSVStatistics(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := stmtCtx()
	defer cancel()
	path := filepath.Join(dir, "fact.csv")
	o := openOracle(t, ctx,
		fmt.Sprintf("COPY (SELECT i AS id, CAST(i %% 50 AS INTEGER) AS k, CASE WHEN i %% 4 = 0 THEN NULL ELSE 'f' || i END AS note "+
			"FROM range(0, 200000) t(i)) TO '%s' (FORMAT csv, HEADER)", path),
		fmt.Sprintf("CREATE VIEW fact AS SELECT * FROM read_csv('%s', header = true, columns = {'id': 'BIGINT', 'k': 'INTEGER', 'note': 'VARCHAR'})", path),
	)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE fact (id BIGINT, k INT, note VARCHAR(20)) LOCATION '%s' FORMAT 'csv'", path))
	stats := func() map[string][]string {
		got := map[string][]string{}
		for _, line := range lines(c.MustQuery("SELECT column_name, row_count, null_count, distinct_count FROM system.column_stats WHERE table_name = 'fact'")) {
			f := strings.Split(line, " | ")
			got[f[0]] = f[1:]
		}
		return got
	}
	scanRows := func() string {
		explain := strings.Join(c.MustQuery("EXPLAIN SELECT count(*) FROM fact").strings(0), "\n")
		m := regexp.MustCompile(`Scan: main\.fact .* rows=(\d+) external=csv`).FindStringSubmatch(explain)
		if m == nil {
			t.Fatalf("no CSV scan in:\n%s", explain)
		}
		return m[1]
	}
	before := scanRows()
	if before == "200000" {
		t.Fatalf("the scan's rows before ANALYZE are %s: exact already, the test shows nothing", before)
	}
	c.MustExec("ANALYZE TABLE fact")
	if got := scanRows(); got != "200000" {
		t.Errorf("scan rows after ANALYZE: %s, want the counted 200000 (before: %s)", got, before)
	}
	exact := map[string]float64{"id": 200000, "k": 50, "note": 150000}
	nulls := map[string]string{"id": "0", "k": "0", "note": "50000"}
	got := stats()
	for col, want := range exact {
		s := got[col]
		if len(s) != 3 {
			t.Fatalf("system.column_stats of fact.%s: %v", col, s)
		}
		n, err := strconv.ParseFloat(s[2], 64)
		if s[0] != "200000" || s[1] != nulls[col] || err != nil || n < want*0.95 || n > want*1.05 {
			t.Errorf("fact.%s after ANALYZE: rows, nulls, distinct %v; want 200000, %s, within 5%% of %.0f", col, s, nulls[col], want)
		}
	}
	for _, sql := range []string{
		"SELECT k, count(*), count(note), min(id), max(note) FROM fact GROUP BY k",
		"SELECT count(DISTINCT note) FROM fact WHERE id > 1000",
	} {
		checkQuery(t, c, o, queryCase{sql: sql})
	}
	// A file that changed has no counted rows or distinct counts.
	if err := o.exec(ctx, fmt.Sprintf("COPY (SELECT i AS id, 1 AS k, 'x' AS note FROM range(0, 70) t(i)) TO '%s' (FORMAT csv, HEADER)", path)); err != nil {
		t.Fatal(err)
	}
	if got := stats()["k"]; len(got) != 3 || got[0] == "70" || got[2] != "NULL" {
		t.Errorf("fact.k after its file changed: rows, nulls, distinct %v; want the size's estimate and no distinct count", got)
	}
	checkQuery(t, c, o, queryCase{sql: "SELECT k, count(*) FROM fact GROUP BY k"})
}
