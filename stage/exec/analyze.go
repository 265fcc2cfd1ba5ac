package exec

import (
	"context"
	"os"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// analyze is a task of ANALYZE TABLE (stage.OutputAnalyze): it describes
// every file of its splits as a write describes the file it wrote
// (describeFile, by the file's own columns, so that a file written before
// an ALTER TABLE is described as it is) and reports them, paths as given.
// It reads files with arrow-go's Parquet reader; no SQL runs.
//
// The files of an external table's scan are absolute paths (the table's
// location), described the same way, read whole; a CSV file, which has no
// footer, by reading its rows (analyzeCSV).
func (w *Worker) analyze(ctx context.Context, spec *stage.TaskSpec) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	root, err := stage.DecodePlan(spec.Plan)
	if err != nil {
		return stats, err
	}
	scan, _ := root.(*stage.Scan)
	external := scan != nil && scan.External != nil
	if external && scan.External.Describe {
		return stats, qerr.ErrInvalid.New("ANALYZE of a schema inference scan")
	}
	if external && scan.External.Format == "csv" {
		return w.analyzeCSV(ctx, spec, scan)
	}
	if external && scan.External.Format != "parquet" {
		return stats, qerr.ErrInvalid.New("ANALYZE of a %s external table: only Parquet and CSV files are analyzed", scan.External.Format)
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

// analyzeCSV describes each CSV file of the task's splits by reading its
// rows as a scan of the table reads them (every column cast to its type):
// its rows, and per column its nulls and a sketch of its values. It gives
// no minimum or maximum: nothing would check them against the file at
// query time, as a Parquet footer is read then, so a file rewritten to the
// same size could not be pruned by stale bounds.
func (w *Worker) analyzeCSV(ctx context.Context, spec *stage.TaskSpec, scan *stage.Scan) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	conn, release, err := w.engine.connect(ctx)
	if err != nil {
		return stats, err
	}
	defer release()
	for _, s := range spec.Splits {
		for _, f := range s.Files {
			if !filepath.IsAbs(f) {
				return stats, qerr.ErrInvalid.New("ANALYZE of %q: an external table's files are absolute paths", f)
			}
			one := *spec
			one.Splits = []stage.ScanSplit{{Scan: s.Scan, Files: []string{f}}}
			sql, err := duck.RenderTask(&one, duck.RenderEnv{DataDir: w.cfg.DataDir})
			if err != nil {
				return stats, err
			}
			df, err := describeRows(ctx, conn, sql, scan.Columns)
			if err != nil {
				return stats, qerr.CodeOf(err).Wrap(err, "analyze %s", f)
			}
			st, err := os.Stat(f)
			if err != nil {
				return stats, qerr.ErrNotFound.Wrap(err, "analyze %s", f)
			}
			df.Path, df.Bytes = f, st.Size()
			stats.RowsIn += df.Rows
			stats.BytesIn += df.Bytes
			stats.Files = append(stats.Files, df)
		}
	}
	return stats, nil
}

// describeRows runs sql and describes its rows: their count, and per
// column (named names) its nulls and sketch.
func describeRows(ctx context.Context, conn *duckdb.Conn, sql string, names []string) (catalog.DataFile, error) {
	var df catalog.DataFile
	sketches := newSketches(len(names))
	df.Columns = make([]catalog.ColumnStats, len(names))
	for i, n := range names {
		df.Columns[i].Name = n
	}
	err := streamQuery(ctx, conn, sql, func(*arrow.Schema) error { return nil }, func(rec arrow.RecordBatch) error {
		df.Rows += rec.NumRows()
		for i := range names {
			col := rec.Column(i)
			df.Columns[i].NullCount += int64(col.NullN())
			sketchArray(sketches[i], col)
		}
		return nil
	})
	if err != nil {
		return df, duckError(err, "read its rows")
	}
	encoded, err := marshalSketches(sketches)
	if err != nil {
		return df, err
	}
	for i := range df.Columns {
		df.Columns[i].Sketch = encoded[i]
	}
	return df, nil
}
