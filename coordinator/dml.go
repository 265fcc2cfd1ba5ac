package coordinator

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// The write statements. Each writes its rows with a distributed plan whose
// root tasks write files (writePlan, writeFiles), then makes one change of
// the catalog (apply): committed as one snapshot, or staged in the
// statement's transaction. A failure before the change leaves nothing
// visible, and the files written are removed.

// insert runs INSERT ... VALUES and INSERT ... SELECT: the files written are
// appended to the table.
func (c *Coordinator) insert(ctx context.Context, s *binder.Insert, workers []*Member) (int64, error) {
	files, err := c.writeRows(ctx, s, s.Table, workers)
	if err != nil {
		return 0, err
	}
	return c.apply(ctx, appendChange(s.Table, files))
}

// writeRows plans and runs the rows a write statement writes into t: its
// target, or the table a CREATE TABLE ... AS makes.
func (c *Coordinator) writeRows(ctx context.Context, w binder.Write, t *catalog.Table, workers []*Member) ([]catalog.DataFile, error) {
	_, rows, reads := w.Rows()
	d, err := writePlan(ctx, t, rows, reads, c.cluster(workers))
	if err != nil {
		return nil, err
	}
	return c.writeFiles(ctx, t, d, reads, workers)
}

// createTableAs runs CREATE TABLE ... AS SELECT: the table and its rows
// appear together, in one create, or not at all. The name is checked before
// the query runs; a table created under it meanwhile fails the commit.
func (c *Coordinator) createTableAs(ctx context.Context, s *binder.CreateTableAs, workers []*Member) (int64, error) {
	if _, err := c.catalogFor(ctx).GetTable(ctx, s.Table.Database, s.Table.Name); err == nil {
		if s.IfNotExists {
			return 0, nil
		}
		return 0, qerr.ErrAlreadyExists.New("table %s.%s already exists", s.Table.Database, s.Table.Name)
	}
	if _, err := c.cat.ListTables(ctx, s.Table.Database); err != nil {
		return 0, err // no such database
	}
	id, err := c.cat.ReserveTableID(ctx)
	if err != nil {
		return 0, err
	}
	t := *s.Table
	t.ID = id
	files, err := c.writeRows(ctx, s, &t, workers)
	var n int64
	if err == nil {
		n, err = c.apply(ctx, catalog.Change{Kind: catalog.ChangeCreate, Database: t.Database, Name: t.Name, Table: &t, Files: files})
	}
	if err != nil {
		// Nothing else writes to the directory of a reserved ID: what a
		// failed task left there (a temporary file) goes with it.
		if rerr := os.RemoveAll(filepath.Join(c.cfg.DataDir, tableDir(&t))); rerr != nil {
			c.log.Warn("remove the directory of a table never created", zap.String("table", t.Database+"."+t.Name), zap.Error(rerr))
		}
		return 0, err
	}
	return n, nil
}

// truncate runs TRUNCATE TABLE: a snapshot without the files it read.
// MySQL reports no rows affected.
func (c *Coordinator) truncate(ctx context.Context, s *binder.Truncate) (int64, error) {
	_, err := c.apply(ctx, rewriteChange(s.Table, nil))
	return 0, err
}

// delete runs DELETE by copy-on-write: every file of the snapshot it read is
// rewritten without the deleted rows, and one rewrite replaces them all. A
// DELETE that removes no row changes nothing. It reports the rows deleted.
func (c *Coordinator) delete(ctx context.Context, s *binder.Delete, workers []*Member) (int64, error) {
	read := s.Table.Snapshot
	if len(read.Files) == 0 {
		return 0, nil
	}
	var files []catalog.DataFile
	if s.Plan != nil {
		var err error
		if files, err = c.writeRows(ctx, s, s.Table, workers); err != nil {
			return 0, err
		}
	}
	var kept int64
	for _, f := range files {
		kept += f.Rows
	}
	if kept == read.Rows() {
		c.removeFiles(files)
		return 0, nil
	}
	if _, err := c.apply(ctx, rewriteChange(s.Table, files)); err != nil {
		return 0, err
	}
	return read.Rows() - kept, nil
}

// update runs UPDATE by copy-on-write, as delete does. It reports the rows
// whose values changed, as MySQL does (a row set to the values it had is
// matched, not affected), counted by a query over the same snapshot first;
// when none changes, nothing is written.
func (c *Coordinator) update(ctx context.Context, s *binder.Update, workers []*Member) (int64, error) {
	if len(s.Table.Snapshot.Files) == 0 {
		return 0, nil
	}
	return c.rewrite(ctx, s, s.Changed, workers)
}

// upsert runs REPLACE and INSERT ... ON DUPLICATE KEY UPDATE by
// copy-on-write of the whole snapshot (binder.Upsert), as update does.
func (c *Coordinator) upsert(ctx context.Context, s *binder.Upsert, workers []*Member) (int64, error) {
	return c.rewrite(ctx, s, s.Affected, workers)
}

// rewrite runs a copy-on-write statement: count, over the snapshot it
// read, the rows it reports first (none: nothing is written), then write
// the table's new rows and replace that snapshot's files with them.
func (c *Coordinator) rewrite(ctx context.Context, w binder.Write, count logical.Plan, workers []*Member) (int64, error) {
	t, _, tables := w.Rows()
	n, err := c.count(ctx, count, tables, workers)
	if err != nil || n == 0 {
		return 0, err
	}
	files, err := c.writeRows(ctx, w, t, workers)
	if err != nil {
		return 0, err
	}
	if _, err := c.apply(ctx, rewriteChange(t, files)); err != nil {
		return 0, err
	}
	return n, nil
}

// rewriteChange replaces the files of t's snapshot, as the statement read
// it, with files.
func rewriteChange(t *catalog.Table, files []catalog.DataFile) catalog.Change {
	return catalog.Change{Kind: catalog.ChangeRewrite, Database: t.Database, Name: t.Name, TableID: t.ID,
		Remove: t.Snapshot.Files, Files: files}
}

// count runs a query whose one column is a count and returns its sum over
// the result's rows.
func (c *Coordinator) count(ctx context.Context, p logical.Plan, tables map[int]*catalog.Table, workers []*Member) (int64, error) {
	var n atomic.Int64
	var bad atomic.Bool
	err := c.collect(ctx, p, tables, workers, func(rec arrow.RecordBatch) {
		col, ok := rec.Column(0).(*array.Int64)
		if !ok {
			bad.Store(true)
			return
		}
		for i := 0; i < col.Len(); i++ {
			n.Add(col.Value(i))
		}
	})
	if err == nil && bad.Load() {
		err = qerr.ErrInternal.New("a count query answered a column of type %s", p.Schema().Field(0).Type)
	}
	return n.Load(), err
}

// collect runs a query for the coordinator's own use, handing each result
// batch to each (concurrently: each synchronizes itself), and discards the
// results on the workers.
func (c *Coordinator) collect(ctx context.Context, p logical.Plan, tables map[int]*catalog.Table, workers []*Member, each func(arrow.RecordBatch)) error {
	// Planning prunes the scans' entries of tables to what this query
	// reads; the caller's map stays whole (UPDATE counts its changed rows,
	// then rewrites every file it read).
	tables = maps.Clone(tables)
	plans, err := planQuery(ctx, p, tables, c.cluster(workers))
	if err != nil {
		return err
	}
	r, err := c.launch(ctx, plans.Distributed, tables, workers, nil)
	if err != nil {
		return err
	}
	if _, err = c.drain(ctx, r, each); err != nil {
		r.fail(ctx, err)
		_, _ = r.wait(ctx)
		return err
	}
	if _, err := r.wait(ctx); err != nil {
		return err
	}
	r.cancelOnWorkers(ctx, qerr.ErrNotFound.New("the results of query %s were read by the coordinator and discarded", r.id))
	return nil
}

// rename runs ALTER TABLE ... RENAME TO and RENAME TABLE.
func (c *Coordinator) rename(ctx context.Context, s *binder.RenameTable) (int64, error) {
	t, err := c.cat.GetTable(ctx, s.Database, s.Name)
	if err != nil {
		return 0, err
	}
	_, err = c.cat.Commit(ctx, []catalog.Change{{Kind: catalog.ChangeRename, Database: t.Database, Name: t.Name, TableID: t.ID,
		NewDatabase: s.NewDatabase, NewName: s.NewName}})
	return 0, err
}

// alterTable runs ALTER TABLE ... ADD / DROP / RENAME COLUMN: one commit
// of the new definition, no file touched (binder.AlterTable). An ALTER or a
// write committed since the statement read the table makes it ABORTED.
func (c *Coordinator) alterTable(ctx context.Context, s *binder.AlterTable) error {
	t := s.Table
	_, err := c.cat.Commit(ctx, []catalog.Change{{Kind: catalog.ChangeAlter, Database: t.Database, Name: t.Name, TableID: t.ID, Table: t}})
	return err
}

// createIndex accepts CREATE INDEX and does nothing (binder.CreateIndex
// says why); the coordinator's log says so.
func (c *Coordinator) createIndex(s *binder.CreateIndex) int64 {
	c.log.Warn("CREATE INDEX ignored: Quiver keeps no indexes", zap.String("table", s.Database+"."+s.Table), zap.String("index", s.Name))
	return 0
}

// appendChange adds files to t.
func appendChange(t *catalog.Table, files []catalog.DataFile) catalog.Change {
	return catalog.Change{Kind: catalog.ChangeAppend, Database: t.Database, Name: t.Name, TableID: t.ID, Files: files}
}
