package coordinator

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/qerr"
)

// TestPlanStopsOnCancel plans a statement within every limit whose
// optimization takes seconds (a UNION of 250 joins of 40 tables, each join
// with a condition beside its key) under a deadline of a tenth of that:
// planning must stop with CANCELLED instead of finishing the plan for a
// client that gave up. Without the checks between the optimizer's rules it
// answers a plan.
func TestPlanStopsOnCancel(t *testing.T) {
	ctx := context.Background()
	cat, err := catalog.OpenBolt(t.TempDir() + "/catalog.db")
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if err := execDDL(ctx, cat, "CREATE TABLE k (x BIGINT, y BIGINT)"); err != nil {
		t.Fatal(err)
	}
	var joins, branches []string
	for j := 1; j < 40; j++ {
		joins = append(joins, fmt.Sprintf("JOIN k b%d ON b%d.x = b%d.y AND b%d.y + b0.x > %d", j, j, j-1, j, j))
	}
	for i := 0; i < 250; i++ {
		branches = append(branches, fmt.Sprintf("SELECT b0.x FROM k b0 %s WHERE b0.x > %d", strings.Join(joins, " "), i))
	}
	sql := strings.Join(branches, " UNION ")

	tree, err := binder.ParseWithin(sql, binder.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	// Bound without a deadline: the deadline falls inside the optimizer,
	// which takes ten times as long.
	stmt, err := binder.New(cat, catalog.DefaultDatabase).Bind(ctx, tree)
	if err != nil {
		t.Fatal(err)
	}
	q := stmt.(*binder.Query)
	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err = planQuery(ctx, q.Plan, q.Tables, physical.Cluster{Workers: 2})
	if !qerr.Has(err, qerr.ErrCancelled) {
		t.Fatalf("planning past its deadline: %v, want CANCELLED", err)
	}
	t.Logf("%v", err)
}
