package coordinator

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// This file is what operators' tools read of the coordinator (the HTTP
// console, metrics, system tables): a query's statement and user, its plan
// and the state of each of its tasks, the EXPLAIN ANALYZE text of a query
// that ended, and the workers' heartbeats. Nothing here changes a query.

// statementKey carries a statement's text and user from Execute down to
// launch, which registers the query.
type statementKey struct{}

type statement struct{ text, user string }

// withStatement remembers, for the queries the statement launches, what was
// asked and by whom.
func withStatement(ctx context.Context, sess *Session, sql string) context.Context {
	user := sess.User()
	if user == "" {
		user = AnonymousUser
	}
	return context.WithValue(ctx, statementKey{}, statement{text: sql, user: user})
}

func statementOf(ctx context.Context) statement {
	s, _ := ctx.Value(statementKey{}).(statement)
	return s
}

// TaskInfo is one task of a query: where it runs, how far it is, and its
// statistics once it finished.
type TaskInfo struct {
	ID      stage.TaskID
	Attempt int // from 1; a query that lost a worker runs again as the next
	Worker  string
	State   TaskState
	Stats   stage.TaskStatsSpec // zero until the task finished
	Error   string              // why it failed
}

// QueryPlan is a registered query's distributed plan with every task of it
// (by fragment, then index): what the console draws as the stage graph.
// Plan is shared and must not be changed.
type QueryPlan struct {
	Plan  *stage.DistributedPlan
	Tasks []TaskInfo
}

// QueryPlan describes the plan and tasks of a query the registry holds, or
// reports false (also for an ended query past the most recent keepDetail,
// which holds its plan no more).
func (c *Coordinator) QueryPlan(id stage.QueryID) (QueryPlan, bool) {
	q := c.queries.get(id)
	if q == nil {
		return QueryPlan{}, false
	}
	plan := q.detail()
	if plan == nil {
		return QueryPlan{}, false
	}
	return QueryPlan{Plan: plan, Tasks: q.taskInfos()}, true
}

// AnalyzeLines is EXPLAIN ANALYZE's text of a query that ended (the lines
// an EXPLAIN ANALYZE of it answers, without the summary line), or false
// when the registry does not hold it or it still runs.
func (c *Coordinator) AnalyzeLines(id stage.QueryID) ([]string, bool) {
	q := c.queries.get(id)
	if q == nil {
		return nil, false
	}
	if state, _ := q.outcome(); !state.ended() {
		return nil, false
	}
	plan := q.detail()
	if plan == nil {
		return nil, false
	}
	return plan.Explain(taskNotes(q.taskStats())), true
}

// WorkerInfo is one worker the coordinator hears from.
type WorkerInfo struct {
	Addr          string
	LastHeartbeat time.Time
	// Live is false for a worker silent for longer than the heartbeat
	// timeout (the next placement drops it) or suspect.
	Live bool
	// Suspect is true for a worker a call found unreachable and that has
	// not heartbeat since: no query is placed on it.
	Suspect bool
}

// Workers lists the workers the membership holds, ordered by address,
// without dropping silent ones (Live does that).
func (m *Membership) Workers() []WorkerInfo {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	out := make([]WorkerInfo, 0, len(m.members))
	for addr, mem := range m.members {
		out = append(out, WorkerInfo{Addr: addr, LastHeartbeat: mem.lastSeen, Suspect: mem.suspect != nil,
			Live: mem.suspect == nil && now.Sub(mem.lastSeen) <= m.timeout})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr < out[j].Addr })
	return out
}

// Member returns the member at addr, or nil.
func (m *Membership) Member(addr string) *Member {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.members[addr]
}

// StageInfo sums up one fragment of a query from its tasks.
type StageInfo struct {
	ID stage.FragmentID
	// Kind is where its output goes: "result", or the exchange kind in
	// lower case (normal, expansive, convergent), as EXPLAIN prints it.
	Kind     string
	Tasks    int
	Consumer stage.FragmentID // -1: the result
	// Operators name the fragment's operators from its root down, up to the
	// exchanges it reads.
	Operators []string
	// State is failed if a task failed, cancelled if one was cancelled,
	// running while one runs, finished once all did.
	State                              TaskState
	RowsIn, RowsOut, BytesIn, BytesOut int64      // of its tasks that finished
	TaskList                           []TaskInfo // its tasks, by index
}

// Stages sums up each fragment of qp, in fragment order.
func (qp QueryPlan) Stages() []StageInfo {
	byFragment := map[stage.FragmentID][]TaskInfo{}
	for _, t := range qp.Tasks {
		byFragment[t.ID.Fragment] = append(byFragment[t.ID.Fragment], t)
	}
	out := make([]StageInfo, 0, len(qp.Plan.Fragments))
	for _, f := range qp.Plan.Fragments {
		s := StageInfo{ID: f.ID, Kind: "result", Tasks: f.Tasks, Consumer: f.Output.Consumer, Operators: operators(f.Root), TaskList: byFragment[f.ID]}
		if !f.Output.IsResult() {
			s.Kind = strings.ToLower(string(f.Output.Kind))
		}
		states := map[TaskState]int{}
		for _, t := range s.TaskList {
			states[t.State]++
			s.RowsIn += t.Stats.RowsIn
			s.RowsOut += t.Stats.RowsOut
			s.BytesIn += t.Stats.BytesIn
			s.BytesOut += t.Stats.BytesOut
		}
		s.State = TaskFinished
		for _, st := range []TaskState{TaskFailed, TaskCancelled, TaskRunning} {
			if states[st] > 0 {
				s.State = st
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// operators names the operators of a fragment's plan from its root down,
// stopping at the exchanges it reads (other fragments).
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

// LoadReporter is a WorkerConn that can ask its worker what it holds and
// what its DuckDB uses (flightsrv's, through its worker client).
type LoadReporter interface {
	Load(ctx context.Context) (exec.Load, error)
}

// WorkerStatus is a worker as operators see it: its heartbeat and its load.
type WorkerStatus struct {
	WorkerInfo
	// State is "live", "suspect" (a call found it unreachable; out of the
	// live set until it heartbeats), "silent" (past the heartbeat timeout,
	// about to be dropped) or "unreachable" (its load could not be read:
	// Error says why).
	State string
	Load  exec.Load
	Error string
}

// workerLoadTimeout bounds how long WorkerStatuses waits for one worker.
const workerLoadTimeout = 2 * time.Second

// WorkerStatuses asks every worker the membership holds for its load, all
// at once, each bounded by a short timeout.
func (c *Coordinator) WorkerStatuses(ctx context.Context) []WorkerStatus {
	infos := c.members.Workers()
	out := make([]WorkerStatus, len(infos))
	var wg sync.WaitGroup
	for i, wi := range infos {
		out[i] = WorkerStatus{WorkerInfo: wi, State: "live"}
		switch {
		case wi.Suspect:
			out[i].State = "suspect"
		case !wi.Live:
			out[i].State = "silent"
		}
		m := c.members.Member(wi.Addr)
		if m == nil {
			continue // dropped since Workers
		}
		l, ok := m.Conn.(LoadReporter)
		if !ok {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(ctx, workerLoadTimeout)
			defer cancel()
			load, err := l.Load(ctx)
			if err != nil {
				out[i].State, out[i].Error = "unreachable", err.Error()
				return
			}
			out[i].Load = load
		}()
	}
	wg.Wait()
	return out
}

// Progress is how far the query is: tasks that ended, and the rows and
// bytes its result tasks that finished produced.
func (qp QueryPlan) Progress() (ended int, rows, bytes int64) {
	for _, t := range qp.Tasks {
		if t.State != TaskRunning {
			ended++
		}
		if t.ID.Fragment == qp.Plan.Root().ID {
			rows += t.Stats.RowsOut
			bytes += t.Stats.BytesOut
		}
	}
	return ended, rows, bytes
}
