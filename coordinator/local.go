package coordinator

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
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
	spec, schema, err := localSpec(root)
	if err != nil {
		return nil, err
	}
	if rec, ok := literalRecord(memory.DefaultAllocator, root.Root, schema); ok {
		return c.answer(ctx, schema, []arrow.RecordBatch{rec})
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

// localSpec is the task spec of root, run on the local engine, and the
// schema its records carry: the one the spec decodes to, as a worker's
// result stream does; the held result is served with that one.
func localSpec(root *stage.Fragment) (*stage.TaskSpec, *arrow.Schema, error) {
	plan, err := stage.EncodePlan(root.Root)
	if err != nil {
		return nil, nil, err
	}
	spec := &stage.TaskSpec{
		Version: stage.SpecVersion,
		Query:   newQueryID(),
		Task:    stage.TaskID{Fragment: root.ID},
		Plan:    plan,
		Output:  stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: stage.NewSchemaSpec(root.Root.Schema())},
	}
	schema, err := spec.Output.Schema.Arrow()
	if err != nil {
		return nil, nil, err
	}
	return spec, schema, nil
}

// literalRecord is the one row of a plan that projects only literals over
// one row of literals (SELECT 1, SELECT 'a', NULL), built in Go with the
// columns of schema: such a plan costs DuckDB a prepare and a query, most
// of a constant query's time. It takes only BIGINT, VARCHAR and BOOLEAN
// literals (or their typed NULL) whose planned type is schema's, whose
// text converts exactly as DuckDB reads it; anything else, a call, a cast
// or another type, is not ok and runs on the local engine. It evaluates
// nothing.
func literalRecord(mem memory.Allocator, p stage.Plan, schema *arrow.Schema) (arrow.RecordBatch, bool) {
	proj, ok := p.(*stage.Project)
	if !ok || len(proj.Exprs) != schema.NumFields() {
		return nil, false
	}
	vals, ok := proj.Input.(*stage.Values)
	if !ok || len(vals.Rows) != 1 {
		return nil, false
	}
	for _, e := range vals.Rows[0] {
		if _, ok := e.(*stage.Literal); !ok {
			return nil, false
		}
	}
	cols := make([]arrow.Array, 0, len(proj.Exprs))
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	for i, e := range proj.Exprs {
		lit, ok := e.(*stage.Literal)
		if !ok || !arrow.TypeEqual(lit.T, schema.Field(i).Type) {
			return nil, false
		}
		col, ok := literalArray(mem, lit)
		if !ok {
			return nil, false
		}
		cols = append(cols, col)
	}
	return array.NewRecordBatch(schema, cols, 1), true
}

// literalArray is lit as an array of one value, if it is of a type
// literalRecord takes.
func literalArray(mem memory.Allocator, lit *stage.Literal) (arrow.Array, bool) {
	switch lit.T.ID() {
	case arrow.INT64:
		b := array.NewInt64Builder(mem)
		defer b.Release()
		if lit.Null {
			b.AppendNull()
			return b.NewArray(), true
		}
		v, err := strconv.ParseInt(lit.Text, 10, 64)
		if err != nil {
			return nil, false
		}
		b.Append(v)
		return b.NewArray(), true
	case arrow.STRING:
		b := array.NewStringBuilder(mem)
		defer b.Release()
		if lit.Null {
			b.AppendNull()
		} else {
			b.Append(lit.Text)
		}
		return b.NewArray(), true
	case arrow.BOOL:
		b := array.NewBooleanBuilder(mem)
		defer b.Release()
		switch {
		case lit.Null:
			b.AppendNull()
		case strings.EqualFold(lit.Text, "true"):
			b.Append(true)
		case strings.EqualFold(lit.Text, "false"):
			b.Append(false)
		default:
			return nil, false
		}
		return b.NewArray(), true
	}
	return nil, false
}
