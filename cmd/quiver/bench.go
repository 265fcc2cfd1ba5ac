package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/tpch"
)

const benchUsage = `usage: quiver bench <benchmark> [flags]

benchmarks:
  tpch   the 22 TPC-H queries on Quiver and on single-process DuckDB over the same
         Parquet files; checks every answer; per-query times, ratios, geometric mean
  fetch  do_get throughput of a large result: Quiver beside a plain arrow-go Flight
         server streaming the same batches from memory

Without --addr a benchmark runs 'quiver serve --workers N' (this binary) as a
child process on a loopback port, and stops it at the end.
`

func runBench(ctx context.Context, args []string, log *zap.Logger) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, benchUsage)
		return errors.New("bench: name a benchmark")
	}
	switch args[0] {
	case "tpch":
		return benchTPCH(ctx, args[1:], log)
	case "fetch":
		return benchFetch(ctx, args[1:], log)
	case "-h", "--help", "help":
		fmt.Print(benchUsage)
		return nil
	}
	fmt.Fprint(os.Stderr, benchUsage)
	return fmt.Errorf("bench: unknown benchmark %q", args[0])
}

// clusterFlags choose between a running Quiver and one started in process.
type clusterFlags struct {
	addr    string
	workers int
	threads int
	dataDir string
	memory  string
	tls     clientTLSFlags // of a running Quiver (--addr)
}

func (c *clusterFlags) register(fs *flag.FlagSet, defaultDataDir string) {
	c.tls.register(fs)
	fs.StringVar(&c.addr, "addr", "", "Flight SQL address of a running Quiver (default: run 'quiver serve' as a child process)")
	fs.IntVar(&c.workers, "workers", 2, "workers of the Quiver started (with --addr: how many the running one has)")
	fs.IntVar(&c.threads, "threads", 0, "DuckDB threads of each started worker (default: cores / workers, at least 1)")
	fs.StringVar(&c.dataDir, "data-dir", defaultDataDir, "data directory of the Quiver started")
	fs.StringVar(&c.memory, "memory-limit", "", "DuckDB memory_limit of each started worker, e.g. 4GB (bench tpch gives its DuckDB the workers' total)")
}

func (c *clusterFlags) perWorkerThreads() int {
	if c.threads > 0 {
		return c.threads
	}
	return max(1, runtime.NumCPU()/max(c.workers, 1))
}

// cluster is the Quiver a benchmark talks to.
type cluster struct {
	addr string
	stop func() error
}

// start connects to --addr, or runs `quiver serve` (this binary) with
// --workers workers on a loopback port as a child process, so that Quiver
// and the benchmark's DuckDB side do not share a Go runtime, and waits
// until it serves.
func (c *clusterFlags) start(ctx context.Context, _ *zap.Logger) (*cluster, error) {
	if c.addr != "" {
		return &cluster{addr: c.addr, stop: func() error { return nil }}, nil
	}
	if c.workers < 1 {
		return nil, errors.New("--workers must be at least 1")
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.dataDir, 0o755); err != nil {
		return nil, err
	}
	logPath := filepath.Join(c.dataDir, "serve.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	args := []string{"serve", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data-dir", c.dataDir,
		"--workers", strconv.Itoa(c.workers), "--threads", strconv.Itoa(c.perWorkerThreads())}
	if c.memory != "" {
		args = append(args, "--memory-limit", c.memory)
	}
	cmd := exec.Command(self, args...)
	// Its own process group: a terminal's Ctrl-C reaches the benchmark,
	// which then stops the server itself.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = logFile, io.MultiWriter(logFile, pw)
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); pw.Close() }()
	stop := func() error {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		return logFile.Close()
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			var l struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Msg == "serving Flight SQL" && l.Addr != "" {
				addr <- l.Addr
				break
			}
		}
		_, _ = io.Copy(io.Discard, pr)
	}()
	select {
	case a := <-addr:
		fmt.Fprintf(os.Stderr, "started quiver serve: %s, %d workers x %d threads, data in %s, log in %s\n",
			a, c.workers, c.perWorkerThreads(), c.dataDir, logPath)
		return &cluster{addr: a, stop: stop}, nil
	case err := <-exited:
		logFile.Close()
		return nil, fmt.Errorf("quiver serve exited before serving (%v); see %s", err, logPath)
	case <-time.After(2 * time.Minute):
		_ = stop()
		return nil, fmt.Errorf("quiver serve did not serve within 2 minutes; see %s", logPath)
	case <-ctx.Done():
		_ = stop()
		return nil, ctx.Err()
	}
}

// tablesLoaded reports whether every table holds the manifest's row count.
func tablesLoaded(ctx context.Context, c *tpch.Client, m *tpch.Manifest) bool {
	for _, t := range m.Tables {
		f, err := c.Query(ctx, "SELECT count(*) FROM "+t.Table)
		if err != nil {
			return false
		}
		res, err := f.Result()
		f.Release()
		if err != nil || len(res.Rows) != 1 || res.Rows[0][0].Text != strconv.FormatInt(t.Rows, 10) {
			return false
		}
	}
	return true
}

func benchTPCH(ctx context.Context, args []string, log *zap.Logger) error {
	fs := flag.NewFlagSet("bench tpch", flag.ExitOnError)
	var tf tpchFlags
	tf.register(fs)
	var cf clusterFlags
	cf.register(fs, "")
	runs := fs.Int("runs", 3, "runs of each query on each side (the median is reported)")
	duckThreads := fs.Int("duckdb-threads", 0, "DuckDB threads (default: the workers' total threads)")
	timeout := fs.Duration("query-timeout", 10*time.Minute, "a Quiver run longer than this fails its query")
	budget := fs.Duration("query-budget", time.Minute, "stop repeating a query on Quiver once its runs took this long together")
	only := fs.String("queries", "", "comma-separated query numbers to run (default: all 22)")
	reload := fs.Bool("reload", false, "load the tables even when Quiver already holds them")
	jsonOut := fs.String("json", "", "write the figures as JSON to this file")
	svgOut := fs.String("svg", "", "write a bar chart as SVG to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	if cf.dataDir == "" {
		cf.dataDir = filepath.Join("quiver-data", "bench-sf"+strconv.FormatFloat(tf.sf, 'f', -1, 64))
	}
	threads := *duckThreads
	if threads <= 0 {
		threads = cf.workers * cf.perWorkerThreads()
		if cf.addr != "" && cf.threads == 0 {
			threads = runtime.NumCPU()
		}
	}
	var queries []tpch.Query
	if *only == "" {
		queries = tpch.Queries(tf.sf)
	} else {
		for _, s := range strings.Split(*only, ",") {
			n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "Q"))
			if err != nil || n < 1 || n > 22 {
				return fmt.Errorf("--queries: %q is not a query number 1..22", s)
			}
			queries = append(queries, tpch.QueryN(n, tf.sf))
		}
	}

	m, err := ensureData(ctx, &tf, false, os.Stdout)
	if err != nil {
		return err
	}
	cl, err := cf.start(ctx, log)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	creds, err := cf.tls.credentials()
	if err != nil {
		return err
	}
	c, err := tpch.Dial(cl.addr, memory.DefaultAllocator, creds)
	if err != nil {
		return err
	}
	defer c.Close()
	if *reload || !tablesLoaded(ctx, c, m) {
		if err := loadData(ctx, c, m, tf.dir, cf.workers, os.Stdout); err != nil {
			return err
		}
	}
	duckMem := ""
	if cf.memory != "" {
		b, err := parseBytes(cf.memory)
		if err != nil {
			return fmt.Errorf("--memory-limit: %w", err)
		}
		duckMem = fmt.Sprintf("%dMB", b*int64(cf.workers)>>20)
	}
	duck, err := tpch.OpenDuckDB(ctx, tf.dir, threads, duckMem)
	if err != nil {
		return err
	}
	defer duck.Close()

	rep := &tpch.Report{SF: tf.sf, Workers: cf.workers, DuckDBThreads: threads, Runs: *runs, Machine: tpch.ThisMachine(), Started: time.Now().UTC()}
	for _, q := range queries {
		r := tpch.RunQuery(ctx, c, duck, q, tpch.RunOptions{Runs: *runs, Timeout: *timeout, Budget: *budget})
		if err := ctx.Err(); err != nil {
			return err
		}
		status := r.Status
		if r.Status == tpch.StatusOK || r.Status == tpch.StatusMismatch {
			status = fmt.Sprintf("%s  quiver %.1f ms  duckdb %.1f ms  ratio %.2f", r.Status, r.QuiverMS, r.DuckDBMS, r.Ratio)
		} else {
			status += ": " + r.Error
		}
		fmt.Fprintf(os.Stderr, "Q%-2d %s\n", q.N, status)
		rep.Queries = append(rep.Queries, r)
	}
	rep.Summarise()
	fmt.Println()
	rep.WriteText(os.Stdout)
	if *jsonOut != "" {
		if err := writeJSON(*jsonOut, rep); err != nil {
			return err
		}
	}
	if *svgOut != "" {
		f, err := os.Create(*svgOut)
		if err != nil {
			return err
		}
		if err := rep.WriteSVG(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// parseBytes reads a size such as 512MB, 4GB or 4GiB.
func parseBytes(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	units := []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil {
				return 0, err
			}
			return int64(v * float64(u.mult)), nil
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

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
	RowsPerS  float64   `json:"rows_per_s"`
	Error     string    `json:"error,omitempty"`
}

func benchFetch(ctx context.Context, args []string, log *zap.Logger) error {
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

	cl, err := cf.start(ctx, log)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	mem := memory.DefaultAllocator
	creds, err := cf.tls.credentials()
	if err != nil {
		return err
	}
	c, err := tpch.Dial(cl.addr, mem, creds)
	if err != nil {
		return err
	}
	defer c.Close()

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
			fig.Rows, fig.Bytes, err = c.Drain(ctx, info)
			if err != nil {
				fig.Error = err.Error()
				break
			}
			fig.FetchRuns = append(fig.FetchRuns, time.Since(start).Seconds())
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
	s := append([]float64(nil), f.FetchRuns...)
	sort.Float64s(s)
	f.FetchS = s[len(s)/2]
	if f.FetchS > 0 {
		f.GBps = float64(f.Bytes) / 1e9 / f.FetchS
		f.RowsPerS = float64(f.Rows) / f.FetchS
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
	fmt.Fprintln(tw, "source\tendpoints\trows\tMB\tquery s\tdo_get s\tGB/s\trows/s")
	for _, f := range figs {
		if f.Error != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\tfailed: %s\n", f.Source, f.Error)
			continue
		}
		q := "-"
		if f.QueryS > 0 {
			q = fmt.Sprintf("%.3f", f.QueryS)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%s\t%.3f\t%.2f\t%s\n", f.Source, f.Endpoints, f.Rows, float64(f.Bytes)/1e6, q, f.FetchS, f.GBps, tpch.Human(f.RowsPerS))
	}
	tw.Flush()
}

// ensureFetchTable creates and fills the fetch table unless it already
// holds rows rows.
func ensureFetchTable(ctx context.Context, c *tpch.Client, rows int64, partitions int, mem memory.Allocator) error {
	if f, err := c.Query(ctx, "SELECT count(*) FROM "+fetchTable); err == nil {
		res, err := f.Result()
		f.Release()
		if err == nil && len(res.Rows) == 1 && res.Rows[0][0].Text == strconv.FormatInt(rows, 10) {
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
