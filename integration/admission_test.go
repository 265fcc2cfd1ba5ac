package integration

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"google.golang.org/grpc/codes"
)

// TestAdmission: with --max-running-queries 1 --max-queued-queries 1, a
// query whose result nobody reads holds the one running slot; of two more
// queries, one waits in line and the other is RESOURCE_EXHAUSTED. Once the
// running query is cancelled, the one in line runs. A query the
// coordinator answers itself takes no slot. /metrics counts the running
// and queued queries.
func TestAdmission(t *testing.T) {
	t.Parallel()
	c := startClusterArgs(t, 2, []string{"--max-running-queries", "1", "--max-queued-queries", "1"},
		[]string{"--query-memory", "65536", "--spill-limit", "-1"})
	db := connect(t, c.Addr)
	loadBig(t, db, "big", 400_000, 2)
	fs := newFlightSQLClient(t, c.Addr)

	// A result that cannot fit the query's 64 KiB and may not spill: its
	// producers wait for a reader, so the query keeps its slot.
	running, err := queryWith(t, fs, "", "SELECT a, b FROM big")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := queryWith(t, fs, "", "SELECT 1"); err != nil {
		t.Fatalf("a query the coordinator answers while the slot is taken: %v", err)
	}
	type outcome struct {
		info *flight.FlightInfo
		err  error
	}
	done := make(chan outcome, 2)
	for range 2 {
		go func() {
			info, err := queryWith(t, fs, "", "SELECT count(*) FROM big")
			done <- outcome{info, err}
		}()
	}
	// One of the two is refused at once; the other waits in line.
	first := <-done
	wantCode(t, "a query past the running cap and the queue", first.err, codes.ResourceExhausted)
	if !strings.Contains(first.err.Error(), "1 queries running, 1 queued") {
		t.Errorf("refusal %q does not say what runs and waits", first.err)
	}
	fams := scrape(t, c.Coordinator.HTTPAddr(t))
	for state, want := range map[string]float64{"running": 1, "queued": 1} {
		if got := metricSum(fams, "quiver_admission_queries", map[string]string{"state": state}); got != want {
			t.Errorf("quiver_admission_queries{state=%s} = %v, want %v", state, got, want)
		}
	}

	ctx, cancel := stmtCtx()
	defer cancel()
	if _, err := fs.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: running}); err != nil {
		t.Fatal(err)
	}
	second := <-done
	if second.err != nil {
		t.Fatalf("the query in line after the running one was cancelled: %v", second.err)
	}
	for _, ep := range second.info.Endpoint {
		if err := getAt(t, ep, ""); err != nil {
			t.Fatal(err)
		}
	}
}
