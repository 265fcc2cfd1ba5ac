package integration

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// TestResultLifecycle: DML sent as a query reports its row count in
// total_records (what ADBC reports as rows affected); every endpoint of a
// result can be fetched again, also concurrently and after a client went
// away midway, with the same rows;
// RenewFlightEndpoint answers a later expiration and a new ticket that
// works; CancelFlightInfo frees the results on every worker, after which a
// fetch or a renewal is CANCELLED.
func TestResultLifecycle(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "repeated do_get")
	compat(t, clientGoFlightSQL, "RenewFlightEndpoint")
	compat(t, clientGoFlightSQL, "cancel")
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 200_000, 4)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()

	info, err := fsql.Execute(ctx, "INSERT INTO big VALUES (-1, -3), (-2, -6)")
	if err != nil {
		t.Fatal(err)
	}
	if info.TotalRecords != 2 || len(info.Endpoint) != 0 {
		t.Errorf("INSERT of 2 rows as a query: total_records %d, %d endpoints; want 2 and none", info.TotalRecords, len(info.Endpoint))
	}
	st, err := c.cnxn.NewStatement()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSqlQuery("INSERT INTO big VALUES (-4, -12)"); err != nil {
		t.Fatal(err)
	}
	rdr, n, err := st.ExecuteQuery(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rdr.Release()
	if n != 1 {
		t.Errorf("Go ADBC ExecuteQuery of an INSERT of 1 row: %d rows affected", n)
	}

	const query = "SELECT a, b FROM big WHERE a % 3 = 0"
	info, err = fsql.Execute(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Endpoint) < 2 {
		t.Fatalf("%d endpoints, want one per worker", len(info.Endpoint))
	}
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	first, err := drainInfo(info, cl.Addr, mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.rows) != 66_667 {
		t.Fatalf("%d rows, want 66667", len(first.rows))
	}
	again, err := drainInfo(info, cl.Addr, mem)
	if err != nil {
		t.Fatalf("second fetch of the same endpoints: %v", err)
	}
	if d := diffResults(again, first, false); d != "" {
		t.Fatalf("second fetch differs:\n%s", d)
	}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := drainInfo(info, cl.Addr, mem)
			if err != nil {
				t.Errorf("concurrent fetch %d: %v", i, err)
				return
			}
			if d := diffResults(got, first, false); d != "" {
				t.Errorf("concurrent fetch %d differs:\n%s", i, d)
			}
		}()
	}
	wg.Wait()

	// A client that goes away midway through a finished result leaves it
	// whole for the next fetch.
	for _, ep := range info.Endpoint {
		addr, err := locationAddr(ep.Location[0].Uri)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
		if err != nil {
			t.Fatal(err)
		}
		stream, err := fc.DoGet(ctx, ep.Ticket)
		if err == nil {
			_, err = stream.Recv()
		}
		fc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	again, err = drainInfo(info, cl.Addr, mem)
	if err != nil {
		t.Fatalf("fetch after an abandoned fetch: %v", err)
	}
	if d := diffResults(again, first, false); d != "" {
		t.Fatalf("fetch after an abandoned fetch differs:\n%s", d)
	}

	ep := info.Endpoint[0]
	renewed, err := fsql.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: ep})
	if err != nil {
		t.Fatalf("RenewFlightEndpoint: %v", err)
	}
	if !renewed.ExpirationTime.AsTime().After(ep.ExpirationTime.AsTime()) {
		t.Errorf("renewed expiration %s is not after %s", renewed.ExpirationTime.AsTime(), ep.ExpirationTime.AsTime())
	}
	if string(renewed.Ticket.Ticket) == string(ep.Ticket.Ticket) {
		t.Error("the renewed endpoint has the old ticket")
	}
	one, err := drainInfo(&flight.FlightInfo{Endpoint: []*flight.FlightEndpoint{ep}}, cl.Addr, mem)
	if err != nil {
		t.Fatal(err)
	}
	viaRenewed, err := drainInfo(&flight.FlightInfo{Endpoint: []*flight.FlightEndpoint{renewed}}, cl.Addr, mem)
	if err != nil {
		t.Fatalf("fetch with the renewed ticket: %v", err)
	}
	if d := diffResults(viaRenewed, one, false); d != "" {
		t.Errorf("the renewed ticket streams other rows:\n%s", d)
	}
	// Sealed tickets: every ticket that does not open is refused alike
	// (security issue: a refusal never tells which check failed).
	bad := &flight.FlightEndpoint{Ticket: &flight.Ticket{Ticket: []byte("qt1.nonsense")}}
	if _, err := fsql.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: bad}); status.Code(err) != codes.Unauthenticated {
		t.Errorf("renewal of a malformed ticket: %v, want UNAUTHENTICATED (a ticket that does not open)", err)
	}

	if res, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info}); err != nil || res.Status != flight.CancelStatusCancelled {
		t.Fatalf("CancelFlightInfo of a finished query: %v %v, want CANCELLED", res, err)
	}
	// A closed result's tickets are refused like forged ones (README, Tickets).
	if _, err := drainInfo(info, cl.Addr, mem); status.Code(errorsCause(err)) != codes.Unauthenticated {
		t.Errorf("fetch after CancelFlightInfo: %v, want UNAUTHENTICATED", err)
	}
	if _, err := fsql.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: renewed}); status.Code(err) != codes.Canceled {
		t.Errorf("renewal after CancelFlightInfo: %v, want CANCELLED", err)
	}
	waitBaseline(t, cl, nil)
}

// errorsCause is the gRPC status error inside a drainInfo error.
func errorsCause(err error) error {
	for e := err; e != nil; {
		if _, ok := status.FromError(e); ok {
			return e
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			break
		}
		e = u.Unwrap()
	}
	return err
}

// TestResultExpiry: with --result-ttl 3s the workers free a finished
// query's results on their own once it passes, and a renewal never moves
// an expiration past --result-max-age from the query's start.
func TestResultExpiry(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "RenewFlightEndpoint")
	cl := startClusterArgs(t, 2, []string{"--result-ttl", "3s", "--result-max-age", "5s"}, nil)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 10_000, 2)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fsql.Execute(ctx, "SELECT a FROM big")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := drainInfo(info, cl.Addr, memory.NewGoAllocator()); err != nil {
		t.Fatal(err)
	}
	if s := workerStats(t, cl); s[0].Buffers+s[1].Buffers == 0 {
		t.Fatalf("no result kept after the first fetch: %+v", s)
	}
	exp0 := info.Endpoint[0].ExpirationTime.AsTime()
	time.Sleep(time.Second)
	renewed, err := fsql.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: info.Endpoint[0]})
	if err != nil {
		t.Fatal(err)
	}
	// Started at exp0 - 3s: the cap is exp0 + 2s.
	if got, limit := renewed.ExpirationTime.AsTime(), exp0.Add(2*time.Second); got.After(limit) {
		t.Errorf("renewed to %s, past the maximum age (%s)", got, limit)
	}
	waitBaseline(t, cl, nil)
	if _, err := drainInfo(&flight.FlightInfo{Endpoint: []*flight.FlightEndpoint{renewed}}, cl.Addr, memory.NewGoAllocator()); err == nil {
		t.Error("an expired result was fetched")
	}
}

// TestRenewReachesWorkers: a renewal past what the workers keep a query's
// buffers for on their own (the statement timeout plus the result TTL from
// its start) moves their deadline too: the worker holding each result says
// so, and the renewed ticket streams the rows.
func TestRenewReachesWorkers(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "RenewFlightEndpoint")
	cl := startClusterArgs(t, 2, []string{"--statement-timeout", "1s", "--result-ttl", "30s"}, nil)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 10_000, 2)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()
	info, err := fsql.Execute(ctx, "SELECT a FROM big")
	if err != nil {
		t.Fatal(err)
	}
	queryID := string(info.AppMetadata)
	time.Sleep(1500 * time.Millisecond) // now + 30 s is past start + 1 s + 30 s
	var rows int
	for _, ep := range info.Endpoint {
		renewed, err := fsql.RenewFlightEndpoint(ctx, &flight.RenewFlightEndpointRequest{Endpoint: ep})
		if err != nil {
			t.Fatal(err)
		}
		res, err := drainInfo(&flight.FlightInfo{Endpoint: []*flight.FlightEndpoint{renewed}}, cl.Addr, memory.NewGoAllocator())
		if err != nil {
			t.Fatal(err)
		}
		rows += len(res.rows)
	}
	if rows != 10_000 {
		t.Errorf("renewed endpoints streamed %d rows, want 10000", rows)
	}
	for _, w := range cl.Workers {
		w.WaitLine(t, "query renewed", 30*time.Second, func(l LogLine) bool {
			return l.Msg() == "query renewed" && l.Str("query_id") == queryID
		})
	}
}

// TestPollFlightInfo: PollFlightInfo of a query that runs for long answers
// at once with a retry descriptor, progress in [0, 1) and no endpoints;
// polling it again moves the expiration; polling it after
// CancelFlightInfo answers CANCELLED. A
// quick query's polls end with the complete FlightInfo: no descriptor,
// progress 1, total_records and endpoints with the rows. A forged
// descriptor is refused. The Go ADBC driver's incremental execution
// (which polls) gets the rows too.
func TestPollFlightInfo(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "PollFlightInfo")
	compat(t, clientGoADBC, "PollFlightInfo")
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 200_000, 4)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()

	poll, err := fsql.ExecutePoll(ctx, heavyQuery, nil)
	if err != nil {
		t.Fatal(err)
	}
	if poll.FlightDescriptor == nil || poll.Progress == nil || *poll.Progress < 0 || *poll.Progress >= 1 || len(poll.Info.Endpoint) != 0 {
		t.Fatalf("first poll of a long query: %v", poll)
	}
	if poll.ExpirationTime == nil {
		t.Fatal("no expiration time")
	}
	// Polling keeps a running query's handle alive.
	next, err := fsql.ExecutePoll(ctx, heavyQuery, poll.FlightDescriptor)
	if err != nil {
		t.Fatal(err)
	}
	if next.FlightDescriptor == nil || !next.ExpirationTime.AsTime().After(poll.ExpirationTime.AsTime()) {
		t.Errorf("second poll: descriptor %v, expiration %s after %s", next.FlightDescriptor, next.ExpirationTime.AsTime(), poll.ExpirationTime.AsTime())
	}
	if res, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: poll.Info}); err != nil || res.Status != flight.CancelStatusCancelled {
		t.Fatalf("cancel the polled query: %v %v", res, err)
	}
	if _, err := fsql.ExecutePoll(ctx, heavyQuery, poll.FlightDescriptor); status.Code(err) != codes.Canceled {
		t.Errorf("poll of a cancelled query: %v, want CANCELLED", err)
	}
	forged := &flight.FlightDescriptor{Type: flight.DescriptorCMD, Cmd: []byte("qh1.forged.handle")}
	if _, err := fsql.Client.PollFlightInfo(ctx, forged); status.Code(err) != codes.Unauthenticated && status.Code(err) != codes.InvalidArgument {
		t.Errorf("poll of a forged descriptor: %v", err)
	}

	const query = "SELECT b % 10, count(*) FROM big GROUP BY b % 10"
	poll, err = fsql.ExecutePoll(ctx, query, nil)
	for err == nil && poll.FlightDescriptor != nil {
		poll, err = fsql.ExecutePoll(ctx, query, poll.FlightDescriptor)
	}
	if err != nil {
		t.Fatal(err)
	}
	if poll.GetProgress() != 1 || poll.Info.TotalRecords != 10 || len(poll.Info.Endpoint) == 0 {
		t.Fatalf("last poll: progress %v, total_records %d, %d endpoints", poll.GetProgress(), poll.Info.TotalRecords, len(poll.Info.Endpoint))
	}
	got, err := drainInfo(poll.Info, cl.Addr, memory.NewGoAllocator())
	if err != nil || len(got.rows) != 10 {
		t.Fatalf("rows of the polled query: %v %v", got, err)
	}

	prep, err := fsql.Prepare(ctx, "SELECT count(*) FROM big WHERE a < ?")
	if err != nil {
		t.Fatal(err)
	}
	defer prep.Close(ctx)
	params := array.NewRecordBuilder(memory.NewGoAllocator(), prep.ParameterSchema())
	params.Field(0).(*array.Int64Builder).Append(1000)
	bound := params.NewRecordBatch()
	params.Release()
	prep.SetParameters(bound)
	poll, err = prep.ExecutePoll(ctx, nil)
	for err == nil && poll.FlightDescriptor != nil {
		poll, err = prep.ExecutePoll(ctx, poll.FlightDescriptor)
	}
	bound.Release()
	if err != nil {
		t.Fatalf("poll of a prepared statement: %v", err)
	}
	got, err = drainInfo(poll.Info, cl.Addr, memory.NewGoAllocator())
	if err != nil || len(got.rows) != 1 || got.rows[0][0].text != "1000" {
		t.Fatalf("rows of the polled prepared statement: %v %v", got, err)
	}

	st, err := c.cnxn.NewStatement()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetOption(adbc.OptionKeyIncremental, adbc.OptionValueEnabled); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSqlQuery(query); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for {
		_, parts, _, err := st.ExecutePartitions(ctx)
		if err != nil {
			t.Fatalf("incremental ExecutePartitions: %v", err)
		}
		if parts.NumPartitions == 0 {
			break
		}
		for _, id := range parts.PartitionIDs {
			rdr, err := c.cnxn.ReadPartition(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			res, err := readResult(rdr)
			rdr.Release()
			if err != nil {
				t.Fatal(err)
			}
			rows += len(res.rows)
		}
	}
	if rows != 10 {
		t.Errorf("incremental execution read %d rows, want 10", rows)
	}

	poll, err = fsql.ExecutePoll(ctx, "INSERT INTO big VALUES (-1, -3)", nil)
	if err != nil || poll.FlightDescriptor != nil || poll.Info.TotalRecords != 1 {
		t.Errorf("poll of an INSERT: %v %v, want complete with total_records 1", poll, err)
	}
}

// heavyQuery keeps DuckDB busy on every worker for far longer than any
// test waits: a cross join of 200,000 rows with itself under an aggregate.
const heavyQuery = "SELECT count(*), sum(x.a * y.b) FROM big x CROSS JOIN big y"

// waitBusy waits until every worker runs a task on a DuckDB connection.
func waitBusy(t testing.TB, cl *Cluster) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		busy := true
		for _, s := range workerStats(t, cl) {
			busy = busy && s.Tasks > 0 && s.Connections > 0
		}
		if busy {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the workers never all ran a task: %+v", workerStats(t, cl))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitReading waits until some worker streams a result to a client.
func waitReading(t testing.TB, cl *Cluster) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		readers := 0
		for _, s := range workerStats(t, cl) {
			readers += s.Readers
		}
		if readers > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no worker streams a result: %+v", workerStats(t, cl))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitStopped fails unless, within 2 s of since (when the client
// cancelled), every worker holds no task, buffer or DuckDB connection:
// what the issue asks of every cancel.
func waitStopped(t testing.TB, cl *Cluster, since time.Time) {
	t.Helper()
	deadline := since.Add(2 * time.Second)
	for {
		stats := workerStats(t, cl)
		stopped := true
		for _, s := range stats {
			stopped = stopped && s.Tasks == 0 && s.Buffers == 0 && s.Connections == 0
		}
		if stopped {
			t.Logf("every worker stopped %s after the cancel", time.Since(since).Round(time.Millisecond))
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("2 s after the cancel the workers still hold %+v", stats)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCancelStopsDuckDB: however a client stops a query that keeps DuckDB
// busy on every worker (CancelFlightInfo, a do_get deadline, the Go ADBC
// reader released midway), every worker's tasks, buffers and DuckDB
// connections are gone within 2 s, and the cluster still answers.
func TestCancelStopsDuckDB(t *testing.T) {
	t.Parallel()
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 200_000, 4)
	fsql := newFlightSQLClient(t, cl.Addr)
	ctx, cancel := stmtCtx()
	defer cancel()

	t.Run("CancelFlightInfo", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "cancel")
		info, err := fsql.Execute(ctx, heavyQuery)
		if err != nil {
			t.Fatal(err)
		}
		waitBusy(t, cl)
		since := time.Now()
		if res, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info}); err != nil || res.Status != flight.CancelStatusCancelled {
			t.Fatalf("CancelFlightInfo: %v %v", res, err)
		}
		waitStopped(t, cl, since)
	})
	t.Run("do_get_deadline", func(t *testing.T) {
		compat(t, clientGoFlightSQL, "cancel")
		info, err := fsql.Execute(ctx, heavyQuery)
		if err != nil {
			t.Fatal(err)
		}
		waitBusy(t, cl)
		addr, err := locationAddr(info.Endpoint[0].Location[0].Uri)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
		if err != nil {
			t.Fatal(err)
		}
		defer fc.Close()
		dctx, dcancel := context.WithTimeout(ctx, 500*time.Millisecond)
		defer dcancel()
		stream, err := fc.DoGet(dctx, info.Endpoint[0].Ticket)
		if err == nil {
			_, err = stream.Recv()
		}
		// The client's deadline, or the worker's answer to it, whichever
		// comes first.
		if c := status.Code(err); c != codes.DeadlineExceeded && c != codes.Canceled {
			t.Fatalf("do_get past its deadline: %v", err)
		}
		waitStopped(t, cl, time.Now())
	})
	t.Run("adbc_reader_released", func(t *testing.T) {
		compat(t, clientGoADBC, "cancel")
		st, err := c.cnxn.NewStatement()
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.SetSqlQuery(heavyQuery); err != nil {
			t.Fatal(err)
		}
		rdr, _, err := st.ExecuteQuery(ctx)
		if err != nil {
			t.Fatal(err)
		}
		waitBusy(t, cl)
		waitReading(t, cl) // the driver opens its do_get streams in the background
		since := time.Now()
		rdr.Release()
		waitStopped(t, cl, since)
	})
	if r := c.MustQuery("SELECT count(*) FROM big"); len(r.rows) != 1 || r.rows[0][0].text != "200000" {
		t.Errorf("count after the cancels: %v", r.rows)
	}
}
