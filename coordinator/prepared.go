package coordinator

import (
	"bytes"
	"container/list"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
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
	// ID names the statement in the coordinator's cache of prepared
	// statements; the handles of one statement with different bound values
	// share it.
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
}

// ParamSchema is the schema of the parameter rows a client binds: one
// nullable column per marker, named by its position ($1, $2, ...).
func (p *Prepared) ParamSchema() *arrow.Schema {
	fields := make([]arrow.Field, len(p.Params))
	for i, t := range p.Params {
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
	schema := resultSchema(stmt)
	c.prepared.put(p.ID, &cachedStatement{schema: schema})
	return p, schema, nil
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
	ast, err := binder.ParseWithin(sql, c.cfg.Limits)
	if err != nil {
		return nil, nil, err
	}
	types, err := binder.New(c.catalogFor(ctx), db, 1).WithEnv(c.env(sess)).InferParams(ctx, ast)
	if err != nil {
		return nil, nil, err
	}
	stmt, _, err := c.bindIn(ctx, sess, c.catalogFor(ctx), db, sql, types, nil)
	if err != nil {
		return nil, nil, err
	}
	return types, stmt, nil
}

// resultSchema is the schema of what stmt returns.
func resultSchema(stmt binder.Statement) *arrow.Schema {
	q, ok := stmt.(*binder.Query)
	switch {
	case !ok:
		return arrow.NewSchema(nil, nil)
	case q.Explain:
		return arrow.NewSchema([]arrow.Field{{Name: "plan", Type: arrow.BinaryTypes.String, Nullable: true}}, nil)
	}
	return q.Plan.Schema()
}

// PreparedSchema is the result schema of p in sess as its tables are now.
func (c *Coordinator) PreparedSchema(ctx context.Context, sess *Session, p *Prepared) (*arrow.Schema, error) {
	if e, ok := c.prepared.get(p.ID); ok && e.schema != nil {
		return e.schema, nil
	}
	stmt, _, err := c.bindIn(ctx, sess, c.catalogFor(ctx), p.Database, p.SQL, p.Params, nil)
	if err != nil {
		return nil, err
	}
	schema := resultSchema(stmt)
	c.prepared.update(p.ID, func(e *cachedStatement) { e.schema = schema })
	return schema, nil
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
				return nil, qerr.ErrTooLarge.New("the bound parameters take more than %d bytes: bind fewer rows per execution, or load data by bulk ingest", limit)
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
	c.prepared.update(p.ID, func(e *cachedStatement) { e.rows = rows })
	return &out
}

// ClosePrepared forgets what the coordinator keeps for a prepared
// statement. Closing an unknown one is no error: the handle itself holds no
// resource.
func (c *Coordinator) ClosePrepared(p *Prepared) { c.prepared.remove(p.ID) }

// ExecutePrepared runs p as a query in sess, once per bound parameter row
// (see unionRows), and answers like Execute. A statement that is not a
// query runs as an update, and the Result carries its row count.
func (c *Coordinator) ExecutePrepared(ctx context.Context, sess *Session, p *Prepared) (*Result, error) {
	ctx = withStatement(ctx, sess, p.SQL)
	rows := p.Rows
	if rows == nil && len(p.Params) > 0 {
		if e, ok := c.prepared.get(p.ID); ok {
			rows = e.rows
		}
	}
	if !p.Query {
		n, err := c.ExecutePreparedUpdate(ctx, sess, p, rows)
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
	stmts, workers, err := c.bindRows(ctx, sess, p, rows)
	if err != nil {
		return nil, err
	}
	if len(stmts) == 1 {
		return c.run(ctx, sess, stmts[0], workers)
	}
	q, err := unionRows(stmts)
	if err != nil {
		return nil, err
	}
	return c.run(ctx, sess, q, workers)
}

// ExecutePreparedUpdate runs p as an update in sess with the bound rows.
// An INSERT bound with several rows is one write of all their rows,
// committed in one snapshot (executemany is atomic); a statement without
// parameters runs once.
func (c *Coordinator) ExecutePreparedUpdate(ctx context.Context, sess *Session, p *Prepared, rows [][]*stage.Literal) (int64, error) {
	ctx = withStatement(ctx, sess, p.SQL)
	if p.Query {
		return 0, qerr.ErrInvalid.New("a query returns rows: execute it as a query, not an update")
	}
	if len(p.Params) == 0 {
		rows = [][]*stage.Literal{nil}
	}
	if len(rows) == 0 {
		return 0, qerr.ErrInvalid.New("the statement has %d parameters and no values are bound", len(p.Params))
	}
	stmts, workers, err := c.bindRows(ctx, sess, p, rows)
	if err != nil {
		return 0, err
	}
	if len(stmts) == 1 {
		if ok, err := c.runSession(ctx, sess, stmts[0]); ok {
			return 0, err
		}
		return c.runUpdate(c.withLimits(ctx, sess), stmts[0], workers)
	}
	ctx = c.withLimits(ctx, sess)
	ins, err := concatInserts(stmts)
	if err != nil {
		return 0, err
	}
	return c.runUpdate(ctx, ins, workers)
}

// bindRows binds p once per parameter row, every row against the tables
// and views that the first read: one snapshot, one catalog read each.
func (c *Coordinator) bindRows(ctx context.Context, sess *Session, p *Prepared, rows [][]*stage.Literal) ([]binder.Statement, []*Member, error) {
	var workers []*Member
	stmts := make([]binder.Statement, len(rows))
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
		stmt, w, err := c.bindParsed(ctx, sess, cat, p.Database, tree, p.Params, row)
		if err != nil {
			if len(rows) > 1 {
				return nil, nil, qerr.CodeOf(err).Wrap(err, "parameter row %d", i+1)
			}
			return nil, nil, err
		}
		stmts[i], workers = stmt, w
	}
	return stmts, workers, nil
}

// snapshotCatalog answers the reads of tables and views from the first
// answer to each, for binding one statement many times. It is not safe for
// concurrent use.
type snapshotCatalog struct {
	catalog.Catalog
	tables map[[2]string]tableRead
	views  map[[2]string]viewRead
}

type tableRead struct {
	t   *catalog.Table
	err error
}

type viewRead struct {
	v   *catalog.View
	err error
}

func (s *snapshotCatalog) GetTable(ctx context.Context, db, name string) (*catalog.Table, error) {
	k := [2]string{db, name}
	r, ok := s.tables[k]
	if !ok {
		r.t, r.err = s.Catalog.GetTable(ctx, db, name)
		if s.tables == nil {
			s.tables = map[[2]string]tableRead{}
		}
		s.tables[k] = r
	}
	return r.t, r.err
}

func (s *snapshotCatalog) GetView(ctx context.Context, db, name string) (*catalog.View, error) {
	k := [2]string{db, name}
	r, ok := s.views[k]
	if !ok {
		r.v, r.err = s.Catalog.GetView(ctx, db, name)
		if s.views == nil {
			s.views = map[[2]string]viewRead{}
		}
		s.views[k] = r
	}
	return r.v, r.err
}

// unionRows is the query bound with several parameter rows: the plans bound
// per row under UNION ALL, each tagged with its row number, sorted by it
// and by the query's own ORDER BY, the tag projected away:
//
//	Project (the query's columns)
//	  Sort: row, the query's ORDER BY keys
//	    SetOp UNION ALL
//	      Project: 0 AS row, columns...
//	        (the plan bound with row 0)
//	      Project: 1 AS row, columns...
//	        (the plan bound with row 1)
//
// so the results come in parameter-row order, each in its own order. Scan
// IDs are renumbered apart; every row's plan reads the same snapshot.
func unionRows(stmts []binder.Statement) (*binder.Query, error) {
	first := stmts[0].(*binder.Query)
	if first.Explain {
		return nil, qerr.ErrInvalid.New("EXPLAIN binds one parameter row, not %d", len(stmts))
	}
	keys, ok := orderOf(first.Plan)
	if !ok {
		return nil, qerr.ErrUnsupported.New("a query bound with several parameter rows cannot ORDER BY a column it does not return")
	}
	schema := first.Plan.Schema()
	out := &binder.Query{Tables: map[int]*catalog.Table{}}
	union := &stage.SetOp{Kind: stage.UnionAll}
	offset := 0
	for i, s := range stmts {
		q := s.(*binder.Query)
		tag := &stage.Project{Input: renumberScans(q.Plan, offset), Names: []string{"row"},
			Exprs: []stage.Expr{&stage.Literal{Text: fmt.Sprint(i), T: arrow.PrimitiveTypes.Int64}}}
		for j, f := range schema.Fields() {
			tag.Names = append(tag.Names, f.Name)
			tag.Exprs = append(tag.Exprs, &stage.ColumnRef{Index: j, Name: f.Name, T: f.Type})
		}
		union.Inputs = append(union.Inputs, tag)
		n := 0
		for id, t := range q.Tables {
			out.Tables[id+offset] = t
			n = max(n, id+1)
		}
		offset += n
	}
	sort := &stage.Sort{Input: union, Keys: []stage.SortKey{{Expr: &stage.ColumnRef{Index: 0, Name: "row", T: arrow.PrimitiveTypes.Int64}}}}
	for _, k := range keys {
		ref := k.Expr.(*stage.ColumnRef)
		k.Expr = &stage.ColumnRef{Index: ref.Index + 1, Name: ref.Name, T: ref.T}
		sort.Keys = append(sort.Keys, k)
	}
	top := &stage.Project{Input: sort}
	for j, f := range schema.Fields() {
		top.Names = append(top.Names, f.Name)
		top.Exprs = append(top.Exprs, &stage.ColumnRef{Index: j + 1, Name: f.Name, T: f.Type})
	}
	out.Plan = top
	return out, nil
}

// orderOf is the ORDER BY of a query plan in terms of its output columns:
// the keys of the Sort under its top Projects and Limits. ok is false when
// a key is not an output column.
func orderOf(p stage.Plan) (keys []stage.SortKey, ok bool) {
	// out[k] is the output column that column k of the current node reaches.
	var out []int
	for i := range p.Schema().NumFields() {
		out = append(out, i)
	}
	for {
		switch n := p.(type) {
		case *stage.Limit:
			p = n.Input
			continue
		case *stage.Project:
			in := make([]int, n.Input.Schema().NumFields())
			for k := range in {
				in[k] = -1
			}
			for j, e := range n.Exprs {
				if ref, isRef := e.(*stage.ColumnRef); isRef && out[j] >= 0 && in[ref.Index] < 0 {
					in[ref.Index] = out[j]
				}
			}
			out, p = in, n.Input
			continue
		case *stage.Sort:
			for _, k := range n.Keys {
				ref, isRef := k.Expr.(*stage.ColumnRef)
				if !isRef || out[ref.Index] < 0 {
					return nil, false
				}
				k.Expr = &stage.ColumnRef{Index: out[ref.Index], Name: ref.Name, T: ref.T}
				keys = append(keys, k)
			}
		}
		return keys, true
	}
}

// renumberScans adds offset to the ID of every Scan of p.
func renumberScans(p stage.Plan, offset int) stage.Plan {
	if s, ok := p.(*stage.Scan); ok {
		c := *s
		c.ID += offset
		return &c
	}
	ch := p.Children()
	if len(ch) == 0 || offset == 0 {
		return p
	}
	out := make([]stage.Plan, len(ch))
	for i, c := range ch {
		out[i] = renumberScans(c, offset)
	}
	return p.WithChildren(out...)
}

// concatInserts is one INSERT of the rows of several, bound from the same
// statement.
func concatInserts(stmts []binder.Statement) (*binder.Insert, error) {
	first, ok := stmts[0].(*binder.Insert)
	if !ok {
		return nil, qerr.ErrInvalid.New("only INSERT runs with several parameter rows, not %d", len(stmts))
	}
	values := *first.Plan.(*stage.Values)
	values.Rows = nil
	for _, s := range stmts {
		values.Rows = append(values.Rows, s.(*binder.Insert).Plan.(*stage.Values).Rows...)
	}
	return &binder.Insert{Table: first.Table, Plan: &values}, nil
}

// A handle is "qps1" + HMAC-SHA256 of the payload + the payload, the JSON of
// a handleSpec, signed with a key derived from the cluster secret, so a
// forged or altered handle is refused and every coordinator of the cluster
// reads a genuine one.
var handleMagic = []byte("qps1")

const handleKeyPurpose = "quiver prepared statement handle v1"

type handleSpec struct {
	Version  int         `json:"v"`
	ID       string      `json:"id"`
	SQL      string      `json:"sql"`
	Database string      `json:"db"`
	User     string      `json:"user,omitempty"`
	Params   []string    `json:"params,omitempty"` // catalog.TypeString
	Query    bool        `json:"query,omitempty"`
	Rows     [][]*string `json:"rows,omitempty"` // values' texts; nil is NULL
}

const handleVersion = 1

func (c *Coordinator) handleMAC(payload []byte) []byte {
	m := hmac.New(sha256.New, c.signer.Derive(handleKeyPurpose))
	m.Write(payload)
	return m.Sum(nil)
}

// Handle is p's signed handle. A handle over MaxHandleBytes (a query's
// bound values are in it) is ErrTooLarge.
func (c *Coordinator) Handle(p *Prepared) ([]byte, error) {
	spec := handleSpec{Version: handleVersion, ID: p.ID, SQL: p.SQL, Database: p.Database, User: p.User, Query: p.Query}
	for _, t := range p.Params {
		spec.Params = append(spec.Params, catalog.TypeString(t))
	}
	for _, row := range p.Rows {
		texts := make([]*string, len(row))
		for i, v := range row {
			if !v.Null {
				texts[i] = &v.Text
			}
		}
		spec.Rows = append(spec.Rows, texts)
	}
	payload, err := json.Marshal(spec)
	if err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "encode prepared statement handle")
	}
	if n := len(handleMagic) + sha256.Size + len(payload); n > MaxHandleBytes {
		return nil, qerr.ErrTooLarge.New("the bound parameters make a prepared statement handle of %d bytes, more than %d: bind fewer rows per execution", n, MaxHandleBytes)
	}
	out := append(append([]byte(nil), handleMagic...), c.handleMAC(payload)...)
	return append(out, payload...), nil
}

// OpenPrepared reads a handle that a coordinator of this cluster signed, for
// sess. A handle that is not one is ErrInvalid, a forged or altered one, or
// one of another user, ErrUnauthorized.
func (c *Coordinator) OpenPrepared(sess *Session, handle []byte) (*Prepared, error) {
	rest, ok := bytes.CutPrefix(handle, handleMagic)
	if !ok || len(rest) < sha256.Size {
		return nil, qerr.ErrInvalid.New("not a prepared statement handle of this server")
	}
	mac, payload := rest[:sha256.Size], rest[sha256.Size:]
	if !hmac.Equal(mac, c.handleMAC(payload)) {
		return nil, qerr.ErrUnauthorized.New("prepared statement handle signature does not match")
	}
	var spec handleSpec
	if err := json.Unmarshal(payload, &spec); err != nil || spec.Version != handleVersion {
		return nil, qerr.ErrInvalid.New("prepared statement handle of an unknown version")
	}
	if spec.User != sess.User() {
		return nil, qerr.ErrUnauthorized.New("prepared statement belongs to another user")
	}
	p := &Prepared{ID: spec.ID, SQL: spec.SQL, Database: spec.Database, User: spec.User, Query: spec.Query}
	for _, s := range spec.Params {
		t, err := catalog.ParseType(s)
		if err != nil {
			return nil, qerr.ErrInvalid.Wrap(err, "prepared statement handle")
		}
		p.Params = append(p.Params, t)
	}
	for _, texts := range spec.Rows {
		if len(texts) != len(p.Params) {
			return nil, qerr.ErrInvalid.New("prepared statement handle: a row of %d values for %d parameters", len(texts), len(p.Params))
		}
		row := make([]*stage.Literal, len(texts))
		for i, text := range texts {
			row[i] = &stage.Literal{Null: text == nil, T: p.Params[i]}
			if text != nil {
				row[i].Text = *text
			}
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// statementCache keeps, per prepared statement ID, the schema computed at
// prepare time and the rows last bound, the least recently used forgotten
// beyond maxCachedStatements. Losing an entry (a restart) costs a re-bind
// or, for a client that does not adopt the handle DoPut returns, its bound
// rows; the handle itself stays valid.
type statementCache struct {
	mu    sync.Mutex
	order *list.List // of string IDs, most recent first
	byID  map[string]*list.Element
}

type cachedStatement struct {
	id     string
	schema *arrow.Schema
	rows   [][]*stage.Literal
}

func (s *statementCache) put(id string, e *cachedStatement) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putLocked(id, e)
}

func (s *statementCache) putLocked(id string, e *cachedStatement) {
	if s.byID == nil {
		s.order, s.byID = list.New(), map[string]*list.Element{}
	}
	e.id = id
	if el, ok := s.byID[id]; ok {
		el.Value = e
		s.order.MoveToFront(el)
		return
	}
	s.byID[id] = s.order.PushFront(e)
	for s.order.Len() > maxCachedStatements {
		last := s.order.Back()
		s.order.Remove(last)
		delete(s.byID, last.Value.(*cachedStatement).id)
	}
}

func (s *statementCache) get(id string) (cachedStatement, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byID[id]
	if !ok {
		return cachedStatement{}, false
	}
	s.order.MoveToFront(el)
	return *el.Value.(*cachedStatement), true
}

// update changes the entry of id, creating it if it was forgotten.
func (s *statementCache) update(id string, fn func(*cachedStatement)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &cachedStatement{}
	if el, ok := s.byID[id]; ok {
		*e = *el.Value.(*cachedStatement)
	}
	fn(e)
	s.putLocked(id, e)
}

func (s *statementCache) remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byID[id]; ok {
		s.order.Remove(el)
		delete(s.byID, id)
	}
}
