package binder

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	driver "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/pqstats"
)

// External tables: CREATE EXTERNAL TABLE records where the files are and how
// they read; a scan expands the location into its files when the query is
// planned, and the scheduler spreads them over the scan's tasks. Quiver
// never writes them: every write statement refuses an external target.

// bindCreateExternal binds CREATE EXTERNAL TABLE. Without columns the table
// is created with none, and the coordinator has a worker infer them from
// the files (CreateTable.Infer) before it is stored.
func (b *Binder) bindCreateExternal(s *ast.CreateTableStmt) (Statement, error) {
	t := &catalog.Table{Database: b.dbName(s.Table), Name: s.Table.Name.O}
	e := &catalog.External{Location: s.Location, Format: strings.ToLower(s.Format)}
	switch {
	case s.Partition != nil:
		return nil, qerr.ErrInvalid.New("an external table cannot be partitioned: its files are read as they are")
	case e.Format != "parquet" && e.Format != "csv":
		return nil, qerr.ErrInvalid.New("external table format %q: Quiver reads parquet and csv", s.Format)
	case !filepath.IsAbs(e.Location):
		return nil, qerr.ErrInvalid.New("external table location %q is not an absolute path", e.Location)
	}
	for _, o := range s.ExternalOptions {
		name, value := strings.ToLower(o.Name), o.Value
		switch {
		case e.Format == "csv" && name == "header":
			switch strings.ToLower(value) {
			case "true", "1":
				value = "true"
			case "false", "0":
				value = "false"
			default:
				return nil, qerr.ErrInvalid.New("option header = %q: want true or false", value)
			}
		case e.Format == "csv" && name == "delimiter":
			if value == "" {
				return nil, qerr.ErrInvalid.New("option delimiter is empty")
			}
		default:
			return nil, qerr.ErrInvalid.New("format %s has no option %s (csv reads header and delimiter; parquet none)", e.Format, o.Name)
		}
		if e.Options == nil {
			e.Options = map[string]string{}
		}
		e.Options[name] = value
	}
	t.External = e
	for _, c := range s.Cols {
		typ, err := ArrowType(c.Tp)
		if err != nil {
			return nil, qerr.CodeOf(err).Wrap(err, "column %s", c.Name.Name.O)
		}
		for _, o := range c.Options {
			if o.Tp == ast.ColumnOptionNotNull || o.Tp == ast.ColumnOptionPrimaryKey {
				return nil, qerr.ErrInvalid.New("column %s: an external table's columns are nullable (Quiver does not write its files, so it cannot enforce NOT NULL)", c.Name.Name.O)
			}
		}
		t.Columns = append(t.Columns, catalog.Column{Name: c.Name.Name.O, Type: typ, Nullable: true})
	}
	if len(s.Constraints) > 0 {
		return nil, qerr.ErrInvalid.New("an external table has no keys or constraints")
	}
	return &CreateTable{Table: t, IfNotExists: s.IfNotExists}, nil
}

// ExternalFiles expands an external table's location into its files, in
// name order, as the snapshot a scan reads: absolute paths, with sizes and,
// for Parquet, row counts and each row group's statistics from the footers
// (what scans split and prune by). A location that matches no file is an
// empty table. The files' contents are the workers' to read.
func ExternalFiles(e *catalog.External) ([]catalog.DataFile, error) {
	paths, err := filepath.Glob(e.Location)
	if err != nil {
		return nil, qerr.ErrInvalid.Wrap(err, "external location %q", e.Location)
	}
	var files []catalog.DataFile
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() {
			continue // a directory, or a file gone since the glob
		}
		f := catalog.DataFile{Path: p, Bytes: st.Size(), Rows: st.Size() / csvRowBytes}
		if e.Format == "parquet" {
			if err := readFooter(&f); err != nil {
				return nil, err
			}
		}
		files = append(files, f)
	}
	return files, nil
}

// ExternalSnapshot is what an external table t holds now: its files, their
// rows and min / max read from their footers as every query reads them
// (they decide pruning, so they are never older than the files), and the
// distinct counts that ANALYZE TABLE merged from the files' sketches into
// t.Snapshot, as long as the same files, by path, size and rows, are there
// (distinct counts only steer the plan). A CSV file's rows, estimated from
// its size, are the counted ones ANALYZE found while its path and size are
// the same (they too only steer the plan: a CSV scan prunes nothing).
func ExternalSnapshot(t *catalog.Table) (catalog.Snapshot, error) {
	files, err := ExternalFiles(t.External)
	if err != nil {
		return catalog.Snapshot{}, err
	}
	snap := catalog.Snapshot{ID: t.Snapshot.ID, Files: files}
	analyzed := make(map[string]catalog.DataFile, len(t.Snapshot.Files))
	for _, f := range t.Snapshot.Files {
		analyzed[f.Path] = f
	}
	csv := t.External.Format == "csv"
	same := len(files) == len(analyzed)
	for _, f := range files {
		a, ok := analyzed[f.Path]
		same = same && ok && a.Bytes == f.Bytes && (csv || a.Rows == f.Rows)
	}
	switch {
	case same:
		snap.Columns = t.Snapshot.Columns
		if csv {
			// The counted rows and nulls; ANALYZE gives a CSV file no
			// bounds, so nothing prunes by them.
			for i := range snap.Files {
				snap.Files[i] = analyzed[snap.Files[i].Path]
			}
		}
	case csv:
		// Nothing is known of the columns (a file without a column's
		// statistics would read as one of NULLs only).
		unknown := make([]catalog.ColumnStats, len(t.Columns))
		for i, c := range t.Columns {
			unknown[i] = catalog.ColumnStats{Name: c.Name, NullCount: -1}
		}
		for i := range snap.Files {
			snap.Files[i].Columns = unknown
		}
	}
	return snap, nil
}

// csvRowBytes is the row size assumed to estimate a CSV file's rows, for
// the planner's broadcast decision only.
const csvRowBytes = 64

// readFooter fills a Parquet file's row count, its file-level statistics
// and its row groups from its footer.
func readFooter(f *catalog.DataFile) error {
	rdr, err := file.OpenParquetFile(f.Path, false, file.WithReadProps(parquet.NewReaderProperties(memory.NewGoAllocator())))
	if err != nil {
		return qerr.ErrInvalid.Wrap(err, "external file %s is not a Parquet file", f.Path)
	}
	defer rdr.Close()
	md := rdr.MetaData()
	f.Rows = md.NumRows
	schema, err := pqarrow.FromParquet(md.Schema, &pqarrow.ArrowReadProperties{}, md.KeyValueMetadata())
	if err != nil {
		return nil // a schema arrow-go cannot read: no statistics, DuckDB may still read the rows
	}
	if f.Columns, err = pqstats.Columns(md, schema, schema, nil); err != nil {
		return err
	}
	var offset int64
	for g := range md.NumRowGroups() {
		cols, err := pqstats.Columns(md, schema, schema, []int{g})
		if err != nil {
			return err
		}
		rows := md.RowGroup(g).NumRows()
		f.RowGroups = append(f.RowGroups, catalog.RowGroup{Offset: offset, Rows: rows, Columns: cols})
		offset += rows
	}
	return nil
}

// externalScan is what a scan of t reads: for an external table, its files
// now and how to read them; for a managed table, t itself.
func externalScan(t *catalog.Table) (*catalog.Table, *stage.ExternalFormat, error) {
	e := t.External
	if e == nil {
		return t, nil, nil
	}
	snap, err := ExternalSnapshot(t)
	if err != nil {
		return nil, nil, err
	}
	read := *t
	read.Snapshot = snap
	f := &stage.ExternalFormat{Format: e.Format, Options: e.Options}
	if e.Format == "csv" && e.Options["header"] == "false" {
		for _, c := range t.Columns {
			f.Columns = append(f.Columns, c.Name)
		}
	}
	return &read, f, nil
}

// readOnly refuses a write into an external table.
func readOnly(t *catalog.Table, what string) error {
	if t.External != nil {
		return qerr.ErrInvalid.New("%s: table %s.%s is external and read-only (its rows are the files at %s)", what, t.Database, t.Name, t.External.Location)
	}
	return nil
}

// bindImport binds IMPORT INTO t [(cols)] FROM 'glob' FORMAT 'parquet' |
// 'csv' [WITH skip_rows = n, fields_terminated_by = 'c'] (TiDB's syntax) as
// an INSERT of an external scan of the files: the write path of INSERT ...
// SELECT, whose tasks read their share of the files, cast each column to
// the table's type and write the table's files, committed at once. As in
// TiDB, a Parquet file's columns are matched by name and a CSV file's by
// position (the listed columns, or all the table's), with no header unless
// skip_rows skips it.
func (b *Binder) bindImport(ctx context.Context, s *ast.ImportIntoStmt) (Statement, error) {
	if s.Select != nil || len(s.ColumnAssignments) > 0 {
		return nil, qerr.ErrUnsupported.New("IMPORT INTO ... FROM SELECT and SET: use INSERT INTO ... SELECT")
	}
	t, err := b.table(ctx, s.Table)
	if err != nil {
		return nil, err
	}
	if err := readOnly(t, "IMPORT INTO"); err != nil {
		return nil, err
	}
	format := "csv" // TiDB's default
	if s.Format != nil {
		format = strings.ToLower(*s.Format)
	}
	if format != "parquet" && format != "csv" {
		return nil, qerr.ErrInvalid.New("IMPORT INTO format %q: Quiver imports parquet and csv", *s.Format)
	}
	if !filepath.IsAbs(s.Path) {
		return nil, qerr.ErrInvalid.New("IMPORT INTO location %q is not an absolute path", s.Path)
	}
	var target []int
	src := &catalog.Table{Database: t.Database, Name: t.Name,
		External: &catalog.External{Location: s.Path, Format: format, Options: map[string]string{"header": "false"}}}
	for _, c := range s.ColumnsAndUserVars {
		if c.ColumnName == nil {
			return nil, qerr.ErrUnsupported.New("IMPORT INTO with user variables in the column list")
		}
		i := t.ColumnIndex(c.ColumnName.Name.O)
		if i < 0 {
			return nil, qerr.ErrNotFound.New("unknown column %s in table %s", c.ColumnName.Name.O, t.Name)
		}
		target = append(target, i)
	}
	if len(target) == 0 {
		for i := range t.Columns {
			target = append(target, i)
		}
	}
	for _, i := range target {
		src.Columns = append(src.Columns, catalog.Column{Name: t.Columns[i].Name, Type: t.Columns[i].Type, Nullable: true})
	}
	for _, o := range s.Options {
		v, ok := o.Value.(*driver.ValueExpr)
		switch {
		case format == "csv" && o.Name == "skip_rows" && ok:
			n, isInt := intLiteral(v)
			if !isInt || n < 0 {
				return nil, qerr.ErrInvalid.New("IMPORT INTO option skip_rows: want a count of rows")
			}
			src.External.Options["skip"] = strconv.FormatInt(n, 10)
		case format == "csv" && o.Name == "fields_terminated_by" && ok && v.Kind() == driver.KindString && v.GetString() != "":
			src.External.Options["delimiter"] = v.GetString()
		default:
			return nil, qerr.ErrInvalid.New("IMPORT INTO option %s: Quiver reads skip_rows and fields_terminated_by of csv", o.Name)
		}
	}
	b.need(catalog.PrivInsert, t.Database, t.Name)
	read, external, err := externalScan(src)
	if err != nil {
		return nil, err
	}
	if len(read.Snapshot.Files) == 0 {
		return nil, qerr.ErrInvalid.New("IMPORT INTO %s: no file matches %s", t.Name, s.Path)
	}
	scan := &logical.Scan{ID: len(b.tables), Database: t.Database, Table: t.Name,
		Files: len(read.Snapshot.Files), Rows: read.Snapshot.Rows(), External: external}
	b.tables[scan.ID] = read
	for _, c := range src.Columns {
		scan.Columns, scan.Types = append(scan.Columns, c.Name), append(scan.Types, c.Type)
	}
	ins, err := b.insertRows(t, target, scan)
	if err != nil {
		return nil, err
	}
	ins.Import = true
	return ins, nil
}
