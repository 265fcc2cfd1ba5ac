package coordinator

import (
	"context"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// analyze answers EXPLAIN ANALYZE: it runs the query to completion, the
// coordinator itself draining (and discarding) the result endpoints, gathers
// every task's TaskStatsSpec and answers a summary line and EXPLAIN's lines
// with, under each fragment's root line, the stage's totals and one line
// per task of it (taskNotes); the summary says how long planning took. The
// coordinator holds the answer itself.
func (c *Coordinator) analyze(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member, planning time.Duration) (*Result, error) {
	began := time.Now()
	r, err := c.launch(ctx, d, tables, workers, nil)
	if err != nil {
		return nil, err
	}
	rows, err := c.drain(ctx, r, nil)
	if err != nil {
		// Stop the tasks first: a producer may wait for the reader that failed.
		r.fail(ctx, err)
		_, _ = r.wait(ctx)
		return nil, err
	}
	stats, err := r.wait(ctx)
	if err != nil {
		r.fail(ctx, err)
		return nil, err
	}
	// Its results were counted and are kept no longer.
	r.cancelOnWorkers(ctx, qerr.ErrNotFound.New("the results of query %s were analyzed and discarded", r.id))
	c.log.Info("query analyzed", qlog.Query(r.id), zap.Int("tasks", len(stats)),
		zap.Int64("rows", rows), zap.Duration("wall", time.Since(began)))
	head := fmt.Sprintf("Query %s: %d tasks, %d result rows, planned in %s, wall %s", r.id, len(stats), rows, roundDuration(planning), roundDuration(time.Since(began)))
	return c.answerColumn(ctx, explainColumn, append([]string{head}, d.Explain(taskNotes(stats))...))
}

// drain reads every result endpoint of r concurrently, counting rows and
// handing each batch to each when it is given (concurrently: each
// synchronizes itself).
func (c *Coordinator) drain(ctx context.Context, r *query, each func(arrow.RecordBatch)) (int64, error) {
	root := r.plan.Root()
	var rows atomic.Int64
	g, gctx := errgroup.WithContext(ctx)
	for i := 0; i < root.Tasks; i++ {
		id := stage.TaskID{Fragment: root.ID, Index: i}
		ticket := r.endpoint(id, r.expiry()).Ticket
		g.Go(func() error {
			rdr, err := r.openResult(gctx, id, ticket)
			if err != nil {
				return err
			}
			defer rdr.Release()
			for rdr.Next() {
				rows.Add(rdr.RecordBatch().NumRows())
				if each != nil {
					each(rdr.RecordBatch())
				}
			}
			return rdr.Err()
		})
	}
	err := g.Wait()
	return rows.Load(), err
}

// explain answers EXPLAIN: the distributed plan's lines as a one-column
// result that the coordinator holds itself (no worker runs anything).
func (c *Coordinator) explain(ctx context.Context, d *stage.DistributedPlan) (*Result, error) {
	return c.answerColumn(ctx, explainColumn, d.Explain(nil))
}

// explainColumn names the one column of EXPLAIN and EXPLAIN ANALYZE.
const explainColumn = "plan"

// taskNotes are the lines EXPLAIN ANALYZE adds under each fragment's root
// line, from the statistics of its tasks (matched by TaskStatsSpec.Task):
// the stage's totals, then one line per task in task order: worker, rows
// and bytes in and out, wall time, peak buffered memory, spilled bytes, and
// when the task started and ended, measured from the first task's start
// (so a consumer that ran while its producers did shows a start before
// their end; across machines the offsets carry the workers' clock skew).
func taskNotes(stats []stage.TaskStatsSpec) stage.FragmentNotes {
	byFragment := map[stage.FragmentID][]stage.TaskStatsSpec{}
	var first time.Time
	for _, st := range stats {
		byFragment[st.Task.Fragment] = append(byFragment[st.Task.Fragment], st)
		if !st.Started.IsZero() && (first.IsZero() || st.Started.Before(first)) {
			first = st.Started
		}
	}
	for _, tasks := range byFragment {
		sort.Slice(tasks, func(i, j int) bool { return tasks[i].Task.Index < tasks[j].Task.Index })
	}
	return func(f *stage.Fragment) []string {
		tasks := byFragment[f.ID]
		var total stage.TaskStatsSpec
		for _, st := range tasks {
			total.RowsIn, total.RowsOut = total.RowsIn+st.RowsIn, total.RowsOut+st.RowsOut
			total.BytesIn, total.BytesOut = total.BytesIn+st.BytesIn, total.BytesOut+st.BytesOut
			total.Wall, total.PeakBytes = max(total.Wall, st.Wall), max(total.PeakBytes, st.PeakBytes)
			total.SpilledBytes += st.SpilledBytes
		}
		lines := []string{fmt.Sprintf("stage %d, totals of %d of %d tasks: %s", f.ID, len(tasks), f.Tasks, statsText(total, "wall max", "peak max"))}
		for _, st := range tasks {
			on := st.Worker
			if st.Attempt > 1 {
				on += fmt.Sprintf(" (attempt %d)", st.Attempt) // the query lost a worker and ran again
			}
			line := fmt.Sprintf("task %s on %s: %s", st.Task, on, statsText(st, "wall", "peak"))
			if !st.Started.IsZero() {
				from := st.Started.Sub(first)
				line += fmt.Sprintf(", start=+%s end=+%s", roundDuration(from), roundDuration(from+st.Wall))
			}
			lines = append(lines, line)
		}
		return lines
	}
}

// statsText prints the counters of st, naming its wall time and peak
// memory as wall and peak say (a stage's are its tasks' maxima).
func statsText(st stage.TaskStatsSpec, wall, peak string) string {
	return fmt.Sprintf("rows in=%d out=%d, bytes in=%s out=%s, %s=%s, %s=%s, spilled=%s",
		st.RowsIn, st.RowsOut, humanBytes(st.BytesIn), humanBytes(st.BytesOut),
		wall, roundDuration(st.Wall), peak, humanBytes(st.PeakBytes), humanBytes(st.SpilledBytes))
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// humanBytes prints n in B, KiB, MiB or GiB with one decimal.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%dB", n)
	}
	v, suffix := float64(n)/unit, "KiB"
	for _, s := range []string{"MiB", "GiB", "TiB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	return fmt.Sprintf("%.1f%s", v, suffix)
}
