package binder

import (
	"slices"
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/quiverdb/quiver/qerr"
)

// TestParseLenient: a statement MySQL's default grammar refuses is parsed
// once more with IGNORE_SPACE and CAST's INT names; one it accepts (a table
// named count) is never reparsed, and a statement neither accepts reports
// the strict parse's error.
func TestParseLenient(t *testing.T) {
	for _, sql := range []string{
		"SELECT sum (x), count (*) FROM t",
		"SELECT cast (x AS signed) FROM t",
		"SELECT CAST(x AS INT), CAST(x AS integer ), cast(x as BigInt) FROM t",
		"CREATE TABLE count (sum INT, max INT)",
		"SELECT count, sum FROM count",
		"SELECT x'303132', 0x303132, b'0101', 0b0101",
		"SELECT date_add(d, 14), DATE_SUB(cast('2000-01-01' AS date), 30) FROM t",
	} {
		if _, err := Parse(sql); err != nil {
			t.Errorf("%s: %v", sql, err)
		}
	}
	stmt, err := Parse("SELECT CAST(a AS INT) + 1, cast( b  as bigint ) AS n, CAST(c AS integer), cast (d as signed) FROM t")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, f := range stmt.(*ast.SelectStmt).Fields.Fields {
		texts = append(texts, f.Text())
	}
	if want := []string{"CAST(a AS INT) + 1", "cast( b  as bigint ) AS n", "CAST(c AS integer)", "cast (d as signed)"}; !slices.Equal(texts, want) {
		t.Errorf("select field texts %q, want the user's %q", texts, want)
	}
	_, err = Parse("SELECT sum (x) FROM")
	if !qerr.Has(err, qerr.ErrSyntax) || err.Error() != `syntax error at line 1 column 12 near "(x) FROM" ` {
		t.Errorf("want the strict parse's syntax error, got %v", err)
	}
}

func TestSignedCasts(t *testing.T) {
	cases := []struct{ in, out string }{
		{"SELECT CAST(x AS INT)", "SELECT CAST(x AS SIGNED)"},
		{"select cast(x as integer ), cast(y as bigint)", "select cast(x as SIGNED ), cast(y as SIGNED)"},
		{"SELECT CAST(x AS INT UNSIGNED)", "SELECT CAST(x AS INT UNSIGNED)"},
		{"SELECT 'as int)', `as int)`, \"as int)\"", "SELECT 'as int)', `as int)`, \"as int)\""},
		{"SELECT 'it''s as int)' -- as int)\n, CAST(x AS INT) /* as int) */", "SELECT 'it''s as int)' -- as int)\n, CAST(x AS SIGNED) /* as int) */"},
		{"CREATE TABLE t (a INT)", "CREATE TABLE t (a INT)"},
		{"SELECT alias_int FROM t AS int_t", "SELECT alias_int FROM t AS int_t"},
	}
	for _, c := range cases {
		if got, _ := signedCasts(c.in); got != c.out {
			t.Errorf("signedCasts(%q) = %q, want %q", c.in, got, c.out)
		}
	}
}

// TestParseExternalTable: CREATE EXTERNAL TABLE (Quiver's grammar) parses
// with and without columns and options, and Restore prints it back as it
// parses.
func TestParseExternalTable(t *testing.T) {
	for _, c := range []struct {
		sql, restored string
		cols          int
		location      string
		format        string
		options       int
	}{
		{"CREATE EXTERNAL TABLE t LOCATION '/data/x/*.parquet' FORMAT 'parquet'",
			"CREATE EXTERNAL TABLE `t` LOCATION '/data/x/*.parquet' FORMAT 'parquet'", 0, "/data/x/*.parquet", "parquet", 0},
		{"create external table if not exists db.t (a int not null, b varchar(10)) location 'f.csv' format 'csv' options (header = true, delimiter = '|', skip = 1)",
			"CREATE EXTERNAL TABLE IF NOT EXISTS `db`.`t` (`a` INT NOT NULL,`b` VARCHAR(10)) LOCATION 'f.csv' FORMAT 'csv' OPTIONS (`header` = 'true', `delimiter` = '|', `skip` = '1')", 2, "f.csv", "csv", 3},
	} {
		stmt, err := Parse(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		s, ok := stmt.(*ast.CreateTableStmt)
		if !ok || !s.External || len(s.Cols) != c.cols || s.Location != c.location || s.Format != c.format || len(s.ExternalOptions) != c.options {
			t.Fatalf("%s: got %#v", c.sql, stmt)
		}
		var sb strings.Builder
		if err := s.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags, &sb)); err != nil {
			t.Fatal(err)
		}
		if sb.String() != c.restored {
			t.Errorf("restored\n %s\nwant\n %s", sb.String(), c.restored)
		}
		if _, err := Parse(sb.String()); err != nil {
			t.Errorf("the restored text does not parse: %v", err)
		}
	}
	// EXTERNAL, LOCATION and OPTIONS stay names; a plain CREATE TABLE is not external.
	stmt, err := Parse("CREATE TABLE external (location INT, options INT, format INT)")
	if err != nil {
		t.Fatal(err)
	}
	if stmt.(*ast.CreateTableStmt).External {
		t.Error("a plain CREATE TABLE parsed as external")
	}
	if _, err := Parse("CREATE EXTERNAL TABLE t (a INT) FORMAT 'csv'"); !qerr.Has(err, qerr.ErrSyntax) {
		t.Errorf("no LOCATION: want a syntax error, got %v", err)
	}
}

// TestParseFullJoin: FULL before JOIN or OUTER JOIN is a full outer join
// (Quiver's grammar; MySQL would read FULL as the left table's alias), with
// or without an alias on either side, while `full` stays a name elsewhere.
func TestParseFullJoin(t *testing.T) {
	for _, c := range []struct{ sql, restored string }{
		{"SELECT * FROM a FULL JOIN b ON a.x = b.x",
			"SELECT * FROM `a` FULL JOIN `b` ON `a`.`x`=`b`.`x`"},
		{"select * from web_v1 web full outer join store_v1 store on web.k = store.k",
			"SELECT * FROM `web_v1` AS `web` FULL JOIN `store_v1` AS `store` ON `web`.`k`=`store`.`k`"},
		{"SELECT * FROM a AS l FULL JOIN b r USING (x)",
			"SELECT * FROM `a` AS `l` FULL JOIN `b` AS `r` USING (`x`)"},
		{"SELECT * FROM a full join b on a.x = b.x full join c on b.x = c.x",
			"SELECT * FROM (`a` FULL JOIN `b` ON `a`.`x`=`b`.`x`) FULL JOIN `c` ON `b`.`x`=`c`.`x`"},
		{"SELECT * FROM (SELECT 1 AS x) s FULL JOIN (SELECT 2 AS x) t ON s.x = t.x",
			"SELECT * FROM (SELECT 1 AS `x`) AS `s` FULL JOIN (SELECT 2 AS `x`) AS `t` ON `s`.`x`=`t`.`x`"},
		// Not before JOIN, or after AS: a name, as in MySQL.
		{"SELECT full FROM full full WHERE full.full = 1",
			"SELECT `full` FROM `full` AS `full` WHERE `full`.`full`=1"},
		{"SELECT * FROM a AS full JOIN b ON full.x = b.x",
			"SELECT * FROM `a` AS `full` JOIN `b` ON `full`.`x`=`b`.`x`"},
		{"SHOW FULL COLUMNS FROM t", "SHOW FULL COLUMNS IN `t`"},
	} {
		stmt, err := Parse(c.sql)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if got := restoreStmt(t, stmt); got != c.restored {
			t.Errorf("%s:\n restored %s\n want     %s", c.sql, got, c.restored)
		}
		if _, err := Parse(c.restored); err != nil {
			t.Errorf("the restored %s does not parse: %v", c.restored, err)
		}
	}
	stmt, err := Parse("SELECT * FROM a x FULL JOIN b y ON x.k = y.k")
	if err != nil {
		t.Fatal(err)
	}
	j := stmt.(*ast.SelectStmt).From.TableRefs
	if j.Tp != ast.FullJoin || j.Left.(*ast.TableSource).AsName.L != "x" || j.Right.(*ast.TableSource).AsName.L != "y" {
		t.Errorf("want a full join of x and y, got %#v", j)
	}
}

// TestParseGroupingSets: ROLLUP(...), CUBE(...) and GROUPING SETS (...)
// mixed with plain items, nested, and MySQL's WITH ROLLUP and grouping().
func TestParseGroupingSets(t *testing.T) {
	for _, c := range []struct{ sql, restored string }{
		{"SELECT a, b, sum(c) FROM t GROUP BY ROLLUP(a, b)",
			"SELECT `a`,`b`,SUM(`c`) FROM `t` GROUP BY ROLLUP(`a`, `b`)"},
		{"SELECT a FROM t GROUP BY a, rollup (b, (c, d)), cube(e)",
			"SELECT `a` FROM `t` GROUP BY `a`,ROLLUP(`b`, (`c`, `d`)),CUBE(`e`)"},
		{"SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), b, (), ROLLUP(c), CUBE(d, e))",
			"SELECT `a` FROM `t` GROUP BY GROUPING SETS ((`a`, `b`), (`a`), (`b`), (), ROLLUP(`c`), CUBE(`d`, `e`))"},
		{"SELECT a, grouping(a), GROUPING(a, b) FROM t GROUP BY a, b WITH ROLLUP",
			"SELECT `a`,GROUPING(`a`),GROUPING(`a`, `b`) FROM `t` GROUP BY `a`,`b` WITH ROLLUP"},
		// Names: rollup and cube as columns, grouping as a column and a function.
		{"SELECT rollup, cube, grouping FROM t GROUP BY rollup, cube, grouping",
			"SELECT `rollup`,`cube`,`grouping` FROM `t` GROUP BY `rollup`,`cube`,`grouping`"},
	} {
		stmt, err := Parse(c.sql)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if got := restoreStmt(t, stmt); got != c.restored {
			t.Errorf("%s:\n restored %s\n want     %s", c.sql, got, c.restored)
		}
		if _, err := Parse(c.restored); err != nil {
			t.Errorf("the restored %s does not parse: %v", c.restored, err)
		}
	}
	stmt, err := Parse("SELECT 1 FROM t GROUP BY a, ROLLUP(b, (c, d))")
	if err != nil {
		t.Fatal(err)
	}
	items := stmt.(*ast.SelectStmt).GroupBy.Items
	g, ok := items[1].Expr.(*ast.GroupingSetsExpr)
	if len(items) != 2 || !ok || g.Kind != ast.GroupingRollup || len(g.Sets) != 2 || len(g.Sets[0]) != 1 || len(g.Sets[1]) != 2 {
		t.Errorf("want a, ROLLUP of b and (c, d); got %#v", items)
	}
}

func restoreStmt(t *testing.T, n ast.Node) string {
	t.Helper()
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags, &sb)); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}
