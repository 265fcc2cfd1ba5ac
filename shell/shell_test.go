package shell

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"
)

// pollServer is a Flight SQL server with what Quiver's lacks so far
// (PollFlightInfo) and what the shell must cope with from any server:
// endpoints at other locations whose streams finish out of order, and a
// query that runs until it is cancelled.
//
//	SELECT ordered: polled twice (the first answer is partial, with
//	  progress); endpoint 0 at the second server's location sends 1, 2, 3
//	  only after endpoint 1 (here) has sent 4, 5.
//	SELECT forever: one batch, then waits for its cancellation.
type pollServer struct {
	flightsql.BaseServer
	schema  *arrow.Schema
	second  string // the location of endpoint 0: scheme://host:port
	mu      sync.Mutex
	polls   int
	e1Done  chan struct{}
	started chan struct{} // closed when the endless stream sent its batch
	cancels chan []byte   // the AppMetadata of CancelFlightInfo requests
}

func (s *pollServer) info(desc *flight.FlightDescriptor, handles ...string) *flight.FlightInfo {
	info := &flight.FlightInfo{Schema: flight.SerializeSchema(s.schema, memory.NewGoAllocator()), FlightDescriptor: desc, AppMetadata: []byte("query-1"), TotalRecords: -1, TotalBytes: -1}
	for i, h := range handles {
		ticket, _ := flightsql.CreateStatementQueryTicket([]byte(h))
		ep := &flight.FlightEndpoint{Ticket: &flight.Ticket{Ticket: ticket}}
		if i == 0 && h == "e0" {
			ep.Location = []*flight.Location{{Uri: s.second}}
		}
		info.Endpoint = append(info.Endpoint, ep)
	}
	return info
}

func (s *pollServer) PollFlightInfoStatement(_ context.Context, cmd flightsql.StatementQuery, desc *flight.FlightDescriptor) (*flight.PollInfo, error) {
	switch cmd.GetQuery() {
	case "SELECT ordered":
		s.mu.Lock()
		s.polls++
		first := s.polls == 1
		s.mu.Unlock()
		if first {
			half := 0.5
			return &flight.PollInfo{Info: s.info(desc), FlightDescriptor: desc, Progress: &half}, nil
		}
		return &flight.PollInfo{Info: s.info(desc, "e0", "e1")}, nil
	default:
		return &flight.PollInfo{Info: s.info(desc, "forever")}, nil
	}
}

func (s *pollServer) DoGetStatement(ctx context.Context, ticket flightsql.StatementQueryTicket) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	ch := make(chan flight.StreamChunk, 1)
	batch := func(values ...int64) arrow.RecordBatch {
		b := array.NewRecordBuilder(memory.NewGoAllocator(), s.schema)
		defer b.Release()
		b.Field(0).(*array.Int64Builder).AppendValues(values, nil)
		return b.NewRecordBatch()
	}
	go func() {
		defer close(ch)
		switch string(ticket.GetStatementHandle()) {
		case "e0":
			select {
			case <-s.e1Done:
			case <-ctx.Done():
				return
			}
			ch <- flight.StreamChunk{Data: batch(1, 2, 3)}
		case "e1":
			ch <- flight.StreamChunk{Data: batch(4, 5)}
			close(s.e1Done)
		case "forever":
			ch <- flight.StreamChunk{Data: batch(0)}
			close(s.started)
			<-ctx.Done()
		}
	}()
	return s.schema, ch, nil
}

func (s *pollServer) CancelFlightInfo(_ context.Context, req *flight.CancelFlightInfoRequest) (flight.CancelFlightInfoResult, error) {
	s.cancels <- req.GetInfo().GetAppMetadata()
	return flight.CancelFlightInfoResult{Status: flight.CancelStatusCancelled}, nil
}

// startPollServers starts the Flight SQL server and the second one whose
// location endpoint 0 names (the same service), both with TLS when cert
// is given and with middleware, and returns the first's address.
func startPollServers(t *testing.T, cert *tls.Certificate, middleware ...flight.ServerMiddleware) (*pollServer, string) {
	t.Helper()
	srv := &pollServer{
		schema:  arrow.NewSchema([]arrow.Field{{Name: "n", Type: arrow.PrimitiveTypes.Int64}}, nil),
		e1Done:  make(chan struct{}),
		started: make(chan struct{}),
		cancels: make(chan []byte, 4),
	}
	var opts []grpc.ServerOption
	scheme := "grpc+tcp://"
	if cert != nil {
		opts = append(opts, grpc.Creds(credentials.NewServerTLSFromCert(cert)))
		scheme = "grpc+tls://"
	}
	var addrs []string
	for range 2 {
		fs := flight.NewServerWithMiddleware(middleware, opts...)
		fs.RegisterFlightService(flightsql.NewFlightServer(srv))
		if err := fs.Init("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		go func() { _ = fs.Serve() }()
		t.Cleanup(fs.Shutdown)
		addrs = append(addrs, fs.Addr().String())
	}
	srv.second = scheme + addrs[1]
	return srv, addrs[0]
}

// selfSigned makes a certificate for 127.0.0.1 that signs itself, and
// writes it as PEM to a file (the shell's --tls-ca).
func selfSigned(t *testing.T) (*tls.Certificate, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "quiver shell test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, path
}

// newTestShell connects a CSV shell by opts whose allocator must be back
// at zero when the test ends.
func newTestShell(t *testing.T, opts ConnOptions, out *bytes.Buffer, errs *bytes.Buffer) *Shell {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	opts.MaxMessageBytes = 1 << 20
	s, err := New(ctx, Config{Conn: opts, Format: FormatCSV, Out: out, Err: errs, Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestPollAndEndpointOrder: the shell polls until the query is complete,
// reads every endpoint at once (endpoint 0 only finishes after endpoint 1)
// at its location, and prints them in endpoint order; over TLS too, the
// second server's location being grpc+tls.
func TestPollAndEndpointOrder(t *testing.T) {
	cert, ca := selfSigned(t)
	for _, tc := range []struct {
		name string
		cert *tls.Certificate
	}{{"plain", nil}, {"tls", cert}} {
		t.Run(tc.name, func(t *testing.T) {
			srv, addr := startPollServers(t, tc.cert)
			var out, errs bytes.Buffer
			s := newTestShell(t, ConnOptions{Addr: addr, TLS: tc.cert != nil, TLSCA: ca}, &out, &errs)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := s.RunScript(ctx, strings.NewReader("SELECT ordered")); err != nil {
				t.Fatalf("%v: %s", err, errs.String())
			}
			if got, want := out.String(), "n\n1\n2\n3\n4\n5\n"; got != want {
				t.Errorf("output %q, want %q", got, want)
			}
			srv.mu.Lock()
			defer srv.mu.Unlock()
			if srv.polls != 2 {
				t.Errorf("%d PollFlightInfo calls, want 2 (until the descriptor is unset)", srv.polls)
			}
		})
	}
}

// TestInterruptCancels: Ctrl-C during a query calls CancelFlightInfo with
// the query's FlightInfo and ends the statement as cancelled.
func TestInterruptCancels(t *testing.T) {
	srv, addr := startPollServers(t, nil)
	var out, errs bytes.Buffer
	s := newTestShell(t, ConnOptions{Addr: addr}, &out, &errs)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Exec(ctx, "SELECT forever") }()
	select {
	case <-srv.started:
	case err := <-done:
		t.Fatalf("the endless query ended: %v", err)
	}
	s.interruptRunning()
	select {
	case meta := <-srv.cancels:
		if string(meta) != "query-1" {
			t.Errorf("CancelFlightInfo for %q, want query-1", meta)
		}
	case <-ctx.Done():
		t.Fatal("no CancelFlightInfo")
	}
	if err := <-done; !errors.Is(err, errCancelled) {
		t.Errorf("the statement ended with %v, want a cancellation", err)
	}
	if !strings.Contains(errs.String(), "query cancelled") {
		t.Errorf("no cancellation printed: %q", errs.String())
	}
}

// tokens is a Basic auth validator with one user, whose handshake returns
// one bearer token.
type tokens struct{}

func (tokens) Validate(user, password string) (string, error) {
	if user != "ann" || password != "s3cret" {
		return "", status.Error(codes.Unauthenticated, "wrong user or password")
	}
	return "token-of-ann", nil
}

func (tokens) IsValid(token string) (any, error) {
	if token != "token-of-ann" {
		return nil, status.Error(codes.Unauthenticated, "no valid bearer token")
	}
	return "ann", nil
}

// TestBasicAuth: with --user the shell does the Basic auth handshake and
// sends its bearer token with every call, do_get at other locations
// included; a wrong password fails at the start with UNAUTHENTICATED, and
// without --user the server refuses the query.
func TestBasicAuth(t *testing.T) {
	_, addr := startPollServers(t, nil, flight.CreateServerBasicAuthMiddleware(tokens{}))
	var out, errs bytes.Buffer
	s := newTestShell(t, ConnOptions{Addr: addr, User: "ann", Password: "s3cret"}, &out, &errs)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.RunScript(ctx, strings.NewReader("SELECT ordered")); err != nil {
		t.Fatalf("%v: %s", err, errs.String())
	}
	if got, want := out.String(), "n\n1\n2\n3\n4\n5\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}

	mem := memory.NewGoAllocator()
	_, err := New(ctx, Config{Conn: ConnOptions{Addr: addr, User: "ann", Password: "wrong", MaxMessageBytes: 1 << 20}, Out: &out, Err: &errs, Allocator: mem})
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("a wrong password: %v, want UNAUTHENTICATED", err)
	}
	anonymous := newTestShell(t, ConnOptions{Addr: addr}, &out, &errs)
	if err := anonymous.Exec(ctx, "SELECT ordered"); status.Code(err) != codes.Unauthenticated {
		t.Errorf("a query without the handshake: %v, want UNAUTHENTICATED", err)
	}
}
