package coordinator

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// Config is the coordinator's configuration.
type Config struct {
	DataDir string
	// ResultTTL is how long a query's results stay fetchable: from its
	// start, and from its end at least; a renewal gives this much again.
	ResultTTL time.Duration
	// ResultMaxAge caps renewals: no result stays past its query's start
	// plus this (0: no cap).
	ResultMaxAge time.Duration
	// QueryTimeout bounds every query's execution.
	QueryTimeout time.Duration
	// BroadcastRows is the estimated size up to which a join's smaller side
	// is broadcast instead of shuffling both (physical.DefaultBroadcastRows if 0).
	BroadcastRows float64
	// BroadcastBytes bounds the estimated bytes of a side broadcast that
	// way (physical.DefaultBroadcastBytes if 0).
	BroadcastBytes float64
	// NoRuntimeFilters turns runtime filters off (physical.RuntimeFilters).
	NoRuntimeFilters bool
	// Limits bound each statement's text and nesting (binder.DefaultLimits
	// if zero).
	Limits binder.Limits
	// TxnIdleTimeout is how long a transaction may go without a statement
	// before it is rolled back (DefaultTxnIdleTimeout if 0).
	TxnIdleTimeout time.Duration
	// CheckPrivileges turns GRANT-based authorization on (--auth password):
	// every statement is checked against its principal's privileges
	// (privileges.go). Off, every principal may do everything.
	CheckPrivileges bool
	// MaxQueriesPerUser bounds the queries one user runs at once (0: no
	// limit); beyond it a query is refused with ErrTooLarge.
	MaxQueriesPerUser int
	// MaxRunningQueries caps the queries running on the workers at once
	// (0: no cap); beyond it a query waits in line, at most
	// MaxQueuedQueries of them, each at most QueueTimeout (admission.go).
	MaxRunningQueries int
	MaxQueuedQueries  int
	QueueTimeout      time.Duration
	// OrphanInterval is how often orphan data files are collected while
	// the coordinator runs (0: only at start, CollectOrphans); OrphanGrace
	// is how much older than the oldest running write or open transaction
	// a file must be to go, to cover the coarseness of file times and
	// clock skew between nodes (orphans.go).
	OrphanInterval time.Duration
	OrphanGrace    time.Duration
}

// Coordinator plans and runs statements.
type Coordinator struct {
	cfg     Config
	cat     catalog.Catalog
	members *Membership
	signer  *stage.TicketSigner
	log     *zap.Logger

	ctx    context.Context // lives as long as the coordinator: queries outlive their RPC
	cancel context.CancelFunc
	wg     sync.WaitGroup

	queries  registry       // running and recent queries (registry.go)
	prepared statementCache // rows bound to prepared statements (prepared.go)
	txns     txnRegistry    // open transactions (txn.go)
	files    fileLeases     // retired data files still readable (write.go)
	writes   writeClock     // running write statements, for the orphan cutoff (orphans.go)
	perUser  userQueries    // running queries by user (users.go)
	admitted *admission     // the cap on running queries (admission.go)
	sessions sessionSource  // the client sessions system.sessions lists (system.go)
	held     *heldResults   // results the coordinator computed itself (held.go)
	local    *exec.Engine   // runs queries that read no table; nil: none (local.go)

	grantCache grantCache // the privilege state (privileges.go)

	// committing is held shared by a commit that takes files out of the
	// catalog until it has retired them, and exclusively by the orphan
	// collector while it reads the referenced and retired files.
	committing sync.RWMutex
}

// New returns a coordinator. Close stops its queries and rolls back its
// open transactions.
func New(cfg Config, cat catalog.Catalog, members *Membership, signer *stage.TicketSigner, log *zap.Logger) *Coordinator {
	ctx, cancel := context.WithCancel(context.Background())
	if cfg.Limits == (binder.Limits{}) {
		cfg.Limits = binder.DefaultLimits
	}
	c := &Coordinator{cfg: cfg, cat: cat, members: members, signer: signer, log: log, ctx: ctx, cancel: cancel,
		held: newHeldResults(maxHeldResults, maxHeldBytes), local: openLocalEngine(cfg, log),
		admitted: newAdmission(cfg.MaxRunningQueries, cfg.MaxQueuedQueries, cfg.QueueTimeout)}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		c.reapTxns()
	}()
	if cfg.OrphanInterval > 0 && cfg.DataDir != "" {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			c.collectOrphansEvery(cfg.OrphanInterval)
		}()
	}
	c.wg.Go(c.reapResults)
	if members != nil {
		c.wg.Go(func() { members.Sweep(ctx) })
	}
	return c
}

// Catalog is the coordinator's catalog, for metadata requests.
func (c *Coordinator) Catalog() catalog.Catalog { return c.cat }

// Admission is the queries holding a running slot and those waiting for
// one (Config.MaxRunningQueries).
func (c *Coordinator) Admission() (running, queued int) { return c.admitted.counts() }

// Members is the live-worker set.
func (c *Coordinator) Members() *Membership { return c.members }

// Close cancels running queries, rolls back open transactions, waits
// for their goroutines, frees the results it holds itself and closes its
// local engine.
func (c *Coordinator) Close() {
	c.cancel()
	c.rollbackAll()
	c.wg.Wait()
	c.held.close()
	if c.local != nil {
		if err := c.local.Close(); err != nil {
			c.log.Warn("close local engine", zap.Error(err))
		}
	}
}

// Endpoint is one stream of a query's result: where it is and the ticket.
type Endpoint struct {
	// Addr is the worker that holds the stream; empty where the
	// coordinator holds it itself (held.go).
	Addr   string
	Ticket []byte
}

// Result is what a query statement answers: the promised schema and the
// endpoints that stream it. A statement that returns no rows (DDL, DML sent
// as a query) has no endpoints.
type Result struct {
	Query     stage.QueryID
	Schema    *arrow.Schema
	Endpoints []Endpoint
	Expires   time.Time
	Affected  int64
}

func newQueryID() stage.QueryID {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return stage.QueryID(hex.EncodeToString(b[:]))
}

// Execute runs any statement in sess, inside the transaction of ctx if it
// has one (WithTxn). A query starts on the workers and its result is
// returned as endpoints before it finishes; other statements run to
// completion first.
func (c *Coordinator) Execute(ctx context.Context, sess *Session, sql string) (*Result, error) {
	ctx = withStatement(ctx, sess, sql)
	return c.leased(ctx, func() (*Result, error) { return c.execute(ctx, sess, sql) })
}

// leased runs fn, which binds and starts a statement, inside the
// transaction of ctx if it has one, holding a lease on the files of the
// snapshots it binds until the query's tasks have read them (a concurrent
// replace or drop retires them meanwhile).
func (c *Coordinator) leased(ctx context.Context, fn func() (*Result, error)) (*Result, error) {
	return inTxn(ctx, func() (*Result, error) {
		l := c.acquireFiles()
		res, err := fn()
		if err != nil || res.Query == "" {
			c.releaseFiles(l)
			return res, err
		}
		c.releaseWhenDone(res.Query, l)
		return res, nil
	})
}

func (c *Coordinator) execute(ctx context.Context, sess *Session, sql string) (*Result, error) {
	pl, workers, err := c.plan(ctx, sess, sql)
	if err != nil {
		return nil, err
	}
	return c.run(ctx, sess, pl, workers)
}

// run runs a statement planned for sess: a session statement (USE, SET)
// changes sess, a query starts on the workers, others run to completion.
func (c *Coordinator) run(ctx context.Context, sess *Session, pl *Planned, workers []*Member) (*Result, error) {
	stmt := pl.Stmt
	if ok, err := c.runSession(ctx, sess, stmt); ok {
		return &Result{Schema: arrow.NewSchema(nil, nil)}, err
	}
	ctx = c.withLimits(ctx, sess)
	q, ok := stmt.(*binder.Query)
	if !ok {
		n, err := c.runUpdate(ctx, stmt, workers)
		if err != nil {
			return nil, err
		}
		return &Result{Schema: arrow.NewSchema(nil, nil), Affected: n}, nil
	}
	dplan := pl.Query.Distributed
	if q.Analyze {
		return c.analyze(ctx, dplan, q.Tables, workers, pl.Query.Planning) // analyze.go
	}
	if q.Explain {
		return c.explain(ctx, dplan) // analyze.go
	}
	return c.start(ctx, dplan, q.Tables, workers)
}

// releaseWhenDone releases l once query id's tasks have all ended.
func (c *Coordinator) releaseWhenDone(id stage.QueryID, l *lease) {
	r := c.queries.get(id)
	if r == nil {
		c.releaseFiles(l)
		return
	}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		<-r.done
		c.releaseFiles(l)
	}()
}

// ExecuteUpdate runs a statement that returns a row count (DDL, INSERT) in
// sess, inside the transaction of ctx if it has one (WithTxn).
func (c *Coordinator) ExecuteUpdate(ctx context.Context, sess *Session, sql string) (int64, error) {
	ctx = withStatement(ctx, sess, sql)
	return inTxn(ctx, func() (int64, error) {
		l := c.acquireFiles() // a write reads the snapshots it binds (INSERT ... SELECT, DELETE, UPDATE)
		defer c.releaseFiles(l)
		return c.executeUpdate(ctx, sess, sql)
	})
}

func (c *Coordinator) executeUpdate(ctx context.Context, sess *Session, sql string) (int64, error) {
	pl, workers, err := c.plan(ctx, sess, sql)
	if err != nil {
		return 0, err
	}
	stmt := pl.Stmt
	if ok, err := c.runSession(ctx, sess, stmt); ok {
		return 0, err
	}
	ctx = c.withLimits(ctx, sess)
	if _, ok := stmt.(*binder.Query); ok {
		return 0, qerr.ErrInvalid.New("a query returns rows: execute it as a query, not an update")
	}
	return c.runUpdate(ctx, stmt, workers)
}

// plan parses, binds and plans one statement in the session's current
// database, returning it with the live workers it is planned for.
func (c *Coordinator) plan(ctx context.Context, sess *Session, sql string) (*Planned, []*Member, error) {
	return c.planIn(ctx, sess, c.catalogFor(ctx), sess.Database(), sql, nil, nil)
}

// planIn plans sql for sess against cat in database db, its ? markers as
// values of types (binder.WithParams).
func (c *Coordinator) planIn(ctx context.Context, sess *Session, cat catalog.Catalog, db, sql string, types []arrow.DataType, values []*stage.Literal) (*Planned, []*Member, error) {
	tree, err := binder.ParseWithin(sql, c.cfg.Limits)
	if err != nil {
		return nil, nil, err
	}
	return c.planParsed(ctx, sess, cat, db, tree, types, values)
}

// planParsed is planIn of a parsed statement: the pipeline (Plan) against
// what the session's principal may see, for the session's workers.
func (c *Coordinator) planParsed(ctx context.Context, sess *Session, cat catalog.Catalog, db string, tree ast.StmtNode, types []arrow.DataType, values []*stage.Literal) (*Planned, []*Member, error) {
	workers := sessionWorkers(sess, c.members.Live())
	cat, err := c.visible(ctx, sess, cat)
	if err != nil {
		return nil, nil, err
	}
	ps := PlanSession{Database: db, Env: c.env(sess), Limits: c.cfg.Limits, ParamTypes: types, Params: values}
	pl, err := planTree(ctx, cat, ps, tree, c.cluster(workers))
	if err != nil {
		return nil, nil, err
	}
	// Every statement is checked here, between planning and running, with
	// everything the binder found it reads and writes.
	if err := c.authorize(ctx, sess, pl.Accesses); err != nil {
		return nil, nil, err
	}
	return pl, workers, nil
}

// cluster is what the physical planner knows of workers.
func (c *Coordinator) cluster(workers []*Member) physical.Cluster {
	return physical.Cluster{Workers: max(len(workers), 1), BroadcastRows: c.cfg.BroadcastRows, BroadcastBytes: c.cfg.BroadcastBytes,
		NoRuntimeFilters: c.cfg.NoRuntimeFilters}
}

// runWrite runs the statements that write table data (and CREATE INDEX),
// alike in and out of a transaction: each stages its commit in the
// transaction of ctx when there is one. ok is false for other statements.
func (c *Coordinator) runWrite(ctx context.Context, stmt binder.Statement, workers []*Member) (n int64, ok bool, err error) {
	defer c.beginWrite()() // until its files are committed, staged or removed
	switch s := stmt.(type) {
	case *binder.Insert:
		n, err = c.insert(ctx, s, workers)
	case *binder.CreateTableAs:
		n, err = c.createTableAs(ctx, s, workers)
	case *binder.Truncate:
		n, err = c.truncate(ctx, s)
	case *binder.Delete:
		n, err = c.delete(ctx, s, workers)
	case *binder.Update:
		n, err = c.update(ctx, s, workers)
	case *binder.Upsert:
		n, err = c.upsert(ctx, s, workers)
	case *binder.CreateIndex:
		n = c.createIndex(s)
	case *binder.Analyze:
		n, err = c.analyzeTables(ctx, s, workers)
	default:
		return 0, false, nil
	}
	return n, true, err
}

func (c *Coordinator) runUpdate(ctx context.Context, stmt binder.Statement, workers []*Member) (int64, error) {
	if ok, err := c.runGrant(ctx, stmt); ok {
		return 0, err // privileges change at once, inside a transaction too, as MySQL's implicit commit
	}
	if n, ok, err := c.runWrite(ctx, stmt, workers); ok {
		return n, err
	}
	if s, ok := stmt.(*binder.CreateTable); ok && s.Table.External != nil {
		if err := c.completeExternal(ctx, s, workers); err != nil {
			return 0, err
		}
	}
	if txnFrom(ctx) != nil {
		return c.runUpdateInTxn(ctx, stmt)
	}
	switch s := stmt.(type) {
	case *binder.CreateDatabase:
		return 0, c.cat.CreateDatabase(ctx, s.Name, s.IfNotExists)
	case *binder.DropDatabase:
		return 0, c.cat.DropDatabase(ctx, s.Name, s.IfExists)
	case *binder.CreateTable:
		return 0, c.cat.CreateTable(ctx, s.Table, s.IfNotExists)
	case *binder.DropTable:
		err := c.commitRetiring(func() ([]*catalog.Table, error) {
			t, err := c.cat.DropTable(ctx, s.Database, s.Name, s.IfExists)
			if t == nil {
				return nil, err
			}
			return []*catalog.Table{t}, err
		})
		return 0, err
	case *binder.RenameTable:
		return c.rename(ctx, s)
	case *binder.AlterTable:
		return 0, c.alterTable(ctx, s)
	case *binder.CreateView:
		return 0, c.cat.CreateView(ctx, s.View, s.OrReplace)
	case *binder.DropView:
		return 0, c.cat.DropView(ctx, s.Database, s.Name, s.IfExists)
	}
	return 0, qerr.ErrUnsupported.New("statement %T", stmt)
}

// tableDir is a table's directory relative to the data directory. The table
// ID keeps a re-created table's files apart from its predecessor's.
func tableDir(t *catalog.Table) string {
	return filepath.Join("tables", strings.ToLower(t.Database), fmt.Sprintf("%s.%d", strings.ToLower(t.Name), t.ID))
}

// removeFiles deletes data files that no snapshot refers to any more (a
// dropped table's, a failed write's). A file it cannot delete is left for
// the orphan collector (orphans.go).
func (c *Coordinator) removeFiles(files []catalog.DataFile) {
	for _, f := range files {
		if err := os.Remove(filepath.Join(c.cfg.DataDir, f.Path)); err != nil && !os.IsNotExist(err) {
			c.log.Warn("remove data file", zap.String("path", f.Path), zap.Error(err))
		}
	}
}
