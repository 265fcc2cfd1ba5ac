package integration

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// tlsNodeArgs are the flags of every node of a TLS cluster with mTLS
// between its nodes: one certificate for all, one CA for both sides.
func tlsNodeArgs(p *testPKI, cert, key string) []string {
	return []string{"--tls-cert", cert, "--tls-key", key, "--tls-ca", p.CAFile, "--tls-client-ca", p.CAFile}
}

// tlsCreds trust the test CA, as a client given only the CA does.
func tlsCreds(p *testPKI) credentials.TransportCredentials {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(p.CAPEM)
	return credentials.NewTLS(&tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12})
}

// tlsDialOpts are dialOpts over TLS.
func tlsDialOpts(p *testPKI) []grpc.DialOption {
	return append(dialOpts()[1:], grpc.WithTransportCredentials(tlsCreds(p)))
}

// connectTLS opens a Go ADBC connection over TLS that trusts the test CA.
func connectTLS(t testing.TB, addr string, p *testPKI) *client {
	t.Helper()
	return connectWith(t, addr, map[string]string{
		adbc.OptionKeyURI: "grpc+tls://" + addr,
		"adbc.flight.sql.client_option.tls_root_certs": string(p.CAPEM),
	})
}

// clusterSecret reads the secret the cluster made in its data directory.
func clusterSecret(t testing.TB, dataDir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "cluster-secret"))
	if err != nil {
		t.Fatal(err)
	}
	secret, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

// TestTLSCluster runs a coordinator and two workers that serve TLS, with
// mTLS between them: the Go ADBC driver (trusting the test CA) gets the
// oracle's answers through worker-to-worker exchanges, FlightInfo locations
// say grpc+tls, a plaintext client fails with UNAVAILABLE while the
// cluster keeps answering, and a node-to-node call with the cluster secret
// but without a client certificate is refused.
func TestTLSCluster(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "TLS")
	pki := newTestPKI(t)
	cert, key := pki.nodeFiles(t)
	args := tlsNodeArgs(pki, cert, key)
	cl := startClusterArgs(t, 2, args, args)
	ds := newDataset(t, 20_000, 3, 1, 10)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	c := connectTLS(t, cl.Addr, pki)
	c.load(ds)
	for _, qc := range []queryCase{
		{name: "scan", sql: "SELECT a, b, s, d, dt, f FROM t"},
		{name: "group_by", sql: "SELECT s, count(*), sum(b) FROM t GROUP BY s"},
		{name: "order_by_limit", sql: "SELECT a, b FROM t ORDER BY a, b LIMIT 50", ordered: true},
	} {
		t.Run(qc.name, func(t *testing.T) { checkQuery(t, c, o, qc) })
	}

	ctx, cancel := stmtCtx()
	defer cancel()
	fsql, err := flightsql.NewClient(cl.Addr, nil, nil, tlsDialOpts(pki)...)
	if err != nil {
		t.Fatal(err)
	}
	defer fsql.Close()
	info, err := fsql.Execute(ctx, "SELECT s, count(*) FROM t GROUP BY s")
	if err != nil {
		t.Fatal(err)
	}
	for i, ep := range info.Endpoint {
		if len(ep.Location) == 0 || !strings.HasPrefix(ep.Location[0].Uri, "grpc+tls://") {
			t.Errorf("endpoint %d: locations %v, want grpc+tls://", i, ep.Location)
		}
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	for _, ep := range info.Endpoint {
		addr := strings.TrimPrefix(ep.Location[0].Uri, "grpc+tls://")
		if _, err := doGetWith(ctx, addr, ep.Ticket.GetTicket(), mem, tlsDialOpts(pki)); err != nil {
			t.Errorf("do_get over TLS at %s: %v", addr, err)
		}
	}
	mem.AssertSize(t, 0)

	// A plaintext client of a TLS listener fails cleanly, at the
	// coordinator and at a worker.
	for _, addr := range []string{cl.Addr, cl.WorkerAddrs[0]} {
		plain, err := flightsql.NewClient(addr, nil, nil, dialOpts()...)
		if err != nil {
			t.Fatal(err)
		}
		short, cancelShort := context.WithTimeout(ctx, 20*time.Second)
		_, err = plain.Execute(short, "SELECT 1")
		cancelShort()
		plain.Close()
		if code := status.Code(err); code != codes.Unavailable {
			t.Errorf("plaintext client of %s: %v (code %s), want UNAVAILABLE", addr, err, code)
		}
	}

	// mTLS: the cluster secret alone, over TLS without a client
	// certificate, does not make a node.
	secret := clusterSecret(t, cl.DataDir)
	w, err := flightsrv.DialWorker(cl.WorkerAddrs[0], secret, flightsrv.WithCredentials(tlsCreds(pki)))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Stats(ctx); !qerr.Has(err, qerr.ErrUnauthorized) || !strings.Contains(err.Error(), "client certificate") {
		t.Errorf("a node call without a client certificate: %v, want UNAUTHENTICATED", err)
	}
	// The cluster still answers.
	checkQuery(t, c, o, queryCase{name: "after", sql: "SELECT count(*) FROM t"})
}

// doGetWith fetches one ticket from the Flight service at addr with opts
// and returns the normalised result.
func doGetWith(ctx context.Context, addr string, ticket []byte, mem memory.Allocator, opts []grpc.DialOption) (*result, error) {
	cl, err := flight.NewClientWithMiddleware(addr, nil, nil, opts...)
	if err != nil {
		return nil, err
	}
	defer cl.Close()
	stream, err := cl.DoGet(ctx, &flight.Ticket{Ticket: ticket})
	if err != nil {
		return nil, err
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(mem))
	if err != nil {
		return nil, err
	}
	defer rdr.Release()
	return readResult(rdr)
}

// TestTLSCertificateRotation: a node whose certificate files are replaced
// serves the new certificate to new connections without a restart, and
// clients that trust the CA go on querying.
func TestTLSCertificateRotation(t *testing.T) {
	t.Parallel()
	pki := newTestPKI(t)
	cert, key := filepath.Join(pki.dir, "rot.pem"), filepath.Join(pki.dir, "rot-key.pem")
	first := pki.issue(t, cert, key)
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir(), "--workers", "1",
		"--tls-cert", cert, "--tls-key", key, "--tls-ca", pki.CAFile)
	addr := p.WaitReady(t)
	if got := servedSerial(t, addr, pki); got.Cmp(first) != 0 {
		t.Fatalf("serial %v before the rotation, want %v", got, first)
	}
	second := pki.issue(t, cert, key)
	deadline := time.Now().Add(60 * time.Second)
	for servedSerial(t, addr, pki).Cmp(second) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("new connections still see serial %v after the files changed to %v", servedSerial(t, addr, pki), second)
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.WaitLine(t, "certificate reloaded", 10*time.Second, func(l LogLine) bool {
		return l.Msg() == "TLS certificate reloaded" && l.Str("serial") == second.String()
	})
	c := connectTLS(t, addr, pki)
	if r := c.MustQuery("SELECT 1"); len(r.rows) != 1 {
		t.Fatalf("SELECT 1 after the rotation: %d rows", len(r.rows))
	}
}

// servedSerial is the serial of the certificate a new TLS connection to
// addr gets, verified against the test CA.
func servedSerial(t testing.TB, addr string, p *testPKI) *big.Int {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(p.CAPEM)
	conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pool, NextProtos: []string{"h2"}})
	if err != nil {
		t.Fatalf("TLS dial %s: %v", addr, err)
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0].SerialNumber
}

// TestExposureRefused: a node that would listen beyond loopback without
// protection refuses to start and says why and what to pass; --insecure
// starts it. The nodes bind 0.0.0.0 only: no traffic leaves loopback.
func TestExposureRefused(t *testing.T) {
	t.Parallel()
	pki := newTestPKI(t)
	cert, key := pki.nodeFiles(t)
	cases := []struct {
		name    string
		args    []string
		mention []string
	}{
		{"coordinator", []string{"coordinator", "--listen", "0.0.0.0:0"}, []string{"without TLS and password authentication", "--tls-cert", "--auth password", "--insecure"}},
		{"coordinator_tls_no_auth", []string{"coordinator", "--listen", "0.0.0.0:0", "--tls-cert", cert, "--tls-key", key}, []string{"without password authentication", "--auth password"}},
		{"serve", []string{"serve", "--listen", ":0"}, []string{"without TLS", "--insecure"}},
		{"worker", []string{"worker", "--listen", "0.0.0.0:0", "--coordinator", "127.0.0.1:1"}, []string{"without TLS:", "--tls-cert", "--insecure"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := startProc(t, tc.name, append(tc.args, "--data-dir", t.TempDir())...)
			l := p.WaitLine(t, "the refusal", readyTimeout, func(l LogLine) bool { return l.Msg() == "quiver stopped" })
			select {
			case <-p.exited:
			case <-time.After(readyTimeout):
				t.Fatalf("%s did not exit after refusing", tc.name)
			}
			msg := l.Str("error")
			for _, m := range append(tc.mention, "refusing to listen", "beyond loopback") {
				if !strings.Contains(msg, m) {
					t.Errorf("refusal %q does not mention %q", msg, m)
				}
			}
			if strings.Contains(tc.name, "worker") && strings.Contains(msg, "--auth") {
				t.Errorf("a worker's refusal asks for --auth: %q", msg)
			}
		})
	}
	t.Run("insecure", func(t *testing.T) {
		t.Parallel()
		p := startProc(t, "serve", "serve", "--listen", "0.0.0.0:0", "--insecure", "--data-dir", t.TempDir(), "--workers", "1")
		p.WaitReady(t)
	})
}

// TestTicketRefusals: at a worker, a forged, a bit-flipped, an expired, a
// replayed (after CancelFlightInfo) and a garbage ticket each get the
// same UNAUTHENTICATED status with the same message, and the worker keeps
// serving good tickets.
func TestTicketRefusals(t *testing.T) {
	t.Parallel()
	cl := startCluster(t, 2)
	ds := newDataset(t, 5_000, 2, 0, 0)
	t.Cleanup(func() { ds.Release(t) })
	o := newOracle(t, ds)
	c := connect(t, cl.Addr)
	c.load(ds)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	info, err := fsql.Execute(ctx, "SELECT a, b FROM t")
	if err != nil {
		t.Fatal(err)
	}
	ep := info.Endpoint[0]
	addr, err := locationAddr(ep.Location[0].Uri)
	if err != nil {
		t.Fatal(err)
	}
	good := ep.Ticket.GetTicket()
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)-10] ^= 0x01
	signer := stage.NewTicketSigner(clusterSecret(t, cl.DataDir))
	expired := signer.Sign(stage.Ticket{Query: stage.QueryID(info.AppMetadata), Task: stage.TaskID{}, Expires: time.Now().Add(-time.Minute)})
	forged := stage.NewTicketSigner([]byte("not the cluster secret")).Sign(stage.Ticket{Query: stage.QueryID(info.AppMetadata), Expires: time.Now().Add(time.Hour)})

	refused := func(what string, ticket []byte) string {
		t.Helper()
		_, err := doGet(addr, ticket, mem)
		if status.Code(err) != codes.Unauthenticated {
			t.Errorf("%s: %v, want UNAUTHENTICATED", what, err)
		}
		return status.Convert(err).Message()
	}
	msgs := map[string]string{
		"garbage":     refused("garbage", []byte("garbage")),
		"forged":      refused("forged", forged),
		"bit-flipped": refused("bit-flipped", flipped),
		"expired":     refused("expired", expired),
	}
	// The good ticket still reads, and every endpoint drains.
	if _, err := drainInfo(info, cl.Addr, mem); err != nil {
		t.Fatalf("the real tickets: %v", err)
	}

	// Replayed after close: a cancelled query's tickets are refused alike.
	info2, err := fsql.Execute(ctx, "SELECT a FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info2}); err != nil {
		t.Fatal(err)
	}
	addr2, _ := locationAddr(info2.Endpoint[0].Location[0].Uri)
	_, err = doGet(addr2, info2.Endpoint[0].Ticket.GetTicket(), mem)
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("replayed after cancel: %v, want UNAUTHENTICATED", err)
	}
	msgs["replayed"] = status.Convert(err).Message()
	for what, m := range msgs {
		if m != msgs["garbage"] {
			t.Errorf("%s: message %q differs from %q: it tells which check failed", what, m, msgs["garbage"])
		}
	}
	// A node (with the cluster secret) is told the reason.
	nodeCtx := metadata.AppendToOutgoingContext(ctx, flightsrv.AuthHeader, flightsrv.BearerSecret(clusterSecret(t, cl.DataDir)))
	_, err = doGetWith(nodeCtx, addr2, info2.Endpoint[0].Ticket.GetTicket(), mem, dialOpts())
	if code := status.Code(err); code != codes.Canceled {
		t.Errorf("replayed by a node: %v, want CANCELLED (the reason)", err)
	}
	checkQuery(t, c, o, queryCase{name: "after", sql: "SELECT count(*), sum(b) FROM t"})
}
