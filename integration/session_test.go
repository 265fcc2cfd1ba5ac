package integration

import (
	"strings"
	"testing"

	adbcflight "github.com/apache/arrow-adbc/go/adbc/driver/flightsql"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
)

// connectSession opens an ADBC connection that keeps the server's session
// cookie, so that USE and SET last across its statements.
func connectSession(t testing.TB, addr string) *client {
	t.Helper()
	return connectWith(t, addr, map[string]string{adbcflight.OptionCookieMiddleware: "true"})
}

// newSessionClient is an arrow-go Flight SQL client with a cookie jar.
func newSessionClient(t testing.TB, addr string) *flightsql.Client {
	t.Helper()
	cl, err := flightsql.NewClient(addr, nil, []flight.ClientMiddleware{flight.NewClientCookieMiddleware()}, dialOpts()...)
	if err != nil {
		t.Fatalf("flightsql client %s: %v", addr, err)
	}
	t.Cleanup(func() { cl.Close() })
	return cl
}

func queryText(t *testing.T, c *client, sql string) string {
	t.Helper()
	res := c.MustQuery(sql)
	var rows []string
	for _, r := range res.rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, v.String())
		}
		rows = append(rows, strings.Join(cells, ","))
	}
	return strings.Join(rows, ";")
}

// TestSessions checks Flight SQL sessions: USE and SET last within one
// cookie session and not beyond it; SetSessionOptions, GetSessionOptions
// and CloseSession; the statement timeout cancels a query and parallelism
// caps its tasks; a malformed cookie is no session, not a crash.
func TestSessions(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "sessions")
	cl := startServe(t, 2, "")
	admin := connect(t, cl.Addr)
	admin.MustExec("CREATE DATABASE sales")
	admin.MustExec("CREATE TABLE sales.orders (id BIGINT)")
	admin.MustExec("INSERT INTO sales.orders VALUES (1), (2), (3)")

	t.Run("use_lasts_within_a_session", func(t *testing.T) {
		a := connectSession(t, cl.Addr)
		a.MustExec("USE sales")
		if got := queryText(t, a, "SELECT database()"); got != "'sales'" {
			t.Errorf("database() after USE sales = %s, want 'sales'", got)
		}
		if got := queryText(t, a, "SELECT count(*) FROM orders"); got != "3" {
			t.Errorf("unqualified orders after USE sales: count %s, want 3", got)
		}
		if got := queryText(t, a, "SHOW TABLES"); got != "'orders'" {
			t.Errorf("SHOW TABLES after USE sales = %s, want 'orders'", got)
		}
		b := connectSession(t, cl.Addr)
		if got := queryText(t, b, "SELECT database()"); got != "'main'" {
			t.Errorf("another session's database() = %s, want 'main'", got)
		}
		if got := queryText(t, a, "SELECT database()"); got != "'sales'" {
			t.Errorf("database() of the first session after another started = %s, want 'sales'", got)
		}
	})

	t.Run("without_cookies_every_call_is_a_new_session", func(t *testing.T) {
		admin.MustExec("USE sales")
		if got := queryText(t, admin, "SELECT database()"); got != "'main'" {
			t.Errorf("database() on a connection without cookies after USE = %s, want 'main'", got)
		}
	})

	t.Run("set_through_sql", func(t *testing.T) {
		a := connectSession(t, cl.Addr)
		a.MustExec("SET statement_timeout = '90s'")
		a.MustExec("SET @@session.parallelism = 1")
		if got := queryText(t, a, "SELECT @@statement_timeout, @@parallelism"); got != "'90','1'" {
			t.Errorf("variables after SET = %s, want '90','1'", got)
		}
		if got := queryText(t, a, "SHOW VARIABLES LIKE 'statement%'"); got != "'statement_timeout','90'" {
			t.Errorf("SHOW VARIABLES = %s", got)
		}
		// SET is all or nothing.
		if _, err := a.Exec("SET parallelism = 2, statement_timeout = 'soon'"); grpcCode(err) != codes.InvalidArgument {
			t.Errorf("SET with a bad value: %v, want InvalidArgument", err)
		}
		if got := queryText(t, a, "SELECT @@parallelism"); got != "'1'" {
			t.Errorf("parallelism after a failed SET = %s, want '1'", got)
		}
		if _, err := a.Exec("SET statement_timeout = 1000000000"); grpcCode(err) != codes.InvalidArgument {
			t.Errorf("SET statement_timeout above the server's: %v, want InvalidArgument", err)
		}
	})

	t.Run("parallelism_caps_tasks", func(t *testing.T) {
		a := connectSession(t, cl.Addr)
		plan := queryText(t, a, "EXPLAIN SELECT count(*) FROM sales.orders")
		if !strings.Contains(plan, "2 tasks") {
			t.Fatalf("EXPLAIN on 2 workers does not plan 2 tasks: %s", plan)
		}
		a.MustExec("SET parallelism = 1")
		plan = queryText(t, a, "EXPLAIN SELECT count(*) FROM sales.orders")
		if strings.Contains(plan, "2 tasks") {
			t.Errorf("EXPLAIN with parallelism 1 still plans 2 tasks: %s", plan)
		}
		if got := queryText(t, a, "SELECT count(*) FROM sales.orders"); got != "3" {
			t.Errorf("count with parallelism 1 = %s, want 3", got)
		}
	})

	t.Run("statement_timeout_cancels", func(t *testing.T) {
		a := connectSession(t, cl.Addr)
		loadBig(t, a, "slow", 100_000, 2)
		a.MustExec("SET statement_timeout = '300ms'")
		// 10^10 pairs: minutes of work without the timeout.
		_, err := a.Query("SELECT count(*), sum(x.a * y.b) FROM slow x, slow y")
		if err == nil {
			t.Fatal("a query far longer than statement_timeout succeeded")
		}
		if code := grpcCode(err); code != codes.Canceled && code != codes.DeadlineExceeded {
			t.Errorf("query past statement_timeout: code %s, want CANCELLED or DEADLINE_EXCEEDED: %v", code, err)
		}
		a.MustExec("SET statement_timeout = 0")
		if got := queryText(t, a, "SELECT count(*) FROM slow"); got != "100000" {
			t.Errorf("count after resetting statement_timeout = %s", got)
		}
	})

	t.Run("session_options", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "sessions")
		fs := newSessionClient(t, cl.Addr)
		ctx, cancel := stmtCtx()
		defer cancel()
		opts, err := flight.NewSessionOptionValues(map[string]any{
			"schema": "sales", "statement_timeout": int64(120), "parallelism": int64(1),
			"catalog": "quiver", "bogus": "x",
		})
		if err != nil {
			t.Fatal(err)
		}
		bad, err := flight.NewSessionOptionValues(map[string]any{"parallelism": "lots"})
		if err != nil {
			t.Fatal(err)
		}
		set, err := fs.SetSessionOptions(ctx, &flight.SetSessionOptionsRequest{SessionOptions: opts})
		if err != nil {
			t.Fatalf("SetSessionOptions: %v", err)
		}
		if len(set.Errors) != 1 || set.Errors["bogus"].GetValue() != flight.SetSessionOptionsResultErrorInvalidName {
			t.Errorf("SetSessionOptions errors = %v, want only bogus: INVALID_NAME", set.Errors)
		}
		set, err = fs.SetSessionOptions(ctx, &flight.SetSessionOptionsRequest{SessionOptions: bad})
		if err != nil {
			t.Fatalf("SetSessionOptions: %v", err)
		}
		if set.Errors["parallelism"].GetValue() != flight.SetSessionOptionsResultErrorInvalidValue {
			t.Errorf("SetSessionOptions(parallelism=lots) errors = %v, want INVALID_VALUE", set.Errors)
		}
		got, err := fs.GetSessionOptions(ctx, &flight.GetSessionOptionsRequest{})
		if err != nil {
			t.Fatalf("GetSessionOptions: %v", err)
		}
		o := got.SessionOptions
		if o["catalog"].GetStringValue() != "quiver" || o["schema"].GetStringValue() != "sales" ||
			o["statement_timeout"].GetDoubleValue() != 120 || o["parallelism"].GetInt64Value() != 1 {
			t.Errorf("GetSessionOptions = %v", o)
		}
		// The options apply to the session's statements.
		res := fsQuery(t, fs, cl.Addr, "SELECT database(), @@parallelism, count(*) FROM orders")
		if d := diffText(res, [][]string{{"'sales'", "'1'", "3"}}); d != "" {
			t.Errorf("statement in the session: %s", d)
		}
		closed, err := fs.CloseSession(ctx, &flight.CloseSessionRequest{})
		if err != nil || closed.GetStatus() != flight.CloseSessionResultClosed {
			t.Fatalf("CloseSession = %v, %v, want CLOSED", closed, err)
		}
		got, err = fs.GetSessionOptions(ctx, &flight.GetSessionOptionsRequest{})
		if err != nil {
			t.Fatalf("GetSessionOptions after CloseSession: %v", err)
		}
		if s := got.SessionOptions["schema"].GetStringValue(); s != "main" {
			t.Errorf("schema after CloseSession = %q, want a fresh session's main", s)
		}
	})

	t.Run("malformed_cookies", func(t *testing.T) {
		fs := newFlightSQLClient(t, cl.Addr)
		for _, cookie := range []string{"arrow_flight_session_id", "arrow_flight_session_id=", "=;;=", "arrow_flight_session_id=\"unterminated", "arrow_flight_session_id=nosuchsession"} {
			ctx, cancel := stmtCtx()
			ctx = metadata.AppendToOutgoingContext(ctx, "cookie", cookie)
			info, err := fs.Execute(ctx, "SELECT database()")
			if err != nil {
				t.Errorf("cookie %q: %v", cookie, err)
			} else if _, err := drainInfo(info, cl.Addr, memory.NewGoAllocator()); err != nil {
				t.Errorf("cookie %q: DoGet: %v", cookie, err)
			}
			if _, err := fs.CloseSession(ctx, &flight.CloseSessionRequest{}); err != nil {
				t.Errorf("cookie %q: CloseSession: %v", cookie, err)
			}
			cancel()
		}
		if got := queryText(t, admin, "SELECT 1"); got != "1" {
			t.Errorf("server after malformed cookies: %s", got)
		}
	})
}

// fsQuery runs a query with an arrow-go Flight SQL client and fetches every
// endpoint.
func fsQuery(t *testing.T, fs *flightsql.Client, addr, sql string) *result {
	t.Helper()
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.Execute(ctx, sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	res, err := drainInfo(info, addr, memory.NewGoAllocator())
	if err != nil {
		t.Fatalf("%s: DoGet: %v", sql, err)
	}
	return res
}
