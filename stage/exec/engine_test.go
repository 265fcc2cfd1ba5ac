package exec_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// TestEngineSettings: the DuckDB a task runs on has the worker's
// memory_limit, threads and temp_directory, and the database-wide setup
// (duck.DatabaseSetup: UTC whatever the machine's zone, the optimizer that
// scans an input twice off) on every task's connection.
func TestEngineSettings(t *testing.T) {
	t.Setenv("TZ", "America/New_York")
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-settings")
	schema := schemaSpec("threads", "int64", "memory_limit", "utf8", "temp_directory", "utf8", "zone", "utf8", "disabled", "utf8")
	if _, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT
			CAST(current_setting('threads') AS BIGINT), current_setting('memory_limit'), current_setting('temp_directory'),
			current_setting('TimeZone'), current_setting('disabled_optimizers')`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema})); err != nil {
		t.Fatal(err)
	}
	rows, err := readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), mustArrow(t, schema), func(rec arrow.RecordBatch, i int) {
		threads := rec.Column(0).(*array.Int64).Value(i)
		mem := rec.Column(1).(*array.String).Value(i)
		tmp := rec.Column(2).(*array.String).Value(i)
		if zone := rec.Column(3).(*array.String).Value(i); zone != "UTC" {
			t.Errorf("TimeZone = %q, want UTC", zone)
		}
		if disabled := rec.Column(4).(*array.String).Value(i); !strings.Contains(disabled, "window_self_join") {
			t.Errorf("disabled_optimizers = %q", disabled)
		}
		if threads != 2 {
			t.Errorf("threads = %d", threads)
		}
		if !strings.Contains(mem, "MiB") && !strings.Contains(mem, "MB") {
			t.Errorf("memory_limit = %q", mem)
		}
		if !strings.HasPrefix(tmp, c.dataDir+"/tmp/") {
			t.Errorf("temp_directory = %q, want under %s/tmp", tmp, c.dataDir)
		}
		t.Logf("threads=%d memory_limit=%s temp_directory=%s", threads, mem, tmp)
	})
	if err != nil || rows != 1 {
		t.Fatalf("%d rows, %v", rows, err)
	}
}

// TestTimestampTZResult: DuckDB works in UTC, and a TIMESTAMPTZ result
// comes out with the zone the plan promised (the catalog's "UTC"), not
// whatever DuckDB names its own.
func TestTimestampTZResult(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-tz")
	schema := schemaSpec("ts", "timestamptz_us", "zone", "utf8", "hour", "int64")
	if _, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT TIMESTAMPTZ '2020-01-01 12:00:00+02', current_setting('TimeZone'),
			CAST(hour(TIMESTAMPTZ '2020-01-01 12:00:00+02') AS BIGINT)`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema})); err != nil {
		t.Fatal(err)
	}
	want := mustArrow(t, schema)
	rows, err := readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), want, func(rec arrow.RecordBatch, i int) {
		ts := rec.Column(0).(*array.Timestamp).Value(i).ToTime(arrow.Microsecond)
		if w := time.Date(2020, 1, 1, 10, 0, 0, 0, time.UTC); !ts.Equal(w) {
			t.Errorf("ts = %s, want %s", ts, w)
		}
		if z := rec.Column(1).(*array.String).Value(i); z != "UTC" {
			t.Errorf("TimeZone = %q, want UTC", z)
		}
		if h := rec.Column(2).(*array.Int64).Value(i); h != 10 {
			t.Errorf("hour = %d, want 10 (in UTC)", h)
		}
	})
	if err != nil || rows != 1 {
		t.Fatalf("%d rows, %v", rows, err)
	}
}

// TestUserErrorWithoutSQL: a conversion error DuckDB raises on the data is
// the user's (INVALID) and does not carry the rendered fragment's text.
func TestUserErrorWithoutSQL(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-conversion")
	schema := schemaSpec("v", "int64")
	_, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT CAST(s AS BIGINT) FROM (SELECT 'hello' AS s) AS t`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema}))
	if err == nil {
		_, err = readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), mustArrow(t, schema), func(arrow.RecordBatch, int) {})
	}
	if err == nil {
		t.Fatal("a conversion error was not reported")
	}
	if !strings.Contains(err.Error(), "Conversion Error") || strings.Contains(err.Error(), "SELECT") {
		t.Fatalf("want DuckDB's message without the statement, got %v", err)
	}
	if !qerr.Has(err, qerr.ErrInvalid) {
		t.Fatalf("want a user error, got %v", err)
	}
}

// TestTempLimit: a query that must spill more than the worker's temp
// limit (DuckDB's max_temp_directory_size) fails with RESOURCE_EXHAUSTED
// instead of filling the disk; without the limit the same query spills
// and succeeds.
func TestTempLimit(t *testing.T) {
	const sort = "SELECT count(*) FROM (SELECT md5(CAST(i AS VARCHAR)) || md5(CAST(-i AS VARCHAR)) AS h FROM range(2000000) AS r(i) ORDER BY h OFFSET 1)"
	// "N bytes" is how the worker passes --worker-disk-limit.
	for _, limit := range []string{"", "1MB", "1000000 bytes"} {
		e, err := exec.OpenEngine(exec.EngineConfig{MemoryLimit: "64MB", Threads: 1, TempDir: t.TempDir(), TempLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		err = exec.ExecSQL(context.Background(), e, sort)
		_ = e.Close()
		switch {
		case limit == "" && err != nil:
			t.Fatalf("a spill without a temp limit: %v", err)
		case limit != "" && !qerr.Has(err, qerr.ErrTooLarge):
			t.Fatalf("a spill past the temp limit %s: %v, want RESOURCE_EXHAUSTED", limit, err)
		case limit != "" && !strings.Contains(err.Error(), "--worker-disk-limit"):
			t.Errorf("a spill past the temp limit %s: %v, want the message to name the worker's disk limit", limit, err)
		}
	}
	if _, err := exec.OpenEngine(exec.EngineConfig{TempLimit: "lots"}); !qerr.Has(err, qerr.ErrInvalid) {
		t.Fatalf("temp limit \"lots\": %v, want INVALID_ARGUMENT", err)
	}
}

// TestEngineTempFiles: DuckDB's temp files left by a process that died are
// removed when the engine opens (they would count against the disk
// limits), other files stay, and TempBytes measures what a spilling query
// writes.
func TestEngineTempFiles(t *testing.T) {
	dir := t.TempDir()
	stale, other := filepath.Join(dir, "duckdb_temp_storage_S32K-0.tmp"), filepath.Join(dir, "keep")
	for _, f := range []string{stale, other} {
		if err := os.WriteFile(f, make([]byte, 4096), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e, err := exec.OpenEngine(exec.EngineConfig{MemoryLimit: "64MB", Threads: 1, TempDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale DuckDB temp file still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is not DuckDB's was removed: %v", err)
	}
	if n := e.TempBytes(); n != 0 {
		t.Errorf("TempBytes %d before any spill", n)
	}
	// A sort past the memory limit spills its runs to the temp files.
	ctx := context.Background()
	var peak int64
	done := make(chan error, 1)
	go func() {
		done <- exec.ExecSQL(ctx, e, "SELECT count(*) FROM (SELECT md5(CAST(i AS VARCHAR)) || md5(CAST(-i AS VARCHAR)) AS h FROM range(2000000) AS r(i) ORDER BY h OFFSET 1)")
	}()
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			running = false
		case <-time.After(10 * time.Millisecond):
			peak = max(peak, e.TempBytes())
		}
	}
	if peak == 0 {
		t.Error("TempBytes saw no temp file while a sort spilled past a 64MB memory limit")
	}
}

// TestEngineMemoryShare: databases that share a process (quiver serve's
// workers) split DuckDB's default memory_limit between them instead of
// each taking all of it; a memory_limit given is kept as it is.
func TestEngineMemoryShare(t *testing.T) {
	ctx := context.Background()
	limit := func(cfg exec.EngineConfig) int64 {
		t.Helper()
		e, err := exec.OpenEngine(cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		n, err := e.MemoryLimit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	whole, half := limit(exec.EngineConfig{}), limit(exec.EngineConfig{MemoryShare: 2})
	if half < whole*45/100 || half > whole*55/100 {
		t.Errorf("memory_limit shared by 2: %d bytes, want half of the default %d", half, whole)
	}
	// DuckDB prints the setting to a tenth of a MiB.
	if got := limit(exec.EngineConfig{MemoryLimit: "300MB", MemoryShare: 2}); got < 299_900_000 || got > 300_100_000 {
		t.Errorf("memory_limit 300MB shared by 2: %d bytes, want 300 MB", got)
	}
}
