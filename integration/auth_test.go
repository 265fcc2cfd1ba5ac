package integration

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/flightsrv"
)

const adminPassword = "admin-s3cret"

// startAuthServe runs `quiver serve --auth password` with the admin password
// over dataDir (fresh when empty) and extra flags.
func startAuthServe(t testing.TB, dataDir string, args ...string) *Cluster {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	p := startProc(t, "serve", append([]string{"serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--workers", "2",
		"--auth", "password", "--admin-password", adminPassword}, args...)...)
	return &Cluster{Addr: p.WaitReady(t), DataDir: dataDir, Coordinator: p}
}

// connectAs opens a Go ADBC connection with the driver's username and
// password options (a Basic auth handshake, then the bearer token).
func connectAs(t testing.TB, addr, user, password string) *client {
	t.Helper()
	return connectWith(t, addr, map[string]string{adbc.OptionKeyUsername: user, adbc.OptionKeyPassword: password})
}

// login does the Basic auth handshake with a raw Flight client and returns
// the bearer token the coordinator answered with, or the handshake's error.
func login(t testing.TB, addr, user, password string) (string, error) {
	t.Helper()
	cl, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := stmtCtx()
	defer cancel()
	authed, err := cl.AuthenticateBasicToken(ctx, user, password)
	if err != nil {
		return "", err
	}
	md, _ := metadata.FromOutgoingContext(authed)
	tok, ok := strings.CutPrefix(md.Get("authorization")[0], "Bearer ")
	if !ok {
		t.Fatalf("handshake answered authorization %q, not a bearer token", md.Get("authorization"))
	}
	return tok, nil
}

// bearer is ctx carrying token as every later call does.
func bearer(ctx context.Context, token string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
}

// queryWith runs sql with a raw Flight SQL client under token (none when
// empty) and returns its FlightInfo.
func queryWith(t testing.TB, fs *flightsql.Client, token, sql string) (*flight.FlightInfo, error) {
	t.Helper()
	ctx, cancel := stmtCtx()
	defer cancel()
	if token != "" {
		ctx = bearer(ctx, token)
	}
	return fs.Execute(ctx, sql)
}

// wantCode fails unless err has the gRPC code want.
func wantCode(t testing.TB, what string, err error, want codes.Code) {
	t.Helper()
	if got := grpcCode(err); got != want {
		t.Fatalf("%s: %v (code %s), want %s", what, err, got, want)
	}
}

// getAt fetches an endpoint's ticket at its worker under token (none when
// empty) and reads the stream to its end.
func getAt(t testing.TB, ep *flight.FlightEndpoint, token string) error {
	t.Helper()
	addr, err := locationAddr(ep.Location[0].Uri)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := stmtCtx()
	defer cancel()
	if token != "" {
		ctx = bearer(ctx, token)
	}
	stream, err := cl.DoGet(ctx, ep.Ticket)
	if err != nil {
		return err
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(memory.NewGoAllocator()))
	if err != nil {
		return err
	}
	defer rdr.Release()
	for rdr.Next() {
	}
	return rdr.Err()
}

// TestAuth runs a coordinator with --auth password and checks every
// refusal with its code, the server answering others after each: no
// credentials, a wrong password and an unknown user (the same message), a
// non-admin's CREATE USER, a token of a dropped user, a token from before
// ALTER USER, a token signed with another key, a worker do_get without a
// token and with another user's, and the login rate limit. current_user()
// is the principal; a session cookie sent with another user's token is a
// new session. Then the coordinator restarts: a token survives it, ALTER
// USER still revokes it, and a token past --token-ttl is refused.
func TestAuth(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "authentication")
	dataDir := t.TempDir()
	cl := startAuthServe(t, dataDir, "--login-failures-per-minute", "6")
	fs := newFlightSQLClient(t, cl.Addr)

	_, err := queryWith(t, fs, "", "SELECT 1")
	wantCode(t, "a query without credentials", err, codes.Unauthenticated)

	admin := connectAs(t, cl.Addr, "admin", adminPassword)
	if got := queryText(t, admin, "SELECT current_user()"); got != "'admin'" {
		t.Fatalf("admin's current_user() = %q", got)
	}
	admin.MustExec("CREATE USER ann IDENTIFIED BY 'ann-pw'")
	admin.MustExec("CREATE USER bob IDENTIFIED BY 'bob-pw', dave IDENTIFIED BY 'dave-pw'")
	admin.MustExec("CREATE DATABASE db1")
	admin.MustExec("GRANT SELECT ON db1.* TO ann") // USE db1 lists only databases a user holds something in
	_, err = admin.Exec("CREATE USER ann IDENTIFIED BY 'x'")
	wantCode(t, "CREATE USER of an existing user", err, codes.AlreadyExists)

	ann := connectAs(t, cl.Addr, "ann", "ann-pw")
	if got := queryText(t, ann, "SELECT current_user()"); got != "'ann'" {
		t.Fatalf("ann's current_user() = %q", got)
	}
	_, err = ann.Exec("CREATE USER eve IDENTIFIED BY 'x'")
	wantCode(t, "CREATE USER by a user who is no admin", err, codes.PermissionDenied)

	// A wrong password and an unknown user: the same code and message.
	_, errWrong := login(t, cl.Addr, "ann", "wrong")
	_, errUnknown := login(t, cl.Addr, "nobody", "wrong")
	wantCode(t, "a wrong password", errWrong, codes.Unauthenticated)
	wantCode(t, "an unknown user", errUnknown, codes.Unauthenticated)
	if status.Convert(errWrong).Message() != status.Convert(errUnknown).Message() {
		t.Errorf("a wrong password says %q, an unknown user %q: they must not differ", status.Convert(errWrong).Message(), status.Convert(errUnknown).Message())
	}

	annTok, err := login(t, cl.Addr, "ann", "ann-pw")
	if err != nil {
		t.Fatal(err)
	}
	bobTok, err := login(t, cl.Addr, "bob", "bob-pw")
	if err != nil {
		t.Fatal(err)
	}

	// A result ticket at a worker (of a query that reads a table: a
	// constant one the coordinator answers itself): only with its owner's
	// token.
	admin.MustExec("CREATE TABLE db1.w (a INT)")
	admin.MustExec("INSERT INTO db1.w VALUES (42)")
	info, err := queryWith(t, fs, annTok, "SELECT a FROM db1.w")
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, "a worker do_get without a token", getAt(t, info.Endpoint[0], ""), codes.Unauthenticated)
	wantCode(t, "a worker do_get with another user's token", getAt(t, info.Endpoint[0], bobTok), codes.Unauthenticated) // as forged tickets: no telling which check failed
	if none, other := status.Convert(getAt(t, info.Endpoint[0], "")).Message(), status.Convert(getAt(t, info.Endpoint[0], bobTok)).Message(); none != other {
		t.Errorf("a do_get without a token says %q, with another user's %q: they must not differ", none, other)
	}
	if err := getAt(t, info.Endpoint[0], annTok); err != nil {
		t.Fatalf("ann's do_get of her own result: %v", err)
	}

	// A cookie session is its principal's: bob with ann's cookie is in a
	// session of his own (whose cookie then replaces ann's in the jar).
	jar := newSessionClient(t, cl.Addr)
	if _, err := queryWith(t, jar, annTok, "USE db1"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ token, want string }{{annTok, "'db1'"}, {bobTok, "'main'"}} {
		info, err := queryWith(t, jar, c.token, "SELECT database()")
		if err != nil {
			t.Fatal(err)
		}
		res, err := drainWith(info, cl.Addr, c.token)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.rows[0][0].String(); got != c.want {
			t.Errorf("database() with the shared cookie = %s, want %s", got, c.want)
		}
	}

	// A dropped user's token is revoked.
	daveTok, err := login(t, cl.Addr, "dave", "dave-pw")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := queryWith(t, fs, daveTok, "SELECT 1"); err != nil {
		t.Fatalf("dave's token before DROP USER: %v", err)
	}
	admin.MustExec("DROP USER dave")
	_, err = queryWith(t, fs, daveTok, "SELECT 1")
	wantCode(t, "the token of a dropped user", err, codes.Unauthenticated)

	// A token signed with another key.
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	forged := flightsrv.NewTokens(key, time.Hour).Issue("admin", 1, time.Now())
	_, err = queryWith(t, fs, forged, "SELECT 1")
	wantCode(t, "a token signed with another key", err, codes.Unauthenticated)

	// ALTER USER revokes the tokens issued before.
	bobConn := connectAs(t, cl.Addr, "bob", "bob-pw")
	bobConn.MustExec("ALTER USER bob IDENTIFIED BY 'bob-pw2'")
	_, err = queryWith(t, fs, bobTok, "SELECT 1")
	wantCode(t, "a token from before ALTER USER", err, codes.Unauthenticated)
	if _, err := login(t, cl.Addr, "bob", "bob-pw2"); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
	_, err = ann.Exec("ALTER USER bob IDENTIFIED BY 'mine'")
	wantCode(t, "ALTER USER of another user by a user who is no admin", err, codes.PermissionDenied)

	// The server answers the others after every refusal.
	if got := queryText(t, ann, "SELECT 1 + 1"); got != "2" {
		t.Fatalf("ann after the refusals: %q", got)
	}

	// The login rate limit: failures of one user from one address, until
	// RESOURCE_EXHAUSTED; then even the right password waits, and the
	// tokens issued before keep working.
	limited := false
	for i := 0; i < 10 && !limited; i++ {
		_, err := login(t, cl.Addr, "ann", "wrong")
		switch grpcCode(err) {
		case codes.Unauthenticated:
		case codes.ResourceExhausted:
			limited = true
			if !strings.Contains(status.Convert(err).Message(), "retry in") {
				t.Errorf("rate-limit refusal without a retry hint: %v", err)
			}
		default:
			t.Fatalf("failed login %d: %v", i, err)
		}
	}
	if !limited {
		t.Fatal("10 failed logins and no RESOURCE_EXHAUSTED")
	}
	_, err = login(t, cl.Addr, "ann", "ann-pw")
	wantCode(t, "the right password past the rate limit", err, codes.ResourceExhausted)
	if _, err := queryWith(t, fs, annTok, "SELECT 1"); err != nil {
		t.Fatalf("ann's token past the rate limit: %v", err)
	}

	// Every statement has an audit line; none carries a password.
	lines := cl.Coordinator.Find(func(l LogLine) bool { return l.Str("logger") == "audit" })
	var created bool
	for _, l := range lines {
		if strings.Contains(l.Raw, "ann-pw") || strings.Contains(l.Raw, "bob-pw") {
			t.Errorf("an audit line carries a password: %s", l.Raw)
		}
		if l.Str("user") == "admin" && strings.HasPrefix(l.Str("statement"), "create user") && l.Str("outcome") == "ok" {
			created = l.Str("digest") != "" && l.Str("client") == "127.0.0.1" && l.Str("duration") != ""
		}
	}
	if !created {
		t.Errorf("no audit line of admin's CREATE USER with digest, client and duration among %d", len(lines))
	}
	for _, l := range cl.Coordinator.Lines() {
		if strings.Contains(l.Raw, "ann-pw") {
			t.Errorf("a log line carries ann's password: %s", l.Raw)
		}
	}

	// Restart: ann's token survives; ALTER USER revokes it still.
	for _, c := range []*client{admin, ann, bobConn} {
		c.Close()
	}
	cl.Coordinator.Stop(t)
	cl = startAuthServe(t, dataDir, "--token-ttl", "2s")
	fs = newFlightSQLClient(t, cl.Addr)
	if _, err := queryWith(t, fs, annTok, "SELECT 1"); err != nil {
		t.Fatalf("ann's token after a restart: %v", err)
	}
	admin = connectAs(t, cl.Addr, "admin", adminPassword)
	admin.MustExec("ALTER USER ann IDENTIFIED BY 'ann-pw2'")
	_, err = queryWith(t, fs, annTok, "SELECT 1")
	wantCode(t, "ann's token after a restart and ALTER USER", err, codes.Unauthenticated)

	// A token past --token-ttl is refused, and says why.
	short, err := login(t, cl.Addr, "ann", "ann-pw2")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond) // past the token's 2 s
	_, err = queryWith(t, fs, short, "SELECT 1")
	wantCode(t, "an expired token", err, codes.Unauthenticated)
	if !strings.Contains(status.Convert(err).Message(), "expired") {
		t.Errorf("an expired token's refusal does not say so: %v", err)
	}
}

// drainWith fetches every endpoint of info under token: at its worker, or
// at the coordinator for an endpoint without a location (a result the
// coordinator holds).
func drainWith(info *flight.FlightInfo, coordinator, token string) (*result, error) {
	var all *result
	for _, ep := range info.Endpoint {
		addr := coordinator
		if len(ep.Location) > 0 {
			a, err := locationAddr(ep.Location[0].Uri)
			if err != nil {
				return nil, err
			}
			addr = a
		}
		cl, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
		if err != nil {
			return nil, err
		}
		ctx, cancel := stmtCtx()
		stream, err := cl.DoGet(bearer(ctx, token), ep.Ticket)
		if err != nil {
			cancel()
			cl.Close()
			return nil, err
		}
		rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(memory.NewGoAllocator()))
		if err != nil {
			cancel()
			cl.Close()
			return nil, err
		}
		res, err := readResult(rdr)
		rdr.Release()
		cancel()
		cl.Close()
		if err != nil {
			return nil, err
		}
		if all == nil {
			all = res
		} else {
			all.rows = append(all.rows, res.rows...)
		}
	}
	if all == nil {
		return nil, fmt.Errorf("no endpoints")
	}
	return all, nil
}

// TestAuthQueryLimit: a user past --max-queries-per-user is
// RESOURCE_EXHAUSTED while another user's query runs; once the user's
// running query is cancelled it may run another.
func TestAuthQueryLimit(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "authentication")
	cl := startAuthServe(t, "", "--max-queries-per-user", "1", "--query-memory", "65536", "--spill-limit", "-1")
	fs := newFlightSQLClient(t, cl.Addr)
	admin := connectAs(t, cl.Addr, "admin", adminPassword)
	admin.MustExec("CREATE USER ann IDENTIFIED BY 'ann-pw'")
	admin.MustExec("CREATE USER bob IDENTIFIED BY 'bob-pw'")
	// Each worker's part of the result is several coalesced batches (64 Ki
	// rows each), so its producer must wait for a reader after the first.
	loadBig(t, admin, "big", 400_000, 2)
	admin.MustExec("GRANT SELECT ON main.big TO ann, bob")

	annTok, err := login(t, cl.Addr, "ann", "ann-pw")
	if err != nil {
		t.Fatal(err)
	}
	// A result that cannot fit the query's 64 KiB and may not spill: its
	// producers wait for a reader, so the query keeps running.
	running, err := queryWith(t, fs, annTok, "SELECT a, b FROM big")
	if err != nil {
		t.Fatal(err)
	}
	_, err = queryWith(t, fs, annTok, "SELECT 1")
	wantCode(t, "ann's second query past --max-queries-per-user", err, codes.ResourceExhausted)
	bobTok, err := login(t, cl.Addr, "bob", "bob-pw")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := queryWith(t, fs, bobTok, "SELECT 1"); err != nil {
		t.Fatalf("bob's query while ann is at her limit: %v", err)
	}
	ctx, cancel := stmtCtx()
	defer cancel()
	if _, err := fs.CancelFlightInfo(bearer(ctx, annTok), &flight.CancelFlightInfoRequest{Info: running}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		_, err := queryWith(t, fs, annTok, "SELECT 1")
		if err == nil {
			break
		}
		if grpcCode(err) != codes.ResourceExhausted || time.Now().After(deadline) {
			t.Fatalf("ann's query after cancelling hers: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
