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

// wideJoin creates n tables t0..t(n-1) and returns a query joining them.
// t0 is the fact table; in a chain every other table is a dimension keyed
// by id that the previous one references (a snowflake chain, as generated
// ORM queries join), in a star t0 references each one. stats gives each
// table a falling row count and a range for id; without it every table has
// 1,000 rows and no range, as sqllogictest's small tables.
func wideJoin(tb testing.TB, ctx context.Context, cat catalog.Catalog, n int, star, stats bool) string {
	var from, where []string
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("t%d", i)
		if err := execDDL(ctx, cat, fmt.Sprintf("CREATE TABLE %s (id BIGINT, ref BIGINT, v VARCHAR(20))", name)); err != nil {
			tb.Fatal(err)
		}
		rows := 1_000_000 / (i + 1)
		if !stats {
			rows = 1000
		}
		args := []datadriven.CmdArg{{Key: "table", Vals: []string{name}}, {Key: "files", Vals: []string{"2"}}, {Key: "rows", Vals: []string{fmt.Sprint(rows)}}}
		if stats {
			args = append(args, datadriven.CmdArg{Key: "ranges", Vals: []string{fmt.Sprintf("id=1..%d", rows)}})
		}
		if out := setUp(tb, ctx, cat, &datadriven.TestData{Cmd: "snapshot", CmdArgs: args}); out != "" {
			tb.Fatal(out)
		}
		from = append(from, name)
		switch {
		case i == 0:
		case star:
			where = append(where, fmt.Sprintf("t0.ref = t%d.id", i))
		default:
			where = append(where, fmt.Sprintf("t%d.ref = t%d.id", i-1, i))
		}
	}
	return "SELECT count(*), min(t0.v) FROM " + strings.Join(from, ", ") + " WHERE " + strings.Join(where, " AND ")
}

// BenchmarkPlanWideJoin plans a 43-table join, bound to cut plan (what
// runs before the first task starts), as a chain and a star, with and
// without statistics: bounded join enumeration keeps it to milliseconds.
func BenchmarkPlanWideJoin(b *testing.B) {
	for _, c := range []struct {
		name        string
		star, stats bool
	}{{"chain", false, true}, {"star", true, true}, {"chain-nostats", false, false}, {"star-nostats", true, false}} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			cat, err := catalog.OpenBolt(b.TempDir() + "/catalog.db")
			if err != nil {
				b.Fatal(err)
			}
			defer cat.Close()
			sql := wideJoin(b, ctx, cat, 43, c.star, c.stats)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := planQueryText(ctx, cat, sql, physical.Cluster{Workers: 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
