package coordinator

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Prepared is a prepared statement: everything a coordinator needs to run
// it, so that its handle (Handle, OpenPrepared) serves on any coordinator of
// the cluster, a restarted one included. It is immutable.
//
// A statement is parsed and bound again at every execution, with the
// bound values as constants of the parameters' types: the binder reads the
// tables' current snapshots, so a plan kept from an earlier execution
// would read stale data, and parse plus bind cost far less than running
// the plan on the workers.
type Prepared struct {
	// ID names the statement in the coordinator's cache of bound rows
	// (statementCache); the handles of one statement with different bound
	// values share it.
	ID  string
	SQL string
	// Database was current when the statement was prepared: its names
	// bind there whatever the session's current database is later.
	Database string
	User     string
	// Params are the types of the ? markers, in the order they appear.
	Params []arrow.DataType
	// Query says that the statement returns rows; others run as updates.
	Query bool
	// Rows are the parameter rows bound for a query (DoPut of
	// CommandPreparedStatementQuery); nil when none are.
	Rows [][]*stage.Literal
	// Txn is the transaction the statement was prepared in (Flight SQL
	// gives it at CreatePreparedStatement only); every execution runs in
	// it. Empty outside a transaction.
	Txn string
}

// ParamSchema is the schema of the parameter rows a client binds: one
// nullable column per marker, named by its position ($1, $2, ...).
//
// A timestamp parameter is advertised in milliseconds: the Flight SQL JDBC
// driver (18.3) writes a java.sql.Timestamp's epoch milliseconds into a
// vector of the advertised unit without converting them. A value of any
// unit still converts to the parameter's own type (ParamValue), so a client
// that sends microseconds keeps them.
func (p *Prepared) ParamSchema() *arrow.Schema {
	fields := make([]arrow.Field, len(p.Params))
	for i, t := range p.Params {
		if ts, ok := t.(*arrow.TimestampType); ok {
			t = &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: ts.TimeZone}
		}
		fields[i] = arrow.Field{Name: fmt.Sprintf("$%d", i+1), Type: t, Nullable: true}
	}
	return arrow.NewSchema(fields, nil)
}

// Limits of prepared statements.
const (
	// MaxHandleBytes bounds a handle: it carries a query's bound values
	// through the client and back.
	MaxHandleBytes = 2 << 20
	// MaxBoundBytes bounds the values bound to one execution of an update;
	// they travel to a worker inside its task.
	MaxBoundBytes = 64 << 20
	// maxCachedStatements bounds the cache of prepared statements.
	maxCachedStatements = 4096
)

// Prepare parses and binds sql in sess's current database, inferring the
// types of its ? markers, and returns the statement with the schema of its
// result (no fields for a statement that returns none). Nothing runs.
func (c *Coordinator) Prepare(ctx context.Context, sess *Session, sql string) (*Prepared, *arrow.Schema, error) {
	db := sess.Database()
	types, stmt, err := c.describe(ctx, sess, db, sql)
	if err != nil {
		return nil, nil, err
	}
	var id [12]byte
	_, _ = rand.Read(id[:])
	_, isQuery := stmt.(*binder.Query)
	p := &Prepared{ID: hex.EncodeToString(id[:]), SQL: sql, Database: db, User: sess.User(), Params: types, Query: isQuery}
	if t := txnFrom(ctx); t != nil {
		p.Txn = t.id
	}
	return p, resultSchema(stmt), nil
}

// Describe is the schema of what sql returns in sess (GetSchema), without
// running it.
func (c *Coordinator) Describe(ctx context.Context, sess *Session, sql string) (*arrow.Schema, error) {
	_, stmt, err := c.describe(ctx, sess, sess.Database(), sql)
	if err != nil {
		return nil, err
	}
	return resultSchema(stmt), nil
}

// describe binds sql twice: once to learn the types of its markers, then
// with them as typed NULLs, the statement whose schema an execution
// delivers.
func (c *Coordinator) describe(ctx context.Context, sess *Session, db, sql string) ([]arrow.DataType, binder.Statement, error) {
	tree, err := binder.ParseWithin(sql, c.cfg.Limits)
	if err != nil {
		return nil, nil, err
	}
	types, err := binder.New(c.catalogFor(ctx), db).WithEnv(c.env(sess)).InferParams(ctx, tree)
	if err != nil {
		return nil, nil, err
	}
	pl, _, err := c.planIn(ctx, sess, c.catalogFor(ctx), db, sql, types, nil)
	if err != nil {
		return nil, nil, err
	}
	return types, pl.Stmt, nil
}

// resultSchema is the schema of what stmt returns.
func resultSchema(stmt binder.Statement) *arrow.Schema {
	q, ok := stmt.(*binder.Query)
	switch {
	case !ok:
		return arrow.NewSchema(nil, nil)
	case q.Explain:
		return (&stage.Values{Names: []string{"plan"}, Types: []arrow.DataType{arrow.BinaryTypes.String}}).Schema()
	}
	return q.Plan.Schema()
}

// PreparedSchema is the result schema of p in sess as its tables are now.
func (c *Coordinator) PreparedSchema(ctx context.Context, sess *Session, p *Prepared) (*arrow.Schema, error) {
	pl, _, err := c.planIn(ctx, sess, c.catalogFor(ctx), p.Database, p.SQL, p.Params, nil)
	if err != nil {
		return nil, err
	}
	return resultSchema(pl.Stmt), nil
}

// ReadParams reads the parameter rows a client binds (one column per
// marker) as literals of the parameters' types (binder.ParamValue). Rows
// whose values' texts exceed limit bytes are ErrTooLarge.
func (c *Coordinator) ReadParams(p *Prepared, rdr array.RecordReader, limit int) ([][]*stage.Literal, error) {
	var rows [][]*stage.Literal
	size := 0
	for rdr.Next() {
		rec := rdr.RecordBatch()
		if int(rec.NumCols()) != len(p.Params) {
			return nil, qerr.ErrInvalid.New("the statement has %d parameters, the bound rows have %d columns", len(p.Params), rec.NumCols())
		}
		for r := range int(rec.NumRows()) {
			row := make([]*stage.Literal, len(p.Params))
			for i, t := range p.Params {
				v, err := binder.ParamValue(i, t, rec.Column(i), r)
				if err != nil {
					return nil, err
				}
				row[i] = v
				size += len(v.Text) + 8
			}
			if size > limit {
				return nil, qerr.ErrTooLarge.New("the bound parameters take more than %d bytes: bind fewer rows per execution (an update's rows, as executemany sends them, may take %d), or load data by bulk ingest", limit, MaxBoundBytes)
			}
			rows = append(rows, row)
		}
	}
	if err := rdr.Err(); err != nil {
		return nil, qerr.ErrInvalid.Wrap(err, "read parameter rows")
	}
	return rows, nil
}

// WithRows is p with rows bound for its next executions as a query. The
// coordinator remembers them under p's ID too, for a client that keeps
// executing the handle it had before binding.
func (c *Coordinator) WithRows(p *Prepared, rows [][]*stage.Literal) *Prepared {
	out := *p
	out.Rows = rows
	c.prepared.put(p.ID, rows)
	return &out
}

// ClosePrepared forgets what the coordinator keeps for a prepared
// statement. Closing an unknown one is no error: the handle itself holds no
// resource.
func (c *Coordinator) ClosePrepared(p *Prepared) { c.prepared.remove(p.ID) }

// ExecutePrepared runs p as a query in sess, once per bound parameter row
// (see unionRows), and answers like Execute. A statement that is not a
// query runs as an update (ExecutePreparedUpdate), and the Result carries
// its row count.
func (c *Coordinator) ExecutePrepared(ctx context.Context, sess *Session, p *Prepared, mem memory.Allocator) (*Result, error) {
	ctx = withStatement(ctx, sess, p.SQL)
	rows := p.Rows
	if rows == nil && len(p.Params) > 0 {
		rows = c.prepared.get(p.ID)
	}
	if !p.Query {
		n, err := c.ExecutePreparedUpdate(ctx, sess, p, rows, mem)
		if err != nil {
			return nil, err
		}
		return &Result{Schema: arrow.NewSchema(nil, nil), Affected: n}, nil
	}
	if len(rows) == 0 {
		if len(p.Params) > 0 {
			return nil, qerr.ErrInvalid.New("the statement has %d parameters and no values are bound", len(p.Params))
		}
		rows = [][]*stage.Literal{nil}
	}
	return c.leased(ctx, func() (*Result, error) {
		pls, workers, err := c.planEachRow(ctx, sess, p, rows)
		if err != nil {
			return nil, err
		}
		if len(pls) == 1 {
			return c.run(ctx, sess, pls[0], workers)
		}
		q, err := unionRows(pls)
		if err != nil {
			return nil, err
		}
		union := &Planned{Stmt: q}
		if union.Query, err = planQuery(ctx, q.Plan, q.Tables, c.cluster(workers)); err != nil {
			return nil, err
		}
		return c.run(ctx, sess, union, workers)
	})
}

// ExecutePreparedUpdate runs p as an update in sess with the bound rows.
// An INSERT bound with several rows is one write of all their rows,
// committed in one snapshot (executemany is atomic): INSERT ... VALUES
// (?, ...) of markers only loads them like a bulk ingest, as batches (from
// mem) spread over the workers; other INSERTs write one VALUES of them all.
// A statement without parameters runs once.
func (c *Coordinator) ExecutePreparedUpdate(ctx context.Context, sess *Session, p *Prepared, rows [][]*stage.Literal, mem memory.Allocator) (int64, error) {
	ctx = withStatement(ctx, sess, p.SQL)
	return inTxn(ctx, func() (int64, error) {
		l := c.acquireFiles() // a write reads the snapshots it binds (INSERT ... SELECT, DELETE, UPDATE)
		defer c.releaseFiles(l)
		return c.executePreparedUpdate(ctx, sess, p, rows, mem)
	})
}

func (c *Coordinator) executePreparedUpdate(ctx context.Context, sess *Session, p *Prepared, rows [][]*stage.Literal, mem memory.Allocator) (int64, error) {
	if p.Query {
		return 0, qerr.ErrInvalid.New("a query returns rows: execute it as a query, not an update")
	}
	if len(p.Params) == 0 {
		rows = [][]*stage.Literal{nil}
	}
	if len(rows) == 0 {
		return 0, qerr.ErrInvalid.New("the statement has %d parameters and no values are bound", len(p.Params))
	}
	if len(rows) > 1 {
		first, _, err := c.planEachRow(ctx, sess, p, rows[:1])
		if err != nil {
			return 0, err
		}
		if ins, ok := first[0].Stmt.(*binder.Insert); ok && ins.Fill != nil {
			return c.loadRows(ctx, sess, ins, rows, mem)
		}
	}
	pls, workers, err := c.planEachRow(ctx, sess, p, rows)
	if err != nil {
		return 0, err
	}
	if len(pls) == 1 {
		if ok, err := c.runSession(ctx, sess, pls[0].Stmt); ok {
			return 0, err
		}
		return c.runUpdate(c.withLimits(ctx, sess), pls[0].Stmt, workers)
	}
	ctx = c.withLimits(ctx, sess)
	ins, err := concatInserts(pls)
	if err != nil {
		return 0, err
	}
	return c.runUpdate(ctx, ins, workers)
}

// planEachRow plans p once per parameter row, every row against the tables
// and views that the first read: one snapshot, one catalog read each.
func (c *Coordinator) planEachRow(ctx context.Context, sess *Session, p *Prepared, rows [][]*stage.Literal) ([]*Planned, []*Member, error) {
	var workers []*Member
	pls := make([]*Planned, len(rows))
	cat := c.catalogFor(ctx)
	if len(rows) > 1 {
		cat = &snapshotCatalog{Catalog: cat}
	}
	var parsed ast.StmtNode // kept when it binds again unchanged
	for i, row := range rows {
		tree := parsed
		if tree == nil {
			var err error
			if tree, err = binder.ParseWithin(p.SQL, c.cfg.Limits); err != nil {
				return nil, nil, err
			}
			if binder.Rebindable(tree) {
				parsed = tree
			}
		}
		pl, w, err := c.planParsed(ctx, sess, cat, p.Database, tree, p.Params, row)
		if err != nil {
			if len(rows) > 1 {
				return nil, nil, qerr.CodeOf(err).Wrap(err, "parameter row %d", i+1)
			}
			return nil, nil, err
		}
		pls[i], workers = pl, w
	}
	return pls, workers, nil
}

// snapshotCatalog answers the reads of tables and views from the first
// answer to each, for binding one statement many times. It is not safe for
// concurrent use.
type snapshotCatalog struct {
	catalog.Catalog
	tables map[[2]string]read[*catalog.Table]
	views  map[[2]string]read[*catalog.View]
}

type read[T any] struct {
	v   T
	err error
}

// remember answers the read of db.name from m, reading it with get the
// first time.
func remember[T any](m *map[[2]string]read[T], db, name string, get func() (T, error)) (T, error) {
	k := [2]string{db, name}
	r, ok := (*m)[k]
	if !ok {
		r.v, r.err = get()
		if *m == nil {
			*m = map[[2]string]read[T]{}
		}
		(*m)[k] = r
	}
	return r.v, r.err
}

func (s *snapshotCatalog) GetTable(ctx context.Context, db, name string) (*catalog.Table, error) {
	return remember(&s.tables, db, name, func() (*catalog.Table, error) { return s.Catalog.GetTable(ctx, db, name) })
}

func (s *snapshotCatalog) GetView(ctx context.Context, db, name string) (*catalog.View, error) {
	return remember(&s.views, db, name, func() (*catalog.View, error) { return s.Catalog.GetView(ctx, db, name) })
}
