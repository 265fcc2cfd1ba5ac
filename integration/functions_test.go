package integration

import (
	"fmt"
	"strings"
	"testing"
)

// functionAnswers are MySQL's answers to scalar expressions over the rows of
// table fn (id 1: values, id 2: NULLs), in the normalised text of cell:
// strings quoted, decimals without trailing zeros, dates as "date ...".
var functionAnswers = []struct{ expr, want string }{
	{"7/2", "3.5"},
	{"i/3", "2.3333"},
	{"1/0", "NULL"},
	{"7 DIV 2", "3"},
	{"m % 0", "NULL"},
	{"MOD(-7, 2)", "-1"},
	{"ROUND(2.5)", "3"},
	{"ROUND(-2.5)", "-3"},
	{"ROUND(m, 1)", "-2.5"},
	{"TRUNCATE(1.239, 2)", "1.23"},
	{"FLOOR(m)", "-3"},
	{"CEIL(m)", "-2"},
	{"ABS(m)", "2.5"},
	{"POWER(2, 10)", "1024"},
	{"SQRT(-1)", "NULL"},
	{"LN(0)", "NULL"},
	{"GREATEST(i, 3, NULL)", "NULL"},
	{"LEAST(i, 3)", "3"},
	{"CASE WHEN i > 5 THEN 'big' ELSE 'small' END", "'big'"},
	{"CASE s WHEN 'hello' THEN 1 ELSE 2 END", "1"},
	{"IF(i > 5, 'y', 'n')", "'y'"},
	{"IFNULL(NULL, 5)", "5"},
	{"COALESCE(NULL, s)", "'hello'"},
	{"NULLIF(i, 7)", "NULL"},
	{"i IN (1, '7')", "true"},
	{"i BETWEEN 5 AND 10", "true"},
	{`'a_b' LIKE 'a\_b'`, "true"},
	{"'a%' LIKE 'a|%' ESCAPE '|'", "true"},
	{"d = '2024-03-31'", "true"},
	{"CAST('12abc' AS SIGNED)", "12"},
	{"CAST(m AS SIGNED)", "-3"},
	{"CAST(i AS CHAR)", "'7'"},
	{"CAST('2024-02-30' AS DATE)", "NULL"},
	{"CAST(1.25 AS DECIMAL(3,1))", "1.3"},
	{"DATE '2024-03-31' + INTERVAL 1 MONTH", "date 2024-04-30"},
	{"d + INTERVAL 1 MONTH", "date 2024-04-30"},
	{"DATE '1998-12-01' - INTERVAL '90' DAY", "date 1998-09-02"},
	{"DATE_SUB(d, INTERVAL 1 MONTH)", "date 2024-02-29"},
	{"EXTRACT(YEAR FROM d)", "2024"},
	{"MONTH(d)", "3"},
	{"DAYOFWEEK(d)", "1"},
	{"QUARTER(d)", "1"},
	{"DATEDIFF('2024-03-01', '2024-02-01')", "29"},
	{"DATE_FORMAT(DATE '2024-01-05', '%Y-%m-%d %W')", "'2024-01-05 Friday'"},
	{"SUBSTRING(s FROM 1 FOR 2)", "'he'"},
	{"SUBSTRING(s, -3)", "'llo'"},
	{"CONCAT('a', NULL)", "NULL"},
	{"CONCAT(s, i)", "'hello7'"},
	{"CONCAT_WS(',', 'a', NULL, 'b')", "'a,b'"},
	{"UPPER(s)", "'HELLO'"},
	{"TRIM(BOTH 'x' FROM 'xxhixx')", "'hi'"},
	{"LENGTH('é')", "2"},
	{"CHAR_LENGTH('é')", "1"},
	{"REPLACE(s, 'l', 'L')", "'heLLo'"},
	{"LEFT(s, 2)", "'he'"},
	{"RIGHT(s, 2)", "'lo'"},
	{"LPAD(s, 7, '*')", "'**hello'"},
	{"RPAD(s, 3, '*')", "'hel'"},
	{"LOCATE('l', s)", "3"},
	{"INSTR(s, 'lo')", "4"},
	{"REVERSE(s)", "'olleh'"},
}

// functionNullAnswers are the same functions over the row of NULLs.
var functionNullAnswers = []string{
	"ROUND(m, 1)", "FLOOR(m)", "ABS(m)", "CASE s WHEN 'hello' THEN 1 END", "NULLIF(i, 7)",
	"i IN (1, '7')", "d + INTERVAL 1 MONTH", "YEAR(d)", "DATEDIFF(d, '2024-01-01')",
	"DATE_FORMAT(d, '%Y')", "SUBSTRING(s, 2)", "CONCAT(s, 'x')", "UPPER(s)", "LENGTH(s)",
	"LPAD(s, 3, 'x')", "LOCATE('l', s)", "CAST(s AS SIGNED)", "m / 2", "i DIV 2",
}

// TestFunctions runs the scalar functions end to end on `quiver serve` with
// two workers and checks MySQL's answers.
func TestFunctions(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE fn (id INT, i BIGINT, m DECIMAL(15,2), s VARCHAR(20), d DATE)")
	c.MustExec("INSERT INTO fn VALUES (1, 7, -2.50, 'hello', DATE '2024-03-31'), (2, NULL, NULL, NULL, NULL)")

	exprs := make([]string, len(functionAnswers))
	for i, a := range functionAnswers {
		exprs[i] = a.expr
	}
	res := c.MustQuery("SELECT " + strings.Join(exprs, ", ") + " FROM fn WHERE id = 1")
	if len(res.rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(res.rows))
	}
	for i, a := range functionAnswers {
		if got := res.rows[0][i].String(); got != a.want {
			t.Errorf("%s = %s, want %s (type %s)", a.expr, got, a.want, res.schema.Field(i).Type)
		}
	}

	res = c.MustQuery("SELECT " + strings.Join(functionNullAnswers, ", ") + " FROM fn WHERE id = 2")
	if len(res.rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(res.rows))
	}
	for i, e := range functionNullAnswers {
		if got := res.rows[0][i].String(); got != "NULL" {
			t.Errorf("%s over NULL = %s, want NULL", e, got)
		}
	}

	// Expressions in WHERE and GROUP BY run on the workers too.
	res = c.MustQuery("SELECT YEAR(d), count(*) FROM fn WHERE d >= DATE '2024-04-01' - INTERVAL 1 MONTH AND s LIKE 'h%' GROUP BY YEAR(d)")
	if got := fmt.Sprint(res.rows); got != "[[2024 1]]" {
		t.Errorf("filtered group = %s, want [[2024 1]]", got)
	}
}
