package binder

import (
	"strings"
	"testing"

	"github.com/quiverdb/quiver/qerr"
)

// TestParseLimits checks that statements past the length or depth limit are
// ErrTooLarge, and that the walk which measures depth survives trees far
// deeper than the limit (a recursive check would overflow the stack here).
func TestParseLimits(t *testing.T) {
	lim := Limits{MaxStatementBytes: 8 << 20, MaxDepth: 1000, MaxSetOperands: 256}
	cases := []struct {
		name string
		sql  string
		err  qerr.Code // "" when the statement is accepted
	}{
		{"shallow chain", "SELECT 1" + strings.Repeat(" + 1", 400), ""},
		{"wide IN list", "SELECT 1 IN (" + strings.Repeat("1,", 100000) + "1)", ""},
		{"deep + chain", "SELECT 1" + strings.Repeat(" + 1", 200000), qerr.ErrTooLarge},
		{"deep OR chain", "SELECT 1 FROM t WHERE " + strings.Repeat("a = 1 OR ", 100000) + "a = 2", qerr.ErrTooLarge},
		{"nested calls", "SELECT " + strings.Repeat("abs(", 100000) + "1" + strings.Repeat(")", 100000), qerr.ErrTooLarge},
		{"NOT chain", "SELECT " + strings.Repeat("NOT ", 100000) + "1", qerr.ErrTooLarge},
		{"nested subqueries", "SELECT " + strings.Repeat("(SELECT ", 2000) + "1" + strings.Repeat(")", 2000), qerr.ErrTooLarge},
		{"UNION ALL of 256", strings.Repeat("SELECT 1 UNION ALL ", 255) + "SELECT 1", ""},
		{"UNION ALL of 257", strings.Repeat("SELECT 1 UNION ALL ", 256) + "SELECT 1", qerr.ErrTooLarge},
		{"UNION of 10,000 in a subquery", "SELECT * FROM (" + strings.Repeat("SELECT 1 UNION ", 9999) + "SELECT 1) AS u", qerr.ErrTooLarge},
		{"too long", "SELECT '" + strings.Repeat("x", 8<<20) + "'", qerr.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stmt, err := ParseWithin(c.sql, lim)
			switch {
			case c.err == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.err != "" && !qerr.Has(err, c.err):
				t.Fatalf("got %v, want %s", err, c.err)
			case c.err != "" && stmt != nil:
				t.Fatal("a refused statement came back with its AST")
			}
		})
	}
}
