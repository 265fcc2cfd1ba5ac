package logical

import (
	"testing"

	"github.com/quiverdb/quiver/catalog"
)

// TestMayPass: a file or row group is left out only when a bound fails for
// every value its statistics allow.
func TestMayPass(t *testing.T) {
	num := func(s string) statValue { v, _ := parseStat(s); return v }
	cmp := func(col, op string, v statValue) Bound { return Bound{Column: col, Op: op, Value: v} }
	stats := []catalog.ColumnStats{
		{Name: "id", Min: "10", Max: "20"},
		{Name: "price", Min: "12345678901234567.01", Max: "12345678901234567.03", NullCount: -1},
		{Name: "day", Min: "DATE '2020-01-01'", Max: "DATE '2020-12-31'"},
		{Name: "gone", NullCount: 5},
		{Name: "name", Min: "'b''s'", Max: "'m'"},
		{Name: "at", Min: "TIMESTAMP '2020-01-01 10:00:00'", Max: "TIMESTAMP '2020-01-01 10:00:00.5'"},
	}
	for _, c := range []struct {
		b    Bound
		want bool
	}{
		{cmp("id", "=", num("15")), true},
		{cmp("id", "<", num("10")), false},
		{cmp("id", "<=", num("10")), true},
		{cmp("ID", ">", num("20")), false},
		{cmp("id", ">=", num("20")), true},
		// Decimals compare exactly, past float64's digits.
		{cmp("price", ">", num("12345678901234567.03")), false},
		{cmp("price", ">", num("12345678901234567.02")), true},
		{cmp("day", "<", num("DATE '2020-01-01'")), false},
		{cmp("day", "=", num("DATE '2020-06-01'")), true},
		// A column NULL in all 5 rows passes no comparison.
		{cmp("gone", "=", num("1")), false},
		// Strings compare by their bytes ('B' < 'a'), quotes unescaped.
		{cmp("name", "<", statValue{kind: statString, text: "b's"}), false},
		{cmp("name", "=", statValue{kind: statString, text: "b's"}), true},
		{cmp("name", ">", statValue{kind: statString, text: "m"}), false},
		{cmp("name", ">", statValue{kind: statString, text: "l~"}), true},
		{cmp("name", "=", statValue{kind: statString, text: "B"}), false},
		{cmp("name", "=", statValue{kind: statString, text: "c"}), true},
		// Timestamps compare as times, not as text (".5" after ":00").
		{cmp("at", ">", num("TIMESTAMP '2020-01-01 10:00:00.5'")), false},
		{cmp("at", ">", num("TIMESTAMP '2020-01-01 10:00:00.25'")), true},
		{cmp("at", "<", num("TIMESTAMP '2020-01-01 10:00:00'")), false},
		{cmp("at", "<=", num("TIMESTAMP '2020-01-01 10:00:00'")), true},
		// IN: some value in the range; IS NULL: some NULL.
		{Bound{Column: "id", Op: "in", Values: []statValue{num("3"), num("25")}}, false},
		{Bound{Column: "id", Op: "in", Values: []statValue{num("3"), num("20")}}, true},
		{Bound{Column: "name", Op: "in", Values: []statValue{{kind: statString, text: "a"}, {kind: statString, text: "z"}}}, false},
		{Bound{Column: "id", Op: "isnull"}, false},
		{Bound{Column: "gone", Op: "isnull"}, true},
		{Bound{Column: "price", Op: "isnull"}, true}, // null count unknown
		// Unknown kinds and columns keep the rows.
		{cmp("at", "=", num("DATE '2020-01-01'")), true},
		{cmp("name", "=", num("1")), true},
		{cmp("day", "=", num("3")), true},
		{cmp("other", "=", num("3")), true},
	} {
		if got := MayPass(stats, 5, []Bound{c.b}); got != c.want {
			t.Errorf("%s %s %v: %v, want %v", c.b.Column, c.b.Op, c.b.Value, got, c.want)
		}
	}
}
