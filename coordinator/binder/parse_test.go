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
