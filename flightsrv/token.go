package flightsrv

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

// DefaultTokenTTL is how long a bearer token is valid after its login.
const DefaultTokenTTL = 12 * time.Hour

// tokenPrefix starts every bearer token Tokens issues: "qa" and the
// format's version. A cluster secret sent as a bearer (hex) never has it.
const tokenPrefix = "qa1."

// Claims are what a bearer token says: who logged in, at which version of
// the user (a password change or a drop revokes the token), when, and
// until when the token is valid.
type Claims struct {
	User    string    `json:"u"`
	Version uint64    `json:"v"`
	Issued  time.Time `json:"i"`
	Expires time.Time `json:"e"`
}

// Tokens issues and verifies bearer tokens: "qa1." + base64url(JSON
// claims) + "." + base64url(HMAC-SHA256 of the JSON) under a 32-byte key
// that every node on the data directory reads from <data-dir>/auth-key, so
// tokens survive a restart and a worker checks the tokens the coordinator
// issued. Verify checks the signature and expiry only; whether the user
// still exists at that version is the caller's check (the coordinator's,
// against the catalog).
type Tokens struct {
	key []byte
	ttl time.Duration
}

// NewTokens returns tokens keyed by key that live ttl (DefaultTokenTTL if
// not positive).
func NewTokens(key []byte, ttl time.Duration) *Tokens {
	if ttl <= 0 {
		ttl = DefaultTokenTTL
	}
	return &Tokens{key: append([]byte(nil), key...), ttl: ttl}
}

func (t *Tokens) mac(payload []byte) []byte {
	m := hmac.New(sha256.New, t.key)
	m.Write(payload)
	return m.Sum(nil)
}

// Issue returns a token for version of user, valid from now for the TTL.
func (t *Tokens) Issue(user string, version uint64, now time.Time) string {
	payload, _ := json.Marshal(Claims{User: user, Version: version, Issued: now.UTC(), Expires: now.Add(t.ttl).UTC()}) // Claims always marshal
	enc := base64.RawURLEncoding
	out := []byte(tokenPrefix)
	out = enc.AppendEncode(out, payload)
	out = append(out, '.')
	return string(enc.AppendEncode(out, t.mac(payload)))
}

// isToken reports whether s has the form of a token (not whether it is
// valid): what tells a user's bearer token from the cluster secret.
func isToken(s string) bool { return len(s) > len(tokenPrefix) && s[:len(tokenPrefix)] == tokenPrefix }

// Verify returns the claims of a token this key signed that has not
// expired by now. Every failure is ErrUnauthorized: a malformed or forged
// token "invalid", an expired one "expired".
func (t *Tokens) Verify(token string, now time.Time) (Claims, error) {
	var c Claims
	invalid := qerr.ErrUnauthorized.New("invalid bearer token: authenticate again")
	if !isToken(token) {
		return c, invalid
	}
	p64, m64, ok := bytes.Cut([]byte(token[len(tokenPrefix):]), []byte("."))
	enc := base64.RawURLEncoding
	payload, err1 := enc.DecodeString(string(p64))
	mac, err2 := enc.DecodeString(string(m64))
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, t.mac(payload)) {
		return c, invalid
	}
	if err := json.Unmarshal(payload, &c); err != nil || c.User == "" {
		return c, invalid
	}
	if !now.Before(c.Expires) {
		return c, qerr.ErrUnauthorized.New("bearer token expired at %s: authenticate again", c.Expires.Format(time.RFC3339))
	}
	return c, nil
}
