package exec

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	bindings "github.com/duckdb/duckdb-go-bindings"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage/duck"
)

// EngineConfig sets up a worker's DuckDB database.
type EngineConfig struct {
	// MemoryLimit is DuckDB's memory_limit, e.g. "4GB". Empty keeps DuckDB's
	// default (80% of the machine's memory, or of the cgroup's), divided by
	// MemoryShare.
	MemoryLimit string
	// MemoryShare is how many databases share the process's memory (quiver
	// serve's embedded workers), so that DuckDB's default memory_limit is
	// split between them rather than given whole to each; 0 or 1: whole.
	MemoryShare int
	// Threads is DuckDB's thread count; 0 keeps DuckDB's default (one per core).
	Threads int
	// TempDir is DuckDB's temp_directory, where it spills; it is created if
	// missing. Conventionally <data-dir>/tmp/<worker-id>. Empty keeps DuckDB's
	// default.
	TempDir string
	// TempLimit is DuckDB's max_temp_directory_size, e.g. "20GB": what its
	// spill files may take at most, beyond which a query fails with
	// ErrTooLarge instead of filling the disk. Empty keeps DuckDB's default
	// (90% of the disk space free at start).
	TempLimit string
}

// Engine is one in-memory DuckDB database shared by a worker's tasks. Each
// task opens its own connection, so tasks run concurrently; temp tables live
// on the connection and vanish with it. An Engine is safe for concurrent use;
// its owner closes it after the Worker that uses it.
type Engine struct {
	connector *duckdb.Connector
	open      atomic.Int64 // connections handed out and not yet released
	// idle keeps the connections of finished local runs for the next one
	// (local.go): such a run makes no temp table and changes no setting,
	// so its connection is as good as a new one, which costs its session
	// setup (about as much as a small query).
	idle   chan *duckdb.Conn
	closed atomic.Bool
	// db and inputConn hold the connection that registered
	// duck.InputFunction; convert is its C connection, which converts the
	// batches of streamed inputs (input.go); convertMu serializes its use
	// by every task's streams, as nothing says a C connection may convert
	// from several threads at once.
	db        *sql.DB
	inputConn *sql.Conn
	convert   bindings.Connection
	convertMu sync.Mutex
	inputs    inputs
	threads   int
	// tempDir is DuckDB's temp_directory ("": DuckDB's default, which
	// TempBytes does not measure).
	tempDir string
}

// maxIdleConns bounds Engine.idle.
const maxIdleConns = 4

// OpenEngine opens the database with cfg's settings.
func OpenEngine(cfg EngineConfig) (*Engine, error) {
	q := url.Values{}
	// The renderer's casts nest deeper than the statement the coordinator
	// accepted (binder.Limits caps that at 1,000 levels by default); DuckDB's
	// own cap of 1,000 would refuse what the coordinator let through.
	q.Set("max_expression_depth", "5000")
	// DuckDB's jemalloc purges freed pages only when a thread allocates
	// or passes allocator_flush_threshold; its threads idle after a load,
	// so without background purging the worker's RSS stays at the load's
	// peak (bench soak measured it).
	q.Set("allocator_background_threads", "true")
	if cfg.MemoryLimit != "" {
		q.Set("memory_limit", cfg.MemoryLimit)
	}
	if cfg.Threads > 0 {
		q.Set("threads", strconv.Itoa(cfg.Threads))
	}
	if cfg.TempDir != "" {
		if err := os.MkdirAll(cfg.TempDir, 0o700); err != nil {
			return nil, qerr.ErrInternal.Wrap(err, "create DuckDB temp directory")
		}
		// Left by a process that died: the worker owns the directory, and
		// stale files would count against its disk limits.
		if err := removeTempFiles(cfg.TempDir); err != nil {
			return nil, err
		}
		q.Set("temp_directory", cfg.TempDir)
	}
	if connLayoutErr != nil {
		return nil, connLayoutErr
	}
	dsn := ":memory:?" + q.Encode()
	c, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, qerr.ErrInvalid.Wrap(err, "open DuckDB")
	}
	e := &Engine{connector: c, idle: make(chan *duckdb.Conn, maxIdleConns), tempDir: cfg.TempDir,
		db: sql.OpenDB(c), threads: cmp.Or(max(cfg.Threads, 0), runtime.NumCPU()), inputs: inputs{streams: map[int64]*inputStream{}}}
	for _, stmt := range duck.DatabaseSetup {
		if err := e.setGlobal(stmt); err != nil {
			_ = e.db.Close() // and the connector
			return nil, qerr.ErrInternal.Wrap(err, "set up DuckDB: %s", stmt)
		}
	}
	if e.inputConn, err = e.registerInputFunction(e.db); err != nil {
		_ = e.db.Close() // and the connector
		return nil, err
	}
	if cfg.MemoryLimit == "" && cfg.MemoryShare > 1 {
		limit, err := e.MemoryLimit(context.Background())
		if err == nil {
			err = e.setGlobal(duck.SetMemoryLimit(limit / int64(cfg.MemoryShare)))
		}
		if err != nil {
			_ = e.inputConn.Close()
			_ = e.db.Close() // and the connector
			return nil, err
		}
	}
	if cfg.TempLimit != "" {
		if err := e.setGlobal(duck.SetTempLimit(cfg.TempLimit)); err != nil {
			_ = e.inputConn.Close()
			_ = e.db.Close() // and the connector
			return nil, qerr.ErrInvalid.Wrap(err, "DuckDB temp limit %q", cfg.TempLimit)
		}
	}
	return e, nil
}

// duckTempPrefix begins the names of the files DuckDB spills to
// (duckdb_temp_storage_*.tmp, duckdb_temp_block-*.block).
const duckTempPrefix = "duckdb_temp"

// TempBytes is the size of DuckDB's temp files now: what the database has
// spilled, for every query together (DuckDB does not say which query a
// spilled block belongs to). It is 0 without a TempDir.
func (e *Engine) TempBytes() int64 {
	if e.tempDir == "" {
		return 0
	}
	entries, err := os.ReadDir(e.tempDir)
	if err != nil {
		return 0
	}
	var n int64
	for _, de := range entries {
		if !de.Type().IsRegular() || !strings.HasPrefix(de.Name(), duckTempPrefix) {
			continue
		}
		if fi, err := de.Info(); err == nil { // a file DuckDB just deleted is gone
			n += fi.Size()
		}
	}
	return n
}

// removeTempFiles deletes DuckDB's temp files in dir.
func removeTempFiles(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return qerr.ErrInternal.Wrap(err, "read DuckDB temp directory")
	}
	for _, de := range entries {
		if de.Type().IsRegular() && strings.HasPrefix(de.Name(), duckTempPrefix) {
			if err := os.Remove(filepath.Join(dir, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return qerr.ErrInternal.Wrap(err, "remove stale DuckDB temp file")
			}
		}
	}
	return nil
}

// setGlobal runs a statement that sets a database-wide setting.
func (e *Engine) setGlobal(stmt string) error {
	conn, release, err := e.connect(context.Background())
	if err != nil {
		return err
	}
	defer release()
	return execSQL(context.Background(), conn, stmt)
}

// Close closes the database. Every task connection must be closed first;
// Close closes the idle ones.
func (e *Engine) Close() error {
	e.closed.Store(true)
	for {
		select {
		case conn := <-e.idle:
			_ = conn.Close()
		default:
			_ = e.inputConn.Close()
			return e.db.Close() // and the connector
		}
	}
}

// connect opens a connection for one task; release closes it.
func (e *Engine) connect(ctx context.Context) (conn *duckdb.Conn, release func(), err error) {
	conn, err = e.newConn(ctx)
	if err != nil {
		return nil, nil, err
	}
	return conn, func() { e.closeConn(conn) }, nil
}

// newConn opens a connection and counts it open.
func (e *Engine) newConn(ctx context.Context) (*duckdb.Conn, error) {
	c, err := e.connector.Connect(ctx)
	if err != nil {
		return nil, qerr.ErrUnavailable.Wrap(err, "connect to DuckDB")
	}
	e.open.Add(1)
	return c.(*duckdb.Conn), nil
}

// closeConn closes a connection newConn opened.
func (e *Engine) closeConn(conn *duckdb.Conn) {
	_ = conn.Close()
	e.open.Add(-1)
}

// OpenConnections is the number of task connections open now.
func (e *Engine) OpenConnections() int64 { return e.open.Load() }

// exec runs one statement that returns no rows.
func execSQL(ctx context.Context, conn *duckdb.Conn, sql string) error {
	_, err := conn.ExecContext(ctx, sql, nil)
	return err
}

// duckError gives an error from DuckDB a qerr code: what the data caused
// (conversions, overflow) is the user's; running out of memory is a limit;
// an interrupt is a cancel; everything else (binder, catalog, parser errors
// on rendered SQL) is a bug.
func duckError(err error, what string) error {
	if err == nil {
		return nil
	}
	var qe *qerr.Error
	if errors.As(err, &qe) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return qerr.ErrCancelled.Wrap(err, "%s", what)
	}
	var de *duckdb.Error
	if errors.As(err, &de) {
		switch de.Type {
		case duckdb.ErrorTypeInterrupt:
			return qerr.ErrCancelled.Wrap(err, "%s", what)
		case duckdb.ErrorTypeOutOfMemory:
			if msg, _, _ := strings.Cut(de.Msg, "\n"); strings.Contains(de.Msg, "max_temp_directory_size") {
				// DuckDB's advice (PRAGMAs, threads) is not the user's to
				// follow: name the worker's budget instead.
				return qerr.ErrTooLarge.Wrap(&duckdb.Error{Type: de.Type, Msg: msg}, "%s: DuckDB's temp files reached the worker's disk limit (--worker-disk-limit, --temp-limit)", what)
			}
			return qerr.ErrTooLarge.Wrap(withoutSQL(de), "%s", what)
		case duckdb.ErrorTypeConversion, duckdb.ErrorTypeOutOfRange, duckdb.ErrorTypeInvalidInput,
			duckdb.ErrorTypeDivideByZero, duckdb.ErrorTypeConstraint, duckdb.ErrorTypeDecimal:
			return qerr.ErrInvalid.Wrap(withoutSQL(de), "%s", what)
		}
	}
	return qerr.ErrInternal.Wrap(err, "%s", what)
}

// withoutSQL is a DuckDB error the user caused, without the excerpt of the
// statement DuckDB appends ("LINE 1: SELECT ..."): that statement is the
// fragment the planner rendered, not the user's SQL, and says nothing to the
// user. Errors that are bugs keep it, for the report.
func withoutSQL(de *duckdb.Error) *duckdb.Error {
	msg, _, _ := strings.Cut(de.Msg, "\n\nLINE ")
	return &duckdb.Error{Type: de.Type, Msg: msg}
}
