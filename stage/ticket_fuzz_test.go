package stage

import (
	"bytes"
	"encoding/base64"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/quiverdb/quiver/qerr"
)

// fuzzSecret keys the ticket fuzzers' signer.
var fuzzSecret = []byte("ticket fuzz secret")

// FuzzTicketOpen feeds arbitrary bytes to Verify, seeded with sealed
// tickets and their near misses: nothing panics, every refusal is
// ErrUnauthorized, and what opens is one of the tickets the signer sealed
// (no new ticket can be made without the key), spelled in canonical
// base64 (no second spelling passes for it). The fuzzing processes seal
// their own seeds, with their own nonces: the check is on the contents.
func FuzzTicketOpen(f *testing.F) {
	s := NewTicketSigner(fuzzSecret)
	now := time.Unix(1_800_000_000, 0)
	seeds := []Ticket{
		{Query: "q-1", Task: TaskID{Fragment: 1, Index: 0}, Partition: 0, Expires: now.Add(time.Hour)},
		{Query: "q-2", Task: TaskID{Fragment: 3, Index: 7}, Partition: 5, Expires: now.Add(time.Minute), Principal: "alice"},
		{Query: "", Expires: now.Add(time.Second), Principal: "b\x00b"},
	}
	for i, t := range seeds {
		b := s.Sign(t)
		f.Add(b)
		f.Add(b[:len(b)-1-i])
		f.Add(append(bytes.Clone(b), 'A'))
	}
	f.Add([]byte("qt1.eyJxIjoicSJ9.c2ln"))
	f.Add([]byte("qt2."))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		tk, err := s.Verify(b, now)
		if err != nil {
			if !qerr.Has(err, qerr.ErrUnauthorized) {
				t.Fatalf("refusal %v has code %s, want %s", err, qerr.CodeOf(err), qerr.ErrUnauthorized)
			}
			return
		}
		raw, _ := base64.RawURLEncoding.DecodeString(string(b[len(TicketPrefix):]))
		if canonical := append(bytes.Clone(TicketPrefix), base64.RawURLEncoding.EncodeToString(raw)...); !bytes.Equal(b, canonical) {
			t.Fatalf("%q opened but is not the canonical spelling %q", b, canonical)
		}
		for _, want := range seeds {
			if tk.Query == want.Query && tk.Task == want.Task && tk.Partition == want.Partition && tk.Expires.Equal(want.Expires) && tk.Principal == want.Principal {
				return
			}
		}
		t.Fatalf("%q opened as %+v, which was never sealed", b, tk)
	})
}

// FuzzTicketRoundTrip seals tickets of arbitrary fields: each opens to
// the same fields before its expiry and to ErrUnauthorized after it.
func FuzzTicketRoundTrip(f *testing.F) {
	s := NewTicketSigner(fuzzSecret)
	f.Add("q-1", 1, 0, 0, "", int64(60))
	f.Add("q-\xff\"\\", -1, 1<<30, -7, "alice@example", int64(1))
	f.Fuzz(func(t *testing.T, query string, fragment, index, partition int, principal string, ttlSeconds int64) {
		if ttlSeconds <= 0 || ttlSeconds > 1<<40 {
			return
		}
		now := time.Unix(1_800_000_000, 0).UTC()
		in := Ticket{Query: QueryID(query), Task: TaskID{Fragment: FragmentID(fragment), Index: index}, Partition: partition,
			Expires: now.Add(time.Duration(ttlSeconds) * time.Second), Principal: principal}
		b := s.Sign(in)
		out, err := s.Verify(b, now)
		if err != nil {
			t.Fatalf("Verify(Sign(%+v)): %v", in, err)
		}
		// JSON replaces invalid UTF-8; compare what the wire can carry.
		if out.Task != in.Task || out.Partition != in.Partition || !out.Expires.Equal(in.Expires) ||
			(utf8.ValidString(query) && out.Query != in.Query) || (utf8.ValidString(principal) && out.Principal != in.Principal) {
			t.Fatalf("round trip %+v became %+v", in, out)
		}
		if _, err := s.Verify(b, in.Expires.Add(time.Nanosecond)); !qerr.Has(err, qerr.ErrUnauthorized) {
			t.Fatalf("expired ticket: %v", err)
		}
	})
}
