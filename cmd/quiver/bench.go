package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/quiverdb/quiver/tpch"
	"go.uber.org/zap"
)

const benchUsage = `usage: quiver bench <benchmark> [flags]

benchmarks:
  tpch   the 22 TPC-H queries on Quiver and on single-process DuckDB over the same
         Parquet files; checks every answer; per-query times, ratios, geometric mean
  tpcds  the same for the 99 TPC-DS queries (DuckDB runs its own texts of them)
  fetch  do_get throughput of a large result: Quiver beside a plain arrow-go Flight
         server streaming the same batches from memory
  exchange  rows/s and GB/s of one Normal shuffle of (BIGINT, BIGINT, DECIMAL(15,2))
            rows between two workers in this process, beside plain arrow-go Flight
            servers streaming the same batches
  latency  p50/p90/p99 of SELECT 1 and of a small table query through Flight SQL
           (GetFlightInfo + do_get), beside a plain arrow-go Flight SQL server
  soak     N concurrent clients for a duration mixing small queries, TPC-H
           aggregates and small ingests: per-request counts, errors, p50/p99,
           and every process's RSS and goroutines over time and after the load

Without --addr a benchmark runs 'quiver serve --workers N' (this binary) as a
child process on a loopback port, and stops it at the end.
`

func runBench(ctx context.Context, args []string, _ *zap.Logger) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, benchUsage)
		return errors.New("bench: name a benchmark")
	}
	switch args[0] {
	case "tpch":
		return benchTPCH(ctx, args[1:])
	case "tpcds":
		return benchTPCDS(ctx, args[1:])
	case "fetch":
		return benchFetch(ctx, args[1:])
	case "exchange":
		return benchExchange(ctx, args[1:])
	case "latency":
		return benchLatency(ctx, args[1:])
	case "soak":
		return benchSoak(ctx, args[1:])
	case "-h", "--help", "help":
		fmt.Print(benchUsage)
		return nil
	}
	fmt.Fprint(os.Stderr, benchUsage)
	return fmt.Errorf("bench: unknown benchmark %q", args[0])
}

// clusterFlags choose between a running Quiver and one started in process.
type clusterFlags struct {
	addr      string
	workers   int
	threads   int
	dataDir   string
	memory    string
	processes bool
	tls       clientTLSFlags // of a running Quiver (--addr)
}

func (c *clusterFlags) register(fs *flag.FlagSet, defaultDataDir string) {
	c.tls.register(fs)
	fs.StringVar(&c.addr, "addr", "", "Flight SQL address of a running Quiver (default: run 'quiver serve' as a child process)")
	fs.IntVar(&c.workers, "workers", 2, "workers of the Quiver started (with --addr: how many the running one has)")
	fs.IntVar(&c.threads, "threads", 0, "DuckDB threads of each started worker (default: cores / workers, at least 1)")
	fs.StringVar(&c.dataDir, "data-dir", defaultDataDir, "data directory of the Quiver started")
	fs.StringVar(&c.memory, "memory-limit", "", "DuckDB memory_limit of each started worker, e.g. 4GB (bench tpch gives its DuckDB the workers' total)")
	fs.BoolVar(&c.processes, "processes", false, "start 'quiver coordinator' and one 'quiver worker' process per worker instead of one 'quiver serve'")
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
	// procs are the processes started, in start order (none with --addr).
	procs []*child
	stop  func() error
}

// clockTicks is the unit of /proc/PID/stat's CPU times (USER_HZ, 100 on
// every Linux this runs on).
const clockTicks = 100

// allCPU is the CPU time (user and system) used so far by this process
// and the cluster's: a figure that the load of other work on a shared
// machine changes much less than wall time. ok is false where the cluster
// runs elsewhere (--addr) or a process's time cannot be read.
func (cl *cluster) allCPU() (d time.Duration, ok bool) {
	if len(cl.procs) == 0 {
		return 0, false
	}
	d = cpuTime()
	for _, p := range cl.procs {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
		if err != nil {
			return 0, false
		}
		// The fields after the command's closing parenthesis: utime and
		// stime are the 12th and 13th.
		i := strings.LastIndexByte(string(stat), ')')
		f := strings.Fields(string(stat[i+1:]))
		if i < 0 || len(f) < 13 {
			return 0, false
		}
		ut, err1 := strconv.ParseInt(f[11], 10, 64)
		st, err2 := strconv.ParseInt(f[12], 10, 64)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		d += time.Duration(ut+st) * time.Second / clockTicks
	}
	return d, true
}

// connect starts the cluster (start) and dials a Flight SQL client to it
// with the flags' TLS. The caller closes the client, then stops the cluster.
func (c *clusterFlags) connect(ctx context.Context) (*cluster, *tpch.Client, error) {
	cl, err := c.start(ctx)
	if err != nil {
		return nil, nil, err
	}
	client, err := c.dial(cl.addr)
	if err != nil {
		_ = cl.stop()
		return nil, nil, err
	}
	return cl, client, nil
}

// dial connects a Flight SQL client to addr with the flags' TLS.
func (c *clusterFlags) dial(addr string) (*tpch.Client, error) {
	creds, err := c.tls.credentials()
	if err != nil {
		return nil, err
	}
	return tpch.Dial(addr, memory.DefaultAllocator, creds)
}

// start connects to --addr, or runs this binary as child processes on
// loopback ports, so that Quiver and the benchmark's DuckDB side do not
// share a Go runtime, and waits until they serve: `quiver serve` with
// --workers embedded workers, or with --processes a `quiver coordinator`
// and --workers `quiver worker` processes.
func (c *clusterFlags) start(ctx context.Context) (*cluster, error) {
	if c.addr != "" {
		return &cluster{addr: c.addr, stop: func() error { return nil }}, nil
	}
	if c.workers < 1 {
		return nil, errors.New("--workers must be at least 1")
	}
	if err := os.MkdirAll(c.dataDir, 0o755); err != nil {
		return nil, err
	}
	cl := &cluster{}
	cl.stop = func() error {
		var err error
		for i := len(cl.procs) - 1; i >= 0; i-- {
			err = errors.Join(err, cl.procs[i].stop())
		}
		return err
	}
	common := []string{"--http", "127.0.0.1:0", "--data-dir", c.dataDir, "--threads", strconv.Itoa(c.perWorkerThreads())}
	if c.memory != "" {
		common = append(common, "--memory-limit", c.memory)
	}
	first := []string{"serve", "--listen", "127.0.0.1:0", "--workers", strconv.Itoa(c.workers)}
	if c.processes {
		first = []string{"coordinator", "--listen", "127.0.0.1:0"}
	}
	p, err := spawn(ctx, c.dataDir, first[0], append(first, common...), "serving Flight SQL")
	if err != nil {
		return nil, err
	}
	cl.procs, cl.addr = append(cl.procs, p), p.addr
	for i := 1; c.processes && i <= c.workers; i++ {
		args := append([]string{"worker", "--coordinator", cl.addr, "--listen", "127.0.0.1:0"}, common...)
		p, err := spawn(ctx, c.dataDir, fmt.Sprintf("worker%d", i), args, "worker registered")
		if err != nil {
			_ = cl.stop()
			return nil, err
		}
		cl.procs = append(cl.procs, p)
	}
	kind := "quiver serve"
	if c.processes {
		kind = "quiver coordinator and worker processes"
	}
	fmt.Fprintf(os.Stderr, "started %s: %s, %d workers x %d threads, data in %s, logs in %s\n",
		kind, cl.addr, c.workers, c.perWorkerThreads(), c.dataDir, filepath.Join(c.dataDir, "*.log"))
	return cl, nil
}

// child is one process of a started cluster.
type child struct {
	name string
	cmd  *exec.Cmd
	// addr is the addr field of the line start waited for; http is the
	// address of its /metrics.
	addr, http string
	exited     chan error
	logFile    *os.File
}

// spawn runs this binary with args as a child process that logs to
// <dataDir>/<name>.log and waits until its log has said ready (a message)
// and "serving HTTP".
func spawn(ctx context.Context, dataDir, name string, args []string, ready string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(dataDir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
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
	p := &child{name: name, cmd: cmd, exited: make(chan error, 1), logFile: logFile}
	go func() { p.exited <- cmd.Wait(); pw.Close() }()
	type addrs struct{ addr, http string }
	found := make(chan addrs, 1)
	go func() {
		var a addrs
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			var l struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &l) != nil {
				continue
			}
			switch l.Msg {
			case "serving HTTP":
				a.http = l.Addr
			case ready:
				a.addr = l.Addr
			default:
				continue
			}
			if a.addr != "" && a.http != "" {
				found <- a
				break
			}
		}
		_, _ = io.Copy(io.Discard, pr)
	}()
	select {
	case a := <-found:
		p.addr, p.http = a.addr, a.http
		return p, nil
	case err := <-p.exited:
		logFile.Close()
		return nil, fmt.Errorf("quiver %s exited before serving (%v); see %s", name, err, logPath)
	case <-time.After(2 * time.Minute):
		_ = p.stop()
		return nil, fmt.Errorf("quiver %s did not serve within 2 minutes; see %s", name, logPath)
	case <-ctx.Done():
		_ = p.stop()
		return nil, ctx.Err()
	}
}

// stop ends the process with SIGTERM, or SIGKILL after 30 s.
func (p *child) stop() error {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
	return p.logFile.Close()
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
