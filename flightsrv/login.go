package flightsrv

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

// DefaultLoginFailuresPerMinute is how many failed logins a user, and a
// client address, may make in a burst; they are forgiven at that rate.
const DefaultLoginFailuresPerMinute = 10

// maxLimiters bounds the limiters held; beyond it those that forgave every
// failure go (they are the same as none).
const maxLimiters = 1 << 14

// loginLimiter rate-limits failed logins, per key (a user, a client
// address): a token bucket per key that each failure drains and time
// refills. Only failures count, so a user who logs in right is never slowed.
type loginLimiter struct {
	mu    sync.Mutex
	burst int
	every rate.Limit
	byKey map[string]*rate.Limiter
}

func newLoginLimiter(perMinute int) *loginLimiter {
	return &loginLimiter{burst: perMinute, every: rate.Limit(float64(perMinute) / 60), byKey: map[string]*rate.Limiter{}}
}

// allowed reports whether every key may try again now and, if not, how long
// until it may.
func (l *loginLimiter) allowed(keys []string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var wait time.Duration
	for _, k := range keys {
		lim := l.byKey[k]
		if lim == nil {
			continue
		}
		if t := lim.Tokens(); t < 1 {
			wait = max(wait, time.Duration((1-t)/float64(l.every)*float64(time.Second)))
		}
	}
	return wait, wait == 0
}

// failed counts one failed login against every key.
func (l *loginLimiter) failed(keys []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.byKey) >= maxLimiters {
		for k, lim := range l.byKey {
			if lim.Tokens() >= float64(l.burst) {
				delete(l.byKey, k)
			}
		}
	}
	for _, k := range keys {
		lim := l.byKey[k]
		if lim == nil {
			lim = rate.NewLimiter(l.every, l.burst)
			l.byKey[k] = lim
		}
		lim.Allow()
	}
}

// retryLater is RESOURCE_EXHAUSTED with a RetryInfo detail of wait, which
// gRPC clients read as when to try again.
func retryLater(wait time.Duration, format string, args ...any) error {
	st := status.New(codes.ResourceExhausted, fmt.Sprintf(format, args...))
	if d, err := st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(wait)}); err == nil {
		st = d
	}
	return st.Err()
}
