package exec

import (
	"context"
	"path/filepath"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// analyze is a task of ANALYZE TABLE (stage.OutputAnalyze): it describes
// every file of its splits as a write describes the file it wrote
// (describeFile, by the file's own columns, so that a file written before
// an ALTER TABLE is described as it is) and reports them, paths as given.
// It reads files with arrow-go's Parquet reader; no SQL runs.
func (w *Worker) analyze(ctx context.Context, spec *stage.TaskSpec) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	for _, s := range spec.Splits {
		for _, f := range s.Files {
			if !filepath.IsLocal(f) {
				return stats, qerr.ErrInvalid.New("ANALYZE of %q: only files inside the data directory are analyzed", f)
			}
			df, err := describeFile(ctx, filepath.Join(w.cfg.DataDir, f), nil)
			if err != nil {
				return stats, qerr.CodeOf(err).Wrap(err, "analyze %s", f)
			}
			df.Path = f
			stats.RowsIn += df.Rows
			stats.BytesIn += df.Bytes
			stats.Files = append(stats.Files, df)
		}
	}
	return stats, nil
}
