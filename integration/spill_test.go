package integration

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSpillUnderTinyBudgets runs a GROUP BY with about as many groups as
// rows on two workers whose DuckDB has a tiny memory_limit (its hash
// aggregates spill to the worker's temp_directory) and whose exchange
// buffers have a tiny per-query budget (the shuffle of the partial
// aggregates spills to Arrow IPC files). The answer must equal the
// oracle's, the shuffle must have spilled, and no spill file of the
// shuffle may be left.
func TestSpillUnderTinyBudgets(t *testing.T) {
	t.Parallel()
	ds := newDataset(t, 600_000, 6, 0, 0)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	dataDir := t.TempDir()
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--workers", "2",
		"--memory-limit", "48MB", "--threads", "1", "--query-memory", "262144")
	addr := p.WaitReady(t)
	c := connect(t, addr)
	c.load(ds)

	qc := queryCase{name: "many_groups", sql: "SELECT b, count(*), sum(a), min(s), max(dt), count(d) FROM t GROUP BY b"}
	checkQuery(t, c, o, qc)

	var spilled float64
	for _, l := range p.Find(func(l LogLine) bool { return l.Msg() == msgTaskFinished }) {
		if v, ok := l.Fields["spilled_bytes"].(float64); ok {
			spilled += v
		}
	}
	if spilled == 0 {
		t.Errorf("no task spilled its exchange buffers under --query-memory 262144")
	}
	// The shuffle's spill files were deleted once read; what is left is
	// the result's (spill files are named <fragment>_<task>_<part>_<seq>,
	// the result is fragment 0), kept for re-fetching until it expires.
	for _, f := range spillFilesOnDisk(dataDir) {
		if !strings.HasPrefix(filepath.Base(f), "0_") {
			t.Errorf("exchange spill file left: %s", f)
		}
	}
}
