package coordinator

import (
	"context"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// completeExternal readies CREATE EXTERNAL TABLE for the catalog: its
// location must lie outside the data directory, whose files are Quiver's
// own, and a table declared without columns gets those a worker reads
// from the first of its files.
func (c *Coordinator) completeExternal(ctx context.Context, s *binder.CreateTable, workers []*Member) error {
	t := s.Table
	if dataDir, err := filepath.Abs(c.cfg.DataDir); err == nil {
		if rel, err := filepath.Rel(dataDir, filepath.Clean(t.External.Location)); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return qerr.ErrInvalid.New("external table location %s is inside the data directory, whose files are Quiver's own", t.External.Location)
		}
	}
	if len(t.Columns) > 0 {
		return nil
	}
	files, err := binder.ExternalFiles(t.External)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return qerr.ErrInvalid.New("no file matches %s to infer the columns of %s.%s from: declare them", t.External.Location, t.Database, t.Name)
	}
	cols, err := c.inferColumns(ctx, t, files[0], workers)
	if err != nil {
		return qerr.CodeOf(err).Wrap(err, "infer the columns of %s.%s from %s", t.Database, t.Name, files[0].Path)
	}
	t.Columns = cols
	return nil
}

// inferColumns has a worker read the columns of an external table's file:
// a scan that answers DuckDB's DESCRIBE of the file, whose types ArrowOf
// reads back.
func (c *Coordinator) inferColumns(ctx context.Context, t *catalog.Table, f catalog.DataFile, workers []*Member) ([]catalog.Column, error) {
	read := *t
	f.RowGroups = nil // DESCRIBE reads the file whole
	read.Snapshot = catalog.Snapshot{Files: []catalog.DataFile{f}}
	scan := &logical.Scan{Database: t.Database, Table: t.Name, Files: 1, Rows: f.Rows,
		Columns:  []string{"column_name", "column_type"},
		Types:    []arrow.DataType{arrow.BinaryTypes.String, arrow.BinaryTypes.String},
		External: &stage.ExternalFormat{Format: t.External.Format, Options: t.External.Options, Describe: true}}
	var mu sync.Mutex
	var names, types []string
	err := c.collect(ctx, scan, map[int]*catalog.Table{0: &read}, workers, func(rec arrow.RecordBatch) {
		n, ok1 := rec.Column(0).(*array.String)
		ty, ok2 := rec.Column(1).(*array.String)
		if !ok1 || !ok2 {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		for i := 0; i < n.Len(); i++ {
			names, types = append(names, n.Value(i)), append(types, ty.Value(i))
		}
	})
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, qerr.ErrInvalid.New("the file has no columns")
	}
	cols := make([]catalog.Column, len(names))
	for i, name := range names {
		typ, err := duck.ArrowOf(types[i])
		if err != nil {
			return nil, qerr.CodeOf(err).Wrap(err, "column %s: declare the columns with types Quiver holds", name)
		}
		cols[i] = catalog.Column{Name: name, Type: typ, Nullable: true}
	}
	return cols, nil
}
