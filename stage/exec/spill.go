package exec

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// queryMem is one query's memory budget and spill space on one worker,
// shared by the buffers of all its tasks here.
//
//	push ──> within budget?  ── yes ──> in memory
//	             │ no
//	             └──> disk cap left? ── yes ──> <dir>/<task>_<part>_<seq>.arrow
//	                         │ no
//	                         └──> buffer empty in memory? ── yes ──> in memory
//	                                     │ no
//	                                     └──> wait (ctx-aware) for a reader
//
// Spill files are written whole (one Arrow IPC stream per batch) and read
// back in queue order by the buffer's readers. A file is deleted when its
// entry is dropped: once read, in a buffer read once; when the buffer is
// freed (a kept result: cancelled or expired); and with the query's
// directory when the worker forgets the query.
type queryMem struct {
	id      stage.QueryID
	budget  int64 // bytes in memory before spilling; < 0: no limit
	diskCap int64 // bytes of spill files; 0: no limit, < 0: spilling disabled
	dir     string
	codec   ipc.Option // nil: uncompressed spill files

	mem     usage        // bytes of the query's in-memory batches here
	disk    atomic.Int64 // bytes of its spill files on disk now (or reserved)
	files   atomic.Int64 // its spill files on disk now
	spilled atomic.Int64 // bytes ever written to spill files

	mu      sync.Mutex
	wake    chan struct{} // closed and replaced whenever memory is freed
	madeDir bool
}

func newQueryMem(id stage.QueryID, budget, diskCap int64, dir string, codec ipc.Option) *queryMem {
	return &queryMem{id: id, budget: budget, diskCap: diskCap, dir: dir, codec: codec, wake: make(chan struct{})}
}

// waitCh is closed the next time memory is freed.
func (q *queryMem) waitCh() <-chan struct{} {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.wake
}

// notify wakes the producers waiting for memory.
func (q *queryMem) notify() {
	q.mu.Lock()
	close(q.wake)
	q.wake = make(chan struct{})
	q.mu.Unlock()
}

// reserveDisk reserves n bytes of spill space, or reports that spilling is
// disabled or the cap is reached.
func (q *queryMem) reserveDisk(n int64) bool {
	if q.diskCap < 0 || q.dir == "" {
		return false
	}
	if q.diskCap == 0 {
		q.disk.Add(n)
		return true
	}
	for {
		c := q.disk.Load()
		if c+n > q.diskCap {
			return false
		}
		if q.disk.CompareAndSwap(c, c+n) {
			return true
		}
	}
}

// writeSpill writes rec as one Arrow IPC stream file and returns its path
// and size. A failure leaves no file.
func (q *queryMem) writeSpill(k bufKey, seq int, rec arrow.RecordBatch) (string, int64, error) {
	q.mu.Lock()
	if !q.madeDir {
		if err := os.MkdirAll(q.dir, 0o700); err != nil {
			q.mu.Unlock()
			return "", 0, qerr.ErrInternal.Wrap(err, "create spill directory")
		}
		q.madeDir = true
	}
	q.mu.Unlock()
	path := filepath.Join(q.dir, fmt.Sprintf("%d_%d_%d_%d_%d.arrow", k.task.Fragment, k.task.Index, k.attempt, k.part, seq))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", 0, qerr.ErrInternal.Wrap(err, "create spill file")
	}
	q.files.Add(1)
	opts := []ipc.Option{ipc.WithSchema(rec.Schema())}
	if q.codec != nil {
		opts = append(opts, q.codec)
	}
	wr := ipc.NewWriter(f, opts...)
	err = wr.Write(rec)
	if cerr := wr.Close(); err == nil {
		err = cerr
	}
	var size int64
	if err == nil {
		var st os.FileInfo
		if st, err = f.Stat(); err == nil {
			size = st.Size()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		q.removeSpill(path, 0)
		return "", 0, qerr.ErrInternal.Wrap(err, "write spill file")
	}
	q.spilled.Add(size)
	return path, size, nil
}

// readSpill reads the batch of a spill file into mem; the file stays (its
// buffer's entry owns it). The caller owns the returned batch.
func (q *queryMem) readSpill(path string, mem memory.Allocator) (arrow.RecordBatch, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "open spill file")
	}
	defer f.Close()
	rdr, err := ipc.NewReader(f, ipc.WithAllocator(mem))
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "read spill file")
	}
	defer rdr.Release()
	if !rdr.Next() {
		err := rdr.Err()
		if err == nil {
			err = fmt.Errorf("no batch in %s", path)
		}
		return nil, qerr.ErrInternal.Wrap(err, "read spill file")
	}
	rec := rdr.RecordBatch()
	rec.Retain()
	return rec, nil
}

// removeSpill deletes a spill file of size bytes.
func (q *queryMem) removeSpill(path string, size int64) {
	_ = os.Remove(path) // already gone when the query's directory was removed
	q.files.Add(-1)
	q.disk.Add(-size)
}

// removeDir deletes the query's spill directory and whatever is left in it.
func (q *queryMem) removeDir() {
	q.mu.Lock()
	made := q.madeDir
	q.madeDir = false
	q.mu.Unlock()
	if made {
		_ = os.RemoveAll(q.dir)
	}
}

// spillFiles counts the files under dir (a worker's spill directory).
func spillFiles(dir string) (files int, bytes int64) {
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			files++
			bytes += info.Size()
		}
		return nil
	})
	return files, bytes
}
