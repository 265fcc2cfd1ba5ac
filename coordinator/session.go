package coordinator

import (
	"sync"

	"github.com/quiverdb/quiver/catalog"
)

// Session is one client's state across statements: who it is and its current
// database. flightsrv keeps one per Flight SQL session and passes it to every
// statement; a call outside any session gets a fresh default one. A Session
// is safe for concurrent use: a client may run statements in parallel.
type Session struct {
	mu       sync.Mutex
	user     string
	database string
}

// NewSession returns a session of user with the default database current.
func NewSession(user string) *Session {
	return &Session{user: user, database: catalog.DefaultDatabase}
}

// User is the principal the session belongs to.
func (s *Session) User() string { return s.user }

// Database is the session's current database: where unqualified names bind.
func (s *Session) Database() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.database
}

// SetDatabase makes db the current database (USE db).
func (s *Session) SetDatabase(db string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.database = db
}
