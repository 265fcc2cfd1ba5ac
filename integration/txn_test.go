package integration

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
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
	compat(t, clientGoADBC, "transactions")
	cl := startServe(t, 2, "")
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) }) // registered first, so it runs after every release
	other := connect(t, cl.Addr)               // autocommit: sees only what is committed
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

	t.Run("prepared statements in a transaction", func(t *testing.T) {
		c := connect(t, cl.Addr)
		c.setAutocommit(false)
		before := other.mustCount("t")
		b := array.NewInt64Builder(mem)
		b.AppendValues([]int64{70, 71}, nil)
		col := b.NewArray()
		b.Release()
		params := array.NewRecordBatch(arrow.NewSchema([]arrow.Field{{Name: "$1", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil), []arrow.Array{col}, 2)
		col.Release()
		defer params.Release()
		n, err := c.PreparedUpdate("INSERT INTO t VALUES (?)", params)
		if err != nil {
			t.Fatalf("prepared insert in txn: %v", err)
		}
		checkAffected(t, "prepared insert in txn", n, 2)
		res, err := c.PreparedQuery("SELECT count(*) FROM t WHERE x >= 70", nil)
		if err != nil {
			t.Fatalf("prepared query in txn: %v", err)
		}
		if got := res.rows[0][0].String(); got != "2" {
			t.Errorf("the transaction's prepared query sees %s of its rows, want 2", got)
		}
		if n := other.mustCount("t"); n != before {
			t.Fatalf("another connection sees %d rows before commit, want %d", n, before)
		}
		ctx, cancel := stmtCtx()
		defer cancel()
		if err := c.cnxn.Rollback(ctx); err != nil {
			t.Fatalf("rollback: %v", err)
		}
		if n := other.mustCount("t"); n != before {
			t.Fatalf("after rollback another connection sees %d rows, want %d", n, before)
		}
		c.setAutocommit(true)
	})

	fc := newFlightSQLClient(t, cl.Addr)
	t.Run("insert and ingest in one transaction", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "transactions")
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

	t.Run("drop table in a transaction", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		other.MustExec("CREATE TABLE t_drop (x BIGINT)")
		other.MustExec("INSERT INTO t_drop VALUES (1)")
		files := dataFiles(t, cl.DataDir)
		tx, err := fc.BeginTransaction(ctx)
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "DROP TABLE t_drop"); err != nil {
			t.Fatalf("drop in txn: %v", err)
		}
		if n := other.mustCount("t_drop"); n != 1 {
			t.Fatalf("before commit another connection sees %d rows of the dropped table, want 1", n)
		}
		if _, err := tx.ExecuteUpdate(ctx, "CREATE TABLE t_drop (s VARCHAR(10))"); err != nil {
			t.Fatalf("create again in txn: %v", err)
		}
		if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t_drop VALUES ('a'), ('b')"); err != nil {
			t.Fatalf("insert into the new table: %v", err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatalf("commit: %v", err)
		}
		if n := other.mustCount("t_drop WHERE s IN ('a', 'b')"); n != 2 {
			t.Errorf("after commit t_drop is the new table: %d rows, want 2", n)
		}
		if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
			t.Errorf("the dropped table's file was kept: %d files before, %d after (one replaced by one)", len(files), len(got))
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

// TestTxnIdleTimeout: a transaction whose client went away is rolled back
// after the idle timeout, and its files are deleted.
func TestTxnIdleTimeout(t *testing.T) {
	compat(t, clientGoFlightSQL, "transactions")
	cl := startClusterArgs(t, 1, []string{"--txn-idle-timeout", "1s"}, nil)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (x BIGINT)")
	files := dataFiles(t, cl.DataDir)
	fc := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	tx, err := fc.BeginTransaction(ctx)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t VALUES (1), (2)"); err != nil {
		t.Fatalf("insert: %v", err)
	}
	// The client "dies": it never ends the transaction.
	cl.Coordinator.WaitLine(t, "transaction rolled back after idling", readyTimeout, func(l LogLine) bool {
		return l.Msg() == "transaction rolled back after idling" && l.Str("txn") == string(tx.ID())
	})
	if err := tx.Commit(ctx); grpcCode(err) != codes.NotFound {
		t.Errorf("commit after the idle timeout: %v, want NOT_FOUND", err)
	}
	if n := c.mustCount("t"); n != 0 {
		t.Errorf("t has %d rows, want 0", n)
	}
	if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
		t.Errorf("the rolled-back transaction left files: %v", got)
	}
}

// TestTxnEndsWithSession checks that closing a Flight SQL session rolls
// back the transaction it left open: its rows never appear, its files go.
func TestTxnEndsWithSession(t *testing.T) {
	cl := startClusterArgs(t, 1, nil, nil)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (x BIGINT)")
	files := dataFiles(t, cl.DataDir)
	fc := newSessionClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	// The first call sets the session cookie; the transaction then belongs
	// to that session.
	if _, err := fc.GetSessionOptions(ctx, &flight.GetSessionOptionsRequest{}); err != nil {
		t.Fatalf("get session options: %v", err)
	}
	tx, err := fc.BeginTransaction(ctx)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t VALUES (1), (2)"); err != nil {
		t.Fatalf("insert: %v", err)
	}
	if _, err := fc.CloseSession(ctx, &flight.CloseSessionRequest{}); err != nil {
		t.Fatalf("close session: %v", err)
	}
	cl.Coordinator.WaitLine(t, "transaction rolled back with its session", readyTimeout, func(l LogLine) bool {
		return l.Msg() == "transaction rolled back with its session" && l.Str("txn") == string(tx.ID())
	})
	if n := c.mustCount("t"); n != 0 {
		t.Errorf("t has %d rows, want 0", n)
	}
	if got := dataFiles(t, cl.DataDir); len(got) != len(files) {
		t.Errorf("the rolled-back transaction left files: %v", got)
	}
}

// malformedBatch is a one-column BIGINT batch that claims a NULL but has
// no validity bitmap: what a broken client could send.
func malformedBatch(mem memory.Allocator) arrow.RecordBatch {
	data := memory.NewResizableBuffer(mem)
	data.Resize(2 * 8)
	d := array.NewData(arrow.PrimitiveTypes.Int64, 2, []*memory.Buffer{nil, data}, nil, 1, 0)
	data.Release()
	col := array.MakeFromData(d)
	d.Release()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
	return array.NewRecordBatch(schema, []arrow.Array{col}, 2)
}

// failingReader yields the first batch of its reader, waits for gate (the
// server has the stream), then fails: a client whose source breaks off
// midway.
type failingReader struct {
	array.RecordReader
	gate  func()
	calls int
}

func (r *failingReader) Next() bool {
	r.calls++
	if r.calls == 1 {
		return r.RecordReader.Next()
	}
	r.gate()
	return false
}

func (r *failingReader) Err() error { return errors.New("the client's source failed midway") }

func TestIngestModes(t *testing.T) {
	cl := startServe(t, 2, "")
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) }) // registered first, so it runs after every release
	c := connect(t, cl.Addr)
	batch := func(start, n int) []arrow.RecordBatch {
		b := xBatch(mem, start, n)
		t.Cleanup(b.Release)
		return []arrow.RecordBatch{b}
	}
	ingestErr := func(table, mode string, b []arrow.RecordBatch) codes.Code {
		_, err := c.Ingest(table, mode, b)
		return grpcCode(err)
	}

	t.Run("create append create_append fail", func(t *testing.T) {
		compat(t, clientGoADBC, "bulk ingest: create")
		compat(t, clientGoADBC, "bulk ingest: append")
		compat(t, clientGoADBC, "bulk ingest: create_append")
		ingestMode(t, c, "m", batch(0, 10), adbc.OptionValueIngestModeCreate)
		if code := ingestErr("m", adbc.OptionValueIngestModeCreate, batch(0, 1)); code != codes.AlreadyExists {
			t.Errorf("create over an existing table: %v, want ALREADY_EXISTS", code)
		}
		if code := ingestErr("m_missing", adbc.OptionValueIngestModeAppend, batch(0, 1)); code != codes.NotFound {
			t.Errorf("append to a missing table: %v, want NOT_FOUND", code)
		}
		ingestMode(t, c, "m", batch(10, 5), adbc.OptionValueIngestModeAppend)
		ingestMode(t, c, "m", batch(15, 5), adbc.OptionValueIngestModeCreateAppend)
		ingestMode(t, c, "m_ca", batch(0, 3), adbc.OptionValueIngestModeCreateAppend)
		if n := c.mustCount("m"); n != 20 {
			t.Errorf("m has %d rows, want 20", n)
		}
		if n := c.mustCount("m_ca"); n != 3 {
			t.Errorf("create_append of a missing table: %d rows, want 3", n)
		}
		// Flight SQL's fail/fail: the table must exist and must not.
		fc := newFlightSQLClient(t, cl.Addr)
		ctx, cancel := stmtCtx()
		defer cancel()
		failOpts := &flightsql.TableDefinitionOptions{IfNotExist: flightsql.TableDefinitionOptionsTableNotExistOptionFail, IfExists: flightsql.TableDefinitionOptionsTableExistsOptionFail}
		if _, err := rawIngest(ctx, fc, "m", nil, failOpts, batch(0, 1)...); grpcCode(err) != codes.AlreadyExists {
			t.Errorf("fail mode on an existing table: %v, want ALREADY_EXISTS", err)
		}
		if _, err := rawIngest(ctx, fc, "m_none", nil, failOpts, batch(0, 1)...); grpcCode(err) != codes.NotFound {
			t.Errorf("fail mode on a missing table: %v, want NOT_FOUND", err)
		}
	})

	t.Run("replace", func(t *testing.T) {
		compat(t, clientGoADBC, "bulk ingest: replace")
		ingestMode(t, c, "r", batch(0, 100), adbc.OptionValueIngestModeCreate)
		old := dataFiles(t, cl.DataDir)
		// The new table takes the stream's schema.
		b := array.NewStringBuilder(mem)
		b.AppendValues([]string{"a", "b", "c"}, nil)
		col := b.NewArray()
		b.Release()
		schema := arrow.NewSchema([]arrow.Field{{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
		rec := array.NewRecordBatch(schema, []arrow.Array{col}, 3)
		col.Release()
		defer rec.Release()
		ingestMode(t, c, "r", []arrow.RecordBatch{rec}, adbc.OptionValueIngestModeReplace)
		if n := c.mustCount("r WHERE s = 'b'"); n != 1 {
			t.Fatalf("after replace the table has the new schema and rows: %d rows with s = 'b', want 1", n)
		}
		if n := c.mustCount("r"); n != 3 {
			t.Fatalf("after replace: %d rows, want 3", n)
		}
		if got := dataFiles(t, cl.DataDir); len(got) != len(old) {
			t.Errorf("replace kept the old files: %d files before, %d after (one table replaced by one of as many files)", len(old), len(got))
		}
		ingestMode(t, c, "r_new", batch(0, 2), adbc.OptionValueIngestModeReplace)
		if n := c.mustCount("r_new"); n != 2 {
			t.Errorf("replace of a missing table creates it: %d rows, want 2", n)
		}
	})

	t.Run("replace is atomic for readers", func(t *testing.T) {
		compat(t, clientGoADBC, "bulk ingest: replace")
		const small, large = 1000, 3000
		ingestMode(t, c, "ra", batch(0, small), adbc.OptionValueIngestModeCreate)
		reader := connect(t, cl.Addr)
		var stop atomic.Bool
		var reads atomic.Int64
		done := make(chan error, 1)
		go func() {
			for !stop.Load() {
				n, err := reader.count("ra")
				if err != nil {
					done <- err
					return
				}
				if n != small && n != large {
					done <- errors.New("a reader saw " + strconv.FormatInt(n, 10) + " rows")
					return
				}
				reads.Add(1)
			}
			done <- nil
		}()
		for i := 0; i < 6; i++ {
			n := small
			if i%2 == 0 {
				n = large
			}
			ingestMode(t, c, "ra", append(batch(0, n/2), batch(n/2, n-n/2)...), adbc.OptionValueIngestModeReplace)
		}
		var err error
	replaces:
		for reads.Load() < 3 { // until the reader has overlapped a few replaces
			select {
			case err = <-done:
				break replaces
			default:
				ingestMode(t, c, "ra", batch(0, small), adbc.OptionValueIngestModeReplace)
			}
		}
		stop.Store(true)
		if err == nil {
			err = <-done
		}
		if err != nil {
			t.Fatalf("reader during replaces: %v", err)
		}
	})

	t.Run("not null", func(t *testing.T) {
		compat(t, clientGoADBC, "bulk ingest: append")
		c.MustExec("CREATE TABLE nn (x BIGINT NOT NULL)")
		ingestMode(t, c, "nn", batch(0, 3), adbc.OptionValueIngestModeAppend)
		before := dataFiles(t, cl.DataDir)
		b := array.NewInt64Builder(mem)
		b.AppendValues([]int64{7, 0, 9}, []bool{true, false, true})
		col := b.NewArray()
		b.Release()
		schema := arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64, Nullable: true}}, nil)
		rec := array.NewRecordBatch(schema, []arrow.Array{col}, 3)
		col.Release()
		defer rec.Release()
		// Two batches: the good one goes to a worker before the NULL is seen.
		_, err := c.Ingest("nn", adbc.OptionValueIngestModeAppend, append(batch(10, 2), rec))
		if code := grpcCode(err); code != codes.InvalidArgument || !strings.Contains(err.Error(), "cannot be NULL") {
			t.Fatalf("NULL into a NOT NULL column: %v (%v), want INVALID_ARGUMENT naming the column", code, err)
		}
		if n := c.mustCount("nn"); n != 3 {
			t.Errorf("a refused load wrote rows: %d, want 3", n)
		}
		if got := dataFiles(t, cl.DataDir); len(got) != len(before) {
			t.Errorf("a refused load left files: %d before, %d after", len(before), len(got))
		}
	})

	t.Run("targets", func(t *testing.T) {
		c.MustExec("CREATE DATABASE other")
		ctx, cancel := stmtCtx()
		defer cancel()
		st, err := c.cnxn.NewStatement()
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for k, v := range map[string]string{
			adbc.OptionKeyIngestTargetTable:      "in_other",
			adbc.OptionKeyIngestMode:             adbc.OptionValueIngestModeCreate,
			adbc.OptionValueIngestTargetDBSchema: "other",
			adbc.OptionValueIngestTargetCatalog:  "quiver",
		} {
			if err := st.SetOption(k, v); err != nil {
				t.Fatalf("option %s: %v", k, err)
			}
		}
		rdr, err := array.NewRecordReader(batch(0, 4)[0].Schema(), batch(0, 4))
		if err != nil {
			t.Fatal(err)
		}
		defer rdr.Release()
		if err := st.BindStream(ctx, rdr); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ExecuteUpdate(ctx); err != nil {
			t.Fatalf("ingest into other.in_other: %v", err)
		}
		if n := c.mustCount("other.in_other"); n != 4 {
			t.Errorf("other.in_other has %d rows, want 4", n)
		}
		if _, err := c.count("main.in_other"); grpcCode(err) != codes.NotFound {
			t.Errorf("the schema target was ignored: main.in_other: %v", err)
		}
		if err := st.SetOption(adbc.OptionValueIngestTargetCatalog, "nope"); err != nil {
			t.Fatal(err)
		}
		rdr2, _ := array.NewRecordReader(batch(0, 1)[0].Schema(), batch(0, 1))
		defer rdr2.Release()
		if err := st.BindStream(ctx, rdr2); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ExecuteUpdate(ctx); grpcCode(err) != codes.NotFound {
			t.Errorf("ingest into catalog nope: %v, want NOT_FOUND", err)
		}
	})

	t.Run("temporary is unimplemented", func(t *testing.T) {
		ctx, cancel := stmtCtx()
		defer cancel()
		st, err := c.cnxn.NewStatement()
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for k, v := range map[string]string{
			adbc.OptionKeyIngestTargetTable: "tmp",
			adbc.OptionKeyIngestMode:        adbc.OptionValueIngestModeCreate,
			adbc.OptionValueIngestTemporary: adbc.OptionValueEnabled,
		} {
			if err := st.SetOption(k, v); err != nil {
				t.Fatalf("option %s: %v", k, err)
			}
		}
		rdr, _ := array.NewRecordReader(batch(0, 1)[0].Schema(), batch(0, 1))
		defer rdr.Release()
		if err := st.BindStream(ctx, rdr); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ExecuteUpdate(ctx); grpcCode(err) != codes.Unimplemented {
			t.Errorf("temporary ingest: %v, want UNIMPLEMENTED", err)
		}
	})

	t.Run("a failed create leaves no table and no files", func(t *testing.T) {
		files := dataFiles(t, cl.DataDir)
		bad := malformedBatch(mem)
		defer bad.Release()
		good := xBatch(mem, 0, 10)
		defer good.Release()
		if code := ingestErr("f_bad", adbc.OptionValueIngestModeCreate, []arrow.RecordBatch{good, good, bad, good}); code != codes.InvalidArgument {
			t.Errorf("a malformed batch midway: %v, want INVALID_ARGUMENT", code)
		}
		if _, err := c.count("f_bad"); grpcCode(err) != codes.NotFound {
			t.Errorf("after a malformed create: %v, want NOT_FOUND", err)
		}

		fc := newFlightSQLClient(t, cl.Addr)
		ctx, cancel := context.WithCancel(context.Background())
		rdr, err := array.NewRecordReader(good.Schema(), []arrow.RecordBatch{good, good, good})
		if err != nil {
			t.Fatal(err)
		}
		createOpts := &flightsql.TableDefinitionOptions{IfNotExist: flightsql.TableDefinitionOptionsTableNotExistOptionCreate, IfExists: flightsql.TableDefinitionOptionsTableExistsOptionFail}
		started := func() {
			cl.Coordinator.WaitLine(t, "ingest started for f_broken", stmtTimeout, func(l LogLine) bool {
				return l.Msg() == "ingest started" && l.Str("table") == "main.f_broken"
			})
		}
		_, err = fc.ExecuteIngest(ctx, &failingReader{RecordReader: rdr, gate: started}, &flightsql.ExecuteIngestOpts{TableDefinitionOptions: createOpts, Table: "f_broken"})
		rdr.Release()
		if err == nil {
			t.Fatal("an ingest whose source failed succeeded")
		}
		cancel() // the client gives up on the stream
		cl.Coordinator.WaitLine(t, "ingest failed for f_broken", stmtTimeout, func(l LogLine) bool {
			return l.Msg() == "ingest failed" && l.Str("table") == "main.f_broken"
		})
		if _, err := c.count("f_broken"); grpcCode(err) != codes.NotFound {
			t.Errorf("after a broken create: %v, want NOT_FOUND", err)
		}
		// A failed write's workers remove their unfinished files after the
		// coordinator has answered: wait for that, with a deadline.
		if extra := extraFiles(t, cl.DataDir, files, 10*time.Second); len(extra) > 0 {
			t.Errorf("failed ingests left files: %v", extra)
		}
	})
}

// extraFiles waits up to wait for the data directory to hold no file but
// those of before, and returns the others still there then.
func extraFiles(t testing.TB, dataDir string, before []string, wait time.Duration) []string {
	t.Helper()
	had := map[string]bool{}
	for _, f := range before {
		had[f] = true
	}
	deadline := time.Now().Add(wait)
	for {
		var extra []string
		for _, f := range dataFiles(t, dataDir) {
			if !had[f] {
				extra = append(extra, f)
			}
		}
		if len(extra) == 0 || time.Now().After(deadline) {
			return extra
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTxnCoordinatorCrash: a coordinator killed with a transaction open
// comes back without its writes and without their files.
func TestTxnCoordinatorCrash(t *testing.T) {
	dir := t.TempDir()
	cl := startServe(t, 1, dir)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (x BIGINT)")
	c.MustExec("INSERT INTO t VALUES (1)")
	files := dataFiles(t, dir)
	fc := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	tx, err := fc.BeginTransaction(ctx)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	if _, err := tx.ExecuteUpdate(ctx, "INSERT INTO t VALUES (2), (3)"); err != nil {
		t.Fatalf("insert: %v", err)
	}
	if len(dataFiles(t, dir)) == len(files) {
		t.Fatalf("the transaction's insert wrote no file")
	}
	c.Close()
	cl.Coordinator.Kill(t)

	cl = startServe(t, 1, dir)
	c = connect(t, cl.Addr)
	if n := c.mustCount("t"); n != 1 {
		t.Errorf("after the crash t has %d rows, want the committed 1", n)
	}
	if got := dataFiles(t, dir); len(got) != len(files) {
		t.Errorf("the crashed transaction's files survived the restart: %v", got)
	}
}
