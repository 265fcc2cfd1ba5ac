package integration

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	adbcflight "github.com/apache/arrow-adbc/go/adbc/driver/flightsql"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
)

const (
	stmtTimeout = 3 * time.Minute // one statement, including fetching its result
	maxMsgSize  = 64 << 20        // gRPC message limit of every client here
)

// client is a Go ADBC Flight SQL connection to a cluster's coordinator.
// Its allocator is checked: Close asserts that every buffer was released.
type client struct {
	t    testing.TB
	mem  *memory.CheckedAllocator
	db   adbc.Database
	cnxn adbc.Connection
}

// connect opens an ADBC connection to addr; t.Cleanup closes it.
func connect(t testing.TB, addr string) *client {
	t.Helper()
	return connectWith(t, addr, nil)
}

// connectWith is connect with further ADBC database options.
func connectWith(t testing.TB, addr string, options map[string]string) *client {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	drv := adbcflight.NewDriver(mem)
	opts := map[string]string{
		adbc.OptionKeyURI:               "grpc://" + addr,
		adbcflight.OptionWithMaxMsgSize: fmt.Sprint(maxMsgSize),
		adbcflight.OptionTimeoutConnect: "60",
		adbcflight.OptionTimeoutQuery:   fmt.Sprint(int(stmtTimeout.Seconds())),
		adbcflight.OptionTimeoutFetch:   fmt.Sprint(int(stmtTimeout.Seconds())),
		adbcflight.OptionTimeoutUpdate:  fmt.Sprint(int(stmtTimeout.Seconds())),
	}
	for k, v := range options {
		opts[k] = v
	}
	db, err := drv.NewDatabase(opts)
	if err != nil {
		t.Fatalf("adbc: new database %s: %v", addr, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cnxn, err := db.Open(ctx)
	if err != nil {
		db.Close()
		t.Fatalf("adbc: open %s: %v", addr, err)
	}
	c := &client{t: t, mem: mem, db: db, cnxn: cnxn}
	t.Cleanup(c.Close)
	return c
}

// Close closes the connection and checks the allocator. Idempotent.
func (c *client) Close() {
	if c.cnxn == nil {
		return
	}
	if err := c.cnxn.Close(); err != nil {
		c.t.Errorf("adbc: close connection: %v", err)
	}
	if err := c.db.Close(); err != nil {
		c.t.Errorf("adbc: close database: %v", err)
	}
	c.cnxn, c.db = nil, nil
	c.mem.AssertSize(c.t, 0)
}

func stmtCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), stmtTimeout)
}

// Exec runs DDL or DML through DoPutCommandStatementUpdate.
func (c *client) Exec(query string) (int64, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if err := st.SetSqlQuery(query); err != nil {
		return 0, err
	}
	return st.ExecuteUpdate(ctx)
}

// MustExec is Exec that fails the test on error.
func (c *client) MustExec(query string) int64 {
	c.t.Helper()
	n, err := c.Exec(query)
	if err != nil {
		c.t.Fatalf("exec %s: %v", abbrev(query), err)
	}
	return n
}

// Query runs a query and returns its normalised result (every endpoint).
func (c *client) Query(query string) (*result, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := st.SetSqlQuery(query); err != nil {
		return nil, err
	}
	rdr, _, err := st.ExecuteQuery(ctx)
	if err != nil {
		return nil, err
	}
	defer rdr.Release()
	return readResult(rdr)
}

// MustQuery is Query that fails the test on error.
func (c *client) MustQuery(query string) *result {
	c.t.Helper()
	res, err := c.Query(query)
	if err != nil {
		c.t.Fatalf("query %s: %v", abbrev(query), err)
	}
	return res
}

// Ingest bulk-loads batches into table with CommandStatementIngest (what
// adbc_ingest sends), mode being adbc.OptionValueIngestMode*.
func (c *client) Ingest(table, mode string, batches []arrow.RecordBatch) (int64, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	st, err := c.cnxn.NewStatement()
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if err := st.SetOption(adbc.OptionKeyIngestTargetTable, table); err != nil {
		return 0, err
	}
	if err := st.SetOption(adbc.OptionKeyIngestMode, mode); err != nil {
		return 0, err
	}
	rdr, err := array.NewRecordReader(batches[0].Schema(), batches)
	if err != nil {
		return 0, err
	}
	defer rdr.Release()
	if err := st.BindStream(ctx, rdr); err != nil {
		return 0, err
	}
	return st.ExecuteUpdate(ctx)
}

// load creates table t in the cluster from ds: the first batch by bulk
// ingest in create mode, the rest in append mode (two batches per call),
// then the INSERT statements. It checks the reported row counts where the
// server reports them (ADBC allows -1 for unknown).
func (c *client) load(ds *dataset) {
	c.t.Helper()
	n, err := c.Ingest("t", adbc.OptionValueIngestModeCreate, ds.batches[:1])
	if err != nil {
		c.t.Fatalf("bulk ingest (create mode) of %d rows: %v", ds.batches[0].NumRows(), err)
	}
	checkAffected(c.t, "bulk ingest (create)", n, ds.batches[0].NumRows())
	for i := 1; i < len(ds.batches); i += 2 {
		part := ds.batches[i:min(i+2, len(ds.batches))]
		var rows int64
		for _, b := range part {
			rows += b.NumRows()
		}
		n, err := c.Ingest("t", adbc.OptionValueIngestModeAppend, part)
		if err != nil {
			c.t.Fatalf("bulk ingest (append mode) of batches %d..%d: %v", i, i+len(part)-1, err)
		}
		checkAffected(c.t, "bulk ingest (append)", n, rows)
	}
	for _, s := range ds.inserts {
		n := c.MustExec(s)
		checkAffected(c.t, "INSERT ... VALUES", n, int64(strings.Count(s, "), (")+1))
	}
}

func checkAffected(t testing.TB, what string, got, want int64) {
	t.Helper()
	if got != -1 && got != want {
		t.Errorf("%s: server reported %d rows affected, want %d", what, got, want)
	}
}

// grpcCode returns the gRPC status code carried by err: from an adbc.Error
// (whose VendorCode the Flight SQL driver sets to the gRPC code) or from a
// gRPC status.
func grpcCode(err error) codes.Code {
	var ae adbc.Error
	if errors.As(err, &ae) {
		return codes.Code(ae.VendorCode)
	}
	return status.Code(err)
}

func abbrev(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

// dialOpts are the gRPC options of every raw Flight client the tests make.
func dialOpts() []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMsgSize), grpc.MaxCallSendMsgSize(maxMsgSize)),
	}
}

// newFlightSQLClient opens an arrow-go Flight SQL client to addr, for the
// FlightInfo details that ADBC hides. t.Cleanup closes it.
func newFlightSQLClient(t testing.TB, addr string) *flightsql.Client {
	t.Helper()
	cl, err := flightsql.NewClient(addr, nil, nil, dialOpts()...)
	if err != nil {
		t.Fatalf("flightsql client %s: %v", addr, err)
	}
	t.Cleanup(func() { cl.Close() })
	return cl
}

// locationAddr turns an endpoint location (grpc+tcp://host:port) into
// host:port.
func locationAddr(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "grpc+tcp" && u.Scheme != "grpc" {
		return "", fmt.Errorf("location %q: scheme %q, want grpc+tcp", uri, u.Scheme)
	}
	return u.Host, nil
}

// doGet fetches one ticket from the Flight service at addr and returns the
// normalised result.
func doGet(addr string, ticket []byte, mem memory.Allocator) (*result, error) {
	ctx, cancel := stmtCtx()
	defer cancel()
	cl, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
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

// drainInfo fetches every endpoint of info from its first location (the
// coordinator's address when an endpoint has none) and concatenates the
// results.
func drainInfo(info *flight.FlightInfo, coordinator string, mem memory.Allocator) (*result, error) {
	var all *result
	for i, ep := range info.Endpoint {
		addr := coordinator
		if len(ep.Location) > 0 && ep.Location[0].Uri != flight.LocationReuseConnection {
			a, err := locationAddr(ep.Location[0].Uri)
			if err != nil {
				return nil, fmt.Errorf("endpoint %d: %w", i, err)
			}
			addr = a
		}
		res, err := doGet(addr, ep.Ticket.GetTicket(), mem)
		if err != nil {
			return nil, fmt.Errorf("endpoint %d at %s: %w", i, addr, err)
		}
		if all == nil {
			all = res
		} else {
			all.rows = append(all.rows, res.rows...)
		}
	}
	if all == nil {
		return nil, fmt.Errorf("FlightInfo has no endpoints")
	}
	return all, nil
}
