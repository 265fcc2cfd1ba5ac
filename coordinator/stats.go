package coordinator

import (
	"context"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// analyzeTables runs ANALYZE TABLE. Each table is read by a distributed scan of
// its snapshot as planned for any query (split by file over the workers),
// whose tasks describe their files instead of running SQL
// (stage.OutputAnalyze): per column its null count, min, max and sketch.
// One ChangeAnalyze per table then replaces the files' statistics and
// merges the snapshot's distinct counts. The statistics are metadata, not
// data: they commit at once, inside a transaction too (as MySQL's ANALYZE
// commits implicitly). It reports the rows analyzed.
func (c *Coordinator) analyzeTables(ctx context.Context, s *binder.Analyze, workers []*Member) (int64, error) {
	var rows int64
	for i, t := range s.Targets {
		if len(s.Tables[s.Scans[i].ID].Snapshot.Files) == 0 {
			// Nothing to describe (an external table's location matches
			// no file now: its statistics stay as they were).
			continue
		}
		_, _, phys, err := physicalPlan(ctx, s.Scans[i], nil, c.cluster(workers))
		if err != nil {
			return rows, err
		}
		d := c.cluster(workers).Cut(phys)
		run, err := c.launch(ctx, d, s.Tables, workers, &stage.OutputSpec{Kind: stage.OutputAnalyze, Consumers: 1})
		if err != nil {
			return rows, err
		}
		stats, err := run.wait(ctx)
		if err != nil {
			return rows, qerr.CodeOf(err).Wrap(err, "ANALYZE TABLE %s.%s", t.Database, t.Name)
		}
		var files []catalog.DataFile
		for _, st := range stats {
			if st.Task.Fragment == d.Root().ID {
				files = append(files, st.Files...)
			}
		}
		if _, err := c.cat.Commit(ctx, []catalog.Change{{Kind: catalog.ChangeAnalyze, Database: t.Database, Name: t.Name, TableID: t.ID, Files: files}}); err != nil {
			return rows, err
		}
		for _, f := range files {
			rows += f.Rows
		}
	}
	return rows, nil
}
