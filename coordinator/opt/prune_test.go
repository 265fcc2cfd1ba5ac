package opt

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/stage"
)

// TestPruneColumnsKeepsNDV: a narrowed scan's distinct-value estimates
// follow its columns, so that the estimates of the columns it keeps are
// theirs and not those of the columns that were first.
func TestPruneColumnsKeepsNDV(t *testing.T) {
	i64 := arrow.PrimitiveTypes.Int64
	scan := &logical.Scan{Database: "main", Table: "t", Columns: []string{"a", "b", "c"}, Types: []arrow.DataType{i64, i64, i64},
		Rows: 1000, NDV: []float64{1000, 10, 3}}
	p := &logical.Project{Input: scan, Exprs: []stage.Expr{&stage.ColumnRef{Index: 2, Name: "c", T: i64}}, Names: []string{"c"}}
	out, ok := PruneColumns(p)
	if !ok {
		t.Fatal("PruneColumns did not fire")
	}
	pruned := out.(*logical.Project).Input.(*logical.Scan)
	if !slices.Equal(pruned.Columns, []string{"c"}) || !slices.Equal(pruned.NDV, []float64{3}) {
		t.Errorf("pruned scan columns %v NDV %v, want [c] [3]", pruned.Columns, pruned.NDV)
	}
	if got := logical.ColumnNDV(out, 0); got != 3 {
		t.Errorf("ColumnNDV of c = %v, want 3", got)
	}
}
