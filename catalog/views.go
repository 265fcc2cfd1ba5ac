package catalog

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/quiverdb/quiver/qerr"
)

// Views live in their own top-level bucket, created on the first CREATE
// VIEW: lower(db) -> bucket: lower(view) -> JSON viewRecord.
var bucketViews = []byte("views")

type viewRecord struct {
	Database string   `json:"database"`
	Name     string   `json:"name"`
	SQL      string   `json:"sql"`
	Columns  []string `json:"columns,omitempty"`
	Owner    string   `json:"owner,omitempty"`
}

func viewsOf(tx *bolt.Tx, db string) *bolt.Bucket {
	root := tx.Bucket(bucketViews)
	if root == nil {
		return nil
	}
	return root.Bucket(nameKey(db))
}

// CreateView stores v. The database must exist and hold no table of the
// same name.
func (c *BoltCatalog) CreateView(ctx context.Context, v *View, orReplace bool) error {
	if err := validateName("view", v.Name); err != nil {
		return err
	}
	return c.update(ctx, "create view "+v.Database+"."+v.Name, func(tx *bolt.Tx) error {
		rec, tables, err := getDatabase(tx, v.Database)
		if err != nil {
			return err
		}
		if tables.Get(nameKey(v.Name)) != nil {
			return qerr.ErrAlreadyExists.New("table %s.%s already exists", rec.Name, v.Name)
		}
		root, err := tx.CreateBucketIfNotExists(bucketViews)
		if err != nil {
			return err
		}
		b, err := root.CreateBucketIfNotExists(nameKey(v.Database))
		if err != nil {
			return err
		}
		if b.Get(nameKey(v.Name)) != nil && !orReplace {
			return qerr.ErrAlreadyExists.New("view %s.%s already exists", rec.Name, v.Name)
		}
		data, err := json.Marshal(viewRecord{Database: rec.Name, Name: v.Name, SQL: v.SQL, Columns: v.Columns, Owner: v.Owner})
		if err != nil {
			return err
		}
		return b.Put(nameKey(v.Name), data)
	})
}

// DropView removes a view.
func (c *BoltCatalog) DropView(ctx context.Context, db, name string, ifExists bool) error {
	return c.update(ctx, "drop view "+db+"."+name, func(tx *bolt.Tx) error {
		if _, _, err := getDatabase(tx, db); err != nil {
			if ifExists && qerr.Has(err, qerr.ErrNotFound) {
				return nil
			}
			return err
		}
		b := viewsOf(tx, db)
		if b == nil || b.Get(nameKey(name)) == nil {
			if ifExists {
				return nil
			}
			return qerr.ErrNotFound.New("view %s.%s does not exist", db, name)
		}
		return b.Delete(nameKey(name))
	})
}

// GetView returns a view by name (case-insensitive).
func (c *BoltCatalog) GetView(ctx context.Context, db, name string) (*View, error) {
	var v *View
	err := c.view(ctx, "get view "+db+"."+name, func(tx *bolt.Tx) error {
		b := viewsOf(tx, db)
		var data []byte
		if b != nil {
			data = b.Get(nameKey(name))
		}
		if data == nil {
			return qerr.ErrNotFound.New("view %s.%s does not exist", db, name)
		}
		var rec viewRecord
		if err := json.Unmarshal(data, &rec); err != nil {
			return err
		}
		v = &View{Database: rec.Database, Name: rec.Name, SQL: rec.SQL, Columns: rec.Columns, Owner: rec.Owner}
		return nil
	})
	return v, err
}

// ListViews returns a database's views sorted by name.
func (c *BoltCatalog) ListViews(ctx context.Context, db string) ([]*View, error) {
	var out []*View
	err := c.view(ctx, "list views "+db, func(tx *bolt.Tx) error {
		if _, _, err := getDatabase(tx, db); err != nil {
			return err
		}
		b := viewsOf(tx, db)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, data []byte) error {
			var rec viewRecord
			if err := json.Unmarshal(data, &rec); err != nil {
				return err
			}
			out = append(out, &View{Database: rec.Database, Name: rec.Name, SQL: rec.SQL, Columns: rec.Columns, Owner: rec.Owner})
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}
