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
