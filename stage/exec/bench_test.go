package exec_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// BenchmarkNormalExchange measures one shuffle of benchRows rows (int64,
// short string, decimal, date) from one producer on worker 0 into two
// consumers, one per worker, each counting its rows: DuckDB result, coalesce
// and partition, do_get, temp-table materialization.
func BenchmarkNormalExchange(b *testing.B) {
	const benchRows = 2_000_000
	c := newCluster(b, 0, 0)
	ctx := context.Background()
	schema := schemaSpec("k", "int64", "s", "utf8", "d", "decimal(12,2)", "dt", "date32")
	count := schemaSpec("n", "int64")
	b.ResetTimer()
	for it := range b.N {
		q := stage.QueryID(fmt.Sprintf("bench-%d", it))
		if _, err := c.nodes[0].client.RunTask(ctx, spec(q, task(1, 0), fmt.Sprintf(`SELECT i AS c0, 's' || i AS c1,
				CAST(i AS DECIMAL(12,2)) AS c2, DATE '2020-01-01' + CAST(i %% 1000 AS INTEGER) AS c3,
				CAST(hash(i) %% 2 AS INTEGER) AS __part FROM range(%d) r(i)`, benchRows),
			stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{0}, Consumers: 2, Schema: schema})); err != nil {
			b.Fatal(err)
		}
		var runs []*exec.RemoteTask
		for p, n := range c.nodes {
			in := stage.InputSpec{Exchange: 1, Schema: schema, Producers: []stage.ProducerSpec{
				{Task: task(1, 0), Address: c.nodes[0].addr, Ticket: c.ticket(q, task(1, 0), p)}}}
			rt, err := n.client.RunTask(ctx, spec(q, task(0, p), `SELECT count(*) AS c0 FROM {in:1}`,
				stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: count}, in))
			if err != nil {
				b.Fatal(err)
			}
			runs = append(runs, rt)
		}
		var total int64
		for p, n := range c.nodes {
			if _, err := readAll(b, ctx, n.client, c.ticket(q, task(0, p), 0), nil, func(rec arrow.RecordBatch, i int) {}); err != nil {
				b.Fatal(err)
			}
			st, err := runs[p].Wait(ctx)
			if err != nil {
				b.Fatal(err)
			}
			total += st.RowsIn
		}
		if total != benchRows {
			b.Fatalf("%d rows arrived", total)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
