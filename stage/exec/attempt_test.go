package exec_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// TestResultFollowsNextAttempt: a client waiting on a result whose first
// attempt failed retryably (its producer's worker is gone) is not answered the failure while
// the coordinator may still run the query again: once attempt 2 runs and
// attempt 1 is cancelled as an attempt, the reader, which had read
// nothing, streams attempt 2's rows. The cancel refuses attempt 1's tasks
// from then on, not later attempts'.
func TestResultFollowsNextAttempt(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := stage.QueryID("q-attempts")
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	// Attempt 1 reads a producer whose worker is gone (nothing listens
	// there): it fails as a retry may mend.
	in := stage.InputSpec{Exchange: 1, Schema: schemaSpec("c0", "int64"), Producers: []stage.ProducerSpec{{
		Task: task(1, 0), Address: "127.0.0.1:1",
		Ticket: c.signer.Sign(stage.Ticket{Query: q, Task: task(1, 0), Attempt: 1, Expires: time.Now().Add(time.Minute)}),
	}}}
	first := spec(q, task(0, 0), `SELECT c0 FROM {in:1}`, out, in)
	first.Attempt = 1
	rt, err := n.client.RunTask(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	type read struct {
		vals []int64
		err  error
	}
	got := make(chan read, 1)
	go func() {
		var r read
		_, r.err = readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), nil, func(rec arrow.RecordBatch, i int) {
			r.vals = append(r.vals, rec.Column(0).(*array.Int64).Value(i))
		})
		got <- r
	}()
	if _, err := rt.Wait(ctx); err == nil {
		t.Fatal("attempt 1 did not fail")
	}
	select {
	case r := <-got:
		t.Fatalf("the reader was answered before attempt 2: %v, %v", r.vals, r.err)
	case <-time.After(100 * time.Millisecond):
	}

	second := spec(q, task(0, 0), `SELECT 7::BIGINT AS c0`, out)
	second.Attempt = 2
	rt, err = n.client.RunTask(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.client.CancelAttempt(ctx, q, 1, qerr.ErrUnavailable.New("attempt 1 was given up")); err != nil {
		t.Fatal(err)
	}
	if r := <-got; r.err != nil || len(r.vals) != 1 || r.vals[0] != 7 {
		t.Fatalf("the reader got %v, %v; want attempt 2's row 7", r.vals, r.err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}

	late := spec(q, task(1, 0), `SELECT 1::BIGINT AS c0`, out)
	late.Attempt = 1
	_, err = n.client.RunTask(ctx, late)
	wantCode(t, err, qerr.ErrUnavailable)
	third := spec(q, task(1, 0), `SELECT 1::BIGINT AS c0`, out)
	third.Attempt = 3
	rt, err = n.client.RunTask(ctx, third)
	if err != nil {
		t.Fatalf("attempt 3 after attempt 1's cancel: %v", err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	n.w.CancelQuery(q, nil)
}

// TestRetainedExchange: an exchange output retained (OutputSpec.Retain)
// is kept whole after its reader read it, so that a later attempt of its
// consumer reads it again from its start; a plain one is read once. The
// coordinator's release (CancelTasks) frees it: a reader then learns why,
// and the worker refuses that task attempt, not a later one.
func TestRetainedExchange(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := stage.QueryID("q-retain")
	out := stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: schemaSpec("c0", "int64")}
	kept := out
	kept.Retain = true
	ticket := func(id stage.TaskID) []byte {
		return c.signer.Sign(stage.Ticket{Query: q, Task: id, Attempt: 1, Expires: time.Now().Add(time.Minute)})
	}
	run := func(id stage.TaskID, attempt int, out stage.OutputSpec) (stage.TaskStatsSpec, error) {
		t.Helper()
		s := spec(q, id, `SELECT i AS c0 FROM range(50000) r(i)`, out)
		s.Attempt = attempt
		rt, err := n.client.RunTask(ctx, s)
		if err != nil {
			return stage.TaskStatsSpec{}, err
		}
		return rt.Wait(ctx)
	}
	rows := func(id stage.TaskID) (int64, error) {
		t.Helper()
		return readAll(t, ctx, n.client, ticket(id), nil, func(arrow.RecordBatch, int) {})
	}
	if st, err := run(task(1, 0), 1, kept); err != nil || !st.Retained {
		t.Fatalf("retained producer: %+v, %v", st, err)
	}
	if st, err := run(task(1, 1), 1, out); err != nil || st.Retained {
		t.Fatalf("plain producer: %+v, %v", st, err)
	}
	for i := range 2 {
		if got, err := rows(task(1, 0)); err != nil || got != 50000 {
			t.Fatalf("read %d of the retained output: %d rows, %v", i+1, got, err)
		}
	}
	if got, err := rows(task(1, 1)); err != nil || got != 50000 {
		t.Fatalf("the plain output: %d rows, %v", got, err)
	}
	_, err := rows(task(1, 1))
	wantCode(t, err, qerr.ErrNotFound)

	released := qerr.ErrNotFound.New("released: its consumers finished")
	if err := n.client.CancelTasks(ctx, q, []stage.TaskAttempt{{Task: task(1, 0), Attempt: 1}}, released); err != nil {
		t.Fatal(err)
	}
	_, err = rows(task(1, 0))
	wantCode(t, err, qerr.ErrNotFound)
	if got := n.w.BufferedBytes(q); got != 0 {
		t.Errorf("%d bytes still buffered after the release", got)
	}
	_, err = run(task(1, 0), 1, kept)
	wantCode(t, err, qerr.ErrNotFound)
	if _, err := run(task(1, 0), 2, kept); err != nil {
		t.Fatalf("attempt 2 of the released task: %v", err)
	}
	n.w.CancelQuery(q, nil)
}

// TestAttemptsOfOneTaskAtOnce: runs of one consumer task under different
// attempts at once on one worker, as a retry makes them (the next starts
// before the earlier is cancelled), each reading the same retained
// output: every run counts all its rows. With input names shared between
// attempts, their Arrow views clashed in DuckDB's catalog.
func TestAttemptsOfOneTaskAtOnce(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := stage.QueryID("q-attempts-at-once")
	kept := stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: schemaSpec("c0", "int64"), Retain: true}
	res := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schemaSpec("n", "int64")}
	p := spec(q, task(1, 0), `SELECT i AS c0 FROM range(100000) r(i)`, kept)
	p.Attempt = 1
	rt, err := n.client.RunTask(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	in := stage.InputSpec{Exchange: 1, Schema: kept.Schema, Producers: []stage.ProducerSpec{{
		Task: task(1, 0), Address: n.addr,
		Ticket: c.signer.Sign(stage.Ticket{Query: q, Task: task(1, 0), Attempt: 1, Expires: time.Now().Add(time.Minute)}),
	}}}
	attempt := 1
	for round := range 10 {
		var wg sync.WaitGroup
		for range 3 {
			attempt++
			s := spec(q, task(0, 0), `SELECT count(*) AS n FROM {in:1}`, res, in)
			s.Attempt = attempt
			wg.Go(func() {
				r, err := n.client.RunTask(ctx, s)
				if err == nil {
					_, err = r.Wait(ctx)
				}
				if err != nil {
					t.Errorf("round %d, attempt %d: %v", round, s.Attempt, err)
				}
			})
		}
		wg.Wait()
	}
	n.w.CancelQuery(q, nil)
}

// TestRetainedExchangeOutgrown: a retained output that outgrows the
// query's memory budget and spill cap on its worker stops being retained:
// its one reader still gets every row (the producer waits for it, as for
// any exchange), the task reports it not retained, and a second reader is
// told it is no longer there (NotFound), so the coordinator runs its
// producer again rather than a consumer reading half of it.
func TestRetainedExchangeOutgrown(t *testing.T) {
	const budget = 64 << 10
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory, cfg.SpillLimit = budget, budget }, 4096)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := stage.QueryID("q-retain-outgrown")
	out := stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: schemaSpec("c0", "int64"), Retain: true}
	s := spec(q, task(1, 0), `SELECT i AS c0 FROM range(200000) r(i)`, out)
	s.Attempt = 1
	rt, err := n.client.RunTask(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	ticket := c.signer.Sign(stage.Ticket{Query: q, Task: task(1, 0), Attempt: 1, Expires: time.Now().Add(time.Minute)})
	got, err := readAll(t, ctx, n.client, ticket, nil, func(arrow.RecordBatch, int) {})
	if err != nil || got != 200000 {
		t.Fatalf("the one read: %d rows, %v", got, err)
	}
	st, err := rt.Wait(ctx)
	if err != nil || st.Retained {
		t.Fatalf("producer: retained %v, %v; want not retained", st.Retained, err)
	}
	_, err = readAll(t, ctx, n.client, ticket, nil, func(arrow.RecordBatch, int) {})
	wantCode(t, err, qerr.ErrNotFound)
}
