package exec

import (
	"fmt"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// diskCharge is what one query takes of a worker's disk now.
type diskCharge struct {
	query stage.QueryID
	duck  int64 // its share of DuckDB's temp files
	spill int64 // its exchange spill files
}

func (c diskCharge) total() int64 { return c.duck + c.spill }

// checkDisk enforces Config.QueryDiskLimit and Config.DiskLimit: a query
// over its limit, or the query that takes the most when the worker is over
// its own, is cancelled with ErrTooLarge (CancelQuery: its tasks stop,
// DuckDB's interrupt included, so their temp files go with their
// statements, and the coordinator fails the query everywhere).
//
// DuckDB's temp files are one pool for the whole database, so they are
// charged in equal shares to the queries running tasks here: exact for a
// query that runs alone, an estimate beside others (DuckDB's own
// max_temp_directory_size, Config.DiskLimit's default, caps the pool
// exactly).
func (w *Worker) checkDisk() {
	if w.engine == nil {
		return
	}
	duckBytes := w.engine.TempBytes()
	var charges []diskCharge
	w.mu.Lock()
	// running counts the queries whose tasks hold DuckDB's files, those of
	// cancelled ones that are still stopping too; stopping says whether
	// there is such a query, whose files are about to go.
	running, stopping := 0, false
	for q, qs := range w.queries {
		if len(qs.tasks) > 0 {
			running++
			_, gone := w.cancelled[q]
			stopping = stopping || gone
		}
	}
	for q, qs := range w.queries {
		if _, gone := w.cancelled[q]; gone {
			continue // its tasks are stopping; their files are no longer its to grow
		}
		c := diskCharge{query: q, spill: qs.mem.disk.Load()}
		if len(qs.tasks) > 0 {
			c.duck = duckBytes / int64(running)
		}
		charges = append(charges, c)
	}
	w.mu.Unlock()

	all := duckBytes
	var top diskCharge // the largest query left running
	for _, c := range charges {
		all += c.spill
		if limit := w.cfg.QueryDiskLimit; limit > 0 && c.total() > limit {
			w.overDisk(c, qerr.ErrTooLarge.New("query %s took %s of disk on worker %s (%s, exchange spill %s), over the per-query disk limit of %s (--query-disk-limit)",
				c.query, sizeText(c.total()), w.cfg.Address, duckShare(c.duck, running), sizeText(c.spill), sizeText(limit)))
			continue
		}
		if c.total() > top.total() {
			top = c
		}
	}
	// While a cancelled query stops, the pool still holds its files: the
	// worker's total waits for them to go before it fails another query.
	if limit := w.cfg.DiskLimit; limit > 0 && all > limit && top.total() > 0 && !stopping {
		w.overDisk(top, qerr.ErrTooLarge.New("worker %s holds %s of temp and spill files, over its disk limit of %s (--worker-disk-limit); query %s took the most: %s (%s, exchange spill %s)",
			w.cfg.Address, sizeText(all), sizeText(limit), top.query, sizeText(top.total()), duckShare(top.duck, running), sizeText(top.spill)))
	}
}

// overDisk cancels the query of c with cause.
func (w *Worker) overDisk(c diskCharge, cause error) {
	w.log.Warn("query over its disk limit", qlog.Query(c.query), zap.Int64("duckdb_temp_bytes", c.duck),
		zap.Int64("spill_bytes", c.spill), zap.Error(cause))
	w.CancelQuery(c.query, cause)
}

// duckShare says what part of DuckDB's temp files a charge holds.
func duckShare(n int64, running int) string {
	if running <= 1 {
		return "DuckDB temp files " + sizeText(n)
	}
	return fmt.Sprintf("DuckDB temp files %s, a 1/%d share", sizeText(n), running)
}

// sizeText prints n bytes in B, KiB, MiB or GiB with one decimal.
func sizeText(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, suffix := float64(n)/unit, "KiB"
	for _, s := range []string{"MiB", "GiB", "TiB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}
