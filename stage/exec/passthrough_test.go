package exec_test

import (
	"context"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/stage"
)

// TestPassthroughLimit: a gather under a LIMIT, run without DuckDB, hands
// its reader the rows from the offset on, as many as the count, and stops
// reading its input once it has them: its producer here would run for
// hours.
func TestPassthroughLimit(t *testing.T) {
	c := newCluster(t, 1000)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := stage.QueryID("q-passthrough")
	schema := schemaSpec("n", "int64")
	prod, err := n.client.RunTask(ctx, spec(q, task(1, 0), `SELECT i AS c0 FROM range(1000000000000) r(i)`,
		stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: schema}))
	if err != nil {
		t.Fatal(err)
	}
	ex := &stage.Exchange{Input: &stage.Values{Types: []arrow.DataType{arrow.PrimitiveTypes.Int64}, Names: []string{"n"}}, Kind: stage.Convergent}
	plan, err := stage.EncodePlan(&stage.Limit{Input: stage.NewExchangeSource(1, ex), Offset: 7, Count: 2500})
	if err != nil {
		t.Fatal(err)
	}
	in := stage.InputSpec{Exchange: 1, Schema: schema, Producers: []stage.ProducerSpec{{Task: task(1, 0), Address: n.addr, Ticket: c.ticket(q, task(1, 0), 0)}}}
	s := spec(q, task(0, 0), "", stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema}, in)
	s.Plan = plan
	run, err := n.client.RunTask(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	next := int64(7)
	rows, err := readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), mustArrow(t, schema), func(rec arrow.RecordBatch, i int) {
		if v := rec.Column(0).(*array.Int64).Value(i); v != next {
			t.Fatalf("row %d is %d", next-7, v)
		}
		next++
	})
	if err != nil || rows != 2500 {
		t.Fatalf("read %d rows (%v), want 2500", rows, err)
	}
	stats, err := run.Wait(ctx)
	if err != nil || stats.RowsOut != 2500 {
		t.Fatalf("the gather: %+v, %v", stats, err)
	}
	if got := n.logs.FilterMessage("task gathers its input without DuckDB").Len(); got != 1 {
		t.Errorf("%d tasks gathered without DuckDB, want 1", got)
	}
	n.w.CancelQuery(q, nil) // the endless producer
	_, _ = prod.Wait(ctx)
}
