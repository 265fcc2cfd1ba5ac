package coordinator

import (
	"context"
	"path/filepath"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// A query that reads no table (constants, SHOW, information_schema and
// system tables, which the binder turns into Values) needs no worker: the
// coordinator runs it on a small DuckDB of its own, rendered by stage/duck
// exactly as a worker renders a fragment (never the user's SQL), and
// answers it from the held results (held.go). It works with no live worker
// and saves the task's round trips.
//
// Only a plan of one fragment of one task runs here: a plan over virtual
// tables that still has exchanges (a join of two information_schema
// tables broadcasts one side) runs on the workers as before, so that the
// coordinator never relays exchanges.

// The local engine's settings: one thread and a small memory limit, since
// it serves small answers next to the coordinator's own work.
const (
	localThreads     = 1
	localMemoryLimit = "256MB"
)

// openLocalEngine opens the coordinator's DuckDB; it spills, if ever, under
// <data-dir>/tmp/coordinator. Without it (nil), every query goes to the
// workers.
func openLocalEngine(cfg Config, log *zap.Logger) *exec.Engine {
	ec := exec.EngineConfig{Threads: localThreads, MemoryLimit: localMemoryLimit}
	if cfg.DataDir != "" {
		ec.TempDir = filepath.Join(cfg.DataDir, "tmp", "coordinator")
	}
	e, err := exec.OpenEngine(ec)
	if err != nil {
		log.Warn("no local engine: queries over constants run on workers", zap.Error(err))
		return nil
	}
	return e
}

// runsLocally reports whether d is one fragment of one task that reads no
// table, which the coordinator runs itself.
func runsLocally(d *stage.DistributedPlan) bool {
	return len(d.Fragments) == 1 && d.Root().Tasks == 1 && !readsTable(d.Root().Root)
}

// readsTable reports whether p scans a table anywhere.
func readsTable(p stage.Plan) bool {
	if _, ok := p.(*stage.Scan); ok {
		return true
	}
	for _, c := range p.Children() {
		if readsTable(c) {
			return true
		}
	}
	return false
}

// runLocal runs the one task of d (runsLocally) on the local engine under
// the statement timeout and holds its result, at most what the held store
// holds (ErrTooLarge beyond it). It counts among its user's running
// queries while it runs, as a query on the workers does.
func (c *Coordinator) runLocal(ctx context.Context, d *stage.DistributedPlan) (*Result, error) {
	release, err := c.perUser.admit(userOf(ctx), c.cfg.MaxQueriesPerUser)
	if err != nil {
		return nil, err
	}
	defer release()
	started := time.Now()
	res, err := c.answerLocal(ctx, d)
	state := QueryFinished
	if err != nil {
		state = QueryFailed
		if qerr.CodeOf(err) == qerr.ErrCancelled {
			state = QueryCancelled
		}
	}
	metrics.QueriesEnded.WithLabelValues(string(state)).Inc()
	metrics.StatementSeconds.WithLabelValues(metrics.KindQuery).Observe(time.Since(started).Seconds())
	return res, err
}

func (c *Coordinator) answerLocal(ctx context.Context, d *stage.DistributedPlan) (*Result, error) {
	root := d.Root()
	plan, err := stage.EncodePlan(root.Root)
	if err != nil {
		return nil, err
	}
	spec := &stage.TaskSpec{
		Version: stage.SpecVersion,
		Query:   newQueryID(),
		Task:    stage.TaskID{Fragment: root.ID},
		Plan:    plan,
		Output:  stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: stage.NewSchemaSpec(root.Root.Schema())},
	}
	// The records carry the schema the spec decodes to, as a worker's
	// result stream does; the held result is served with that one.
	schema, err := spec.Output.Schema.Arrow()
	if err != nil {
		return nil, err
	}
	run := ctx
	if timeout := c.queryTimeout(ctx); timeout > 0 {
		var cancel context.CancelFunc
		run, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	recs, err := c.local.RunLocal(run, memory.DefaultAllocator, spec, c.held.maxBytes)
	if err != nil {
		return nil, err
	}
	return c.answer(ctx, schema, recs)
}
