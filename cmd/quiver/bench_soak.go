package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/tpch"
)

// soakIngestTable is the table the soak's ingests append to.
const soakIngestTable = "soak_ingest"

// soakIngestRows is the size of one soak ingest: a small append, as an
// application logging events through adbc_ingest sends.
const soakIngestRows = 200

// soakOp is one kind of request a soak client sends.
type soakOp struct {
	kind string // small, aggregate or ingest
	name string
	run  func(ctx context.Context, c *tpch.Client, rng *rand.Rand) (ingested int64, err error)
}

// soakFigure is the latency of one op (or of a whole kind) over the load.
type soakFigure struct {
	Kind   string  `json:"kind"`
	Name   string  `json:"name"`
	N      int     `json:"n"`
	Errors int     `json:"errors"`
	P50    float64 `json:"p50_ms"`
	P99    float64 `json:"p99_ms"`
	Mean   float64 `json:"mean_ms"`
	Max    float64 `json:"max_ms"`
	// PerSecond is N over the load's duration.
	PerSecond float64 `json:"per_second"`
}

// soakSample is one scrape of every process's /metrics.
type soakSample struct {
	// At is seconds since the load began (negative: before it).
	At    float64          `json:"at_s"`
	Procs []soakProcSample `json:"procs"`
}

type soakProcSample struct {
	Name string  `json:"name"`
	RSS  float64 `json:"rss_bytes"`
	// Anon and File split RSS (/proc/PID/status RssAnon, RssFile) for the
	// processes this benchmark started: File is mostly the binary's pages,
	// shared and reclaimable; Anon is the memory the process holds.
	Anon       float64 `json:"rss_anon_bytes,omitempty"`
	File       float64 `json:"rss_file_bytes,omitempty"`
	Goroutines float64 `json:"goroutines"`
	HeapInuse  float64 `json:"go_heap_inuse_bytes"`
	// GoHeld is what the Go heap holds from the OS: in use, and free but
	// not yet returned (heap_sys - heap_released).
	GoHeld float64 `json:"go_heap_held_bytes"`
	// DuckDB is what the process's DuckDB databases say they hold
	// (quiver_duckdb_memory_bytes), 0 for a coordinator.
	DuckDB float64 `json:"duckdb_bytes"`
	Error  string  `json:"error,omitempty"`
}

// soakProc is a process the soak samples: its name, /metrics URL and,
// where this benchmark started it, its PID.
type soakProc struct {
	name, url string
	pid       int
}

func benchSoak(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench soak", flag.ExitOnError)
	var cf clusterFlags
	cf.register(fs, filepath.Join("quiver-data", "bench-soak"))
	var tf tpchFlags
	tf.register(fs)
	clients := fs.Int("clients", 50, "concurrent clients, each with its own connection")
	duration := fs.Duration("duration", 5*time.Minute, "how long the clients send requests")
	after := fs.Duration("after", time.Minute, "how long to keep sampling the idle cluster after the load")
	every := fs.Duration("sample", 5*time.Second, "how often to sample every process's RSS and goroutines")
	mix := fs.String("mix", "small:6,aggregate:2,ingest:2", "weights of the request kinds: small (SELECT 1, point query, metadata), aggregate (TPC-H Q1, Q6, Q12), ingest (a "+strconv.Itoa(soakIngestRows)+"-row DoPut append)")
	timeout := fs.Duration("request-timeout", 2*time.Minute, "a request running longer fails")
	metricsURLs := fs.String("metrics", "", "with --addr: comma-separated /metrics URLs of the running Quiver's processes to sample")
	jsonOut := fs.String("json", "", "write the figures and samples as JSON to this file")
	svgOut := fs.String("svg", "", "write RSS and goroutines over time as SVG to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if tf.sf == 0 {
		tf.sf = 0.1
	}
	if err := tf.check(); err != nil {
		return err
	}
	if *clients < 1 || *duration <= 0 || *every <= 0 {
		return errors.New("bench soak: --clients, --duration and --sample must be positive")
	}
	weights, err := parseMix(*mix)
	if err != nil {
		return err
	}

	m, err := ensureData(ctx, &tf, false, os.Stdout)
	if err != nil {
		return err
	}
	cl, c, err := cf.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	procs := soakProcs(cl, *metricsURLs)
	if !tablesLoaded(ctx, c, m) {
		if err := loadData(ctx, c, m, tf.dir, nil, cf.workers, false, os.Stdout); err != nil {
			return err
		}
	}
	if err := ensureLatencyTable(ctx, c); err != nil {
		return err
	}
	for _, stmt := range []string{
		"DROP TABLE IF EXISTS " + soakIngestTable,
		"CREATE TABLE " + soakIngestTable + " (id BIGINT, client INT, s VARCHAR(32), v DECIMAL(15,2))",
	} {
		if _, err := c.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	ops := soakOps(tf.sf)

	run := &soakRun{ops: ops, started: time.Now().Add(5 * time.Second)}
	sampler := &soakSampler{procs: procs}
	sctx, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	var sampling sync.WaitGroup
	sampling.Add(1)
	go func() { defer sampling.Done(); sampler.loop(sctx, *every, run.started) }()
	// The first samples are the baseline: the cluster loaded and idle.
	time.Sleep(time.Until(run.started))
	fmt.Fprintf(os.Stderr, "soak: %d clients for %v (mix %s), then %v idle\n", *clients, *duration, *mix, *after)
	lctx, stopLoad := context.WithCancel(ctx)
	defer stopLoad()
	deadline := run.started.Add(*duration)
	var wg sync.WaitGroup
	for i := range *clients {
		client, err := cf.dial(cl.addr)
		if err != nil {
			stopLoad()
			wg.Wait()
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer client.Close()
			run.client(lctx, client, i, weights, deadline, *timeout)
		}()
	}
	wg.Wait()
	run.ended = time.Now()
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "soak: load ended after %v; sampling the idle cluster for %v\n", run.ended.Sub(run.started).Round(time.Second), *after)
	select {
	case <-time.After(*after):
	case <-ctx.Done():
	}
	stopSampling()
	sampling.Wait()

	rep := run.report(sampler.samples)
	rep.Clients, rep.Mix, rep.Workers, rep.SF, rep.Addr = *clients, *mix, cf.workers, tf.sf, cl.addr
	if err := checkIngested(ctx, c, run.ingested()); err != nil {
		rep.IngestCheck = err.Error()
	}
	rep.print(os.Stdout)
	if *jsonOut != "" {
		if err := writeJSON(*jsonOut, rep); err != nil {
			return err
		}
	}
	if *svgOut != "" {
		if err := os.WriteFile(*svgOut, []byte(rep.svg()), 0o644); err != nil {
			return err
		}
	}
	if rep.Unexpected > 0 || rep.IngestCheck != "" {
		return fmt.Errorf("bench soak: %d unexpected errors%s", rep.Unexpected, strings.TrimSuffix(" "+rep.IngestCheck, " "))
	}
	return nil
}

// parseMix reads --mix: kind:weight pairs.
func parseMix(s string) (map[string]int, error) {
	out := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		kind, w, ok := strings.Cut(strings.TrimSpace(part), ":")
		n, err := strconv.Atoi(w)
		if !ok || err != nil || n < 0 || !slices.Contains([]string{"small", "aggregate", "ingest"}, kind) {
			return nil, fmt.Errorf("--mix: %q is not small:N, aggregate:N or ingest:N", part)
		}
		out[kind] = n
	}
	return out, nil
}

// soakOps are the requests of each kind.
func soakOps(sf float64) []soakOp {
	query := func(sql func(rng *rand.Rand) string) func(context.Context, *tpch.Client, *rand.Rand) (int64, error) {
		return func(ctx context.Context, c *tpch.Client, rng *rand.Rand) (int64, error) {
			info, err := c.SQL.Execute(ctx, sql(rng))
			if err != nil {
				return 0, err
			}
			_, _, err = c.Drain(ctx, info)
			return 0, err
		}
	}
	fixed := func(s string) func(*rand.Rand) string { return func(*rand.Rand) string { return s } }
	ops := []soakOp{
		{"small", "SELECT 1", query(fixed("SELECT 1"))},
		{"small", "point query", query(func(rng *rand.Rand) string {
			return fmt.Sprintf("SELECT id, s FROM %s WHERE id = %d", latencyTable, rng.IntN(10))
		})},
		{"small", "GetTables", func(ctx context.Context, c *tpch.Client, _ *rand.Rand) (int64, error) {
			info, err := c.SQL.GetTables(ctx, &flightsql.GetTablesOpts{})
			if err != nil {
				return 0, err
			}
			_, _, err = c.Drain(ctx, info)
			return 0, err
		}},
	}
	for _, n := range []int{1, 6, 12} {
		ops = append(ops, soakOp{"aggregate", fmt.Sprintf("TPC-H Q%d", n), query(fixed(tpch.QueryN(n, sf).SQL))})
	}
	return append(ops, soakOp{"ingest", "ingest " + strconv.Itoa(soakIngestRows) + " rows", soakIngest})
}

// soakIngest appends soakIngestRows rows to soakIngestTable by one
// Flight SQL bulk ingest, and checks the count the server acknowledged.
func soakIngest(ctx context.Context, c *tpch.Client, rng *rand.Rand) (int64, error) {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "client", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "v", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	base := rng.Int64N(1 << 40)
	for i := range int64(soakIngestRows) {
		b.Field(0).(*array.Int64Builder).Append(base + i)
		b.Field(1).(*array.Int32Builder).Append(int32(rng.IntN(1000)))
		b.Field(2).(*array.StringBuilder).Append("event-" + strconv.FormatInt(i, 10))
		b.Field(3).(*array.Decimal128Builder).Append(decimal128.FromI64(rng.Int64N(1_000_000)))
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	rdr, err := array.NewRecordReader(schema, []arrow.RecordBatch{rec})
	if err != nil {
		return 0, err
	}
	defer rdr.Release()
	n, err := c.SQL.ExecuteIngest(ctx, rdr, tpch.IngestAppend(soakIngestTable))
	if err == nil && n != soakIngestRows {
		err = fmt.Errorf("ingest acknowledged %d rows, %d were sent", n, soakIngestRows)
	}
	if err != nil {
		return 0, err
	}
	return n, nil
}

// checkIngested compares soakIngestTable's row count with the rows every
// acknowledged ingest sent.
func checkIngested(ctx context.Context, c *tpch.Client, want int64) error {
	f, err := c.Query(ctx, "SELECT count(*) FROM "+soakIngestTable)
	if err != nil {
		return fmt.Errorf("count of %s: %w", soakIngestTable, err)
	}
	defer f.Release()
	res := f.Result()
	if len(res.Rows) != 1 || res.Rows[0][0].Text != strconv.FormatInt(want, 10) {
		return fmt.Errorf("%s holds %v rows, acknowledged ingests sent %d", soakIngestTable, res.Rows, want)
	}
	return nil
}

// soakRun collects what the clients measured.
type soakRun struct {
	ops            []soakOp
	started, ended time.Time

	mu        sync.Mutex
	durations map[string][]time.Duration // by op name
	errors    map[string]map[string]int  // by op name, then error text (first line)
	rows      int64                      // acknowledged ingested rows
}

// client sends requests until the deadline, each kind as often as its
// weight says. A request started before the deadline runs to its end, so
// that every ingest sent is acknowledged or refused.
func (r *soakRun) client(ctx context.Context, c *tpch.Client, i int, weights map[string]int, deadline time.Time, timeout time.Duration) {
	rng := rand.New(rand.NewPCG(uint64(i), 0x50a6))
	var pool []soakOp
	for _, op := range r.ops {
		// Each kind's weight spread over its ops.
		n := 0
		for _, o := range r.ops {
			if o.kind == op.kind {
				n++
			}
		}
		for range weights[op.kind] * 6 / n {
			pool = append(pool, op)
		}
	}
	if len(pool) == 0 {
		return
	}
	for ctx.Err() == nil && time.Now().Before(deadline) {
		op := pool[rng.IntN(len(pool))]
		rctx, cancel := context.WithTimeout(ctx, timeout)
		start := time.Now()
		rows, err := op.run(rctx, c, rng)
		took := time.Since(start)
		cancel()
		if ctx.Err() != nil {
			return
		}
		r.record(op, took, rows, err)
	}
}

func (r *soakRun) record(op soakOp, took time.Duration, rows int64, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.durations == nil {
		r.durations, r.errors = map[string][]time.Duration{}, map[string]map[string]int{}
	}
	if err != nil {
		if r.errors[op.name] == nil {
			r.errors[op.name] = map[string]int{}
		}
		msg := err.Error()
		if s, ok := status.FromError(err); ok {
			msg = s.Code().String() + ": " + s.Message()
		}
		msg, _, _ = strings.Cut(msg, "\n")
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		r.errors[op.name][msg]++
		return
	}
	r.durations[op.name] = append(r.durations[op.name], took)
	r.rows += rows
}

func (r *soakRun) ingested() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rows
}

// soakReport is the soak's outcome: latency per op and per kind, the
// unexpected errors, and every process's memory and goroutines over time.
type soakReport struct {
	Machine     tpch.Machine              `json:"machine"`
	Addr        string                    `json:"addr"`
	Workers     int                       `json:"workers"`
	SF          float64                   `json:"sf"`
	Clients     int                       `json:"clients"`
	Mix         string                    `json:"mix"`
	Seconds     float64                   `json:"load_seconds"`
	Ops         []soakFigure              `json:"ops"`
	Kinds       []soakFigure              `json:"kinds"`
	Unexpected  int                       `json:"unexpected_errors"`
	Errors      map[string]map[string]int `json:"errors,omitempty"`
	IngestCheck string                    `json:"ingest_check,omitempty"`
	Memory      []soakMemory              `json:"memory"`
	Samples     []soakSample              `json:"samples"`
}

// soakMemory sums up one process's samples: before, at the peak of, at the
// end of and after the load.
type soakMemory struct {
	Name string `json:"name"`
	// RSS and goroutines: the last sample before the load, the highest,
	// the last one of the load, and the last one after the idle wait.
	RSSBefore        float64 `json:"rss_before_bytes"`
	RSSPeak          float64 `json:"rss_peak_bytes"`
	RSSEnd           float64 `json:"rss_end_bytes"`
	RSSAfter         float64 `json:"rss_after_bytes"`
	AnonBefore       float64 `json:"rss_anon_before_bytes"`
	AnonPeak         float64 `json:"rss_anon_peak_bytes"`
	AnonAfter        float64 `json:"rss_anon_after_bytes"`
	GoroutinesBefore float64 `json:"goroutines_before"`
	GoroutinesPeak   float64 `json:"goroutines_peak"`
	GoroutinesEnd    float64 `json:"goroutines_end"`
	GoroutinesAfter  float64 `json:"goroutines_after"`
	// The last sample's Go heap in use and held, and DuckDB's memory.
	HeapAfter   float64 `json:"go_heap_inuse_after_bytes"`
	GoHeldAfter float64 `json:"go_heap_held_after_bytes"`
	DuckDBAfter float64 `json:"duckdb_after_bytes"`
}

func (r *soakRun) report(samples []soakSample) *soakReport {
	r.mu.Lock()
	defer r.mu.Unlock()
	secs := r.ended.Sub(r.started).Seconds()
	rep := &soakReport{Machine: tpch.ThisMachine(), Seconds: secs, Errors: r.errors, Samples: samples}
	byKind := map[string][]time.Duration{}
	errsByKind := map[string]int{}
	var kinds []string
	for _, op := range r.ops {
		errs := 0
		for _, n := range r.errors[op.name] {
			errs += n
		}
		rep.Unexpected += errs
		rep.Ops = append(rep.Ops, summarizeSoak(op.kind, op.name, r.durations[op.name], errs, secs))
		if _, ok := byKind[op.kind]; !ok {
			kinds = append(kinds, op.kind)
		}
		byKind[op.kind] = append(byKind[op.kind], r.durations[op.name]...)
		errsByKind[op.kind] += errs
	}
	for _, k := range kinds {
		rep.Kinds = append(rep.Kinds, summarizeSoak(k, "all "+k, byKind[k], errsByKind[k], secs))
	}
	rep.Memory = summarizeMemory(samples, r.ended.Sub(r.started).Seconds())
	return rep
}

func summarizeSoak(kind, name string, d []time.Duration, errs int, secs float64) soakFigure {
	f := soakFigure{Kind: kind, Name: name, N: len(d), Errors: errs, PerSecond: float64(len(d)) / secs}
	if len(d) == 0 {
		return f
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	f.P50, f.P99, f.Max = percentileMS(d, 0.50), percentileMS(d, 0.99), durationMS(d[len(d)-1])
	f.Mean = durationMS(sum) / float64(len(d))
	return f
}

func summarizeMemory(samples []soakSample, loadSecs float64) []soakMemory {
	var out []soakMemory
	index := map[string]int{}
	for _, s := range samples {
		for _, p := range s.Procs {
			if p.Error != "" {
				continue
			}
			i, ok := index[p.Name]
			if !ok {
				i = len(out)
				index[p.Name] = i
				out = append(out, soakMemory{Name: p.Name, RSSBefore: p.RSS, AnonBefore: p.Anon, GoroutinesBefore: p.Goroutines})
			}
			m := &out[i]
			switch {
			case s.At <= 0:
				m.RSSBefore, m.AnonBefore, m.GoroutinesBefore = p.RSS, p.Anon, p.Goroutines
			case s.At <= loadSecs:
				m.RSSEnd, m.GoroutinesEnd = p.RSS, p.Goroutines
			}
			m.RSSPeak, m.AnonPeak, m.GoroutinesPeak = math.Max(m.RSSPeak, p.RSS), math.Max(m.AnonPeak, p.Anon), math.Max(m.GoroutinesPeak, p.Goroutines)
			m.AnonAfter = p.Anon
			m.RSSAfter, m.GoroutinesAfter, m.HeapAfter, m.GoHeldAfter, m.DuckDBAfter = p.RSS, p.Goroutines, p.HeapInuse, p.GoHeld, p.DuckDB
		}
	}
	return out
}

func (rep *soakReport) print(w io.Writer) {
	fmt.Fprintf(w, "\nsoak: %d clients for %.0f s, mix %s, TPC-H SF %v, %d workers (%s, %d cores)\n",
		rep.Clients, rep.Seconds, rep.Mix, rep.SF, rep.Workers, rep.Machine.CPU, runtime.NumCPU())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\trequest\tn\terrors\tper s\tp50 ms\tp99 ms\tmean ms\tmax ms")
	for _, f := range append(rep.Ops, rep.Kinds...) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\n", f.Kind, f.Name, f.N, f.Errors, f.PerSecond, f.P50, f.P99, f.Mean, f.Max)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nunexpected errors: %d\n", rep.Unexpected)
	for op, errs := range rep.Errors {
		for msg, n := range errs {
			fmt.Fprintf(w, "  %s: %d x %s\n", op, n, msg)
		}
	}
	if rep.IngestCheck != "" {
		fmt.Fprintf(w, "ingest check failed: %s\n", rep.IngestCheck)
	}
	fmt.Fprintln(w, "\nmemory (MB) and goroutines: before the load, peak, at its end, after the idle wait")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "process\tRSS before\tpeak\tend\tafter\tanon before\tpeak\tafter\tafter: Go heap in use\tGo heap held\tDuckDB\tgoroutines before\tpeak\tend\tafter\t")
	mb := func(v float64) string { return strconv.FormatFloat(v/1e6, 'f', 0, 64) }
	for _, m := range rep.Memory {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t\n", m.Name, mb(m.RSSBefore), mb(m.RSSPeak), mb(m.RSSEnd), mb(m.RSSAfter), mb(m.AnonBefore), mb(m.AnonPeak), mb(m.AnonAfter),
			mb(m.HeapAfter), mb(m.GoHeldAfter), mb(m.DuckDBAfter), m.GoroutinesBefore, m.GoroutinesPeak, m.GoroutinesEnd, m.GoroutinesAfter)
	}
	tw.Flush()
}

// soakProcs are the processes to sample: the started ones, or those of
// --metrics.
func soakProcs(cl *cluster, urls string) []soakProc {
	var out []soakProc
	for _, p := range cl.procs {
		out = append(out, soakProc{name: p.name, url: "http://" + p.http + "/metrics", pid: p.cmd.Process.Pid})
	}
	for i, u := range strings.Split(urls, ",") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, soakProc{name: fmt.Sprintf("process%d", i+1), url: u})
		}
	}
	return out
}

// soakSampler scrapes every process's /metrics at an interval.
type soakSampler struct {
	procs   []soakProc
	samples []soakSample
}

func (s *soakSampler) loop(ctx context.Context, every time.Duration, zero time.Time) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sample := soakSample{At: time.Since(zero).Seconds()}
		for _, p := range s.procs {
			sample.Procs = append(sample.Procs, scrape(ctx, p))
		}
		s.samples = append(s.samples, sample)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// scrape reads the process's RSS, goroutines, Go heap and DuckDB memory
// from its Prometheus text.
func scrape(ctx context.Context, p soakProc) soakProcSample {
	out := soakProcSample{Name: p.name}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		name, _, _ = strings.Cut(name, "{")
		if i := strings.LastIndexByte(line, ' '); i >= 0 {
			rest = line[i+1:]
		}
		v, err := strconv.ParseFloat(rest, 64)
		if err != nil {
			continue
		}
		switch name {
		case "process_resident_memory_bytes":
			out.RSS = v
		case "go_goroutines":
			out.Goroutines = v
		case "go_memstats_heap_inuse_bytes":
			out.HeapInuse = v
		case "go_memstats_heap_sys_bytes":
			out.GoHeld += v
		case "go_memstats_heap_released_bytes":
			out.GoHeld -= v
		case "quiver_duckdb_memory_bytes":
			out.DuckDB += v
		}
	}
	if err := sc.Err(); err != nil {
		out.Error = err.Error()
	}
	if p.pid > 0 {
		out.Anon, out.File = procRSS(p.pid)
	}
	return out
}

// procRSS reads RssAnon and RssFile of /proc/PID/status, in bytes (zero
// where the system has no such file).
func procRSS(pid int) (anon, file float64) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		key, v, ok := strings.Cut(line, ":")
		f := strings.Fields(v)
		if !ok || len(f) == 0 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[0], 64)
		switch key {
		case "RssAnon":
			anon = kb * 1024
		case "RssFile":
			file = kb * 1024
		}
	}
	return anon, file
}

// svg draws every process's RSS and goroutines over time, one panel each,
// the load's span shaded.
func (rep *soakReport) svg() string {
	const left, top, plotW, plotH, gap = 70.0, 60.0, 640.0, 200.0, 70.0
	colors := []string{"#3b6fb6", "#e08a2c", "#3a9a5b", "#b63b6f", "#7a5bb6", "#5b9ab6"}
	t0, t1 := 0.0, rep.Seconds
	for _, s := range rep.Samples {
		t0, t1 = math.Min(t0, s.At), math.Max(t1, s.At)
	}
	if t1 <= t0 {
		t1 = t0 + 1
	}
	x := func(t float64) float64 { return left + plotW*(t-t0)/(t1-t0) }
	var b strings.Builder
	height := top + 2*plotH + gap + 50
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", left+plotW+160, height)
	b.WriteString(`<rect width="100%" height="100%" fill="white"/>` + "\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="22" font-size="15" font-weight="bold">Soak: %d clients, %.0f s, mix %s, %d unexpected errors</text>`+"\n",
		left, rep.Clients, rep.Seconds, tpch.XMLEscape(rep.Mix), rep.Unexpected)
	fmt.Fprintf(&b, `<text x="%.0f" y="40" fill="#555">%s, %d cores. Shaded: the load. TPC-H SF %v, %d workers.</text>`+"\n",
		left, tpch.XMLEscape(rep.Machine.CPU), rep.Machine.Cores, rep.SF, rep.Workers)
	// A panel's dashed series (nil: none) is drawn in the same colours.
	panels := []struct {
		title         string
		value, dashed func(soakProcSample) float64
	}{
		{"RSS (MB); dashed: anonymous", func(p soakProcSample) float64 { return p.RSS / 1e6 }, func(p soakProcSample) float64 { return p.Anon / 1e6 }},
		{"goroutines", func(p soakProcSample) float64 { return p.Goroutines }, nil},
	}
	for pi, panel := range panels {
		py := top + float64(pi)*(plotH+gap)
		hi := 1.0
		for _, s := range rep.Samples {
			for _, p := range s.Procs {
				hi = math.Max(hi, panel.value(p))
			}
		}
		hi = niceCeil(hi)
		y := func(v float64) float64 { return py + plotH - plotH*v/hi }
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="%.0f" fill="#eef2f8"/>`+"\n", x(0), py, x(rep.Seconds)-x(0), plotH)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-weight="bold">%s</text>`+"\n", left, py-8, panel.title)
		for i := 0; i <= 4; i++ {
			v := hi * float64(i) / 4
			fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/><text x="%.0f" y="%.1f" text-anchor="end" fill="#555">%.0f</text>`+"\n",
				left, y(v), left+plotW, y(v), left-6, y(v)+4, v)
		}
		for _, tick := range timeTicks(t0, t1) {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" fill="#555">%.0f s</text>`+"\n", x(tick), py+plotH+16, tick)
		}
		for ci, name := range sampleNames(rep.Samples) {
			var pts, dashed []string
			for _, s := range rep.Samples {
				for _, p := range s.Procs {
					if p.Name == name && p.Error == "" {
						pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(s.At), y(panel.value(p))))
						if panel.dashed != nil && panel.dashed(p) > 0 {
							dashed = append(dashed, fmt.Sprintf("%.1f,%.1f", x(s.At), y(panel.dashed(p))))
						}
					}
				}
			}
			color := colors[ci%len(colors)]
			fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", color, strings.Join(pts, " "))
			if len(dashed) > 0 {
				fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="5,3" points="%s"/>`+"\n", color, strings.Join(dashed, " "))
			}
			fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="10" height="10" fill="%s"/><text x="%.0f" y="%.0f">%s</text>`+"\n",
				left+plotW+14, py+float64(ci)*18, color, left+plotW+28, py+float64(ci)*18+9, tpch.XMLEscape(name))
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func sampleNames(samples []soakSample) []string {
	var out []string
	for _, s := range samples {
		for _, p := range s.Procs {
			if !slices.Contains(out, p.Name) {
				out = append(out, p.Name)
			}
		}
	}
	return out
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// timeTicks are about six round instants between t0 and t1 seconds.
func timeTicks(t0, t1 float64) []float64 {
	step := niceCeil((t1 - t0) / 6)
	var out []float64
	for t := math.Ceil(t0/step) * step; t <= t1; t += step {
		out = append(out, t)
	}
	return out
}
