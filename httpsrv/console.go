package httpsrv

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"time"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/stage"
)

// ui is the console's static page: plain HTML, CSS and JavaScript that
// polls the JSON API below and draws the stage graph as SVG.
//
//go:embed ui
var ui embed.FS

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
	q.DurationMS = millis(end.Sub(qi.Started))
	if qp.Plan != nil {
		q.TasksDone, q.Rows, q.Bytes = qp.Progress()
	}
	return q
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }

// stages describes each fragment of qp with its tasks.
func stages(qp coordinator.QueryPlan) []stageJSON {
	var out []stageJSON
	for _, st := range qp.Stages() {
		s := stageJSON{ID: int(st.ID), Kind: st.Kind, Tasks: st.Tasks, Consumer: int(st.Consumer), Operators: st.Operators,
			State: string(st.State), RowsIn: st.RowsIn, RowsOut: st.RowsOut, BytesOut: st.BytesOut, TaskList: []taskJSON{}}
		for _, t := range st.TaskList {
			s.TaskList = append(s.TaskList, taskJSON{
				ID: t.ID.String(), Index: t.ID.Index, Worker: t.Worker, State: string(t.State),
				RowsIn: t.Stats.RowsIn, RowsOut: t.Stats.RowsOut, BytesIn: t.Stats.BytesIn, BytesOut: t.Stats.BytesOut,
				WallMS: millis(t.Stats.Wall), PeakBytes: t.Stats.PeakBytes, SpilledBytes: t.Stats.SpilledBytes, Error: t.Error,
			})
		}
		out = append(out, s)
	}
	return out
}

// edges are the exchanges of qp, from each producer stage to its consumer,
// with what the producer's finished tasks sent.
func edges(qp coordinator.QueryPlan) []edgeJSON {
	out := []edgeJSON{}
	for _, st := range qp.Stages() {
		if st.Consumer < 0 {
			continue
		}
		out = append(out, edgeJSON{From: int(st.ID), To: int(st.Consumer), Kind: string(qp.Plan.Fragment(st.ID).Output.Kind), Rows: st.RowsOut, Bytes: st.BytesOut})
	}
	return out
}

// workerJSON is one worker of the workers page.
type workerJSON struct {
	Addr          string    `json:"addr"`
	State         string    `json:"state"` // live, suspect, silent (about to be dropped), unreachable
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

func (c console) workers(w http.ResponseWriter, r *http.Request) {
	sts := c.coord.WorkerStatuses(r.Context())
	out := make([]workerJSON, len(sts))
	now := time.Now()
	for i, s := range sts {
		out[i] = workerJSON{
			Addr: s.Addr, State: s.State, LastHeartbeat: s.LastHeartbeat, HeartbeatAgeS: now.Sub(s.LastHeartbeat).Seconds(),
			RunningTasks: s.Load.Tasks, Queries: s.Load.Queries, BufferedBytes: s.Load.BufferedBytes, SpillBytes: s.Load.SpillBytes,
			DuckDBMemory: s.Load.DuckDBMemory, DuckDBTemp: s.Load.DuckDBTemp, Error: s.Error,
		}
	}
	writeJSON(w, out)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(v)
}
