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
//
// The files of an external table's scan are absolute paths (the table's
// location), described the same way: only Parquet ones, read whole.
func (w *Worker) analyze(ctx context.Context, spec *stage.TaskSpec) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	root, err := stage.DecodePlan(spec.Plan)
	if err != nil {
		return stats, err
	}
	scan, _ := root.(*stage.Scan)
	external := scan != nil && scan.External != nil
	if external && (scan.External.Format != "parquet" || scan.External.Describe) {
		return stats, qerr.ErrInvalid.New("ANALYZE of a %s external table: only Parquet files are analyzed", scan.External.Format)
	}
	for _, s := range spec.Splits {
		for i, f := range s.Files {
			path := filepath.Join(w.cfg.DataDir, f)
			switch {
			case external && s.Ranges != nil && s.Ranges[i] != nil:
				return stats, qerr.ErrInvalid.New("ANALYZE of rows of %s: files are analyzed whole", f)
			case external && filepath.IsAbs(f):
				path = f
			case !filepath.IsLocal(f):
				return stats, qerr.ErrInvalid.New("ANALYZE of %q: only files inside the data directory, or an external table's, are analyzed", f)
			}
			df, err := describeFile(ctx, path, nil)
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
