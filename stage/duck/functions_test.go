package duck

import (
	"database/sql"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	_ "github.com/duckdb/duckdb-go/v2" // the "duckdb" database/sql driver

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

func TestStrftimeFormat(t *testing.T) {
	for _, c := range []struct{ mysql, want string }{
		{"%Y-%m-%d", "%Y-%m-%d"},
		{"%e/%c/%y %W", "%-d/%-m/%y %A"},
		{"%H:%i:%s.%f %p", "%H:%M:%S.%f %p"},
		{"%T %r", "%H:%M:%S %I:%M:%S %p"},
		{"100%% %q", "100%% q"},
		{"50%", "50%%"},
	} {
		got, err := StrftimeFormat(c.mysql)
		if err != nil || got != c.want {
			t.Errorf("StrftimeFormat(%q) = %q, %v; want %q", c.mysql, got, err, c.want)
		}
	}
	for _, f := range []string{"%D", "%u", "%V", "%v", "%X", "%x"} {
		if _, err := StrftimeFormat(f); !qerr.Has(err, qerr.ErrUnsupported) {
			t.Errorf("StrftimeFormat(%q): got %v, want UNSUPPORTED", f, err)
		}
	}
}

func decType(p, s int32) arrow.DataType { return &arrow.Decimal128Type{Precision: p, Scale: s} }

func lit(text string, t arrow.DataType) stage.Expr { return &stage.Literal{Text: text, T: t} }

// TestExactDivision runs the renderer's / and DIV on DuckDB: exact decimal
// quotients rounded half away from zero, as MySQL computes them, where
// DuckDB alone divides in double precision.
func TestExactDivision(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	i64 := arrow.PrimitiveTypes.Int64
	for _, c := range []struct {
		e    stage.Expr
		want string
	}{
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("7", i64), lit("2", i64)}, T: decType(23, 4)}, "3.5000"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("-1", i64), lit("8", i64)}, T: decType(23, 4)}, "-0.1250"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("1", i64), lit("-3", i64)}, T: decType(23, 4)}, "-0.3333"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("2", i64), lit("3", i64)}, T: decType(23, 4)}, "0.6667"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("5", i64), lit("0", i64)}, T: decType(23, 4)}, "NULL"},
		// 9999999999999.99 / 0.03 = 333333333333333.0000 exactly; a double
		// quotient would be off in the last digits.
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("9999999999999.99", decType(15, 2)), lit("0.03", decType(3, 2))}, T: decType(22, 6)}, "333333333333333.000000"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("1.00", decType(3, 2)), lit("0.3", decType(2, 1))}, T: decType(8, 6)}, "3.333333"},
		{&stage.Call{Fn: "/", Args: []stage.Expr{lit("123456789.123456789", decType(18, 9)), lit("1", i64)}, T: decType(31, 13)}, "123456789.1234567890000"},
		{&stage.Call{Fn: "div", Args: []stage.Expr{lit("-7.5", decType(2, 1)), lit("2", i64)}, T: i64}, "-3"},
		{&stage.Call{Fn: "div", Args: []stage.Expr{lit("7", i64), lit("0.5", decType(2, 1))}, T: i64}, "14"},
		{&stage.Call{Fn: "div", Args: []stage.Expr{lit("7", i64), lit("0", i64)}, T: i64}, "NULL"},
		{&stage.Call{Fn: "%", Args: []stage.Expr{lit("-7", i64), lit("0", i64)}, T: i64}, "NULL"},
	} {
		var got sql.NullString
		q := "SELECT CAST(" + renderExpr(c.e) + " AS VARCHAR)"
		if err := db.QueryRow(q).Scan(&got); err != nil {
			t.Errorf("%s: %v\n%s", c.e, err, q)
			continue
		}
		if !got.Valid {
			got.String = "NULL"
		}
		if got.String != c.want {
			t.Errorf("%s = %s, want %s\n%s", c.e, got.String, c.want, q)
		}
	}
}
