package stage

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/quiverdb/quiver/qerr"
)

// fuzzSecret keys the ticket fuzzers' signer.
var fuzzSecret = []byte("ticket fuzz secret")

// FuzzTicketOpen feeds arbitrary bytes to Verify, seeded with sealed
// tickets and their near misses: nothing panics, every refusal is
// ErrUnauthorized, and the only bytes that open are tickets the signer
// sealed, spelled exactly as it sealed them.
func FuzzTicketOpen(f *testing.F) {
	s := NewTicketSigner(fuzzSecret)
	now := time.Unix(1_800_000_000, 0)
	var sealed [][]byte
	for i, t := range []Ticket{
		{Query: "q-1", Task: TaskID{Fragment: 1, Index: 0}, Partition: 0, Expires: now.Add(time.Hour)},
		{Query: "q-2", Task: TaskID{Fragment: 3, Index: 7}, Partition: 5, Expires: now.Add(time.Minute), Principal: "alice"},
		{Query: "", Expires: now.Add(time.Second), Principal: "b\x00b"},
	} {
		b := s.Sign(t)
		sealed = append(sealed, b)
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
		for _, want := range sealed {
			if bytes.Equal(b, want) {
				return
			}
		}
		t.Fatalf("%q opened as %+v but was never sealed", b, tk)
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
