package stage

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

// Ticket names one partition of one task's output: what a consumer task or a
// client fetches with do_get. Workers serve only tickets that the
// coordinator sealed with a key derived from the cluster secret.
type Ticket struct {
	Query     QueryID `json:"q"`
	Task      TaskID  `json:"t"`
	Partition int     `json:"p"`
	// Attempt is the run of the task whose buffer the ticket names (an
	// exchange ticket: a consumer reads its own attempt's producers); 0
	// names the newest attempt the worker holds (a result ticket: the
	// client's ticket stays valid when the query runs again).
	Attempt int       `json:"a,omitempty"`
	Expires time.Time `json:"e"`
	// Principal is the user whose query made the result; a worker serves
	// a client's do_get only when the client is that user. Empty where
	// authentication is off. Like Query, valid UTF-8 (JSON carries it;
	// user names come from protobuf strings, which are).
	Principal string `json:"u,omitempty"`
}

// TicketPrefix starts every sealed ticket: "qt" and the codec's version. A
// ticket of another version does not open.
var TicketPrefix = []byte("qt2.")

// ticketKeyLabel is the HKDF label of the ticket key: the cluster secret
// itself never keys anything directly.
const ticketKeyLabel = "quiver ticket aead v2"

// TicketSigner seals and opens tickets: AES-256-GCM under a key derived
// from the cluster secret (HKDF-SHA256 with ticketKeyLabel), a random
// 96-bit nonce per ticket, and the prefix as additional data. A sealed
// ticket hides its fields (query, task, partition, expiry, principal) and
// any change to it makes it fail to open. Random nonces bound one key to
// about 2^32 tickets, far beyond what a cluster secret signs in its life.
type TicketSigner struct {
	secret []byte
	aead   cipher.AEAD
}

// NewTicketSigner returns a signer keyed by the cluster secret.
func NewTicketSigner(secret []byte) *TicketSigner {
	s := &TicketSigner{secret: append([]byte(nil), secret...)}
	block, err := aes.NewCipher(s.Derive(ticketKeyLabel))
	if err != nil {
		panic(err) // a 32-byte key always makes a cipher
	}
	if s.aead, err = cipher.NewGCMWithRandomNonce(block); err != nil {
		panic(err)
	}
	return s
}

// Derive is a 32-byte key for another purpose, derived from the cluster
// secret (HKDF-SHA256 with purpose as its info): every node that holds the
// secret derives the same key, and keys of different purposes are
// unrelated.
func (s *TicketSigner) Derive(purpose string) []byte {
	k, err := hkdf.Key(sha256.New, s.secret, nil, purpose, 32)
	if err != nil {
		panic(err) // 32 bytes of SHA-256 HKDF never fail
	}
	return k
}

// Sign seals t as TicketPrefix + base64url(nonce, ciphertext, tag).
func (s *TicketSigner) Sign(t Ticket) []byte { return s.seal(TicketPrefix, t) }

// SignHandle seals t under another prefix than tickets' (magic, which
// the AEAD binds too): a handle names something else than a buffer (a
// running query that a client polls) and can never pass for a ticket.
// VerifyHandle opens it.
func (s *TicketSigner) SignHandle(magic string, t Ticket) []byte { return s.seal([]byte(magic), t) }

// Verify opens a sealed ticket and checks its expiry. Every failure is
// ErrUnauthorized; the message says which check failed, for the server's
// log only (callers that answer clients answer one message for all).
func (s *TicketSigner) Verify(b []byte, now time.Time) (Ticket, error) {
	return s.open(TicketPrefix, b, now, qerr.ErrUnauthorized)
}

// VerifyHandle opens a handle SignHandle made with magic, as Verify does
// a ticket, except that an expired handle is ErrExpired: its holder polls
// its own query and may learn that it waited too long.
func (s *TicketSigner) VerifyHandle(magic string, b []byte, now time.Time) (Ticket, error) {
	return s.open([]byte(magic), b, now, qerr.ErrExpired)
}

func (s *TicketSigner) seal(prefix []byte, t Ticket) []byte {
	payload, _ := json.Marshal(t) // a Ticket always marshals
	sealed := s.aead.Seal(nil, nil, payload, prefix)
	out := append([]byte(nil), prefix...)
	return base64.RawURLEncoding.AppendEncode(out, sealed)
}

func (s *TicketSigner) open(prefix, b []byte, now time.Time, expired qerr.Code) (Ticket, error) {
	var t Ticket
	rest, ok := bytes.CutPrefix(b, prefix)
	if !ok {
		return t, qerr.ErrUnauthorized.New("not a Quiver ticket (prefix)")
	}
	// A ticket has one spelling: Strict refuses a changed last character
	// (unused low bits), and line breaks, which the decoder skips even
	// then, are refused first.
	if bytes.ContainsAny(rest, "\r\n") {
		return t, qerr.ErrUnauthorized.New("malformed ticket (line break)")
	}
	sealed, err := base64.RawURLEncoding.Strict().DecodeString(string(rest))
	if err != nil {
		return t, qerr.ErrUnauthorized.New("malformed ticket (base64)")
	}
	payload, err := s.aead.Open(nil, nil, sealed, prefix)
	if err != nil {
		return t, qerr.ErrUnauthorized.New("ticket does not open: forged, altered or sealed with another secret")
	}
	if err := json.Unmarshal(payload, &t); err != nil {
		return t, qerr.ErrUnauthorized.New("sealed ticket payload does not decode")
	}
	if now.After(t.Expires) {
		return t, expired.New("ticket for query %s expired at %s", t.Query, t.Expires.Format(time.RFC3339))
	}
	return t, nil
}
