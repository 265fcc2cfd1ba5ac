package tpch

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// LoadConfig configures Load.
type LoadConfig struct {
	Dir string // the generated data set
	// Tables are the tables to load, each from <Dir>/<name>.parquet (nil:
	// the eight TPC-H tables).
	Tables []*Table
	// Partitions is the PARTITIONS count of the hash-partitioned tables
	// (0: the tables are created without PARTITION BY).
	Partitions int
	// Plain loads the way a user of adbc_ingest(mode="create") does: no DDL,
	// the ingest creates each table from the Arrow schema, unpartitioned
	// (Partitions is then ignored).
	Plain bool
	// BatchRows is the rows per ingested batch (0: 65536).
	BatchRows int
	Alloc     memory.Allocator // nil: memory.DefaultAllocator
	// Progress, when set, is called with the rows and Arrow bytes of each
	// batch sent.
	Progress func(table string, rows, bytes int64)
	// Started, when set, is called as each table begins.
	Started func(table string)
}

// Load (re)creates the tables (the eight TPC-H tables by default) in the Quiver that c is connected to
// (DROP TABLE IF EXISTS, then CREATE TABLE ... PARTITION BY HASH(key)
// PARTITIONS n through DoPutCommandStatementUpdate) and fills each from its
// Parquet file by one Flight SQL bulk ingest (CommandStatementIngest, mode
// append); with cfg.Plain the ingest itself creates each table. It returns per table the rows the server reported, the Arrow
// bytes sent and the seconds taken.
func Load(ctx context.Context, c *Client, cfg LoadConfig) ([]TableFile, error) {
	if cfg.Alloc == nil {
		cfg.Alloc = memory.DefaultAllocator
	}
	if cfg.BatchRows <= 0 {
		cfg.BatchRows = 1 << 16
	}
	tables := cfg.Tables
	if tables == nil {
		tables = Tables
	}
	var out []TableFile
	for _, t := range tables {
		if cfg.Started != nil {
			cfg.Started(t.Name)
		}
		tf, err := loadTable(ctx, c, t, cfg)
		if err != nil {
			return out, fmt.Errorf("load %s: %w", t.Name, err)
		}
		out = append(out, tf)
	}
	return out, nil
}

func loadTable(ctx context.Context, c *Client, t *Table, cfg LoadConfig) (TableFile, error) {
	start := time.Now()
	path := ParquetPath(cfg.Dir, t.Name)
	tf := TableFile{Table: t.Name, Path: path}
	if _, err := c.Exec(ctx, "DROP TABLE IF EXISTS "+t.Name); err != nil {
		return tf, err
	}
	opts := IngestAppend(t.Name)
	if cfg.Plain {
		opts.TableDefinitionOptions.IfNotExist = flightsql.TableDefinitionOptionsTableNotExistOptionCreate
	} else if _, err := c.Exec(ctx, t.DDL(cfg.Partitions)); err != nil {
		return tf, err
	}
	rdr, closeFile, err := OpenParquet(ctx, path, cfg.BatchRows, cfg.Alloc)
	if err != nil {
		return tf, err
	}
	defer closeFile()
	counted := &countingReader{RecordReader: rdr, table: t.Name, progress: cfg.Progress}
	n, err := c.SQL.ExecuteIngest(ctx, counted, opts)
	if err != nil {
		return tf, err
	}
	if n != counted.rows {
		return tf, fmt.Errorf("server ingested %d rows, %d were sent", n, counted.rows)
	}
	tf.Rows, tf.Bytes, tf.Seconds = n, counted.bytes, time.Since(start).Seconds()
	return tf, nil
}

// OpenParquet reads a Parquet file as record batches of batchRows rows.
// The returned close releases the reader and closes the file; the caller
// calls it instead of releasing the reader.
func OpenParquet(ctx context.Context, path string, batchRows int, mem memory.Allocator) (array.RecordReader, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	pf, err := file.NewParquetReader(f)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: int64(batchRows)}, mem)
	if err != nil {
		pf.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	rr, err := fr.GetRecordReader(ctx, nil, nil)
	if err != nil {
		pf.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return rr, func() { rr.Release(); pf.Close() }, nil
}

// countingReader counts what passes through it and reports progress.
type countingReader struct {
	array.RecordReader
	table       string
	rows, bytes int64
	progress    func(table string, rows, bytes int64)
}

func (r *countingReader) Next() bool {
	if !r.RecordReader.Next() {
		return false
	}
	rec := r.RecordReader.RecordBatch()
	n, b := rec.NumRows(), batchBytes(rec)
	r.rows += n
	r.bytes += b
	if r.progress != nil {
		r.progress(r.table, n, b)
	}
	return true
}

var _ array.RecordReader = (*countingReader)(nil)

// ParquetRows is the row count in a Parquet file's footer.
func ParquetRows(path string) (int64, error) {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return 0, err
	}
	defer pf.Close()
	return pf.NumRows(), nil
}

// IngestAppend are the ingest options of an append to an existing table.
func IngestAppend(table string) *flightsql.ExecuteIngestOpts {
	return &flightsql.ExecuteIngestOpts{
		TableDefinitionOptions: &flightsql.TableDefinitionOptions{
			IfNotExist: flightsql.TableDefinitionOptionsTableNotExistOptionFail,
			IfExists:   flightsql.TableDefinitionOptionsTableExistsOptionAppend,
		},
		Table: table,
	}
}
