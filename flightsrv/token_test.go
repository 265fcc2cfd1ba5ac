package flightsrv

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

func TestTokens(t *testing.T) {
	key, other := make([]byte, 32), make([]byte, 32)
	_, _ = rand.Read(key)
	_, _ = rand.Read(other)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	tokens := NewTokens(key, time.Hour)
	tok := tokens.Issue("ann", 7, now)
	c, err := tokens.Verify(tok, now.Add(59*time.Minute))
	if err != nil || c.User != "ann" || c.Version != 7 || !c.Issued.Equal(now) {
		t.Fatalf("Verify = %+v, %v", c, err)
	}
	flipped := []byte(tok)
	flipped[len(tokenPrefix)+3] ^= 1
	for name, bad := range map[string]string{
		"expired":   tok,
		"other key": NewTokens(other, time.Hour).Issue("ann", 7, now),
		"flipped":   string(flipped),
		"truncated": tok[:len(tok)-4],
		"no prefix": strings.TrimPrefix(tok, tokenPrefix),
		"empty":     "",
		"secret":    "00ff",
	} {
		at := now
		if name == "expired" {
			at = now.Add(time.Hour)
		}
		if _, err := tokens.Verify(bad, at); !qerr.Has(err, qerr.ErrUnauthorized) {
			t.Errorf("%s: Verify = %v, want ErrUnauthorized", name, err)
		}
	}
}
