package shell

import (
	"strings"
	"unicode"
)

// splitStatements cuts the complete statements off the front of input: each
// ends at a semicolon outside quotes and comments. It returns them (without
// the semicolon, trimmed; those of comments only left out) and the
// unterminated rest.
func splitStatements(input string) (stmts []string, rest string) {
	var sc scanner
	start := 0
	for i := 0; i < len(input); i++ {
		if sc.step(input, i) {
			if s := strings.TrimSpace(input[start:i]); sc.content {
				stmts = append(stmts, s)
			}
			start = i + 1
			sc = scanner{}
		}
	}
	return stmts, input[start:]
}

// hasContent reports whether s holds more than whitespace and comments.
func hasContent(s string) bool {
	var sc scanner
	for i := 0; i < len(s); i++ {
		sc.step(s, i)
	}
	return sc.content
}

// scanner follows MySQL's lexical states far enough to find the
// semicolons that end statements.
type scanner struct {
	state   scanState
	content bool // something other than whitespace and comments was seen
	skip    int  // bytes still to skip (escapes, two-byte delimiters)
}

type scanState int

const (
	scanNormal       scanState = iota
	scanSingle                 // '...'
	scanDouble                 // "..."
	scanBacktick               // `...`
	scanLineComment            // -- ... or # ...
	scanBlockComment           // /* ... */
)

// step advances over s[i] and reports whether it is a statement's ending
// semicolon.
func (sc *scanner) step(s string, i int) bool {
	if sc.skip > 0 {
		sc.skip--
		return false
	}
	c := s[i]
	next := byte(0)
	if i+1 < len(s) {
		next = s[i+1]
	}
	switch sc.state {
	case scanNormal:
		switch {
		case c == ';':
			return true
		case c == '\'':
			sc.state = scanSingle
		case c == '"':
			sc.state = scanDouble
		case c == '`':
			sc.state = scanBacktick
		case c == '#', c == '-' && next == '-' && (i+2 >= len(s) || isSpace(s[i+2])):
			sc.state = scanLineComment
			return false
		case c == '/' && next == '*':
			sc.state = scanBlockComment
			sc.skip = 1
			return false
		}
		if !isSpace(c) {
			sc.content = true
		}
	case scanSingle, scanDouble, scanBacktick:
		quote := sc.state.quote()
		switch {
		case c == '\\' && sc.state != scanBacktick:
			sc.skip = 1
		case c == quote && next == quote:
			sc.skip = 1
		case c == quote:
			sc.state = scanNormal
		}
	case scanLineComment:
		if c == '\n' {
			sc.state = scanNormal
		}
	case scanBlockComment:
		if c == '*' && next == '/' {
			sc.state = scanNormal
			sc.skip = 1
		}
	}
	return false
}

// quote is the character that closes a quoted state.
func (s scanState) quote() byte {
	switch s {
	case scanSingle:
		return '\''
	case scanDouble:
		return '"'
	default:
		return '`'
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// updateKeywords are the first words of statements that return a count of
// affected rows, not a result set: they go through ExecuteUpdate.
var updateKeywords = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "REPLACE": true, "MERGE": true,
	"CREATE": true, "DROP": true, "ALTER": true, "TRUNCATE": true, "RENAME": true,
	"IMPORT": true, "LOAD": true, "COPY": true, "GRANT": true, "REVOKE": true,
	"SET": true, "USE": true, "ANALYZE": true,
	"BEGIN": true, "START": true, "COMMIT": true, "ROLLBACK": true,
}

// isUpdate reports whether stmt is DDL or DML by its first word (after
// comments and opening parentheses); everything else is run as a query.
func isUpdate(stmt string) bool {
	return updateKeywords[strings.ToUpper(firstWord(stmt))]
}

// firstWord is the first word of stmt outside comments.
func firstWord(stmt string) string {
	for {
		stmt = strings.TrimLeftFunc(stmt, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
		switch {
		case strings.HasPrefix(stmt, "--"), strings.HasPrefix(stmt, "#"):
			i := strings.IndexByte(stmt, '\n')
			if i < 0 {
				return ""
			}
			stmt = stmt[i+1:]
		case strings.HasPrefix(stmt, "/*"):
			i := strings.Index(stmt, "*/")
			if i < 0 {
				return ""
			}
			stmt = stmt[i+2:]
		default:
			end := strings.IndexFunc(stmt, func(r rune) bool { return !unicode.IsLetter(r) && r != '_' })
			if end < 0 {
				return stmt
			}
			return stmt[:end]
		}
	}
}
