package integration

import (
	"fmt"
	"strings"
	"testing"
)

// TestColumnStats: every write leaves statistics that system.column_stats
// shows merged over the table's files (rows, nulls, min, max, and the
// distinct count of the files' sketches together) as DuckDB counts them
// over the same rows, after two INSERTs, a DELETE and ANALYZE TABLE.
func TestColumnStats(t *testing.T) {
	t.Parallel()
	values := func(lo, hi int) string {
		var rows []string
		for i := lo; i < hi; i++ {
			b := fmt.Sprintf("'s%d'", i%700)
			if i%9 == 0 {
				b = "NULL"
			}
			rows = append(rows, fmt.Sprintf("(%d, %s, DATE '2021-01-01' + INTERVAL %d DAY, %d.5)", i%1100, b, i%400, i))
		}
		return strings.Join(rows, ", ")
	}
	first, second := "INSERT INTO t VALUES "+values(0, 1500), "INSERT INTO t VALUES "+values(1000, 3000)
	ctx, cancel := stmtCtx()
	defer cancel()
	o := openOracle(t, ctx, "CREATE TABLE t (a BIGINT, b VARCHAR, c DATE, d DOUBLE)", first, second)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (a BIGINT, b VARCHAR(10), c DATE, d DOUBLE)")
	c.MustExec(first)
	c.MustExec(second)
	stats := "SELECT column_name, data_files, row_count, null_count, distinct_count, min_value, max_value FROM system.column_stats WHERE table_name = 't'"
	oracle := func(files int) string {
		col := func(name, lit string) string {
			return fmt.Sprintf("SELECT '%s', %d, count(*), count(*) - count(%s), count(DISTINCT %s), %s, %s FROM t",
				name, files, name, name, fmt.Sprintf(lit, "min("+name+")"), fmt.Sprintf(lit, "max("+name+")"))
		}
		return strings.Join([]string{
			col("a", "CAST(%s AS VARCHAR)"),
			col("b", "'''' || %s || ''''"),
			col("c", "'DATE ''' || CAST(%s AS VARCHAR) || ''''"),
			col("d", "CAST(%s AS VARCHAR)"),
		}, " UNION ALL ")
	}
	checkQuery(t, c, o, queryCase{sql: stats, oracle: oracle(2)})

	// A DELETE rewrites the files: their sketches go with them.
	c.MustExec("DELETE FROM t WHERE a >= 600")
	o.mu.Lock()
	_, err := o.conn.ExecContext(ctx, "DELETE FROM t WHERE a >= 600")
	o.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	n := c.MustQuery("SELECT data_files FROM system.column_stats WHERE table_name = 't' AND column_name = 'a'").rows[0][0].text
	checkQuery(t, c, o, queryCase{sql: stats, oracle: oracle(atoi(t, n))})

	// ANALYZE TABLE recomputes the same statistics from the files.
	before := c.MustQuery("SELECT snapshot_id FROM system.column_stats WHERE table_name = 't' AND column_name = 'a'").rows[0][0].text
	c.MustExec("ANALYZE TABLE t")
	after := c.MustQuery("SELECT snapshot_id FROM system.column_stats WHERE table_name = 't' AND column_name = 'a'").rows[0][0].text
	if after == before {
		t.Errorf("ANALYZE TABLE left snapshot %s", before)
	}
	checkQuery(t, c, o, queryCase{sql: stats, oracle: oracle(atoi(t, n))})
	if _, err := c.Exec("ANALYZE TABLE t INDEX i"); err == nil {
		t.Errorf("ANALYZE TABLE ... INDEX accepted")
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}
