package flightsrv

import (
	"context"
	"io"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// LoginRelay lets a worker answer a client's Basic-credentials handshake:
// clients that log in at every endpoint's location (the Flight SQL JDBC
// driver does) reach workers, which hold no users. The worker forwards the
// credentials to the coordinator's handshake and hands back the bearer
// token it issued, which the worker then accepts like any other.
type LoginRelay struct {
	addr string
	tls  *TLS

	mu     sync.Mutex
	client flight.Client // dialled on first use
}

// NewLoginRelay relays logins to the coordinator at addr, over t's
// transport (plaintext for nil).
func NewLoginRelay(addr string, t *TLS) *LoginRelay { return &LoginRelay{addr: addr, tls: t} }

func (l *LoginRelay) conn(ctx context.Context) (flight.Client, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.client == nil {
		c, err := flight.NewClientWithMiddlewareCtx(ctx, l.addr, nil, nil, l.tls.DialOption())
		if err != nil {
			return nil, status.Errorf(codes.Unavailable, "reach the coordinator to log in: %v", err)
		}
		l.client = c
	}
	return l.client, nil
}

// Login runs the coordinator's handshake with the client's authorization
// header and returns the header that carries the token it issued. The
// coordinator's refusal (a wrong password, the login rate limit) is the
// client's answer.
func (l *LoginRelay) Login(ctx context.Context, authorization string) (metadata.MD, error) {
	client, err := l.conn(ctx)
	if err != nil {
		return nil, err
	}
	stream, err := client.Handshake(metadata.NewOutgoingContext(ctx, metadata.Pairs(AuthHeader, authorization)))
	if err != nil {
		return nil, err
	}
	if err := stream.CloseSend(); err != nil {
		return nil, err
	}
	for {
		if _, err := stream.Recv(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
	}
	for _, md := range []func() (metadata.MD, error){stream.Header, func() (metadata.MD, error) { return stream.Trailer(), nil }} {
		got, err := md()
		if err != nil {
			return nil, err
		}
		for _, v := range got.Get(AuthHeader) {
			if scheme, _ := splitAuth(v); strings.EqualFold(scheme, bearerScheme) {
				return metadata.Pairs(AuthHeader, v), nil
			}
		}
	}
	return nil, status.Error(codes.Unauthenticated, "the coordinator issued no token: it runs without passwords (--auth none)")
}

// Close closes the connection to the coordinator.
func (l *LoginRelay) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.client == nil {
		return nil
	}
	return l.client.Close()
}
