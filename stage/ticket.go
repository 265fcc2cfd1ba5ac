package stage

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

// Ticket names one partition of one task's output: what a consumer task or a
// client fetches with do_get. Workers serve only tickets that the
// coordinator signed with the cluster secret.
type Ticket struct {
	Query     QueryID   `json:"q"`
	Task      TaskID    `json:"t"`
	Partition int       `json:"p"`
	Expires   time.Time `json:"e"`
	// Principal is the user whose query made the result; a worker serves
	// a client's do_get only when the client is that user. Empty where
	// authentication is off.
	Principal string `json:"u,omitempty"`
}

var ticketMagic = []byte("qt1.")

// TicketSigner signs and verifies tickets with the cluster secret.
type TicketSigner struct {
	secret []byte
}

// NewTicketSigner returns a signer keyed by the cluster secret.
func NewTicketSigner(secret []byte) *TicketSigner {
	return &TicketSigner{secret: append([]byte(nil), secret...)}
}

// Derive is a key for another purpose, derived from the cluster secret
// (HMAC-SHA256 of purpose): every node that holds the secret derives the
// same key, and the secret itself signs only tickets.
func (s *TicketSigner) Derive(purpose string) []byte { return s.mac([]byte(purpose)) }

func (s *TicketSigner) mac(payload []byte) []byte {
	m := hmac.New(sha256.New, s.secret)
	m.Write(payload)
	return m.Sum(nil)
}

// Sign encodes t as "qt1." + base64(json) + "." + base64(hmac).
func (s *TicketSigner) Sign(t Ticket) []byte { return s.sign(ticketMagic, t) }

// SignHandle signs t under another magic prefix than tickets: a handle
// names something else than a buffer (a running query that a client
// polls) and can never pass for a ticket. VerifyHandle reads it back.
func (s *TicketSigner) SignHandle(magic string, t Ticket) []byte { return s.sign([]byte(magic), t) }

func (s *TicketSigner) sign(magic []byte, t Ticket) []byte {
	payload, _ := json.Marshal(t) // a Ticket always marshals
	enc := base64.RawURLEncoding
	out := append([]byte(nil), magic...)
	out = enc.AppendEncode(out, payload)
	out = append(out, '.')
	return enc.AppendEncode(out, s.mac(payload))
}

// Verify decodes a signed ticket. A ticket that does not decode is
// ErrBadTicket, a wrong signature ErrUnauthorized, an expired one ErrExpired.
func (s *TicketSigner) Verify(b []byte, now time.Time) (Ticket, error) {
	return s.verify(ticketMagic, b, now)
}

// VerifyHandle decodes a handle SignHandle made with magic, as Verify does
// a ticket.
func (s *TicketSigner) VerifyHandle(magic string, b []byte, now time.Time) (Ticket, error) {
	return s.verify([]byte(magic), b, now)
}

func (s *TicketSigner) verify(magic, b []byte, now time.Time) (Ticket, error) {
	var t Ticket
	rest, ok := bytes.CutPrefix(b, magic)
	if !ok {
		return t, qerr.ErrBadTicket.New("not a Quiver %s", kindOf(magic))
	}
	p64, m64, ok := bytes.Cut(rest, []byte("."))
	enc := base64.RawURLEncoding
	payload, err1 := enc.DecodeString(string(p64))
	mac, err2 := enc.DecodeString(string(m64))
	if !ok || err1 != nil || err2 != nil {
		return t, qerr.ErrBadTicket.New("malformed %s", kindOf(magic))
	}
	if !hmac.Equal(mac, s.mac(payload)) {
		return t, qerr.ErrUnauthorized.New("%s signature does not match", kindOf(magic))
	}
	if err := json.Unmarshal(payload, &t); err != nil {
		return t, qerr.ErrBadTicket.New("malformed %s payload", kindOf(magic))
	}
	if now.After(t.Expires) {
		return t, qerr.ErrExpired.New("%s for query %s expired at %s", kindOf(magic), t.Query, t.Expires.Format(time.RFC3339))
	}
	return t, nil
}

func kindOf(magic []byte) string {
	if bytes.Equal(magic, ticketMagic) {
		return "ticket"
	}
	return "handle"
}
