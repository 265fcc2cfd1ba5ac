package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

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
		if err := dropSketches(tx, tbl.Snapshot.Files); err != nil {
			return err
		}
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
		if rec.External != nil {
			return qerr.ErrInvalid.New("table %s.%s is external and read-only", db, name)
		}
		if len(files) == 0 {
			snap = rec.Snapshot.decode()
			return nil
		}
		old := rec.Snapshot.decode()
		if err := validateFiles(db, name, old.Files, files); err != nil {
			return err
		}
		if err := sameSchema(&Table{Database: db, Name: name, SchemaVersion: rec.SchemaVersion}, files); err != nil {
			return err
		}
		if _, err := putSketches(tx, files); err != nil {
			return err
		}
		next := Snapshot{ID: old.ID + 1, Files: append(old.Files, files...), Committed: now()}
		summarizeIn(tx, &next)
		rec.Snapshot = encodeSnapshot(next)
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
