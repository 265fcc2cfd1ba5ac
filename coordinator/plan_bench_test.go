package coordinator

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/physical"
)

// wideJoin creates n tables t0..t(n-1) and returns a query joining them:
// t0 is the fact table, every other table a dimension keyed by id that the
// previous one references (a snowflake chain, as generated ORM queries
// join).
func wideJoin(tb testing.TB, ctx context.Context, cat catalog.Catalog, n int) string {
	var from, where []string
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("t%d", i)
		if err := execDDL(ctx, cat, fmt.Sprintf("CREATE TABLE %s (id BIGINT, ref BIGINT, v VARCHAR(20))", name)); err != nil {
			tb.Fatal(err)
		}
		rows := 1_000_000 / (i + 1)
		d := &datadriven.TestData{Cmd: "snapshot", CmdArgs: []datadriven.CmdArg{
			{Key: "table", Vals: []string{name}}, {Key: "files", Vals: []string{"2"}}, {Key: "rows", Vals: []string{fmt.Sprint(rows)}},
			{Key: "ranges", Vals: []string{fmt.Sprintf("id=1..%d", rows)}},
		}}
		if out := setUp(tb, ctx, cat, d); out != "" {
			tb.Fatal(out)
		}
		from = append(from, name)
		if i > 0 {
			where = append(where, fmt.Sprintf("t%d.ref = t%d.id", i-1, i))
		}
	}
	return "SELECT count(*), min(t0.v) FROM " + strings.Join(from, ", ") + " WHERE " + strings.Join(where, " AND ")
}

// BenchmarkPlanWideJoin plans a 43-table join: bounded join enumeration
// keeps it to milliseconds.
func BenchmarkPlanWideJoin(b *testing.B) {
	ctx := context.Background()
	cat, err := catalog.OpenBolt(b.TempDir() + "/catalog.db")
	if err != nil {
		b.Fatal(err)
	}
	defer cat.Close()
	sql := wideJoin(b, ctx, cat, 43)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := planQueryText(ctx, cat, sql, physical.Cluster{Workers: 2}); err != nil {
			b.Fatal(err)
		}
	}
}
