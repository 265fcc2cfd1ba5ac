package shell

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

// ConnOptions say how to reach a Flight SQL server.
type ConnOptions struct {
	Addr            string // host:port
	TLS             bool   // TLS to the server (endpoint locations say for themselves: grpc+tls or grpc+tcp)
	TLSCA           string // PEM file of the CA that signed the servers' certificates (default: the system's roots)
	User, Password  string // when User is set, the Basic auth handshake; the bearer token it returns goes with every call
	MaxMessageBytes int    // gRPC message limit of every connection
}

// Conn is the shell's connection to a Flight SQL server, and to the other
// Flight services its endpoints name (one connection per location, opened
// on first use). Safe for concurrent use; Close closes every connection.
type Conn struct {
	opts  ConnOptions
	sql   *flightsql.Client
	plain []grpc.DialOption // for grpc+tcp locations
	tls   []grpc.DialOption // for grpc+tls locations (and the server with --tls)
	auth  metadata.MD       // the bearer token after a handshake

	mu        sync.Mutex
	locations map[string]flight.Client // by scheme://host:port
}

// Dial connects to the server of opts; mem allocates received batches.
func Dial(ctx context.Context, opts ConnOptions, mem memory.Allocator) (*Conn, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if opts.TLSCA != "" {
		pem, err := os.ReadFile(opts.TLSCA)
		if err != nil {
			return nil, fmt.Errorf("--tls-ca: %w", err)
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--tls-ca %s: no PEM certificate in it", opts.TLSCA)
		}
	}
	limits := grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(opts.MaxMessageBytes), grpc.MaxCallSendMsgSize(opts.MaxMessageBytes))
	c := &Conn{
		opts:      opts,
		plain:     []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials()), limits},
		tls:       []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(cfg)), limits},
		locations: map[string]flight.Client{},
	}
	dial := c.plain
	if opts.TLS {
		dial = c.tls
	}
	cl, err := flightsql.NewClientCtx(ctx, opts.Addr, nil, nil, dial...)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", opts.Addr, err)
	}
	cl.Alloc = mem
	c.sql = cl
	if opts.User != "" {
		authed, err := cl.Client.AuthenticateBasicToken(ctx, opts.User, opts.Password)
		if err != nil {
			_ = cl.Close()
			return nil, fmt.Errorf("authenticate %s at %s: %w", opts.User, opts.Addr, err)
		}
		c.auth, _ = metadata.FromOutgoingContext(authed)
	}
	return c, nil
}

// Close closes every connection.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range c.locations {
		_ = l.Close()
	}
	c.locations = nil
	return c.sql.Close()
}

// withAuth adds the bearer token (if any) to a call's context.
func (c *Conn) withAuth(ctx context.Context) context.Context {
	if c.auth == nil {
		return ctx
	}
	return metadata.NewOutgoingContext(ctx, c.auth)
}

// endpointClient is the connection for an endpoint: the server's own when
// the endpoint names no location (or the server's address, or asks for the
// connection to be reused), else one to the location it names.
func (c *Conn) endpointClient(ep *flight.FlightEndpoint) (flight.Client, error) {
	if len(ep.Location) == 0 {
		return c.sql.Client, nil
	}
	uri := ep.Location[0].GetUri()
	if uri == "" || strings.HasPrefix(uri, "arrow-flight-reuse-connection:") {
		return c.sql.Client, nil
	}
	u, err := url.Parse(uri)
	if err != nil {
		return nil, fmt.Errorf("endpoint location %q: %w", uri, err)
	}
	if u.Host == c.opts.Addr {
		return c.sql.Client, nil
	}
	var dial []grpc.DialOption
	switch u.Scheme {
	case "grpc", "grpc+tcp":
		dial = c.plain
	case "grpc+tls":
		dial = c.tls
	default:
		return nil, fmt.Errorf("endpoint location %q: unsupported scheme %q", uri, u.Scheme)
	}
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.locations[key]; ok {
		return l, nil
	}
	l, err := flight.NewClientWithMiddleware(u.Host, nil, nil, dial...)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", u.Host, err)
	}
	c.locations[key] = l
	return l, nil
}
