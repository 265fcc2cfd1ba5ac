package catalog

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketSketches holds the distinct-value sketches of every file of every
// table's current snapshot, apart from the table records so that reading a
// table never decodes them:
//
//	sketches  file path -> JSON {column file name: marshalled sketch}
//
// A file's entry is written in the transaction that commits the file and
// deleted in the one that takes it out of its table's snapshot; only
// commits read them, to merge a snapshot's distinct counts (summarize),
// and an append reads only its own files' (mergeSketches).
var bucketSketches = []byte("sketches")

// putSketches stores the sketches that files carry (ColumnStats.Sketch),
// replacing what a file had (ANALYZE TABLE), and returns the files without
// them, as the table record keeps them; files is left as it is.
func putSketches(tx *bolt.Tx, files []DataFile) ([]DataFile, error) {
	b, err := tx.CreateBucketIfNotExists(bucketSketches)
	if err != nil {
		return nil, err
	}
	out := make([]DataFile, len(files))
	for i := range files {
		out[i] = files[i]
		f := &out[i]
		sk := map[string][]byte{}
		cols := make([]ColumnStats, len(f.Columns))
		for j, c := range f.Columns {
			if c.Sketch != nil {
				sk[c.Name] = c.Sketch
			}
			c.Sketch = nil
			cols[j] = c
		}
		f.Columns = cols
		if len(sk) == 0 {
			if err := b.Delete([]byte(f.Path)); err != nil {
				return nil, err
			}
			continue
		}
		v, err := json.Marshal(sk)
		if err != nil {
			return nil, fmt.Errorf("sketches of %s: %w", f.Path, err)
		}
		if err := b.Put([]byte(f.Path), v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dropSketches deletes the sketches of files that left their snapshot.
func dropSketches(tx *bolt.Tx, files []DataFile) error {
	b := tx.Bucket(bucketSketches)
	if b == nil {
		return nil
	}
	for _, f := range files {
		if err := b.Delete([]byte(f.Path)); err != nil {
			return err
		}
	}
	return nil
}

// sketchesIn looks up the sketches stored for a file.
func sketchesIn(tx *bolt.Tx) func(path string) map[string][]byte {
	b := tx.Bucket(bucketSketches)
	return func(path string) map[string][]byte {
		if b == nil {
			return nil
		}
		var sk map[string][]byte
		if v := b.Get([]byte(path)); v == nil || json.Unmarshal(v, &sk) != nil {
			return nil // unknown: the columns it holds have no distinct count
		}
		return sk
	}
}

// mergeSketches merges the stored sketches of files into the snapshot's
// merge kept in d, or with fresh into an empty one (files are then all the
// snapshot's: a merge cannot take a file's values out again), and returns
// the snapshot's distinct counts.
func mergeSketches(tx *bolt.Tx, d *tableData, files []DataFile, fresh bool) ([]ColumnSummary, error) {
	m := &merge{}
	if !fresh {
		var err error
		if m, err = d.readMerge(); err != nil {
			return nil, err
		}
	}
	m.add(files, sketchesIn(tx))
	return m.summaries(), d.writeMerge(m)
}
