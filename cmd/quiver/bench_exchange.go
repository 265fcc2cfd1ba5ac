package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
	"github.com/quiverdb/quiver/tpch"
)

// exchangeSchema is what `bench exchange` shuffles: (BIGINT, BIGINT,
// DECIMAL(15,2)) rows, hashed on the second column.
var exchangeSchema = arrow.NewSchema([]arrow.Field{
	{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "b", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "d", Type: &arrow.Decimal128Type{Precision: 15, Scale: 2}, Nullable: true},
}, nil)

// exchangeFigure is one line of the exchange benchmark.
type exchangeFigure struct {
	Source      string    `json:"source"`
	Rows        int64     `json:"rows"`
	Bytes       int64     `json:"bytes"` // Arrow buffer bytes moved
	Seconds     float64   `json:"s"`     // median
	Runs        []float64 `json:"runs_s"`
	RowsPerS    float64   `json:"rows_per_s"`
	RowsPerSPer float64   `json:"rows_per_s_per_worker"`
	GBps        float64   `json:"gb_per_s"`
	// CPUs is the process's CPU time (user and system) per run, median:
	// on a machine shared with other work it says more than wall time.
	CPUs        float64   `json:"cpu_s"`
	CPURuns     []float64 `json:"cpu_runs_s"`
	RowsPerCPUs float64   `json:"rows_per_cpu_s"`
	Error       string    `json:"error,omitempty"`
}

// benchExchange is `quiver bench exchange`: one Normal shuffle between two
// workers started in this process (real exec.Workers behind real Flight
// listeners on loopback, as `quiver serve` runs them): each worker's
// producer task scans half of the rows from a Parquet file and hashes them
// on b into two partitions, and each worker's consumer task reads its
// partition from both producers and counts it. The time runs from the
// first task sent to the last count read. Then the same batches, fetched
// into memory, are streamed by plain arrow-go Flight servers, the four
// streams at once.
func benchExchange(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench exchange", flag.ExitOnError)
	rows := fs.Int64("rows", 20_000_000, "rows shuffled (BIGINT, BIGINT, DECIMAL(15,2))")
	runs := fs.Int("runs", 3, "runs of each measurement (the median is reported)")
	threads := fs.Int("threads", 0, "DuckDB threads of each worker (default: cores / 2, at least 1)")
	dataDir := fs.String("data-dir", filepath.Join("quiver-data", "bench-exchange"), "where the Parquet files and spill files go")
	memLimit := fs.String("memory-limit", "", "DuckDB memory_limit of each worker")
	jsonOut := fs.String("json", "", "write the figures as JSON to this file")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the shuffle runs to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	nthreads := *threads
	if nthreads <= 0 {
		nthreads = max(1, runtime.NumCPU()/2)
	}
	files, err := exchangeFiles(dir, *rows)
	if err != nil {
		return err
	}
	bc, err := startBenchCluster(dir, nthreads, *memLimit)
	if err != nil {
		return err
	}
	defer bc.close()

	var figs []exchangeFigure
	fig := exchangeFigure{Source: "quiver normal exchange, 2 workers"}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
	}
	for i := 0; i < *runs && fig.Error == ""; i++ {
		start, cpu0 := time.Now(), cpuTime()
		n, b, err := bc.shuffle(ctx, stage.QueryID(fmt.Sprintf("bench-exchange-%d", i)), files)
		if err != nil {
			fig.Error = err.Error()
			break
		}
		fig.Runs = append(fig.Runs, time.Since(start).Seconds())
		fig.CPURuns = append(fig.CPURuns, (cpuTime() - cpu0).Seconds())
		fig.Rows, fig.Bytes = n, b
	}
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	figs = append(figs, fig.finish())
	fmt.Fprintf(os.Stderr, "%s: %s; peak RSS so far %.0f MB\n", fig.Source, figs[0].line(), float64(peakRSS())/1e6)

	// The same batches, from memory, through plain Flight servers.
	parts, err := bc.collect(ctx, files)
	if err != nil {
		return err
	}
	defer func() {
		for _, p := range parts {
			for _, b := range p {
				b.Release()
			}
		}
	}()
	raw := exchangeFigure{Source: "arrow-go flight, same batches, 4 streams"}
	info, stopMem, err := serveMem(exchangeSchema, parts)
	if err != nil {
		return err
	}
	defer stopMem()
	for i := 0; i < *runs && raw.Error == ""; i++ {
		start, cpu0 := time.Now(), cpuTime()
		n, b, err := drainAll(ctx, info)
		if err != nil {
			raw.Error = err.Error()
			break
		}
		raw.Runs = append(raw.Runs, time.Since(start).Seconds())
		raw.CPURuns = append(raw.CPURuns, (cpuTime() - cpu0).Seconds())
		raw.Rows, raw.Bytes = n, b
	}
	raw = raw.finish()
	figs = append(figs, raw)
	fmt.Fprintf(os.Stderr, "%s: %s\n", raw.Source, raw.line())

	fmt.Printf("\nexchange, median of %d runs (%s, %d cores, %d DuckDB threads per worker)\n", *runs, tpch.ThisMachine().CPU, runtime.NumCPU(), nthreads)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "source\trows\tMB\ts\trows/s\trows/s per worker\tGB/s\tCPU s\trows per CPU s")
	for _, f := range figs {
		if f.Error != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t-\tfailed: %s\n", f.Source, f.Error)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.3f\t%s\t%s\t%.2f\t%.2f\t%s\n", f.Source, f.Rows, float64(f.Bytes)/1e6, f.Seconds,
			tpch.Human(f.RowsPerS), tpch.Human(f.RowsPerSPer), f.GBps, f.CPUs, tpch.Human(f.RowsPerCPUs))
	}
	tw.Flush()
	if fig.Error != "" {
		return errors.New("bench exchange: " + fig.Error)
	}
	hwm := peakRSS()
	fmt.Printf("peak RSS of this process (both workers, the plain servers and their batches): %.0f MB\n", float64(hwm)/1e6)
	if *jsonOut != "" {
		return writeJSON(*jsonOut, map[string]any{
			"rows": *rows, "workers": 2, "threads": nthreads, "runs": *runs, "machine": tpch.ThisMachine(), "results": figs,
			"peak_rss_bytes": hwm,
		})
	}
	return nil
}

func (f exchangeFigure) finish() exchangeFigure {
	if len(f.Runs) == 0 {
		return f
	}
	f.Seconds = median(f.Runs)
	f.CPUs = median(f.CPURuns)
	if f.CPUs > 0 {
		f.RowsPerCPUs = float64(f.Rows) / f.CPUs
	}
	if f.Seconds > 0 {
		f.RowsPerS = float64(f.Rows) / f.Seconds
		f.RowsPerSPer = f.RowsPerS / 2
		f.GBps = float64(f.Bytes) / 1e9 / f.Seconds
	}
	return f
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (f exchangeFigure) line() string {
	if f.Error != "" {
		return "failed: " + f.Error
	}
	return fmt.Sprintf("%s rows, %.0f MB, %.3f s: %s rows/s (%s per worker), %.2f GB/s; %.2f CPU s, %s rows per CPU s", tpch.Human(float64(f.Rows)),
		float64(f.Bytes)/1e6, f.Seconds, tpch.Human(f.RowsPerS), tpch.Human(f.RowsPerSPer), f.GBps, f.CPUs, tpch.Human(f.RowsPerCPUs))
}

// exchangeFiles writes the two producers' Parquet files (half of the rows
// each) under dir unless they are there, and returns their names relative
// to dir.
func exchangeFiles(dir string, rows int64) ([]string, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var files []string
	for p := range int64(2) {
		name := fmt.Sprintf("exchange-%d-of-%d.parquet", p, rows)
		files = append(files, name)
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		lo, hi := rows*p/2, rows*(p+1)/2
		q := fmt.Sprintf(`COPY (SELECT i AS a, i * 7919 %% 1000003 AS b, CAST((i %% 100000) / 100.0 AS DECIMAL(15,2)) AS d
			FROM range(%d, %d) r(i)) TO '%s' (FORMAT parquet)`, lo, hi, strings.ReplaceAll(path, "'", "''"))
		if _, err := db.Exec(q); err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
	}
	return files, nil
}

// benchCluster is two workers in this process, each behind its own Flight
// listener, and a client of each.
type benchCluster struct {
	signer  *stage.TicketSigner
	addrs   []string
	clients []*flightsrv.WorkerClient
	closers []func()
}

var benchSecret = []byte("bench-exchange-secret")

func startBenchCluster(dir string, threads int, memLimit string) (*benchCluster, error) {
	bc := &benchCluster{signer: stage.NewTicketSigner(benchSecret)}
	mem := memory.DefaultAllocator
	for i := range 2 {
		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			bc.close()
			return nil, err
		}
		addr := lis.Addr().String()
		tmp := filepath.Join(dir, "tmp", fmt.Sprintf("w%d", i))
		eng, err := exec.OpenEngine(exec.EngineConfig{MemoryLimit: memLimit, Threads: threads, TempDir: tmp})
		if err != nil {
			_ = lis.Close()
			bc.close()
			return nil, err
		}
		peers := flightsrv.NewPeerPool(benchSecret, mem, flightsrv.DefaultMaxMessageBytes, nil)
		w, err := exec.NewWorker(exec.Config{Address: addr, DataDir: dir, Peers: peers, Allocator: mem,
			MaxMessageBytes: flightsrv.DefaultMaxMessageBytes, SpillDir: filepath.Join(tmp, "spill")}, eng, zap.NewNop())
		if err != nil {
			_ = lis.Close()
			_ = eng.Close()
			bc.close()
			return nil, err
		}
		srv := grpc.NewServer(flightsrv.ServerOptions(flightsrv.DefaultMaxMessageBytes, zap.NewNop())...)
		flight.RegisterFlightServiceServer(srv, flightsrv.NewWorkerService(w, bc.signer, benchSecret, nil, nil, zap.NewNop()))
		go func() { _ = srv.Serve(lis) }()
		client, err := flightsrv.DialWorker(addr, benchSecret, flightsrv.WithAllocator(mem))
		bc.closers = append(bc.closers, func() {
			if client != nil {
				client.Close()
			}
			srv.Stop()
			w.Close()
			_ = peers.Close()
			_ = eng.Close()
		})
		if err != nil {
			bc.close()
			return nil, err
		}
		bc.addrs = append(bc.addrs, addr)
		bc.clients = append(bc.clients, client)
	}
	return bc, nil
}

func (bc *benchCluster) close() {
	for i := len(bc.closers) - 1; i >= 0; i-- {
		bc.closers[i]()
	}
	bc.closers = nil
}

func (bc *benchCluster) ticket(q stage.QueryID, t stage.TaskID, part int) []byte {
	return bc.signer.Sign(stage.Ticket{Query: q, Task: t, Partition: part, Expires: time.Now().Add(time.Hour)})
}

// producerSpec is producer p's task of query q: scan files[p], hash on b
// into two partitions.
func (bc *benchCluster) producerSpec(q stage.QueryID, p int, files []string) (*stage.TaskSpec, error) {
	scan := &stage.Scan{ID: 0, Database: "bench", Table: "exchange", Columns: []string{"a", "b", "d"},
		Types: []arrow.DataType{exchangeSchema.Field(0).Type, exchangeSchema.Field(1).Type, exchangeSchema.Field(2).Type}}
	plan, err := stage.EncodePlan(scan)
	if err != nil {
		return nil, err
	}
	return &stage.TaskSpec{Version: stage.SpecVersion, Query: q, Task: stage.TaskID{Fragment: 1, Index: p}, Plan: plan,
		Splits:   []stage.ScanSplit{{Scan: 0, Files: []string{files[p]}}},
		Output:   stage.OutputSpec{Kind: stage.OutputNormal, Keys: []int{1}, Consumers: 2, Schema: stage.NewSchemaSpec(exchangeSchema)},
		Deadline: time.Now().Add(time.Hour)}, nil
}

// consumerSpec is consumer c's task of query q: count(*) of its partition
// of fragment 1's output.
func (bc *benchCluster) consumerSpec(q stage.QueryID, c int) (*stage.TaskSpec, error) {
	src := stage.NewExchangeSource(1, &stage.Exchange{Input: &stage.Values{Types: []arrow.DataType{
		exchangeSchema.Field(0).Type, exchangeSchema.Field(1).Type, exchangeSchema.Field(2).Type}, Names: []string{"a", "b", "d"}},
		Kind: stage.Normal, Keys: []int{1}, Tasks: 2})
	agg := &stage.Aggregate{Input: src, Mode: stage.AggregateComplete,
		Aggs: []stage.AggCall{{Fn: stage.AggCountStar, T: arrow.PrimitiveTypes.Int64}}, Names: []string{"n"}}
	plan, err := stage.EncodePlan(agg)
	if err != nil {
		return nil, err
	}
	in := stage.InputSpec{Exchange: 1, Schema: stage.NewSchemaSpec(exchangeSchema)}
	for p, addr := range bc.addrs {
		pt := stage.TaskID{Fragment: 1, Index: p}
		in.Producers = append(in.Producers, stage.ProducerSpec{Task: pt, Address: addr, Ticket: bc.ticket(q, pt, c)})
	}
	return &stage.TaskSpec{Version: stage.SpecVersion, Query: q, Task: stage.TaskID{Fragment: 0, Index: c}, Plan: plan,
		Inputs:   []stage.InputSpec{in},
		Output:   stage.OutputSpec{Kind: stage.OutputResult, Consumers: 1, Schema: stage.NewSchemaSpec(agg.Schema())},
		Deadline: time.Now().Add(time.Hour)}, nil
}

// shuffle runs query q's two producers and two consumers and returns the
// rows the consumers counted and the bytes the producers sent. The
// producers start first, as the coordinator starts them: a consumer's
// fetch finds their buffers registered.
func (bc *benchCluster) shuffle(ctx context.Context, q stage.QueryID, files []string) (rows, bytes int64, err error) {
	defer bc.cancel(q)
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	for i, c := range bc.clients {
		ps, err := bc.producerSpec(q, i, files)
		if err != nil {
			return 0, 0, err
		}
		rt, err := c.RunTask(gctx, ps)
		if err != nil {
			return 0, 0, err
		}
		g.Go(func() error {
			st, err := rt.Wait(gctx)
			mu.Lock()
			bytes += st.BytesOut
			mu.Unlock()
			return err
		})
	}
	for i, c := range bc.clients {
		cs, err := bc.consumerSpec(q, i)
		if err != nil {
			return 0, 0, err
		}
		rt, err := c.RunTask(gctx, cs)
		if err != nil {
			return 0, 0, err
		}
		g.Go(func() error {
			rdr, err := c.DoGet(gctx, bc.ticket(q, cs.Task, 0))
			if err != nil {
				return err
			}
			var n int64
			for rdr.Next() {
				rec := rdr.RecordBatch()
				for r := range int(rec.NumRows()) {
					n += rec.Column(0).(*array.Int64).Value(r)
				}
			}
			err = rdr.Err()
			rdr.Release()
			if err != nil {
				return err
			}
			if _, err := rt.Wait(gctx); err != nil {
				return err
			}
			mu.Lock()
			rows += n
			mu.Unlock()
			return nil
		})
	}
	err = g.Wait()
	return rows, bytes, err
}

// cancel frees what query q left on the workers.
func (bc *benchCluster) cancel(q stage.QueryID) {
	for _, c := range bc.clients {
		_ = c.CancelQuery(context.Background(), q, errors.New("benchmark run over"))
	}
}

// collect runs the producers once more and fetches their four partitions
// into memory: parts[2*p+c] is producer p's partition for consumer c.
func (bc *benchCluster) collect(ctx context.Context, files []string) ([][]arrow.RecordBatch, error) {
	q := stage.QueryID("bench-exchange-collect")
	defer bc.cancel(q)
	parts := make([][]arrow.RecordBatch, 4)
	for p, c := range bc.clients {
		ps, err := bc.producerSpec(q, p, files)
		if err != nil {
			return nil, err
		}
		rt, err := c.RunTask(ctx, ps)
		if err != nil {
			return nil, err
		}
		for part := range 2 {
			rdr, err := c.DoGet(ctx, bc.ticket(q, ps.Task, part))
			if err != nil {
				return nil, err
			}
			for rdr.Next() {
				rec := rdr.RecordBatch()
				rec.Retain()
				parts[2*p+part] = append(parts[2*p+part], rec)
			}
			err = rdr.Err()
			rdr.Release()
			if err != nil {
				return nil, err
			}
		}
		if _, err := rt.Wait(ctx); err != nil {
			return nil, err
		}
	}
	return parts, nil
}

// drainAll reads every endpoint of info at once with plain Flight clients,
// returning the rows and buffer bytes read.
func drainAll(ctx context.Context, info *flight.FlightInfo) (rows, bytes int64, err error) {
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	for _, ep := range info.Endpoint {
		g.Go(func() error {
			addr := strings.TrimPrefix(ep.Location[0].Uri, "grpc+tcp://")
			conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
				grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(flightsrv.DefaultMaxMessageBytes)))
			if err != nil {
				return err
			}
			defer conn.Close()
			stream, err := flight.NewFlightServiceClient(conn).DoGet(gctx, ep.Ticket)
			if err != nil {
				return err
			}
			rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(memory.DefaultAllocator))
			if err != nil {
				return err
			}
			defer rdr.Release()
			var r, b int64
			for rdr.Next() {
				rec := rdr.RecordBatch()
				r += rec.NumRows()
				b += exec.RecordBytes(rec)
			}
			mu.Lock()
			rows, bytes = rows+r, bytes+b
			mu.Unlock()
			return rdr.Err()
		})
	}
	err = g.Wait()
	return rows, bytes, err
}

// peakRSS is the process's peak resident set (VmHWM; 0 where /proc has
// none).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
