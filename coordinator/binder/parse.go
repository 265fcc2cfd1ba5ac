package binder

import (
	"strings"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
)

// parseSQL parses sql as MySQL does by default and, only where that fails,
// once more leniently: with the IGNORE_SPACE SQL mode (so `sum (x)` and
// `cast (x as ...)` parse, as in TPC-DS's texts) and with CAST's type names
// INT, INTEGER and BIGINT read as SIGNED. IGNORE_SPACE is not the default
// because under it every built-in function name is a reserved word where a
// '(' follows, so `CREATE TABLE count (sum INT)` no longer parses; trying
// the strict grammar first keeps every statement MySQL accepts meaning what
// it means there. Where both fail, the error is the strict parse's.
func parseSQL(sql string) ([]ast.StmtNode, error) {
	stmts, _, err := parser.New().ParseSQL(sql)
	if err == nil {
		return stmts, nil
	}
	lenient := parser.New()
	lenient.SetSQLMode(mysql.ModeIgnoreSpace)
	rewritten, edits := signedCasts(sql)
	retried, _, retryErr := lenient.ParseSQL(rewritten)
	if retryErr != nil {
		return nil, err
	}
	if len(edits) > 0 {
		for _, stmt := range retried {
			stmt.Accept(&fieldTexts{sql: sql, rewritten: rewritten, edits: edits})
		}
	}
	return retried, nil
}

// castEdit is one type name signedCasts replaced: SIGNED ends at end in the
// rewritten text and is delta bytes longer than the word it replaced.
type castEdit struct{ end, delta int }

// fieldTexts gives each select field of a statement parsed from the
// rewritten text its text in the user's (a column's name is the text of
// its expression: CAST(x AS INT) is named so, not CAST(x AS SIGNED)).
type fieldTexts struct {
	sql, rewritten string
	edits          []castEdit
}

// original maps a position in the rewritten text to the user's.
func (v *fieldTexts) original(pos int) int {
	shift := 0
	for _, e := range v.edits {
		if e.end <= pos {
			shift += e.delta
		}
	}
	return pos - shift
}

func (v *fieldTexts) Enter(n ast.Node) (ast.Node, bool) {
	f, ok := n.(*ast.SelectField)
	if !ok || f.Text() == "" || f.Offset < 0 || f.Offset > len(v.rewritten) {
		return n, false
	}
	// Offset may stand before the spaces that the field's text is trimmed of.
	if at := strings.Index(v.rewritten[f.Offset:], f.Text()); at >= 0 {
		start := f.Offset + at
		from, to := v.original(start), v.original(start+len(f.Text()))
		if from >= 0 && from <= to && to <= len(v.sql) {
			f.SetText(nil, v.sql[from:to])
		}
	}
	return n, false
}

func (v *fieldTexts) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// castIntegerNames are the integer type names other dialects accept in CAST
// and MySQL does not; MySQL's own is SIGNED (a BIGINT).
var castIntegerNames = map[string]bool{"int": true, "integer": true, "bigint": true}

// signedCasts rewrites `AS INT)`, `AS INTEGER)` and `AS BIGINT)` outside
// quotes and comments to `AS SIGNED)`, and says where: the only place those words can stand
// between AS and a closing parenthesis is a CAST's type, since they are
// reserved words and cannot be aliases unquoted.
func signedCasts(sql string) (string, []castEdit) {
	var out strings.Builder
	var edits []castEdit
	words := []string{} // the last two words scanned, lower-cased
	last := 0           // sql[last:] is not yet copied to out
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			i = skipQuoted(sql, i)
			words = nil
		case c == '#' || c == '-' && strings.HasPrefix(sql[i:], "-- "):
			if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(sql)
			}
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			if j := strings.Index(sql[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(sql)
			}
		case isWordByte(c):
			j := i
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			word := strings.ToLower(sql[i:j])
			if len(words) > 0 && words[len(words)-1] == "as" && castIntegerNames[word] && closesNext(sql[j:]) {
				out.WriteString(sql[last:i])
				out.WriteString("SIGNED")
				edits = append(edits, castEdit{end: out.Len(), delta: len("SIGNED") - (j - i)})
				last = j
			}
			words = append(words, word)
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			words = nil
			i++
		}
	}
	if len(edits) == 0 {
		return sql, nil
	}
	out.WriteString(sql[last:])
	return out.String(), edits
}

// skipQuoted returns the index just past the quoted text starting at i:
// a doubled quote or a backslash (outside backticks) escapes.
func skipQuoted(sql string, i int) int {
	q := sql[i]
	for j := i + 1; j < len(sql); j++ {
		switch {
		case sql[j] == '\\' && q != '`':
			j++
		case sql[j] == q && j+1 < len(sql) && sql[j+1] == q:
			j++
		case sql[j] == q:
			return j + 1
		}
	}
	return len(sql)
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// closesNext reports whether s starts with a ')' after optional spaces.
func closesNext(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \t\r\n"), ")")
}
