package binder

import "strings"

// QuoteName is a MySQL identifier in backquotes, as statement texts that
// Quiver writes (SHOW CREATE, GRANT listings, audit lines) spell names.
func QuoteName(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }
