package catalog

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/axiomhq/hyperloglog"
	bolt "go.etcd.io/bbolt"
)

// A table's data files are keys of their own, apart from its record, so
// that a commit writes the keys of the files it adds or removes and never
// those of the files that stay: an append costs the same in a table of ten
// files and of a hundred thousand (Iceberg keeps its manifests apart from
// the table metadata for the same reason).
//
//	data        table ID (big-endian) -> bucket:
//	  files     (sequence = keys) key (big-endian) -> JSON fileRecord
//	  paths     file path -> its key in files
//	  merged    column file name -> the merged sketch of the snapshot's files
//	  merge     JSON mergeRecord: the rest of the merge's state
//
// Keys come from the files bucket's sequence, so that reading the bucket in
// key order gives the snapshot's files in the order they were committed.
// paths finds a file by path: an append refuses one already in the
// snapshot, a rewrite finds the ones it removes. merged and merge are the
// running merge of the snapshot's sketches (stats.go), so that an append
// merges only its own files' sketches into the snapshot's distinct counts.
//
// The bucket is keyed by ID, not name, so a rename moves no file, and a
// table ID is never handed out twice, so a dropped table's files never
// show up under another table.
var (
	bucketData = []byte("data")
	keyFiles   = []byte("files")
	keyPaths   = []byte("paths")
	keyMerged  = []byte("merged")
	keyMerge   = []byte("merge")
)

// mergeRecord is the part of a merge that is not its sketches.
type mergeRecord struct {
	Order   []string `json:"order,omitempty"`
	Unknown []string `json:"unknown,omitempty"`
}

// tableData is the files of one table inside a transaction.
type tableData struct {
	files, paths *bolt.Bucket
	root         *bolt.Bucket
}

func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

// readData returns the data of table id, nil for a table that has none.
func readData(tx *bolt.Tx, id uint64) *tableData {
	root := tx.Bucket(bucketData).Bucket(idKey(id))
	if root == nil {
		return nil
	}
	return &tableData{root: root, files: root.Bucket(keyFiles), paths: root.Bucket(keyPaths)}
}

// writeData returns the data of table id for writing, created empty if the
// table has none yet.
func writeData(tx *bolt.Tx, id uint64) (*tableData, error) {
	root, err := tx.Bucket(bucketData).CreateBucketIfNotExists(idKey(id))
	if err != nil {
		return nil, err
	}
	d := &tableData{root: root}
	if d.files, err = root.CreateBucketIfNotExists(keyFiles); err != nil {
		return nil, err
	}
	if d.paths, err = root.CreateBucketIfNotExists(keyPaths); err != nil {
		return nil, err
	}
	return d, nil
}

// dropData deletes the data of table id, files and merge.
func dropData(tx *bolt.Tx, id uint64) error {
	err := tx.Bucket(bucketData).DeleteBucket(idKey(id))
	if errors.Is(err, bolt.ErrBucketNotFound) {
		return nil
	}
	return err
}

// has reports whether the snapshot holds a file at path.
func (d *tableData) has(path string) bool {
	return d != nil && d.paths.Get([]byte(path)) != nil
}

// add appends files to the snapshot, after the files already there.
func (d *tableData) add(files []DataFile) error {
	for _, f := range files {
		seq, err := d.files.NextSequence()
		if err != nil {
			return err
		}
		v, err := json.Marshal(encodeFile(f))
		if err != nil {
			return fmt.Errorf("data file %s: encode: %w", f.Path, err)
		}
		key := idKey(seq)
		if err := d.files.Put(key, v); err != nil {
			return err
		}
		if err := d.paths.Put([]byte(f.Path), key); err != nil {
			return err
		}
	}
	return nil
}

// remove takes the file at path out of the snapshot, reporting whether it
// was there.
func (d *tableData) remove(path string) (bool, error) {
	key := d.paths.Get([]byte(path))
	if key == nil {
		return false, nil
	}
	if err := d.files.Delete(key); err != nil {
		return false, err
	}
	return true, d.paths.Delete([]byte(path))
}

// replace stores f in the place of the file of the same path, keeping its
// place in the order; a file not in the snapshot is skipped.
func (d *tableData) replace(f DataFile) error {
	key := d.paths.Get([]byte(f.Path))
	if key == nil {
		return nil
	}
	v, err := json.Marshal(encodeFile(f))
	if err != nil {
		return fmt.Errorf("data file %s: encode: %w", f.Path, err)
	}
	return d.files.Put(key, v)
}

// get returns the file at path, if the snapshot holds it.
func (d *tableData) get(path string) (DataFile, bool, error) {
	key := d.paths.Get([]byte(path))
	if key == nil {
		return DataFile{}, false, nil
	}
	f, err := decodeFile(d.files.Get(key))
	if err != nil {
		return DataFile{}, false, err
	}
	return f, true, nil
}

// raw returns copies of the snapshot's stored files, in order, for
// decodeFiles: a caller inside a write transaction that others wait on
// copies them there and decodes them after it.
func (d *tableData) raw() [][]byte {
	if d == nil {
		return nil
	}
	var out [][]byte
	_ = d.files.ForEach(func(_, v []byte) error {
		out = append(out, append([]byte(nil), v...))
		return nil
	})
	return out
}

// list returns the snapshot's files in order, nil if it has none.
func (d *tableData) list() ([]DataFile, error) {
	return decodeFiles(d.raw())
}

func decodeFiles(raw [][]byte) ([]DataFile, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	out := make([]DataFile, len(raw))
	for i, v := range raw {
		f, err := decodeFile(v)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

func decodeFile(v []byte) (DataFile, error) {
	var r fileRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return DataFile{}, fmt.Errorf("stored data file: %w", err)
	}
	return r.decode(), nil
}

// readMerge reads the merge of the snapshot's sketches; an empty one for a
// table that has never had files.
func (d *tableData) readMerge() (*merge, error) {
	m := &merge{merged: map[string]*hyperloglog.Sketch{}, unknown: map[string]bool{}}
	v := d.root.Get(keyMerge)
	if v == nil {
		return m, nil
	}
	var rec mergeRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return nil, fmt.Errorf("stored merge: %w", err)
	}
	m.order = rec.Order
	for _, name := range rec.Unknown {
		m.unknown[name] = true
	}
	if b := d.root.Bucket(keyMerged); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			s := NewSketch()
			if err := s.UnmarshalBinary(v); err != nil {
				return fmt.Errorf("stored merged sketch of %s: %w", k, err)
			}
			m.merged[string(k)] = s
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range m.order {
		if m.merged[name] == nil {
			m.unknown[name] = true // a lost sketch, as summarize treats one
		}
	}
	return m, nil
}

// writeMerge stores m as the merge of the snapshot's sketches. A column
// found unknown keeps no sketch: it stays unknown until the merge is made
// again from the files (a rewrite, ANALYZE).
func (d *tableData) writeMerge(m *merge) error {
	b, err := d.root.CreateBucketIfNotExists(keyMerged)
	if err != nil {
		return err
	}
	for _, name := range m.order {
		if m.unknown[name] {
			if err := b.Delete([]byte(name)); err != nil {
				return err
			}
			continue
		}
		v, err := m.merged[name].MarshalBinary()
		if err != nil {
			return fmt.Errorf("merged sketch of %s: %w", name, err)
		}
		if err := b.Put([]byte(name), v); err != nil {
			return err
		}
	}
	v, err := json.Marshal(mergeRecord{Order: m.order, Unknown: slices.Sorted(maps.Keys(m.unknown))})
	if err != nil {
		return err
	}
	return d.root.Put(keyMerge, v)
}
