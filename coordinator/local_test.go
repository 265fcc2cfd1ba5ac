package coordinator

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// heldRows opens res's one held endpoint and prints its rows, one line
// each, columns joined by |.
func heldRows(t *testing.T, c *Coordinator, res *Result) []string {
	t.Helper()
	if len(res.Endpoints) != 1 || res.Endpoints[0].Addr != "" || !IsHeldTicket(res.Endpoints[0].Ticket) || res.Query != "" {
		t.Fatalf("endpoints %+v of query %q, want one held by the coordinator and no query", res.Endpoints, res.Query)
	}
	_, rdr, err := c.OpenHeld(res.Endpoints[0].Ticket)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Release()
	if !rdr.Schema().Equal(res.Schema) {
		t.Errorf("stream schema %s, FlightInfo's %s", rdr.Schema(), res.Schema)
	}
	var lines []string
	for rdr.Next() {
		rec := rdr.RecordBatch()
		for i := range int(rec.NumRows()) {
			cols := make([]string, rec.NumCols())
			for j, col := range rec.Columns() {
				cols[j] = col.ValueStr(i)
			}
			lines = append(lines, strings.Join(cols, "|"))
		}
	}
	return lines
}

// TestLocalQueriesWithoutWorkers: with no live worker, queries that read
// no table answer from the coordinator; a query of a table, and a plan
// over virtual tables that has exchanges, still need a worker.
func TestLocalQueriesWithoutWorkers(t *testing.T) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(t, time.Hour)
	sess := NewSession("", false)
	if _, err := c.ExecuteUpdate(ctx, sess, "CREATE TABLE t (a INT, s VARCHAR(10))"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sql  string
		want string // the rows, joined by ;
	}{
		{"SELECT 1", "1"},
		{"SELECT 1+1, 'a', NULL, CAST('2020-01-02' AS DATE)", "2|a|(null)|2020-01-02"},
		{"SELECT 1 UNION ALL SELECT 2 ORDER BY 1 DESC", "2;1"},
		{"SELECT now() IS NOT NULL, database()", "true|main"},
		{"SHOW TABLES", "t"},
		{"SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'", "t|BASE TABLE"},
		{"SELECT count(*) FROM system.workers", "0"},
	} {
		res, err := c.Execute(ctx, sess, tc.sql)
		if err != nil {
			t.Errorf("%s: %v", tc.sql, err)
			continue
		}
		if got := strings.Join(heldRows(t, c, res), ";"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.sql, got, tc.want)
		}
	}
	for _, sql := range []string{
		"SELECT a FROM t",
		"SELECT c.column_name FROM information_schema.columns c JOIN information_schema.tables t ON c.table_name = t.table_name",
	} {
		if _, err := c.Execute(ctx, sess, sql); !qerr.Has(err, qerr.ErrUnavailable) {
			t.Errorf("%s without workers: %v, want ErrUnavailable", sql, err)
		}
	}
}

// TestLocalPrepared: a prepared constant query runs locally, once per
// bound row as a union of them.
func TestLocalPrepared(t *testing.T) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(t, time.Hour)
	sess := NewSession("", false)
	p, schema, err := c.Prepare(ctx, sess, "SELECT ? + 1 AS n")
	if err != nil {
		t.Fatal(err)
	}
	if schema.NumFields() != 1 || schema.Field(0).Name != "n" {
		t.Errorf("prepared schema %s", schema)
	}
	rows := [][]*stage.Literal{{{Text: "1", T: p.Params[0]}}, {{Text: "41", T: p.Params[0]}}}
	res, err := c.ExecutePrepared(ctx, sess, c.WithRows(p, rows), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(heldRows(t, c, res)); got != "[2 42]" {
		t.Errorf("rows %s, want [2 42]", got)
	}
}

// TestLocalResultBound: a constant query whose result is larger than the
// held results may keep is ErrTooLarge, and the coordinator answers the
// next query.
func TestLocalResultBound(t *testing.T) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(t, time.Hour)
	sess := NewSession("", false)
	if _, err := c.Execute(ctx, sess, fmt.Sprintf("SELECT repeat('x', %d)", maxHeldBytes+1)); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Errorf("a result over %d bytes: %v, want ErrTooLarge", maxHeldBytes, err)
	}
	res, err := c.Execute(ctx, sess, "SELECT 'after'")
	if err != nil {
		t.Fatal(err)
	}
	if got := heldRows(t, c, res); len(got) != 1 || got[0] != "after" {
		t.Errorf("rows %q", got)
	}
}

// TestLiteralRecord: a projection of literals is built in Go exactly as
// the local engine answers it (same schema, same values), and anything
// else (a call, a cast, another type, more rows) is left to the engine.
func TestLiteralRecord(t *testing.T) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(t, time.Hour)
	sess := NewSession("", false)
	for _, tc := range []struct {
		sql  string
		inGo bool
	}{
		{"SELECT 1", true},
		{"SELECT -9223372036854775807, 0, 42 AS n", true},
		{"SELECT 'a', '', 'it''s', '\u00e9t\u00e9'", true},
		{"SELECT true, false", true},
		{"SELECT 1, 'x', true", true},
		{"SELECT 1+1", false},
		{"SELECT NULL", false},
		{"SELECT 1.5", false},
		{"SELECT CAST('2020-01-02' AS DATE)", false},
		{"SELECT 1 UNION ALL SELECT 2", false},
		{"SELECT 1 WHERE 1 = 0", false},
		{"SELECT 1 LIMIT 0", false},
	} {
		planned, _, err := c.plan(ctx, sess, tc.sql)
		if err != nil {
			t.Fatalf("%s: %v", tc.sql, err)
		}
		root := planned.Query.Distributed.Root()
		spec, schema, err := localSpec(root)
		if err != nil {
			t.Fatal(err)
		}
		rec, ok := literalRecord(memory.DefaultAllocator, root.Root, schema)
		if ok != tc.inGo {
			t.Errorf("%s: built in Go %v, want %v (plan %s)", tc.sql, ok, tc.inGo, stage.Format(root.Root))
		}
		if !ok {
			continue
		}
		recs, err := c.local.RunLocal(ctx, memory.DefaultAllocator, spec, maxHeldBytes)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || !array.RecordEqual(recs[0], rec) || !recs[0].Schema().Equal(rec.Schema()) {
			t.Errorf("%s: built in Go %v, the engine answers %v", tc.sql, rec, recs)
		}
		rec.Release()
		for _, r := range recs {
			r.Release()
		}
	}
}

// BenchmarkLocalSelect1 is the coordinator's own cost of SELECT 1: plan,
// run on the local engine, hold, and read back.
func BenchmarkLocalSelect1(b *testing.B) {
	ctx := context.Background()
	c := newWorkerlessCoordinator(b, time.Hour)
	sess := NewSession("", false)
	for b.Loop() {
		res, err := c.Execute(ctx, sess, "SELECT 1")
		if err != nil {
			b.Fatal(err)
		}
		_, rdr, err := c.OpenHeld(res.Endpoints[0].Ticket)
		if err != nil {
			b.Fatal(err)
		}
		for rdr.Next() {
		}
		rdr.Release()
	}
}
