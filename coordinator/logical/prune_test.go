package logical

import (
	"testing"

	"github.com/quiverdb/quiver/catalog"
)

// TestMayPass: a file or row group is left out only when a bound fails for
// every value its statistics allow.
func TestMayPass(t *testing.T) {
	num := func(s string) statValue { v, _ := parseStat(s); return v }
	stats := []catalog.ColumnStats{
		{Name: "id", Min: "10", Max: "20"},
		{Name: "price", Min: "12345678901234567.01", Max: "12345678901234567.03"},
		{Name: "day", Min: "DATE '2020-01-01'", Max: "DATE '2020-12-31'"},
		{Name: "gone", NullCount: 5},
		{Name: "name", Min: "'b''s'", Max: "'m'"},
		{Name: "at", Min: "TIMESTAMP '2020-01-01 10:00:00'", Max: "TIMESTAMP '2020-01-01 10:00:00.5'"},
	}
	for _, c := range []struct {
		b    Bound
		want bool
	}{
		{Bound{"id", "=", num("15")}, true},
		{Bound{"id", "<", num("10")}, false},
		{Bound{"id", "<=", num("10")}, true},
		{Bound{"ID", ">", num("20")}, false},
		{Bound{"id", ">=", num("20")}, true},
		// Decimals compare exactly, past float64's digits.
		{Bound{"price", ">", num("12345678901234567.03")}, false},
		{Bound{"price", ">", num("12345678901234567.02")}, true},
		{Bound{"day", "<", num("DATE '2020-01-01'")}, false},
		{Bound{"day", "=", num("DATE '2020-06-01'")}, true},
		// A column NULL in all 5 rows passes no comparison.
		{Bound{"gone", "=", num("1")}, false},
		// Strings compare by their bytes ('B' < 'a'), quotes unescaped.
		{Bound{"name", "<", statValue{kind: statString, text: "b's"}}, false},
		{Bound{"name", "=", statValue{kind: statString, text: "b's"}}, true},
		{Bound{"name", ">", statValue{kind: statString, text: "m"}}, false},
		{Bound{"name", ">", statValue{kind: statString, text: "l~"}}, true},
		{Bound{"name", "=", statValue{kind: statString, text: "B"}}, false},
		{Bound{"name", "=", statValue{kind: statString, text: "c"}}, true},
		// Timestamps compare as times, not as text (".5" after ":00").
		{Bound{"at", ">", num("TIMESTAMP '2020-01-01 10:00:00.5'")}, false},
		{Bound{"at", ">", num("TIMESTAMP '2020-01-01 10:00:00.25'")}, true},
		{Bound{"at", "<", num("TIMESTAMP '2020-01-01 10:00:00'")}, false},
		{Bound{"at", "<=", num("TIMESTAMP '2020-01-01 10:00:00'")}, true},
		// Unknown kinds and columns keep the rows.
		{Bound{"at", "=", num("DATE '2020-01-01'")}, true},
		{Bound{"name", "=", num("1")}, true},
		{Bound{"day", "=", num("3")}, true},
		{Bound{"other", "=", num("3")}, true},
	} {
		if got := MayPass(stats, 5, []Bound{c.b}); got != c.want {
			t.Errorf("%s %s %v: %v, want %v", c.b.Column, c.b.Op, c.b.Value, got, c.want)
		}
	}
}
