package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

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
