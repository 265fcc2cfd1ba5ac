package coordinator

import (
	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// pruneScans narrows what each scan directly under a filter reads to the
// files, and for an external Parquet table the row groups, where some row
// may pass the filter by their min / max statistics: a file or row group in
// which one conjunct "column op constant" holds for no value in the
// column's range (or whose column is NULL in every row) holds no row of
// the filter's output, so leaving it out changes no answer. tables (by
// scan ID, as bound) gets the narrowed copies, which the scheduler splits;
// the plan gets scans whose Files, Rows and Skipped say what they read. A
// scan that occurs more than once in the plan is left whole.
func pruneScans(p logical.Plan, tables map[int]*catalog.Table) logical.Plan {
	if len(tables) == 0 {
		return p
	}
	seen := map[int]int{}
	var count func(logical.Plan)
	count = func(n logical.Plan) {
		if s, ok := n.(*logical.Scan); ok {
			seen[s.ID]++
		}
		for _, c := range n.Children() {
			count(c)
		}
	}
	count(p)
	out, _ := logical.TransformUp(p, func(n logical.Plan) (logical.Plan, bool) {
		f, ok := n.(*logical.Filter)
		if !ok {
			return n, false
		}
		s, ok := f.Input.(*logical.Scan)
		if !ok || seen[s.ID] != 1 || tables[s.ID] == nil {
			return n, false
		}
		t := tables[s.ID]
		var bounds []logical.Bound
		for _, c := range logical.SplitConjuncts(f.Cond) {
			if b, ok := logical.BoundOf(c, s.Columns); ok {
				bounds = append(bounds, b)
			}
		}
		if len(bounds) == 0 {
			return n, false
		}
		kept, skipped := pruneFiles(t.Snapshot.Files, bounds)
		if skipped == (stage.Skipped{}) {
			return n, false
		}
		pruned := *t
		pruned.Snapshot.Files = kept
		tables[s.ID] = &pruned
		ns := *s
		ns.Files, ns.Rows, ns.Skipped = len(kept), 0, skipped
		for _, f := range kept {
			ns.Rows += keptRows(f)
		}
		return &logical.Filter{Input: &ns, Cond: f.Cond}, true
	})
	return out
}

// pruneFiles keeps the files, and of a file with row groups the row
// groups, that some row of may pass every bound.
func pruneFiles(files []catalog.DataFile, bounds []logical.Bound) ([]catalog.DataFile, stage.Skipped) {
	var kept []catalog.DataFile
	var skipped stage.Skipped
	for _, f := range files {
		if len(f.RowGroups) == 0 {
			if logical.MayPass(f.Columns, f.Rows, bounds) {
				kept = append(kept, f)
			} else {
				skipped.Files++
			}
			continue
		}
		var groups []catalog.RowGroup
		for _, g := range f.RowGroups {
			if logical.MayPass(g.Columns, g.Rows, bounds) {
				groups = append(groups, g)
			} else {
				skipped.RowGroups++
			}
		}
		if len(groups) == 0 {
			skipped.Files++
			continue
		}
		f.RowGroups = groups // Rows stays the file's: splits read what is left by row
		kept = append(kept, f)
	}
	return kept, skipped
}

// keptRows is the rows of f a scan reads: those of its row groups when it
// has them.
func keptRows(f catalog.DataFile) int64 {
	if len(f.RowGroups) == 0 {
		return f.Rows
	}
	var n int64
	for _, g := range f.RowGroups {
		n += g.Rows
	}
	return n
}
