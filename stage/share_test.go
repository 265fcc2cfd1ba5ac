package stage

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// TestCutSharesFragments: an exchange whose input Cut has made before
// (same plan but for scan IDs, same output) is read from that fragment by
// its consumer instead of being computed again, once per consumer even
// where the consumer reads it twice (a self-join); one that applies a
// runtime filter is not shared.
func TestCutSharesFragments(t *testing.T) {
	scan := func(id int) *Scan {
		return &Scan{ID: id, Database: "main", Table: "t", Columns: []string{"k"}, Types: []arrow.DataType{i64}, Files: 1, Rows: 10, Tasks: 2}
	}
	shuffled := func(p Plan) *Exchange {
		return &Exchange{Input: p, Kind: Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2}
	}
	join := func(l, r Plan) *Join {
		return &Join{Left: l, Right: r, Kind: InnerJoin, LeftKeys: []int{0}, RightKeys: []int{0}, MarkIn: -1, RightMark: -1, Strategy: Shuffle}
	}
	// (t ⋈ t) ⋈ t, every side shuffled: one scan of t, read twice by the
	// inner join and once by the root.
	inner := shuffled(join(shuffled(scan(0)), shuffled(scan(1))))
	d := Cut(join(inner, shuffled(scan(2))), Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2})
	if len(d.Fragments) != 3 {
		t.Fatalf("%d fragments, want 3 (root, inner join, one scan):\n%s", len(d.Fragments), d)
	}
	root, innerJoin, scanned := d.Fragments[0], d.Fragments[1], d.Fragments[2]
	if !slices.Equal(innerJoin.Inputs, []FragmentID{scanned.ID}) || !slices.Equal(root.Inputs, []FragmentID{innerJoin.ID, scanned.ID}) {
		t.Errorf("inner join reads %v, root %v; want the scan once each:\n%s", innerJoin.Inputs, root.Inputs, d)
	}
	if got := scanned.Output.Consumers(); !slices.Equal(got, []FragmentID{innerJoin.ID, root.ID}) {
		t.Errorf("the scan is read by %v, want the inner join and the root", got)
	}

	// With a runtime filter on the third scan, it is a fragment of its own.
	filtered := shuffled(&RuntimeFilter{Input: scan(2), ID: 1, Keys: []int{0}})
	d = Cut(join(shuffled(join(shuffled(scan(0)), shuffled(scan(1)))), filtered), Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2})
	if len(d.Fragments) != 4 {
		t.Errorf("%d fragments with a filtered third scan, want 4:\n%s", len(d.Fragments), d)
	}
}
