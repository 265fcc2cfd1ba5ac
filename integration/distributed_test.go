package integration

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestDistributedJoins runs on a coordinator with three worker processes.
// A join of two tables of about the same size above the broadcast
// threshold (where broadcasting would move more bytes) shuffles both sides
// and runs tasks on every worker; the same join of tables bucketed on the
// join key (PARTITION BY HASH) moves no row: EXPLAIN shows no exchange below
// the join and EXPLAIN ANALYZE shows its tasks receiving nothing. Both give
// the answer computed here from the rows loaded.
func TestDistributedJoins(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	co := startProc(t, "coordinator", "coordinator", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--broadcast-rows", "50")
	cl := &Cluster{Addr: co.WaitReady(t), DataDir: dataDir, Coordinator: co}
	for i := 0; i < 3; i++ {
		cl.addWorker(t)
	}
	c := connect(t, cl.Addr)

	const factRows, keys = 3000, 3000
	mem := memory.NewGoAllocator()
	fact, dim := joinTables(mem, factRows, keys)
	defer releaseAll(fact)
	defer releaseAll(dim)
	want := map[string]int64{}
	for i := 0; i < factRows; i++ {
		want[fmt.Sprintf("name%d", (i%keys)%37)] += int64(i)
	}

	checkAnswer := func(t *testing.T, res *result) {
		t.Helper()
		if len(res.rows) != len(want) {
			t.Fatalf("%d groups, want %d", len(res.rows), len(want))
		}
		for _, row := range res.rows {
			name := strings.Trim(row[0].text, "'") // cells quote strings
			if got := row[1].text; got != fmt.Sprint(want[name]) {
				t.Errorf("group %s: sum %s, want %d", name, got, want[name])
			}
		}
	}
	const join = "SELECT name, sum(v) FROM %[1]s JOIN %[2]s ON %[1]s.k = %[2]s.k GROUP BY name"

	t.Run("shuffle", func(t *testing.T) {
		ingest(t, c, "fact", fact)
		ingest(t, c, "dim", dim)
		sql := fmt.Sprintf(join, "fact", "dim")
		plan := explainLines(t, c, "EXPLAIN "+sql)
		if !slices.ContainsFunc(plan, func(l string) bool { return strings.Contains(l, "InnerJoin (shuffle)") }) {
			t.Fatalf("join above the broadcast threshold is not shuffled:\n%s", strings.Join(plan, "\n"))
		}
		qid, _ := runForQueryID(t, cl, sql, checkAnswer)
		lines := waitTaskLines(t, cl, qid, func(ls []LogLine) bool { return len(workersOf(ls)) == 3 })
		if ws := workersOf(lines); len(ws) != 3 {
			t.Fatalf("tasks of the shuffle join ran on %v, want all 3 workers", ws)
		}
	})

	t.Run("colocated", func(t *testing.T) {
		c.MustExec("CREATE TABLE fact_b (k INT, v BIGINT) PARTITION BY HASH(k) PARTITIONS 3")
		c.MustExec("CREATE TABLE dim_b (k INT, name VARCHAR(20)) PARTITION BY HASH(k) PARTITIONS 3")
		ingestMode(t, c, "fact_b", fact, adbc.OptionValueIngestModeAppend)
		ingestMode(t, c, "dim_b", dim, adbc.OptionValueIngestModeAppend)
		sql := fmt.Sprintf(join, "fact_b", "dim_b")
		runForQueryID(t, cl, sql, checkAnswer)

		lines := explainLines(t, c, "EXPLAIN ANALYZE "+sql)
		at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "InnerJoin") })
		if at < 0 {
			t.Fatalf("no join in:\n%s", strings.Join(lines, "\n"))
		}
		for _, l := range lines[at+1:] {
			if strings.Contains(l, "Exchange") || strings.Contains(l, "<- stage") {
				t.Fatalf("the colocated join reads an exchange:\n%s", strings.Join(lines, "\n"))
			}
		}
		// The tasks of the join's stage, listed under its root line (the
		// join's or one above it): every one received no rows.
		stage := at
		for stage >= 0 && !strings.Contains(lines[stage], "<- stage") {
			stage--
		}
		tasks := 0
		for _, l := range lines[stage+1:] {
			if strings.Contains(l, "| task ") {
				tasks++
				if !strings.Contains(l, "rows in=0 ") {
					t.Errorf("a task of the colocated join received rows: %s", l)
				}
			}
		}
		if tasks != 3 {
			t.Errorf("the colocated join ran %d tasks, want one per bucket (3):\n%s", tasks, strings.Join(lines, "\n"))
		}
	})
}

// joinTables makes fact(k, v) with factRows rows (k = i mod keys, v = i)
// and dim(k, name) with one row per key, in three batches each.
func joinTables(mem memory.Allocator, factRows, keys int) (fact, dim []arrow.RecordBatch) {
	factSchema := arrow.NewSchema([]arrow.Field{
		{Name: "k", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "v", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
	dimSchema := arrow.NewSchema([]arrow.Field{
		{Name: "k", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
	for part := 0; part < 3; part++ {
		fb := array.NewRecordBuilder(mem, factSchema)
		for i := part; i < factRows; i += 3 {
			fb.Field(0).(*array.Int32Builder).Append(int32(i % keys))
			fb.Field(1).(*array.Int64Builder).Append(int64(i))
		}
		fact = append(fact, fb.NewRecordBatch())
		fb.Release()
		db := array.NewRecordBuilder(mem, dimSchema)
		for k := part; k < keys; k += 3 {
			db.Field(0).(*array.Int32Builder).Append(int32(k))
			db.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("name%d", k%37))
		}
		dim = append(dim, db.NewRecordBatch())
		db.Release()
	}
	return fact, dim
}

func releaseAll(recs []arrow.RecordBatch) {
	for _, r := range recs {
		r.Release()
	}
}

func ingest(t *testing.T, c *client, table string, batches []arrow.RecordBatch) {
	t.Helper()
	ingestMode(t, c, table, batches, adbc.OptionValueIngestModeCreate)
}

func ingestMode(t *testing.T, c *client, table string, batches []arrow.RecordBatch, mode string) {
	t.Helper()
	if _, err := c.Ingest(table, mode, batches); err != nil {
		t.Fatalf("ingest %s: %v", table, err)
	}
}

func explainLines(t *testing.T, c *client, sql string) []string {
	t.Helper()
	res := c.MustQuery(sql)
	lines := make([]string, len(res.rows))
	for i, r := range res.rows {
		lines[i] = r[0].text
	}
	return lines
}

// runForQueryID runs sql through GetFlightInfo and DoGet, hands the rows to
// check, and returns the query id from the FlightInfo.
func runForQueryID(t *testing.T, cl *Cluster, sql string, check func(*testing.T, *result)) (string, *result) {
	t.Helper()
	fs := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.Execute(ctx, sql)
	if err != nil {
		t.Fatalf("GetFlightInfo %s: %v", sql, err)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	res, err := drainInfo(info, cl.Addr, mem)
	if err != nil {
		t.Fatalf("DoGet %s: %v", sql, err)
	}
	check(t, res)
	return string(info.AppMetadata), res
}

func workersOf(lines []LogLine) []string {
	var ws []string
	for _, l := range lines {
		if w := l.Str("worker"); !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	return ws
}
