package shell

import (
	"reflect"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		stmts []string
		rest  string
	}{
		{"one", "SELECT 1;", []string{"SELECT 1"}, ""},
		{"unterminated", "SELECT 1", nil, "SELECT 1"},
		{"two and a rest", "SELECT 1; SELECT 2;\nSELECT", []string{"SELECT 1", "SELECT 2"}, "\nSELECT"},
		{"multi-line", "SELECT a,\n  b\nFROM t;\n", []string{"SELECT a,\n  b\nFROM t"}, "\n"},
		{"semicolon in single quotes", "SELECT ';', 'it''s;';", []string{"SELECT ';', 'it''s;'"}, ""},
		{"backslash escape", `SELECT 'a\';b';`, []string{`SELECT 'a\';b'`}, ""},
		{"double quotes and backticks", "SELECT \";\" AS `x;y`;", []string{"SELECT \";\" AS `x;y`"}, ""},
		{"line comments", "SELECT 1 -- no; end\n, 2; # nor; here\n", []string{"SELECT 1 -- no; end\n, 2"}, " # nor; here\n"},
		{"minus minus is no comment without a space", "SELECT 1--1;", []string{"SELECT 1--1"}, ""},
		{"block comment", "SELECT /* ; */ 1;", []string{"SELECT /* ; */ 1"}, ""},
		{"comment only statements are dropped", "-- hello\n; /* x */ ;SELECT 1;", []string{"SELECT 1"}, ""},
		{"empty statements are dropped", ";;SELECT 1;;", []string{"SELECT 1"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stmts, rest := splitStatements(tc.input)
			if !reflect.DeepEqual(stmts, tc.stmts) || rest != tc.rest {
				t.Errorf("splitStatements(%q) = %q, %q; want %q, %q", tc.input, stmts, rest, tc.stmts, tc.rest)
			}
		})
	}
}

func TestHasContent(t *testing.T) {
	for input, want := range map[string]bool{
		"":                  false,
		"  \n\t":            false,
		"-- comment\n":      false,
		"/* block */ # x\n": false,
		"SELECT":            true,
		"/* a */ 1":         true,
		"'unterminated":     true,
	} {
		if got := hasContent(input); got != want {
			t.Errorf("hasContent(%q) = %v, want %v", input, got, want)
		}
	}
}

func TestIsUpdate(t *testing.T) {
	for stmt, want := range map[string]bool{
		"SELECT 1":                          false,
		"  with x AS (SELECT 1) SELECT *":   false,
		"(SELECT 1) UNION (SELECT 2)":       false,
		"EXPLAIN SELECT 1":                  false,
		"SHOW TABLES":                       false,
		"insert into t values (1)":          true,
		"CREATE TABLE t (a INT)":            true,
		"-- a comment\nDROP TABLE t":        true,
		"/* hint */ DELETE FROM t":          true,
		"IMPORT INTO t FROM 'x' FORMAT 'p'": true,
		"":                                  false,
	} {
		if got := isUpdate(stmt); got != want {
			t.Errorf("isUpdate(%q) = %v, want %v", stmt, got, want)
		}
	}
}
