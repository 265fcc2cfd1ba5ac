package flightsrv

import (
	"runtime"
	"strings"
	"testing"
)

// TestAuditBoundedInput: the audit text and the logged text of a 10 MB
// statement (the barrage's OR chain) are cut short, and making them
// allocates a bounded amount, not the normalizer's 14 times the
// statement's size.
func TestAuditBoundedInput(t *testing.T) {
	sql := "SELECT 1 WHERE " + strings.Repeat("1 = 1 OR ", 1100000) + "1 = 2"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	normalized, digest := auditText(sql)
	logged := loggable(sql)
	runtime.ReadMemStats(&after)
	if len(normalized) > maxAuditText+3 || len(digest) != 16 {
		t.Errorf("audit text of %d bytes and digest %q, want at most %d bytes and 16 hex digits", len(normalized), digest, maxAuditText+3)
	}
	if len(logged) > maxAuditInput+3 || !strings.HasSuffix(logged, "...") {
		t.Errorf("logged text of %d bytes ending %q, want at most %d bytes ending ...", len(logged), logged[max(0, len(logged)-8):], maxAuditInput+3)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
		t.Errorf("auditing a %d MB statement allocated %d MB, want at most 16 MB", len(sql)>>20, got>>20)
	}
	if got := loggable("CREATE USER bob IDENTIFIED BY 'secret'"); strings.Contains(got, "secret") {
		t.Errorf("loggable(CREATE USER ...) = %q, which carries the password", got)
	}
}
