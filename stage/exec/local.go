package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// RunLocal runs a task that reads no input exchange and no table file (a
// fragment over constants and virtual tables, which the coordinator
// answers itself) on its own connection of e: rendered by
// duck.RenderTask and relabelled with the schema spec promises, exactly as
// a worker runs a result task, but into batches it returns instead of
// buffers. The batches are allocated from mem and the caller releases
// them. Connections are kept for the next local run. A result of more than maxBytes is ErrTooLarge, and it stops
// there; a task with inputs, splits or another output than a result is
// ErrInvalid.
func (e *Engine) RunLocal(ctx context.Context, mem memory.Allocator, spec *stage.TaskSpec, maxBytes int64) ([]arrow.RecordBatch, error) {
	if err := stage.CheckVersion(spec.Version); err != nil {
		return nil, err
	}
	if len(spec.Inputs) > 0 || len(spec.Splits) > 0 || spec.Output.Kind != stage.OutputResult {
		return nil, qerr.ErrInvalid.New("task %s reads inputs or tables or writes no result: it cannot run locally", spec.Task)
	}
	schema, err := spec.Output.Schema.Arrow()
	if err != nil {
		return nil, err
	}
	sql, err := duck.RenderTask(spec, duck.RenderEnv{})
	if err != nil {
		return nil, err
	}
	conn, err := e.localConn(ctx)
	if err != nil {
		return nil, err
	}
	out := &collector{maxBytes: maxBytes}
	_, _, err = routeQuery(ctx, conn, sql, route{
		mem: mem, spec: spec, schema: schema, sinks: []sink{out},
		target: defaultBatchRows, targetBytes: defaultBatchBytes, rereads: true,
	})
	// A connection whose query failed (an interrupt among others) is not
	// trusted again.
	e.putLocalConn(conn, err == nil)
	if err != nil {
		out.release()
		return nil, err
	}
	return out.recs, nil
}

// localConn is an idle connection of an earlier local run, else a new one.
func (e *Engine) localConn(ctx context.Context) (*duckdb.Conn, error) {
	select {
	case conn := <-e.idle:
		e.open.Add(1)
		return conn, nil
	default:
		return e.newConn(ctx)
	}
}

// putLocalConn keeps conn for the next local run if reuse and there is
// room, else closes it.
func (e *Engine) putLocalConn(conn *duckdb.Conn, reuse bool) {
	if reuse && !e.closed.Load() {
		select {
		case e.idle <- conn:
			e.open.Add(-1)
			return
		default:
		}
	}
	e.closeConn(conn)
}

// collector is the sink of a local run: it keeps every batch, up to
// maxBytes in all.
type collector struct {
	recs     []arrow.RecordBatch
	bytes    int64
	maxBytes int64
}

func (c *collector) push(_ context.Context, rec arrow.RecordBatch) error {
	n := RecordBytes(rec)
	if c.bytes+n > c.maxBytes {
		return qerr.ErrTooLarge.New("a result computed locally exceeds the %d bytes it may hold", c.maxBytes)
	}
	rec.Retain()
	c.recs = append(c.recs, rec)
	c.bytes += n
	return nil
}

func (c *collector) release() {
	for _, rec := range c.recs {
		rec.Release()
	}
	c.recs = nil
}
