package tpch

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// MaxMessageBytes is the gRPC message limit of the clients this package
// creates (the server's default --max-message-bytes).
const MaxMessageBytes = 256 << 20

// Client is a Flight SQL client of a Quiver coordinator that fetches a
// query's every endpoint from the worker it names, as any Flight SQL client
// does. It keeps one connection per worker location. Safe for concurrent
// use.
type Client struct {
	Addr string
	SQL  *flightsql.Client
	mem  memory.Allocator

	creds   credentials.TransportCredentials // of grpc+tls locations
	mu      sync.Mutex
	workers map[string]flight.Client
}

// dialOptions are the gRPC options of a connection over creds.
func dialOptions(creds credentials.TransportCredentials) []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(MaxMessageBytes), grpc.MaxCallSendMsgSize(MaxMessageBytes)),
	}
}

// Dial connects to the coordinator at addr (host:port) over tlsCreds, or
// in plaintext where tlsCreds is nil; endpoints at grpc+tls locations are
// fetched over tlsCreds too. mem allocates the batches the client receives.
func Dial(addr string, mem memory.Allocator, tlsCreds credentials.TransportCredentials) (*Client, error) {
	creds := tlsCreds
	if creds == nil {
		creds = insecure.NewCredentials()
	}
	cl, err := flightsql.NewClient(addr, nil, nil, dialOptions(creds)...)
	if err != nil {
		return nil, fmt.Errorf("flight sql %s: %w", addr, err)
	}
	cl.Alloc = mem
	return &Client{Addr: addr, SQL: cl, mem: mem, creds: tlsCreds, workers: map[string]flight.Client{}}, nil
}

// Close closes every connection.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range c.workers {
		w.Close()
	}
	c.workers = nil
	return c.SQL.Close()
}

// Exec runs DDL or DML (DoPutCommandStatementUpdate).
func (c *Client) Exec(ctx context.Context, query string) (int64, error) {
	return c.SQL.ExecuteUpdate(ctx, query)
}

// worker returns the connection for an endpoint location (nil: the
// coordinator's).
func (c *Client) worker(loc *flight.Location) (flight.Client, error) {
	if loc == nil || loc.Uri == "" || strings.HasPrefix(loc.Uri, "arrow-flight-reuse-connection:") {
		return c.SQL.Client, nil
	}
	u, err := url.Parse(loc.Uri)
	if err != nil {
		return nil, fmt.Errorf("endpoint location %q: %w", loc.Uri, err)
	}
	if u.Host == c.Addr {
		return c.SQL.Client, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if w, ok := c.workers[u.Host]; ok {
		return w, nil
	}
	creds := insecure.NewCredentials()
	if u.Scheme == "grpc+tls" {
		if creds = c.creds; creds == nil {
			creds = credentials.NewTLS(nil) // the system's roots
		}
	}
	w, err := flight.NewClientWithMiddleware(u.Host, nil, nil, dialOptions(creds)...)
	if err != nil {
		return nil, fmt.Errorf("worker %s: %w", u.Host, err)
	}
	c.workers[u.Host] = w
	return w, nil
}

// Fetch is what one query returned: its schema, its batches in endpoint
// order, and how long the query took until the last batch arrived.
type Fetch struct {
	Schema    *arrow.Schema
	Batches   []arrow.RecordBatch // owned by the Fetch: Release them
	Endpoints int
	Rows      int64
	Bytes     int64 // Arrow buffer bytes received
	Elapsed   time.Duration
}

// Release releases the batches.
func (f *Fetch) Release() {
	for _, b := range f.Batches {
		b.Release()
	}
	f.Batches = nil
}

// Result normalises the batches into a Result.
func (f *Fetch) Result() *Result {
	res := NewResult(f.Schema)
	for _, b := range f.Batches {
		res.Append(b)
	}
	return res
}

// Query runs query (GetFlightInfo with CommandStatementQuery) and fetches
// every endpoint at its location, all at once, keeping their order.
func (c *Client) Query(ctx context.Context, query string) (*Fetch, error) {
	start := time.Now()
	info, err := c.SQL.Execute(ctx, query)
	if err != nil {
		return nil, err
	}
	f, err := c.FetchAll(ctx, info)
	if err != nil {
		return nil, err
	}
	f.Elapsed = time.Since(start)
	return f, nil
}

// FetchAll does_get every endpoint of info concurrently.
func (c *Client) FetchAll(ctx context.Context, info *flight.FlightInfo) (*Fetch, error) {
	parts := make([][]arrow.RecordBatch, len(info.Endpoint))
	f := &Fetch{Endpoints: len(info.Endpoint)}
	if len(info.Schema) > 0 {
		s, err := flight.DeserializeSchema(info.Schema, c.mem)
		if err != nil {
			return nil, fmt.Errorf("flight info schema: %w", err)
		}
		f.Schema = s
	}
	var mu sync.Mutex
	err := c.eachEndpoint(ctx, info, func(i int, rdr *flight.Reader) error {
		var rows, bytes int64
		for rdr.Next() {
			rec := rdr.RecordBatch()
			rec.Retain()
			parts[i] = append(parts[i], rec)
			rows += rec.NumRows()
			bytes += batchBytes(rec)
		}
		mu.Lock()
		defer mu.Unlock()
		f.Rows += rows
		f.Bytes += bytes
		if f.Schema == nil {
			f.Schema = rdr.Schema()
		}
		return nil
	})
	for _, p := range parts {
		f.Batches = append(f.Batches, p...)
	}
	if err != nil {
		f.Release()
		return nil, err
	}
	if f.Schema == nil {
		f.Schema = arrow.NewSchema(nil, nil)
	}
	return f, nil
}

// batchBytes is the size of a batch's Arrow buffers.
func batchBytes(rec arrow.RecordBatch) int64 {
	var n int64
	for _, col := range rec.Columns() {
		n += arrayBytes(col.Data())
	}
	return n
}

func arrayBytes(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Len())
		}
	}
	for _, c := range d.Children() {
		n += arrayBytes(c)
	}
	return n
}

// Drain does_get every endpoint of info concurrently and releases each
// batch as it arrives: a consumer that only counts, for throughput tests.
func (c *Client) Drain(ctx context.Context, info *flight.FlightInfo) (rows, bytes int64, err error) {
	var mu sync.Mutex
	err = c.eachEndpoint(ctx, info, func(_ int, rdr *flight.Reader) error {
		var r, b int64
		for rdr.Next() {
			rec := rdr.RecordBatch()
			r += rec.NumRows()
			b += batchBytes(rec)
		}
		mu.Lock()
		defer mu.Unlock()
		rows += r
		bytes += b
		return nil
	})
	return rows, bytes, err
}

// doGet opens the stream of ep at its locations in turn, as the ADBC
// driver does: a location that fails before the schema arrives gives way
// to the next (Quiver lists the worker, then the coordinator, which
// relays the result from wherever it runs now).
func (c *Client) doGet(ctx context.Context, ep *flight.FlightEndpoint) (*flight.Reader, error) {
	locs := ep.Location
	if len(locs) == 0 {
		locs = []*flight.Location{nil}
	}
	var err error
	for _, loc := range locs {
		var cl flight.Client
		if cl, err = c.worker(loc); err != nil {
			continue
		}
		var stream flight.FlightService_DoGetClient
		if stream, err = cl.DoGet(ctx, ep.Ticket); err != nil {
			continue
		}
		var rdr *flight.Reader
		if rdr, err = flight.NewRecordReader(stream, ipc.WithAllocator(c.mem)); err == nil {
			return rdr, nil
		}
	}
	return nil, err
}

// eachEndpoint does_get every endpoint of info concurrently, each at its
// location, and hands its stream to read; a stream's own error (after
// read) fails the whole. read runs concurrently for different endpoints.
func (c *Client) eachEndpoint(ctx context.Context, info *flight.FlightInfo, read func(i int, rdr *flight.Reader) error) error {
	g, gctx := errgroup.WithContext(ctx)
	for i, ep := range info.Endpoint {
		g.Go(func() error {
			rdr, err := c.doGet(gctx, ep)
			if err != nil {
				return fmt.Errorf("do_get endpoint %d: %w", i, err)
			}
			defer rdr.Release()
			if err := read(i, rdr); err != nil {
				return err
			}
			if err := rdr.Err(); err != nil {
				return fmt.Errorf("do_get endpoint %d: %w", i, err)
			}
			return nil
		})
	}
	return g.Wait()
}
