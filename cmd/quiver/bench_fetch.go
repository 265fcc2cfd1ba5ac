package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/tpch"
)

// fetchTable is the generated table `bench fetch` reads by default.
const fetchTable = "fetch_bench"

var fetchSchema = arrow.NewSchema([]arrow.Field{
	{Name: "id", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "x", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "d", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
}, nil)

// fetchRows generates the fetch table's rows in batches of 64 Ki rows.
type fetchRows struct {
	mem       memory.Allocator
	total, at int64
	r         *rand.Rand
	cur       arrow.RecordBatch
}

func (f *fetchRows) Schema() *arrow.Schema { return fetchSchema }
func (f *fetchRows) Retain()               {}
func (f *fetchRows) Release() {
	if f.cur != nil {
		f.cur.Release()
		f.cur = nil
	}
}
func (f *fetchRows) Err() error                     { return nil }
func (f *fetchRows) RecordBatch() arrow.RecordBatch { return f.cur }
func (f *fetchRows) Record() arrow.RecordBatch      { return f.cur }
func (f *fetchRows) Next() bool {
	f.Release()
	if f.at >= f.total {
		return false
	}
	n := min(f.total-f.at, 1<<16)
	b := array.NewRecordBuilder(f.mem, fetchSchema)
	defer b.Release()
	ids := b.Field(0).(*array.Int64Builder)
	xs := b.Field(1).(*array.Float64Builder)
	ss := b.Field(2).(*array.StringBuilder)
	ds := b.Field(3).(*array.Decimal128Builder)
	for i := int64(0); i < n; i++ {
		id := f.at + i
		ids.Append(id)
		xs.Append(f.r.Float64() * 1000)
		ss.Append("item-" + strconv.FormatInt(id%100000, 36))
		ds.Append(decimal128.FromI64(f.r.Int64N(10_000_000)))
	}
	f.at += n
	f.cur = b.NewRecordBatch()
	return true
}

// memFlight is a plain arrow-go Flight server that streams batches from
// memory on every DoGet, whatever the ticket.
type memFlight struct {
	flight.BaseFlightServer
	schema  *arrow.Schema
	batches []arrow.RecordBatch
}

func (s *memFlight) DoGet(_ *flight.Ticket, stream flight.FlightService_DoGetServer) error {
	w := flight.NewRecordWriter(stream, ipc.WithSchema(s.schema))
	defer w.Close()
	for _, b := range s.batches {
		if !b.Schema().Equal(s.schema) {
			// Quiver's endpoints may label a batch's schema differently
			// (metadata) from the one the client kept; the data is the same.
			b = array.NewRecordBatch(s.schema, b.Columns(), b.NumRows())
			defer b.Release()
		}
		if err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// serveMem starts one memFlight server per part and returns a FlightInfo
// with one endpoint per server, and a stop function.
func serveMem(schema *arrow.Schema, parts [][]arrow.RecordBatch) (*flight.FlightInfo, func(), error) {
	info := &flight.FlightInfo{}
	var servers []*grpc.Server
	stop := func() {
		for _, s := range servers {
			s.Stop()
		}
	}
	for _, p := range parts {
		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			stop()
			return nil, nil, err
		}
		srv := grpc.NewServer(grpc.MaxSendMsgSize(tpch.MaxMessageBytes), grpc.MaxRecvMsgSize(tpch.MaxMessageBytes))
		flight.RegisterFlightServiceServer(srv, &memFlight{schema: schema, batches: p})
		servers = append(servers, srv)
		go func() { _ = srv.Serve(lis) }()
		info.Endpoint = append(info.Endpoint, &flight.FlightEndpoint{
			Ticket:   &flight.Ticket{Ticket: []byte("all")},
			Location: []*flight.Location{{Uri: "grpc+tcp://" + lis.Addr().String()}},
		})
	}
	return info, stop, nil
}

// fetchFigure is one line of the fetch benchmark.
type fetchFigure struct {
	Source    string    `json:"source"`
	Endpoints int       `json:"endpoints"`
	Rows      int64     `json:"rows"`
	Bytes     int64     `json:"bytes"`
	QueryS    float64   `json:"query_s,omitempty"` // GetFlightInfo (Quiver)
	FetchS    float64   `json:"fetch_s"`           // median do_get of every endpoint
	FetchRuns []float64 `json:"fetch_runs_s"`
	GBps      float64   `json:"gb_per_s"`
	// CPUS is the median CPU time of a fetch, of the client and every
	// serving process together (0: not known, with --addr).
	CPUS      float64   `json:"cpu_s,omitempty"`
	CPURuns   []float64 `json:"cpu_runs_s,omitempty"`
	GBperCPUS float64   `json:"gb_per_cpu_s,omitempty"`
	RowsPerS  float64   `json:"rows_per_s"`
	Error     string    `json:"error,omitempty"`
}

func benchFetch(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench fetch", flag.ExitOnError)
	var cf clusterFlags
	cf.register(fs, filepath.Join("quiver-data", "bench-fetch"))
	rows := fs.Int64("rows", 10_000_000, "rows of the generated table "+fetchTable+" (4 columns: int64, double, short string, decimal)")
	query := fs.String("sql", "", "the query whose result is fetched (default: every column of "+fetchTable+")")
	runs := fs.Int("runs", 3, "runs of each measurement (the median is reported)")
	jsonOut := fs.String("json", "", "write the figures as JSON to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}

	cl, c, err := cf.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	mem := memory.DefaultAllocator

	sqlText := *query
	if sqlText == "" {
		sqlText = "SELECT id, x, s, d FROM " + fetchTable
		if err := ensureFetchTable(ctx, c, *rows, cf.workers, mem); err != nil {
			return err
		}
	}

	// Quiver: the query as is (one endpoint per final task), then run
	// through a LIMIT, which the planner gathers to one endpoint.
	var figs []fetchFigure
	var kept *tpch.Fetch
	for _, v := range []struct{ name, sql string }{
		{"quiver", sqlText},
		{"quiver, LIMIT (gathered)", fmt.Sprintf("SELECT * FROM (%s) AS q LIMIT %d", sqlText, int64(1)<<62)},
	} {
		fig := fetchFigure{Source: v.name}
		for i := 0; i < *runs; i++ {
			start := time.Now()
			info, err := c.SQL.Execute(ctx, v.sql)
			if err != nil {
				fig.Error = err.Error()
				break
			}
			fig.QueryS = time.Since(start).Seconds()
			fetchStart := time.Now()
			cpuStart, cpuKnown := cl.allCPU()
			if kept == nil {
				f, err := c.FetchAll(ctx, info)
				if err != nil {
					fig.Error = err.Error()
					break
				}
				kept = f
				fig.Rows, fig.Bytes = f.Rows, f.Bytes
			} else {
				fig.Rows, fig.Bytes, err = c.Drain(ctx, info)
				if err != nil {
					fig.Error = err.Error()
					break
				}
			}
			fig.FetchRuns = append(fig.FetchRuns, time.Since(fetchStart).Seconds())
			if cpuEnd, ok := cl.allCPU(); ok && cpuKnown {
				fig.CPURuns = append(fig.CPURuns, (cpuEnd - cpuStart).Seconds())
			}
			fig.Endpoints = len(info.Endpoint)
		}
		fig = fig.finish()
		figs = append(figs, fig)
		fmt.Fprintf(os.Stderr, "%s: %s\n", fig.Source, fig.line())
	}
	if kept == nil {
		printFetch(figs, *runs)
		return errors.New("bench fetch: Quiver returned no result to compare with")
	}
	defer kept.Release()

	// The same batches from memory: one endpoint, then one per worker.
	parts := make([][]arrow.RecordBatch, max(cf.workers, 1))
	for i, b := range kept.Batches {
		parts[i%len(parts)] = append(parts[i%len(parts)], b)
	}
	for _, v := range []struct {
		name  string
		parts [][]arrow.RecordBatch
	}{
		{"arrow-go flight, 1 endpoint", [][]arrow.RecordBatch{kept.Batches}},
		{fmt.Sprintf("arrow-go flight, %d endpoints", len(parts)), parts},
	} {
		fig := fetchFigure{Source: v.name, Endpoints: len(v.parts)}
		info, stopMem, err := serveMem(kept.Schema, v.parts)
		if err != nil {
			return err
		}
		for i := 0; i < *runs; i++ {
			start := time.Now()
			cpuStart := cpuTime()
			fig.Rows, fig.Bytes, err = c.Drain(ctx, info)
			if err != nil {
				fig.Error = err.Error()
				break
			}
			fig.FetchRuns = append(fig.FetchRuns, time.Since(start).Seconds())
			fig.CPURuns = append(fig.CPURuns, (cpuTime() - cpuStart).Seconds())
		}
		stopMem()
		fig = fig.finish()
		figs = append(figs, fig)
		fmt.Fprintf(os.Stderr, "%s: %s\n", fig.Source, fig.line())
	}
	printFetch(figs, *runs)
	if *jsonOut != "" {
		return writeJSON(*jsonOut, map[string]any{
			"query": sqlText, "workers": cf.workers, "runs": *runs, "machine": tpch.ThisMachine(), "results": figs,
		})
	}
	return nil
}

func (f fetchFigure) finish() fetchFigure {
	if len(f.FetchRuns) == 0 {
		return f
	}
	f.FetchS = median(f.FetchRuns)
	if f.FetchS > 0 {
		f.GBps = float64(f.Bytes) / 1e9 / f.FetchS
		f.RowsPerS = float64(f.Rows) / f.FetchS
	}
	if len(f.CPURuns) > 0 {
		f.CPUS = median(f.CPURuns)
		f.GBperCPUS = float64(f.Bytes) / 1e9 / f.CPUS
	}
	return f
}

func (f fetchFigure) line() string {
	if f.Error != "" {
		return "failed: " + f.Error
	}
	return fmt.Sprintf("%d endpoints, %s rows, %.0f MB, do_get %.3f s: %.2f GB/s, %s rows/s", f.Endpoints,
		tpch.Human(float64(f.Rows)), float64(f.Bytes)/1e6, f.FetchS, f.GBps, tpch.Human(f.RowsPerS))
}

func printFetch(figs []fetchFigure, runs int) {
	fmt.Printf("\nfetch path, median of %d runs (%s, %d cores)\n", runs, tpch.ThisMachine().CPU, runtime.NumCPU())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "source\tendpoints\trows\tMB\tquery s\tdo_get s\tGB/s\trows/s\tcpu s\tGB/cpu-s")
	for _, f := range figs {
		if f.Error != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t-\t-\tfailed: %s\n", f.Source, f.Error)
			continue
		}
		q := "-"
		if f.QueryS > 0 {
			q = fmt.Sprintf("%.3f", f.QueryS)
		}
		cpu, perCPU := "-", "-"
		if f.CPUS > 0 {
			cpu, perCPU = fmt.Sprintf("%.3f", f.CPUS), fmt.Sprintf("%.2f", f.GBperCPUS)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%s\t%.3f\t%.2f\t%s\t%s\t%s\n", f.Source, f.Endpoints, f.Rows, float64(f.Bytes)/1e6, q, f.FetchS, f.GBps, tpch.Human(f.RowsPerS), cpu, perCPU)
	}
	tw.Flush()
}

// ensureFetchTable creates and fills the fetch table unless it already
// holds rows rows.
func ensureFetchTable(ctx context.Context, c *tpch.Client, rows int64, partitions int, mem memory.Allocator) error {
	if f, err := c.Query(ctx, "SELECT count(*) FROM "+fetchTable); err == nil {
		res := f.Result()
		f.Release()
		if len(res.Rows) == 1 && res.Rows[0][0].Text == strconv.FormatInt(rows, 10) {
			return nil
		}
	}
	if _, err := c.Exec(ctx, "DROP TABLE IF EXISTS "+fetchTable); err != nil {
		return err
	}
	ddl := fmt.Sprintf("CREATE TABLE %s (id BIGINT NOT NULL, x DOUBLE NOT NULL, s VARCHAR(16) NOT NULL, d DECIMAL(15,2) NOT NULL) PARTITION BY HASH(id) PARTITIONS %d", fetchTable, max(partitions, 1))
	if _, err := c.Exec(ctx, ddl); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "loading %s rows into %s\n", tpch.Human(float64(rows)), fetchTable)
	start := time.Now()
	src := &fetchRows{mem: mem, total: rows, r: rand.New(rand.NewPCG(1, 2))}
	n, err := c.SQL.ExecuteIngest(ctx, src, tpch.IngestAppend(fetchTable))
	src.Release()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "loaded %d rows in %.1f s\n", n, time.Since(start).Seconds())
	return nil
}
