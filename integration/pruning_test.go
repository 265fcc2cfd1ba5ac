package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
)

// TestExternalRowGroups: an external Parquet file of ten row groups, sorted
// on id, is read by row group on both workers, and a filter on id reads
// only the row groups whose min / max admit it. The proof that the others
// are never read: their bytes are then overwritten, and the filtered
// queries still answer as DuckDB over the intact file, while a query that
// needs them fails.
func TestExternalRowGroups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "ext"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	intact := filepath.Join(dir, "intact.parquet")
	o := openOracle(t, ctx,
		fmt.Sprintf("COPY (SELECT i AS id, CAST(i %% 13 AS INTEGER) AS g, DATE '2020-01-01' + CAST(i / 100 AS INTEGER) AS day, 'v' || i AS note "+
			"FROM range(0, 100000) t(i) ORDER BY i) TO '%s' (FORMAT parquet, ROW_GROUP_SIZE 10000, COMPRESSION zstd)", intact),
		fmt.Sprintf("CREATE VIEW big AS SELECT * FROM read_parquet('%s')", intact),
	)
	b, err := os.ReadFile(intact)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ext", "big.parquet")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	groups := rowGroupCount(t, path)
	if groups < 5 {
		t.Fatalf("DuckDB wrote %d row groups, want several", groups)
	}
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE big LOCATION '%s' FORMAT 'parquet'", filepath.Join(dir, "ext", "*.parquet")))

	// Unfiltered: every row group, split over the workers.
	checkQuery(t, c, o, queryCase{sql: "SELECT count(*), sum(id), count(DISTINCT g), min(day), max(note) FROM big"})
	filtered := []queryCase{
		{sql: "SELECT count(*), sum(id), min(note) FROM big WHERE id < 5000"},
		{sql: "SELECT g, count(*) FROM big WHERE id >= 3000 AND id <= 12000 GROUP BY g"},
		{sql: "SELECT * FROM big WHERE id = 7", ordered: true},
		{sql: "SELECT count(*) FROM big WHERE day < DATE '2020-02-01'"},
		{sql: "SELECT count(*) FROM big WHERE id > 1000000"},
	}
	for _, q := range filtered {
		checkQuery(t, c, o, q)
	}
	// EXPLAIN says what the filter skips: all but the first row group.
	explain := strings.Join(c.MustQuery("EXPLAIN SELECT count(*) FROM big WHERE id < 5000").strings(0), "\n")
	want := fmt.Sprintf("skipped=0 files, %d row groups", groups-1)
	if !strings.Contains(explain, want) || !regexp.MustCompile(`files=1 rows=\d+ `).MatchString(explain) {
		t.Errorf("EXPLAIN does not show %q:\n%s", want, explain)
	}
	if m := regexp.MustCompile(`files=1 rows=(\d+) `).FindStringSubmatch(explain); m != nil {
		if n, _ := strconv.Atoi(m[1]); n >= 100000 {
			t.Errorf("the pruned scan reads %d rows", n)
		}
	}

	// Overwrite every row group but the first two (ids from about 20,000 on):
	// the queries that need none of them answer as before.
	corruptRowGroups(t, path, 2)
	for _, q := range filtered[:3] {
		checkQuery(t, c, o, q)
	}
	if _, err := c.Query("SELECT count(*), sum(id) FROM big"); err == nil {
		t.Errorf("a scan of the overwritten row groups succeeded: the corruption proves nothing")
	}
}

// TestPruneStringsTimestamps: min / max pruning on string, timestamp and
// date columns, of an external file's row groups and of a managed table's
// files. Each filter skips what its statistics rule out (EXPLAIN says how
// many), and answers as DuckDB does over the same rows.
func TestPruneStringsTimestamps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "ext"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	path := filepath.Join(dir, "ext", "ev.parquet")
	o := openOracle(t, ctx,
		fmt.Sprintf("COPY (SELECT i AS id, lpad(CAST(i AS VARCHAR), 6, '0') AS code, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 60) AS ts, "+
			"DATE '2020-01-01' + CAST(i / 1000 AS INTEGER) AS day FROM range(0, 65536) t(i) ORDER BY i) TO '%s' (FORMAT parquet, ROW_GROUP_SIZE 8192)", path),
		fmt.Sprintf("CREATE VIEW ev AS SELECT * FROM read_parquet('%s')", path),
		"CREATE TABLE m (k VARCHAR, ts TIMESTAMP, day DATE)",
	)
	groups := rowGroupCount(t, path)
	if groups < 5 {
		t.Fatalf("DuckDB wrote %d row groups, want several", groups)
	}
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec(fmt.Sprintf("CREATE EXTERNAL TABLE ev LOCATION '%s' FORMAT 'parquet'", filepath.Join(dir, "ext", "*.parquet")))
	// Three INSERTs, three files with disjoint ranges in every column.
	c.MustExec("CREATE TABLE m (k VARCHAR(10), ts DATETIME, day DATE)")
	for _, v := range []string{
		"('apple', '2024-01-01 08:00:00', '2024-01-01'), ('avocado', '2024-01-01 09:30:00.25', '2024-01-02')",
		"('banana', '2024-02-01 08:00:00', '2024-02-01'), ('blueberry', '2024-02-03 00:00:00', '2024-02-03')",
		"('cherry', '2024-03-01 08:00:00', '2024-03-01'), ('cocoa''s', '2024-03-05 00:00:00', '2024-03-05')",
	} {
		c.MustExec("INSERT INTO m VALUES " + v)
		if err := o.exec(ctx, "INSERT INTO m VALUES "+v); err != nil {
			t.Fatal(err)
		}
	}
	skipped := regexp.MustCompile(`skipped=(\d+) files, (\d+) row groups`)
	for _, q := range []struct {
		sql         string
		files, grps int // skipped
	}{
		// Row group k holds ids 8192k to 8192k+8191; the third, codes
		// 016384 to 024575.
		{"SELECT count(*), min(code), max(ts) FROM ev WHERE code >= '016384' AND code < '020000'", 0, groups - 1},
		{"SELECT id, code FROM ev WHERE code = '000042'", 0, groups - 1},
		{"SELECT count(*), sum(id) FROM ev WHERE ts < TIMESTAMP '2024-01-06 16:32:00'", 0, groups - 1},
		{"SELECT count(*) FROM ev WHERE ts >= '2024-01-01' AND code >= '000000'", 0, 0},
		{"SELECT count(*), max(code) FROM ev WHERE day > DATE '2020-02-27'", 0, groups - 1},
		{"SELECT * FROM m WHERE k >= 'b' AND k < 'c'", 2, 0},
		{"SELECT k FROM m WHERE k = 'cocoa''s'", 2, 0},
		{"SELECT k, ts FROM m WHERE ts > '2024-01-01 09:30:00.25' AND ts < '2024-02-02'", 2, 0},
		{"SELECT count(*) FROM m WHERE ts <= '2024-01-01 09:30:00.25'", 2, 0},
		{"SELECT k FROM m WHERE day >= DATE '2024-03-01'", 2, 0},
		{"SELECT k FROM m WHERE k > 'z'", 3, 0},
	} {
		explain := strings.Join(c.MustQuery("EXPLAIN "+q.sql).strings(0), "\n")
		m := skipped.FindStringSubmatch(explain)
		if q.files+q.grps == 0 {
			if m != nil {
				t.Errorf("%s: skipped something it must read:\n%s", q.sql, explain)
			}
		} else if m == nil || m[1] != strconv.Itoa(q.files) || m[2] != strconv.Itoa(q.grps) {
			t.Errorf("%s: want skipped=%d files, %d row groups:\n%s", q.sql, q.files, q.grps, explain)
		}
		checkQuery(t, c, o, queryCase{sql: q.sql})
	}
}

// rowGroupCount reads a Parquet file's row group count from its footer.
func rowGroupCount(t *testing.T, path string) int {
	t.Helper()
	r, err := file.OpenParquetFile(path, false, file.WithReadProps(parquet.NewReaderProperties(memory.NewGoAllocator())))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return r.NumRowGroups()
}

// corruptRowGroups overwrites the column chunks of every row group from
// the first-th on with 0xFF bytes, leaving the footer as it was.
func corruptRowGroups(t *testing.T, path string, first int) {
	t.Helper()
	r, err := file.OpenParquetFile(path, false, file.WithReadProps(parquet.NewReaderProperties(memory.NewGoAllocator())))
	if err != nil {
		t.Fatal(err)
	}
	type span struct{ off, n int64 }
	var spans []span
	md := r.MetaData()
	for g := first; g < md.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		for i := range rg.NumColumns() {
			cc, err := rg.ColumnChunk(i)
			if err != nil {
				t.Fatal(err)
			}
			off := cc.DataPageOffset()
			if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 && cc.DictionaryPageOffset() < off {
				off = cc.DictionaryPageOffset()
			}
			spans = append(spans, span{off, cc.TotalCompressedSize()})
		}
	}
	r.Close()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range spans {
		junk := make([]byte, s.n)
		for i := range junk {
			junk[i] = 0xFF
		}
		if _, err := f.WriteAt(junk, s.off); err != nil {
			t.Fatal(err)
		}
	}
}
