package coordinator

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/qerr"
)

// Transactions: snapshot isolation over table snapshots.
//
// Begin pins the current snapshot of every table (catalog metadata only:
// data files are immutable, so a pinned snapshot stays readable for as long
// as its files are not deleted, and retire keeps them while a transaction
// that may read them is open). A statement in the transaction binds against
// the pinned snapshots plus the transaction's own pending changes. Writes run
// on the workers as always, but their files are staged in the transaction as
// catalog.Changes and committed at Commit, every table in one catalog
// transaction, or deleted at Rollback.
//
// Conflicts: appends never conflict. A change prepared against a table that
// someone else dropped or replaced since the transaction pinned it fails the
// commit with ErrConflict (ABORTED) and rolls the transaction back; so does a
// rewrite (DELETE, UPDATE, TRUNCATE) of a file that someone else rewrote or
// removed meanwhile.
//
// DDL: CREATE TABLE [AS SELECT] and DROP TABLE inside a transaction are
// pending changes like writes; database and view DDL and RENAME are refused
// (ErrUnsupported).

// DefaultTxnIdleTimeout is how long a transaction may sit without a
// statement before it is rolled back, when Config.TxnIdleTimeout is zero.
const DefaultTxnIdleTimeout = 5 * time.Minute

// txnState is where a transaction is in its life.
type txnState int

const (
	txnOpen txnState = iota
	txnEnding
	txnDone
)

// Txn is one open transaction. Its ID is random and unguessable; it is
// bound to the user that began it. Safe for concurrent use: statements of
// one transaction may run in parallel.
type Txn struct {
	id      string
	user    string
	sess    *Session
	started time.Time
	lease   *lease // keeps the pinned snapshots' files from deletion

	mu       sync.Mutex
	state    txnState
	active   int // statements running in it; the reaper leaves it alone meanwhile
	lastUsed time.Time
	pinned   map[string]*catalog.Table // by tableKey, as of Begin
	changes  map[string]*catalog.Change
	order    []string           // tableKeys of changes, in first-change order
	garbage  []catalog.DataFile // pending files a later change superseded
}

// ID is the transaction's identifier, as Flight SQL carries it.
func (t *Txn) ID() string { return t.id }

func tableKey(db, name string) string { return strings.ToLower(db) + "." + strings.ToLower(name) }

type txnKey struct{}

// WithTxn returns a context whose statements run in txn: Execute,
// ExecuteUpdate and Ingest read it from there.
func WithTxn(ctx context.Context, txn *Txn) context.Context {
	return context.WithValue(ctx, txnKey{}, txn)
}

func txnFrom(ctx context.Context) *Txn {
	t, _ := ctx.Value(txnKey{}).(*Txn)
	return t
}

// txnRegistry is the coordinator's open transactions by ID. Its zero value
// is ready to use.
type txnRegistry struct {
	mu   sync.Mutex
	open map[string]*Txn
}

// BeginTxn starts a transaction of sess's user and pins every table's
// current snapshot.
func (c *Coordinator) BeginTxn(ctx context.Context, sess *Session) (*Txn, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, qerr.ErrInternal.Wrap(err, "transaction id")
	}
	l := c.acquireFiles()
	tables, err := c.cat.Tables(ctx)
	if err != nil {
		c.releaseFiles(l)
		return nil, err
	}
	now := time.Now()
	t := &Txn{id: hex.EncodeToString(b[:]), user: sess.User(), sess: sess, started: now, lastUsed: now, lease: l,
		pinned: make(map[string]*catalog.Table, len(tables)), changes: map[string]*catalog.Change{}}
	for _, tbl := range tables {
		t.pinned[tableKey(tbl.Database, tbl.Name)] = tbl
	}
	c.txns.mu.Lock()
	defer c.txns.mu.Unlock()
	if c.ctx.Err() != nil {
		c.releaseFiles(l)
		return nil, qerr.ErrUnavailable.New("the coordinator is shutting down")
	}
	if c.txns.open == nil {
		c.txns.open = map[string]*Txn{}
	}
	c.txns.open[t.id] = t
	c.log.Info("transaction began", zap.String("txn", t.id), zap.Int("tables", len(tables)))
	return t, nil
}

// Txn returns the open transaction id of sess's user: ErrNotFound for an
// unknown, finished or rolled-back one (a transaction of another user is
// unknown to this one).
func (c *Coordinator) Txn(id string, sess *Session) (*Txn, error) {
	c.txns.mu.Lock()
	t := c.txns.open[id]
	c.txns.mu.Unlock()
	if t == nil || t.user != sess.User() {
		return nil, qerr.ErrNotFound.New("transaction %q does not exist or has ended (committed, rolled back, or idle too long)", id)
	}
	return t, nil
}

// SessionTxn is the one open transaction begun in sess, or nil: what a
// statement that carries no transaction ID joins (the Go ADBC driver sends
// bulk ingest without one).
func (c *Coordinator) SessionTxn(sess *Session) *Txn {
	c.txns.mu.Lock()
	defer c.txns.mu.Unlock()
	var found *Txn
	for _, t := range c.txns.open {
		if t.sess == sess {
			if found != nil {
				return nil
			}
			found = t
		}
	}
	return found
}

// CommitTxn makes every change of t visible at once, in one catalog
// transaction, and ends t. If the commit fails (ErrConflict when a table it
// changed was dropped or replaced meanwhile), t is rolled back.
func (c *Coordinator) CommitTxn(ctx context.Context, t *Txn) error {
	if err := t.end(); err != nil {
		return err
	}
	changes := t.pending()
	var err error
	if len(changes) > 0 { // a read-only transaction writes nothing
		err = c.commitRetiring(func() ([]*catalog.Table, error) { return c.cat.Commit(ctx, changes) })
	}
	c.endTxn(t)
	if err != nil {
		c.discard(changes, t)
		c.log.Info("transaction commit failed, rolled back", zap.String("txn", t.id), zap.Error(err))
		return err
	}
	c.removeFiles(t.garbage)
	c.log.Info("transaction committed", zap.String("txn", t.id), zap.Int("tables", len(changes)))
	return nil
}

// RollbackTxn discards every change of t and ends it.
func (c *Coordinator) RollbackTxn(_ context.Context, t *Txn) error {
	if err := t.end(); err != nil {
		return err
	}
	c.rollback(t, "rolled back")
	return nil
}

// RollbackSession rolls back every open transaction begun in sess: a closed
// or expired session's writes never become visible.
func (c *Coordinator) RollbackSession(sess *Session) {
	for _, t := range c.openTxns() {
		if t.sess == sess && t.end() == nil {
			c.rollback(t, "rolled back with its session")
		}
	}
}

func (c *Coordinator) rollback(t *Txn, why string) {
	changes := t.pending()
	c.endTxn(t)
	c.discard(changes, t)
	c.log.Info("transaction "+why, zap.String("txn", t.id), zap.Int("tables", len(changes)))
}

// discard deletes the files of changes that will never be committed. No
// lease guards them: only the transaction itself ever saw them.
func (c *Coordinator) discard(changes []catalog.Change, t *Txn) {
	for _, ch := range changes {
		c.removeFiles(ch.Files)
	}
	c.removeFiles(t.garbage)
}

// endTxn removes t from the registry and releases its snapshot lease.
func (c *Coordinator) endTxn(t *Txn) {
	c.txns.mu.Lock()
	delete(c.txns.open, t.id)
	c.txns.mu.Unlock()
	t.mu.Lock()
	t.state = txnDone
	t.mu.Unlock()
	c.releaseFiles(t.lease)
}

func (c *Coordinator) openTxns() []*Txn {
	c.txns.mu.Lock()
	defer c.txns.mu.Unlock()
	out := make([]*Txn, 0, len(c.txns.open))
	for _, t := range c.txns.open {
		out = append(out, t)
	}
	return out
}

// reapTxns rolls back, until the coordinator closes, every transaction idle
// for longer than the idle timeout: a client that died mid-transaction
// leaves nothing behind.
func (c *Coordinator) reapTxns() {
	timeout := c.cfg.TxnIdleTimeout
	if timeout <= 0 {
		timeout = DefaultTxnIdleTimeout
	}
	c.every(min(timeout/4, time.Second), func() {
		for _, t := range c.openTxns() {
			if t.idleSince(timeout) && t.end() == nil {
				c.rollback(t, "rolled back after idling")
			}
		}
	})
}

// rollbackAll rolls back every open transaction (coordinator shutdown).
func (c *Coordinator) rollbackAll() {
	for _, t := range c.openTxns() {
		if t.end() == nil {
			c.rollback(t, "rolled back at shutdown")
		}
	}
}

// enter starts a statement in t; leave ends it.
func (t *Txn) enter() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != txnOpen {
		return qerr.ErrNotFound.New("transaction %q has ended", t.id)
	}
	t.active++
	t.lastUsed = time.Now()
	return nil
}

func (t *Txn) leave() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.active--
	t.lastUsed = time.Now()
}

// end moves t from open to ending, once: the caller then owns finishing it.
// A statement still running in t is an error (finish or cancel it first).
func (t *Txn) end() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case t.state != txnOpen:
		return qerr.ErrNotFound.New("transaction %q has ended", t.id)
	case t.active > 0:
		return qerr.ErrInvalid.New("transaction %q has %d statements running: wait for them before ending it", t.id, t.active)
	}
	t.state = txnEnding
	return nil
}

func (t *Txn) idleSince(d time.Duration) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state == txnOpen && t.active == 0 && time.Since(t.lastUsed) > d
}

// pending is t's changes in the order their tables were first changed.
func (t *Txn) pending() []catalog.Change {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]catalog.Change, 0, len(t.order))
	for _, k := range t.order {
		if ch := t.changes[k]; ch != nil {
			out = append(out, *ch)
		}
	}
	return out
}

// table is what t sees under db.name: its own pending version, or the
// snapshot pinned at Begin, or nil when the table does not exist for t.
func (t *Txn) table(db, name string) *catalog.Table {
	t.mu.Lock()
	defer t.mu.Unlock()
	k := tableKey(db, name)
	if ch := t.changes[k]; ch != nil {
		switch ch.Kind {
		case catalog.ChangeDrop:
			return nil
		case catalog.ChangeCreate, catalog.ChangeReplace:
			tbl := *ch.Table
			tbl.Snapshot = catalog.Snapshot{Files: append([]catalog.DataFile(nil), ch.Files...)}
			return &tbl
		}
		p := t.pinned[k]
		if p == nil { // an append or rewrite is staged only onto a table t saw
			return nil
		}
		tbl := *p
		tbl.Snapshot.Files = append(filesWithout(tbl.Snapshot.Files, ch.Remove), ch.Files...)
		return &tbl
	}
	if p := t.pinned[k]; p != nil {
		tbl := *p
		return &tbl
	}
	return nil
}

// tables are the tables of database db that t sees.
func (t *Txn) tables(db string) []*catalog.Table {
	t.mu.Lock()
	var names [][2]string
	seen := map[string]bool{}
	for k, p := range t.pinned {
		if strings.EqualFold(p.Database, db) {
			names, seen[k] = append(names, [2]string{p.Database, p.Name}), true
		}
	}
	for k, ch := range t.changes {
		if !seen[k] && strings.EqualFold(ch.Database, db) {
			names = append(names, [2]string{ch.Database, ch.Name})
		}
	}
	t.mu.Unlock()
	var out []*catalog.Table
	for _, n := range names {
		if tbl := t.table(n[0], n[1]); tbl != nil {
			out = append(out, tbl)
		}
	}
	return out
}

// stage adds ch to t's pending changes, merged with what t already holds for
// that table, so that each table has one change: files added to a table
// created or replaced in t join its first snapshot; a replace or drop
// supersedes the files t wrote before it (they go to garbage, deleted when t
// ends). It fails when t has ended; the caller then deletes ch's files.
func (t *Txn) stage(ch catalog.Change) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != txnOpen {
		return qerr.ErrNotFound.New("transaction %q has ended", t.id)
	}
	k := tableKey(ch.Database, ch.Name)
	prev := t.changes[k]
	if prev == nil {
		t.changes[k] = &ch
		t.order = append(t.order, k)
		return nil
	}
	switch ch.Kind {
	case catalog.ChangeAppend, catalog.ChangeRewrite:
		if prev.Kind == catalog.ChangeDrop || (prev.Table != nil && prev.Table.ID != ch.TableID) || (prev.Table == nil && prev.TableID != ch.TableID) {
			return qerr.ErrConflict.New("table %s.%s changed in this transaction while the write ran", ch.Database, ch.Name)
		}
		// Files t wrote and now rewrites never reach the catalog; the
		// committed files it rewrites are removed at commit.
		pending := make(map[string]bool, len(prev.Files))
		for _, f := range prev.Files {
			pending[f.Path] = true
		}
		var gone []catalog.DataFile
		for _, f := range ch.Remove {
			if pending[f.Path] {
				gone = append(gone, f)
			} else if prev.Table == nil {
				prev.Remove = append(prev.Remove, f)
				prev.Kind = catalog.ChangeRewrite
			}
		}
		t.garbage = append(t.garbage, gone...)
		prev.Files = append(filesWithout(prev.Files, gone), ch.Files...)
		return nil
	case catalog.ChangeCreate:
		if prev.Kind != catalog.ChangeDrop {
			return qerr.ErrAlreadyExists.New("table %s.%s already exists", ch.Database, ch.Name)
		}
		// Dropped and created again in t: at commit, one replace of the
		// table that was there.
		ch.Kind, ch.TableID = catalog.ChangeReplace, prev.TableID
	case catalog.ChangeReplace, catalog.ChangeDrop:
		t.garbage = append(t.garbage, prev.Files...)
		switch prev.Kind {
		case catalog.ChangeCreate:
			if ch.Kind == catalog.ChangeDrop {
				// Created and dropped within t: nothing to commit.
				delete(t.changes, k)
				return nil
			}
			ch.Kind, ch.TableID = catalog.ChangeCreate, 0
		default:
			ch.TableID = prev.TableID
		}
	}
	t.changes[k] = &ch
	return nil
}

// runUpdateInTxn runs DDL inside a transaction (writes are runWrite's, which
// stage theirs): table DDL becomes pending changes; database and view DDL
// is refused.
func (c *Coordinator) runUpdateInTxn(ctx context.Context, stmt binder.Statement) (int64, error) {
	switch s := stmt.(type) {
	case *binder.CreateTable:
		if _, err := c.catalogFor(ctx).GetTable(ctx, s.Table.Database, s.Table.Name); err == nil {
			if s.IfNotExists {
				return 0, nil
			}
			return 0, qerr.ErrAlreadyExists.New("table %s.%s already exists", s.Table.Database, s.Table.Name)
		}
		if _, err := c.cat.ListTables(ctx, s.Table.Database); err != nil {
			return 0, err
		}
		id, err := c.cat.ReserveTableID(ctx)
		if err != nil {
			return 0, err
		}
		t := *s.Table
		t.ID = id
		if err := catalog.ValidateTable(&t); err != nil {
			return 0, err
		}
		return c.apply(ctx, catalog.Change{Kind: catalog.ChangeCreate, Database: t.Database, Name: t.Name, Table: &t})
	case *binder.DropTable:
		t, err := c.catalogFor(ctx).GetTable(ctx, s.Database, s.Name)
		if err != nil {
			if s.IfExists && qerr.Has(err, qerr.ErrNotFound) {
				return 0, nil
			}
			return 0, err
		}
		return c.apply(ctx, catalog.Change{Kind: catalog.ChangeDrop, Database: t.Database, Name: t.Name, TableID: t.ID})
	}
	what := "this statement"
	switch stmt.(type) {
	case *binder.CreateDatabase, *binder.DropDatabase:
		what = "database DDL"
	case *binder.CreateView, *binder.DropView:
		what = "view DDL"
	case *binder.RenameTable:
		what = "RENAME TABLE"
	case *binder.AlterTable:
		what = "ALTER TABLE"
	}
	return 0, qerr.ErrUnsupported.New("%s inside a transaction: only INSERT, UPDATE, DELETE, TRUNCATE, CREATE TABLE and DROP TABLE run in one; commit or roll back first, or use autocommit", what)
}

// txnCatalog is the catalog as a transaction sees it: tables from its
// pinned snapshots and pending changes; everything else (databases, views)
// as it is now.
type txnCatalog struct {
	catalog.Catalog
	txn *Txn
}

func (tc txnCatalog) GetTable(ctx context.Context, db, name string) (*catalog.Table, error) {
	if t := tc.txn.table(db, name); t != nil {
		return t, nil
	}
	if _, err := tc.Catalog.GetTable(ctx, db, name); err == nil {
		return nil, qerr.ErrNotFound.New("table %s.%s does not exist in this transaction's snapshot: it was created after the transaction began", db, name)
	}
	return nil, qerr.ErrNotFound.New("table %s.%s does not exist", db, name)
}

func (tc txnCatalog) ListTables(ctx context.Context, db string) ([]*catalog.Table, error) {
	if _, err := tc.Catalog.ListTables(ctx, db); err != nil {
		return nil, err
	}
	return tc.txn.tables(db), nil
}

// catalogFor is the catalog that a statement in ctx binds against.
func (c *Coordinator) catalogFor(ctx context.Context) catalog.Catalog {
	if t := txnFrom(ctx); t != nil {
		return txnCatalog{Catalog: c.cat, txn: t}
	}
	return c.cat
}

// inTxn runs a statement: inside the transaction of ctx when there is one
// (refused if it has ended), so that the reaper never rolls back a
// transaction under a running statement.
func inTxn[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	t := txnFrom(ctx)
	if t == nil {
		return fn()
	}
	if err := t.enter(); err != nil {
		var zero T
		return zero, err
	}
	defer t.leave()
	return fn()
}

// apply makes ch take effect: staged in the statement's transaction, or
// committed at once. It returns the rows ch adds. Either way, on failure
// ch's files are deleted.
func (c *Coordinator) apply(ctx context.Context, ch catalog.Change) (int64, error) {
	var rows int64
	for _, f := range ch.Files {
		rows += f.Rows
	}
	if t := txnFrom(ctx); t != nil {
		if err := t.stage(ch); err != nil {
			c.removeFiles(ch.Files)
			return 0, err
		}
		return rows, nil
	}
	if ch.Kind == catalog.ChangeAppend && len(ch.Files) == 0 {
		return 0, nil
	}
	err := c.commitRetiring(func() ([]*catalog.Table, error) { return c.cat.Commit(ctx, []catalog.Change{ch}) })
	if err != nil {
		c.removeFiles(ch.Files)
		return 0, err
	}
	return rows, nil
}

// filesWithout is files less those of remove (by path).
func filesWithout(files, remove []catalog.DataFile) []catalog.DataFile {
	if len(remove) == 0 {
		return files
	}
	drop := make(map[string]bool, len(remove))
	for _, f := range remove {
		drop[f.Path] = true
	}
	var out []catalog.DataFile
	for _, f := range files {
		if !drop[f.Path] {
			out = append(out, f)
		}
	}
	return out
}
