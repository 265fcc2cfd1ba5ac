package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// The bbolt file's layout. Two top-level buckets rather than one bucket per
// database holding both its record and its tables, because a bbolt key holds
// either a value or a nested bucket, never both:
//
//	meta                     format -> "2"
//	databases                lower(db) -> JSON dbRecord
//	tables (sequence = IDs)  lower(db) -> bucket: lower(table) -> JSON tableRecord
//	data                     table ID -> bucket: the table's files (bolt_files.go)
//	sketches                 file path -> the file's column sketches (bolt_sketches.go)
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
// another version is refused rather than misread, but for format 1, which
// kept a table's files inside its record and is migrated on open
// (migrateV1).
const formatVersion = "2"

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
	db    *bolt.DB
	path  string
	group groupCommit
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

// initialize creates the buckets and the default database on first open,
// checks the layout version on every open and migrates a format 1 file.
func (c *BoltCatalog) initialize(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	dbs, err := tx.CreateBucketIfNotExists(bucketDatabases)
	if err != nil {
		return err
	}
	tables, err := tx.CreateBucketIfNotExists(bucketTables)
	if err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(bucketData); err != nil {
		return err
	}
	switch v := meta.Get(keyFormat); {
	case string(v) == "1":
		if err := migrateV1(tx); err != nil {
			return fmt.Errorf("migrate from catalog format 1: %w", err)
		}
		if err := meta.Put(keyFormat, []byte(formatVersion)); err != nil {
			return err
		}
	case v == nil:
		if err := meta.Put(keyFormat, []byte(formatVersion)); err != nil {
			return err
		}
	case string(v) != formatVersion:
		return fmt.Errorf("catalog format %q, this build reads %q", v, formatVersion)
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

func unmarshalTable(v []byte, db, name string) (*tableRecord, error) {
	var rec tableRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return nil, fmt.Errorf("table %s.%s: stored record: %w", db, name, err)
	}
	return &rec, nil
}

// loadTable decodes a stored table with all its files.
func loadTable(tx *bolt.Tx, v []byte, db, name string) (*Table, error) {
	t, err := loadHeader(v, db, name)
	if err != nil {
		return nil, err
	}
	if t.Snapshot.Files, err = readData(tx, t.ID).list(); err != nil {
		return nil, fmt.Errorf("table %s.%s: %w", db, name, err)
	}
	return t, nil
}

// loadHeader decodes a stored table without its files, which a commit that
// only adds files, renames or alters the table never needs.
func loadHeader(v []byte, db, name string) (*Table, error) {
	rec, err := unmarshalTable(v, db, name)
	if err != nil {
		return nil, err
	}
	t, err := rec.decode()
	if err != nil {
		return nil, fmt.Errorf("table %s.%s: %w", db, name, err)
	}
	return t, nil
}

// putHeader stores t's record, its definition and snapshot without the
// files: those are written apart, by the change that adds or removes them.
func putHeader(b *bolt.Bucket, t *Table) error {
	rec := encodeTable(t)
	return putTableRecord(b, &rec)
}

func putTableRecord(b *bolt.Bucket, rec *tableRecord) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("table %s.%s: encode: %w", rec.Database, rec.Name, err)
	}
	return b.Put(nameKey(rec.Name), v)
}
