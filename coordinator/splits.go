package coordinator

import (
	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/stage"
)

// Scan splits: which part of each table a scan task reads. The scheduler
// asks for them as it sends each task (sendTasks).

// splits gives each task of a fragment its part of every table it scans:
// the files j with j mod tasks == i (for a bucketed table, the files of
// bucket i), and of a Parquet file with several row groups (an external
// table's, whose footers the planner read) each row group as a split of
// its own, numbered on after the files before it, so that a big file is
// read by every task. Row groups that pruning left out (pruneScans) are
// not in the table's files any more.
func splits(f *stage.Fragment, task int, tables map[int]*catalog.Table) []stage.ScanSplit {
	var out []stage.ScanSplit
	var walk func(p stage.Plan)
	walk = func(p stage.Plan) {
		if s, ok := p.(*stage.Scan); ok {
			split := stage.ScanSplit{Scan: s.ID}
			if t := tables[s.ID]; t != nil {
				since := columnsSince(s, t)
				j := 0 // the next split's number
				for _, file := range t.Snapshot.Files {
					if partial(file) && s.Buckets == 0 {
						var ranges []stage.RowRange
						for _, g := range file.RowGroups {
							if j%f.Tasks == task {
								ranges = appendRange(ranges, g)
							}
							j++
						}
						if ranges != nil {
							split.Files = append(split.Files, file.Path)
							split.Missing = appendMissing(split.Missing, len(split.Files)-1, since, file.Schema)
							split.Ranges = appendRanges(split.Ranges, len(split.Files)-1, ranges)
						}
						continue
					}
					// A bucketed table's task i reads bucket i: that is
					// what makes its rows arrive hashed on the keys.
					n := j
					if s.Buckets > 0 {
						n = file.Bucket
					}
					j++
					if n%f.Tasks == task {
						split.Files = append(split.Files, file.Path)
						split.Missing = appendMissing(split.Missing, len(split.Files)-1, since, file.Schema)
						if split.Ranges != nil {
							split.Ranges = append(split.Ranges, nil)
						}
					}
				}
			}
			out = append(out, split)
		}
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(f.Root)
	return out
}

// partial reports whether a file is read by row groups: it has several, or
// pruning left only some of them (catalog.DataFile.RowGroups).
func partial(f catalog.DataFile) bool {
	return len(f.RowGroups) > 1 || len(f.RowGroups) == 1 && f.RowGroups[0].Rows != f.Rows
}

// appendRange adds row group g to ranges, merged with the last range when
// it follows on from it.
func appendRange(ranges []stage.RowRange, g catalog.RowGroup) []stage.RowRange {
	if n := len(ranges); n > 0 && ranges[n-1].Offset+ranges[n-1].Rows == g.Offset {
		ranges[n-1].Rows += g.Rows
		return ranges
	}
	return append(ranges, stage.RowRange{Offset: g.Offset, Rows: g.Rows})
}

// appendRanges sets the ranges of file n of a split (one entry per file, or
// nil while every file is read whole).
func appendRanges(all [][]stage.RowRange, n int, ranges []stage.RowRange) [][]stage.RowRange {
	if all == nil {
		all = make([][]stage.RowRange, n+1)
	}
	for len(all) <= n {
		all = append(all, nil)
	}
	all[n] = ranges
	return all
}

// columnsSince is, for each column a scan reads, the table's schema
// version that added it (0 for a column as old as the table).
func columnsSince(s *stage.Scan, t *catalog.Table) []uint64 {
	since := make([]uint64, len(s.Columns))
	for i, name := range s.Columns {
		for _, c := range t.Columns {
			if c.FileName() == name {
				since[i] = c.Since
			}
		}
	}
	return since
}

// appendMissing records in missing (one entry per file of the split, or
// nil while no file lacks a column) the scan columns that file n, written
// under schema version v, lacks.
func appendMissing(missing [][]int, n int, since []uint64, v uint64) [][]int {
	var lacks []int
	for i, s := range since {
		if v < s {
			lacks = append(lacks, i)
		}
	}
	if lacks == nil && missing == nil {
		return nil
	}
	if missing == nil {
		missing = make([][]int, n)
	}
	return append(missing, lacks)
}
