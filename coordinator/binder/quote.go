package binder

import "strings"

// QuoteName is a MySQL identifier in backquotes, as statement texts that
// Quiver writes (SHOW CREATE, GRANT listings, audit lines) spell names.
func QuoteName(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// QuoteString quotes s as a MySQL string literal.
func QuoteString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(s) + "'"
}
