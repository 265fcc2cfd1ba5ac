package exec_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// TestStreamedInputAnswers: a fragment that reads an input exchange through
// the streamed path answers what DuckDB answers over the same rows, for
// reads of some columns in another order (an Arrow view crashed on those),
// of no column, with filters, of every streamed type with nulls, over
// batches that DuckDB's vectors do not divide, and for an input read twice
// (which is materialized instead).
func TestStreamedInputAnswers(t *testing.T) {
	c := newCluster(t, 3000)
	n := c.nodes[0]
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q := stage.QueryID("q-streamed")
	const rows = 50_000
	gen := fmt.Sprintf(`SELECT i AS c0,
		CASE WHEN i %% 7 = 0 THEN NULL ELSE 's' || i END AS c1,
		CAST(i / 100 AS DECIMAL(12,2)) AS c2,
		DATE '2020-01-01' + CAST(i %% 1000 AS INTEGER) AS c3,
		TIMESTAMP '2020-01-01 00:00:00' + to_seconds(i) AS c4,
		CAST(TIMESTAMP '2021-06-01 12:00:00' + to_minutes(i) AS TIMESTAMPTZ) AS c5,
		i %% 3 = 0 AS c6,
		CAST(CASE WHEN i %% 5 = 0 THEN NULL ELSE i * 0.5 END AS DOUBLE) AS c7,
		CAST(i AS INTEGER) AS c8,
		CAST(i * 1000000 AS DECIMAL(38,4)) AS c9
		FROM range(%d) r(i)`, rows)
	in := schemaSpec("c0", "int64", "c1", "utf8", "c2", "decimal(12,2)", "c3", "date32", "c4", "timestamp_us",
		"c5", "timestamptz_us", "c6", "bool", "c7", "float64", "c8", "int32", "c9", "decimal(38,4)")
	queries := []string{
		`SELECT count(c1), count(*), sum(c0) FROM {in}`,
		`SELECT c3, c0, c1 FROM {in} WHERE c0 % 997 = 0`,
		`SELECT count(*) FROM {in}`,
		`SELECT c9, c2, c4, c5, c6, c7, c8 FROM {in} WHERE c6 AND c1 IS NOT NULL AND c0 < 5000`,
		`SELECT a.c0, b.c1 FROM {in} a JOIN {in} b ON a.c0 = b.c0 + 1 WHERE a.c0 % 1000 = 0`,
		`SELECT c1, count(*) FROM {in} GROUP BY c1 ORDER BY c1 NULLS FIRST LIMIT 5`,
		`SELECT max(c5), min(c4), sum(c7), sum(c2), sum(c9), count(*) FILTER (WHERE c6) FROM {in} WHERE c8 > 100`,
	}
	if _, err := n.client.RunTask(ctx, spec(q, task(2, 0), gen,
		stage.OutputSpec{Kind: stage.OutputExpansive, Consumers: len(queries), Schema: in})); err != nil {
		t.Fatal(err)
	}
	// Each answer is one text column, its row as text, so that every
	// query has one result type.
	text := func(query, from string) string {
		query = strings.ReplaceAll(query, "{in}", from)
		return `SELECT CAST(q AS VARCHAR) AS c0 FROM (` + query + `) AS q`
	}
	out := schemaSpec("r", "utf8")
	answers := func(id stage.TaskID) []string {
		var got []string
		_, err := readAll(t, ctx, n.client, c.ticket(q, id, 0), mustArrow(t, out), func(rec arrow.RecordBatch, i int) {
			col := rec.Column(0).(*array.String)
			got = append(got, col.Value(i))
		})
		if err != nil {
			t.Fatalf("task %s: %v", id, err)
		}
		slices.Sort(got)
		return got
	}
	for k, query := range queries {
		input := stage.InputSpec{Exchange: 2, Schema: in, Producers: []stage.ProducerSpec{{Task: task(2, 0), Address: n.addr, Ticket: c.ticket(q, task(2, 0), k)}}}
		if _, err := n.client.RunTask(ctx, spec(q, task(1, k), text(query, "{in:2}"),
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: out}, input)); err != nil {
			t.Fatal(err)
		}
		if _, err := n.client.RunTask(ctx, spec(q, task(0, k), text(query, "("+gen+")"),
			stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: out})); err != nil {
			t.Fatal(err)
		}
		got, want := answers(task(1, k)), answers(task(0, k))
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: %d rows, DuckDB has %d; first %q, want %q", query, len(got), len(want), first(got), first(want))
		}
	}
	if err := n.client.CancelQuery(ctx, q, nil); err != nil {
		t.Fatal(err)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// TestStreamedInputBeforeProducerEnds: a consumer answers from its input
// while the producer still runs. The producer never ends: a consumer that
// loaded its input into a table before running its SQL would never answer.
func TestStreamedInputBeforeProducerEnds(t *testing.T) {
	c := newClusterWith(t, func(cfg *exec.Config) {
		cfg.QueryMemory = 4 << 20 // producers wait for readers beyond it
		cfg.SpillLimit = -1
	}, 0, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q := stage.QueryID("q-endless")
	one := schemaSpec("n", "int64")
	endless := `SELECT i AS c0 FROM range(1000000000000) r(i)`
	if _, err := c.nodes[0].client.RunTask(ctx, spec(q, task(1, 0), endless,
		stage.OutputSpec{Kind: stage.OutputConvergent, Consumers: 1, Schema: one})); err != nil {
		t.Fatal(err)
	}
	if _, err := c.nodes[1].client.RunTask(ctx, spec(q, task(0, 0), `SELECT c0 * 2 AS c0 FROM {in:1} WHERE c0 % 3 = 0`,
		stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: one}, stage.InputSpec{
			Exchange: 1, Schema: one,
			Producers: []stage.ProducerSpec{{Task: task(1, 0), Address: c.nodes[0].addr, Ticket: c.ticket(q, task(1, 0), 0)}},
		})); err != nil {
		t.Fatal(err)
	}
	rdr, err := c.nodes[1].client.DoGet(ctx, c.ticket(q, task(0, 0), 0))
	if err != nil {
		t.Fatal(err)
	}
	if !rdr.Next() {
		t.Fatalf("no answer from a consumer of a running producer: %v", rdr.Err())
	}
	if v := rdr.RecordBatch().Column(0).(*array.Int64).Value(0); v%6 != 0 {
		t.Errorf("first answer %d is no multiple of 6", v)
	}
	if s := c.nodes[0].w.Stats(); s.Tasks != 1 {
		t.Errorf("the producer's worker runs %d tasks, want the endless producer", s.Tasks)
	}
	for _, n := range c.nodes {
		if err := n.client.CancelQuery(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
	}
	for rdr.Next() {
	}
	wantCode(t, rdr.Err(), qerr.ErrCancelled)
	rdr.Release()
	for _, n := range c.nodes {
		for s := n.w.Stats(); s.Connections != 0 || s.Buffers != 0 || s.Tasks != 0; s = n.w.Stats() {
			if ctx.Err() != nil {
				t.Fatalf("worker %s still holds %+v", n.addr, s)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}
