package flightsrv

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/quiverdb/quiver/coordinator"
)

// Sessions lists the live sessions, most recently used first, for
// system.sessions (coordinator.SessionLister). A session is named by a
// fingerprint of its cookie: the cookie itself is a credential.
func (s *SQLServer) Sessions() []coordinator.ListedSession {
	ss := s.sessions
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	var out []coordinator.ListedSession
	for e := ss.lru.Front(); e != nil; e = e.Next() {
		ls := e.Value.(*liveSession)
		if now.Sub(ls.used) > ss.idle {
			continue
		}
		sum := sha256.Sum256([]byte(ls.id))
		out = append(out, coordinator.ListedSession{ID: hex.EncodeToString(sum[:8]), Session: ls.sess, LastUsed: ls.used})
	}
	return out
}
