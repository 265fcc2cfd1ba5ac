package coordinator

import (
	"context"
	"os"
	"path/filepath"

	"github.com/quiverdb/quiver/catalog"
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

// writeBuckets writes the rows of p (exactly t's columns) into t's buckets:
// a Normal exchange on the distribution keys into t.Partitions tasks, the
// same hash every exchange uses, and task i writes the file of bucket i.
// Nothing is committed; the caller commits the files it gets.
func (c *Coordinator) writeBuckets(ctx context.Context, t *catalog.Table, p stage.Plan, tables map[int]*catalog.Table, workers []*Member) ([]catalog.DataFile, error) {
	n := max(t.Partitions, 1)
	shuffled := &stage.Exchange{Input: p, Kind: stage.Normal, Keys: bucketKeys(t), Tasks: n}
	d := stage.Cut(stage.EnforceDistribution(shuffled, stage.Options{Tasks: n}), n)
	run, err := c.launch(ctx, d, tables, workers, &stage.OutputSpec{Kind: stage.OutputWrite, Consumers: 1, WriteDir: tableDir(t)})
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
			f.Bucket = st.Task.Index
			files = append(files, f)
		}
	}
	if err != nil {
		c.removeFiles(files)
		return nil, err
	}
	return files, nil
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
	scan := &stage.Scan{ID: 0, Database: t.Database, Table: t.Name, Files: len(staged), Rows: src.Snapshot.Rows(), Tasks: len(workers)}
	for _, col := range t.Columns {
		scan.Columns, scan.Types = append(scan.Columns, col.Name), append(scan.Types, col.Type)
	}
	return c.writeBuckets(ctx, t, scan, map[int]*catalog.Table{0: &src}, workers)
}

// clearStaging removes what an interrupted load left in the staging area.
func (c *Coordinator) clearStaging() error {
	if err := os.RemoveAll(filepath.Join(c.cfg.DataDir, stagingDir)); err != nil {
		return qerr.ErrInternal.Wrap(err, "clear %s", stagingDir)
	}
	return nil
}
