package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// The bbolt file's layout. Two top-level buckets rather than one bucket per
// database holding both its record and its tables, because a bbolt key holds
// either a value or a nested bucket, never both:
//
//	meta                     format -> "1"
//	databases                lower(db) -> JSON dbRecord
//	tables (sequence = IDs)  lower(db) -> bucket: lower(table) -> JSON tableRecord
//
// Keys are lower-cased so that lookups are case-insensitive (MySQL with
// lower_case_table_names=1); the records keep the spelling the user created.
// Table IDs come from the sequence of the tables bucket, which is never
// deleted, so an ID is never handed out twice.
var (
	bucketMeta      = []byte("meta")
	bucketDatabases = []byte("databases")
	bucketTables    = []byte("tables")
	keyFormat       = []byte("format")
)

// formatVersion is the layout version written in the meta bucket. A file with
// another version is refused rather than misread; a future layout change
// bumps it and migrates on open.
const formatVersion = "1"

// lockTimeout bounds the wait for the file lock, so that a second process
// opening the same data directory fails with a clear error instead of
// hanging forever (bbolt's default is to wait without limit).
const lockTimeout = 2 * time.Second

// maxNameLen is MySQL's identifier limit, in characters.
const maxNameLen = 64

// BoltCatalog is the embedded Catalog: one bbolt file in the data directory,
// owned by one process at a time (bbolt holds an exclusive file lock until
// Close). Every method is one bbolt transaction, so a failed call changes
// nothing, and bbolt serializes writers, so it is safe for concurrent use.
type BoltCatalog struct {
	db   *bolt.DB
	path string
}

var _ Catalog = (*BoltCatalog)(nil)

// OpenBolt opens the catalog file at path (by convention
// <data-dir>/catalog.db), creating it with the default database on first
// open. It fails after a short wait if another process holds the file. The
// caller closes the returned catalog.
func OpenBolt(path string) (*BoltCatalog, error) {
	return openBolt(path, lockTimeout)
}

// openBolt is OpenBolt with the lock wait as a parameter, for tests.
func openBolt(path string, timeout time.Duration) (*BoltCatalog, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("catalog: open %s: the file is locked, another quiver process is probably using this data directory (waited %s): %w", path, timeout, err)
		}
		return nil, fmt.Errorf("catalog: open %s: %w", path, err)
	}
	c := &BoltCatalog{db: db, path: path}
	if err := db.Update(c.initialize); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("catalog: open %s: %w", path, err)
	}
	return c, nil
}

// initialize creates the buckets and the default database on first open and
// checks the layout version on every open.
func (c *BoltCatalog) initialize(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	switch v := meta.Get(keyFormat); {
	case v == nil:
		if err := meta.Put(keyFormat, []byte(formatVersion)); err != nil {
			return err
		}
	case string(v) != formatVersion:
		return fmt.Errorf("catalog format %q, this build reads %q", v, formatVersion)
	}
	dbs, err := tx.CreateBucketIfNotExists(bucketDatabases)
	if err != nil {
		return err
	}
	tables, err := tx.CreateBucketIfNotExists(bucketTables)
	if err != nil {
		return err
	}
	key := []byte(strings.ToLower(DefaultDatabase))
	if dbs.Get(key) != nil {
		return nil
	}
	return putDatabase(dbs, tables, key, dbRecord{Name: DefaultDatabase, Created: now()})
}

// Close releases the file and its lock. Calls after Close fail.
func (c *BoltCatalog) Close() error {
	if err := c.db.Close(); err != nil {
		return fmt.Errorf("catalog: close %s: %w", c.path, err)
	}
	return nil
}

// dbRecord is a database as stored.
type dbRecord struct {
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// The stored form of a table is its own set of structs, not Table itself,
// so that renaming an exported field never changes the file format and
// column types are stored in TypeString's stable text form.
type tableRecord struct {
	ID               uint64            `json:"id"`
	Database         string            `json:"database"`
	Name             string            `json:"name"`
	Columns          []columnRecord    `json:"columns"`
	DistributionKeys []string          `json:"distribution_keys,omitempty"`
	Partitions       int               `json:"partitions,omitempty"`
	Options          map[string]string `json:"options,omitempty"`
	Created          time.Time         `json:"created"`
	Snapshot         snapshotRecord    `json:"snapshot"`
}

type columnRecord struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Nullable bool   `json:"nullable"`
}

type snapshotRecord struct {
	ID        uint64       `json:"id"`
	Files     []fileRecord `json:"files,omitempty"`
	Committed time.Time    `json:"committed"`
}

type fileRecord struct {
	Path    string        `json:"path"`
	Rows    int64         `json:"rows"`
	Bytes   int64         `json:"bytes"`
	Bucket  int           `json:"bucket,omitempty"`
	Columns []statsRecord `json:"columns,omitempty"`
}

type statsRecord struct {
	Name      string `json:"name"`
	NullCount int64  `json:"null_count"`
	Min       string `json:"min,omitempty"`
	Max       string `json:"max,omitempty"`
}

func encodeTable(t *Table) tableRecord {
	r := tableRecord{
		ID:               t.ID,
		Database:         t.Database,
		Name:             t.Name,
		Columns:          make([]columnRecord, len(t.Columns)),
		DistributionKeys: t.DistributionKeys,
		Partitions:       t.Partitions,
		Options:          t.Options,
		Created:          t.Created,
		Snapshot:         encodeSnapshot(t.Snapshot),
	}
	for i, col := range t.Columns {
		r.Columns[i] = columnRecord{Name: col.Name, Type: TypeString(col.Type), Nullable: col.Nullable}
	}
	return r
}

func encodeSnapshot(s Snapshot) snapshotRecord {
	return snapshotRecord{ID: s.ID, Files: encodeFiles(s.Files), Committed: s.Committed}
}

func encodeFiles(files []DataFile) []fileRecord {
	if len(files) == 0 {
		return nil
	}
	out := make([]fileRecord, len(files))
	for i, f := range files {
		out[i] = fileRecord{Path: f.Path, Rows: f.Rows, Bytes: f.Bytes, Bucket: f.Bucket}
		if len(f.Columns) > 0 {
			out[i].Columns = make([]statsRecord, len(f.Columns))
			for j, s := range f.Columns {
				out[i].Columns[j] = statsRecord{Name: s.Name, NullCount: s.NullCount, Min: s.Min, Max: s.Max}
			}
		}
	}
	return out
}

func (r *tableRecord) decode() (*Table, error) {
	t := &Table{
		ID:               r.ID,
		Database:         r.Database,
		Name:             r.Name,
		Columns:          make([]Column, len(r.Columns)),
		DistributionKeys: r.DistributionKeys,
		Partitions:       r.Partitions,
		Options:          r.Options,
		Created:          r.Created,
		Snapshot:         r.Snapshot.decode(),
	}
	for i, col := range r.Columns {
		typ, err := ParseType(col.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", col.Name, err)
		}
		t.Columns[i] = Column{Name: col.Name, Type: typ, Nullable: col.Nullable}
	}
	return t, nil
}

func (r *snapshotRecord) decode() Snapshot {
	s := Snapshot{ID: r.ID, Committed: r.Committed}
	if len(r.Files) > 0 {
		s.Files = make([]DataFile, len(r.Files))
		for i, f := range r.Files {
			s.Files[i] = DataFile{Path: f.Path, Rows: f.Rows, Bytes: f.Bytes, Bucket: f.Bucket}
			if len(f.Columns) > 0 {
				s.Files[i].Columns = make([]ColumnStats, len(f.Columns))
				for j, st := range f.Columns {
					s.Files[i].Columns[j] = ColumnStats{Name: st.Name, NullCount: st.NullCount, Min: st.Min, Max: st.Max}
				}
			}
		}
	}
	return s
}

// now is the time stamped on created objects and commits: UTC, so that a
// value read back from the file equals the one written, with no monotonic
// reading.
func now() time.Time { return time.Now().UTC() }

// validateName checks a database or table name. The limits keep names safe
// as path elements of <data-dir>/tables/<db>/<table>/ and within MySQL's
// identifier length.
func validateName(kind, name string) error {
	switch {
	case name == "":
		return qerr.ErrInvalid.New("%s name is empty", kind)
	case !utf8.ValidString(name):
		return qerr.ErrInvalid.New("%s name %q is not valid UTF-8", kind, name)
	case utf8.RuneCountInString(name) > maxNameLen:
		return qerr.ErrInvalid.New("%s name %q is longer than %d characters", kind, name, maxNameLen)
	case strings.ContainsAny(name, "/\x00"):
		return qerr.ErrInvalid.New("%s name %q contains '/' or NUL", kind, name)
	case name == "." || name == "..":
		return qerr.ErrInvalid.New("%s name %q is reserved", kind, name)
	}
	return nil
}

// nameKey is the stored key of a name: names compare case-insensitively.
func nameKey(name string) []byte { return []byte(strings.ToLower(name)) }

// ValidateTable checks a table definition before it is stored, so that what
// is in the file always reads back as it was written.
func ValidateTable(t *Table) error {
	if err := validateName("database", t.Database); err != nil {
		return err
	}
	if err := validateName("table", t.Name); err != nil {
		return err
	}
	if len(t.Columns) == 0 {
		return qerr.ErrInvalid.New("table %s.%s has no columns", t.Database, t.Name)
	}
	seen := make(map[string]bool, len(t.Columns))
	for _, col := range t.Columns {
		if col.Name == "" {
			return qerr.ErrInvalid.New("table %s.%s: a column name is empty", t.Database, t.Name)
		}
		if seen[strings.ToLower(col.Name)] {
			return qerr.ErrInvalid.New("table %s.%s: duplicate column %s", t.Database, t.Name, col.Name)
		}
		seen[strings.ToLower(col.Name)] = true
		if col.Type == nil {
			return qerr.ErrInvalid.New("table %s.%s: column %s has no type", t.Database, t.Name, col.Name)
		}
		// A type whose text form does not read back as the same type (a
		// timestamp in a zone other than UTC, a nested type) would change
		// silently across a restart, so it is refused here.
		back, err := ParseType(TypeString(col.Type))
		if err != nil || !arrow.TypeEqual(back, col.Type) {
			return qerr.ErrUnsupported.New("table %s.%s: column %s: type %s cannot be stored", t.Database, t.Name, col.Name, col.Type)
		}
	}
	for _, k := range t.DistributionKeys {
		if t.ColumnIndex(k) < 0 {
			return qerr.ErrInvalid.New("table %s.%s: distribution key %s is not a column", t.Database, t.Name, k)
		}
	}
	if t.Partitions < 0 {
		return qerr.ErrInvalid.New("table %s.%s: negative partition count %d", t.Database, t.Name, t.Partitions)
	}
	return validateFiles(t.Database, t.Name, nil, t.Snapshot.Files)
}

// validateFiles checks files about to join a snapshot that already holds
// existing. A path may appear once: a retried commit must not count its
// rows twice.
func validateFiles(db, name string, existing, files []DataFile) error {
	paths := make(map[string]bool, len(existing)+len(files))
	for _, f := range existing {
		paths[f.Path] = true
	}
	for _, f := range files {
		switch {
		case f.Path == "":
			return qerr.ErrInvalid.New("table %s.%s: a data file has an empty path", db, name)
		case paths[f.Path]:
			return qerr.ErrInvalid.New("table %s.%s: data file %s is already in the snapshot", db, name, f.Path)
		case f.Rows < 0 || f.Bytes < 0:
			return qerr.ErrInvalid.New("table %s.%s: data file %s has negative rows or bytes", db, name, f.Path)
		}
		paths[f.Path] = true
	}
	return nil
}

// view runs fn in a read transaction; update in a write transaction. Both
// refuse a done context before starting (bbolt transactions themselves
// cannot be interrupted) and wrap storage failures with op, while qerr errors
// from fn pass through unchanged so that their message is the user's.
func (c *BoltCatalog) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return c.wrap(op, c.db.View(fn))
}

func (c *BoltCatalog) update(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return c.wrap(op, c.db.Update(fn))
}

func (c *BoltCatalog) wrap(op string, err error) error {
	var qe *qerr.Error
	if err == nil || errors.As(err, &qe) {
		return err
	}
	return fmt.Errorf("catalog: %s (%s): %w", op, c.path, err)
}

func putDatabase(dbs, tables *bolt.Bucket, key []byte, rec dbRecord) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := dbs.Put(key, v); err != nil {
		return err
	}
	_, err = tables.CreateBucketIfNotExists(key)
	return err
}

// getDatabase returns the stored database named name and its tables bucket,
// or ErrNotFound.
func getDatabase(tx *bolt.Tx, name string) (dbRecord, *bolt.Bucket, error) {
	var rec dbRecord
	key := nameKey(name)
	v := tx.Bucket(bucketDatabases).Get(key)
	if v == nil {
		return rec, nil, qerr.ErrNotFound.New("database %s does not exist", name)
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, nil, fmt.Errorf("database %s: stored record: %w", name, err)
	}
	b := tx.Bucket(bucketTables).Bucket(key)
	if b == nil {
		return rec, nil, fmt.Errorf("database %s: tables bucket missing", name)
	}
	return rec, b, nil
}

func getTableRecord(b *bolt.Bucket, db, name string) (*tableRecord, error) {
	v := b.Get(nameKey(name))
	if v == nil {
		return nil, qerr.ErrNotFound.New("table %s.%s does not exist", db, name)
	}
	return unmarshalTable(v, db, name)
}

func unmarshalTable(v []byte, db, name string) (*tableRecord, error) {
	var rec tableRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return nil, fmt.Errorf("table %s.%s: stored record: %w", db, name, err)
	}
	return &rec, nil
}

func putTableRecord(b *bolt.Bucket, rec *tableRecord) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("table %s.%s: encode: %w", rec.Database, rec.Name, err)
	}
	return b.Put(nameKey(rec.Name), v)
}

// CreateDatabase creates a database. Names are case-insensitive; the
// spelling given here is kept for listing. It fails with ErrAlreadyExists
// unless ifNotExists.
func (c *BoltCatalog) CreateDatabase(ctx context.Context, name string, ifNotExists bool) error {
	if err := validateName("database", name); err != nil {
		return err
	}
	return c.update(ctx, "create database "+name, func(tx *bolt.Tx) error {
		dbs, tables := tx.Bucket(bucketDatabases), tx.Bucket(bucketTables)
		key := nameKey(name)
		if dbs.Get(key) != nil {
			if ifNotExists {
				return nil
			}
			return qerr.ErrAlreadyExists.New("database %s already exists", name)
		}
		return putDatabase(dbs, tables, key, dbRecord{Name: name, Created: now()})
	})
}

// DropDatabase drops an empty database. There is no CASCADE: a database
// that still holds tables fails with ErrInvalid, because dropping its tables
// here would lose the file lists the caller needs to delete their data; drop
// the tables first. The default database cannot be dropped (ErrInvalid),
// since unqualified names resolve to it. A missing database fails with
// ErrNotFound unless ifExists.
func (c *BoltCatalog) DropDatabase(ctx context.Context, name string, ifExists bool) error {
	if strings.EqualFold(name, DefaultDatabase) {
		return qerr.ErrInvalid.New("database %s is the default database and cannot be dropped", DefaultDatabase)
	}
	return c.update(ctx, "drop database "+name, func(tx *bolt.Tx) error {
		rec, b, err := getDatabase(tx, name)
		if err != nil {
			if ifExists && qerr.Has(err, qerr.ErrNotFound) {
				return nil
			}
			return err
		}
		if k, _ := b.Cursor().First(); k != nil {
			return qerr.ErrInvalid.New("database %s is not empty: drop its tables first", rec.Name)
		}
		if v := viewsOf(tx, name); v != nil {
			if k, _ := v.Cursor().First(); k != nil {
				return qerr.ErrInvalid.New("database %s is not empty: drop its views first", rec.Name)
			}
		}
		key := nameKey(name)
		if err := tx.Bucket(bucketTables).DeleteBucket(key); err != nil {
			return err
		}
		return tx.Bucket(bucketDatabases).Delete(key)
	})
}

// ListDatabases returns every database name, as spelled at creation, sorted
// case-insensitively.
func (c *BoltCatalog) ListDatabases(ctx context.Context) ([]string, error) {
	var names []string
	err := c.view(ctx, "list databases", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDatabases).ForEach(func(k, v []byte) error {
			var rec dbRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("database %s: stored record: %w", k, err)
			}
			names = append(names, rec.Name)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return names, nil
}

// CreateTable stores t and assigns t.ID (never used before) and t.Created.
// The database must exist (ErrNotFound). t.Database names it in any case;
// the stored table carries the database's own spelling. An existing table
// fails with ErrAlreadyExists, or with ifNotExists leaves both it and t
// unchanged. A column type that TypeString cannot represent exactly is
// refused with ErrUnsupported. t.Snapshot is stored as given (files checked
// as in CommitFiles); it is normally empty.
func (c *BoltCatalog) CreateTable(ctx context.Context, t *Table, ifNotExists bool) error {
	if t == nil {
		return qerr.ErrInvalid.New("create table: no table")
	}
	if err := ValidateTable(t); err != nil {
		return err
	}
	var id uint64
	var created time.Time
	err := c.update(ctx, "create table "+t.Database+"."+t.Name, func(tx *bolt.Tx) error {
		dbRec, b, err := getDatabase(tx, t.Database)
		if err != nil {
			return err
		}
		if b.Get(nameKey(t.Name)) != nil {
			if ifNotExists {
				return nil
			}
			return qerr.ErrAlreadyExists.New("table %s.%s already exists", t.Database, t.Name)
		}
		if v := viewsOf(tx, t.Database); v != nil && v.Get(nameKey(t.Name)) != nil {
			return qerr.ErrAlreadyExists.New("view %s.%s already exists", t.Database, t.Name)
		}
		// The sequence lives on the tables bucket, which is never deleted,
		// so IDs stay unique across drops and restarts. A rolled-back
		// transaction rolls the sequence back too, which is harmless: that
		// ID was never visible.
		if id, err = tx.Bucket(bucketTables).NextSequence(); err != nil {
			return err
		}
		created = now()
		rec := encodeTable(t)
		rec.ID, rec.Database, rec.Created = id, dbRec.Name, created
		return putTableRecord(b, &rec)
	})
	if err != nil {
		return err
	}
	if id != 0 {
		t.ID, t.Created = id, created
	}
	return nil
}

// readTable reads and decodes a stored table and returns it with its
// database's tables bucket.
func readTable(tx *bolt.Tx, db, name string) (*bolt.Bucket, *Table, error) {
	_, b, err := getDatabase(tx, db)
	if err != nil {
		return nil, nil, err
	}
	rec, err := getTableRecord(b, db, name)
	if err != nil {
		return nil, nil, err
	}
	t, err := rec.decode()
	if err != nil {
		return nil, nil, fmt.Errorf("table %s.%s: %w", db, name, err)
	}
	return b, t, nil
}

// DropTable removes a table and returns it as it was, so that the caller can
// delete its files; nil, nil when ifExists and there is no such table.
func (c *BoltCatalog) DropTable(ctx context.Context, db, name string, ifExists bool) (*Table, error) {
	var t *Table
	err := c.update(ctx, "drop table "+db+"."+name, func(tx *bolt.Tx) error {
		b, tbl, err := readTable(tx, db, name)
		if err != nil {
			return err
		}
		t = tbl
		return b.Delete(nameKey(name))
	})
	if err != nil {
		if ifExists && qerr.Has(err, qerr.ErrNotFound) {
			return nil, nil
		}
		return nil, err
	}
	return t, nil
}

// GetTable returns a table by name (case-insensitive), with its current
// snapshot. The result is the caller's own copy.
func (c *BoltCatalog) GetTable(ctx context.Context, db, name string) (*Table, error) {
	var t *Table
	err := c.view(ctx, "get table "+db+"."+name, func(tx *bolt.Tx) error {
		_, tbl, err := readTable(tx, db, name)
		t = tbl
		return err
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// ListTables returns every table of a database, sorted by name
// case-insensitively. An unknown database fails with ErrNotFound.
func (c *BoltCatalog) ListTables(ctx context.Context, db string) ([]*Table, error) {
	var out []*Table
	err := c.view(ctx, "list tables "+db, func(tx *bolt.Tx) error {
		_, b, err := getDatabase(tx, db)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			rec, err := unmarshalTable(v, db, string(k))
			if err != nil {
				return err
			}
			t, err := rec.decode()
			if err != nil {
				return fmt.Errorf("table %s.%s: %w", db, k, err)
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CommitFiles appends files to the current snapshot of table db.name and
// returns the new snapshot: its ID is the previous one plus one and
// Committed is now. It fails with ErrNotFound if the table is gone or is no
// longer the table with ID tableID (dropped and created again while the
// files were written), and with ErrInvalid if a file has no path or is
// already in the snapshot. Committing no files changes nothing and returns
// the current snapshot, after the same checks.
func (c *BoltCatalog) CommitFiles(ctx context.Context, db, name string, tableID uint64, files []DataFile) (Snapshot, error) {
	var snap Snapshot
	err := c.update(ctx, "commit to "+db+"."+name, func(tx *bolt.Tx) error {
		_, b, err := getDatabase(tx, db)
		if err != nil {
			return err
		}
		rec, err := getTableRecord(b, db, name)
		if err != nil {
			return err
		}
		if rec.ID != tableID {
			return qerr.ErrNotFound.New("table %s.%s with id %d does not exist: it was dropped and created again", db, name, tableID)
		}
		if len(files) == 0 {
			snap = rec.Snapshot.decode()
			return nil
		}
		old := rec.Snapshot.decode()
		if err := validateFiles(db, name, old.Files, files); err != nil {
			return err
		}
		rec.Snapshot = snapshotRecord{
			ID:        rec.Snapshot.ID + 1,
			Files:     append(rec.Snapshot.Files, encodeFiles(files)...),
			Committed: now(),
		}
		if err := putTableRecord(b, rec); err != nil {
			return err
		}
		snap = rec.Snapshot.decode()
		return nil
	})
	if err != nil {
		return Snapshot{}, err
	}
	return snap, nil
}

// ReferencedFiles returns the path of every file in every table's current
// snapshot, read in one transaction so that the set is consistent: a file
// outside it under the data directory is an orphan, safe to collect once no
// write that could still commit it is running.
func (c *BoltCatalog) ReferencedFiles(ctx context.Context) (map[string]bool, error) {
	files := make(map[string]bool)
	err := c.view(ctx, "referenced files", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTables).ForEachBucket(func(dbKey []byte) error {
			b := tx.Bucket(bucketTables).Bucket(dbKey)
			return b.ForEach(func(k, v []byte) error {
				// Only the paths are needed: decode just the snapshot.
				var rec struct {
					Snapshot struct {
						Files []struct {
							Path string `json:"path"`
						} `json:"files"`
					} `json:"snapshot"`
				}
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("table %s.%s: stored record: %w", dbKey, k, err)
				}
				for _, f := range rec.Snapshot.Files {
					files[f.Path] = true
				}
				return nil
			})
		})
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}
