package integration

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
)

// TestDiskAndMemoryBudgets runs cross joins on a worker whose DuckDB has a
// small memory_limit and whose queries a small disk limit:
//
//   - a cross join grouped into 2.25 M groups answers, its hash aggregate
//     spilling within the limits;
//   - a cross join sorted by a sum (4e8 rows, gigabytes of sort runs)
//     fails RESOURCE_EXHAUSTED naming --query-disk-limit once DuckDB's temp
//     files pass it, instead of filling the disk, and its temp files are
//     removed;
//   - a query beside it, and the next query, answer;
//   - and through all of it, the worker's peak RSS (VmHWM) stays within a
//     generous bound of its budgets.
func TestDiskAndMemoryBudgets(t *testing.T) {
	t.Parallel()
	const diskLimit = 256 << 20
	cl := startClusterArgs(t, 1, nil, []string{"--memory-limit", "128MB", "--threads", "1",
		"--query-memory", strconv.Itoa(32 << 20), "--query-disk-limit", strconv.Itoa(diskLimit)})
	c := connect(t, cl.Addr)
	loadBig(t, c, "k", 20_000, 2)
	worker := cl.Workers[0]

	res := c.MustQuery("SELECT count(*) FROM (SELECT a.a, b.a AS c, count(*) AS n FROM k a CROSS JOIN k b WHERE a.a < 1500 AND b.a < 1500 GROUP BY a.a, b.a) g")
	if got := fmt.Sprint(res.rows[0][0]); got != "2250000" {
		t.Fatalf("groups of the cross join: %s, want 2250000", got)
	}

	// The sort fails alone: a query that runs beside it while it spills
	// answers.
	failed := make(chan error, 1)
	heavy := connect(t, cl.Addr)
	go func() {
		_, err := heavy.Query("SELECT a.a, b.a FROM k a CROSS JOIN k b ORDER BY a.b + b.b DESC")
		failed <- err
	}()
	var err error
	for spilling := false; !spilling; {
		select {
		case err = <-failed:
			spilling = true
		case <-time.After(50 * time.Millisecond):
			spilling = len(duckTempFiles(cl.DataDir)) > 0
		}
	}
	if got := fmt.Sprint(c.MustQuery("SELECT count(*) FROM k WHERE a % 7 = 3").rows[0][0]); got != "2857" {
		t.Fatalf("a count beside the spilling sort: %s, want 2857", got)
	}
	if err == nil {
		err = <-failed
	}
	if grpcCode(err) != codes.ResourceExhausted || !strings.Contains(err.Error(), "--query-disk-limit") {
		t.Fatalf("a sort of 4e8 rows under --query-disk-limit %d: %v, want RESOURCE_EXHAUSTED naming the limit", diskLimit, err)
	}
	for _, l := range worker.Find(func(l LogLine) bool { return l.Msg() == "query over its disk limit" }) {
		t.Logf("stopped at DuckDB temp %v bytes, spill %v bytes", l.Fields["duckdb_temp_bytes"], l.Fields["spill_bytes"])
	}

	deadline := time.Now().Add(60 * time.Second)
	for files := duckTempFiles(cl.DataDir); len(files) > 0; files = duckTempFiles(cl.DataDir) {
		if time.Now().After(deadline) {
			t.Fatalf("DuckDB temp files left after the query failed: %v", files)
		}
		time.Sleep(100 * time.Millisecond)
	}

	if got := fmt.Sprint(c.MustQuery("SELECT count(*) FROM k").rows[0][0]); got != "20000" {
		t.Fatalf("count after the failure: %s, want 20000", got)
	}

	// 128 MB of DuckDB memory, 32 MiB of exchange buffers, the Go runtime
	// and DuckDB's own overhead: a worker that grew past 1 GiB did not keep
	// to its budget.
	if hwm := peakRSSKiB(t, worker); hwm > 1<<20 {
		t.Errorf("worker peak RSS %d KiB, want under 1 GiB under --memory-limit 128MB", hwm)
	} else {
		t.Logf("worker peak RSS %d KiB", hwm)
	}
}

// duckTempFiles lists DuckDB's temp files under the data directory.
func duckTempFiles(dataDir string) []string {
	var out []string
	_ = filepath.WalkDir(filepath.Join(dataDir, "tmp"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), "duckdb_temp") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// peakRSSKiB is p's peak resident set size (VmHWM); the test skips where
// /proc does not tell it.
func peakRSSKiB(t *testing.T, p *Proc) int64 {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		t.Skipf("peak RSS of %s: %v", p.Name, err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			if err == nil {
				return n
			}
		}
	}
	t.Skipf("no VmHWM in /proc/%d/status", p.cmd.Process.Pid)
	return 0
}

// TestWorkerMemoryLimit: under --worker-memory-limit, a query that grows
// the worker's resident memory past the limit (a hash aggregate of a cross
// join: DuckDB's memory_limit, half the limit by default, does not bound
// all of DuckDB's memory) fails RESOURCE_EXHAUSTED naming the limit
// instead of growing the process, and the next query answers.
func TestWorkerMemoryLimit(t *testing.T) {
	t.Parallel()
	const limit = 200 << 20
	cl := startClusterArgs(t, 1, nil, []string{"--worker-memory-limit", strconv.Itoa(limit), "--threads", "2"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "k", 20_000, 2)
	_, err := c.Query("SELECT count(*), sum(n) FROM (SELECT a.a, b.a AS c, a.b + b.b AS d, count(*) AS n FROM k a CROSS JOIN k b WHERE a.a < 4000 GROUP BY a.a, b.a, a.b + b.b) g")
	if grpcCode(err) != codes.ResourceExhausted || !strings.Contains(err.Error(), "--worker-memory-limit") {
		t.Fatalf("an aggregate of 8e7 groups under --worker-memory-limit %d: %v, want RESOURCE_EXHAUSTED naming the limit", limit, err)
	}
	if hwm := peakRSSKiB(t, cl.Workers[0]); hwm > 2*limit>>10 {
		t.Errorf("worker peak RSS %d KiB, want within twice the limit", hwm)
	} else {
		t.Logf("worker peak RSS %d KiB under a limit of %d KiB", hwm, limit>>10)
	}
	if got := fmt.Sprint(c.MustQuery("SELECT count(*) FROM k").rows[0][0]); got != "20000" {
		t.Fatalf("count after the failure: %s, want 20000", got)
	}
}

// TestBucketedWriteStreams: a write into a bucketed table writes each
// bucket's file as the shuffled rows arrive, holding a row group, so a
// write larger than the worker's DuckDB memory and temp space together
// (here 256 MB of rows under a memory_limit of 128 MB and 16 MB of temp
// files) answers right instead of failing RESOURCE_EXHAUSTED on a copy
// of its whole input.
func TestBucketedWriteStreams(t *testing.T) {
	t.Parallel()
	cl := startClusterArgs(t, 1, nil, []string{"--memory-limit", "128MB", "--temp-limit", "16MB", "--threads", "1"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "k", 20_000, 1)
	c.MustExec("CREATE TABLE wide (id BIGINT, v BIGINT) PARTITION BY HASH(id) PARTITIONS 2")
	c.MustExec("INSERT INTO wide SELECT a.a * 800 + b.a, a.b FROM k a CROSS JOIN k b WHERE b.a < 800")
	res := c.MustQuery("SELECT count(*), sum(id), sum(v) FROM wide")
	if got := fmt.Sprint(res.rows[0]); got != "[16000000 127999992000000 479976000000]" {
		t.Fatalf("count, sum of ids, sum of v of the written table: %s", got)
	}
}
