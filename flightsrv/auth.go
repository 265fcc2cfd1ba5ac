package flightsrv

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net"
	"strings"
	"time"

	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// Principal is who a call runs as: a user of the catalog, or, on a server
// without authentication, the anonymous administrator (User "").
type Principal struct {
	User  string
	Admin bool
	// cluster marks a call with the cluster secret: a node of the
	// cluster, which may send cluster actions and nothing else.
	cluster bool
}

// Name is the principal's user name as users see it: AnonymousUser for
// the anonymous one.
func (p Principal) Name() string {
	if p.User == "" {
		return coordinator.AnonymousUser
	}
	return p.User
}

// anonymous is the principal of every call to a server without
// authentication: everything works as it did before users existed.
var anonymous = Principal{Admin: true}

type principalKey struct{}

// PrincipalFrom is the principal that the call of ctx authenticated as (the
// Auth interceptors put it there); anonymous where none did.
func PrincipalFrom(ctx context.Context) Principal {
	if p, ok := ctx.Value(principalKey{}).(Principal); ok {
		return p
	}
	return anonymous
}

func withPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// AuthConfig configures a coordinator's authentication.
type AuthConfig struct {
	// Passwords turns users on (--auth password): every call but the
	// handshake needs a token or Basic credentials. Off, every call is the
	// anonymous administrator's.
	Passwords bool
	Tokens    *Tokens
	// Secret is the cluster secret, which authenticates nodes' actions.
	Secret []byte
	// LoginFailuresPerMinute bounds failed logins per user and per client
	// address (DefaultLoginFailuresPerMinute if 0).
	LoginFailuresPerMinute int
}

// Auth authenticates every call to the coordinator: its interceptors
// (ServerOptions) turn the call's credentials into a Principal in the
// call's context, or refuse the call with UNAUTHENTICATED (the same message
// for an unknown user and a wrong password) or, past the login rate
// limit, RESOURCE_EXHAUSTED with a retry delay.
type Auth struct {
	cfg   AuthConfig
	coord *coordinator.Coordinator
	fails *loginLimiter
	log   *zap.Logger
}

// NewAuth returns the authentication of coord's Flight SQL service.
func NewAuth(cfg AuthConfig, coord *coordinator.Coordinator, log *zap.Logger) *Auth {
	if cfg.LoginFailuresPerMinute <= 0 {
		cfg.LoginFailuresPerMinute = DefaultLoginFailuresPerMinute
	}
	return &Auth{cfg: cfg, coord: coord, fails: newLoginLimiter(cfg.LoginFailuresPerMinute), log: log.Named("auth")}
}

// ServerOptions are the interceptors that authenticate every call; add them
// after ServerOptions' own, so that a panic in them is recovered too.
func (a *Auth) ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
			ctx, reply, err := a.authenticate(ctx, info.FullMethod)
			if err != nil {
				return nil, err
			}
			if reply != nil {
				_ = grpc.SetHeader(ctx, reply)
			}
			return handler(ctx, req)
		}),
		grpc.ChainStreamInterceptor(func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
			ctx, reply, err := a.authenticate(ss.Context(), info.FullMethod)
			if err != nil {
				return err
			}
			if reply != nil {
				_ = ss.SetHeader(reply)
				if strings.HasSuffix(info.FullMethod, "/Handshake") {
					// Clients read the token from the handshake's header
					// (JDBC, ADBC) or its trailer (arrow-go).
					ss.SetTrailer(reply)
				}
			}
			return handler(srv, &principalStream{ServerStream: ss, ctx: ctx})
		}),
	}
}

type principalStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *principalStream) Context() context.Context { return s.ctx }

// authenticate reads the call's credentials: Basic credentials log in and
// return the new token as the reply header for the client to send from
// then on; a bearer token is verified against its user's current version;
// the cluster secret passes for cluster actions. Without passwords every
// call is anonymous's.
func (a *Auth) authenticate(ctx context.Context, method string) (context.Context, metadata.MD, error) {
	if !a.cfg.Passwords {
		return withPrincipal(ctx, anonymous), nil, nil
	}
	scheme, cred := credentials(ctx)
	switch {
	case strings.EqualFold(scheme, basicScheme):
		user, password, err := basicCredentials(cred)
		if err != nil {
			return ctx, nil, err
		}
		token, p, err := a.login(ctx, user, password)
		if err != nil {
			return ctx, nil, err
		}
		return withPrincipal(ctx, p), metadata.Pairs(AuthHeader, bearer(token)), nil
	case strings.HasSuffix(method, "/Handshake"):
		return ctx, nil, status.Error(codes.Unauthenticated, "the handshake needs Basic credentials (authorization: Basic base64(user:password))")
	case strings.EqualFold(scheme, bearerScheme) && isToken(cred):
		p, err := a.verify(ctx, cred)
		if err != nil {
			return ctx, nil, err
		}
		return withPrincipal(ctx, p), nil, nil
	case strings.EqualFold(scheme, bearerScheme) && strings.HasSuffix(method, "/DoAction") && isSecret(cred, a.cfg.Secret):
		return withPrincipal(ctx, Principal{cluster: true}), nil, nil
	case scheme == "":
		return ctx, nil, status.Error(codes.Unauthenticated, "authentication required: log in with a Basic auth handshake (user and password) and send the bearer token it returns")
	}
	return ctx, nil, status.Error(codes.Unauthenticated, "invalid credentials: send Basic credentials or the bearer token a login returned")
}

// login checks a password within the login rate limit and issues a token.
func (a *Auth) login(ctx context.Context, user, password string) (string, Principal, error) {
	addr := clientAddr(ctx)
	keys := []string{"user:" + user, "addr:" + addr}
	if wait, ok := a.fails.allowed(keys); !ok {
		a.log.Warn("login refused: too many failures", zap.String("user", user), zap.String("client", addr))
		return "", Principal{}, retryLater(wait, "too many failed logins for this user or from this address: retry in %s", wait.Round(time.Second))
	}
	u, err := a.coord.Authenticate(ctx, user, password)
	if err != nil {
		if qerr.Has(err, qerr.ErrUnauthorized) {
			a.fails.failed(keys)
			a.log.Info("login failed", zap.String("user", user), zap.String("client", addr))
		}
		return "", Principal{}, StatusFromError(err)
	}
	return a.cfg.Tokens.Issue(u.Name, u.Version, time.Now()), Principal{User: u.Name, Admin: u.Admin}, nil
}

// verify checks a bearer token: signed by this cluster's key, not expired,
// and naming its user's current version (so a dropped user's token, or
// one issued before ALTER USER, is refused).
func (a *Auth) verify(ctx context.Context, token string) (Principal, error) {
	c, err := a.cfg.Tokens.Verify(token, time.Now())
	if err != nil {
		return Principal{}, StatusFromError(err)
	}
	u, err := a.coord.User(ctx, c.User)
	switch {
	case qerr.Has(err, qerr.ErrNotFound) || (err == nil && u.Version != c.Version):
		return Principal{}, status.Error(codes.Unauthenticated, "bearer token revoked (the user was dropped or its password changed): authenticate again")
	case err != nil:
		return Principal{}, StatusFromError(err)
	}
	return Principal{User: u.Name, Admin: u.Admin}, nil
}

// credentials is the scheme and credential of the call's authorization
// header ("", "" without one).
func credentials(ctx context.Context) (scheme, cred string) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get(AuthHeader)
	if len(vals) == 0 {
		return "", ""
	}
	return splitAuth(vals[0])
}

// basicCredentials decodes base64(user:password), padded or not.
func basicCredentials(cred string) (user, password string, err error) {
	raw, err := base64.StdEncoding.DecodeString(cred)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(cred); err != nil {
			return "", "", status.Error(codes.Unauthenticated, "malformed Basic credentials: not base64")
		}
	}
	user, password, ok := strings.Cut(string(raw), ":")
	if !ok {
		return "", "", status.Error(codes.Unauthenticated, "malformed Basic credentials: no ':' between user and password")
	}
	return user, password, nil
}

// clientAddr is the host of the call's client ("" if unknown).
func clientAddr(ctx context.Context) string {
	p, ok := peer.FromContext(ctx)
	if !ok || p.Addr == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(p.Addr.String())
	if err != nil {
		return p.Addr.String()
	}
	return host
}

// isSecret reports whether a bearer credential is the cluster secret.
func isSecret(cred string, secret []byte) bool {
	got, err := hex.DecodeString(cred)
	return err == nil && len(secret) > 0 && subtle.ConstantTimeCompare(got, secret) == 1
}

// checkSecret verifies that a cluster-internal call carries the cluster
// secret as "authorization: Bearer <hex secret>".
func checkSecret(ctx context.Context, secret []byte) error {
	md, _ := metadata.FromIncomingContext(ctx)
	for _, v := range md.Get(AuthHeader) {
		if scheme, cred := splitAuth(v); strings.EqualFold(scheme, bearerScheme) && isSecret(cred, secret) {
			return nil
		}
	}
	return status.Error(codes.Unauthenticated, "cluster secret missing or wrong")
}

// checkReader decides whether the caller may read the result a ticket
// names: anyone where the ticket names no principal (a server without
// authentication), a node of the cluster (the cluster secret), or the
// ticket's principal with a valid token of its own. A worker cannot see the
// catalog, so it checks a token's signature and expiry, not its revocation:
// the ticket itself expires with the result.
func checkReader(ctx context.Context, t stage.Ticket, secret []byte, tokens *Tokens) error {
	if t.Principal == "" || checkSecret(ctx, secret) == nil {
		return nil
	}
	if p := PrincipalFrom(ctx); p.User != "" {
		return ownedBy(t, p.User) // authenticated already (the coordinator's relay)
	}
	scheme, cred := credentials(ctx)
	if tokens == nil || !strings.EqualFold(scheme, bearerScheme) {
		return status.Error(codes.Unauthenticated, "this result needs the bearer token of the user whose query made it")
	}
	c, err := tokens.Verify(cred, time.Now())
	if err != nil {
		return StatusFromError(err)
	}
	return ownedBy(t, c.User)
}

func ownedBy(t stage.Ticket, user string) error {
	if user != t.Principal {
		return status.Error(codes.PermissionDenied, "this result belongs to another user's query")
	}
	return nil
}
