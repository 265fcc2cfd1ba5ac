package exec

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
	"github.com/quiverdb/quiver/stage/pqstats"
)

// rowGroupRows is the row group size of the files workers write: large
// enough that splitting scans by row group is cheap, small enough to buffer.
const rowGroupRows = 1 << 20

// tableDir resolves a table directory relative to the data directory and
// creates it (0700, as every directory a node makes: table data is for the
// cluster's own user only). A directory that escapes the data directory is
// refused.
func (w *Worker) tableDir(rel string) (string, error) {
	if rel == "" || !filepath.IsLocal(rel) {
		return "", qerr.ErrInvalid.New("table directory %q is not inside the data directory", rel)
	}
	dir := filepath.Join(w.cfg.DataDir, rel)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", qerr.ErrInternal.Wrap(err, "create table directory")
	}
	return dir, nil
}

// newFileNames returns the temporary and the final path of a new data file
// in dir, its name begun with the write's token (stage.OutputSpec's
// WriteToken). The temporary name is hidden and does not end in .parquet,
// so a partial file is never visible as a table file.
func newFileNames(dir, token string) (tmp, final string, err error) {
	for _, r := range token {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "", "", qerr.ErrInvalid.New("write token %q: only letters, digits, '-' and '_'", token)
		}
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	name := hex.EncodeToString(b[:])
	if token != "" {
		name = token + "-" + name
	}
	return filepath.Join(dir, "."+name+".parquet.tmp"), filepath.Join(dir, name+".parquet"), nil
}

// publish makes tmp durable (the coordinator commits it to the catalog
// next, and an acknowledged write must survive a power loss) and readable
// by its owner only (0600, like the catalog: DuckDB's COPY creates files by
// the umask), renames it to final and fills df's path relative to the data
// directory.
func (w *Worker) publish(tmp, final string, df *catalog.DataFile) error {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return qerr.ErrInternal.Wrap(err, "open data file")
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return qerr.ErrInternal.Wrap(err, "sync data file")
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return qerr.ErrInternal.Wrap(err, "data file permissions")
	}
	if err := os.Rename(tmp, final); err != nil {
		return qerr.ErrInternal.Wrap(err, "publish data file")
	}
	if d, err := os.Open(filepath.Dir(final)); err == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	rel, err := filepath.Rel(w.cfg.DataDir, final)
	if err != nil {
		return qerr.ErrInternal.Wrap(err, "data file path")
	}
	df.Path = filepath.ToSlash(rel)
	return nil
}

// copyOut writes the task's rows as one Parquet file with DuckDB's COPY,
// columns named and typed as the output schema says. ok is false when there
// were no rows: nothing is written then.
func (w *Worker) copyOut(ctx context.Context, conn *duckdb.Conn, sql string, t *task) (df catalog.DataFile, ok bool, err error) {
	dir, err := w.tableDir(t.spec.Output.WriteDir)
	if err != nil {
		return df, false, err
	}
	schema, err := writtenSchema(t.schema, t.spec.Output.WriteColumns)
	if err != nil {
		return df, false, err
	}
	tmp, final, err := newFileNames(dir, t.spec.Output.WriteToken)
	if err != nil {
		return df, false, err
	}
	defer os.Remove(tmp) // a no-op once published
	q, err := duck.CopyToParquet(sql, schema, tmp, rowGroupRows)
	if err != nil {
		return df, false, err
	}
	if err := execSQL(ctx, conn, q); err != nil {
		return df, false, duckError(err, "write data file")
	}
	df, err = describeFile(ctx, tmp, schema)
	if err != nil || df.Rows == 0 {
		return df, false, err
	}
	if err := ctx.Err(); err != nil {
		// Given up while DuckDB wrote: the coordinator may have swept the
		// write's files already, so publish nothing more.
		return df, false, qerr.ErrCancelled.Wrap(context.Cause(ctx), "write data file")
	}
	if err := w.publish(tmp, final, &df); err != nil {
		return df, false, err
	}
	return df, true, nil
}

// streamedWrite is the input of a write task that writes one input
// exchange as it is (its plan is the exchange's source: a bucketed table's
// rebucketing), which writeStream writes without a temp table; nil for any
// other task.
func streamedWrite(spec *stage.TaskSpec, readers []*mergeReader) *mergeReader {
	if spec.Output.Kind != stage.OutputWrite || len(readers) != 1 || readers[0] == nil {
		return nil
	}
	p, err := stage.DecodePlan(spec.Plan)
	if err != nil {
		return nil // the render reports it
	}
	if _, ok := p.(*stage.ExchangeSource); !ok {
		return nil
	}
	return readers[0]
}

// writeStream is a write task of streamedWrite: DuckDB's COPY reads the
// merged producer streams through a registered Arrow view, once, every
// column (the way NOTES.md says such a view is safe), and writes the file
// as they arrive, so the worker holds a row group, not the whole input (a
// temp table of it took about 2 GB per worker for TPC-H SF 1 lineitem).
func (w *Worker) writeStream(ctx context.Context, conn *duckdb.Conn, t *task, mr *mergeReader) (stage.TaskStatsSpec, error) {
	var stats stage.TaskStatsSpec
	t.log.Info("write streams its input")
	ar, err := duckdb.NewArrowFromConn(conn)
	if err != nil {
		return stats, qerr.ErrInternal.Wrap(err, "arrow interface")
	}
	view := duck.InputView(duck.InputTable(t.spec, t.spec.Inputs[0].Exchange))
	release, err := ar.RegisterView(mr, view)
	if err != nil {
		return stats, qerr.ErrInternal.Wrap(err, "register input stream")
	}
	df, ok, err := w.copyOut(ctx, conn, "SELECT * FROM "+duck.QuoteIdent(view), t)
	if derr := execSQL(context.WithoutCancel(ctx), conn, duck.DropView(view)); derr != nil && err == nil {
		err = derr
	}
	release()
	mr.close()
	stats.RowsIn, stats.BytesIn = mr.rows.Load(), mr.bytes.Load()
	if ferr := mr.Err(); ferr != nil {
		return stats, ferr // a producer's failure is the cause of whatever DuckDB said
	}
	if err != nil {
		return stats, err
	}
	stats.RowsOut, stats.BytesOut = df.Rows, df.Bytes
	if ok {
		stats.Files = append(stats.Files, df)
	}
	return stats, nil
}

// writtenSchema is the schema of a written file: the output's, with its
// columns named as names says when it is set.
func writtenSchema(out *arrow.Schema, names []string) (*arrow.Schema, error) {
	if out.NumFields() == 0 {
		return nil, qerr.ErrInvalid.New("write output without columns")
	}
	if len(names) == 0 {
		return out, nil
	}
	if len(names) != out.NumFields() {
		return nil, qerr.ErrInvalid.New("write output of %d columns named by %d file columns", out.NumFields(), len(names))
	}
	fields := out.Fields()
	for i := range fields {
		fields[i].Name = names[i]
	}
	return arrow.NewSchema(fields, nil), nil
}

// WriteFile writes the batches of rdr as one new Parquet file in the table
// directory spec.Dir (snappy, row groups of about 1M rows), under a
// temporary name renamed into place once complete, and returns the file
// with its statistics. rdr's column types must be spec.Schema's; columns
// are named as spec.Schema says. No rows write no file: the zero DataFile
// (empty Path) says so. The caller keeps ownership of rdr.
func (w *Worker) WriteFile(ctx context.Context, spec stage.WriteSpec, rdr array.RecordReader) (catalog.DataFile, error) {
	var df catalog.DataFile
	if err := stage.CheckVersion(spec.Version); err != nil {
		return df, err
	}
	schema, err := spec.Schema.Arrow()
	if err != nil {
		return df, err
	}
	if err := sameTypes(rdr.Schema(), schema, "written data"); err != nil {
		return df, qerr.ErrInvalid.Wrap(err, "write to %s", spec.Dir)
	}
	dir, err := w.tableDir(spec.Dir)
	if err != nil {
		return df, err
	}
	tmp, final, err := newFileNames(dir, spec.Token)
	if err != nil {
		return df, err
	}
	defer os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "create data file")
	}
	props := parquet.NewWriterProperties(
		parquet.WithAllocator(w.mem),
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(rowGroupRows),
		parquet.WithStats(true),
	)
	fw, err := pqarrow.NewFileWriter(schema, f, props, pqarrow.NewArrowWriterProperties(pqarrow.WithAllocator(w.mem)))
	if err != nil {
		f.Close()
		return df, qerr.ErrInternal.Wrap(err, "start data file")
	}
	err = func() error {
		for rdr.Next() {
			if err := ctx.Err(); err != nil {
				return qerr.ErrCancelled.Wrap(context.Cause(ctx), "write to %s", spec.Dir)
			}
			rec := rdr.RecordBatch()
			labelled := array.NewRecordBatch(schema, rec.Columns(), rec.NumRows())
			err := fw.WriteBuffered(labelled)
			labelled.Release()
			if err != nil {
				return qerr.ErrInternal.Wrap(err, "write data file")
			}
		}
		if err := rdr.Err(); err != nil {
			return qerr.CodeOf(err).Wrap(err, "read batches to write")
		}
		return nil
	}()
	if cerr := fw.Close(); cerr != nil && err == nil {
		err = qerr.ErrInternal.Wrap(cerr, "finish data file")
	}
	if err != nil {
		f.Close()
		return df, err
	}
	df, err = describeFile(ctx, tmp, schema)
	if err != nil || df.Rows == 0 {
		return catalog.DataFile{}, err
	}
	if err := w.publish(tmp, final, &df); err != nil {
		return catalog.DataFile{}, err
	}
	return df, nil
}

// describeFile reads a Parquet file's statistics: from the footer its rows,
// size, and per column the null count and min / max as SQL literals where
// every row group has them; from its values each column's distinct-value
// sketch (sketchFile). It checks that the file's columns have the types of
// want; a nil want takes the file's columns as they are (ANALYZE TABLE of
// a file written under an older schema). Path is left empty.
func describeFile(ctx context.Context, path string, want *arrow.Schema) (catalog.DataFile, error) {
	var df catalog.DataFile
	st, err := os.Stat(path)
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "stat data file")
	}
	// The footer's statistics live on in the DataFile, and the sketches'
	// reads are one column chunk at a time, released at once: a Go
	// allocator keeps them out of the worker's accounting (metadata
	// statistics have no Release).
	mem := memory.NewGoAllocator()
	rdr, err := file.OpenParquetFile(path, false, file.WithReadProps(parquet.NewReaderProperties(mem)))
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "read data file footer")
	}
	defer rdr.Close()
	md := rdr.MetaData()
	got, err := pqarrow.FromParquet(md.Schema, &pqarrow.ArrowReadProperties{}, md.KeyValueMetadata())
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "data file schema")
	}
	if want == nil {
		want = got
	}
	if err := sameTypes(storedAs(got, want), want, "data file"); err != nil {
		return df, err
	}
	df.Rows = md.NumRows
	df.Bytes = st.Size()
	if df.Columns, err = pqstats.Columns(md, got, want, nil); err != nil {
		return df, err
	}
	if md.Schema.NumColumns() != want.NumFields() {
		return df, nil // nested columns: several leaves per field; no statistics
	}
	sketches, err := sketchFile(ctx, rdr, mem)
	if err != nil {
		return df, err
	}
	for i := range df.Columns {
		df.Columns[i].Sketch = sketches[i]
	}
	return df, nil
}

// storedAs relabels the columns of a data file's schema got that hold a
// column of want in another form: Parquet has no unit of seconds, so a
// timestamp in seconds is stored in milliseconds (arrow-go) or microseconds
// (DuckDB's COPY). Scans cast every column to its table type
// (duck.DuckType), which gives the seconds back exactly.
func storedAs(got, want *arrow.Schema) *arrow.Schema {
	if got.NumFields() != want.NumFields() {
		return got
	}
	fields := got.Fields()
	for i, f := range fields {
		g, ok1 := f.Type.(*arrow.TimestampType)
		w, ok2 := want.Field(i).Type.(*arrow.TimestampType)
		if ok1 && ok2 && w.Unit == arrow.Second && g.Unit > w.Unit && (g.TimeZone == "") == (w.TimeZone == "") {
			fields[i].Type = w
		}
	}
	return arrow.NewSchema(fields, nil)
}
