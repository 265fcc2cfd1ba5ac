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
		{Name: "name", Min: "'a'", Max: "'z'"},
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
		// Unknown kinds and columns keep the rows.
		{bound{"name", "=", num("1")}, true},
		{bound{"day", "=", num("3")}, true},
		{bound{"other", "=", num("3")}, true},
	} {
		if got := mayPass(stats, 5, []bound{c.b}); got != c.want {
			t.Errorf("%s %s %v: %v, want %v", c.b.column, c.b.op, c.b.value, got, c.want)
		}
	}
}
