package tpch

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/stage/duck"
)

// DuckDB is the single-process side of the benchmark and the oracle of the
// tests: an in-memory DuckDB with one view per table over the same Parquet
// files Quiver loaded. It runs one query at a time.
type DuckDB struct {
	db   *sql.DB
	conn *sql.Conn
}

// OpenDuckDB opens DuckDB with threads threads (0: DuckDB's default, one
// per core) and memory_limit memLimit ("": DuckDB's default), and creates
// the views over the TPC-H Parquet files in dir.
func OpenDuckDB(ctx context.Context, dir string, threads int, memLimit string) (*DuckDB, error) {
	return OpenDuckDBTables(ctx, dir, Tables, threads, memLimit)
}

// OpenDuckDBTables is OpenDuckDB over the Parquet files of tables in dir;
// settings are further SET statements run first (e.g. "default_null_order
// = 'nulls_first_on_asc_last_on_desc'", MySQL's NULL order).
func OpenDuckDBTables(ctx context.Context, dir string, tables []*Table, threads int, memLimit string, settings ...string) (*DuckDB, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, fmt.Errorf("duckdb: open: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("duckdb: connect: %w", err)
	}
	d := &DuckDB{db: db, conn: conn}
	var stmts []string
	for _, set := range settings {
		stmts = append(stmts, "SET "+set)
	}
	if threads > 0 {
		stmts = append(stmts, fmt.Sprintf("SET threads = %d", threads))
	}
	if memLimit != "" {
		stmts = append(stmts, "SET memory_limit = "+duck.QuoteString(memLimit))
	}
	for _, t := range tables {
		stmts = append(stmts, fmt.Sprintf("CREATE VIEW %s AS SELECT * FROM read_parquet(%s)",
			duck.QuoteIdent(t.Name), duck.QuoteString(ParquetPath(dir, t.Name))))
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			d.Close()
			return nil, fmt.Errorf("duckdb: %s: %w", s, err)
		}
	}
	return d, nil
}

// Close closes the database.
func (d *DuckDB) Close() {
	d.conn.Close()
	d.db.Close()
}

// Query runs query and returns its answer and the time to run it and
// receive every batch (normalising the answer is not timed).
func (d *DuckDB) Query(ctx context.Context, query string) (*Result, time.Duration, error) {
	var (
		batches []arrow.RecordBatch
		schema  *arrow.Schema
		elapsed time.Duration
	)
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	err := d.conn.Raw(func(dc any) error {
		start := time.Now()
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rdr, err := ar.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		defer rdr.Release()
		schema = rdr.Schema()
		for rdr.Next() {
			rec := rdr.RecordBatch()
			rec.Retain()
			batches = append(batches, rec)
		}
		elapsed = time.Since(start)
		return rdr.Err()
	})
	if err != nil {
		return nil, 0, err
	}
	res := NewResult(schema)
	for _, b := range batches {
		res.Append(b)
	}
	return res, elapsed, nil
}
