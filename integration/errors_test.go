package integration

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// smallDataset is enough rows for tests about behaviour, not volume: two
// ingested batches (so more than one file) and one INSERT.
func smallDataset(t testing.TB) *dataset {
	ds := newDataset(t, 6000, 2, 1, 20)
	t.Cleanup(func() { ds.Release(t) })
	return ds
}

// TestErrors checks the gRPC code each kind of bad request gets, through
// the ADBC driver and at a worker, and that the server answers normal
// queries correctly after each of them.
func TestErrors(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "error codes")
	ds := smallDataset(t)
	o := newOracle(t, ds)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds)

	healthy := func(t *testing.T) {
		t.Helper()
		checkQuery(t, c, o, groupByQuery)
	}

	cases := []struct {
		name     string
		sql      string
		update   bool // send through DoPutCommandStatementUpdate
		want     codes.Code
		mentions []string // case-insensitive substrings of the message
	}{
		{name: "syntax_error", sql: "SELEC a FROM t", want: codes.InvalidArgument, mentions: []string{"line", "column"}},
		{name: "syntax_error_third_line", sql: "SELECT a,\n  b\nFROM t WHERE a = = 1", want: codes.InvalidArgument, mentions: []string{"line 3", "column"}},
		{name: "syntax_error_in_update", sql: "CREATE TABLE (a INT", update: true, want: codes.InvalidArgument, mentions: []string{"line", "column"}},
		{name: "unknown_table", sql: "SELECT a FROM no_such_table", want: codes.NotFound, mentions: []string{"no_such_table"}},
		{name: "unknown_column", sql: "SELECT no_such_column FROM t", want: codes.NotFound, mentions: []string{"no_such_column"}},
		{name: "unknown_column_in_where", sql: "SELECT a FROM t WHERE zz > 1", want: codes.NotFound, mentions: []string{"zz"}},
		{name: "unknown_column_in_group_by", sql: "SELECT count(*) FROM t GROUP BY nope", want: codes.NotFound, mentions: []string{"nope"}},
		{name: "unknown_table_in_insert", sql: "INSERT INTO no_such_table VALUES (1)", update: true, want: codes.NotFound, mentions: []string{"no_such_table"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.update {
				_, err = c.Exec(tc.sql)
			} else {
				_, err = c.Query(tc.sql)
			}
			if err == nil {
				t.Errorf("%q succeeded, want %s", tc.sql, tc.want)
			} else {
				if got := grpcCode(err); got != tc.want {
					t.Errorf("%q: gRPC code %s, want %s; error: %v", tc.sql, got, tc.want, err)
				}
				msg := strings.ToLower(err.Error())
				for _, m := range tc.mentions {
					if !strings.Contains(msg, strings.ToLower(m)) {
						t.Errorf("%q: error does not mention %q: %v", tc.sql, m, err)
					}
				}
			}
			healthy(t)
		})
	}

	// The status carries the error whole in an ErrorInfo detail beside its
	// code and message: for an error the coordinator raises, and for one a
	// worker raised that crossed the worker hop to the client's do_get.
	t.Run("error_details", func(t *testing.T) {
		fs := newFlightSQLClient(t, cl.Addr)
		ctx, cancel := stmtCtx()
		defer cancel()
		_, err := fs.Execute(ctx, "SELECT a FROM no_such_table")
		wantErrorInfo(t, err, codes.NotFound, "NOT_FOUND", "no_such_table")

		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		info, err := fs.Execute(ctx, "SELECT (SELECT a FROM t) FROM t")
		if err == nil {
			_, err = drainInfo(info, cl.Addr, mem)
		}
		wantErrorInfo(t, err, codes.InvalidArgument, "INVALID", "Subquery returns more than 1 row")
		healthy(t)
	})

	t.Run("bad_tickets_at_worker", func(t *testing.T) {
		fs := newFlightSQLClient(t, cl.Addr)
		ctx, cancel := stmtCtx()
		defer cancel()
		info, err := fs.Execute(ctx, groupByQuery.sql)
		if err != nil {
			t.Fatalf("GetFlightInfo: %v", err)
		}
		if len(info.Endpoint) == 0 || len(info.Endpoint[0].Location) == 0 {
			t.Fatalf("FlightInfo has no endpoint with a location: %v", info.Endpoint)
		}
		worker, err := locationAddr(info.Endpoint[0].Location[0].Uri)
		if err != nil {
			t.Fatal(err)
		}
		real := info.Endpoint[0].Ticket.GetTicket()
		tampered := slices.Clone(real)
		if len(tampered) > 0 {
			tampered[len(tampered)-1] ^= 0x5a // the signature or its tail
		}
		mid := slices.Clone(real)
		if len(mid) > 2 {
			mid[len(mid)/2] ^= 0x01 // the signed content
		}
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		for _, bad := range []struct {
			name   string
			ticket []byte
		}{
			{"garbage", []byte("this is not a ticket")},
			{"empty", nil},
			{"tampered_tail", tampered},
			{"tampered_middle", mid},
		} {
			_, err := doGet(worker, bad.ticket, mem)
			if err == nil {
				t.Errorf("do_get of a %s ticket at worker %s succeeded", bad.name, worker)
				continue
			}
			if code := grpcCode(err); code != codes.InvalidArgument && code != codes.Unauthenticated {
				t.Errorf("do_get of a %s ticket at worker %s: code %s, want InvalidArgument or Unauthenticated; error: %v", bad.name, worker, code, err)
			}
		}
		// The real tickets still work after the bad ones.
		got, err := drainInfo(info, cl.Addr, mem)
		if err != nil {
			t.Fatalf("draining the real endpoints after bad tickets: %v", err)
		}
		want, err := o.Query(ctx, groupByQuery.sql)
		if err != nil {
			t.Fatal(err)
		}
		if d := diffResults(got, want, false); d != "" {
			t.Errorf("result after bad tickets differs from DuckDB:\n%s", d)
		}
		healthy(t)
	})
}

var (
	reNormal     = regexp.MustCompile(`(?i)\bnormal\b`)
	reConvergent = regexp.MustCompile(`(?i)\bconvergent\b`)
	reTaskCount  = regexp.MustCompile(`(?i)\b\d+\s+tasks?\b|\btasks?\s*[=:]\s*\d+`)
)

// TestExplain checks that EXPLAIN returns the distributed plan as one utf8
// column, one row per line, with a Normal stage (the shuffle on the group
// keys) and a Convergent one, and their task counts.
func TestExplain(t *testing.T) {
	t.Parallel()
	ds := smallDataset(t)
	o := newOracle(t, ds)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds)

	explain := func(t *testing.T, q string) []string {
		t.Helper()
		res := c.MustQuery("EXPLAIN " + q)
		if n := len(res.schema.Fields()); n != 1 || !arrow.TypeEqual(res.schema.Field(0).Type, arrow.BinaryTypes.String) {
			t.Errorf("EXPLAIN schema %s, want one utf8 column", res.schema)
		}
		var lines []string
		for _, r := range res.rows {
			if len(r) > 0 && !r[0].null {
				lines = append(lines, strings.Trim(r[0].text, "'"))
			}
		}
		t.Logf("EXPLAIN %s\n%s", q, strings.Join(lines, "\n"))
		for _, l := range lines {
			if strings.Contains(l, "\n") {
				t.Errorf("EXPLAIN row holds more than one line: %q", l)
			}
		}
		return lines
	}

	t.Run("group_by", func(t *testing.T) {
		lines := explain(t, "SELECT s, count(*), sum(a) FROM t WHERE a > 0 GROUP BY s ORDER BY s")
		text := strings.Join(lines, "\n")
		if len(lines) < 3 {
			t.Errorf("EXPLAIN returned %d rows, want the plan one node per row", len(lines))
		}
		if !reNormal.MatchString(text) {
			t.Errorf("EXPLAIN shows no Normal stage")
		}
		if !reConvergent.MatchString(text) {
			t.Errorf("EXPLAIN shows no Convergent stage")
		}
		if n := len(reTaskCount.FindAllString(text, -1)); n < 2 {
			t.Errorf("EXPLAIN shows %d task counts, want one per stage (at least 2)", n)
		}
	})

	t.Run("order_limit", func(t *testing.T) {
		text := strings.Join(explain(t, "SELECT a, b FROM t ORDER BY a LIMIT 5"), "\n")
		if !reConvergent.MatchString(text) {
			t.Errorf("EXPLAIN of ORDER BY ... LIMIT shows no Convergent stage")
		}
	})

	// EXPLAIN does not disturb the data or later queries.
	checkQuery(t, c, o, groupByQuery)
}

// wantErrorInfo checks that err is a status of code whose message starts
// with Quiver's code (reason) and mentions mention, with the ErrorInfo
// detail that carries the same error (not retryable).
func wantErrorInfo(t *testing.T, err error, code codes.Code, reason, mention string) {
	t.Helper()
	var se interface{ GRPCStatus() *status.Status }
	if !errors.As(err, &se) || se.GRPCStatus().Code() != code {
		t.Fatalf("error %v: want a status of code %s", err, code)
	}
	st := se.GRPCStatus()
	if !strings.HasPrefix(st.Message(), "["+reason+"] ") || !strings.Contains(st.Message(), mention) {
		t.Errorf("message %q, want [%s] and %q", st.Message(), reason, mention)
	}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			md := info.GetMetadata()
			if info.GetDomain() != "quiver" || info.GetReason() != reason || !strings.Contains(md["message"], mention) || md["retryable"] != "false" {
				t.Errorf("ErrorInfo %v, want domain quiver, reason %s, a message that mentions %q, not retryable", info, reason, mention)
			}
			return
		}
	}
	t.Errorf("status %v has no ErrorInfo detail", st)
}
