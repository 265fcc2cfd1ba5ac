package exec

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
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
// in dir. The temporary name is hidden and does not end in .parquet, so a
// partial file is never visible as a table file.
func newFileNames(dir string) (tmp, final string) {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	name := hex.EncodeToString(b[:])
	return filepath.Join(dir, "."+name+".parquet.tmp"), filepath.Join(dir, name+".parquet")
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
	tmp, final := newFileNames(dir)
	defer os.Remove(tmp) // a no-op once published
	q, err := duck.CopyToParquet(sql, schema, tmp, rowGroupRows)
	if err != nil {
		return df, false, err
	}
	if err := execSQL(ctx, conn, q); err != nil {
		return df, false, duckError(err, "write data file")
	}
	df, err = describeFile(tmp, schema)
	if err != nil || df.Rows == 0 {
		return df, false, err
	}
	if err := w.publish(tmp, final, &df); err != nil {
		return df, false, err
	}
	return df, true, nil
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
	tmp, final := newFileNames(dir)
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
	df, err = describeFile(tmp, schema)
	if err != nil || df.Rows == 0 {
		return catalog.DataFile{}, err
	}
	if err := w.publish(tmp, final, &df); err != nil {
		return catalog.DataFile{}, err
	}
	return df, nil
}

// describeFile reads a Parquet footer: rows, size, and per column the null
// count and min / max as SQL literals where every row group has them. It
// checks that the file's columns have the types of want. Path is left empty.
func describeFile(path string, want *arrow.Schema) (catalog.DataFile, error) {
	var df catalog.DataFile
	st, err := os.Stat(path)
	if err != nil {
		return df, qerr.ErrInternal.Wrap(err, "stat data file")
	}
	// Statistics are small values that live on in the DataFile: a Go
	// allocator, collected by the GC, keeps them out of the worker's
	// accounting (metadata statistics have no Release).
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
	if err := sameTypes(storedAs(got, want), want, "data file"); err != nil {
		return df, err
	}
	df.Rows = md.NumRows
	df.Bytes = st.Size()
	if md.Schema.NumColumns() != want.NumFields() {
		// Nested columns: several leaves per field; no statistics.
		for _, f := range want.Fields() {
			df.Columns = append(df.Columns, catalog.ColumnStats{Name: f.Name, NullCount: -1})
		}
		return df, nil
	}
	for i, f := range want.Fields() {
		cs := catalog.ColumnStats{Name: f.Name, NullCount: -1}
		merged := metadata.NewStatistics(md.Schema.Column(i), mem)
		nulls, minmax := true, true
		for g := range md.NumRowGroups() {
			rg := md.RowGroup(g)
			cc, err := rg.ColumnChunk(i)
			if err != nil {
				return df, qerr.ErrInternal.Wrap(err, "data file column chunk")
			}
			s, err := cc.Statistics()
			if err != nil || s == nil {
				nulls, minmax = false, false
				break
			}
			if !s.HasNullCount() {
				nulls = false
			}
			// A row group of nulls only has no min / max and needs none.
			if !s.HasMinMax() && !(s.HasNullCount() && s.NullCount() == rg.NumRows()) {
				minmax = false
			}
			merged.Merge(s)
		}
		if nulls {
			cs.NullCount = merged.NullCount()
		}
		if minmax && merged.HasMinMax() {
			lo, ok1 := literal(got.Field(i).Type, merged, false)
			hi, ok2 := literal(got.Field(i).Type, merged, true)
			if ok1 && ok2 {
				cs.Min, cs.Max = lo, hi
			}
		}
		df.Columns = append(df.Columns, cs)
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

// literal renders the min (or max) of s as a SQL literal of type t:
// numbers plain, strings quoted, DATE '…', TIMESTAMP '…', TRUE / FALSE.
// ok is false for values that have no safe literal (NaN, binary, invalid
// UTF-8, types not listed).
func literal(t arrow.DataType, s metadata.TypedStatistics, max bool) (string, bool) {
	pick := func(lo, hi any) any {
		if max {
			return hi
		}
		return lo
	}
	switch s := s.(type) {
	case *metadata.BooleanStatistics:
		if pick(s.Min(), s.Max()).(bool) {
			return "TRUE", true
		}
		return "FALSE", true
	case *metadata.Int32Statistics:
		v := pick(s.Min(), s.Max()).(int32)
		switch t := t.(type) {
		case *arrow.Date32Type:
			return "DATE '" + time.Unix(int64(v)*86400, 0).UTC().Format("2006-01-02") + "'", true
		case *arrow.Decimal128Type:
			return decimal128.FromI64(int64(v)).ToString(t.Scale), true
		}
		switch t.ID() {
		case arrow.UINT8, arrow.UINT16, arrow.UINT32:
			return strconv.FormatUint(uint64(uint32(v)), 10), true
		case arrow.INT8, arrow.INT16, arrow.INT32:
			return strconv.FormatInt(int64(v), 10), true
		}
	case *metadata.Int64Statistics:
		v := pick(s.Min(), s.Max()).(int64)
		switch t := t.(type) {
		case *arrow.TimestampType:
			if t.TimeZone != "" {
				return "", false
			}
			var ts time.Time
			switch t.Unit {
			case arrow.Second:
				ts = time.Unix(v, 0)
			case arrow.Millisecond:
				ts = time.UnixMilli(v)
			case arrow.Microsecond:
				ts = time.UnixMicro(v)
			case arrow.Nanosecond:
				ts = time.Unix(0, v)
			}
			return "TIMESTAMP '" + ts.UTC().Format("2006-01-02 15:04:05.999999999") + "'", true
		case *arrow.Decimal128Type:
			return decimal128.FromI64(v).ToString(t.Scale), true
		}
		switch t.ID() {
		case arrow.UINT64:
			return strconv.FormatUint(uint64(v), 10), true
		case arrow.INT64:
			return strconv.FormatInt(v, 10), true
		}
	case *metadata.Float32Statistics:
		return floatLiteral(float64(pick(s.Min(), s.Max()).(float32)), 32)
	case *metadata.Float64Statistics:
		return floatLiteral(pick(s.Min(), s.Max()).(float64), 64)
	case *metadata.ByteArrayStatistics:
		v := []byte(pick(s.Min(), s.Max()).(parquet.ByteArray))
		switch t := t.(type) {
		case *arrow.StringType:
			if !utf8.Valid(v) {
				return "", false
			}
			return duck.QuoteString(string(v)), true
		case *arrow.Decimal128Type:
			return bigDecimal(v, t.Scale)
		}
	case *metadata.FixedLenByteArrayStatistics:
		v := []byte(pick(s.Min(), s.Max()).(parquet.FixedLenByteArray))
		if t, ok := t.(*arrow.Decimal128Type); ok {
			return bigDecimal(v, t.Scale)
		}
	}
	return "", false
}

func floatLiteral(v float64, bits int) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", false
	}
	if v == 0 {
		v = 0 // Parquet writes a zero minimum as -0.0
	}
	return strconv.FormatFloat(v, 'g', -1, bits), true
}

// bigDecimal renders a big-endian two's complement unscaled value.
func bigDecimal(b []byte, scale int32) (string, bool) {
	if len(b) == 0 || len(b) > 16 {
		return "", false
	}
	v := new(big.Int).SetBytes(b)
	if b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return decimal128.FromBigInt(v).ToString(scale), true
}
