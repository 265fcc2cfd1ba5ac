package exec

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// A fragment that only gathers one exchange, under at most a LIMIT (the
// last stage of SELECT * ... LIMIT n, or of a gathered result), is run by
// the worker itself: the merged input's batches go to the router as they
// arrive. Through DuckDB, every row would be imported from Arrow into
// DuckDB's vectors and exported again, for no operator; the gathered
// 10 M-row fetch of bench fetch spent most of its CPU there.

// passthroughLimit reports whether t's fragment is such a gather, with the
// LIMIT's offset and count (count < 0: none).
func passthroughLimit(t *task) (offset, count int64, ok bool) {
	if len(t.spec.Inputs) != 1 || t.spec.Output.Kind == stage.OutputNormal || t.spec.Output.Kind == stage.OutputWrite ||
		len(t.spec.Inputs[0].Producers) == 0 {
		return 0, 0, false
	}
	p, err := stage.DecodePlan(t.spec.Plan)
	if err != nil {
		return 0, 0, false // the render reports it
	}
	count = -1
	if l, isLimit := p.(*stage.Limit); isLimit {
		offset, count, p = l.Offset, l.Count, l.Input
	}
	_, ok = p.(*stage.ExchangeSource)
	return offset, count, ok
}

// passthrough runs a gather of passthroughLimit: it routes the rows of mr
// from offset on, count of them (count < 0: all), and stops reading once
// it has them.
func (w *Worker) passthrough(ctx context.Context, t *task, mr *mergeReader, offset, count int64) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	t.log.Info("task gathers its input without DuckDB")
	r, err := newRouter(ctx, w.taskRoute(t), mr.schema)
	if err != nil {
		return stats, err
	}
	defer r.release()
	defer func() {
		stats.RowsIn, stats.BytesIn = mr.rows.Load(), mr.bytes.Load()
	}()
	route := func(rec arrow.RecordBatch) error {
		n := rec.NumRows()
		lo, hi := min(offset, n), n
		if count >= 0 {
			hi = min(hi, lo+count)
			count -= hi - lo
		}
		offset -= lo
		if lo == 0 && hi == n {
			return r.add(rec)
		}
		part := rec.NewSlice(lo, hi)
		defer part.Release()
		return r.add(part)
	}
	for count != 0 && mr.Next() {
		if err := route(mr.RecordBatch()); err != nil {
			return stats, err
		}
	}
	if err := mr.Err(); err != nil {
		return stats, err
	}
	if err := r.flush(); err != nil {
		return stats, err
	}
	stats.RowsOut, stats.BytesOut = r.rows-r.dropped, r.bytes
	return stats, nil
}
