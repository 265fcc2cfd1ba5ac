package exec_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// TestShuffleBoundedMemory: a shuffle of 20 M (BIGINT, BIGINT,
// DECIMAL(15,2)) rows, 640 MB of Arrow, from one producer into two
// consumers on two workers, under a per-query budget of 8 MiB that may not
// spill. The producer streams: it waits for its consumers instead of
// buffering its output, so its buffers never hold more than the budget and
// one batch per partition (a buffer that holds nothing always takes one),
// nothing is spilled, and every row arrives once.
func TestShuffleBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("20 M rows")
	}
	const (
		rows   = 20_000_000
		budget = 8 << 20
	)
	c := newClusterWith(t, func(cfg *exec.Config) { cfg.QueryMemory = budget; cfg.SpillLimit = -1 }, 0, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	q := stage.QueryID("q-bounded-shuffle")
	schema := schemaSpec("a", "int64", "b", "int64", "d", "decimal(15,2)")
	prod, err := c.nodes[0].client.RunTask(ctx, spec(q, task(1, 0), fmt.Sprintf(`SELECT i AS c0, i * 7 AS c1,
			CAST(i %% 100000 AS DECIMAL(15,2)) AS c2, CAST(hash(i) %% 2 AS INTEGER) AS __part FROM range(%d) r(i)`, rows),
		stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: schema}))
	if err != nil {
		t.Fatal(err)
	}
	counts := schemaSpec("n", "int64", "s", "int64")
	var consumers []*flightsrv.RemoteTask
	for p, n := range c.nodes {
		in := stage.InputSpec{Exchange: 1, Schema: schema, Producers: []stage.ProducerSpec{
			{Task: task(1, 0), Address: c.nodes[0].addr, Ticket: c.ticket(q, task(1, 0), p)}}}
		rt, err := n.client.RunTask(ctx, spec(q, task(0, p), `SELECT count(*) AS c0, CAST(sum(c0) AS BIGINT) AS c1 FROM {in:1}`,
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: counts}, in))
		if err != nil {
			t.Fatal(err)
		}
		consumers = append(consumers, rt)
	}
	var n, sum int64
	for p, node := range c.nodes {
		if _, err := readAll(t, ctx, node.client, c.ticket(q, task(0, p), 0), nil, func(rec arrow.RecordBatch, i int) {
			n += rec.Column(0).(*array.Int64).Value(i)
			sum += rec.Column(1).(*array.Int64).Value(i)
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := consumers[p].Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	st, err := prod.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != rows || sum != rows*(rows-1)/2 {
		t.Fatalf("consumers counted %d rows summing to %d, want %d and %d", n, sum, rows, int64(rows)*(rows-1)/2)
	}
	// A batch is at most 64 Ki rows of 32 bytes and their validity.
	const batch = (64 << 10) * 33
	if st.PeakBytes > budget+2*batch || st.SpilledBytes != 0 {
		t.Fatalf("the producer's buffers peaked at %d bytes and spilled %d: budget %d", st.PeakBytes, st.SpilledBytes, budget)
	}
	t.Logf("shuffled %d rows (%d bytes out); producer peak %d bytes", rows, st.BytesOut, st.PeakBytes)
}
