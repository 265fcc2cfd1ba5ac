package exec

import (
	"runtime"

	"github.com/apache/arrow-go/v18/arrow/ipc"

	"github.com/quiverdb/quiver/stage"
)

// Stats is a snapshot of what a worker holds, for the quiver.stats action
// and tests: a worker at rest has zero of everything.
type Stats struct {
	Queries       int   `json:"queries"`        // queries with tasks or buffers here
	Tasks         int   `json:"tasks"`          // running tasks
	Buffers       int   `json:"buffers"`        // registered buffers
	Readers       int   `json:"readers"`        // streams reading them now
	BufferedBytes int64 `json:"buffered_bytes"` // bytes of in-memory batches
	SpillFiles    int   `json:"spill_files"`    // files under the spill directory
	SpillBytes    int64 `json:"spill_bytes"`    // their bytes
	Cancelled     int   `json:"cancelled"`      // cancelled queries remembered
	Connections   int64 `json:"connections"`    // DuckDB connections of running tasks
	Goroutines    int   `json:"goroutines"`     // of the whole process
}

// Stats counts what the worker holds now; the spill files are counted on
// disk.
func (w *Worker) Stats() Stats {
	var s Stats
	w.mu.Lock()
	s.Queries = len(w.queries)
	s.Cancelled = len(w.cancelled)
	for _, qs := range w.queries {
		s.Tasks += len(qs.tasks)
		s.Buffers += len(qs.bufs)
		s.BufferedBytes += qs.mem.mem.cur.Load()
		for _, b := range qs.bufs {
			b.mu.Lock() // after w.mu: nothing takes them the other way round
			s.Readers += len(b.readers)
			b.mu.Unlock()
		}
	}
	w.mu.Unlock()
	if w.cfg.SpillDir != "" {
		s.SpillFiles, s.SpillBytes = spillFiles(w.cfg.SpillDir)
	}
	s.Connections = w.engine.OpenConnections()
	s.Goroutines = runtime.NumGoroutine()
	return s
}

// SpilledBytes is the number of bytes q has written to spill files on this
// worker so far.
func (w *Worker) SpilledBytes(q stage.QueryID) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if qs, ok := w.queries[q]; ok {
		return qs.mem.spilled.Load()
	}
	return 0
}

// IPCOptions are the options of the IPC writers of the worker's streams
// (compression).
func (w *Worker) IPCOptions() []ipc.Option {
	if w.codec == nil {
		return nil
	}
	return []ipc.Option{w.codec}
}
