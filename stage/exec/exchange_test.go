package exec_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

const exchangeRows = 100_000

// The exchange schema: what producers promise and consumers read.
var exchangeSchema = schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32")

// TestNormalExchangeAcrossWorkers runs a hash shuffle between two real
// workers over Flight: two producer tasks (one per worker, each scanning its
// own Parquet file, OutputNormal into 2 partitions) and two consumer tasks
// (one per worker, each reading its partition from both producers) whose
// results the test fetches with do_get. Every row must arrive exactly once,
// in the partition its key hashes to, with its values intact.
func TestNormalExchangeAcrossWorkers(t *testing.T) {
	c := newCluster(t, 8192, 0) // node 0 coalesces to small batches: several per partition
	a, b := c.nodes[0], c.nodes[1]
	half := exchangeRows / 2
	for i := range 2 {
		writeParquet(t, c.dataDir, fmt.Sprintf("part%d.parquet", i), fmt.Sprintf(`
			SELECT i AS k,
			       CASE WHEN i %% 7 = 0 THEN NULL ELSE 's' || i END AS s,
			       CAST(i / 100 AS DECIMAL(12,2)) AS d,
			       DATE '2020-01-01' + CAST(i %% 1000 AS INTEGER) AS dt
			FROM range(%d, %d) r(i)`, i*half, (i+1)*half))
	}
	ctx := context.Background()
	q := stage.QueryID("q-normal")

	producers := make([]*flightsrv.RemoteTask, 2)
	nodes := []*node{a, b}
	for i, n := range nodes {
		s := spec(q, task(1, i), `SELECT k AS c0, s AS c1, d AS c2, dt AS c3,
			CAST(hash(k) % 2 AS INTEGER) AS __part FROM read_parquet({split})`,
			stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: exchangeSchema})
		s.Splits = []stage.ScanSplit{{Scan: 0, Files: []string{fmt.Sprintf("part%d.parquet", i)}}}
		rt, err := n.client.RunTask(ctx, s)
		if err != nil {
			t.Fatalf("start producer %d: %v", i, err)
		}
		producers[i] = rt
	}

	resultSchema := schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32", "part", "int32")
	consumers := make([]*flightsrv.RemoteTask, 2)
	for p, n := range nodes {
		in := stage.InputSpec{Exchange: 1, Schema: exchangeSchema}
		for i, pn := range nodes {
			in.Producers = append(in.Producers, stage.ProducerSpec{Task: task(1, i), Address: pn.addr, Ticket: c.ticket(q, task(1, i), p)})
		}
		s := spec(q, task(0, p), `SELECT c0, c1, c2, c3, CAST(hash(c0) % 2 AS INTEGER) AS c4 FROM {in:1}`,
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: resultSchema}, in)
		rt, err := n.client.RunTask(ctx, s)
		if err != nil {
			t.Fatalf("start consumer %d: %v", p, err)
		}
		consumers[p] = rt
	}

	// Fetch both results while the tasks may still run.
	seen := make([]int8, exchangeRows)
	var mu sync.Mutex
	want := mustArrow(t, resultSchema)
	var g errgroup.Group
	for p, n := range nodes {
		g.Go(func() error {
			_, err := readAll(t, ctx, n.client, c.ticket(q, task(0, p), 0), want, func(rec arrow.RecordBatch, i int) {
				k := rec.Column(0).(*array.Int64).Value(i)
				s := rec.Column(1).(*array.String)
				d := rec.Column(2).(*array.Decimal128).Value(i)
				dt := rec.Column(3).(*array.Date32).Value(i)
				part := rec.Column(4).(*array.Int32).Value(i)
				mu.Lock()
				defer mu.Unlock()
				if k < 0 || k >= exchangeRows {
					t.Errorf("key %d out of range", k)
					return
				}
				seen[k]++
				if int(part) != p {
					t.Errorf("key %d hashes to partition %d but arrived in %d", k, part, p)
				}
				if k%7 == 0 != s.IsNull(i) || !s.IsNull(i) && s.Value(i) != fmt.Sprintf("s%d", k) {
					t.Errorf("key %d: s = %q (null %v)", k, s.Value(i), s.IsNull(i))
				}
				// d = k/100 rounded to 2 places, as DuckDB computes i / 100.
				if got, want := d.ToString(2), decimalOf(k); got != want {
					t.Errorf("key %d: d = %s, want %s", k, got, want)
				}
				if int64(dt) != 18262+k%1000 { // 2020-01-01 is day 18262
					t.Errorf("key %d: dt = %d", k, dt)
				}
			})
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	for k, n := range seen {
		if n != 1 {
			t.Fatalf("key %d arrived %d times", k, n)
		}
	}

	var rowsIn, rowsOut int64
	for i, rt := range producers {
		st, err := rt.Wait(ctx)
		if err != nil {
			t.Fatalf("producer %d: %v", i, err)
		}

		rowsOut += st.RowsOut
		if st.Worker != nodes[i].addr || st.Task != task(1, i) || st.BytesOut == 0 {
			t.Errorf("producer stats %+v", st)
		}
	}
	for i, rt := range consumers {
		st, err := rt.Wait(ctx)
		if err != nil {
			t.Fatalf("consumer %d: %v", i, err)
		}
		rowsIn += st.RowsIn
		if st.BytesIn == 0 || st.RowsIn != st.RowsOut {
			t.Errorf("consumer stats %+v", st)
		}
		// Whether the consumers ran while their producers did depends on
		// timing here (100,000 rows fit the producers' buffers):
		// integration's TestExchangeOverlap shows it with buffers too
		// small for the shuffle.
		if st.Started.IsZero() {
			t.Errorf("consumer %d has no start time", i)
		}
	}
	if rowsOut != exchangeRows || rowsIn != exchangeRows {
		t.Errorf("producers sent %d rows, consumers got %d, want %d", rowsOut, rowsIn, exchangeRows)
	}
	// Every exchange buffer was drained once and is gone; the results are
	// kept until the query is cancelled.
	_, err := readAll(t, ctx, a.client, c.ticket(q, task(1, 0), 0), nil, func(arrow.RecordBatch, int) {})
	wantCode(t, err, qerr.ErrNotFound)
	for _, n := range nodes {
		if s := n.w.Stats(); s.Buffers != 1 {
			t.Errorf("%s holds %d buffers, want its one result", n.addr, s.Buffers)
		}
		if err := n.client.CancelQuery(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
		if got := n.w.BufferedBytes(q); got != 0 {
			t.Errorf("%s still buffers %d bytes after the cancel", n.addr, got)
		}
	}

	// Every task logged "task finished" with the fixed fields.
	for _, n := range nodes {
		logs := n.logs.FilterMessage("task finished").All()
		if len(logs) != 2 {
			t.Fatalf("%s logged %d task finished, want 2", n.addr, len(logs))
		}
		for _, e := range logs {
			f := e.ContextMap()
			for _, key := range []string{"query_id", "task", "worker", "rows_out", "wall"} {
				if _, ok := f[key]; !ok {
					t.Errorf("task finished without %s: %v", key, f)
				}
			}
			if f["worker"] != n.addr || f["query_id"] != string(q) {
				t.Errorf("task finished fields %v", f)
			}
		}
	}
}

// decimalOf is k/100 with two decimals, which DuckDB's CAST(i / 100 AS
// DECIMAL(12,2)) gives exactly.
func decimalOf(k int64) string {
	return fmt.Sprintf("%d.%02d", k/100, k%100)
}

// TestExpansiveAndEmptyInputs broadcasts one producer's rows to two
// consumers, each of which must get all of them; a producer with no rows
// and an input with no producers still give consumers tables of the right
// types.
func TestExpansiveAndEmptyInputs(t *testing.T) {
	c := newCluster(t, 1000)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-expansive")
	out := schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32")
	if _, err := n.client.RunTask(ctx, spec(q, task(2, 0),
		`SELECT i AS c0, 'x' || i AS c1, CAST(i AS DECIMAL(12,2)) AS c2, DATE '2024-02-29' AS c3 FROM range(5000) r(i)`,
		stage.OutputSpec{Kind: stage.OutputExpansive, Consumers: 2, Schema: out})); err != nil {
		t.Fatal(err)
	}
	if _, err := n.client.RunTask(ctx, spec(q, task(3, 0),
		`SELECT 1::BIGINT AS c0, 'a' AS c1, 1::DECIMAL(12,2) AS c2, DATE '2024-01-01' AS c3, 0 AS __part WHERE false`,
		stage.OutputSpec{Kind: stage.OutputNormal, Consumers: 2, Schema: out})); err != nil {
		t.Fatal(err)
	}
	resultSchema := schemaSpec("n", "int64", "sum_k", "decimal(38,0)", "empty", "int64", "none", "int64", "sum_d", "decimal(12,2)")
	var tasks []*flightsrv.RemoteTask
	for p := range 2 {
		broadcast := stage.InputSpec{Exchange: 2, Schema: out, Producers: []stage.ProducerSpec{{Task: task(2, 0), Address: n.addr, Ticket: c.ticket(q, task(2, 0), p)}}}
		empty := stage.InputSpec{Exchange: 3, Schema: out, Producers: []stage.ProducerSpec{{Task: task(3, 0), Address: n.addr, Ticket: c.ticket(q, task(3, 0), p)}}}
		none := stage.InputSpec{Exchange: 4, Schema: out}
		// The empty tables must have the exchange's types: c2 + c2 stays a
		// DECIMAL(12,2) only if c2 is one.
		rt, err := n.client.RunTask(ctx, spec(q, task(1, p), `SELECT
				(SELECT count(*) FROM {in:2}),
				(SELECT sum(c0) FROM {in:2}),
				(SELECT count(*) FROM {in:3}),
				(SELECT count(*) FROM {in:4}),
				(SELECT CAST(coalesce(sum(c2), 0) AS DECIMAL(12,2)) FROM (SELECT c2 FROM {in:3} UNION ALL SELECT c2 FROM {in:4}))`,
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: resultSchema}, broadcast, empty, none))
		if err != nil {
			t.Fatal(err)
		}
		tasks = append(tasks, rt)
	}
	for p := range 2 {
		n, err := readAll(t, ctx, n.client, c.ticket(q, task(1, p), 0), mustArrow(t, resultSchema), func(rec arrow.RecordBatch, i int) {
			if got := rec.Column(0).(*array.Int64).Value(i); got != 5000 {
				t.Errorf("consumer %d got %d broadcast rows, want 5000", p, got)
			}
			if got := rec.Column(1).(*array.Decimal128).Value(i).ToString(0); got != "12497500" {
				t.Errorf("consumer %d: sum = %s", p, got)
			}
			if rec.Column(2).(*array.Int64).Value(i) != 0 || rec.Column(3).(*array.Int64).Value(i) != 0 {
				t.Errorf("consumer %d: empty inputs not empty", p)
			}
		})
		if err != nil || n != 1 {
			t.Fatalf("consumer %d: %d rows, %v", p, n, err)
		}
		if _, err := tasks[p].Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The broadcast buffers were each read once, the empty ones too: what
	// is left are the consumers' results.
	if s := n.w.Stats(); s.Buffers != len(tasks) {
		t.Errorf("%d buffers left, want the %d results", s.Buffers, len(tasks))
	}
}

// TestOutputTypeMismatch: the FlightInfo schema is a promise; output of
// another type fails the task with ErrInternal naming the column, and a
// reader of its buffer gets the same error.
func TestOutputTypeMismatch(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-mismatch")
	// sum over BIGINT is HUGEINT: decimal128(38, 0), not the int64 promised.
	rt, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT 1::BIGINT AS c0, sum(i) AS c1 FROM range(10) r(i)`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("a", "int64", "total", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rt.Wait(ctx)
	wantCode(t, err, qerr.ErrInternal)
	if !strings.Contains(err.Error(), "total") || !strings.Contains(err.Error(), "decimal(38, 0)") {
		t.Errorf("error does not name the column and its type: %v", err)
	}
	_, err = readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), nil, func(arrow.RecordBatch, int) {})
	wantCode(t, err, qerr.ErrInternal)

	// A normal output must end in __part.
	rt, err = n.client.RunTask(ctx, spec(q, task(1, 0), `SELECT 1::BIGINT AS c0`,
		stage.OutputSpec{Kind: stage.OutputNormal, Consumers: 2, Schema: schemaSpec("a", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rt.Wait(ctx)
	wantCode(t, err, qerr.ErrInternal)

	// A data error is the user's: INVALID, with DuckDB's message.
	rt, err = n.client.RunTask(ctx, spec(q, task(2, 0), `SELECT CAST('abc' AS BIGINT) AS c0`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("a", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rt.Wait(ctx)
	wantCode(t, err, qerr.ErrInvalid)
	// So is one DuckDB meets in the middle of the stream, after batches
	// went out.
	rt, err = n.client.RunTask(ctx, spec(q, task(2, 1), `SELECT CAST(CASE WHEN i = 150000 THEN 'abc' ELSE CAST(i AS VARCHAR) END AS BIGINT) AS c0
			FROM range(300000) r(i)`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("a", "int64")}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rt.Wait(ctx)
	wantCode(t, err, qerr.ErrInvalid)
	// Late readers of failed buffers get the failure, then nothing.
	for _, id := range []stage.TaskID{task(1, 0), task(2, 0)} {
		for p := range 1 {
			_, err = readAll(t, ctx, n.client, c.ticket(q, id, p), nil, func(arrow.RecordBatch, int) {})
			if err == nil {
				t.Errorf("buffer of failed task %s read without error", id)
			}
		}
	}
	n.w.CancelQuery(q, nil) // frees the failed task's second partition
	if got := n.w.BufferedBytes(q); got != 0 {
		t.Errorf("still buffered: %d bytes", got)
	}
}

// TestCancelFreesBuffers cancels a query while one of its tasks is running
// and another's output waits in a buffer: the running DuckDB query is
// interrupted, a reader blocked on its buffer gets CANCELLED, the waiting
// buffer is freed, and the query's tasks are refused afterwards.
func TestCancelFreesBuffers(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-cancel")
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	done, err := n.client.RunTask(ctx, spec(q, task(1, 0), `SELECT i AS c0 FROM range(200000) r(i)`, out))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := done.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if n.w.BufferedBytes(q) < 200000*8 {
		t.Fatalf("finished task buffers only %d bytes", n.w.BufferedBytes(q))
	}
	// The slow task broadcasts to two consumers: the test reads partition 0,
	// a consumer task waits for partition 1 while materializing its input.
	slow, err := n.client.RunTask(ctx, spec(q, task(1, 1),
		`SELECT count(*) AS c0 FROM range(10000000000000) r(i) WHERE hash(i) % 7 = 0`,
		stage.OutputSpec{Kind: stage.OutputExpansive, Consumers: 2, Schema: out.Schema}))
	if err != nil {
		t.Fatal(err)
	}
	consumer, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT c0 FROM {in:1}`, out, stage.InputSpec{
		Exchange: 1, Schema: out.Schema,
		Producers: []stage.ProducerSpec{{Task: task(1, 1), Address: n.addr, Ticket: c.ticket(q, task(1, 1), 1)}},
	}))
	if err != nil {
		t.Fatal(err)
	}
	// A reader that waits on the running task's buffer.
	readErr := make(chan error, 1)
	go func() {
		_, err := readAll(t, ctx, n.client, c.ticket(q, task(1, 1), 0), nil, func(arrow.RecordBatch, int) {})
		readErr <- err
	}()
	time.Sleep(200 * time.Millisecond) // let DuckDB get going and the reader wait

	if err := n.client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
	_, err = slow.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	wantCode(t, <-readErr, qerr.ErrCancelled)
	_, err = consumer.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	if got := n.w.BufferedBytes(q); got != 0 {
		t.Errorf("cancelled query still buffers %d bytes", got)
	}
	// The freed buffer's late reader learns why it is gone.
	_, err = readAll(t, ctx, n.client, c.ticket(q, task(1, 0), 0), nil, func(arrow.RecordBatch, int) {})
	wantCode(t, err, qerr.ErrCancelled)
	_, err = n.client.RunTask(ctx, spec(q, task(1, 2), `SELECT 1::BIGINT AS c0`, out))
	wantCode(t, err, qerr.ErrCancelled)
}

// TestDeadlineFreesBuffers: an unread buffer is freed at its task's deadline.
func TestDeadlineFreesBuffers(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-deadline")
	s := spec(q, task(0, 0), `SELECT i AS c0 FROM range(1000) r(i)`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")})
	s.Deadline = time.Now().Add(500 * time.Millisecond)
	h, err := n.w.StartTask(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if n.w.BufferedBytes(q) == 0 {
		t.Fatal("nothing buffered")
	}
	deadline := time.Now().Add(5 * time.Second)
	for n.w.BufferedBytes(q) != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := n.w.BufferedBytes(q); got != 0 {
		t.Fatalf("buffer not freed at its deadline: %d bytes", got)
	}
	_, err = n.w.OpenBuffer(ctx, stage.Ticket{Query: q, Task: task(0, 0)})
	wantCode(t, err, qerr.ErrNotFound)
}

// TestRenewKeepsBuffers: a renewed query's result outlives the deadline
// its task was started with, its task too.
func TestRenewKeepsBuffers(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-renew")
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	deadline := time.Now().Add(500 * time.Millisecond)
	s := spec(q, task(0, 0), `SELECT i AS c0 FROM range(1000) r(i)`, out)
	s.Deadline = deadline
	slow := spec(q, task(0, 1), `SELECT count(*) AS c0 FROM range(10000000000000) r(i) WHERE hash(i) % 7 = 0`, out)
	slow.Deadline = deadline
	h, err := n.w.StartTask(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	hs, err := n.w.StartTask(ctx, slow)
	if err != nil {
		t.Fatal(err)
	}
	if !n.w.RenewQuery(q, time.Now().Add(time.Hour)) {
		t.Fatal("RenewQuery found nothing")
	}
	time.Sleep(time.Until(deadline) + 3*time.Second) // the janitor runs every second
	if n.w.BufferedBytes(q) == 0 {
		t.Fatal("a renewed buffer was freed at its old deadline")
	}
	select {
	case <-hs.Done():
		_, err := hs.Wait(ctx)
		t.Fatalf("a renewed task ended at its old deadline: %v", err)
	default:
	}
	n.w.CancelQuery(q, nil)
	_, err = hs.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	if n.w.RenewQuery("q-unknown", time.Now().Add(time.Hour)) {
		t.Error("RenewQuery of an unknown query found something")
	}
}

// TestStartTaskRefusals covers specs a worker must refuse before starting.
func TestStartTaskRefusals(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	s := spec("q-refuse", task(0, 0), `SELECT 1::BIGINT AS c0`, out)
	s.Version = 99
	_, err := n.client.RunTask(ctx, s)
	wantCode(t, err, qerr.ErrInvalid)

	s = spec("q-refuse", task(0, 0), `SELECT 1::BIGINT AS c0`, out)
	rt, err := n.client.RunTask(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = n.client.RunTask(ctx, s)
	wantCode(t, err, qerr.ErrAlreadyExists)
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	n.w.CancelQuery("q-refuse", nil)
	_, err = n.client.RunTask(ctx, spec("q-refuse", task(1, 0), `SELECT 1::BIGINT AS c0`, out))
	wantCode(t, err, qerr.ErrCancelled)

	// A query the coordinator cancelled because a task failed answers late
	// readers and late tasks with that failure, not with "no buffer".
	failed := spec("q-failed", task(0, 0), `SELECT 1::BIGINT AS c0`, out)
	rt, err = n.client.RunTask(ctx, failed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if err := n.client.CancelQuery(ctx, "q-failed", qerr.ErrInvalid.New("Subquery returns more than 1 row")); err != nil {
		t.Fatal(err)
	}
	_, err = n.w.OpenBuffer(ctx, stage.Ticket{Query: "q-failed", Task: task(0, 0), Expires: time.Now().Add(time.Minute)})
	wantCode(t, err, qerr.ErrInvalid)
	_, err = n.client.RunTask(ctx, spec("q-failed", task(1, 0), `SELECT 1::BIGINT AS c0`, out))
	wantCode(t, err, qerr.ErrInvalid)

	s = spec("q-refuse2", task(0, 0), `SELECT 1::BIGINT AS c0`, stage.OutputSpec{Kind: "sideways", Schema: out.Schema})
	_, err = n.client.RunTask(ctx, s)
	wantCode(t, err, qerr.ErrInvalid)
}

// TestRenderedPlanExchange runs the same shuffle with plans rendered by
// duck.RenderTask: a Scan fragment per worker with a Normal output, and an
// ExchangeSource fragment per consumer. It checks the contract between the
// renderer and the runtime: input tables named by duck.InputTable
// with columns c0..cN-1, and the trailing __part column.
func TestRenderedPlanExchange(t *testing.T) {
	c := newCluster(t, 0, 0)
	nodes := c.nodes
	const rows = 20_000
	for i := range 2 {
		writeParquet(t, c.dataDir, fmt.Sprintf("r%d.parquet", i), fmt.Sprintf(
			`SELECT i AS k, 'v' || i AS s FROM range(%d, %d) r(i)`, i*rows/2, (i+1)*rows/2))
	}
	ctx := context.Background()
	q := stage.QueryID("q-rendered")
	scan := &stage.Scan{ID: 0, Database: "main", Table: "t", Columns: []string{"k", "s"},
		Types: []arrow.DataType{arrow.PrimitiveTypes.Int64, arrow.BinaryTypes.String}}
	scanPlan, err := stage.EncodePlan(scan)
	if err != nil {
		t.Fatal(err)
	}
	ex := &stage.Exchange{Input: scan, Kind: stage.Normal, Keys: []int{0}, Tasks: 2}
	srcPlan, err := stage.EncodePlan(stage.NewExchangeSource(1, ex))
	if err != nil {
		t.Fatal(err)
	}
	schema := schemaSpec("k", "int64", "s", "utf8")
	for i, n := range nodes {
		s := spec(q, task(1, i), "", stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: schema})
		s.Plan = scanPlan
		s.Splits = []stage.ScanSplit{{Scan: 0, Files: []string{fmt.Sprintf("r%d.parquet", i)}}}
		if _, err := n.client.RunTask(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	var runs []*flightsrv.RemoteTask
	for p, n := range nodes {
		in := stage.InputSpec{Exchange: 1, Schema: schema}
		for i, pn := range nodes {
			in.Producers = append(in.Producers, stage.ProducerSpec{Task: task(1, i), Address: pn.addr, Ticket: c.ticket(q, task(1, i), p)})
		}
		s := spec(q, task(0, p), "", stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema}, in)
		s.Plan = srcPlan
		rt, err := n.client.RunTask(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, rt)
	}
	owner := make(map[int64]int)
	for p, n := range nodes {
		_, err := readAll(t, ctx, n.client, c.ticket(q, task(0, p), 0), mustArrow(t, schema), func(rec arrow.RecordBatch, i int) {
			k := rec.Column(0).(*array.Int64).Value(i)
			if prev, ok := owner[k]; ok {
				t.Errorf("key %d in partitions %d and %d", k, prev, p)
			}
			owner[k] = p
			if s := rec.Column(1).(*array.String).Value(i); s != fmt.Sprintf("v%d", k) {
				t.Errorf("key %d: %q", k, s)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := runs[p].Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if len(owner) != rows {
		t.Errorf("%d distinct keys arrived, want %d", len(owner), rows)
	}
}

// TestOutputStreamsOutOfDuckDB: a task's output reaches its readers while
// DuckDB still runs its query. The producer's query would run for hours
// (and its materialized result would not fit in memory): its first batch
// arrives all the same, while a consumer task on another worker reads the
// other partition. Cancelling the query interrupts DuckDB in the middle of
// the stream and closes the streams.
func TestOutputStreamsOutOfDuckDB(t *testing.T) {
	c := newClusterWith(t, func(cfg *exec.Config) {
		cfg.QueryMemory = 4 << 20 // producers wait for readers beyond it
		cfg.SpillLimit = -1
	}, 0, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q := stage.QueryID("q-stream")
	one := schemaSpec("n", "int64")
	endless := `SELECT i AS c0, CAST(hash(i) % 2 AS INTEGER) AS __part FROM range(1000000000000) r(i)`
	prod, err := c.nodes[0].client.RunTask(ctx, spec(q, task(1, 0), endless,
		stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: one}))
	if err != nil {
		t.Fatal(err)
	}
	// Partition 0 is read here, batch by batch; partition 1 by a consumer
	// task on the other worker, which never sees the end of its input.
	cons, err := c.nodes[1].client.RunTask(ctx, spec(q, task(0, 0), `SELECT count(*) AS c0 FROM {in:1}`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: one}, stage.InputSpec{
			Exchange: 1, Schema: one,
			Producers: []stage.ProducerSpec{{Task: task(1, 0), Address: c.nodes[0].addr, Ticket: c.ticket(q, task(1, 0), 1)}},
		}))
	if err != nil {
		t.Fatal(err)
	}
	rdr, err := c.nodes[0].client.DoGet(ctx, c.ticket(q, task(1, 0), 0))
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	for rows < 1_000_000 && rdr.Next() {
		rows += rdr.RecordBatch().NumRows()
	}
	if rows < 1_000_000 {
		t.Fatalf("read %d rows of a running producer: %v", rows, rdr.Err())
	}
	if err := c.nodes[0].client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
	for rdr.Next() {
	}
	wantCode(t, rdr.Err(), qerr.ErrCancelled)
	rdr.Release()
	_, err = prod.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	// The consumer's fetch fails with its producer: the query ends there too.
	_, err = cons.Wait(ctx)
	wantCode(t, err, qerr.ErrCancelled)
	if err := c.nodes[1].client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
	for _, n := range c.nodes {
		for s := n.w.Stats(); s.Connections != 0 || s.Buffers != 0 || s.Tasks != 0; s = n.w.Stats() {
			if ctx.Err() != nil {
				t.Fatalf("worker %s still holds %+v", n.addr, s)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}
