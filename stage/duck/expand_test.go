package duck

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestExpandRollup runs GROUP BY a, b WITH ROLLUP as the planner lays it
// out (an aggregation over an Expand) on DuckDB.
func TestExpandRollup(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	i64 := arrow.PrimitiveTypes.Int64
	row := func(a, b, x string) []stage.Expr { return []stage.Expr{lit(a, i64), lit(b, i64), lit(x, i64)} }
	values := &stage.Values{Names: []string{"a", "b", "x"}, Types: []arrow.DataType{i64, i64, i64},
		Rows: [][]stage.Expr{row("1", "1", "10"), row("1", "2", "20"), row("2", "1", "30")}}
	expand := &stage.Expand{Input: values, Keys: []int{0, 1}, Sets: [][]int{{0, 1}, {0}, {}}}
	col := func(i int) stage.Expr { return &stage.ColumnRef{Index: i, T: i64} }
	agg := &stage.Aggregate{Input: expand, Mode: stage.AggregateComplete, GroupBy: []stage.Expr{col(3), col(4), col(5)},
		Aggs:  []stage.AggCall{{Fn: stage.AggSum, Arg: col(2), T: i64}, {Fn: stage.AggCountStar, T: i64}},
		Names: []string{"a", "b", "grouping_id", "sum(x)", "count(*)"}}
	query, err := RenderPlan(agg)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT * FROM (" + query + ") ORDER BY c2, c0, c1")
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var a, b sql.NullString
		var id, sum, n string
		if err := rows.Scan(&a, &b, &id, &sum, &n); err != nil {
			t.Fatal(err)
		}
		nullable := func(s sql.NullString) string {
			if !s.Valid {
				return "NULL"
			}
			return s.String
		}
		got = append(got, strings.Join([]string{nullable(a), nullable(b), id, sum, n}, " "))
	}
	want := []string{"1 1 0 10 1", "1 2 0 20 1", "2 1 0 30 1", "1 NULL 1 30 2", "2 NULL 1 30 1", "NULL NULL 2 60 3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
