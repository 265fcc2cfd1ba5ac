package coordinator

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/qerr"
)

// Orphan collection.
//
// A data file under tables/ or the staging area that no table snapshot
// refers to is an orphan once nothing can commit it any more: what a write
// left when its process died before its commit, or when a worker finished a
// file after its statement had failed. At start nothing is in flight and
// every such file goes (CollectOrphans). While the coordinator runs, a file
// is collected only if all of these hold:
//
//   - no table's current snapshot refers to it (catalog.ReferencedFiles);
//   - it is not a retired file that a reader still holds (fileLeases);
//   - it was last modified before the cutoff: the start of the oldest
//     running write statement or open transaction (or now, without any),
//     less the grace period.
//
// A running write's files are all modified after the write began, and an
// open transaction's pending files after it began, so the cutoff keeps
// them however long they run; the grace period covers the coarseness of
// file times and the clock skew between nodes on shared storage. The
// cutoff is taken before the catalog is read: a write that commits after
// that read was running when the cutoff was taken, and one that commits
// before it is in the snapshot read. Commits that take files out of the
// catalog hold c.committing shared until they have retired them, and the
// collector reads the snapshots and the retired files under it exclusively,
// so every live file is in one of those two sets when it looks.

// Default orphan collection settings (cmd/quiver's --orphan-interval and
// --orphan-grace).
const (
	DefaultOrphanInterval = 5 * time.Minute
	DefaultOrphanGrace    = 10 * time.Minute
)

// writeClock keeps the start of every running write statement, for the
// orphan cutoff. Its zero value is ready to use.
type writeClock struct {
	mu      sync.Mutex
	next    uint64
	running map[uint64]time.Time
}

// begin records a write that began at start and returns the func that
// ends it.
func (w *writeClock) begin(start time.Time) (end func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.running == nil {
		w.running = map[uint64]time.Time{}
	}
	id := w.next
	w.next++
	w.running[id] = start
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.running, id)
	}
}

// oldest is the start of the oldest running write, or now if none runs.
func (w *writeClock) oldest(now time.Time) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, t := range w.running {
		if t.Before(now) {
			now = t
		}
	}
	return now
}

// beginWrite marks a statement that writes data files as running until the
// returned func is called, which must be after its files were committed,
// staged in its transaction or removed.
func (c *Coordinator) beginWrite() (end func()) { return c.writes.begin(time.Now()) }

// orphanCutoff is the time before which a file's last modification must lie
// for the periodic collection to take it: no running write or open
// transaction began before it.
func (c *Coordinator) orphanCutoff(now time.Time) time.Time {
	oldest := c.writes.oldest(now)
	for _, t := range c.openTxns() {
		if t.started.Before(oldest) {
			oldest = t.started
		}
	}
	return oldest.Add(-c.cfg.OrphanGrace)
}

// CollectOrphans deletes every file under the tables directory that no
// snapshot refers to and empties the staging area: what a write left behind
// when it failed or the process died before its commit. Run it only while
// no write is in flight (at start); collectOrphansEvery runs the careful
// kind while the coordinator serves.
func (c *Coordinator) CollectOrphans(ctx context.Context) error {
	if err := c.clearStaging(); err != nil {
		return err
	}
	_, err := c.collectOrphans(ctx, time.Time{})
	return err
}

// collectOrphansEvery collects orphans every interval until the coordinator
// closes.
func (c *Coordinator) collectOrphansEvery(interval time.Duration) {
	c.every(interval, func() {
		if _, err := c.collectOrphans(c.ctx, c.orphanCutoff(time.Now())); err != nil && c.ctx.Err() == nil {
			c.log.Warn("collect orphan files", zap.Error(err))
		}
	})
}

// collectOrphans deletes the files under tables/ and the staging area that
// no snapshot refers to, no reader holds, and that were last modified
// before cutoff (any time, if cutoff is zero), and returns their paths
// relative to the data directory. The caller takes cutoff before calling.
func (c *Coordinator) collectOrphans(ctx context.Context, cutoff time.Time) ([]string, error) {
	c.committing.Lock()
	refs, err := c.cat.ReferencedFiles(ctx)
	held := c.files.retiredPaths()
	c.committing.Unlock()
	if err != nil {
		return nil, err
	}
	var (
		removed []string
		bytes   int64
	)
	for _, dir := range []string{"tables", stagingDir} {
		root := filepath.Join(c.cfg.DataDir, dir)
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil // a directory removed meanwhile (a drop, a finished staging)
				}
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, err := filepath.Rel(c.cfg.DataDir, path)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if refs[rel] || held[rel] {
				return nil
			}
			info, err := d.Info()
			if err != nil || (!cutoff.IsZero() && !info.ModTime().Before(cutoff)) {
				return nil // gone meanwhile, or young enough to be a running write's
			}
			if os.Remove(path) == nil {
				removed = append(removed, rel)
				bytes += info.Size()
			}
			return nil
		})
		if err != nil {
			c.logOrphans(removed, bytes)
			return removed, qerr.ErrInternal.Wrap(err, "collect orphan files under %s", dir)
		}
	}
	c.logOrphans(removed, bytes)
	return removed, nil
}

// maxLoggedOrphans bounds the paths one collection's log line names.
const maxLoggedOrphans = 100

func (c *Coordinator) logOrphans(removed []string, bytes int64) {
	if len(removed) == 0 {
		return
	}
	metrics.OrphanFiles.Add(float64(len(removed)))
	metrics.OrphanBytes.Add(float64(bytes))
	c.log.Info("removed orphan data files", zap.Int("files", len(removed)), zap.Int64("bytes", bytes),
		zap.Strings("paths", removed[:min(len(removed), maxLoggedOrphans)]))
}
