package integration

import (
	"context"

	"github.com/apache/arrow-adbc/go/adbc"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// TestMessageLimits checks both sides of the gRPC message limits: a request
// over --max-message-bytes is RESOURCE_EXHAUSTED and harms nothing, while
// batches far above gRPC's 4 MB default pass in both directions.
func TestMessageLimits(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "large result")
	const limit = 8 << 20
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir(),
		"--workers", "2", "--max-message-bytes", "8388608")
	addr := p.WaitReady(t)
	c := connect(t, addr)

	// One 6 MB batch: over gRPC's default 4 MB, under the configured limit;
	// ingested twice, the table's result is larger than one message may be.
	const rows = 6000
	mem := memory.NewGoAllocator()
	b := array.NewStringBuilder(mem)
	pad := strings.Repeat("x", 1000)
	for i := 0; i < rows; i++ {
		b.Append(pad)
	}
	col := b.NewArray()
	defer col.Release()
	b.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
	rec := array.NewRecordBatch(schema, []arrow.Array{col}, rows)
	defer rec.Release()
	n, err := c.Ingest("wide", adbc.OptionValueIngestModeCreate, []arrow.RecordBatch{rec})
	if err != nil {
		t.Fatalf("ingest of a 6 MB batch: %v", err)
	}
	checkAffected(t, "ingest", n, rows)
	if _, err := c.Ingest("wide", adbc.OptionValueIngestModeAppend, []arrow.RecordBatch{rec, rec}); err != nil {
		t.Fatalf("append of two 6 MB batches: %v", err)
	}
	res := c.MustQuery("SELECT s FROM wide ORDER BY s")
	if len(res.rows) != 3*rows {
		t.Fatalf("SELECT of the wide table returned %d rows, want %d", len(res.rows), 3*rows)
	}

	// A statement larger than the limit.
	fsql := newFlightSQLClient(t, addr)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	huge := "SELECT '" + strings.Repeat("y", limit+1024) + "'"
	_, err = fsql.Execute(ctx, huge)
	if got := grpcCode(err); got != codes.ResourceExhausted {
		t.Fatalf("oversized statement: code %s (%v), want ResourceExhausted", got, err)
	}
	if p.Exited() {
		t.Fatal("the server died on an oversized request")
	}
	if res := c.MustQuery("SELECT count(*) FROM wide"); len(res.rows) != 1 {
		t.Fatalf("count after the oversized request returned %d rows", len(res.rows))
	}
}

// TestStatementBombs sends statements built to exhaust the front end: each
// is refused with RESOURCE_EXHAUSTED before it can overflow a stack (they
// used to kill the process with a Go stack overflow), and the server goes on
// answering.
func TestStatementBombs(t *testing.T) {
	t.Parallel()
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir(), "--workers", "1")
	addr := p.WaitReady(t)
	fsql := newFlightSQLClient(t, addr)
	bombs := map[string]string{
		"1,000,000 additions":  "SELECT 1" + strings.Repeat(" + 1", 1000000),
		"100,000 nested calls": "SELECT " + strings.Repeat("abs(", 100000) + "1" + strings.Repeat(")", 100000),
		"100,000 NOTs":         "SELECT " + strings.Repeat("NOT ", 100000) + "1",
		"10 MB OR chain":       "SELECT 1 WHERE " + strings.Repeat("1 = 1 OR ", 1100000) + "1 = 2",
		"2,000 nested selects": "SELECT " + strings.Repeat("(SELECT ", 2000) + "1" + strings.Repeat(")", 2000),
	}
	for name, sql := range bombs {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := fsql.Execute(ctx, sql)
		cancel()
		if got := grpcCode(err); got != codes.ResourceExhausted {
			t.Errorf("%s: code %s (%v), want ResourceExhausted", name, got, err)
		}
		if p.Exited() {
			t.Fatalf("the server died on %s", name)
		}
	}
	c := connect(t, addr)
	if res := c.MustQuery("SELECT 1" + strings.Repeat(" + 1", 50)); len(res.rows) != 1 {
		t.Fatalf("a query after the bombs returned %d rows", len(res.rows))
	}
}
