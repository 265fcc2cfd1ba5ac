package integration

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds everything one console test does in the browser.
const browserTimeout = 3 * time.Minute

// newBrowser starts headless Chromium (Debian's chromium package, which
// `make test` installs) with a fresh profile, as root in a sandbox needs.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed (make test installs it: apt-get install chromium): %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	// The first action starts the browser, which lives as long as the
	// context of that call: it gets no timeout; the actions after it do.
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(bctx, browserTimeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
	})
	return ctx
}

// explainStage is a stage annotation of EXPLAIN: "<- stage 2, normal, 2 tasks".
type explainStage struct {
	ID    int
	Kind  string
	Tasks int
}

var stageLine = regexp.MustCompile(`<- stage (\d+), (\w+), (\d+) tasks?`)

func explainStages(lines []string) []explainStage {
	var out []explainStage
	for _, l := range lines {
		if m := stageLine.FindStringSubmatch(l); m != nil {
			id, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[3])
			out = append(out, explainStage{ID: id, Kind: m[2], Tasks: n})
		}
	}
	slices.SortFunc(out, func(a, b explainStage) int { return a.ID - b.ID })
	return out
}

// graphStage and graphEdge are what the console's SVG says of the stage
// graph, read from its data attributes.
type graphStage struct {
	Stage   int      `json:"stage"`
	Kind    string   `json:"kind"`
	Tasks   int      `json:"tasks"`
	State   string   `json:"state"`
	Boxes   int      `json:"boxes"` // task boxes drawn
	RowsOut int64    `json:"rowsOut"`
	Workers []string `json:"workers"`
}

type graphEdge struct {
	From int    `json:"from"`
	To   int    `json:"to"`
	Kind string `json:"kind"`
	Rows int64  `json:"rows"`
}

type consoleGraph struct {
	Stages []graphStage `json:"stages"`
	Edges  []graphEdge  `json:"edges"`
}

const readGraph = `({
  stages: [...document.querySelectorAll("svg#stage-graph g.stage")].map(g => ({
    stage: +g.dataset.stage, kind: g.dataset.kind, tasks: +g.dataset.tasks, state: g.dataset.state,
    boxes: g.querySelectorAll("g.task").length, rowsOut: +g.dataset.rowsOut,
    workers: [...g.querySelectorAll("g.task")].map(t => t.dataset.worker) })),
  edges: [...document.querySelectorAll("svg#stage-graph g.edge")].map(g => ({
    from: +g.dataset.from, to: +g.dataset.to, kind: g.dataset.kind, rows: +g.dataset.rows })),
})`

// TestConsole runs a multi-stage query (a shuffle join, an aggregate and an
// ordered gather over ingested tables) and checks the web console in
// headless Chromium: the queries page picks the query up while open, the
// query page draws one box per stage with the kind and task count EXPLAIN
// prints, an edge per exchange with the rows it moved, tasks on both
// workers, every stage finished, and the EXPLAIN ANALYZE text; the workers
// page lists both workers. It saves a screenshot of the query page as a
// test artifact (go test -artifacts keeps it).
func TestConsole(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	// A small exchange budget without spilling: a result that nobody
	// reads keeps its query running (the live part below).
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--workers", "2", "--broadcast-rows", "50",
		"--query-memory", "1048576", "--spill-limit", "-1")
	cl := &Cluster{Addr: p.WaitReady(t), DataDir: dataDir, Coordinator: p}
	web := "http://" + p.HTTPAddr(t)
	c := connect(t, cl.Addr)

	const factRows, keys = 3000, 500
	mem := memory.NewGoAllocator()
	fact, dim := joinTables(mem, factRows, keys)
	defer releaseAll(fact)
	defer releaseAll(dim)
	ingest(t, c, "fact", fact)
	ingest(t, c, "dim", dim)
	const sql = "SELECT name, count(*), sum(v) FROM fact JOIN dim ON fact.k = dim.k GROUP BY name ORDER BY name"
	want := explainStages(explainLines(t, c, "EXPLAIN "+sql))
	if len(want) < 4 {
		t.Fatalf("EXPLAIN shows %d stages, want a shuffle join, an aggregate and a gather: %v", len(want), want)
	}

	ctx := newBrowser(t)
	// The queries page is open before the query runs: it must pick it up.
	if err := chromedp.Do(ctx, chromedp.Navigate(web+"/"), chromedp.WaitVisible(chromedp.CSS("#queries"))); err != nil {
		t.Fatalf("open the queries page: %v", err)
	}
	qid, res := runForQueryID(t, cl, sql, func(t *testing.T, r *result) {
		if len(r.rows) != 37 {
			t.Fatalf("%d groups, want 37", len(r.rows))
		}
	})
	row := fmt.Sprintf(`#queries tr[data-query=%q][data-state="finished"]`, qid)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(row))); err != nil {
		t.Fatalf("the queries page never showed query %s finished: %v", qid, err)
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(web+"/ui/#/query/"+qid),
		chromedp.WaitVisible(chromedp.CSS(`#query-state[data-state="finished"]`)),
		chromedp.WaitVisible(chromedp.CSS("#analyze")),
	)
	if err != nil {
		t.Fatalf("query page of %s: %v", qid, err)
	}
	graph, err := chromedp.Run(ctx, chromedp.Evaluate[consoleGraph](readGraph))
	if err != nil {
		t.Fatalf("read the stage graph: %v", err)
	}
	analyze, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#analyze")))
	if err != nil {
		t.Fatalf("read the EXPLAIN ANALYZE view: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	shotPath := filepath.Join(t.ArtifactDir(), "console.png")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the query page: %s", shotPath)

	slices.SortFunc(graph.Stages, func(a, b graphStage) int { return a.Stage - b.Stage })
	if len(graph.Stages) != len(want) {
		t.Fatalf("the graph has %d stages, EXPLAIN %d: %+v vs %+v", len(graph.Stages), len(want), graph.Stages, want)
	}
	workers := map[string]bool{}
	for i, s := range graph.Stages {
		w := want[i]
		if s.Stage != w.ID || s.Kind != w.Kind || s.Tasks != w.Tasks {
			t.Errorf("graph stage %+v, EXPLAIN says %+v", s, w)
		}
		if s.State != "finished" || s.Boxes != s.Tasks {
			t.Errorf("stage %d: state %s with %d task boxes, want finished with %d", s.Stage, s.State, s.Boxes, s.Tasks)
		}
		for _, wk := range s.Workers {
			workers[wk] = true
		}
	}
	if len(workers) != 2 {
		t.Errorf("tasks drawn on workers %v, want both", workers)
	}
	if root := graph.Stages[0]; root.RowsOut != int64(len(res.rows)) {
		t.Errorf("the result stage says %d rows out, the client read %d", root.RowsOut, len(res.rows))
	}
	if len(graph.Edges) != len(want)-1 {
		t.Errorf("the graph has %d edges, want one per exchange: %d", len(graph.Edges), len(want)-1)
	}
	for _, e := range graph.Edges {
		if e.Rows <= 0 {
			t.Errorf("edge %+v moved no rows", e)
		}
	}
	if !strings.Contains(analyze, "<- stage 0,") || !strings.Contains(analyze, "| task 0.0 on ") {
		t.Errorf("the EXPLAIN ANALYZE view lacks stages or tasks:\n%s", analyze)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(web+"/ui/#/workers"), chromedp.WaitVisible(chromedp.CSS(`#workers tr.worker`))); err != nil {
		t.Fatalf("workers page: %v", err)
	}
	workerStates, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#workers tr.worker")].map(r => r.dataset.worker + "=" + r.dataset.state)`))
	if err != nil {
		t.Fatalf("workers page: %v", err)
	}
	if len(workerStates) != 2 || strings.Count(strings.Join(workerStates, " "), "=live") != 2 {
		t.Errorf("the workers page lists %v, want 2 live workers", workerStates)
	}

	t.Run("live", func(t *testing.T) { checkLiveGraph(t, ctx, cl, web, c) })
}

// checkLiveGraph starts a query whose result nobody reads (more than the
// per-query budget, spilling off: its tasks stay blocked), opens its page,
// sees its stages drawn running, cancels it, and sees the same page turn
// cancelled without reloading it.
func checkLiveGraph(t *testing.T, ctx context.Context, cl *Cluster, web string, c *client) {
	loadBig(t, c, "big", 200_000, 2)
	fs := newFlightSQLClient(t, cl.Addr)
	sctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.Execute(sctx, "SELECT a, b FROM big")
	if err != nil {
		t.Fatalf("execute: %v", err)
	}
	qid := string(info.AppMetadata)
	err = chromedp.Do(ctx,
		chromedp.Navigate(web+"/ui/#/query/"+qid),
		chromedp.WaitVisible(chromedp.CSS(`#query-state[data-state="running"]`)),
		chromedp.WaitVisible(chromedp.CSS(`svg#stage-graph g.stage[data-state="running"] g.task[data-state="running"]`)),
	)
	if err != nil {
		t.Fatalf("the page of running query %s: %v", qid, err)
	}
	res, err := fs.CancelFlightInfo(sctx, &flight.CancelFlightInfoRequest{Info: info})
	if err != nil || res.Status != flight.CancelStatusCancelled {
		t.Fatalf("CancelFlightInfo: %v %v", res.GetStatus(), err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(`#query-state[data-state="cancelled"]`)),
		chromedp.WaitVisible(chromedp.CSS(`svg#stage-graph g.stage[data-state="cancelled"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`svg#stage-graph g.task[data-state="running"]`)),
	)
	if err != nil {
		t.Fatalf("the page of query %s never showed it cancelled with no task running: %v", qid, err)
	}
}
