package duck

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestNotInRendersAsHashJoin: the anti join of a one-column NOT IN renders
// as DuckDB's NOT IN, which DuckDB hashes; an anti join on any other
// condition keeps DuckDB's ANTI JOIN.
func TestNotInRendersAsHashJoin(t *testing.T) {
	i64 := arrow.PrimitiveTypes.Int64
	boolean := arrow.FixedWidthTypes.Boolean
	side := func(table string) *stage.Scan {
		return &stage.Scan{Table: table, Columns: []string{"k", "v"}, Types: []arrow.DataType{i64, i64}}
	}
	col := func(i int) stage.Expr { return &stage.ColumnRef{Index: i, T: i64} }
	call := func(fn string, args ...stage.Expr) stage.Expr { return &stage.Call{Fn: fn, Args: args, T: boolean} }
	notIn := func(x, y stage.Expr) stage.Expr {
		return call("or", call("or", call("=", x, y), call("isnull", x)), call("isnull", y))
	}
	for _, c := range []struct {
		name string
		cond stage.Expr
		want string
	}{
		{"x NOT IN (q)", notIn(col(1), col(2)), "WHERE l.c1 NOT IN (SELECT r.c0 FROM ("},
		{"the equality written the other way", call("or", call("or", call("=", col(2), col(1)), call("isnull", col(1))), call("isnull", col(2))),
			"WHERE l.c1 NOT IN (SELECT r.c0 FROM ("},
		{"with a correlation", call("and", notIn(col(1), col(2)), call("=", col(0), col(3))), " ANTI JOIN "},
		{"the NULL tests of other columns", call("or", call("or", call("=", col(1), col(2)), call("isnull", col(0))), call("isnull", col(2))), " ANTI JOIN "},
		{"both sides of the equality on the left", notIn(col(0), col(1)), " ANTI JOIN "},
	} {
		j := &stage.Join{Left: side("a"), Right: side("b"), Kind: stage.AntiJoin, Cond: c.cond}
		sql, err := RenderPlan(j)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !strings.Contains(sql, c.want) {
			t.Errorf("%s: SQL lacks %q:\n%s", c.name, c.want, sql)
		}
	}
}
