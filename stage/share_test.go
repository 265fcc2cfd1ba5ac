package stage

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// TestCutSharesFragments: an exchange whose input Cut has made before
// (same plan but for scan IDs, same output) is read from that fragment by
// its second consumer instead of being computed again; one that the same
// consumer reads twice, or that applies a runtime filter, is not.
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
	// (t ⋈ t) ⋈ t, every side shuffled: the inner join reads two scans of
	// t (two fragments: one consumer), the outer join a third, which is
	// the first's rows again.
	inner := shuffled(join(shuffled(scan(0)), shuffled(scan(1))))
	d := Cut(join(inner, shuffled(scan(2))), Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2})
	if len(d.Fragments) != 4 {
		t.Fatalf("%d fragments, want 4 (root, inner join, two scans):\n%s", len(d.Fragments), d)
	}
	root, innerJoin := d.Fragments[0], d.Fragments[1]
	if len(innerJoin.Inputs) != 2 || innerJoin.Inputs[0] == innerJoin.Inputs[1] {
		t.Fatalf("the inner join reads %v, want two fragments", innerJoin.Inputs)
	}
	var shared []FragmentID
	for _, in := range innerJoin.Inputs {
		if c := d.Fragment(in).Output.Consumers(); len(c) > 1 {
			shared = append(shared, in)
			if !slices.Equal(c, []FragmentID{innerJoin.ID, root.ID}) {
				t.Errorf("fragment %d is read by %v, want the inner join and the root", in, c)
			}
		}
	}
	if len(shared) != 1 || !slices.Contains(root.Inputs, shared[0]) {
		t.Errorf("shared scans %v, the root reads %v; want one of the inner join's scans read by the root too:\n%s", shared, root.Inputs, d)
	}

	// With a runtime filter on the third scan, it is a fragment of its own.
	filtered := shuffled(&RuntimeFilter{Input: scan(2), ID: 1, Keys: []int{0}})
	d = Cut(join(shuffled(join(shuffled(scan(0)), shuffled(scan(1)))), filtered), Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2})
	if len(d.Fragments) != 5 {
		t.Errorf("%d fragments with a filtered third scan, want 5:\n%s", len(d.Fragments), d)
	}
}
