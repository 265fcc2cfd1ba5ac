package coordinator

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// This file is how a running query survives the loss of a worker: task
// retry over retained exchange output.
//
// Every exchange output is retained on its worker (stage.OutputSpec.Retain:
// in memory, then in spill files) until the stage that consumes it has
// finished; then the coordinator releases it (releaseOutputs). When a
// worker is lost, the next attempt runs again only what the loss cost
// (rerunLocked):
//
//   - the tasks that were running on it, a result task that finished
//     there, a finished task there whose output is still read, and every
//     task that failed or never started;
//   - downstream, every unfinished task of a stage that reads one of
//     those (it read, or would read, the lost output);
//   - upstream, every producer whose output a task run again needs and
//     that is gone: its worker is lost, it was released, or it outgrew
//     what its worker retains (TaskStatsSpec.Retained) — a whole stage
//     again where its output is gone.
//
// Scan tasks run again from their splits, later tasks from their
// producers' retained output; the other tasks run on untouched, under
// the attempt that started them. Where a task run again finds a
// producer's output gone after all (a running producer outgrew its
// retention), the attempt after runs every task again (attempt.whole),
// as a query did before task retry.

// watch waits for every task of the current attempt. The first failure
// stops the query on every worker, so that no task waits for a producer
// that will never finish; a lost worker (one that a task could not reach,
// or that left the live set while it ran a task) makes the query run the
// tasks it cost again on the workers left as the next attempt (retry),
// while attempts remain.
func (q *query) watch() {
	for a := q.current(); ; {
		lost := q.watchAttempt(a)
		if lost == nil {
			break
		}
		if a = q.retry(a, lost); a == nil {
			break
		}
	}
	q.mu.Lock()
	q.endLocked(q.taskErr)
	q.mu.Unlock()
	q.cancels.Wait()
	q.finish()
	q.release()
	close(q.done)
}

// watchAttempt waits until every task of a has ended, and returns nil, or
// until a is given up for a lost worker, and returns why (the tasks run on
// until the next attempt started: retry).
func (q *query) watchAttempt(a *attempt) error {
	q.mu.Lock()
	for _, t := range a.tasks {
		if !t.waiting && t.run != nil {
			t.waiting = true
			go q.waitTask(t)
		}
	}
	q.mu.Unlock()
	for {
		lost := q.members.Lost()
		if err := q.leftLive(a); err != nil {
			q.mu.Lock()
			q.giveUpLocked(a, nil, err)
			q.mu.Unlock()
		}
		q.mu.Lock()
		over, err := a.lost != nil || attemptEnded(a), a.lost
		q.mu.Unlock()
		if over {
			return err
		}
		select {
		case <-q.changed:
		case <-lost:
		}
	}
}

// attemptEnded reports whether no task of a runs any more. q.mu is held.
func attemptEnded(a *attempt) bool {
	for _, t := range a.tasks {
		if t.state == TaskRunning || t.state == TaskPlanned {
			return false
		}
	}
	return true
}

// waitTask waits for task t until it ends or is given up, records how,
// and tells watch. It is t's one wait, whichever attempts keep it.
func (q *query) waitTask(t *queryTask) {
	st, err := t.run.Wait(t.ctx)
	if addr, ok := lostAddr(err); ok {
		q.suspectAddr(addr, err)
	}
	first, done := q.taskEnded(t, st, err)
	if first != nil {
		q.cancelOnWorkers(q.ctx, first)
	}
	if len(done) > 0 {
		q.releaseOutputs(done)
	}
	select {
	case q.changed <- struct{}{}:
	default:
	}
}

// leftLive is, when a worker that runs an unfinished task of a is out of
// the live set (suspect, silent past the heartbeat timeout, restarted),
// the error that says so; nil otherwise.
func (q *query) leftLive(a *attempt) error {
	q.mu.Lock()
	var workers []*Member
	for _, t := range a.tasks {
		if t.state == TaskRunning || t.state == TaskPlanned {
			workers = append(workers, t.worker)
		}
	}
	q.mu.Unlock()
	for _, m := range workers {
		if !q.members.IsLive(m) {
			return &LostError{Addr: m.Addr, Err: qerr.ErrUnavailable.New("worker %s left the live set while it ran tasks of query %s", m.Addr, q.id)}
		}
	}
	return nil
}

// suspectAddr makes the worker at addr, as q's current attempt knows it,
// suspect for err.
func (q *query) suspectAddr(addr string, err error) {
	for _, t := range q.current().tasks {
		if t.worker.Addr == addr {
			q.members.Suspect(t.worker, err)
			return
		}
	}
}

// givenUp reports whether a was given up.
func (q *query) givenUp(a *attempt) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return a.lost != nil
}

// giveUpLocked gives a up for err, the failure of its task t (nil: a
// worker left the live set), when q may run again, and reports whether it
// did: a transient error (a lost worker, a worker shutting down, a
// producer lost behind a consumer), or retained output found gone by a
// task a retry started (then the next attempt runs every task: whole),
// while q runs, has failed nowhere else and has attempts left. q.mu is
// held.
func (q *query) giveUpLocked(a *attempt, t *queryTask, err error) bool {
	if q.state != QueryRunning || q.taskErr != nil || a.lost != nil || a.n >= maxAttempts || q.att != a {
		return false
	}
	switch {
	case qerr.Retryable(err):
	case t != nil && t.attempt > 1 && t.attempt == a.n && outputGone(err):
		a.whole = true
	default:
		return false
	}
	a.lost = err
	return true
}

// outputGone reports whether err says that a producer's output a task
// read was no longer there (freed, or read once because it outgrew its
// worker's retention).
func outputGone(err error) bool {
	return qerr.Has(err, qerr.ErrNotFound) || qerr.Has(err, qerr.ErrTooLarge)
}

// taskEnded records how task t ended, and returns the query's failure if
// this is its first while the query runs (a query cancelled or failed
// already was stopped on its workers then), and the outputs that t's end
// let go (its stage finished: releaseOutputs). A task that the current
// attempt no longer holds (a retry gave it up), or that ends in an
// attempt given up, ends as cancelled, whatever its error: a later
// attempt runs it again. A retryable failure gives the attempt up while
// attempts remain; otherwise a task that lost its worker becomes the
// query's failure even after another's: it says which worker is gone.
func (q *query) taskEnded(t *queryTask, st stage.TaskStatsSpec, err error) (first error, done map[*Member][]stage.TaskAttempt) {
	q.mu.Lock()
	defer q.mu.Unlock()
	a := q.att
	held := a.tasks[t.id] == t
	if err == nil {
		t.state, t.stats = TaskFinished, st
		if held {
			done = q.consumedLocked(a, t.id.Fragment)
		}
		if len(done) > 0 {
			// Counted before mu is let go: watch, which may see the
			// attempt ended as soon as it is, waits for the release.
			q.cancels.Add(1)
		}
		return nil, done
	}
	t.state, t.err = TaskFailed, err
	if qerr.Has(err, qerr.ErrCancelled) || !held || a.lost != nil {
		t.state = TaskCancelled
	}
	if !held || a.lost != nil || q.giveUpLocked(a, t, err) {
		return nil, nil
	}
	if q.taskErr != nil {
		if lostWorker(err) && !lostWorker(q.taskErr) {
			// The worker lost is why the query failed, whichever task
			// noticed first (one that read from it, say).
			q.taskErr = qerr.CodeOf(err).Wrap(err, "task %s on worker %s", t.id, t.worker.Addr)
		}
		return nil, nil
	}
	q.taskErr = qerr.CodeOf(err).Wrap(err, "task %s on worker %s", t.id, t.worker.Addr)
	if q.state.ended() {
		return nil, nil
	}
	return q.taskErr, nil
}

// consumedLocked is, once every task of fragment f in a has finished, the
// retained outputs that nobody reads any more, by worker: those of f's
// input stages, and when f is the root every exchange output of a. q.mu
// is held.
func (q *query) consumedLocked(a *attempt, f stage.FragmentID) map[*Member][]stage.TaskAttempt {
	if !a.fragmentFinished(f) {
		return nil
	}
	root := q.plan.Root().ID
	inputs := map[stage.FragmentID]bool{}
	for _, from := range q.plan.Fragment(f).Inputs {
		// A shared output waits for every consumer.
		inputs[from] = !slices.ContainsFunc(q.plan.Fragment(from).Output.Consumers(), func(c stage.FragmentID) bool {
			return c != f && !a.fragmentFinished(c)
		})
	}
	out := map[*Member][]stage.TaskAttempt{}
	for _, t := range a.tasks {
		from := t.id.Fragment
		if from == root || !inputs[from] && f != root || t.state != TaskFinished {
			// A producer still running is left alone: its release would
			// fail it, and the query's end frees it.
			continue
		}
		q.released[from] = true
		out[t.worker] = append(out[t.worker], stage.TaskAttempt{Task: t.id, Attempt: t.attempt})
	}
	return out
}

// releaseOutputs frees retained outputs on their workers in the
// background (the end of watch waits for it: taskEnded counted it in
// q.cancels).
func (q *query) releaseOutputs(done map[*Member][]stage.TaskAttempt) {
	cause := qerr.ErrNotFound.New("the output was released: its consumers of query %s finished", q.id)
	go func() {
		defer q.cancels.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(q.ctx), workerCancelTimeout)
		defer cancel()
		var g errgroup.Group
		for m, keys := range done {
			g.Go(func() error {
				release := func(ctx context.Context) error { return m.Conn.CancelTasks(ctx, q.id, keys, cause) }
				if err := release(ctx); err != nil {
					q.log.Info("release outputs on worker", qlog.Worker(m.Addr), zap.Error(err))
					q.owe(ctx, m, "release of outputs", err, release)
				}
				return nil
			})
		}
		_ = g.Wait()
	}()
}

// retry runs q again after attempt a was given up for lost: the tasks the
// loss cost (rerunLocked), or every task when a.whole, as the next
// attempt, placed on the live workers (replace), started before their
// earlier runs are cancelled on their workers, so that a result reader
// waiting on one follows to the next attempt's buffer on the same worker.
// It returns the attempt that runs, or nil when q failed instead: no
// worker is left, the attempts ran out, or q ended meanwhile.
func (q *query) retry(a *attempt, lost error) *attempt {
	cause := qerr.ErrUnavailable.Wrap(lost, "attempt %d of query %s was given up", a.n, q.id)
	prev := a
	for {
		live := q.members.Live()
		if len(live) == 0 || prev.n == maxAttempts {
			q.giveUpFor(prev, nil, cause)
			q.failWith(qerr.ErrUnavailable.Wrap(lost, "query %s lost its workers (%d attempts)", q.id, prev.n))
			return nil
		}
		q.mu.Lock()
		rerun := q.rerunLocked(prev, live)
		whole := prev.whole
		q.mu.Unlock()
		keep := map[stage.TaskID]*queryTask{}
		for id, t := range prev.tasks {
			if !rerun[id] {
				keep[id] = t
			}
		}
		next := q.newAttempt(prev.n+1, replace(prev.tasks, rerun, live), keep)
		addr, _ := lostAddr(lost)
		q.log.Warn("query retried", qlog.Attempt(next.n), qlog.Worker(addr), zap.Int("workers", len(live)),
			zap.Int("tasks", len(rerun)), zap.Int("of", len(prev.tasks)), zap.Bool("whole", whole), zap.Error(lost))
		failed, err := q.send(next)
		if err == nil {
			close(next.ready)
		}
		if whole {
			q.giveUpFor(prev, nil, cause)
		} else {
			q.giveUpFor(prev, rerun, cause)
		}
		if err == nil {
			if state, _ := q.outcome(); state != QueryRunning {
				return nil // cancelled meanwhile: the cancel stopped next too
			}
			return next
		}
		q.mu.Lock()
		ok := q.giveUpLocked(next, nil, err)
		q.mu.Unlock()
		if !ok || failed == nil {
			q.giveUpFor(next, nil, err)
			q.failWith(err)
			return nil
		}
		q.members.Suspect(failed, err)
		prev, lost, cause = next, err, qerr.ErrUnavailable.Wrap(err, "attempt %d of query %s was given up", next.n, q.id)
	}
}

// rerunLocked is the set of tasks of a, given up, that the next attempt
// runs again on live (see the top of this file): every task when a.whole.
// It forgets the release of a stage it runs again whole. q.mu is held.
func (q *query) rerunLocked(a *attempt, live []*Member) map[stage.TaskID]bool {
	ok := map[*Member]bool{}
	for _, m := range live {
		ok[m] = true
	}
	root := q.plan.Root().ID
	rerun := map[stage.TaskID]bool{}
	var add func(id stage.TaskID)
	add = func(id stage.TaskID) {
		if rerun[id] {
			return
		}
		rerun[id] = true
		f := q.plan.Fragment(id.Fragment)
		if !f.Output.IsResult() {
			for _, consumer := range f.Output.Consumers() {
				for i := range q.plan.Fragment(consumer).Tasks {
					c := stage.TaskID{Fragment: consumer, Index: i}
					if a.tasks[c].state != TaskFinished {
						add(c) // it read, or would read, what id makes anew
					}
				}
			}
		}
		for _, from := range f.Inputs {
			for j := range q.plan.Fragment(from).Tasks {
				p := a.tasks[stage.TaskID{Fragment: from, Index: j}]
				kept := p.state == TaskRunning || p.state == TaskFinished && p.stats.Retained
				if !ok[p.worker] || q.released[from] || !kept {
					add(p.id) // id reads its output again, and it is gone
				}
			}
		}
	}
	for id, t := range a.tasks {
		switch {
		case a.whole, t.state != TaskRunning && t.state != TaskFinished:
			add(id)
		case !ok[t.worker] && (t.state == TaskRunning || id.Fragment == root || !q.released[id.Fragment]):
			// Lost with its worker: a running task, a result, or a
			// finished output that its consumers still read (those that
			// run read it again from the new run).
			add(id)
		}
	}
	for _, f := range q.plan.Fragments {
		all := true
		for i := range f.Tasks {
			all = all && rerun[stage.TaskID{Fragment: f.ID, Index: i}]
		}
		if all {
			delete(q.released, f.ID)
		}
	}
	return rerun
}

// giveUpFor ends attempt a and stops on their workers, in the background
// (a paused worker holds its cancel up to workerCancelTimeout), the runs
// of the tasks in only that a later attempt starts again, or with only nil
// every task of a: they stop and their buffers go, readers get cause, and
// the workers refuse them from then on. The end of watch waits for the
// cancels.
func (q *query) giveUpFor(a *attempt, only map[stage.TaskID]bool, cause error) {
	a.end()
	byWorker := map[*Member][]stage.TaskAttempt{}
	for id, t := range a.tasks {
		if only != nil && !only[id] || t.run == nil {
			continue
		}
		t.cancel(cause)
		byWorker[t.worker] = append(byWorker[t.worker], stage.TaskAttempt{Task: id, Attempt: t.attempt})
	}
	if only == nil {
		for _, m := range attemptWorkers(a) {
			if _, ok := byWorker[m]; !ok {
				byWorker[m] = nil
			}
		}
	}
	q.cancels.Go(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(q.ctx), workerCancelTimeout)
		defer cancel()
		var g errgroup.Group
		for m, keys := range byWorker {
			g.Go(func() error {
				stop := func(ctx context.Context) error {
					if only == nil {
						return m.Conn.CancelAttempt(ctx, q.id, a.n, cause)
					}
					return m.Conn.CancelTasks(ctx, q.id, keys, cause)
				}
				if err := stop(ctx); err != nil {
					q.log.Info("cancel given-up runs on worker", qlog.Worker(m.Addr), qlog.Attempt(a.n), zap.Error(err))
					q.owe(ctx, m, fmt.Sprintf("cancel of attempt %d", a.n), err, stop)
				}
				return nil
			})
		}
		_ = g.Wait()
	})
}

// failWith ends q, running, as failed with err (the attempts it had gave
// it no answer); its current attempt is stopped on its workers by the
// caller.
func (q *query) failWith(err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.taskErr == nil {
		q.taskErr = err
	}
}

// replace places the tasks of rerun, of a given-up attempt's prev, again
// on live: each stays on its worker where that is live (a result task
// keeps its endpoint's worker, and its reader there follows), the others
// go to live workers in turn, in task order.
func replace(prev map[stage.TaskID]*queryTask, rerun map[stage.TaskID]bool, live []*Member) Placement {
	ok := map[string]*Member{}
	for _, m := range live {
		ok[m.Addr] = m
	}
	ids := make([]stage.TaskID, 0, len(rerun))
	for id := range rerun {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		return a.Fragment < b.Fragment || a.Fragment == b.Fragment && a.Index < b.Index
	})
	p := Placement{}
	next := 0
	for _, id := range ids {
		if m, ok := ok[prev[id].worker.Addr]; ok {
			p[id] = m
			continue
		}
		p[id] = live[next%len(live)]
		next++
	}
	return p
}

// fragmentFinished reports whether every task of fragment f in a has
// finished. q.mu is held.
func (a *attempt) fragmentFinished(f stage.FragmentID) bool {
	for _, t := range a.tasks {
		if t.id.Fragment == f && t.state != TaskFinished {
			return false
		}
	}
	return true
}
