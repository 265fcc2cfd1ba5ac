package flightsrv

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc/metadata"
)

// TestSessionsExpire checks the session store: a session is found by its
// id and owner until it has been idle too long, removing it ends it, and
// an unreadable cookie names no session.
func TestSessionsExpire(t *testing.T) {
	now := time.Unix(1000, 0)
	ss := newSessions(time.Minute)
	ss.now = func() time.Time { return now }
	id, sess := ss.create(anonymous)
	if got := ss.get(id, ""); got != sess {
		t.Fatalf("get(%s) = %p, want the created session %p", id, got, sess)
	}
	now = now.Add(59 * time.Second)
	if ss.get(id, "") != sess {
		t.Fatal("session gone before its idle time")
	}
	now = now.Add(59 * time.Second) // idle time counts from the last use
	if ss.get(id, "") != sess {
		t.Fatal("a used session expired")
	}
	now = now.Add(61 * time.Second)
	if ss.get(id, "") != nil {
		t.Fatal("session idle past its time is still there")
	}
	id, _ = ss.create(anonymous)
	if !ss.remove(id, "") || ss.get(id, "") != nil || ss.remove(id, "") {
		t.Fatal("remove did not end the session exactly once")
	}
	// A session is its owner's: another user's cookie names none of
	// ann's, nor may it end hers.
	ann := Principal{User: "ann"}
	id, sess = ss.create(ann)
	if ss.get(id, "ann") != sess || ss.get(id, "bob") != nil || ss.get(id, "") != nil {
		t.Fatal("a session was found for a principal that did not create it")
	}
	if ss.remove(id, "bob") || ss.get(id, "ann") != sess || sess.User() != "ann" {
		t.Fatal("another user ended ann's session")
	}
	// Creating sweeps expired sessions.
	for range 3 {
		ss.create(anonymous)
	}
	now = now.Add(time.Hour)
	ss.create(anonymous)
	if n := len(ss.byID); n != 1 {
		t.Errorf("%d sessions held after the others expired, want 1", n)
	}

	for _, cookie := range []string{"", "arrow_flight_session_id", "=;;=", "arrow_flight_session_id=\"x"} {
		ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("cookie", cookie))
		if id := cookieID(ctx); id != "" && ss.get(id, "") != nil {
			t.Errorf("cookie %q names a session", cookie)
		}
	}
	if id := cookieID(context.Background()); id != "" {
		t.Errorf("a call without metadata names session %q", id)
	}
}
