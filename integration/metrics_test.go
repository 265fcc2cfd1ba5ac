package integration

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// httpTimeout bounds one HTTP request of the tests.
const httpTimeout = 30 * time.Second

// httpGet fetches http://addr+path and returns the status and body.
func httpGet(t testing.TB, addr, path string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), httpTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s%s: %v", addr, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s%s: %v", addr, path, err)
	}
	return resp.StatusCode, string(b)
}

// scrape reads addr's /metrics with the Prometheus text parser.
func scrape(t testing.TB, addr string) map[string]*dto.MetricFamily {
	t.Helper()
	code, body := httpGet(t, addr, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d %s", code, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, body)
	}
	return fams
}

// metricSum adds up the samples of a family whose labels include want
// (counters, gauges; a histogram's sample count).
func metricSum(fams map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	var sum float64
	f := fams[name]
	if f == nil {
		return 0
	}
next:
	for _, m := range f.GetMetric() {
		for k, v := range want {
			found := false
			for _, l := range m.GetLabel() {
				if l.GetName() == k && l.GetValue() == v {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			sum += m.GetCounter().GetValue()
		case m.Gauge != nil:
			sum += m.GetGauge().GetValue()
		case m.Histogram != nil:
			sum += float64(m.GetHistogram().GetSampleCount())
		}
	}
	return sum
}

// labelValues lists the values label takes in a family.
func labelValues(fams map[string]*dto.MetricFamily, name, label string) []string {
	var out []string
	for _, m := range fams[name].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == label {
				out = append(out, l.GetValue())
			}
		}
	}
	return out
}

// TestMetrics runs statements of every kind against `quiver serve` and
// checks, in /metrics parsed as Prometheus text, that their counters moved:
// statement latencies by kind, ended queries, rows and bytes by exchange
// kind, ingested rows, and the gauges of live workers and DuckDB memory.
func TestMetrics(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	addr := cl.Coordinator.HTTPAddr(t)
	c := connect(t, cl.Addr)

	if code, body := httpGet(t, addr, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d %s", code, body)
	}
	if code, body := httpGet(t, addr, "/readyz"); code != http.StatusOK {
		t.Errorf("/readyz of a serving coordinator with 2 workers: %d %s", code, body)
	}

	before := scrape(t, addr)
	const rows, files = 20000, 4
	loadBig(t, c, "big", rows, files)
	c.MustExec("CREATE TABLE side (k BIGINT)")
	sql := "SELECT a % 7, count(*), sum(b) FROM big GROUP BY a % 7"
	if plan := strings.Join(explainLines(t, c, "EXPLAIN "+sql), "\n"); !strings.Contains(plan, "normal") {
		t.Fatalf("the aggregate has no shuffle:\n%s", plan)
	}
	qid, _ := runForQueryID(t, cl, sql, func(t *testing.T, r *result) {
		if len(r.rows) != 7 {
			t.Fatalf("%d groups, want 7", len(r.rows))
		}
	})
	fs := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.GetTables(ctx, &flightsql.GetTablesOpts{})
	if err != nil {
		t.Fatalf("GetTables: %v", err)
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	if _, err := drainInfo(info, cl.Addr, mem); err != nil {
		t.Fatalf("DoGet tables: %v", err)
	}
	mem.AssertSize(t, 0)

	// The query's counters move when its last task ends, after the client
	// has its rows: wait for the registry to say it finished.
	var after map[string]*dto.MetricFamily
	deadline := time.Now().Add(readyTimeout)
	for {
		after = scrape(t, addr)
		if metricSum(after, "quiver_queries_total", map[string]string{"state": "finished"}) > metricSum(before, "quiver_queries_total", map[string]string{"state": "finished"}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("query %s never counted as finished in quiver_queries_total", qid)
		}
		time.Sleep(100 * time.Millisecond)
	}

	moved := func(name string, labels map[string]string) float64 {
		return metricSum(after, name, labels) - metricSum(before, name, labels)
	}
	for _, kind := range []string{"query", "update", "ingest", "metadata"} {
		if d := moved("quiver_statement_duration_seconds", map[string]string{"kind": kind}); d < 1 {
			t.Errorf("quiver_statement_duration_seconds{kind=%q} observed %v statements, want at least 1", kind, d)
		}
	}
	// Exactly what the test ingested: nothing else loads into this server.
	if d := moved("quiver_ingest_rows_total", nil); d != rows {
		t.Errorf("quiver_ingest_rows_total moved by %v, want %d", d, rows)
	}
	if d := moved("quiver_ingest_bytes_total", nil); d < rows*16 {
		t.Errorf("quiver_ingest_bytes_total moved by %v, want at least %d (two int64 columns)", d, rows*16)
	}
	if d := moved("quiver_exchange_rows_total", map[string]string{"kind": "normal"}); d < 7 {
		t.Errorf("quiver_exchange_rows_total{kind=normal} moved by %v: the shuffle of the aggregate is not counted", d)
	}
	if d := moved("quiver_exchange_rows_total", map[string]string{"kind": "result"}); d < 7 {
		t.Errorf("quiver_exchange_rows_total{kind=result} moved by %v, want at least the 7 result rows", d)
	}
	if d := moved("quiver_exchange_bytes_total", map[string]string{"kind": "normal"}); d <= 0 {
		t.Errorf("quiver_exchange_bytes_total{kind=normal} did not move")
	}
	if d := moved("quiver_tasks_total", map[string]string{"outcome": "finished"}); d < 2 {
		t.Errorf("quiver_tasks_total{outcome=finished} moved by %v", d)
	}
	if got := metricSum(after, "quiver_workers_live", nil); got != 2 {
		t.Errorf("quiver_workers_live = %v, want 2", got)
	}
	if ws := labelValues(after, "quiver_worker_heartbeat_age_seconds", "worker"); len(ws) != 2 {
		t.Errorf("heartbeat ages of workers %v, want 2", ws)
	}
	for _, name := range []string{"quiver_duckdb_memory_bytes", "quiver_exchange_buffered_bytes", "quiver_spill_bytes", "quiver_worker_running_tasks"} {
		if ws := labelValues(after, name, "worker"); len(ws) != 2 {
			t.Errorf("%s for workers %v, want the 2 embedded ones", name, ws)
		}
	}
	if got := metricSum(after, "quiver_worker_up", nil); got != 2 {
		t.Errorf("quiver_worker_up sums to %v, want 2", got)
	}
	if got := metricSum(after, "quiver_queries", map[string]string{"state": "finished"}); got < 1 {
		t.Errorf("quiver_queries{state=finished} = %v, want the query just run", got)
	}
}

// TestReadiness: a coordinator without workers is alive but not ready; it
// is once a worker joins, and so is the worker, each on its own HTTP
// address.
func TestReadiness(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	co := startProc(t, "coordinator", "coordinator", "--listen", "127.0.0.1:0", "--data-dir", dataDir)
	cl := &Cluster{Addr: co.WaitReady(t), DataDir: dataDir, Coordinator: co}
	coHTTP := co.HTTPAddr(t)
	if code, body := httpGet(t, coHTTP, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d %s", code, body)
	}
	if code, body := httpGet(t, coHTTP, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "no live worker") {
		t.Errorf("/readyz without workers: %d %q, want 503 naming the missing worker", code, body)
	}
	w := cl.addWorker(t)
	wHTTP := w.HTTPAddr(t)
	waitStatus(t, coHTTP, "/readyz", http.StatusOK)
	waitStatus(t, wHTTP, "/readyz", http.StatusOK)
	fams := scrape(t, wHTTP)
	if got := labelValues(fams, "quiver_worker_up", "worker"); len(got) != 1 || got[0] != cl.WorkerAddrs[0] {
		t.Errorf("the worker's /metrics reports workers %v, want [%s]", got, cl.WorkerAddrs[0])
	}
	if fams["quiver_workers_live"] != nil {
		t.Errorf("a worker's /metrics has the coordinator's quiver_workers_live")
	}
	if code, _ := httpGet(t, wHTTP, "/api/queries"); code != http.StatusNotFound {
		t.Errorf("a worker serves the console's API: %d", code)
	}
}

// waitStatus polls addr+path until it answers code.
func waitStatus(t testing.TB, addr, path string, code int) {
	t.Helper()
	deadline := time.Now().Add(readyTimeout)
	for {
		got, body := httpGet(t, addr, path)
		if got == code {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s%s answers %d %q, want %d", addr, path, got, body, code)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
