package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/tpch"
)

// latencyTable is the small table `bench latency` queries beside SELECT 1.
const latencyTable = "latency_bench"

// latencyFigure is one series of the latency benchmark: the wall time of
// each query as a client sees it, GetFlightInfo and the do_get of every
// endpoint.
type latencyFigure struct {
	Source string  `json:"source"`
	SQL    string  `json:"sql"`
	N      int     `json:"n"`
	P50    float64 `json:"p50_ms"`
	P90    float64 `json:"p90_ms"`
	P99    float64 `json:"p99_ms"`
	Mean   float64 `json:"mean_ms"`
	Min    float64 `json:"min_ms"`
	Max    float64 `json:"max_ms"`
	// InfoP50 is the median of GetFlightInfo alone.
	InfoP50 float64 `json:"info_p50_ms"`
	Error   string  `json:"error,omitempty"`
}

func benchLatency(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench latency", flag.ExitOnError)
	var cf clusterFlags
	cf.register(fs, filepath.Join("quiver-data", "bench-latency"))
	n := fs.Int("n", 1000, "queries measured in each series")
	warmup := fs.Int("warmup", 50, "queries run before each series and not measured")
	table := fs.Bool("table", true, "also query a small table ("+latencyTable+", 10 rows), which runs on a worker")
	plain := fs.Bool("plain", true, "also measure a plain arrow-go Flight SQL server answering SELECT 1 from memory, on the same machine")
	jsonOut := fs.String("json", "", "write the figures as JSON to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *n < 1 {
		return errors.New("bench latency: --n must be at least 1")
	}

	cl, c, err := cf.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	mem := memory.DefaultAllocator

	type series struct{ source, sql string }
	runs := []series{{"quiver", "SELECT 1"}}
	if *table {
		if err := ensureLatencyTable(ctx, c); err != nil {
			return err
		}
		runs = append(runs, series{"quiver", "SELECT id, s FROM " + latencyTable + " WHERE id = 3"})
	}
	var figs []latencyFigure
	for _, s := range runs {
		fig := measureLatency(ctx, c, s.source, s.sql, *warmup, *n)
		figs = append(figs, fig)
		fmt.Fprintf(os.Stderr, "%s %q: %s\n", fig.Source, fig.SQL, fig.line())
	}
	if *plain {
		fig, err := plainLatency(ctx, mem, *warmup, *n)
		if err != nil {
			return err
		}
		figs = append(figs, fig)
		fmt.Fprintf(os.Stderr, "%s %q: %s\n", fig.Source, fig.SQL, fig.line())
	}
	printLatency(figs)
	if *jsonOut != "" {
		return writeJSON(*jsonOut, map[string]any{
			"addr": cl.addr, "workers": cf.workers, "warmup": *warmup, "machine": tpch.ThisMachine(), "results": figs,
		})
	}
	return nil
}

// measureLatency runs sql warmup times, then n times, each as a client
// does: GetFlightInfo, then do_get of every endpoint at its location.
func measureLatency(ctx context.Context, c *tpch.Client, source, sql string, warmup, n int) latencyFigure {
	fig := latencyFigure{Source: source, SQL: sql}
	total := make([]time.Duration, 0, n)
	info := make([]time.Duration, 0, n)
	for i := range warmup + n {
		start := time.Now()
		fi, err := c.SQL.Execute(ctx, sql)
		if err != nil {
			fig.Error = err.Error()
			return fig
		}
		got := time.Since(start)
		if _, _, err := c.Drain(ctx, fi); err != nil {
			fig.Error = err.Error()
			return fig
		}
		if i >= warmup {
			total = append(total, time.Since(start))
			info = append(info, got)
		}
	}
	return fig.summarize(total, info)
}

// summarize fills the figure's percentiles from the measured durations.
func (f latencyFigure) summarize(total, info []time.Duration) latencyFigure {
	ms, at := durationMS, percentileMS
	sort.Slice(total, func(i, j int) bool { return total[i] < total[j] })
	sort.Slice(info, func(i, j int) bool { return info[i] < info[j] })
	var sum time.Duration
	for _, d := range total {
		sum += d
	}
	f.N = len(total)
	f.P50, f.P90, f.P99 = at(total, 0.50), at(total, 0.90), at(total, 0.99)
	f.Min, f.Max = ms(total[0]), ms(total[len(total)-1])
	f.Mean = ms(sum) / float64(len(total))
	f.InfoP50 = at(info, 0.50)
	return f
}

func durationMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// percentileMS is the p quantile (0..1) of sorted, in milliseconds.
func percentileMS(sorted []time.Duration, p float64) float64 {
	return durationMS(sorted[min(len(sorted)-1, int(p*float64(len(sorted))))])
}

func (f latencyFigure) line() string {
	if f.Error != "" {
		return "failed: " + f.Error
	}
	return fmt.Sprintf("n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms (GetFlightInfo p50 %.3f ms)",
		f.N, f.P50, f.P90, f.P99, f.Mean, f.InfoP50)
}

func printLatency(figs []latencyFigure) {
	fmt.Printf("\nquery latency through Flight SQL, GetFlightInfo + do_get (%s, %d cores)\n", tpch.ThisMachine().CPU, runtime.NumCPU())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "source\tquery\tn\tp50 ms\tp90 ms\tp99 ms\tmean ms\tinfo p50 ms")
	for _, f := range figs {
		if f.Error != "" {
			fmt.Fprintf(tw, "%s\t%s\t-\t-\t-\t-\t-\tfailed: %s\n", f.Source, f.SQL, f.Error)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", f.Source, f.SQL, f.N, f.P50, f.P90, f.P99, f.Mean, f.InfoP50)
	}
	tw.Flush()
}

// ensureLatencyTable creates the small table unless it holds its 10 rows.
func ensureLatencyTable(ctx context.Context, c *tpch.Client) error {
	if f, err := c.Query(ctx, "SELECT count(*) FROM "+latencyTable); err == nil {
		res := f.Result()
		f.Release()
		if len(res.Rows) == 1 && res.Rows[0][0].Text == "10" {
			return nil
		}
	}
	for _, stmt := range []string{
		"DROP TABLE IF EXISTS " + latencyTable,
		"CREATE TABLE " + latencyTable + " (id BIGINT, s VARCHAR(16))",
		"INSERT INTO " + latencyTable + " VALUES (0, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (4, 'e'), (5, 'f'), (6, 'g'), (7, 'h'), (8, 'i'), (9, 'j')",
	} {
		if _, err := c.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// plainSQLServer is the least a Flight SQL server can do for SELECT 1:
// arrow-go's flightsql.BaseServer answering every statement with one
// endpoint and one batch of one int64 from memory. It is the floor of the
// protocol's two round trips on this machine.
type plainSQLServer struct {
	flightsql.BaseServer
	schema *arrow.Schema
	batch  arrow.RecordBatch
}

func (s *plainSQLServer) GetFlightInfoStatement(_ context.Context, _ flightsql.StatementQuery, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	ticket, err := flightsql.CreateStatementQueryTicket([]byte("1"))
	if err != nil {
		return nil, err
	}
	return &flight.FlightInfo{
		FlightDescriptor: desc,
		Schema:           flight.SerializeSchema(s.schema, s.Alloc),
		Endpoint:         []*flight.FlightEndpoint{{Ticket: &flight.Ticket{Ticket: ticket}}},
		TotalRecords:     1, TotalBytes: -1,
	}, nil
}

func (s *plainSQLServer) DoGetStatement(context.Context, flightsql.StatementQueryTicket) (*arrow.Schema, <-chan flight.StreamChunk, error) {
	ch := make(chan flight.StreamChunk, 1)
	s.batch.Retain()
	ch <- flight.StreamChunk{Data: s.batch}
	close(ch)
	return s.schema, ch, nil
}

// plainLatency measures SELECT 1 against a plainSQLServer on a loopback
// port, with the same client code as Quiver's series.
func plainLatency(ctx context.Context, mem memory.Allocator, warmup, n int) (latencyFigure, error) {
	b := array.NewInt64Builder(mem)
	b.Append(1)
	col := b.NewArray()
	b.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "1", Type: arrow.PrimitiveTypes.Int64}}, nil)
	srv := &plainSQLServer{schema: schema, batch: array.NewRecordBatch(schema, []arrow.Array{col}, 1)}
	col.Release()
	defer srv.batch.Release()
	srv.Alloc = mem

	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return latencyFigure{}, err
	}
	g := grpc.NewServer(grpc.MaxSendMsgSize(tpch.MaxMessageBytes), grpc.MaxRecvMsgSize(tpch.MaxMessageBytes))
	flight.RegisterFlightServiceServer(g, flightsql.NewFlightServer(srv))
	go func() { _ = g.Serve(lis) }()
	defer g.Stop()
	c, err := tpch.Dial(lis.Addr().String(), mem, nil)
	if err != nil {
		return latencyFigure{}, err
	}
	defer c.Close()
	return measureLatency(ctx, c, "arrow-go flightsql.BaseServer", "SELECT 1", warmup, n), nil
}
