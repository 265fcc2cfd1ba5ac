package integration

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// writeStep is one write statement, run on Quiver and on the oracle, then a
// query over the effect, compared with the oracle's answer.
type writeStep struct {
	sql    string
	oracle string // the oracle's text when it differs
	// affected is the row count Quiver reports; -1 takes DuckDB's (which
	// agrees with MySQL for INSERT and DELETE, not for UPDATE: MySQL counts
	// the rows that changed, DuckDB the rows that matched).
	affected int64
	check    string
}

// The affected counts a step takes from the oracle.
const (
	oracleAffected = -1 // DuckDB's own count
	oracleChanged  = -2 // the rows an UPDATE changes (changedRows)
	oracleCreated  = -3 // the rows of the table the check reads
)

// writesSetup is what both Quiver and the oracle start from: a source of
// 300 rows and the tables written, %s being the one under test.
func writesSetup() []string {
	var rows []string
	for i := 1; i <= 300; i++ {
		note := fmt.Sprintf("'n%d'", i)
		if i%10 == 0 {
			note = "NULL"
		}
		rows = append(rows, fmt.Sprintf("(%d, %d, %s, %d.25)", i, i%7, note, i))
	}
	return []string{
		"CREATE TABLE src (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))",
		"INSERT INTO src VALUES " + strings.Join(rows, ", "),
	}
}

// writeSteps are run in order against table tbl.
func writeSteps(tbl string) []writeStep {
	r := strings.NewReplacer("$t", tbl)
	steps := []writeStep{
		{sql: "INSERT INTO $t SELECT id, g, note, d FROM src WHERE id <= 200", affected: 200, check: "SELECT * FROM $t"},
		// Cast to the target columns' types; columns left out are NULL.
		{sql: "INSERT INTO $t (id, note) SELECT id + 1000, concat('x', g) FROM src WHERE id > 290", affected: 10, check: "SELECT * FROM $t WHERE id > 1000"},
		{sql: "INSERT INTO $t SELECT g, count(*), max(note), sum(d) FROM src GROUP BY g", affected: 7, check: "SELECT * FROM $t"},
		{sql: "INSERT INTO $t SELECT * FROM src WHERE id < 0", affected: 0, check: "SELECT count(*) FROM $t"},
		// A row whose condition is NULL stays.
		{sql: "DELETE FROM $t WHERE g = 3", affected: oracleAffected, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t WHERE note <> 'n5' AND id > 150", affected: oracleAffected, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t WHERE id IN (SELECT id FROM src WHERE note LIKE '%7')", affected: oracleAffected, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t WHERE d > (SELECT avg(d) * 1.5 FROM $t)", affected: oracleAffected, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t WHERE id = -1", affected: 0, check: "SELECT count(*) FROM $t"},
		{sql: "UPDATE $t SET note = 'updated', d = d + 1 WHERE g = 2", check: "SELECT * FROM $t",
			affected: oracleChanged},
		// Rows set to the values they hold match but are not affected.
		{sql: "UPDATE $t SET g = g WHERE id < 50", affected: 0, check: "SELECT * FROM $t"},
		// The bucket key changes: rows move to their new buckets.
		{sql: "UPDATE $t SET id = id + 5000 WHERE g = 4", affected: oracleChanged, check: "SELECT * FROM $t WHERE id > 5000"},
		{sql: "UPDATE $t SET g = (SELECT count(*) FROM src WHERE src.id < 5) WHERE id > 1000 AND id < 5000", affected: oracleChanged, check: "SELECT * FROM $t"},
		{sql: "UPDATE $t SET note = (SELECT max(s.note) FROM src s WHERE s.id = $t.id + 1) WHERE id < 100", affected: oracleChanged, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t WHERE NOT EXISTS (SELECT 1 FROM src WHERE src.g = $t.g AND src.id = $t.id)", affected: oracleAffected, check: "SELECT * FROM $t"},
		{sql: "UPDATE $t SET note = NULL", affected: oracleChanged, check: "SELECT count(*), count(note) FROM $t"},
		{sql: "CREATE TABLE made_$t AS SELECT g, count(*) AS n, sum(d) AS total FROM $t GROUP BY g", affected: oracleCreated,
			check: "SELECT * FROM made_$t"},
		{sql: "CREATE TABLE typed_$t (g BIGINT, extra INT) AS SELECT g, id FROM $t WHERE id < 20", affected: oracleCreated,
			oracle: "CREATE TABLE typed_$t AS SELECT CAST(g AS BIGINT) AS g, CAST(NULL AS INT) AS extra, id FROM $t WHERE id < 20",
			check:  "SELECT * FROM typed_$t"},
		{sql: "TRUNCATE TABLE $t", oracle: "DELETE FROM $t", affected: 0, check: "SELECT count(*) FROM $t"},
		{sql: "INSERT INTO $t SELECT id, g, note, d FROM src WHERE id <= 20", affected: 20, check: "SELECT * FROM $t"},
		{sql: "DELETE FROM $t", affected: 20, check: "SELECT count(*) FROM $t"},
	}
	for i := range steps {
		steps[i].sql, steps[i].oracle, steps[i].check = r.Replace(steps[i].sql), r.Replace(steps[i].oracle), r.Replace(steps[i].check)
	}
	return steps
}

// TestWrites runs INSERT ... SELECT, CREATE TABLE ... AS, DELETE, UPDATE and
// TRUNCATE against a plain and a bucketed table on 1 and 3 workers, and
// checks each effect against DuckDB doing the same.
func TestWrites(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			cl := startServe(t, workers, "")
			c := connect(t, cl.Addr)
			ctx, cancel := stmtCtx()
			defer cancel()
			o := openOracle(t, ctx, writesSetup()...)
			for _, s := range writesSetup() {
				c.MustExec(s)
			}
			tables := map[string]string{
				"plain":    "CREATE TABLE plain (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))",
				"bucketed": "CREATE TABLE bucketed (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2)) PARTITION BY HASH(id) PARTITIONS 4",
			}
			for _, tbl := range []string{"plain", "bucketed"} {
				c.MustExec(tables[tbl])
				if _, err := o.conn.ExecContext(ctx, "CREATE TABLE "+tbl+" (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))"); err != nil {
					t.Fatalf("oracle: %v", err)
				}
				for _, s := range writeSteps(tbl) {
					runWriteStep(t, c, o, s)
				}
			}
		})
	}
}

func runWriteStep(t *testing.T, c *client, o *oracle, s writeStep) {
	t.Helper()
	ctx, cancel := stmtCtx()
	defer cancel()
	osql := s.oracle
	if osql == "" {
		osql = s.sql
	}
	want := s.affected
	if s.affected == oracleChanged { // MySQL's changed rows: count them before DuckDB updates
		want = changedRows(t, o, s.sql)
	}
	res, err := o.conn.ExecContext(ctx, osql)
	if err != nil {
		t.Fatalf("oracle: %s: %v", osql, err)
	}
	switch want {
	case oracleAffected:
		if want, err = res.RowsAffected(); err != nil {
			t.Fatalf("oracle: rows affected of %s: %v", osql, err)
		}
	case oracleCreated:
		if err := o.conn.QueryRowContext(ctx, "SELECT count(*) FROM ("+s.check+")").Scan(&want); err != nil {
			t.Fatalf("oracle: rows of %s: %v", s.check, err)
		}
	}
	n, err := c.Exec(s.sql)
	if err != nil {
		t.Fatalf("quiver: %s: %v", s.sql, err)
	}
	checkAffected(t, s.sql, n, want)
	checkQuery(t, c, o, queryCase{sql: s.check})
}

// changedRows counts, on the oracle, the rows an UPDATE changes: those its
// WHERE matches whose assigned columns differ from what they hold (the
// steps' UPDATEs assign from old values only, so the order of SET does not
// matter).
func changedRows(t *testing.T, o *oracle, update string) int64 {
	t.Helper()
	rest := strings.TrimPrefix(update, "UPDATE ")
	tbl, rest, _ := strings.Cut(rest, " SET ")
	set, where := rest, ""
	if i := strings.LastIndex(rest, " WHERE "); i >= 0 && !strings.Contains(rest[i:], ")") {
		set, where = rest[:i], rest[i+len(" WHERE "):]
	}
	var differs []string
	for _, a := range splitAssignments(set) {
		col, expr, _ := strings.Cut(a, " = ")
		differs = append(differs, fmt.Sprintf("(%s) IS DISTINCT FROM %s", expr, col))
	}
	cond := "(" + strings.Join(differs, " OR ") + ")"
	if where != "" {
		cond = "(" + where + ") AND " + cond
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	var n int64
	q := "SELECT count(*) FROM " + tbl + " WHERE " + cond
	if err := o.conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
		t.Fatalf("oracle: %s: %v", q, err)
	}
	return n
}

// splitAssignments splits a SET list at the commas outside parentheses.
func splitAssignments(set string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range set {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(set[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(set[start:]))
}

// TestWritesAtomic: a write whose query fails midway (an overflow in some
// rows, on some workers, after others wrote their files) leaves the table
// as it was and no file behind; so does a CREATE TABLE ... AS.
func TestWritesAtomic(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 3, "")
	c := connect(t, cl.Addr)
	for _, s := range writesSetup() {
		c.MustExec(s)
	}
	for _, tbl := range []string{"plain", "bucketed"} {
		ddl := "CREATE TABLE " + tbl + " (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))"
		if tbl == "bucketed" {
			ddl += " PARTITION BY HASH(id) PARTITIONS 4"
		}
		c.MustExec(ddl)
		c.MustExec("INSERT INTO " + tbl + " SELECT * FROM src")
		before := c.MustQuery("SELECT * FROM " + tbl + " ORDER BY id")
		files := tableFiles(t, cl.DataDir)
		// id * 2^62 overflows BIGINT from id = 2 on: most rows pass, some fail.
		for _, bad := range []string{
			"INSERT INTO " + tbl + " SELECT id * 4611686018427387904, g, note, d FROM src",
			"DELETE FROM " + tbl + " WHERE abs(id * 4611686018427387904) > 0",
			"UPDATE " + tbl + " SET id = id * 4611686018427387904 WHERE g > 2",
			"CREATE TABLE broken_" + tbl + " AS SELECT id * 4611686018427387904 AS x FROM src",
		} {
			if _, err := c.Exec(bad); err == nil {
				t.Errorf("%s: succeeded, want an overflow error", bad)
				continue
			}
			after := c.MustQuery("SELECT * FROM " + tbl + " ORDER BY id")
			if d := diffResults(after, before, true); d != "" {
				t.Errorf("%s failed and changed %s:\n%s", bad, tbl, d)
			}
			if got := tableFiles(t, cl.DataDir); len(got) != len(files) {
				t.Errorf("%s failed and left %d files, %d before: %v", bad, len(got), len(files), got)
			}
		}
		if _, err := c.Query("SELECT * FROM broken_" + tbl); grpcCode(err) != codes.NotFound {
			t.Errorf("a failed CREATE TABLE ... AS left its table: %v", err)
		}
	}
}

// tableFiles are the data files under the data directory's tables/ that
// could be part of a table: not the hidden temporary file of a write task
// that was stopped mid-file, which its worker removes as the task ends (a
// failed statement may answer before its cancelled tasks have ended) and
// which is never visible as a table file (CollectOrphans removes any left
// by a crash).
func tableFiles(t testing.TB, dataDir string) []string {
	var out []string
	for _, f := range dataFiles(t, dataDir) {
		if strings.HasSuffix(f, ".parquet") {
			out = append(out, f)
		}
	}
	return out
}

// TestWritesInTransaction: INSERT ... SELECT, CREATE TABLE ... AS, DELETE,
// UPDATE and TRUNCATE in a transaction are seen by it alone until commit,
// vanish at rollback, and a rewrite of files another statement rewrote
// meanwhile fails the commit with a conflict instead of losing its rows.
func TestWritesInTransaction(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	other := connect(t, cl.Addr)
	for _, s := range writesSetup() {
		other.MustExec(s)
	}
	other.MustExec("CREATE TABLE w (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))")
	other.MustExec("INSERT INTO w SELECT * FROM src WHERE id <= 100")

	c := connect(t, cl.Addr)
	c.setAutocommit(false)
	checkAffected(t, "insert select", c.MustExec("INSERT INTO w SELECT * FROM src WHERE id > 100"), 200)
	checkAffected(t, "delete", c.MustExec("DELETE FROM w WHERE g = 0"), 42)
	checkAffected(t, "update", c.MustExec("UPDATE w SET note = 'tx' WHERE id > 250"), 50-7)
	checkAffected(t, "ctas", c.MustExec("CREATE TABLE wsum AS SELECT g, count(*) AS n FROM w GROUP BY g"), 6)
	if n := c.mustCount("w"); n != 258 {
		t.Errorf("the transaction sees %d rows of w, want 258", n)
	}
	if n := other.mustCount("w"); n != 100 {
		t.Errorf("another connection sees %d rows before commit, want 100", n)
	}
	if _, err := other.Query("SELECT * FROM wsum"); grpcCode(err) != codes.NotFound {
		t.Errorf("another connection sees the transaction's new table: %v", err)
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	if err := c.cnxn.Commit(ctx); err != nil {
		t.Fatalf("commit: %v", err)
	}
	if n := other.mustCount("w"); n != 258 {
		t.Errorf("after commit another connection sees %d rows, want 258", n)
	}
	if got := other.MustQuery("SELECT count(*) FROM w WHERE note = 'tx'").rows[0][0].text; got != "43" {
		t.Errorf("after commit %s rows hold the update, want 43", got)
	}
	if got := other.MustQuery("SELECT sum(n) FROM wsum").rows[0][0].text; got != "258" {
		t.Errorf("the new table counts %s rows, want 258", got)
	}

	files := dataFiles(t, cl.DataDir)
	c.MustExec("TRUNCATE TABLE w")
	c.MustExec("INSERT INTO w SELECT * FROM src WHERE id <= 3")
	c.MustExec("UPDATE w SET g = 99")
	if n := c.mustCount("w"); n != 3 {
		t.Errorf("after truncate and insert the transaction sees %d rows, want 3", n)
	}
	if err := c.cnxn.Rollback(ctx); err != nil {
		t.Fatalf("rollback: %v", err)
	}
	if n := other.mustCount("w"); n != 258 {
		t.Errorf("after rollback another connection sees %d rows, want 258", n)
	}
	if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
		t.Errorf("rollback left files: %d before, %d after", len(files), len(got))
	}

	// Two writers rewrite the same files: the second to commit conflicts.
	c.MustExec("DELETE FROM w WHERE g = 1")
	checkAffected(t, "concurrent delete", other.MustExec("DELETE FROM w WHERE g = 2"), 43)
	if err := c.cnxn.Commit(ctx); grpcCode(err) != codes.Aborted {
		t.Errorf("commit after a concurrent rewrite: %v, want ABORTED", err)
	}
	if n := other.mustCount("w"); n != 258-43 {
		t.Errorf("after the conflict w has %d rows, want %d", n, 258-43)
	}
}

// TestRenameAndIndex: RENAME TABLE and ALTER TABLE ... RENAME TO move a
// table with its rows; CREATE INDEX is accepted and changes nothing, CREATE
// UNIQUE INDEX is refused.
func TestRenameAndIndex(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE r1 (a INT)")
	c.MustExec("INSERT INTO r1 VALUES (1), (2)")
	c.MustExec("RENAME TABLE r1 TO r2")
	c.MustExec("CREATE DATABASE other")
	c.MustExec("ALTER TABLE r2 RENAME TO other.r3")
	if n := c.mustCount("other.r3"); n != 2 {
		t.Errorf("the renamed table has %d rows, want 2", n)
	}
	if _, err := c.Query("SELECT * FROM r1"); grpcCode(err) != codes.NotFound {
		t.Errorf("the old name still answers: %v", err)
	}
	c.MustExec("INSERT INTO other.r3 VALUES (3)")
	c.MustExec("CREATE INDEX i ON other.r3 (a)")
	if n := c.mustCount("other.r3"); n != 3 {
		t.Errorf("the renamed table has %d rows after an insert, want 3", n)
	}
	if _, err := c.Exec("CREATE UNIQUE INDEX u ON other.r3 (a)"); err == nil || !strings.Contains(err.Error(), "cannot enforce uniqueness") {
		t.Errorf("CREATE UNIQUE INDEX: %v, want a refusal", err)
	}
	if _, err := c.Exec("CREATE INDEX i ON other.r3 (nope)"); grpcCode(err) != codes.NotFound {
		t.Errorf("CREATE INDEX of an unknown column: %v, want NOT_FOUND", err)
	}
}

// TestWritesPruneFiles: a DELETE or UPDATE rewrites only the files whose
// min / max statistics let a row match; the others stay as they were.
func TestWritesPruneFiles(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE pr (id BIGINT, s VARCHAR(10))")
	for lo := 0; lo < 30; lo += 10 {
		var rows []string
		for i := lo + 1; i <= lo+10; i++ {
			rows = append(rows, fmt.Sprintf("(%d, 's%d')", i, i))
		}
		c.MustExec("INSERT INTO pr VALUES " + strings.Join(rows, ", "))
	}
	before := tableFiles(t, cl.DataDir)
	checkAffected(t, "delete", c.MustExec("DELETE FROM pr WHERE id = 15"), 1)
	checkAffected(t, "update", c.MustExec("UPDATE pr SET s = 'new' WHERE id >= 28 AND s <> 'x'"), 3)
	after := tableFiles(t, cl.DataDir)
	kept := 0
	for _, f := range before {
		for _, g := range after {
			if f == g {
				kept++
			}
		}
	}
	if kept != 1 || len(after) != 3 {
		t.Errorf("files before %v, after %v: want the first file kept and two rewritten", before, after)
	}
	if got := queryText(t, c, "SELECT count(*), sum(id), sum(CASE WHEN s = 'new' THEN 1 ELSE 0 END) FROM pr"); got != "29,450,3" {
		t.Errorf("after the writes: %s, want 29,450,3", got)
	}

	// Strings and dates rule files out too.
	c.MustExec("CREATE TABLE pd (k VARCHAR(10), d DATE)")
	for _, v := range []string{"('apple', '2024-01-05'), ('avocado', '2024-01-20')", "('mango', '2024-02-05'), ('melon', '2024-02-20')", "('xigua', '2024-03-05'), ('yam', '2024-03-20')"} {
		c.MustExec("INSERT INTO pd VALUES " + v)
	}
	before = tableFiles(t, cl.DataDir)
	checkAffected(t, "delete by string", c.MustExec("DELETE FROM pd WHERE k >= 'm' AND k < 'n' AND k <> 'mango'"), 1)
	checkAffected(t, "update by date", c.MustExec("UPDATE pd SET k = 'zz' WHERE d < DATE '2024-01-10'"), 1)
	after = tableFiles(t, cl.DataDir)
	kept = 0
	for _, f := range before {
		if slices.Contains(after, f) {
			kept++
		}
	}
	if kept != len(before)-2 || len(after) != len(before) {
		t.Errorf("files before %v, after %v: want all but pd's first two kept", before, after)
	}
	if got := queryText(t, c, "SELECT group_concat(k ORDER BY d) FROM pd"); got != "'zz,avocado,mango,xigua,yam'" {
		t.Errorf("pd after the writes: %s", got)
	}
}

// int64Params is a batch of one BIGINT parameter column.
func int64Params(mem memory.Allocator, values ...int64) arrow.RecordBatch {
	b := array.NewInt64Builder(mem)
	defer b.Release()
	b.AppendValues(values, nil)
	col := b.NewArray()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "$1", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
	return array.NewRecordBatch(schema, []arrow.Array{col}, int64(len(values)))
}

// TestWritesPrepared: the writes run as prepared statements with bound
// parameters; INSERT ... SELECT bound with several rows is refused, never
// half done.
func TestWritesPrepared(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	for _, s := range writesSetup() {
		c.MustExec(s)
	}
	c.MustExec("CREATE TABLE pw (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2))")
	one := int64Params(mem, 100)
	defer one.Release()
	for _, step := range []struct {
		sql  string
		want int64
	}{
		{"INSERT INTO pw SELECT * FROM src WHERE id <= ?", 100},
		{"DELETE FROM pw WHERE id > ? - 10", 10},
		{"UPDATE pw SET note = 'p' WHERE id < ? - 95", 4},
	} {
		n, err := c.PreparedUpdate(step.sql, one)
		if err != nil {
			t.Fatalf("%s: %v", step.sql, err)
		}
		checkAffected(t, step.sql, n, step.want)
	}
	two := int64Params(mem, 1, 2)
	defer two.Release()
	if _, err := c.PreparedUpdate("INSERT INTO pw SELECT * FROM src WHERE id = ?", two); err == nil {
		t.Errorf("INSERT ... SELECT bound with two rows succeeded, want a refusal")
	}
	if got := queryText(t, c, "SELECT count(*), count(CASE WHEN note = 'p' THEN 1 END) FROM pw"); got != "90,4" {
		t.Errorf("after the prepared writes: %s, want 90,4", got)
	}
}

// TestWritesUpsert runs REPLACE and INSERT ... ON DUPLICATE KEY UPDATE on
// a plain and a bucketed table with a primary key, on 1 and 3 workers, each
// checked against DuckDB's INSERT OR REPLACE and ON CONFLICT DO UPDATE, with
// MySQL's rows affected (REPLACE: each new row plus each old row replaced;
// ODKU: 1 per insert, 2 per changed row); then the refusals, which leave the
// table as it was.
func TestWritesUpsert(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			cl := startServe(t, workers, "")
			c := connect(t, cl.Addr)
			ctx, cancel := stmtCtx()
			defer cancel()
			o := openOracle(t, ctx, writesSetup()...)
			for _, s := range writesSetup() {
				c.MustExec(s)
			}
			for _, tbl := range []string{"kplain", "kbucketed"} {
				ddl := "CREATE TABLE " + tbl + " (id BIGINT, g INT, note VARCHAR(20), d DECIMAL(10,2), PRIMARY KEY (id))"
				if _, err := o.conn.ExecContext(ctx, ddl); err != nil {
					t.Fatalf("oracle: %v", err)
				}
				if tbl == "kbucketed" {
					ddl += " PARTITION BY HASH(id) PARTITIONS 4"
				}
				c.MustExec(ddl)
				r := strings.NewReplacer("$t", tbl)
				for _, s := range []writeStep{
					{sql: "INSERT INTO $t SELECT id, g, note, d FROM src WHERE id <= 100", affected: 100, check: "SELECT * FROM $t"},
					// 20 new rows replace old ones, 10 are new: 30 + 20.
					{sql: "REPLACE INTO $t SELECT id, g + 10, 'r', d FROM src WHERE id > 80 AND id <= 110",
						oracle:   "INSERT OR REPLACE INTO $t SELECT id, g + 10, 'r', d FROM src WHERE id > 80 AND id <= 110",
						affected: 50, check: "SELECT * FROM $t"},
					{sql: "REPLACE INTO $t (id, note) VALUES (1, 'one'), (500, 'new')",
						// DuckDB's INSERT OR REPLACE keeps the columns left out; MySQL's
						// REPLACE makes a new row, NULL in them.
						oracle: "DELETE FROM $t WHERE id IN (1, 500); INSERT INTO $t (id, note) VALUES (1, 'one'), (500, 'new')", affected: 3, check: "SELECT * FROM $t"},
					// 40 rows match (id 71..110), of which those with g + 1 <> g or
					// a note change count 2 each; id 111..120 are inserted.
					{sql: "INSERT INTO $t SELECT id, 1, 'dup', d FROM src WHERE id > 70 AND id <= 120 ON DUPLICATE KEY UPDATE g = g + VALUES(g), note = VALUES(note)",
						oracle:   "INSERT INTO $t SELECT id, 1, 'dup', d FROM src WHERE id > 70 AND id <= 120 ON CONFLICT (id) DO UPDATE SET g = g + EXCLUDED.g, note = EXCLUDED.note",
						affected: 2*40 + 10, check: "SELECT * FROM $t"},
					// Rows set to what they hold are not affected.
					{sql: "INSERT INTO $t (id, g) VALUES (2, 0) ON DUPLICATE KEY UPDATE g = g",
						oracle: "SELECT 1", affected: 0, check: "SELECT * FROM $t"},
					// Subqueries in the assignments, one correlated to the old row:
					// ids 116..120 (g = 1, 'dup') take g = 43 (the rows of src with
					// g = 1) and note = 'n99'; 121..125 are inserted. The key may be
					// set to itself.
					{sql: "INSERT INTO $t SELECT id, g, note, d FROM src WHERE id > 115 AND id <= 125 ON DUPLICATE KEY UPDATE id = VALUES(id), " +
						"g = (SELECT count(*) FROM src AS s WHERE s.g = $t.g), note = (SELECT max(note) FROM src)",
						oracle: "UPDATE $t SET g = (SELECT count(*) FROM src AS s WHERE s.g = $t.g), note = (SELECT max(note) FROM src) WHERE id > 115 AND id <= 125; " +
							"INSERT INTO $t SELECT id, g, note, d FROM src WHERE id > 120 AND id <= 125",
						affected: 2*5 + 5, check: "SELECT * FROM $t"},
					// MySQL 8.0.19's row alias: new.c is the new row's c, and
					// a column alias of its own names it alone. ids 1 and 2
					// are updated (2 each), 900 is inserted (1).
					{sql: "INSERT INTO $t VALUES (1, 5, 'x', 1.50), (2, 6, 'y', 2.50), (900, 7, 'z', 3.50) AS new ON DUPLICATE KEY UPDATE g = $t.g + new.g, note = concat(note, new.note), id = new.id",
						oracle:   "INSERT INTO $t VALUES (1, 5, 'x', 1.50), (2, 6, 'y', 2.50), (900, 7, 'z', 3.50) ON CONFLICT (id) DO UPDATE SET g = $t.g + EXCLUDED.g, note = concat(note, EXCLUDED.note)",
						affected: 2*2 + 1, check: "SELECT * FROM $t"},
					{sql: "INSERT INTO $t (id, d) VALUES (900, 9.25), (901, 1.00) AS fresh(i, dd) ON DUPLICATE KEY UPDATE d = dd + d, g = i",
						oracle:   "INSERT INTO $t (id, d) VALUES (900, 9.25), (901, 1.00) ON CONFLICT (id) DO UPDATE SET d = EXCLUDED.d + d, g = EXCLUDED.id",
						affected: 2 + 1, check: "SELECT * FROM $t"},
					{sql: "INSERT INTO $t SET id = 901, note = 'set' AS new ON DUPLICATE KEY UPDATE note = new.note",
						oracle:   "INSERT INTO $t (id, note) VALUES (901, 'set') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note",
						affected: 2, check: "SELECT * FROM $t"},
				} {
					s.sql, s.oracle, s.check = r.Replace(s.sql), r.Replace(s.oracle), r.Replace(s.check)
					runWriteStep(t, c, o, s)
				}
				before := c.MustQuery("SELECT * FROM " + tbl + " ORDER BY id")
				// Moving a row to another key is refused, the table unchanged.
				moveKey := "INSERT INTO " + tbl + " VALUES (1, 1, 'a', 1) ON DUPLICATE KEY UPDATE id = id + 1000"
				if _, err := c.Exec(moveKey); grpcCode(err) != codes.InvalidArgument || !strings.Contains(err.Error(), "primary key column id") {
					t.Errorf("%s: %v, want INVALID_ARGUMENT (UNSUPPORTED) naming the key column", moveKey, err)
				}
				for _, bad := range []struct{ sql, msg string }{
					{"REPLACE INTO " + tbl + " VALUES (1, 1, 'a', 1), (1, 2, 'b', 2)", "same primary key"},
					{"INSERT INTO " + tbl + " SELECT g, g, note, d FROM src ON DUPLICATE KEY UPDATE note = 'x'", "same primary key"},
					{"INSERT INTO " + tbl + " SELECT CASE WHEN id = 7 THEN NULL ELSE id + 1000 END, g, note, d FROM src", "column id cannot be NULL"},
					{"REPLACE INTO " + tbl + " SELECT NULLIF(id, 7), g, note, d FROM src", "column id cannot be NULL"},
					{"REPLACE INTO src VALUES (1, 1, 'a', 1)", "no PRIMARY KEY"},
				} {
					_, err := c.Exec(bad.sql)
					if grpcCode(err) != codes.InvalidArgument || !strings.Contains(err.Error(), bad.msg) {
						t.Errorf("%s: %v, want INVALID_ARGUMENT with %q", bad.sql, err, bad.msg)
					}
					if d := diffResults(c.MustQuery("SELECT * FROM "+tbl+" ORDER BY id"), before, true); d != "" {
						t.Errorf("%s failed and changed %s:\n%s", bad.sql, tbl, d)
					}
				}
			}
		})
	}
}
