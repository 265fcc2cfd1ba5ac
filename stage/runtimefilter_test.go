package stage

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// TestCutWiresRuntimeFilters: Cut connects a filter's build fragment to
// its probe fragment, and puts the build before the probe in their
// consumer's inputs, which a task materializes in order.
func TestCutWiresRuntimeFilters(t *testing.T) {
	scan := func(id int, table string) *Scan {
		return &Scan{ID: id, Database: "main", Table: table, Columns: []string{"k"}, Types: []arrow.DataType{i64}, Files: 1, Rows: 10, Tasks: 2}
	}
	probe := &Exchange{Input: &RuntimeFilter{Input: scan(0, "fact"), ID: 1, Keys: []int{0}}, Kind: Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2}
	build := &Exchange{Input: scan(1, "dim"), Kind: Normal, Keys: []int{0}, Tasks: 2, InputTasks: 2, Filter: &FilterBuild{ID: 1, Keys: []int{0}}}
	join := &Join{Left: probe, Right: build, Kind: InnerJoin, LeftKeys: []int{0}, RightKeys: []int{0}, MarkIn: -1, RightMark: -1, Strategy: Shuffle}
	d := Cut(join, Partitioning{Kind: PartHash, Keys: []int{0}, Tasks: 2})
	if len(d.Fragments) != 3 {
		t.Fatalf("%d fragments:\n%s", len(d.Fragments), d)
	}
	root, p, b := d.Fragments[0], d.Fragments[1], d.Fragments[2]
	if got := b.Output.Filter; got == nil || got.ID != 1 || got.Probe != p.ID {
		t.Errorf("build fragment's filter output %+v, want filter 1 to fragment %d", got, p.ID)
	}
	if want := []FilterInput{{ID: 1, Build: b.ID}}; !slices.Equal(p.Filters, want) {
		t.Errorf("probe fragment's filters %v, want %v", p.Filters, want)
	}
	if want := []FragmentID{b.ID, p.ID}; !slices.Equal(root.Inputs, want) {
		t.Errorf("join fragment's inputs %v, want the build first %v", root.Inputs, want)
	}
}
