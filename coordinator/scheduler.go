package coordinator

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
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

// start launches a query and returns its result endpoints at once; the
// query runs on and is watched in the background, and its results are kept
// until they expire. A plan that reads no table runs on the coordinator
// instead (local.go).
func (c *Coordinator) start(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member) (*Result, error) {
	if c.local != nil && runsLocally(d) {
		return c.runLocal(ctx, d)
	}
	q, err := c.launch(ctx, d, tables, workers, nil)
	if err != nil {
		return nil, err
	}
	c.wg.Go(func() {
		stats, err := q.wait(c.ctx)
		if qi := q.info(); qi.State.ended() {
			metrics.QueriesEnded.WithLabelValues(string(qi.State)).Inc()
			metrics.StatementSeconds.WithLabelValues(metrics.KindQuery).Observe(qi.Ended.Sub(qi.Started).Seconds())
		}
		if err != nil {
			q.log.Warn("query failed", zap.Error(err))
			return
		}
		rows, bytes := q.resultSize()
		q.log.Info("query finished", zap.Int("tasks", len(stats)), zap.Int64("rows", rows),
			zap.Int64("bytes", bytes), zap.Duration("wall", time.Since(q.started)))
		q.keepResults(c.ctx)
	})
	return q.result(), nil
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
// consumers, so that every buffer a task reads exists before it asks, and
// registers the query, running. root overrides the root fragment's output
// (a write); nil means a result.
//
// A worker that refuses a task as unreachable (a retryable error: it died,
// it shuts down) before the query was handed to anyone is suspect
// (Membership.Suspect): what was started is cancelled and the plan is
// placed again on the workers left, as the next attempt of every task
// under the same query ID (the workers key tasks by attempt and refuse
// those of an attempt cancelled on them), up to maxAttempts. The plan is
// kept: place spreads its tasks over any number of workers. Once running,
// the query runs again the same way when it loses a worker (query.watch).
// The query holds one of its principal's running queries and a running
// slot (admission.go, where it may wait in line first) across its
// attempts.
func (c *Coordinator) launch(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member, root *stage.OutputSpec) (*query, error) {
	if len(workers) == 0 {
		return nil, qerr.ErrUnavailable.New("no live worker")
	}
	releaseUser, err := c.perUser.admit(userOf(ctx), c.cfg.MaxQueriesPerUser)
	if err != nil {
		return nil, err
	}
	releaseSlot, err := c.admitted.admit(ctx)
	if err != nil {
		releaseUser()
		return nil, err
	}
	release := func() {
		releaseSlot()
		releaseUser()
	}
	q := c.newQuery(ctx, d, release)
	q.send = func(a *attempt) (*Member, error) { return c.sendTasks(q, a, tables, root) }
	var lost []string
	for n := 1; ; n++ {
		a := q.newAttempt(n, place(d, workers), nil)
		failed, err := q.send(a)
		if err == nil {
			close(a.ready)
			q.begin(&c.wg)
			c.queries.add(q)
			q.log.Info("query started", zap.Int("fragments", len(d.Fragments)), zap.Int("tasks", len(a.tasks)),
				zap.Int("workers", len(workers)), qlog.Attempt(n))
			return q, nil
		}
		if failed == nil || !qerr.Retryable(err) {
			q.abort(ctx, err)
			release()
			return nil, err
		}
		c.members.Suspect(failed, err)
		lost = append(lost, failed.Addr)
		workers = slices.DeleteFunc(slices.Clone(workers), func(m *Member) bool { return m.Addr == failed.Addr })
		if len(workers) == 0 || n == maxAttempts {
			err = qerr.ErrUnavailable.Wrap(err, "query lost workers %s at launch", strings.Join(lost, ", "))
			q.abort(ctx, err)
			release()
			return nil, err
		}
		q.giveUpFor(a, nil, err)
		q.log.Warn("query relaunched", qlog.Worker(failed.Addr), qlog.Attempt(n+1), zap.Int("workers", len(workers)), zap.Error(err))
	}
}

// startWaves groups d's fragments in the waves they start in: each after
// the fragments it reads (its inputs) and the builders of the runtime
// filters it applies, since a task reads buffers that must exist when it
// asks for them; the fragments of one wave start at once.
func startWaves(d *stage.DistributedPlan) [][]*stage.Fragment {
	level := make([]int, len(d.Fragments)) // 1 + the deepest dependency's; 0: not yet known
	var visit func(id stage.FragmentID) int
	visit = func(id stage.FragmentID) int {
		if level[id] > 0 {
			return level[id]
		}
		f, l := d.Fragment(id), 1
		for _, fi := range f.Filters {
			l = max(l, 1+visit(fi.Build))
		}
		for _, in := range f.Inputs {
			l = max(l, 1+visit(in))
		}
		level[id] = l
		return l
	}
	var waves [][]*stage.Fragment
	for _, f := range d.Fragments {
		l := visit(f.ID)
		for len(waves) < l {
			waves = append(waves, nil)
		}
		waves[l-1] = append(waves[l-1], f)
	}
	return waves
}

// sendTasks starts every task of attempt a of q that it does not keep
// from an earlier attempt, producers first, each under its own context (a
// task outlives the call that launched it, and stops when it is given
// up). On a failure it returns the error and the worker that refused the
// task (nil when no worker did).
func (c *Coordinator) sendTasks(q *query, a *attempt, tables map[int]*catalog.Table, root *stage.OutputSpec) (*Member, error) {
	d := q.plan
	q.log.Debug("plan", zap.Stringer("plan", d), qlog.Attempt(a.n))
	for _, wave := range startWaves(d) {
		var specs []*stage.TaskSpec
		for _, f := range wave {
			var err error
			if specs, err = c.fragmentSpecs(q, a, f, tables, root, specs); err != nil {
				return nil, err
			}
		}
		// A wave's tasks start at once: each start is a round trip to its
		// worker, and a stage of many tasks (a bucketed write's, one per
		// bucket) or a plan of many stages would otherwise wait for them
		// in turn.
		errs := make([]error, len(specs))
		var wg sync.WaitGroup
		for j, s := range specs {
			wg.Go(func() {
				task := a.tasks[s.Task]
				run, err := q.startTask(task, s)
				if err != nil {
					errs[j] = qerr.CodeOf(err).Wrap(err, "start task %s (attempt %d) on worker %s", s.Task, a.n, task.worker.Addr)
					return
				}
				q.taskStarted(a, s.Task, run)
			})
		}
		wg.Wait()
		for j, err := range errs {
			if err != nil {
				return a.tasks[specs[j].Task].worker, err
			}
		}
	}
	return nil, nil
}

// fragmentSpecs appends to specs the task specs of f's tasks that attempt
// a starts (not those kept from an earlier attempt).
func (c *Coordinator) fragmentSpecs(q *query, a *attempt, f *stage.Fragment, tables map[int]*catalog.Table, root *stage.OutputSpec, specs []*stage.TaskSpec) ([]*stage.TaskSpec, error) {
	var spec *stage.TaskSpec
	for t := 0; t < f.Tasks; t++ {
		id := stage.TaskID{Fragment: f.ID, Index: t}
		if a.tasks[id].attempt != a.n {
			continue // kept from an earlier attempt: it runs, or ran, there
		}
		if spec == nil {
			var err error
			if spec, err = c.taskTemplate(q, f, root); err != nil {
				return nil, err
			}
			spec.Attempt = a.n
		}
		s := *spec
		s.Task = id
		s.Splits = splits(f, t, tables)
		s.Inputs = c.inputs(q, a, f, t)
		s.Filters = c.filterInputs(q, a, f, t)
		specs = append(specs, &s)
	}
	return specs, nil
}

// startTask starts spec, task t, on its worker under t's context. A
// worker that leaves the live set while it has not answered (paused: the
// call hangs) fails the start as lost, so that the launch goes on without
// it instead of waiting for it.
func (q *query) startTask(t *queryTask, spec *stage.TaskSpec) (TaskRun, error) {
	ctx, cancel, m := t.ctx, t.cancel, t.worker
	started := make(chan struct{})
	go func() {
		for {
			lost := q.members.Lost()
			if !q.members.IsLive(m) {
				cancel(&LostError{Addr: m.Addr, Err: qerr.ErrUnavailable.New("worker %s left the live set before it started task %s", m.Addr, spec.Task)})
				return
			}
			select {
			case <-started:
				return
			case <-ctx.Done():
				return
			case <-lost:
			}
		}
	}()
	run, err := m.Conn.RunTask(ctx, spec)
	close(started)
	if err != nil {
		if cause := context.Cause(ctx); lostWorker(cause) {
			err = cause
		}
		cancel(err)
		return nil, err
	}
	// ctx lives on with the task's call: a retry that gives the task up,
	// or the query's end, ends it.
	return run, nil
}

func (c *Coordinator) taskTemplate(q *query, f *stage.Fragment, root *stage.OutputSpec) (*stage.TaskSpec, error) {
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
		consumer := q.plan.Fragment(f.Output.Consumer)
		// Retained until the consuming stage has finished, so that a
		// consumer lost with its worker runs again without its producers
		// (retry.go).
		out = stage.OutputSpec{Kind: outputKind(f.Output.Kind), Keys: f.Output.Keys, Consumers: consumer.Tasks, Schema: positional(schema),
			Retain: true, Filter: filterOutput(q.plan, f)}
	}
	return &stage.TaskSpec{Version: stage.SpecVersion, Query: q.id, Plan: plan, Output: out, Deadline: q.deadline}, nil
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

// inputs lists, for task t of f in attempt a, every producer of every
// exchange it reads, with a ticket for partition t of the producer's
// output in the attempt that started it (a retry keeps producers whose
// output is retained).
func (c *Coordinator) inputs(q *query, a *attempt, f *stage.Fragment, t int) []stage.InputSpec {
	var out []stage.InputSpec
	for _, from := range f.Inputs {
		p := q.plan.Fragment(from)
		in := stage.InputSpec{Exchange: from, Schema: positional(stage.NewSchemaSpec(p.Root.Schema()))}
		partition := t
		if p.Output.Kind == stage.Convergent {
			partition = 0
		}
		in.Producers = c.producers(q, a, p, partition)
		out = append(out, in)
	}
	return out
}

// producers are the tasks of fragment p in attempt a, each with its
// worker and a signed ticket for its output partition partition, under
// the attempt that runs the task.
func (c *Coordinator) producers(q *query, a *attempt, p *stage.Fragment, partition int) []stage.ProducerSpec {
	out := make([]stage.ProducerSpec, p.Tasks)
	for j := range out {
		id := stage.TaskID{Fragment: p.ID, Index: j}
		out[j] = stage.ProducerSpec{
			Task:    id,
			Address: a.tasks[id].worker.Addr,
			Ticket:  c.signer.Sign(stage.Ticket{Query: q.id, Task: id, Partition: partition, Attempt: a.tasks[id].attempt, Expires: q.deadline}),
		}
	}
	return out
}
