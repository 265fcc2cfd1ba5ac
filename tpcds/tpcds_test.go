package tpcds

import (
	"context"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/quiverdb/quiver/tpch"
)

// TextsCheckEnv turns TestOracleTexts on.
const TextsCheckEnv = "QUIVER_TPCDS_CHECK_TEXTS"

func TestOrderByLimit(t *testing.T) {
	for _, c := range []struct {
		sql   string
		items []string
		limit int
		keys  []int
	}{
		{"select a, b x from t order by a, x desc limit 100", []string{"a", "x desc"}, 100, []int{0, 1}},
		{"select t.a, sum(b) over (order by c) s from t order by t.a, 2 limit 5", []string{"t.a", "2"}, 5, []int{0, 1}},
		{"select a, b from (select a, b from t order by b limit 3) s order by a, c, b", []string{"a", "c", "b"}, 0, []int{0}},
		{"select 'order by x' a from t", nil, 0, nil},
		{"select sum(a) from t order by sum( a ) asc nulls first", []string{"sum( a ) asc nulls first"}, 0, []int{2}},
	} {
		items, limit := orderByLimit(c.sql)
		if !reflect.DeepEqual(items, c.items) || limit != c.limit {
			t.Errorf("%s: got %q limit %d, want %q limit %d", c.sql, items, limit, c.items, c.limit)
		}
		if keys := orderKeys(items, []string{"a", "x", "sum(a)"}); len(c.keys) > 0 && !reflect.DeepEqual(keys, c.keys) {
			t.Errorf("%s: keys %v, want %v", c.sql, keys, c.keys)
		}
	}
}

// TestOracleTexts generates SF 0.01 and checks the oracle against itself:
// where DuckDB runs the MySQL text, its answer equals DuckDB's answer to
// its own text of the query, so the two sets ask the same questions on
// this data (but for the three of mysqlOracle, whose parameters differ).
// It checks reference data that changes only with an edit of
// queries/*.sql, and costs half a minute, so it runs when $QUIVER_TPCDS_CHECK_TEXTS
// is set (docs/tpcds.md).
func TestOracleTexts(t *testing.T) {
	if os.Getenv(TextsCheckEnv) == "" {
		t.Skipf("the query texts are checked against DuckDB's when $%s is set", TextsCheckEnv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()
	if _, err := Generate(ctx, GenConfig{SF: 0.01, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	tables, err := Tables(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := tpch.OpenDuckDBTables(ctx, dir, tables, 2, "", MySQLNullOrder)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	qs, err := Queries(ctx, d, dir)
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, q := range qs {
		own, err := DuckDBText(dir, q.N)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := d.Query(ctx, own)
		if err != nil {
			t.Errorf("Q%d: DuckDB's own text: %v", q.N, err)
			continue
		}
		got, _, err := d.Query(ctx, q.SQL)
		if err != nil {
			t.Logf("Q%d: DuckDB does not run the MySQL text: %v", q.N, err)
			continue
		}
		ran++
		if diff := tpch.DiffTop(got, want, q.OrderKeys, q.Limit); diff != "" && !mysqlOracle[q.N] {
			t.Errorf("Q%d (keys %v limit %d, %d rows): the MySQL text answers differently:\n%s", q.N, q.OrderKeys, q.Limit, len(want.Rows), diff)
		}
	}
	t.Logf("DuckDB ran %d of the MySQL texts", ran)
}
