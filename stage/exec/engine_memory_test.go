package exec_test

import (
	"context"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/stage"
)

// TestEngineAllocatorBackgroundThreads: a worker's DuckDB purges its
// allocator's freed pages in the background, so that its RSS falls after a
// load although its threads then sit idle.
func TestEngineAllocatorBackgroundThreads(t *testing.T) {
	c := newCluster(t, 0)
	n := c.nodes[0]
	ctx := context.Background()
	q := stage.QueryID("q-allocator")
	schema := schemaSpec("background", "utf8")
	if _, err := n.client.RunTask(ctx, spec(q, task(0, 0), `SELECT CAST(current_setting('allocator_background_threads') AS VARCHAR)`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema})); err != nil {
		t.Fatal(err)
	}
	rows, err := readAll(t, ctx, n.client, c.ticket(q, task(0, 0), 0), mustArrow(t, schema), func(rec arrow.RecordBatch, i int) {
		if got := rec.Column(0).(*array.String).Value(i); got != "true" {
			t.Errorf("allocator_background_threads = %q, want true", got)
		}
	})
	if err != nil || rows != 1 {
		t.Fatalf("%d rows, %v", rows, err)
	}
}
