package httpsrv

import (
	"context"
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// ui is the console's static page: plain HTML, CSS and JavaScript that
// polls the JSON API below and draws the stage graph as SVG.
//
//go:embed ui
var ui embed.FS

// workerTimeout bounds how long the workers page waits for one worker.
const workerTimeout = 2 * time.Second

// console serves the web console and its JSON API from a coordinator.
type console struct {
	coord *coordinator.Coordinator
}

func (c console) register(mux *http.ServeMux) {
	static, err := fs.Sub(ui, "ui")
	if err != nil {
		panic(err) // the embedded tree always has ui/
	}
	mux.Handle("GET /{$}", http.RedirectHandler("/ui/", http.StatusFound))
	mux.Handle("GET /ui/", http.StripPrefix("/ui/", http.FileServerFS(static)))
	mux.HandleFunc("GET /api/queries", c.queries)
	mux.HandleFunc("GET /api/queries/{id}", c.query)
	mux.HandleFunc("GET /api/queries/{id}/analyze", c.analyze)
	mux.HandleFunc("GET /api/workers", c.workers)
}

// queryJSON is one query of the console's lists.
type queryJSON struct {
	ID         string     `json:"id"`
	State      string     `json:"state"`
	Statement  string     `json:"statement"`
	User       string     `json:"user"`
	Started    time.Time  `json:"started"`
	Ended      *time.Time `json:"ended,omitempty"`
	DurationMS float64    `json:"duration_ms"` // until now while running
	Tasks      int        `json:"tasks"`
	TasksDone  int        `json:"tasks_done"` // tasks that ended
	Workers    []string   `json:"workers"`
	Rows       int64      `json:"rows"`  // result rows of the result tasks that finished
	Bytes      int64      `json:"bytes"` // their Arrow bytes
	Error      string     `json:"error,omitempty"`
}

// stageJSON is one fragment of a query: a box of the stage graph.
type stageJSON struct {
	ID        int        `json:"id"`
	Kind      string     `json:"kind"` // its output: result, normal, expansive, convergent
	Tasks     int        `json:"tasks"`
	Consumer  int        `json:"consumer"` // -1: the result
	Operators []string   `json:"operators"`
	State     string     `json:"state"`
	RowsIn    int64      `json:"rows_in"`
	RowsOut   int64      `json:"rows_out"`
	BytesOut  int64      `json:"bytes_out"`
	TaskList  []taskJSON `json:"task_list"`
}

// taskJSON is one task of a stage.
type taskJSON struct {
	ID           string  `json:"id"`
	Index        int     `json:"index"`
	Worker       string  `json:"worker"`
	State        string  `json:"state"`
	RowsIn       int64   `json:"rows_in"`
	RowsOut      int64   `json:"rows_out"`
	BytesIn      int64   `json:"bytes_in"`
	BytesOut     int64   `json:"bytes_out"`
	WallMS       float64 `json:"wall_ms"`
	PeakBytes    int64   `json:"peak_bytes"`
	SpilledBytes int64   `json:"spilled_bytes"`
	Error        string  `json:"error,omitempty"`
}

// edgeJSON is an exchange between two stages: what its producer's finished
// tasks sent.
type edgeJSON struct {
	From  int    `json:"from"`
	To    int    `json:"to"`
	Kind  string `json:"kind"`
	Rows  int64  `json:"rows"`
	Bytes int64  `json:"bytes"`
}

// queryDetailJSON is one query with its stage graph.
type queryDetailJSON struct {
	Query  queryJSON   `json:"query"`
	Stages []stageJSON `json:"stages"`
	Edges  []edgeJSON  `json:"edges"`
}

func (c console) queries(w http.ResponseWriter, _ *http.Request) {
	qs := c.coord.Queries()
	out := make([]queryJSON, 0, len(qs))
	for i := len(qs) - 1; i >= 0; i-- { // newest first
		qp, _ := c.coord.QueryPlan(qs[i].ID)
		out = append(out, describeQuery(qs[i], qp))
	}
	writeJSON(w, out)
}

func (c console) query(w http.ResponseWriter, r *http.Request) {
	id := stage.QueryID(r.PathValue("id"))
	qi, ok := c.coord.Query(id)
	qp, ok2 := c.coord.QueryPlan(id)
	if !ok || !ok2 {
		http.Error(w, "query "+string(id)+" is unknown or its results expired", http.StatusNotFound)
		return
	}
	writeJSON(w, queryDetailJSON{Query: describeQuery(qi, qp), Stages: stages(qp), Edges: edges(qp)})
}

func (c console) analyze(w http.ResponseWriter, r *http.Request) {
	id := stage.QueryID(r.PathValue("id"))
	lines, ok := c.coord.AnalyzeLines(id)
	if !ok {
		http.Error(w, "query "+string(id)+" is unknown, expired or still running", http.StatusNotFound)
		return
	}
	writeJSON(w, map[string][]string{"lines": lines})
}

func describeQuery(qi coordinator.QueryInfo, qp coordinator.QueryPlan) queryJSON {
	q := queryJSON{
		ID: string(qi.ID), State: string(qi.State), Statement: qi.Statement, User: qi.User, Started: qi.Started,
		Tasks: qi.Tasks, Workers: qi.Workers, Error: qi.Error,
	}
	end := time.Now()
	if !qi.Ended.IsZero() {
		end = qi.Ended
		q.Ended = &qi.Ended
	}
	q.DurationMS = float64(end.Sub(qi.Started).Microseconds()) / 1e3
	for _, t := range qp.Tasks {
		if t.State != coordinator.TaskRunning {
			q.TasksDone++
		}
		if qp.Plan != nil && t.ID.Fragment == qp.Plan.Root().ID {
			q.Rows += t.Stats.RowsOut
			q.Bytes += t.Stats.BytesOut
		}
	}
	return q
}

// stages describes each fragment of qp with its tasks.
func stages(qp coordinator.QueryPlan) []stageJSON {
	byFragment := map[stage.FragmentID][]coordinator.TaskInfo{}
	for _, t := range qp.Tasks {
		byFragment[t.ID.Fragment] = append(byFragment[t.ID.Fragment], t)
	}
	var out []stageJSON
	for _, f := range qp.Plan.Fragments {
		s := stageJSON{ID: int(f.ID), Kind: "result", Tasks: f.Tasks, Consumer: int(f.Output.Consumer), Operators: operators(f.Root), TaskList: []taskJSON{}}
		if !f.Output.IsResult() {
			s.Kind = strings.ToLower(string(f.Output.Kind))
		}
		states := map[coordinator.TaskState]int{}
		for _, t := range byFragment[f.ID] {
			states[t.State]++
			s.RowsIn += t.Stats.RowsIn
			s.RowsOut += t.Stats.RowsOut
			s.BytesOut += t.Stats.BytesOut
			s.TaskList = append(s.TaskList, taskJSON{
				ID: t.ID.String(), Index: t.ID.Index, Worker: t.Worker, State: string(t.State),
				RowsIn: t.Stats.RowsIn, RowsOut: t.Stats.RowsOut, BytesIn: t.Stats.BytesIn, BytesOut: t.Stats.BytesOut,
				WallMS: float64(t.Stats.Wall.Microseconds()) / 1e3, PeakBytes: t.Stats.PeakBytes, SpilledBytes: t.Stats.SpilledBytes,
				Error: t.Error,
			})
		}
		s.State = stageState(states)
		out = append(out, s)
	}
	return out
}

// stageState is a stage's colour: failed if a task failed, cancelled if one
// was cancelled, running while one runs, finished once all did.
func stageState(n map[coordinator.TaskState]int) string {
	for _, st := range []coordinator.TaskState{coordinator.TaskFailed, coordinator.TaskCancelled, coordinator.TaskRunning} {
		if n[st] > 0 {
			return string(st)
		}
	}
	return string(coordinator.TaskFinished)
}

// edges are the exchanges of qp, from each producer fragment to its
// consumer, with what the producer's finished tasks sent.
func edges(qp coordinator.QueryPlan) []edgeJSON {
	sent := map[stage.FragmentID][2]int64{}
	for _, t := range qp.Tasks {
		s := sent[t.ID.Fragment]
		sent[t.ID.Fragment] = [2]int64{s[0] + t.Stats.RowsOut, s[1] + t.Stats.BytesOut}
	}
	out := []edgeJSON{}
	for _, f := range qp.Plan.Fragments {
		if f.Output.IsResult() {
			continue
		}
		s := sent[f.ID]
		out = append(out, edgeJSON{From: int(f.ID), To: int(f.Output.Consumer), Kind: string(f.Output.Kind), Rows: s[0], Bytes: s[1]})
	}
	return out
}

// operators names the operators of a fragment's plan from its root down,
// stopping at the exchanges it reads (other stages).
func operators(p stage.Plan) []string {
	if _, ok := p.(*stage.ExchangeSource); ok {
		return nil
	}
	name, _, _ := strings.Cut(p.Explain(), ":")
	out := []string{name}
	for _, c := range p.Children() {
		out = append(out, operators(c)...)
	}
	return out
}

// workerJSON is one worker of the workers page.
type workerJSON struct {
	Addr          string    `json:"addr"`
	State         string    `json:"state"` // live, silent (about to be dropped), unreachable
	LastHeartbeat time.Time `json:"last_heartbeat"`
	HeartbeatAgeS float64   `json:"heartbeat_age_s"`
	RunningTasks  int       `json:"running_tasks"`
	Queries       int       `json:"queries"`
	BufferedBytes int64     `json:"buffered_bytes"`
	SpillBytes    int64     `json:"spill_bytes"`
	DuckDBMemory  int64     `json:"duckdb_memory"`
	DuckDBTemp    int64     `json:"duckdb_temp"`
	Error         string    `json:"error,omitempty"`
}

// loader is a worker connection that reports the worker's load (flightsrv's
// connection, through exec.Client).
type loader interface {
	Load(ctx context.Context) (exec.Load, error)
}

func (c console) workers(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, c.workerList(r.Context()))
}

// workerList asks every worker the membership holds for its load, at once.
func (c console) workerList(ctx context.Context) []workerJSON {
	members := c.coord.Members()
	infos := members.Workers()
	out := make([]workerJSON, len(infos))
	now := time.Now()
	var wg sync.WaitGroup
	for i, wi := range infos {
		out[i] = workerJSON{Addr: wi.Addr, State: "live", LastHeartbeat: wi.LastHeartbeat, HeartbeatAgeS: now.Sub(wi.LastHeartbeat).Seconds()}
		if !wi.Live {
			out[i].State = "silent"
		}
		m := members.Member(wi.Addr)
		if m == nil {
			continue // dropped since Workers
		}
		l, ok := m.Conn.(loader)
		if !ok {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(ctx, workerTimeout)
			defer cancel()
			load, err := l.Load(ctx)
			if err != nil {
				out[i].State, out[i].Error = "unreachable", err.Error()
				return
			}
			out[i].RunningTasks, out[i].Queries = load.Tasks, load.Queries
			out[i].BufferedBytes, out[i].SpillBytes = load.BufferedBytes, load.SpillBytes
			out[i].DuckDBMemory, out[i].DuckDBTemp = load.DuckDBMemory, load.DuckDBTemp
		}()
	}
	wg.Wait()
	return out
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(v)
}
