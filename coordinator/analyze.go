package coordinator

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// analyze answers EXPLAIN ANALYZE: it runs the query to completion, the
// coordinator itself draining (and discarding) the result endpoints, gathers
// every task's TaskStatsSpec and answers EXPLAIN's lines with, under each
// stage header, one line per task of that stage. The answer is served by a
// worker like any other result.
func (c *Coordinator) analyze(ctx context.Context, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member) (*Result, error) {
	began := time.Now()
	r, err := c.launch(ctx, d, tables, workers, nil)
	if err != nil {
		return nil, err
	}
	rows, err := c.drain(ctx, r)
	if err != nil {
		// Stop the tasks first: a producer may wait for the reader that failed.
		r.cancelOnWorkers(err)
		r.cancel()
		_, _ = r.wait(ctx)
		return nil, err
	}
	stats, err := r.wait(ctx)
	if err != nil {
		r.cancelOnWorkers(err)
		r.cancel()
		return nil, err
	}
	// Its results were counted and are kept no longer.
	r.cancelOnWorkers(qerr.ErrNotFound.New("the results of query %s were analyzed and discarded", r.id))
	c.log.Info("query analyzed", zap.String("query_id", string(r.id)), zap.Int("tasks", len(stats)),
		zap.Int64("rows", rows), zap.Duration("wall", time.Since(began)))
	head := fmt.Sprintf("Query %s: %d tasks, %d result rows, wall %s", r.id, len(stats), rows, roundDuration(time.Since(began)))
	return c.serveLines(ctx, append([]string{head}, analyzeLines(d, stats)...), workers)
}

// drain reads every result endpoint of r concurrently, counting rows.
func (c *Coordinator) drain(ctx context.Context, r *running) (int64, error) {
	root := r.plan.Root()
	var rows atomic.Int64
	g, gctx := errgroup.WithContext(ctx)
	for i := 0; i < root.Tasks; i++ {
		id := stage.TaskID{Fragment: root.ID, Index: i}
		m := r.place[id]
		f, ok := m.Conn.(ResultFetcher)
		if !ok {
			return 0, qerr.ErrUnsupported.New("EXPLAIN ANALYZE: the connection to worker %s cannot fetch results", m.Addr)
		}
		ticket := c.endpoint(r, id, r.expiry()).Ticket
		g.Go(func() error {
			rdr, err := f.FetchResult(gctx, ticket)
			if err != nil {
				return err
			}
			defer rdr.Release()
			for rdr.Next() {
				rows.Add(rdr.RecordBatch().NumRows())
			}
			return rdr.Err()
		})
	}
	err := g.Wait()
	return rows.Load(), err
}

// serveLines answers lines as a one-column utf8 result named plan, as
// EXPLAIN does.
func (c *Coordinator) serveLines(ctx context.Context, lines []string, workers []*Member) (*Result, error) {
	v := &stage.Values{Names: []string{"plan"}, Types: []arrow.DataType{arrow.BinaryTypes.String}}
	for _, l := range lines {
		v.Rows = append(v.Rows, []stage.Expr{&stage.Literal{Text: l, T: arrow.BinaryTypes.String}})
	}
	return c.start(ctx, stage.Cut(v, v.Delivered(nil)), nil, workers)
}

// stageHeader matches the header line of a fragment in DistributedPlan.Lines.
var stageHeader = regexp.MustCompile(`^(\s*)Stage (\d+):`)

// analyzeLines is d's EXPLAIN text with, after each stage header, one line
// per task of that fragment (matched by TaskStatsSpec.Task.Fragment, in task
// order): worker, rows and bytes in and out, wall time, peak buffered
// memory and spilled bytes.
func analyzeLines(d *stage.DistributedPlan, stats []stage.TaskStatsSpec) []string {
	byFragment := map[stage.FragmentID][]stage.TaskStatsSpec{}
	for _, st := range stats {
		byFragment[st.Task.Fragment] = append(byFragment[st.Task.Fragment], st)
	}
	var out []string
	for _, l := range d.Lines() {
		out = append(out, l)
		m := stageHeader.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		id, _ := strconv.Atoi(m[2])
		tasks := byFragment[stage.FragmentID(id)]
		sort.Slice(tasks, func(i, j int) bool { return tasks[i].Task.Index < tasks[j].Task.Index })
		for _, st := range tasks {
			out = append(out, fmt.Sprintf("%s  | task %s on %s: rows in=%d out=%d, bytes in=%s out=%s, wall=%s, peak=%s, spilled=%s",
				m[1], st.Task, st.Worker, st.RowsIn, st.RowsOut, humanBytes(st.BytesIn), humanBytes(st.BytesOut),
				roundDuration(st.Wall), humanBytes(st.PeakBytes), humanBytes(st.SpilledBytes)))
		}
	}
	return out
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
