package integration

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// queryCase is one query of the suite: SQL for Quiver (MySQL dialect) and,
// when DuckDB needs different text for the same meaning, for the oracle.
type queryCase struct {
	name    string
	sql     string
	oracle  string           // defaults to sql
	ordered bool             // compare row order (the query has ORDER BY)
	types   []arrow.DataType // when set, the exact Arrow types of the result
	// rowsOnly compares only the row count (LIMIT without ORDER BY picks
	// any rows).
	rowsOnly bool
}

var (
	tInt32   = arrow.PrimitiveTypes.Int32
	tInt64   = arrow.PrimitiveTypes.Int64
	tFloat64 = arrow.PrimitiveTypes.Float64
	tString  = arrow.BinaryTypes.String
	tDate32  = arrow.FixedWidthTypes.Date32
	tDec     = func(p, s int32) arrow.DataType { return &arrow.Decimal128Type{Precision: p, Scale: s} }
	tDec152  = tDec(15, 2)
	tSumInt  = tDec(38, 0) // sum of an integer column (MySQL: DECIMAL)
	tSumDec  = tDec(38, 2) // sum of DECIMAL(15,2)
	tAvgInt  = tDec(38, 4) // avg of an integer column: scale + 4
	tAvgDec  = tDec(38, 6) // avg of DECIMAL(15,2)
	rowTypes = []arrow.DataType{tInt32, tInt64, tString, tDec152, tDate32, tFloat64}
)

// suite is the query list compared with the oracle. The order keys of every
// ordered query make the order total, so there is one right answer.
var suite = []queryCase{
	{name: "count_star", sql: "SELECT count(*) FROM t", types: []arrow.DataType{tInt64}},
	{name: "counts", sql: "SELECT count(*), count(a), count(b), count(s), count(d), count(dt), count(f) FROM t",
		types: []arrow.DataType{tInt64, tInt64, tInt64, tInt64, tInt64, tInt64, tInt64}},
	{name: "sums", sql: "SELECT sum(a), sum(b), sum(d), sum(f) FROM t",
		types: []arrow.DataType{tSumInt, tSumInt, tSumDec, tFloat64}},
	{name: "min_max", sql: "SELECT min(a), max(a), min(b), max(b), min(s), max(s), min(d), max(d), min(dt), max(dt), min(f), max(f) FROM t",
		types: []arrow.DataType{tInt32, tInt32, tInt64, tInt64, tString, tString, tDec152, tDec152, tDate32, tDate32, tFloat64, tFloat64}},
	{name: "avgs", sql: "SELECT avg(a), avg(b), avg(d), avg(f) FROM t",
		oracle: "SELECT mysql_avg_int(sum(a), count(a)), mysql_avg_int(sum(b), count(b)), mysql_avg_dec2(sum(d), count(d)), avg(f) FROM t",
		types:  []arrow.DataType{tAvgInt, tAvgInt, tAvgDec, tFloat64}},
	{name: "group_by_s", sql: "SELECT s, count(*), count(a), sum(a), sum(b), sum(d), min(dt), max(dt) FROM t GROUP BY s",
		types: []arrow.DataType{tString, tInt64, tInt64, tSumInt, tSumInt, tSumDec, tDate32, tDate32}},
	{name: "group_by_s_avg", sql: "SELECT s, avg(a), avg(d), avg(f) FROM t GROUP BY s",
		oracle: "SELECT s, mysql_avg_int(sum(a), count(a)), mysql_avg_dec2(sum(d), count(d)), avg(f) FROM t GROUP BY s",
		types:  []arrow.DataType{tString, tAvgInt, tAvgDec, tFloat64}},
	{name: "group_by_dt", sql: "SELECT dt, count(*), sum(d), max(f), min(s) FROM t GROUP BY dt"},
	{name: "group_by_a", sql: "SELECT a, count(*), sum(b), min(s), max(s), max(d) FROM t GROUP BY a",
		types: []arrow.DataType{tInt32, tInt64, tSumInt, tString, tString, tDec152}},
	{name: "group_by_two_keys", sql: "SELECT s, dt, count(*), sum(a), min(f) FROM t WHERE dt < '2020-03-01' GROUP BY s, dt"},
	{name: "filter_and", sql: "SELECT count(*), sum(b), min(d) FROM t WHERE a > 0 AND d < 0"},
	{name: "filter_or_is_null", sql: "SELECT count(*), count(s) FROM t WHERE a IS NULL OR s IS NULL"},
	{name: "filter_between_in", sql: "SELECT s, count(*), sum(a) FROM t WHERE a BETWEEN -10 AND 10 AND s IN ('k01', 'k02', '', 'k10', 'it''s') GROUP BY s"},
	{name: "filter_like", sql: "SELECT count(*), max(s) FROM t WHERE s LIKE 'k1%'"},
	{name: "filter_dates", sql: "SELECT count(*), min(d), max(d), min(dt), max(dt) FROM t WHERE dt >= '2021-01-01' AND dt < '2022-01-01'"},
	{name: "filter_decimal_literal", sql: "SELECT count(*), sum(d) FROM t WHERE d > 100.50 AND d <= 5000"},
	{name: "filter_float", sql: "SELECT count(*), sum(f) FROM t WHERE f <> 0 AND f > -100.5"},
	{name: "projection_filter", sql: "SELECT a, b, s, d, dt, f FROM t WHERE a = 7", types: rowTypes},
	{name: "projection_reorder", sql: "SELECT f, s, a FROM t WHERE b > 999000000 OR b < -999000000",
		types: []arrow.DataType{tFloat64, tString, tInt32}},
	{name: "order_limit_rows", sql: "SELECT a, b, s, d, dt, f FROM t ORDER BY b DESC, a, s, d, dt, f LIMIT 25", ordered: true, types: rowTypes},
	{name: "order_nulls_first", sql: "SELECT a, count(*) FROM t GROUP BY a ORDER BY a LIMIT 10", ordered: true},
	{name: "order_desc_nulls_last", sql: "SELECT dt, count(*) FROM t GROUP BY dt ORDER BY dt DESC LIMIT 15", ordered: true},
	{name: "order_by_aggregate_alias", sql: "SELECT s, count(*) AS c, sum(d) AS sd FROM t GROUP BY s ORDER BY c DESC, s LIMIT 10", ordered: true},
	{name: "order_whole_group_result", sql: "SELECT s, sum(a) AS sa, max(dt) AS md FROM t GROUP BY s ORDER BY s", ordered: true},
	{name: "order_filtered_rows", sql: "SELECT d, dt, a FROM t WHERE s = 'k07' AND a < -900 ORDER BY d, dt, a, b, f", ordered: true},
	{name: "limit_without_order", sql: "SELECT a, s FROM t WHERE a > 0 LIMIT 7", rowsOnly: true},
	{name: "empty_input_aggregate", sql: "SELECT count(*), sum(a), min(s), max(dt), avg(d) FROM t WHERE a > 1000000",
		oracle: "SELECT count(*), sum(a), min(s), max(dt), mysql_avg_dec2(sum(d), count(d)) FROM t WHERE a > 1000000",
		types:  []arrow.DataType{tInt64, tSumInt, tString, tDate32, tAvgDec}},
	{name: "empty_group_by", sql: "SELECT s, count(*) FROM t WHERE a > 1000000 GROUP BY s"},
}

// runSuite runs every case as a subtest on c and compares it with o.
func runSuite(t *testing.T, c *client, o *oracle, cases []queryCase) {
	t.Helper()
	for _, qc := range cases {
		t.Run(qc.name, func(t *testing.T) {
			checkQuery(t, c, o, qc)
		})
	}
}

// checkQuery runs one case on Quiver and on the oracle and compares.
func checkQuery(t *testing.T, c *client, o *oracle, qc queryCase) {
	t.Helper()
	got, err := c.Query(qc.sql)
	if err != nil {
		t.Fatalf("quiver: %s\n  error: %v", qc.sql, err)
	}
	osql := qc.oracle
	if osql == "" {
		osql = qc.sql
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	want, err := o.Query(ctx, osql)
	if err != nil {
		t.Fatalf("oracle: %s\n  error: %v", osql, err)
	}
	if qc.types != nil {
		if d := typeDiff(got.schema, qc.types); d != "" {
			t.Errorf("%s\n  result types: %s", qc.sql, d)
		}
	}
	if qc.rowsOnly {
		if len(got.rows) != len(want.rows) {
			t.Errorf("%s\n  got %d rows, want %d", qc.sql, len(got.rows), len(want.rows))
		}
		return
	}
	if d := diffResults(got, want, qc.ordered); d != "" {
		t.Errorf("%s\n  differs from DuckDB:\n%s", qc.sql, d)
	}
}

// typeDiff describes how the schema's types differ from want ("" if not).
func typeDiff(s *arrow.Schema, want []arrow.DataType) string {
	got := make([]string, len(s.Fields()))
	bad := len(s.Fields()) != len(want)
	for i, f := range s.Fields() {
		got[i] = f.Type.String()
		if i < len(want) && !arrow.TypeEqual(f.Type, want[i]) {
			bad = true
		}
	}
	if !bad {
		return ""
	}
	ws := make([]string, len(want))
	for i, w := range want {
		ws[i] = w.String()
	}
	return fmt.Sprintf("got [%s], want [%s]", strings.Join(got, ", "), strings.Join(ws, ", "))
}
