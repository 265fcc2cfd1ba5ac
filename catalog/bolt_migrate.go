package catalog

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// v1Files is what format 1 kept of a table's files: all of them, inside
// the table's record.
type v1Files struct {
	Snapshot struct {
		Files []fileRecord `json:"files"`
	} `json:"snapshot"`
}

// migrateV1 moves every table's files out of its record, where format 1
// kept them, into the table's data (bolt_files.go), in the same order, with
// the merge of their sketches that an append goes on from. The records keep
// all else, the snapshot's summaries too: they were merged from the same
// files.
func migrateV1(tx *bolt.Tx) error {
	tables := tx.Bucket(bucketTables)
	// bbolt does not allow a bucket to change while it is iterated: the
	// keys are gathered first.
	var dbKeys [][]byte
	if err := tables.ForEachBucket(func(k []byte) error {
		dbKeys = append(dbKeys, append([]byte(nil), k...))
		return nil
	}); err != nil {
		return err
	}
	for _, dbKey := range dbKeys {
		b := tables.Bucket(dbKey)
		stored := map[string][]byte{}
		if err := b.ForEach(func(k, v []byte) error {
			stored[string(k)] = append([]byte(nil), v...)
			return nil
		}); err != nil {
			return err
		}
		for k, v := range stored {
			if err := migrateTableV1(tx, b, v, string(dbKey), k); err != nil {
				return err
			}
		}
	}
	return nil
}

func migrateTableV1(tx *bolt.Tx, b *bolt.Bucket, v []byte, db, name string) error {
	var old v1Files
	if err := json.Unmarshal(v, &old); err != nil {
		return fmt.Errorf("table %s.%s: stored record: %w", db, name, err)
	}
	rec, err := unmarshalTable(v, db, name)
	if err != nil {
		return err
	}
	files := make([]DataFile, len(old.Snapshot.Files))
	for i := range old.Snapshot.Files {
		files[i] = old.Snapshot.Files[i].decode()
	}
	d, err := writeData(tx, rec.ID)
	if err != nil {
		return err
	}
	if err := d.add(files); err != nil {
		return err
	}
	if _, err := mergeSketches(tx, d, files, true); err != nil {
		return err
	}
	return putTableRecord(b, rec)
}
