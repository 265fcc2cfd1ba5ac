package coordinator

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Placement says which worker runs each task.
type Placement map[stage.TaskID]*Member

// place puts task i of every fragment on worker i mod n, rotating
// single-task fragments by fragment ID so that gathers spread over workers.
// Scan fragments therefore run one task on every worker.
func place(d *stage.DistributedPlan, workers []*Member) Placement {
	p := Placement{}
	for _, f := range d.Fragments {
		offset := 0
		if f.Tasks == 1 {
			offset = int(f.ID)
		}
		for i := 0; i < f.Tasks; i++ {
			p[stage.TaskID{Fragment: f.ID, Index: i}] = workers[(i+offset)%len(workers)]
		}
	}
	return p
}

// splits gives task i of a fragment the files j with j mod tasks == i of
// every table it scans (for a bucketed table, the files of bucket i).
func splits(f *stage.Fragment, task int, tables map[int]*catalog.Table) []stage.ScanSplit {
	var out []stage.ScanSplit
	var walk func(p stage.Plan)
	walk = func(p stage.Plan) {
		if s, ok := p.(*stage.Scan); ok {
			split := stage.ScanSplit{Scan: s.ID}
			if t := tables[s.ID]; t != nil {
				for j, file := range t.Snapshot.Files {
					// A bucketed table's task i reads bucket i: that is
					// what makes its rows arrive hashed on the keys.
					if s.Buckets > 0 {
						j = file.Bucket
					}
					if j%f.Tasks == task {
						split.Files = append(split.Files, file.Path)
					}
				}
			}
			out = append(out, split)
		}
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(f.Root)
	return out
}

// running is a launched query.
type running struct {
	id      stage.QueryID
	plan    *stage.DistributedPlan
	place   Placement
	runs    map[stage.TaskID]TaskRun
	cancel  context.CancelFunc
	ctx     context.Context
	started time.Time
	// deadline bounds the tasks and buffers on the workers should this
	// coordinator go away: past the statement timeout and the result TTL.
	deadline time.Time
	// expires is when the results are freed (the endpoints' expiration);
	// RenewFlightEndpoint moves it. status.mu guards it once launched.
	expires time.Time
	// user ran the query ("" for anonymous): its result tickets name it,
	// and it holds one of the user's running queries until its tasks end.
	user string

	once     sync.Once
	stats    []stage.TaskStatsSpec
	err      error
	done     chan struct{}
	finished atomic.Int64 // tasks that finished without error

	status   queryStatus  // the query registry's view (registry.go)
	stmt     statement    // what was asked, by whom (inspect.go)
	progress taskProgress // tasks as they end (inspect.go)
}

// start launches a query and returns its result endpoints at once; the
// query runs on and is watched in the background.
func (c *Coordinator) start(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member) (*Result, error) {
	r, err := c.launch(ctx, d, tables, workers, nil)
	if err != nil {
		return nil, err
	}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		stats, err := r.wait(c.ctx)
		if qi := r.info(); qi.State != QueryRunning {
			metrics.QueriesEnded.WithLabelValues(string(qi.State)).Inc()
			metrics.StatementSeconds.WithLabelValues(metrics.KindQuery).Observe(qi.Ended.Sub(qi.Started).Seconds())
		}
		log := c.log.With(zap.String("query_id", string(r.id)))
		if err != nil {
			log.Warn("query failed", zap.Error(err))
			return
		}
		rows, bytes := r.resultSize()
		log.Info("query finished", zap.Int("tasks", len(stats)), zap.Int64("rows", rows),
			zap.Int64("bytes", bytes), zap.Duration("wall", time.Since(r.started)))
		c.keepResults(r)
	}()
	return c.result(r), nil
}

// result is r's schema and endpoints, with tickets valid until its
// expiration now.
func (c *Coordinator) result(r *running) *Result {
	root := r.plan.Root()
	exp := r.expiry()
	res := &Result{Query: r.id, Schema: root.Root.Schema(), Expires: exp}
	for i := 0; i < root.Tasks; i++ {
		id := stage.TaskID{Fragment: root.ID, Index: i}
		res.Endpoints = append(res.Endpoints, c.endpoint(r, id, exp))
	}
	return res
}

// endpoint is the endpoint of result task id of r, its ticket valid until exp.
func (c *Coordinator) endpoint(r *running, id stage.TaskID, exp time.Time) Endpoint {
	return Endpoint{
		Addr:   r.place[id].Addr,
		Ticket: c.signer.Sign(stage.Ticket{Query: r.id, Task: id, Partition: 0, Expires: exp, Principal: r.user}),
	}
}

// resultSize is the rows and bytes the result tasks of r produced, from
// the statistics of the tasks that finished.
func (r *running) resultSize() (rows, bytes int64) {
	for _, st := range r.stats {
		if st.Task.Fragment == r.plan.Root().ID {
			rows, bytes = rows+st.RowsOut, bytes+st.BytesOut
		}
	}
	return rows, bytes
}

// positional names the columns of an exchange c0..cN, as the renderer
// addresses them.
func positional(s stage.SchemaSpec) stage.SchemaSpec {
	out := make(stage.SchemaSpec, len(s))
	for i, f := range s {
		out[i] = stage.FieldSpec{Name: fmt.Sprintf("c%d", i), Type: f.Type}
	}
	return out
}

// launch sends every task of the plan to its worker, producers before
// consumers, so that every buffer a task reads exists before it asks. root
// overrides the root fragment's output (a write); nil means a result.
func (c *Coordinator) launch(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member, root *stage.OutputSpec) (*running, error) {
	if len(workers) == 0 {
		return nil, qerr.ErrUnavailable.New("no live worker")
	}
	user := userOf(ctx)
	release, err := c.perUser.admit(user, c.cfg.MaxQueriesPerUser)
	if err != nil {
		return nil, err
	}
	timeout := c.queryTimeout(ctx)
	qctx, cancel := context.WithTimeout(c.ctx, timeout)
	now := time.Now()
	r := &running{
		id: newQueryID(), plan: d, place: place(d, workers), runs: map[stage.TaskID]TaskRun{},
		ctx: qctx, cancel: cancel, started: now, deadline: now.Add(timeout + c.cfg.ResultTTL),
		expires: now.Add(c.cfg.ResultTTL), done: make(chan struct{}),
		stmt: statementOf(ctx), user: user,
	}
	launched := false
	defer func() {
		if !launched {
			release()
			return
		}
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			<-r.done
			release()
		}()
	}()
	log := c.log.With(zap.String("query_id", string(r.id)))
	log.Debug("plan", zap.Stringer("plan", d))
	for i := len(d.Fragments) - 1; i >= 0; i-- {
		f := d.Fragments[i]
		spec, err := c.taskTemplate(r, f, root)
		if err != nil {
			r.abort(log, err)
			return nil, err
		}
		for t := 0; t < f.Tasks; t++ {
			id := stage.TaskID{Fragment: f.ID, Index: t}
			s := *spec
			s.Task = id
			s.Splits = splits(f, t, tables)
			s.Inputs = c.inputs(r, f, t)
			m := r.place[id]
			run, err := m.Conn.RunTask(qctx, &s)
			if err != nil {
				err = qerr.CodeOf(err).Wrap(err, "start task %s on worker %s", id, m.Addr)
				r.abort(log, err)
				return nil, err
			}
			r.runs[id] = run
		}
	}
	c.queries.add(r)
	launched = true
	log.Info("query started", zap.Int("fragments", len(d.Fragments)), zap.Int("tasks", len(r.runs)), zap.Int("workers", len(workers)))
	return r, nil
}

func (c *Coordinator) taskTemplate(r *running, f *stage.Fragment, root *stage.OutputSpec) (*stage.TaskSpec, error) {
	plan, err := stage.EncodePlan(f.Root)
	if err != nil {
		return nil, err
	}
	schema := stage.NewSchemaSpec(f.Root.Schema())
	out := stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: schema}
	switch {
	case f.Output.IsResult() && root != nil:
		out = *root
		out.Schema = schema
	case !f.Output.IsResult():
		consumer := r.plan.Fragment(f.Output.Consumer)
		out = stage.OutputSpec{Kind: outputKind(f.Output.Kind), Keys: f.Output.Keys, Consumers: consumer.Tasks, Schema: positional(schema)}
	}
	return &stage.TaskSpec{Version: stage.SpecVersion, Query: r.id, Plan: plan, Output: out, Deadline: r.deadline}, nil
}

func outputKind(k stage.ExchangeKind) stage.OutputKind {
	switch k {
	case stage.Normal:
		return stage.OutputNormal
	case stage.Expansive:
		return stage.OutputExpansive
	}
	return stage.OutputConvergent
}

// inputs lists, for task t of f, every producer of every exchange it reads,
// with a ticket for partition t of the producer's output.
func (c *Coordinator) inputs(r *running, f *stage.Fragment, t int) []stage.InputSpec {
	var out []stage.InputSpec
	for _, from := range f.Inputs {
		p := r.plan.Fragment(from)
		in := stage.InputSpec{Exchange: from, Schema: positional(stage.NewSchemaSpec(p.Root.Schema()))}
		partition := t
		if p.Output.Kind == stage.Convergent {
			partition = 0
		}
		for j := 0; j < p.Tasks; j++ {
			id := stage.TaskID{Fragment: from, Index: j}
			in.Producers = append(in.Producers, stage.ProducerSpec{
				Task:    id,
				Address: r.place[id].Addr,
				Ticket:  c.signer.Sign(stage.Ticket{Query: r.id, Task: id, Partition: partition, Expires: r.deadline}),
			})
		}
		out = append(out, in)
	}
	return out
}

// wait waits for every task. The first failure cancels the query on every
// worker, so that no task waits for a producer that will never finish.
func (r *running) wait(ctx context.Context) ([]stage.TaskStatsSpec, error) {
	r.once.Do(func() {
		defer close(r.done)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for id, run := range r.runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, err := run.Wait(r.ctx)
				r.progress.end(id, st, err)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if r.err == nil {
						r.err = qerr.CodeOf(err).Wrap(err, "task %s on worker %s", id, r.place[id].Addr)
						r.cancelOnWorkers(r.err)
					}
					return
				}
				r.stats = append(r.stats, st)
				r.finished.Add(1)
			}()
		}
		wg.Wait()
		r.finish()
		r.cancel()
	})
	select {
	case <-r.done:
		return r.stats, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// abort stops a query that could not be launched.
func (r *running) abort(log *zap.Logger, err error) {
	log.Warn("query failed to start", zap.Error(err))
	r.cancelOnWorkers(err)
	r.cancel()
}

func (r *running) cancelOnWorkers(cause error) {
	seen := map[string]bool{}
	for _, m := range r.place {
		if seen[m.Addr] {
			continue
		}
		seen[m.Addr] = true
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = m.Conn.CancelQuery(ctx, r.id, cause)
		cancel()
	}
}
