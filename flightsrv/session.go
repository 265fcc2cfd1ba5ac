package flightsrv

import (
	"container/list"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	flightpb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/session"
	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
)

// sessionCookie names a Flight SQL session: arrow-go's stateful session
// cookie, which every client's cookie middleware stores and sends back.
const sessionCookie = session.StatefulSessionCookieName

// DefaultSessionIdle is how long a session lives without a call.
const DefaultSessionIdle = 30 * time.Minute

// maxSessions bounds the sessions held: beyond it the least recently used
// goes. Every call without a cookie starts a session (a client that ignores
// cookies starts one per call), so the bound keeps memory flat.
const maxSessions = 1 << 16

// sessions maps session cookies to coordinator sessions. It is the whole
// of Quiver's Flight session management: arrow-go's session middleware
// panics on a malformed cookie, so this store reads cookies with the
// package's helper and treats anything it cannot read as no session. A
// session belongs to the principal that created it: a cookie sent with
// another user's credentials names no session of that user.
type sessions struct {
	mu   sync.Mutex
	idle time.Duration
	byID map[string]*list.Element // of *liveSession
	lru  *list.List               // most recently used first
	now  func() time.Time
	// ended is told of every session that ends (closed, expired or
	// evicted), outside the lock: the coordinator rolls back what the
	// session left open.
	ended func(*coordinator.Session)
}

type liveSession struct {
	id    string
	owner string // the principal's user name
	sess  *coordinator.Session
	used  time.Time
}

func newSessions(idle time.Duration) *sessions {
	return &sessions{idle: idle, byID: map[string]*list.Element{}, lru: list.New(), now: time.Now}
}

// cookieID is the session id the call's cookie names, "" if none can be
// read.
func cookieID(ctx context.Context) string {
	c, err := session.GetIncomingCookieByName(ctx, sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// get returns the live session of owner that id names, nil if none.
func (ss *sessions) get(id, owner string) *coordinator.Session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	e, ok := ss.byID[id]
	if !ok {
		return nil
	}
	ls := e.Value.(*liveSession)
	if ls.owner != owner {
		return nil
	}
	if ss.now().Sub(ls.used) > ss.idle {
		ss.removeLocked(e)
		return nil
	}
	ls.used = ss.now()
	ss.lru.MoveToFront(e)
	return ls.sess
}

// create starts a session of p and returns its id.
func (ss *sessions) create(p Principal) (string, *coordinator.Session) {
	var b [16]byte
	_, _ = rand.Read(b[:])
	ls := &liveSession{id: hex.EncodeToString(b[:]), owner: p.User, sess: coordinator.NewSession(p.User, p.Admin), used: ss.now()}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	// Expired sessions sit at the back; drop them, and the oldest beyond
	// the bound.
	for e := ss.lru.Back(); e != nil && (ss.lru.Len() >= maxSessions || ss.now().Sub(e.Value.(*liveSession).used) > ss.idle); e = ss.lru.Back() {
		ss.removeLocked(e)
	}
	ss.byID[ls.id] = ss.lru.PushFront(ls)
	return ls.id, ls.sess
}

// remove ends the session of owner that id names; it reports whether
// there was one.
func (ss *sessions) remove(id, owner string) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	e, ok := ss.byID[id]
	ok = ok && e.Value.(*liveSession).owner == owner
	if ok {
		ss.removeLocked(e)
	}
	return ok
}

func (ss *sessions) removeLocked(e *list.Element) {
	ls := e.Value.(*liveSession)
	ss.lru.Remove(e)
	delete(ss.byID, ls.id)
	if ss.ended != nil {
		go ss.ended(ls.sess)
	}
}

// SetSessionIdle sets how long a session lives without a call.
func (s *SQLServer) SetSessionIdle(d time.Duration) {
	s.sessions.mu.Lock()
	defer s.sessions.mu.Unlock()
	s.sessions.idle = d
}

// session is the coordinator session of the call's client: the one its
// cookie names if the call's principal made it, or a new one of the
// principal whose cookie goes back in the response headers (a client that
// keeps cookies then stays in it).
func (s *SQLServer) session(ctx context.Context) *coordinator.Session {
	p := PrincipalFrom(ctx)
	if sess := s.sessions.get(cookieID(ctx), p.User); sess != nil {
		return sess
	}
	id, sess := s.sessions.create(p)
	c := http.Cookie{Name: sessionCookie, Value: id}
	// Headers are still unsent when a handler first asks for its session;
	// if they were not, the client simply stays without one.
	_ = grpc.SetHeader(ctx, metadata.Pairs("set-cookie", c.String()))
	return sess
}

// SetSessionOptions sets the session's options (see coordinator.SetOption);
// each option that fails is reported by name and the others are applied.
// An option without a value returns to its default.
func (s *SQLServer) SetSessionOptions(ctx context.Context, req *flight.SetSessionOptionsRequest) (*flight.SetSessionOptionsResult, error) {
	sess := s.session(ctx)
	res := &flight.SetSessionOptionsResult{Errors: map[string]*flight.SetSessionOptionsResultError{}}
	for name, v := range req.GetSessionOptions() {
		err := s.coord.SetOption(ctx, sess, name, optionValue(name, v))
		if err == nil {
			continue
		}
		code := flight.SetSessionOptionsResultErrorError
		switch {
		case qerr.Has(err, qerr.ErrNotFound) && name != coordinator.OptionSchema:
			code = flight.SetSessionOptionsResultErrorInvalidName
		case qerr.Has(err, qerr.ErrInvalid), qerr.Has(err, qerr.ErrNotFound):
			code = flight.SetSessionOptionsResultErrorInvalidValue
		}
		s.log.Info("session option rejected", zap.String("option", name), zap.Error(err))
		res.Errors[name] = &flight.SetSessionOptionsResultError{Value: code}
	}
	return res, nil
}

// optionValue is the Go value of an option as the client sent it; an unset
// value is the option's default.
func optionValue(name string, v *flight.SessionOptionValue) any {
	switch v := v.GetOptionValue().(type) {
	case *flightpb.SessionOptionValue_StringValue:
		return v.StringValue
	case *flightpb.SessionOptionValue_Int64Value:
		return v.Int64Value
	case *flightpb.SessionOptionValue_DoubleValue:
		return v.DoubleValue
	case *flightpb.SessionOptionValue_BoolValue:
		return v.BoolValue
	case *flightpb.SessionOptionValue_StringListValue_:
		return v.StringListValue.GetValues()
	}
	defaults := map[string]any{
		coordinator.OptionCatalog:          CatalogName,
		coordinator.OptionSchema:           catalog.DefaultDatabase,
		coordinator.OptionStatementTimeout: int64(0),
		coordinator.OptionParallelism:      int64(0),
	}
	return defaults[name]
}

// GetSessionOptions returns every option of the session with its value.
func (s *SQLServer) GetSessionOptions(ctx context.Context, _ *flight.GetSessionOptionsRequest) (*flight.GetSessionOptionsResult, error) {
	opts, err := flight.NewSessionOptionValues(s.coord.Options(s.session(ctx)))
	if err != nil {
		return nil, StatusFromError(qerr.ErrInternal.Wrap(err, "session options"))
	}
	return &flight.GetSessionOptionsResult{SessionOptions: opts}, nil
}

// CloseSession ends the call's session and tells the client to drop its
// cookie. Closing a session that is not there (expired, or never made)
// succeeds too.
func (s *SQLServer) CloseSession(ctx context.Context, _ *flight.CloseSessionRequest) (*flight.CloseSessionResult, error) {
	if id := cookieID(ctx); id != "" {
		s.sessions.remove(id, PrincipalFrom(ctx).User)
		c := http.Cookie{Name: sessionCookie, Value: id, MaxAge: -1}
		_ = grpc.SetHeader(ctx, metadata.Pairs("set-cookie", c.String()))
	}
	return &flight.CloseSessionResult{Status: flight.CloseSessionResultClosed}, nil
}
