package integration

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// Transactions and ingest modes (issue 8) against a real `quiver serve`,
// through the Go ADBC driver and, where ADBC cannot say it (ingest inside a
// transaction), arrow-go's Flight SQL client.

// xBatch is a one-column batch x BIGINT = start, start+1, ... (n rows).
func xBatch(mem memory.Allocator, start, n int) arrow.RecordBatch {
	b := array.NewInt64Builder(mem)
	defer b.Release()
	for i := 0; i < n; i++ {
		b.Append(int64(start + i))
	}
	col := b.NewArray()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
	return array.NewRecordBatch(schema, []arrow.Array{col}, int64(n))
}

// count is SELECT count(*) FROM table through c, or -1 with the error.
func (c *client) count(table string) (int64, error) {
	res, err := c.Query("SELECT count(*) FROM " + table)
	if err != nil {
		return -1, err
	}
	return strconv.ParseInt(res.rows[0][0].text, 10, 64)
}

func (c *client) mustCount(table string) int64 {
	c.t.Helper()
	n, err := c.count(table)
	if err != nil {
		c.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// setAutocommit turns c's autocommit on or off (off begins a transaction).
func (c *client) setAutocommit(on bool) {
	c.t.Helper()
	v := adbc.OptionValueDisabled
	if on {
		v = adbc.OptionValueEnabled
	}
	if err := c.cnxn.(adbc.PostInitOptions).SetOption(adbc.OptionKeyAutoCommit, v); err != nil {
		c.t.Fatalf("autocommit %v: %v", on, err)
	}
}

// dataFiles lists every file under the data directory's tables/.
func dataFiles(t testing.TB, dataDir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dataDir, "tables"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk data dir: %v", err)
	}
	return out
}

// rawIngest bulk-loads batches with arrow-go's client, in transaction txn
// when it is set.
func rawIngest(ctx context.Context, cl *flightsql.Client, table string, txn flightsql.Transaction, opts *flightsql.TableDefinitionOptions, batches ...arrow.RecordBatch) (int64, error) {
	rdr, err := array.NewRecordReader(batches[0].Schema(), batches)
	if err != nil {
		return 0, err
	}
	defer rdr.Release()
	return cl.ExecuteIngest(ctx, rdr, &flightsql.ExecuteIngestOpts{TableDefinitionOptions: opts, Table: table, TransactionId: txn})
}

var appendOpts = &flightsql.TableDefinitionOptions{
	IfNotExist: flightsql.TableDefinitionOptionsTableNotExistOptionFail,
	IfExists:   flightsql.TableDefinitionOptionsTableExistsOptionAppend,
}

func TestTransactions(t *testing.T) {
	cl := startServe(t, 2, "")
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	other := connect(t, cl.Addr) // autocommit: sees only what is committed
	other.MustExec("CREATE TABLE t (x BIGINT)")
	other.MustExec("INSERT INTO t VALUES (1), (2)")

	t.Run("adbc autocommit off: commit and rollback", func(t *testing.T) {
		c := connect(t, cl.Addr)
		c.setAutocommit(false)
		checkAffected(t, "insert in txn", c.MustExec("INSERT INTO t VALUES (3), (4), (5)"), 3)
		if n := c.mustCount("t"); n != 5 {
			t.Errorf("the transaction sees %d rows of its own, want 5 (read your writes)", n)
		}
		if n := other.mustCount("t"); n != 2 {
			t.Fatalf("another connection sees %d rows before commit, want 2", n)
		}
		ctx, cancel := stmtCtx()
		defer cancel()
		if err := c.cnxn.Commit(ctx); err != nil {
			t.Fatalf("commit: %v", err)
		}
		if n := other.mustCount("t"); n != 5 {
			t.Fatalf("another connection sees %d rows after commit, want 5", n)
		}
		files := dataFiles(t, cl.DataDir)
		c.MustExec("INSERT INTO t VALUES (6)")
		if err := c.cnxn.Rollback(ctx); err != nil {
			t.Fatalf("rollback: %v", err)
		}
		if n := other.mustCount("t"); n != 5 {
			t.Fatalf("after rollback another connection sees %d rows, want 5", n)
		}
		if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
			t.Errorf("rollback left files: %d before the insert, %d after the rollback", len(files), len(got))
		}
		c.setAutocommit(true)
	})

	fc := newFlightSQLClient(t, cl.Addr)
	t.Run("insert and ingest in one transaction", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		before := other.mustCount("t")
		tx, err := fc.BeginTransaction(ctx)
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t VALUES (100)"); err != nil {
			t.Fatalf("insert: %v", err)
		}
		b := xBatch(mem, 1000, 50)
		defer b.Release()
		if n, err := rawIngest(ctx, fc, "t", tx.ID(), appendOpts, b); err != nil || n != 50 {
			t.Fatalf("ingest in txn: %d rows, %v", n, err)
		}
		created := xBatch(mem, 0, 7)
		defer created.Release()
		createOpts := &flightsql.TableDefinitionOptions{IfNotExist: flightsql.TableDefinitionOptionsTableNotExistOptionCreate, IfExists: flightsql.TableDefinitionOptionsTableExistsOptionFail}
		if _, err := rawIngest(ctx, fc, "t_new", tx.ID(), createOpts, created); err != nil {
			t.Fatalf("ingest create in txn: %v", err)
		}
		if n := other.mustCount("t"); n != before {
			t.Fatalf("before commit another connection sees %d rows, want %d", n, before)
		}
		if _, err := other.count("t_new"); grpcCode(err) != codes.NotFound {
			t.Fatalf("a table created in an open transaction: %v, want NOT_FOUND outside it", err)
		}
		info, err := tx.Execute(ctx, "SELECT count(*) FROM t_new")
		if err != nil {
			t.Fatalf("query in txn: %v", err)
		}
		res, err := drainInfo(info, cl.Addr, mem)
		if err != nil || res.rows[0][0].text != "7" {
			t.Fatalf("the transaction reads its new table: %v, %v", res, err)
		}
		id := tx.ID()
		if err := tx.Commit(ctx); err != nil {
			t.Fatalf("commit: %v", err)
		}
		if n := other.mustCount("t"); n != before+51 {
			t.Errorf("after commit: %d rows, want %d", n, before+51)
		}
		if n := other.mustCount("t_new"); n != 7 {
			t.Errorf("after commit t_new has %d rows, want 7", n)
		}
		if _, err := rawIngest(ctx, fc, "t", id, appendOpts, b); grpcCode(err) != codes.NotFound {
			t.Errorf("ingest in a committed transaction: %v, want NOT_FOUND", err)
		}
	})

	t.Run("rollback leaves nothing", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		before, files := other.mustCount("t"), dataFiles(t, cl.DataDir)
		tx, err := fc.BeginTransaction(ctx)
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t VALUES (7), (8)"); err != nil {
			t.Fatalf("insert: %v", err)
		}
		b := xBatch(mem, 0, 10)
		defer b.Release()
		if _, err := rawIngest(ctx, fc, "t", tx.ID(), appendOpts, b); err != nil {
			t.Fatalf("ingest: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "CREATE TABLE t_rolled (a INT)"); err != nil {
			t.Fatalf("create table in txn: %v", err)
		}
		if err := tx.Rollback(ctx); err != nil {
			t.Fatalf("rollback: %v", err)
		}
		if n := other.mustCount("t"); n != before {
			t.Errorf("after rollback: %d rows, want %d", n, before)
		}
		if _, err := other.count("t_rolled"); grpcCode(err) != codes.NotFound {
			t.Errorf("table created in a rolled-back transaction: %v, want NOT_FOUND", err)
		}
		if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
			t.Errorf("rollback left files: %d before, %d after", len(files), len(got))
		}
	})

	t.Run("a reader keeps its snapshot", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		reader := connect(t, cl.Addr)
		reader.setAutocommit(false)
		pinned := reader.mustCount("t")
		other.MustExec("INSERT INTO t VALUES (9), (10), (11)")
		b := xBatch(mem, 0, 20)
		defer b.Release()
		ingestMode(t, other, "t", []arrow.RecordBatch{b}, adbc.OptionValueIngestModeAppend)
		other.MustExec("CREATE TABLE t_later (a INT)")
		if n := reader.mustCount("t"); n != pinned {
			t.Errorf("inside the transaction: %d rows after another connection appended, want the snapshot's %d", n, pinned)
		}
		if _, err := reader.count("t_later"); grpcCode(err) != codes.NotFound {
			t.Errorf("a table created after the transaction began: %v, want NOT_FOUND", err)
		}
		if err := reader.cnxn.Commit(ctx); err != nil { // ends it and begins the next
			t.Fatalf("commit: %v", err)
		}
		if n := reader.mustCount("t"); n != pinned+23 {
			t.Errorf("the next transaction sees %d rows, want %d", n, pinned+23)
		}
		reader.setAutocommit(true)
	})

	t.Run("a commit that lost to a replace is aborted", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		other.MustExec("CREATE TABLE t_conflict (x BIGINT)")
		tx, err := fc.BeginTransaction(ctx)
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t_conflict VALUES (1)"); err != nil {
			t.Fatalf("insert: %v", err)
		}
		b := xBatch(mem, 0, 4)
		defer b.Release()
		ingestMode(t, other, "t_conflict", []arrow.RecordBatch{b}, adbc.OptionValueIngestModeReplace)
		if err := tx.Commit(ctx); grpcCode(err) != codes.Aborted {
			t.Fatalf("commit after a concurrent replace: %v, want ABORTED", err)
		}
		if n := other.mustCount("t_conflict"); n != 4 {
			t.Errorf("t_conflict has %d rows, want the replacement's 4", n)
		}
	})

	t.Run("errors", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		tx, err := fc.BeginTransaction(ctx)
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		defer tx.Rollback(ctx) //nolint:errcheck
		if _, err := tx.ExecuteUpdate(ctx, "CREATE DATABASE d_in_txn"); grpcCode(err) != codes.InvalidArgument {
			t.Errorf("CREATE DATABASE in a transaction: %v, want INVALID_ARGUMENT", err)
		}
		if _, err := tx.BeginSavepoint(ctx, "sp"); grpcCode(err) != codes.Unimplemented {
			t.Errorf("savepoint: %v, want UNIMPLEMENTED", err)
		}
		b := xBatch(mem, 0, 1)
		defer b.Release()
		if _, err := rawIngest(ctx, fc, "t", flightsql.Transaction("no-such-transaction"), appendOpts, b); grpcCode(err) != codes.NotFound {
			t.Errorf("ingest in an unknown transaction: %v, want NOT_FOUND", err)
		}
	})
}
