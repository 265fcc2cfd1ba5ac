package exec_test

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

const spillRows = 300_000

// seqTask is a result task whose rows are 0..n-1 in order, in batches of
// 8192 rows (64 KiB of int64 each).
func seqTask(q stage.QueryID, id stage.TaskID, n int) *stage.TaskSpec {
	return spec(q, id, fmt.Sprintf(`SELECT i AS c0 FROM range(%d) r(i) ORDER BY i`, n),
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")})
}

// readSeq reads a buffer and checks that it holds 0..n-1 in order.
func readSeq(t *testing.T, c *cluster, n *node, q stage.QueryID, id stage.TaskID, rows int) {
	t.Helper()
	next := int64(0)
	got, err := readAll(t, context.Background(), n.client, c.ticket(q, id, 0), nil, func(rec arrow.RecordBatch, i int) {
		if v := rec.Column(0).(*array.Int64).Value(i); v != next {
			t.Fatalf("row %d is %d: batches out of order", next, v)
		}
		next++
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != int64(rows) {
		t.Fatalf("read %d rows, want %d", got, rows)
	}
}

// TestBufferSpills: a query over its memory budget spills its buffered
// batches to Arrow IPC files, keeps memory within the budget and reads them
// back in order, as often as a client fetches the result, two readers at
// once included; cancelling the query deletes every file.
func TestBufferSpills(t *testing.T) {
	const budget = 256 << 10
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = budget }, 8192)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-spill")
	rt, err := n.client.RunTask(ctx, seqTask(q, task(0, 0), spillRows))
	if err != nil {
		t.Fatal(err)
	}
	st, err := rt.Wait(ctx) // nobody reads: everything beyond the budget spills
	if err != nil {
		t.Fatal(err)
	}
	if st.SpilledBytes < spillRows*8-budget {
		t.Errorf("task spilled %d bytes, want at least %d", st.SpilledBytes, spillRows*8-budget)
	}
	if st.PeakBytes > budget {
		t.Errorf("task held %d bytes in memory, budget %d", st.PeakBytes, budget)
	}
	if got := n.w.BufferedBytes(q); got > budget {
		t.Errorf("%d bytes in memory, budget %d", got, budget)
	}
	if s := n.w.Stats(); s.SpillFiles == 0 || s.SpillBytes < st.SpilledBytes {
		t.Errorf("stats %+v after spilling %d bytes", s, st.SpilledBytes)
	}
	spills := 0
	_ = filepath.WalkDir(c.dataDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(path, string(filepath.Separator)+"spill"+string(filepath.Separator)) {
			spills++
			ownerOnly(t, c.dataDir, path)
		}
		return nil
	})
	if spills == 0 {
		t.Errorf("no spill file under %s", c.dataDir)
	}
	readSeq(t, c, n, q, task(0, 0), spillRows)
	var g errgroup.Group
	for range 2 {
		g.Go(func() error {
			rows, err := readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), nil, func(arrow.RecordBatch, int) {})
			if err == nil && rows != spillRows {
				err = fmt.Errorf("a concurrent reader got %d rows, want %d", rows, spillRows)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	if s := n.w.Stats(); s.SpillBytes < st.SpilledBytes || s.Buffers != 1 {
		t.Errorf("the result was not kept after three reads: %+v", s)
	}
	if err := n.client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
	waitRest(t, n)
}

// TestBackpressureWithoutSpill: with spilling disabled a producer over the
// budget waits for its reader instead of growing memory, and finishes once
// the reader drains it.
func TestBackpressureWithoutSpill(t *testing.T) {
	const budget = 128 << 10
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = budget; cfg.SpillLimit = -1 }, 8192)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-backpressure")
	rt, err := n.client.RunTask(ctx, seqTask(q, task(0, 0), spillRows))
	if err != nil {
		t.Fatal(err)
	}
	// The producer cannot finish while nobody reads: 2.4 MB do not fit.
	select {
	case <-rt.Done():
		st, err := rt.Wait(ctx)
		t.Fatalf("producer finished without a reader: %+v %v", st, err)
	case <-time.After(500 * time.Millisecond):
	}
	if got := n.w.BufferedBytes(q); got > budget+64<<10 {
		t.Errorf("%d bytes in memory, budget %d plus one batch", got, budget)
	}
	readSeq(t, c, n, q, task(0, 0), spillRows)
	st, err := rt.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.SpilledBytes != 0 || st.PeakBytes > budget+64<<10 {
		t.Errorf("stats %+v: spilled or over budget", st)
	}
	if s := n.w.Stats(); s.SpillFiles != 0 {
		t.Errorf("spill files with spilling disabled: %+v", s)
	}
	// A result too large to keep was read once and is gone.
	_, err = n.w.OpenBuffer(ctx, stage.Ticket{Query: q, Task: task(0, 0)})
	wantCode(t, err, qerr.ErrNotFound)
}

// TestTwoInputsUnderBackpressure: a consumer reads two exchanges whose
// producers share one tiny budget on one worker and may not spill. Whichever
// input the consumer reads first, the other producer must not take all the
// memory and starve it: the query finishes with every row.
func TestTwoInputsUnderBackpressure(t *testing.T) {
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = 64 << 10; cfg.SpillLimit = -1 }, 4096)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q := stage.QueryID("q-two-inputs")
	schema := schemaSpec("k", "int64")
	out := stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: schema}
	var inputs []stage.InputSpec
	for f := 1; f <= 2; f++ {
		if _, err := n.client.RunTask(ctx, spec(q, task(f, 0), `SELECT i AS c0 FROM range(200000) r(i)`, out)); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, stage.InputSpec{Exchange: stage.FragmentID(f), Schema: schema,
			Producers: []stage.ProducerSpec{{Task: task(f, 0), Address: n.addr, Ticket: c.ticket(q, task(f, 0), 0)}}})
	}
	res := schemaSpec("a", "int64", "b", "int64")
	rt, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT (SELECT count(*) FROM {in:1}) AS c0, (SELECT count(*) FROM {in:2}) AS c1`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: res}, inputs...))
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), nil, func(rec arrow.RecordBatch, i int) {
		a, b := rec.Column(0).(*array.Int64).Value(i), rec.Column(1).(*array.Int64).Value(i)
		if a != 200000 || b != 200000 {
			t.Errorf("counts %d, %d", a, b)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestAbandonedReader: a reader that goes away after one batch of a
// finished result leaves it whole for the next reader; one whose deadline
// passes while the result is still produced cancels the query on the
// worker, DuckDB included.
func TestAbandonedReader(t *testing.T) {
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = 64 << 10 }, 8192)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-abandon")
	rt, err := n.client.RunTask(ctx, seqTask(q, task(0, 0), spillRows))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	abandon := func(id stage.TaskID) {
		rdr, err := n.client.DoGet(ctx, c.ticket(q, id, 0))
		if err != nil {
			t.Fatal(err)
		}
		if !rdr.Next() {
			t.Fatal(rdr.Err())
		}
		rdr.Release() // the client goes away mid-stream
	}
	abandon(task(0, 0))
	readSeq(t, c, n, q, task(0, 0), spillRows)

	slow, err := n.client.RunTask(ctx, spec(q, task(0, 1),
		`SELECT i AS c0 FROM range(10000000000000) r(i) WHERE hash(i) % 7 = 0`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	// DuckDB has not produced a first batch: the client's deadline passes.
	dctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := readAll(t, dctx, n.client, c.ticket(q, task(0, 1), 0), nil, func(arrow.RecordBatch, int) {}); err == nil {
		t.Fatal("a read past its deadline succeeded")
	}
	_, err = slow.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	waitRest(t, n)
	_, err = n.w.OpenBuffer(ctx, stage.Ticket{Query: q, Task: task(0, 0)})
	wantCode(t, err, qerr.ErrCancelled)
}

// TestCancelDeletesSpill: cancelling a query whose producer is still
// running and spilling deletes every spill file and frees every buffer.
func TestCancelDeletesSpill(t *testing.T) {
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = 64 << 10 }, 8192)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-cancel-spill")
	done, err := n.client.RunTask(ctx, seqTask(q, task(1, 0), spillRows))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := done.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	slow, err := n.client.RunTask(ctx, spec(q, task(1, 1),
		`SELECT count(*) AS c0 FROM range(10000000000000) r(i) WHERE hash(i) % 7 = 0`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	if s := n.w.Stats(); s.SpillFiles == 0 || s.Tasks != 1 {
		t.Fatalf("before the cancel: %+v", s)
	}
	if err := n.client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
	_, err = slow.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	waitRest(t, n)
}

// waitRest waits until the worker holds no task, buffer or spill file
// (the task goroutine ends just after its outcome is sent).
func waitRest(t *testing.T, n *node) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := n.w.Stats()
		s.Cancelled, s.Goroutines = 0, 0 // goroutines are the process's, not the worker's
		if s == (exec.Stats{}) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the worker still holds %+v", s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
