package opt

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
)

// TestFoldBooleans pins FoldConstants' three-valued logic: only what holds
// for every value of the other operand (NULL included) is folded, and an
// operand that can raise an error is never dropped.
func TestFoldBooleans(t *testing.T) {
	b := arrow.FixedWidthTypes.Boolean
	x := &stage.ColumnRef{Index: 0, Name: "x", T: b}
	lit := func(text string) stage.Expr { return &stage.Literal{Text: text, T: b} }
	null := &stage.Literal{Null: true, T: b}
	call := func(fn string, args ...stage.Expr) stage.Expr { return &stage.Call{Fn: fn, Args: args, T: b} }
	i64 := func(text string) stage.Expr { return &stage.Literal{Text: text, T: arrow.PrimitiveTypes.Int64} }
	raise := call("raise_error", &stage.Literal{Text: "boom", T: arrow.BinaryTypes.String})
	cases := []struct {
		in   stage.Expr
		want string
	}{
		{call("and", x, lit("true")), "x"},
		{call("and", lit("false"), x), "false"},
		{call("and", x, null), "(x AND NULL)"},
		{call("and", null, lit("false")), "false"},
		{call("or", x, lit("false")), "x"},
		{call("or", lit("true"), x), "true"},
		{call("or", null, x), "(NULL OR x)"},
		{call("and", raise, lit("false")), "(raise_error('boom') AND false)"},
		{call("not", null), "NULL"},
		{call("not", lit("true")), "false"},
		{call("<", i64("1"), i64("2")), "true"},
		{call("=", i64("1"), &stage.Literal{Null: true, T: arrow.PrimitiveTypes.Int64}), "NULL"},
		{call("and", x, call("<>", i64("1"), i64("0"))), "x"},
		// CASE: branches never taken go, an always taken one is the value.
		{call("case", lit("false"), raise, x), "x"},
		{call("case", null, raise, x, lit("true"), null), "case(x, true, NULL)"},
		{call("case", x, lit("true"), lit("true"), null, lit("false")), "case(x, true, NULL)"},
		{call("case", call(">", i64("0"), i64("1")), raise, null), "NULL"},
		{call("case", x, raise, lit("false")), "case(x, raise_error('boom'), false)"},
	}
	for _, c := range cases {
		got, _ := foldExpr(c.in)
		if got.String() != c.want {
			t.Errorf("fold %s = %s, want %s", c.in, got, c.want)
		}
	}
}
