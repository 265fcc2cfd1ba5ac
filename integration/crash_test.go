//go:build unix

package integration

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// crashRuns is how many kills TestCrashIngest makes: $QUIVER_CRASH_RUNS,
// 6 by default (a few in make test; more to measure).
func crashRuns(t *testing.T) int {
	v := os.Getenv("QUIVER_CRASH_RUNS")
	if v == "" {
		return 6
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("QUIVER_CRASH_RUNS=%q: want a positive integer", v)
	}
	return n
}

// crashSeed is $QUIVER_CRASH_SEED, or a fresh seed; the test logs it so
// that a failing sequence of kills can be replayed.
func crashSeed(t *testing.T) uint64 {
	v := os.Getenv("QUIVER_CRASH_SEED")
	if v == "" {
		return uint64(time.Now().UnixNano())
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		t.Fatalf("QUIVER_CRASH_SEED=%q: want an unsigned integer", v)
	}
	return n
}

// crashCase is one kind of ingest TestCrashIngest interrupts.
type crashCase struct {
	name string
	mode string // adbc.OptionValueIngestMode*
	// table is the target; a create goes to a new table each run.
	table string
}

var crashCases = []crashCase{
	{"create_plain", adbc.OptionValueIngestModeCreate, ""},
	{"append_plain", adbc.OptionValueIngestModeAppend, "crash_plain"},
	{"append_bucketed", adbc.OptionValueIngestModeAppend, "crash_bucketed"},
}

const (
	crashRows  = 200_000 // rows of one interrupted ingest
	crashBatch = 10_000  // rows of each of its record batches
)

// crashBatches are the record batches of run's ingest: k = 0..crashRows-1
// and v = run*crashRows + k, so that the sum of v tells the runs apart.
func crashBatches(mem memory.Allocator, run int) []arrow.RecordBatch {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "k", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "v", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
	var out []arrow.RecordBatch
	for start := 0; start < crashRows; start += crashBatch {
		b := array.NewRecordBuilder(mem, schema)
		for i := start; i < start+crashBatch; i++ {
			b.Field(0).(*array.Int64Builder).Append(int64(i))
			b.Field(1).(*array.Int64Builder).Append(int64(run*crashRows + i))
		}
		out = append(out, b.NewRecordBatch())
		b.Release()
	}
	return out
}

// crashSum is the sum of v over run's batches.
func crashSum(run int) int64 {
	n := int64(crashRows)
	return n*int64(run)*n + n*(n-1)/2
}

// tableState is a table's row count and sum of v; exists is false for a
// table that is not there.
type tableState struct {
	exists     bool
	rows, sumV int64
}

func (s tableState) String() string {
	if !s.exists {
		return "absent"
	}
	return fmt.Sprintf("%d rows, sum(v) %d", s.rows, s.sumV)
}

func (s tableState) plus(run int) tableState {
	return tableState{exists: true, rows: s.rows + crashRows, sumV: s.sumV + crashSum(run)}
}

func stateOf(t *testing.T, c *client, table string) tableState {
	t.Helper()
	res, err := c.Query("SELECT count(*), coalesce(sum(v), 0) FROM " + table)
	if grpcCode(err) == codes.NotFound {
		return tableState{}
	}
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	rows, err1 := strconv.ParseInt(res.rows[0][0].String(), 10, 64)
	sum, err2 := strconv.ParseInt(res.rows[0][1].String(), 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	return tableState{exists: true, rows: rows, sumV: sum}
}

// TestCrashIngest kills (SIGKILL) the coordinator or a worker at a random
// moment of a bulk ingest (create of a new table, append to a plain and to
// a bucketed table), restarts it, and checks that the ingest is all or
// nothing: the table holds the rows and sum it had before or those plus the
// batch, never anything between; an acknowledged ingest is there; a create
// that did not commit left no table, so that its retry succeeds; and once
// the orphan collection ran, the files under tables/ are exactly those the
// snapshots account for (no hidden temporary file, nothing staged).
func TestCrashIngest(t *testing.T) {
	t.Parallel()
	runs, seed := crashRuns(t), crashSeed(t)
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("QUIVER_CRASH_RUNS=%d QUIVER_CRASH_SEED=%d", runs, seed)
	coordArgs := []string{"--orphan-interval", "1s", "--orphan-grace", "1s"}
	cl := startClusterArgs(t, 2, coordArgs, nil)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })

	c := connect(t, cl.Addr)
	warm := crashBatches(mem, 0)
	began := time.Now()
	if _, err := c.Ingest("crash_plain", adbc.OptionValueIngestModeCreate, warm); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	// How long one ingest takes here: the kills fall within 1.5 times it.
	took := time.Since(began)
	release(warm)
	c.MustExec("CREATE TABLE crash_bucketed (k BIGINT, v BIGINT) PARTITION BY HASH(k) PARTITIONS 4")
	t.Logf("an ingest of %d rows takes %v", crashRows, took)

	outcomes := map[string]int{}
	for run := 1; run <= runs; run++ {
		cc := crashCases[(run-1)%len(crashCases)]
		worker, victim := -1, "coordinator" // worker is the victim's index, -1 for the coordinator
		if rng.IntN(2) == 1 {
			worker = rng.IntN(len(cl.Workers))
			victim = fmt.Sprintf("worker%d", worker+1)
		}
		delay := time.Duration(rng.Int64N(int64(took) * 3 / 2))
		table := cc.table
		if table == "" {
			table = fmt.Sprintf("crash_created_%d", run)
		}
		before := stateOf(t, c, table)

		batches := crashBatches(mem, run)
		started := len(cl.Coordinator.Find(isMsg("ingest started")))
		acked := make(chan error, 1)
		go func() {
			_, err := c.Ingest(table, cc.mode, batches)
			acked <- err
		}()
		waitLines(t, cl.Coordinator, "ingest started", started+1)
		time.Sleep(delay)
		if worker < 0 {
			cl.Coordinator.Kill(t)
		} else {
			cl.Workers[worker].Kill(t)
		}
		err := <-acked
		release(batches)
		if worker < 0 {
			cl.restartCoordinator(t, coordArgs)
			c = connect(t, cl.Addr)
		} else {
			cl.restartWorker(t, worker)
		}

		after := stateOf(t, c, table)
		outcome := "applied"
		switch {
		case after == before.plus(run):
		case after == before && err != nil:
			outcome = "not applied"
		case after == before:
			t.Fatalf("run %d (%s, %s killed %v into the ingest): acknowledged, but %s still has %s", run, cc.name, victim, delay, table, after)
		default:
			t.Fatalf("run %d (%s, %s killed %v into the ingest): %s has %s, want %s or %s (ingest error: %v)", run, cc.name, victim, delay, table, after, before, before.plus(run), err)
		}
		if err != nil {
			outcome += ", error " + grpcCode(err).String()
		}
		t.Logf("run %d: %s, %s killed %v into the ingest: %s (%s)", run, cc.name, victim, delay, outcome, after)
		kind := "coordinator"
		if worker >= 0 {
			kind = "worker"
		}
		outcomes[cc.name+", "+kind+" killed: "+outcome]++

		if cc.mode == adbc.OptionValueIngestModeCreate && !after.exists {
			// The create left nothing behind: its retry succeeds.
			retry := crashBatches(mem, run)
			_, err := c.Ingest(table, cc.mode, retry)
			release(retry)
			if err != nil {
				t.Fatalf("run %d: retry of the create of %s: %v", run, table, err)
			}
			if got := stateOf(t, c, table); got != before.plus(run) {
				t.Fatalf("run %d: after the retried create %s has %s, want %s", run, table, got, before.plus(run))
			}
		}
		waitNoOrphans(t, c, cl.DataDir)
	}
	for k, n := range outcomes {
		t.Logf("%d x %s", n, k)
	}
}

func isMsg(msg string) func(LogLine) bool {
	return func(l LogLine) bool { return l.Msg() == msg }
}

func release(batches []arrow.RecordBatch) {
	for _, b := range batches {
		b.Release()
	}
}

// restartCoordinator starts the coordinator again on its address and data
// directory with args, and waits until every worker has joined it.
func (c *Cluster) restartCoordinator(t *testing.T, args []string) {
	t.Helper()
	co := startProc(t, "coordinator-restarted", append([]string{"coordinator", "--listen", c.Addr, "--data-dir", c.DataDir}, args...)...)
	co.WaitReady(t)
	waitLines(t, co, "worker joined", len(c.Workers))
	c.Coordinator = co
}

// waitLines waits until p has logged msg n times.
func waitLines(t *testing.T, p *Proc, msg string, n int) {
	t.Helper()
	for deadline := time.Now().Add(readyTimeout); len(p.Find(isMsg(msg))) < n; time.Sleep(logPollInterval / 10) {
		if time.Now().After(deadline) || p.Exited() {
			t.Fatalf("%s did not log %q %d times; last lines:\n%s", p.Name, msg, n, p.Tail(logTailLines))
		}
	}
}

// waitNoOrphans waits until the files under the data directory's tables/
// are data files whose bytes add up to the bytes of every table's snapshot
// (information_schema.tables.data_length), and nothing is staged: the
// orphan collection has removed what the crash left.
func waitNoOrphans(t *testing.T, c *client, dataDir string) {
	t.Helper()
	deadline := time.Now().Add(readyTimeout)
	for {
		res := c.MustQuery("SELECT coalesce(sum(data_length), 0) FROM information_schema.tables WHERE table_schema = 'main'")
		want, err := strconv.ParseInt(res.rows[0][0].String(), 10, 64)
		if err != nil {
			t.Fatalf("data_length: %v", err)
		}
		onDisk, stray := diskFiles(t, dataDir)
		if onDisk == want && len(stray) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("orphans: %d bytes of data files under tables/, the snapshots account for %d; stray files %q", onDisk, want, stray)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// diskFiles returns the bytes of the .parquet files under tables/, and the
// other files there and under tmp/staging.
func diskFiles(t *testing.T, dataDir string) (bytes int64, stray []string) {
	t.Helper()
	for _, dir := range []string{"tables", "tmp/staging"} {
		err := filepath.WalkDir(filepath.Join(dataDir, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil // removed meanwhile
			}
			if dir == "tables" && strings.HasSuffix(p, ".parquet") && !strings.HasPrefix(d.Name(), ".") {
				bytes += info.Size()
			} else {
				stray = append(stray, strings.TrimPrefix(p, dataDir+"/"))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("walk %s: %v", dir, err)
		}
	}
	return bytes, stray
}
