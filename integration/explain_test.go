package integration

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
)

// heldTicketPrefix starts the tickets of results the coordinator holds
// itself (coordinator.IsHeldTicket).
var heldTicketPrefix = []byte("qc1.")

// stageAnnotation is the annotation of a fragment's root line in EXPLAIN.
var stageAnnotation = regexp.MustCompile(`<- stage (\d+), (\w+), (\d+) tasks?$`)

// TestExplainServedByCoordinator: EXPLAIN and EXPLAIN ANALYZE are answered
// by the coordinator itself: one endpoint without a location (the service
// the client called) whose ticket the coordinator's do_get serves, twice,
// and again under the ticket RenewFlightEndpoint gives, as the Go ADBC
// driver fetches it too. A garbage or altered coordinator
// ticket, or one presented at a worker, gets the one refusal a bad worker
// ticket gets.
func TestExplainServedByCoordinator(t *testing.T) {
	t.Parallel()
	ds := smallDataset(t)
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	c.load(ds)
	const query = "SELECT s, count(*) FROM t GROUP BY s"

	fs := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fs.Execute(ctx, "EXPLAIN "+query)
	if err != nil {
		t.Fatalf("GetFlightInfo EXPLAIN: %v", err)
	}
	if len(info.Endpoint) != 1 || len(info.Endpoint[0].Location) != 0 || !bytes.HasPrefix(info.Endpoint[0].Ticket.GetTicket(), heldTicketPrefix) {
		t.Fatalf("EXPLAIN endpoints %v, want one at the coordinator (no location) with a coordinator ticket", info.Endpoint)
	}
	if info.Endpoint[0].ExpirationTime == nil {
		t.Errorf("EXPLAIN's endpoint has no expiration time")
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var plans [2]string
	for i := range plans {
		res, err := drainInfo(info, cl.Addr, mem)
		if err != nil {
			t.Fatalf("do_get %d of EXPLAIN at the coordinator: %v", i, err)
		}
		plans[i] = strings.Join(lines(res), "\n")
	}
	if plans[0] != plans[1] {
		t.Errorf("the second fetch of EXPLAIN differs:\n%s\nfirst:\n%s", plans[1], plans[0])
	}
	renewed, err := fs.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: info.Endpoint[0]})
	if err != nil || len(renewed.Location) != 0 || !bytes.HasPrefix(renewed.Ticket.GetTicket(), heldTicketPrefix) {
		t.Fatalf("RenewFlightEndpoint of EXPLAIN's endpoint: %v, %v; want a coordinator endpoint", renewed, err)
	}
	if res, err := doGet(cl.Addr, renewed.Ticket.GetTicket(), mem); err != nil || strings.Join(lines(res), "\n") != plans[0] {
		t.Errorf("do_get of the renewed EXPLAIN ticket: %v", err)
	}
	stages := 0
	for _, l := range strings.Split(plans[0], "\n") {
		if stageAnnotation.MatchString(l) {
			stages++
		}
	}
	if stages < 2 {
		t.Errorf("EXPLAIN of a shuffled aggregate annotates %d stages, want 2 at least:\n%s", stages, plans[0])
	}
	// The Go ADBC driver fetches the location-less endpoint from the
	// coordinator it is connected to.
	if got := strings.Join(explainLines(t, c, "EXPLAIN "+query), "\n"); strings.Trim(got, "'") == "" || !strings.Contains(got, "<- stage 0, result") {
		t.Errorf("EXPLAIN through ADBC:\n%s", got)
	}
	analyzed := explainLines(t, c, "EXPLAIN ANALYZE "+query)
	if !slices.ContainsFunc(analyzed, func(l string) bool { return taskLine.MatchString(strings.Trim(l, "'")) }) {
		t.Errorf("EXPLAIN ANALYZE through ADBC has no task line:\n%s", strings.Join(analyzed, "\n"))
	}
	if len(analyzed) == 0 || !strings.Contains(analyzed[0], ", planned in ") {
		t.Errorf("EXPLAIN ANALYZE's summary does not say how long planning took:\n%s", strings.Join(analyzed, "\n"))
	}

	// The refusals: a bad worker ticket's at a worker, then bad coordinator
	// tickets at the coordinator and a coordinator ticket at a worker.
	query2, err := fs.Execute(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if len(query2.Endpoint) == 0 || len(query2.Endpoint[0].Location) == 0 {
		t.Fatalf("the query's FlightInfo has no endpoint at a worker: %v", query2.Endpoint)
	}
	worker, err := locationAddr(query2.Endpoint[0].Location[0].Uri)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := drainInfo(query2, cl.Addr, mem); err != nil {
		t.Fatal(err)
	}
	badWorker := slices.Clone(query2.Endpoint[0].Ticket.GetTicket())
	badWorker[len(badWorker)/2] ^= 1
	_, refusal := doGet(worker, badWorker, mem)
	if grpcCode(refusal) != codes.Unauthenticated {
		t.Fatalf("an altered worker ticket at the worker: %v, want UNAUTHENTICATED", refusal)
	}
	held := info.Endpoint[0].Ticket.GetTicket()
	altered := slices.Clone(held)
	altered[len(altered)/2] ^= 1
	for _, bad := range []struct {
		name, addr string
		ticket     []byte
	}{
		{"garbage", cl.Addr, append(slices.Clone(heldTicketPrefix), "not a ticket"...)},
		{"altered", cl.Addr, altered},
		{"truncated", cl.Addr, held[:len(held)-4]},
		{"at_a_worker", worker, held},
	} {
		_, err := doGet(bad.addr, bad.ticket, mem)
		if grpcCode(err) != codes.Unauthenticated || err.Error() != refusal.Error() {
			t.Errorf("do_get of a %s coordinator ticket: %v, want the worker's refusal: %v", bad.name, err, refusal)
		}
	}
}

// TestExplainWithoutWorkers: a coordinator whose only worker is gone
// (killed, then dropped from the live set) refuses queries but still
// answers EXPLAIN, which no worker runs.
func TestExplainWithoutWorkers(t *testing.T) {
	t.Parallel()
	cl := startCluster(t, 1)
	c := connect(t, cl.Addr)
	c.MustExec("CREATE TABLE t (a INT, s VARCHAR(10))")
	c.MustExec("INSERT INTO t VALUES (1, 'x'), (2, 'y')")
	cl.Workers[0].Kill(t)

	deadline := time.Now().Add(60 * time.Second)
	for {
		_, err := c.Query("SELECT count(*) FROM t")
		if grpcCode(err) == codes.Unavailable && strings.Contains(err.Error(), "no live worker") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queries after the last worker died: %v, want UNAVAILABLE (no live worker) within the deadline", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	plan := explainLines(t, c, "EXPLAIN SELECT s, count(*) FROM t GROUP BY s")
	if len(plan) < 2 || !stageAnnotation.MatchString(strings.Trim(plan[0], "'")) {
		t.Errorf("EXPLAIN without workers:\n%s", strings.Join(plan, "\n"))
	}
}

// TestExplainWithAuth: with --auth password, EXPLAIN's coordinator ticket
// belongs to the user who asked: the Go ADBC driver reads it over its
// authenticated connection, and a raw do_get at the coordinator reads it
// with that user's token, while another user's token gets the uniform
// refusal.
func TestExplainWithAuth(t *testing.T) {
	t.Parallel()
	cl := startAuthServe(t, "")
	admin := connectAs(t, cl.Addr, "admin", adminPassword)
	admin.MustExec("CREATE USER ann IDENTIFIED BY 'ann-pw'")
	admin.MustExec("CREATE TABLE t (a INT)")
	if plan := explainLines(t, admin, "EXPLAIN SELECT count(*) FROM t"); len(plan) == 0 || !strings.Contains(plan[0], "<- stage 0, result") {
		t.Fatalf("EXPLAIN through ADBC with a password:\n%s", strings.Join(plan, "\n"))
	}
	adminTok, err := login(t, cl.Addr, "admin", adminPassword)
	if err != nil {
		t.Fatal(err)
	}
	annTok, err := login(t, cl.Addr, "ann", "ann-pw")
	if err != nil {
		t.Fatal(err)
	}
	info, err := queryWith(t, newFlightSQLClient(t, cl.Addr), adminTok, "EXPLAIN SELECT count(*) FROM t")
	if err != nil {
		t.Fatal(err)
	}
	get := func(token string) error {
		fc, err := flight.NewClientWithMiddleware(cl.Addr, nil, nil, dialOpts()...)
		if err != nil {
			t.Fatal(err)
		}
		defer fc.Close()
		ctx, cancel := stmtCtx()
		defer cancel()
		stream, err := fc.DoGet(bearer(ctx, token), info.Endpoint[0].Ticket)
		if err != nil {
			return err
		}
		rdr, err := flight.NewRecordReader(stream)
		if err != nil {
			return err
		}
		defer rdr.Release()
		for rdr.Next() {
		}
		return rdr.Err()
	}
	if err := get(adminTok); err != nil {
		t.Errorf("do_get of admin's EXPLAIN with admin's token: %v", err)
	}
	if err := get(annTok); grpcCode(err) != codes.Unauthenticated || !strings.Contains(err.Error(), "ticket refused") {
		t.Errorf("do_get of admin's EXPLAIN with ann's token: %v, want the uniform refusal", err)
	}
}
