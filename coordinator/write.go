package coordinator

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// stagingDir holds the unbucketed files of a load into a bucketed table
// until they are redistributed; it is emptied at every start.
const stagingDir = "tmp/staging"

// bucketKeys are the positions of a bucketed table's distribution keys.
func bucketKeys(t *catalog.Table) []int {
	keys := make([]int, len(t.DistributionKeys))
	for i, k := range t.DistributionKeys {
		keys[i] = t.ColumnIndex(k)
	}
	return keys
}

// writePlan is the distributed plan of a write of rows (exactly t's
// columns): the rows' plan with a root fragment whose tasks each write the
// rows they get as one file of t. Into a bucketed table, a Normal exchange on
// the distribution keys (the hash every exchange uses) feeds t.Partitions
// root tasks, and task i writes the file of bucket i.
func writePlan(ctx context.Context, t *catalog.Table, rows logical.Plan, reads map[int]*catalog.Table, cluster physical.Cluster) (*stage.DistributedPlan, error) {
	_, _, phys, err := physicalPlan(ctx, notNull(t, rows), reads, cluster)
	if err != nil {
		return nil, err
	}
	return distributeWrite(t, phys, cluster), nil
}

// notNull makes a write of rows into t fail, before any file is
// committed, on a NULL in a NOT NULL column: the binder refuses a NULL
// literal, but a query's or an expression's NULL is known only when it runs.
func notNull(t *catalog.Table, rows logical.Plan) logical.Plan {
	proj := &logical.Project{Input: rows}
	checked := false
	for i, c := range t.Columns {
		var e stage.Expr = &stage.ColumnRef{Index: i, Name: c.Name, T: c.Type}
		if !c.Nullable {
			isNull := &stage.Call{Fn: "isnull", Args: []stage.Expr{e}, T: arrow.FixedWidthTypes.Boolean}
			fail := &stage.Call{Fn: "raise_error", T: c.Type, Args: []stage.Expr{
				&stage.Literal{Text: fmt.Sprintf("column %s cannot be NULL", c.Name), T: arrow.BinaryTypes.String}}}
			e, checked = &stage.Call{Fn: "case", Args: []stage.Expr{isNull, fail, e}, T: c.Type}, true
		}
		proj.Exprs, proj.Names = append(proj.Exprs, e), append(proj.Names, c.Name)
	}
	if !checked {
		return rows
	}
	return proj
}

// distributeWrite cuts the physical plan of a write's rows into fragments,
// shuffled into t's buckets when it has them.
func distributeWrite(t *catalog.Table, rows stage.Plan, cluster physical.Cluster) *stage.DistributedPlan {
	if len(t.DistributionKeys) == 0 {
		return cluster.Cut(rows)
	}
	n := max(t.Partitions, 1)
	shuffled := &stage.Exchange{Input: rows, Kind: stage.Normal, Keys: bucketKeys(t), Tasks: n}
	cluster.Workers = n
	return cluster.Cut(shuffled)
}

// writeFiles runs a write's plan (writePlan) and returns the files its root
// tasks wrote into t's directory, each with its bucket in a bucketed table.
// Nothing is committed: the caller commits the files. Every other file the
// write made (a failed write's, an attempt's given up for a lost worker, a
// task's whose answer never came) is removed here, found by the write's
// token, so a failed, cancelled or retried write leaves nothing behind
// (what a crash leaves, CollectOrphans removes at the next start).
func (c *Coordinator) writeFiles(ctx context.Context, t *catalog.Table, d *stage.DistributedPlan, tables map[int]*catalog.Table, workers []*Member) ([]catalog.DataFile, error) {
	out := &stage.OutputSpec{Kind: stage.OutputWrite, Consumers: 1, WriteDir: tableDir(t), WriteToken: string(newQueryID())}
	for _, col := range t.Columns {
		out.WriteColumns = append(out.WriteColumns, col.FileName())
	}
	run, err := c.launch(ctx, d, tables, workers, out)
	if err != nil {
		return nil, err
	}
	stats, err := run.wait(ctx)
	var files []catalog.DataFile
	for _, st := range stats {
		if st.Task.Fragment != d.Root().ID {
			continue
		}
		for _, f := range st.Files {
			if len(t.DistributionKeys) > 0 {
				f.Bucket = st.Task.Index
			}
			f.Schema = t.SchemaVersion
			files = append(files, f)
		}
	}
	if err != nil {
		files = nil
	}
	c.removeUnclaimed(out.WriteDir, out.WriteToken, files)
	return files, err
}

// removeUnclaimed deletes the files under dir (relative to the data
// directory), finished or still hidden, whose names begin with a write's
// token (stage.OutputSpec's WriteToken) and that are not among keep, the
// write's files to commit. Call it once the write's tasks have ended: a
// task given up while it wrote publishes nothing after that (the worker
// checks its context first), and a file it cannot delete is left for the
// orphan collector (orphans.go).
func (c *Coordinator) removeUnclaimed(dir, token string, keep []catalog.DataFile) {
	kept := make(map[string]bool, len(keep))
	for _, f := range keep {
		kept[path.Base(f.Path)] = true
	}
	entries, err := os.ReadDir(filepath.Join(c.cfg.DataDir, dir))
	if err != nil {
		if !os.IsNotExist(err) {
			c.log.Warn("list a write's files", zap.String("dir", dir), zap.Error(err))
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		if kept[name] || !strings.HasPrefix(strings.TrimPrefix(name, "."), token+"-") {
			continue
		}
		if err := os.Remove(filepath.Join(c.cfg.DataDir, dir, name)); err != nil && !os.IsNotExist(err) {
			c.log.Warn("remove an uncommitted data file", zap.String("path", path.Join(filepath.ToSlash(dir), name)), zap.Error(err))
		}
	}
}

// rebucket moves staged files (written as they arrived) into t's buckets
// by scanning them through writeBuckets, and removes them.
func (c *Coordinator) rebucket(ctx context.Context, t *catalog.Table, staged []catalog.DataFile, workers []*Member) ([]catalog.DataFile, error) {
	defer c.removeFiles(staged)
	if len(staged) == 0 {
		return nil, nil
	}
	src := *t
	src.DistributionKeys, src.Partitions = nil, 0
	src.Snapshot = catalog.Snapshot{Files: staged}
	scan := &logical.Scan{ID: 0, Database: t.Database, Table: t.Name, Files: len(staged), Rows: src.Snapshot.Rows()}
	for _, col := range t.Columns {
		scan.Columns, scan.Types = append(scan.Columns, col.FileName()), append(scan.Types, col.Type)
	}
	rows, err := physical.Plan(scan, c.cluster(workers))
	if err != nil {
		return nil, err
	}
	return c.writeFiles(ctx, t, distributeWrite(t, rows, c.cluster(workers)), map[int]*catalog.Table{0: &src}, workers)
}

// clearStaging removes what an interrupted load left in the staging area.
func (c *Coordinator) clearStaging() error {
	if err := os.RemoveAll(filepath.Join(c.cfg.DataDir, stagingDir)); err != nil {
		return qerr.ErrInternal.Wrap(err, "clear %s", stagingDir)
	}
	return nil
}

// fileLeases keeps the data files that left the catalog (a replaced or
// dropped table's, files a transaction superseded) on disk until no reader
// that may still read them remains: a query binds a snapshot and scans its
// files later, and a transaction reads its pinned snapshot for as long as it
// is open. A reader holds a lease from before it reads the catalog until it
// reads no more files; files retired after a lease was taken outlive it.
type fileLeases struct {
	mu      sync.Mutex
	epoch   uint64 // advances at every retire
	held    map[*lease]struct{}
	retired []retiredFiles
}

// lease is one reader's hold on the files of the snapshots it may read.
type lease struct{ epoch uint64 }

type retiredFiles struct {
	epoch uint64
	files []catalog.DataFile
}

func (f *fileLeases) acquire() *lease {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.held == nil {
		f.held = map[*lease]struct{}{}
	}
	l := &lease{epoch: f.epoch}
	f.held[l] = struct{}{}
	return l
}

// release ends l and returns the files no lease holds any more, for the
// caller to delete.
func (f *fileLeases) release(l *lease) []catalog.DataFile {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.held, l)
	return f.sweepLocked()
}

// retire marks files as out of every snapshot from now on and returns those
// (of them and earlier ones) that no lease holds.
func (f *fileLeases) retire(files []catalog.DataFile) []catalog.DataFile {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(files) > 0 {
		f.retired = append(f.retired, retiredFiles{epoch: f.epoch, files: files})
		f.epoch++
	}
	return f.sweepLocked()
}

// retiredPaths is the set of paths of the retired files some lease still holds.
func (f *fileLeases) retiredPaths() map[string]bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]bool{}
	for _, r := range f.retired {
		for _, df := range r.files {
			out[df.Path] = true
		}
	}
	return out
}

func (f *fileLeases) sweepLocked() []catalog.DataFile {
	oldest := f.epoch
	for l := range f.held {
		oldest = min(oldest, l.epoch)
	}
	var free []catalog.DataFile
	keep := f.retired[:0]
	for _, r := range f.retired {
		if r.epoch < oldest {
			free = append(free, r.files...)
		} else {
			keep = append(keep, r)
		}
	}
	f.retired = keep
	return free
}

// acquireFiles takes a lease on the files of every snapshot a statement may
// bind; releaseFiles ends it and deletes what it was the last to hold.
func (c *Coordinator) acquireFiles() *lease { return c.files.acquire() }

func (c *Coordinator) releaseFiles(l *lease) { c.removeFiles(c.files.release(l)) }

// retireFiles deletes files that left the catalog once no reader holds them.
func (c *Coordinator) retireFiles(files []catalog.DataFile) { c.removeFiles(c.files.retire(files)) }

// commitRetiring runs commit, a catalog change that returns the tables it
// replaced or dropped (or rewrote, with the files it removed), and retires
// their files, as one step for the orphan collector (c.committing): a file
// leaves the catalog only to enter the retired set.
func (c *Coordinator) commitRetiring(commit func() ([]*catalog.Table, error)) error {
	c.committing.RLock()
	defer c.committing.RUnlock()
	removed, err := commit()
	c.retireTables(removed)
	return err
}

// retireTables retires the files of tables a commit replaced or dropped.
func (c *Coordinator) retireTables(tables []*catalog.Table) {
	var files []catalog.DataFile
	for _, t := range tables {
		if t.External != nil {
			continue // its snapshot lists the user's files, as ANALYZE found them
		}
		files = append(files, t.Snapshot.Files...)
	}
	c.retireFiles(files)
}
