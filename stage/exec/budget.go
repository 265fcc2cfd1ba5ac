package exec

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// diskWatch enforces Config.QueryDiskLimit, Config.DiskLimit and
// Config.MemoryLimit. It is the
// janitor's: only that goroutine calls check.
//
// DuckDB's temp files are one pool for the whole database and DuckDB does
// not say whose a block is, so a query is charged what the pool grew by
// while it ran: the pool's size now less its size when the query's first
// task was seen running (never below 0). That is exact for a query that
// runs alone; beside others it counts their growth too, and the query
// that has run longest through the growth is charged the most. So when
// several are over, only the one charged the most is cancelled, and no
// other is judged until its tasks have stopped and its files are gone.
// DuckDB's own max_temp_directory_size (the worker command sets it to the
// worker's disk limit unless told otherwise) caps the pool exactly.
//
// Config.MemoryLimit is enforced the same way over the process's resident
// memory, which DuckDB's memory_limit does not bound (its hash tables,
// Arrow conversions and allocator run past it by a third to two thirds):
// a query is charged what the resident set grew by while it ran, and when
// the process is over the limit the query charged the most fails, if it
// grew it by at least an eighth of the limit (memory freed by a query
// that ended may stay resident for a while, and must not fail the next).
type diskWatch struct {
	since    map[stage.QueryID]int64 // the pool's size when each running query was first seen
	memSince map[stage.QueryID]int64 // the resident set's then
}

// diskCharge is what one query takes of a worker's disk now.
type diskCharge struct {
	query stage.QueryID
	duck  int64 // what DuckDB's temp files grew by while it ran
	spill int64 // its exchange spill files
	mem   int64 // what the resident set grew by while it ran (MemoryLimit only)
}

func (c diskCharge) total() int64 { return c.duck + c.spill }

// check measures the worker's disk and cancels, with ErrTooLarge, the
// query charged the most among those over QueryDiskLimit, or, when the
// worker is over DiskLimit, the query charged the most (CancelQuery: its
// tasks stop, DuckDB's interrupt included, so its temp files go with its
// statements, and the coordinator fails the query everywhere).
func (d *diskWatch) check(w *Worker) {
	if w.engine == nil {
		return
	}
	pool := w.engine.TempBytes()
	var rss int64
	if w.cfg.MemoryLimit > 0 {
		rss = residentBytes()
	}
	if d.since == nil {
		d.since, d.memSince = map[stage.QueryID]int64{}, map[stage.QueryID]int64{}
	}
	var charges []diskCharge
	stopping := false // a cancelled query's tasks still run: its files are about to go
	seen := map[stage.QueryID]bool{}
	w.mu.Lock()
	for q, qs := range w.queries {
		_, cancelled := w.cancelled[q]
		if len(qs.tasks) > 0 {
			stopping = stopping || cancelled
			seen[q] = true
			if _, ok := d.since[q]; !ok {
				d.since[q], d.memSince[q] = pool, rss
			}
		}
		if cancelled {
			continue
		}
		c := diskCharge{query: q, spill: qs.mem.disk.Load()}
		if seen[q] {
			c.duck, c.mem = max(0, pool-d.since[q]), max(0, rss-d.memSince[q])
		}
		charges = append(charges, c)
	}
	w.mu.Unlock()
	for q := range d.since {
		if !seen[q] {
			delete(d.since, q) // its tasks ended: their temp files with them
			delete(d.memSince, q)
		}
	}
	if stopping {
		return
	}

	all := pool
	var top, over, grew diskCharge // the query charged the most, the most over its limit, the most memory
	for _, c := range charges {
		if c.mem > grew.mem {
			grew = c
		}
		all += c.spill
		if c.total() > top.total() {
			top = c
		}
		if limit := w.cfg.QueryDiskLimit; limit > 0 && c.total() > limit && c.total() > over.total() {
			over = c
		}
	}
	switch limit := w.cfg.DiskLimit; {
	case over.query != "":
		w.overDisk(over, qerr.ErrTooLarge.New("query %s took %s of disk on worker %s (DuckDB temp files %s, exchange spill %s), over the per-query disk limit of %s (--query-disk-limit)",
			over.query, sizeText(over.total()), w.cfg.Address, sizeText(over.duck), sizeText(over.spill), sizeText(w.cfg.QueryDiskLimit)))
	case limit > 0 && all > limit && top.query != "":
		w.overDisk(top, qerr.ErrTooLarge.New("worker %s holds %s of temp and spill files, over its disk limit of %s (--worker-disk-limit); query %s took the most: %s (DuckDB temp files %s, exchange spill %s)",
			w.cfg.Address, sizeText(all), sizeText(limit), top.query, sizeText(top.total()), sizeText(top.duck), sizeText(top.spill)))
	case w.cfg.MemoryLimit > 0 && rss > w.cfg.MemoryLimit && grew.mem >= w.cfg.MemoryLimit/8:
		w.log.Warn("query over the worker's memory limit", qlog.Query(grew.query), zap.Int64("resident_bytes", rss), zap.Int64("grew_bytes", grew.mem))
		w.CancelQuery(grew.query, qerr.ErrTooLarge.New("worker %s holds %s of memory, over its memory limit of %s (--worker-memory-limit); query %s grew it the most, by %s",
			w.cfg.Address, sizeText(rss), sizeText(w.cfg.MemoryLimit), grew.query, sizeText(grew.mem)))
	}
}

// residentBytes is the process's resident set size now (Linux's
// /proc/self/statm), 0 where that is not known.
func residentBytes() int64 {
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(raw))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// overDisk cancels the query of c with cause.
func (w *Worker) overDisk(c diskCharge, cause error) {
	w.log.Warn("query over its disk limit", qlog.Query(c.query), zap.Int64("duckdb_temp_bytes", c.duck),
		zap.Int64("spill_bytes", c.spill), zap.Error(cause))
	w.CancelQuery(c.query, cause)
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
