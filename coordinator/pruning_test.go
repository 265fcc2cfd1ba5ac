package coordinator

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
		b    bound
		want bool
	}{
		{bound{"id", "=", num("15")}, true},
		{bound{"id", "<", num("10")}, false},
		{bound{"id", "<=", num("10")}, true},
		{bound{"ID", ">", num("20")}, false},
		{bound{"id", ">=", num("20")}, true},
		// Decimals compare exactly, past float64's digits.
		{bound{"price", ">", num("12345678901234567.03")}, false},
		{bound{"price", ">", num("12345678901234567.02")}, true},
		{bound{"day", "<", num("DATE '2020-01-01'")}, false},
		{bound{"day", "=", num("DATE '2020-06-01'")}, true},
		// A column NULL in all 5 rows passes no comparison.
		{bound{"gone", "=", num("1")}, false},
		// Strings compare by their bytes ('B' < 'a'), quotes unescaped.
		{bound{"name", "<", statValue{kind: statString, text: "b's"}}, false},
		{bound{"name", "=", statValue{kind: statString, text: "b's"}}, true},
		{bound{"name", ">", statValue{kind: statString, text: "m"}}, false},
		{bound{"name", ">", statValue{kind: statString, text: "l~"}}, true},
		{bound{"name", "=", statValue{kind: statString, text: "B"}}, false},
		{bound{"name", "=", statValue{kind: statString, text: "c"}}, true},
		// Timestamps compare as times, not as text (".5" after ":00").
		{bound{"at", ">", num("TIMESTAMP '2020-01-01 10:00:00.5'")}, false},
		{bound{"at", ">", num("TIMESTAMP '2020-01-01 10:00:00.25'")}, true},
		{bound{"at", "<", num("TIMESTAMP '2020-01-01 10:00:00'")}, false},
		{bound{"at", "<=", num("TIMESTAMP '2020-01-01 10:00:00'")}, true},
		// Unknown kinds and columns keep the rows.
		{bound{"at", "=", num("DATE '2020-01-01'")}, true},
		{bound{"name", "=", num("1")}, true},
		{bound{"day", "=", num("3")}, true},
		{bound{"other", "=", num("3")}, true},
	} {
		if got := mayPass(stats, 5, []bound{c.b}); got != c.want {
			t.Errorf("%s %s %v: %v, want %v", c.b.column, c.b.op, c.b.value, got, c.want)
		}
	}
}
