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
		d, err := writeData(tx, id)
		if err != nil {
			return err
		}
		if err := d.add(t.Snapshot.Files); err != nil {
			return err
		}
		// The merge is made even though the snapshot keeps the summaries
		// given, so that the next append goes on from its files, as a
		// merge of all of them would.
		if _, err := mergeSketches(tx, d, t.Snapshot.Files, true); err != nil {
			return err
		}
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

// readTable reads and decodes a stored table with its files and returns it
// with its database's tables bucket.
func readTable(tx *bolt.Tx, db, name string) (*bolt.Bucket, *Table, error) {
	_, b, err := getDatabase(tx, db)
	if err != nil {
		return nil, nil, err
	}
	v := b.Get(nameKey(name))
	if v == nil {
		return nil, nil, qerr.ErrNotFound.New("table %s.%s does not exist", db, name)
	}
	t, err := loadTable(tx, v, db, name)
	if err != nil {
		return nil, nil, err
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
		if err := dropData(tx, tbl.ID); err != nil {
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
			t, err := loadTable(tx, v, db, string(k))
			if err != nil {
				return err
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
// the current snapshot, after the same checks. Concurrent calls may share a
// transaction (appendUpdate), each with a snapshot of its own.
func (c *BoltCatalog) CommitFiles(ctx context.Context, db, name string, tableID uint64, files []DataFile) (Snapshot, error) {
	var snap Snapshot
	var raw [][]byte
	err := c.appendUpdate(ctx, "commit to "+db+"."+name, func(tx *bolt.Tx) error {
		snap, raw = Snapshot{}, nil
		_, b, err := getDatabase(tx, db)
		if err != nil {
			return err
		}
		v := b.Get(nameKey(name))
		if v == nil {
			return qerr.ErrNotFound.New("table %s.%s does not exist", db, name)
		}
		cur, err := loadHeader(v, db, name)
		if err != nil {
			return err
		}
		if cur.ID != tableID {
			return qerr.ErrNotFound.New("table %s.%s with id %d does not exist: it was dropped and created again", db, name, tableID)
		}
		if cur.External != nil {
			return qerr.ErrInvalid.New("table %s.%s is external and read-only", db, name)
		}
		if len(files) > 0 {
			if err := appendFiles(tx, b, db, name, cur, files); err != nil {
				return err
			}
		}
		// The files are copied here and decoded once the transaction, which
		// other appends may share, is over.
		snap, raw = cur.Snapshot, readData(tx, cur.ID).raw()
		return nil
	})
	if err != nil {
		return Snapshot{}, err
	}
	if snap.Files, err = decodeFiles(raw); err != nil {
		return Snapshot{}, c.wrap("commit to "+db+"."+name, err)
	}
	return snap, nil
}

// appendFiles adds files to the snapshot of t, a table of the tables
// bucket b, in a new snapshot: it writes their keys, merges their sketches
// into the snapshot's and stores t's record, and touches no other file's
// key. db and name are the table as the caller named it, for errors.
func appendFiles(tx *bolt.Tx, b *bolt.Bucket, db, name string, t *Table, files []DataFile) error {
	d, err := writeData(tx, t.ID)
	if err != nil {
		return err
	}
	if err := validateFiles(db, name, d, files); err != nil {
		return err
	}
	if err := sameSchema(t, files); err != nil {
		return err
	}
	stripped, err := putSketches(tx, files)
	if err != nil {
		return err
	}
	if err := d.add(stripped); err != nil {
		return err
	}
	return nextSnapshot(tx, b, t, d, stripped, false)
}

// nextSnapshot gives t, a table of the tables bucket b, its next snapshot,
// with the distinct counts of mergeSketches(files, fresh), and stores t's
// record.
func nextSnapshot(tx *bolt.Tx, b *bolt.Bucket, t *Table, d *tableData, files []DataFile, fresh bool) error {
	summaries, err := mergeSketches(tx, d, files, fresh)
	if err != nil {
		return err
	}
	t.Snapshot = Snapshot{ID: t.Snapshot.ID + 1, Committed: now(), Columns: summaries}
	return putHeader(b, t)
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
				// Only the paths are needed: the ID finds them, as keys.
				var rec struct {
					ID uint64 `json:"id"`
				}
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("table %s.%s: stored record: %w", dbKey, k, err)
				}
				d := readData(tx, rec.ID)
				if d == nil {
					return nil
				}
				return d.paths.ForEach(func(path, _ []byte) error {
					files[string(path)] = true
					return nil
				})
			})
		})
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}
