package coordinator

import (
	"context"
	"path/filepath"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/compute"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// IngestRequest is a bulk load (Flight SQL CommandStatementIngest).
type IngestRequest struct {
	Database, Table string
	// CreateIfMissing creates the table from the stream's schema; otherwise a
	// missing table is ErrNotFound.
	CreateIfMissing bool
	// FailIfExists refuses an existing table (ADBC's "create" mode).
	FailIfExists bool
}

// Ingest writes a stream of batches into a table: batches go round-robin to
// the live workers, each writing one new Parquet file, and the files are
// committed as one snapshot, so a failed load leaves nothing visible.
func (c *Coordinator) Ingest(ctx context.Context, sess *Session, req IngestRequest, rdr array.RecordReader) (int64, error) {
	if req.Database == "" {
		req.Database = sess.Database()
	}
	t, err := c.ingestTarget(ctx, req, rdr.Schema())
	if err != nil {
		return 0, err
	}
	workers := c.members.Live()
	if len(workers) == 0 {
		return 0, qerr.ErrUnavailable.New("no live worker")
	}
	schema := t.Schema()
	spec := stage.WriteSpec{Version: stage.SpecVersion, Query: newQueryID(), Dir: tableDir(t), Schema: stage.NewSchemaSpec(schema)}
	bucketed := len(t.DistributionKeys) > 0
	if bucketed {
		// Rows of a bucketed table must land in the file of their bucket:
		// stage them as they arrive, then redistribute (rebucket).
		spec.Dir = filepath.Join(stagingDir, string(spec.Query))
	}
	log := c.log.With(zap.String("query_id", string(spec.Query)))

	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	writers := make([]*chanReader, len(workers))
	var (
		mu    sync.Mutex
		files []catalog.DataFile
		werr  error
		wg    sync.WaitGroup
	)
	for i, m := range workers {
		writers[i] = newChanReader(schema)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := m.Conn.Write(wctx, spec, writers[i])
			writers[i].drain()
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if werr == nil {
					werr = qerr.CodeOf(err).Wrap(err, "write on worker %s", m.Addr)
				}
				cancel()
				return
			}
			if f.Rows > 0 {
				files = append(files, f)
			}
		}()
	}
	next := 0
	var sendErr error
	for rdr.Next() {
		rec, err := conform(ctx, rdr.RecordBatch(), schema)
		if err != nil {
			sendErr = err
			break
		}
		if !writers[next].send(wctx, rec) {
			rec.Release()
			break
		}
		next = (next + 1) % len(writers)
	}
	if sendErr == nil {
		sendErr = rdr.Err()
	}
	for _, w := range writers {
		w.close(sendErr)
	}
	wg.Wait()
	if sendErr == nil {
		sendErr = werr
	}
	if sendErr == nil {
		sendErr = ctx.Err()
	}
	if sendErr != nil {
		c.removeFiles(files)
		log.Warn("ingest failed", zap.String("table", t.Name), zap.Error(sendErr))
		return 0, sendErr
	}
	if bucketed {
		if files, err = c.rebucket(ctx, t, files, workers); err != nil {
			log.Warn("ingest failed", zap.String("table", t.Name), zap.Error(err))
			return 0, err
		}
	}
	rows, err := c.commit(ctx, t, files)
	if err == nil {
		log.Info("ingest committed", zap.String("table", t.Database+"."+t.Name), zap.Int64("rows", rows), zap.Int("files", len(files)))
	}
	return rows, err
}

func (c *Coordinator) ingestTarget(ctx context.Context, req IngestRequest, s *arrow.Schema) (*catalog.Table, error) {
	t, err := c.cat.GetTable(ctx, req.Database, req.Table)
	switch {
	case err == nil && req.FailIfExists:
		return nil, qerr.ErrAlreadyExists.New("table %s.%s already exists", req.Database, req.Table)
	case err == nil:
		return t, nil
	case !qerr.Has(err, qerr.ErrNotFound) || !req.CreateIfMissing:
		return nil, err
	}
	t = &catalog.Table{Database: req.Database, Name: req.Table}
	for _, f := range s.Fields() {
		typ, err := storedType(f.Type)
		if err != nil {
			return nil, qerr.CodeOf(err).Wrap(err, "column %s", f.Name)
		}
		t.Columns = append(t.Columns, catalog.Column{Name: f.Name, Type: typ, Nullable: true})
	}
	if err := c.cat.CreateTable(ctx, t, false); err != nil {
		return nil, err
	}
	return t, nil
}

// storedType is the type a column of an ingested Arrow type is stored as:
// string and binary variants become utf8 and binary, timestamps microseconds.
func storedType(t arrow.DataType) (arrow.DataType, error) {
	switch t.ID() {
	case arrow.LARGE_STRING, arrow.STRING_VIEW:
		return arrow.BinaryTypes.String, nil
	case arrow.LARGE_BINARY, arrow.BINARY_VIEW:
		return arrow.BinaryTypes.Binary, nil
	case arrow.DATE64:
		return arrow.FixedWidthTypes.Date32, nil
	case arrow.TIMESTAMP:
		ts := t.(*arrow.TimestampType)
		if ts.TimeZone != "" {
			return &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}, nil
		}
		return &arrow.TimestampType{Unit: arrow.Microsecond}, nil
	}
	return catalog.ParseType(catalog.TypeString(t))
}

// conform casts a batch to the table's schema (column by position). It
// returns a new reference the caller owns.
func conform(ctx context.Context, rec arrow.RecordBatch, schema *arrow.Schema) (arrow.RecordBatch, error) {
	if int(rec.NumCols()) != schema.NumFields() {
		return nil, qerr.ErrInvalid.New("batch has %d columns, table has %d", rec.NumCols(), schema.NumFields())
	}
	cols := make([]arrow.Array, rec.NumCols())
	defer func() {
		for _, c := range cols {
			if c != nil {
				c.Release()
			}
		}
	}()
	for i, col := range rec.Columns() {
		want := schema.Field(i).Type
		if arrow.TypeEqual(col.DataType(), want) {
			col.Retain()
			cols[i] = col
			continue
		}
		cast, err := compute.CastArray(ctx, col, compute.SafeCastOptions(want))
		if err != nil {
			return nil, qerr.ErrInvalid.Wrap(err, "column %s: cannot store %s as %s", schema.Field(i).Name, col.DataType(), want)
		}
		cols[i] = cast
	}
	return array.NewRecordBatch(schema, cols, rec.NumRows()), nil
}

// chanReader is an array.RecordReader fed through a channel: how the
// coordinator hands an ingest's batches to a worker's write stream.
type chanReader struct {
	schema *arrow.Schema
	ch     chan arrow.RecordBatch
	cur    arrow.RecordBatch
	done   chan struct{} // closed when the reader stops reading
	once   sync.Once
	err    error
}

func newChanReader(schema *arrow.Schema) *chanReader {
	return &chanReader{schema: schema, ch: make(chan arrow.RecordBatch, 4), done: make(chan struct{})}
}

// send hands rec (whose reference passes to the reader) over; false if the
// reader or ctx ended first.
func (r *chanReader) send(ctx context.Context, rec arrow.RecordBatch) bool {
	select {
	case r.ch <- rec:
		return true
	case <-r.done:
	case <-ctx.Done():
	}
	return false
}

// close ends the stream; a non-nil err fails the reader's Next.
func (r *chanReader) close(err error) {
	r.err = err
	close(r.ch)
}

// drain releases what the consumer did not read, once it has stopped.
func (r *chanReader) drain() {
	r.once.Do(func() { close(r.done) })
	go func() {
		for rec := range r.ch {
			rec.Release()
		}
	}()
}

func (r *chanReader) Schema() *arrow.Schema { return r.schema }
func (r *chanReader) Retain()               {}
func (r *chanReader) Release() {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}
func (r *chanReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	rec, ok := <-r.ch
	if !ok {
		return false
	}
	r.cur = rec
	return true
}
func (r *chanReader) RecordBatch() arrow.RecordBatch { return r.cur }
func (r *chanReader) Record() arrow.RecordBatch      { return r.cur }
func (r *chanReader) Err() error                     { return r.err }
