package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/quiverdb/quiver/tpch"
)

// tablesLoaded reports whether every table holds the manifest's row count.
func tablesLoaded(ctx context.Context, c *tpch.Client, m *tpch.Manifest) bool {
	for _, t := range m.Tables {
		f, err := c.Query(ctx, "SELECT count(*) FROM "+t.Table)
		if err != nil {
			return false
		}
		res := f.Result()
		f.Release()
		if len(res.Rows) != 1 || res.Rows[0][0].Text != strconv.FormatInt(t.Rows, 10) {
			return false
		}
	}
	return true
}

// benchFlags are the flags `bench tpch` and `bench tpcds` share: the
// cluster, the runs and their bounds, and the outputs.
type benchFlags struct {
	cluster     clusterFlags
	runs        int
	duckThreads int
	timeout     time.Duration
	budget      time.Duration
	only        string
	reload      bool
	load        string
	jsonOut     string
	svgOut      string
}

func (b *benchFlags) register(fs *flag.FlagSet, queries int) {
	b.cluster.register(fs, "")
	fs.IntVar(&b.runs, "runs", 3, "runs of each query on each side (the median is reported)")
	fs.IntVar(&b.duckThreads, "duckdb-threads", 0, "DuckDB threads (default: the workers' total threads)")
	fs.DurationVar(&b.timeout, "query-timeout", 10*time.Minute, "a Quiver run longer than this fails its query")
	fs.DurationVar(&b.budget, "query-budget", time.Minute, "stop repeating a query on Quiver once its runs took this long together")
	fs.StringVar(&b.only, "queries", "", fmt.Sprintf("comma-separated query numbers to run (default: all %d)", queries))
	fs.BoolVar(&b.reload, "reload", false, "load the tables even when Quiver already holds them")
	fs.StringVar(&b.load, "load", "bucketed", "how the tables are loaded: bucketed (PARTITION BY HASH on each table's key, as quiver tpch does) or plain (created by the Flight SQL ingest itself, unpartitioned, as adbc_ingest does); with --addr, pass --reload when the running Quiver holds the other layout")
	fs.StringVar(&b.jsonOut, "json", "", "write the figures as JSON to this file")
	fs.StringVar(&b.svgOut, "svg", "", "write a bar chart as SVG to this file")
}

// queryNumbers are the numbers of --queries, or 1..n.
func (b *benchFlags) queryNumbers(n int) ([]int, error) {
	var out []int
	if b.only == "" {
		for i := 1; i <= n; i++ {
			out = append(out, i)
		}
		return out, nil
	}
	for _, s := range strings.Split(b.only, ",") {
		q, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "Q"))
		if err != nil || q < 1 || q > n {
			return nil, fmt.Errorf("--queries: %q is not a query number 1..%d", s, n)
		}
		out = append(out, q)
	}
	return out, nil
}

// prepare fills the defaults that depend on the scale factor and the
// cluster, and returns the DuckDB side's threads and memory limit (the
// workers' totals).
func (b *benchFlags) prepare(sf float64) (threads int, duckMem string, err error) {
	if b.load != "bucketed" && b.load != "plain" {
		return 0, "", fmt.Errorf("--load: %q is neither bucketed nor plain", b.load)
	}
	cf := &b.cluster
	if cf.dataDir == "" {
		// One data directory per layout, so that a second run of either
		// finds its tables loaded.
		name := "bench-sf" + strconv.FormatFloat(sf, 'f', -1, 64)
		if b.load == "plain" {
			name += "-plain"
		}
		cf.dataDir = filepath.Join("quiver-data", name)
	}
	threads = b.duckThreads
	if threads <= 0 {
		threads = cf.workers * cf.perWorkerThreads()
		if cf.addr != "" && cf.threads == 0 {
			threads = runtime.NumCPU()
		}
	}
	if cf.memory != "" {
		mem, err := parseBytes(cf.memory)
		if err != nil {
			return 0, "", fmt.Errorf("--memory-limit: %w", err)
		}
		duckMem = fmt.Sprintf("%dMB", mem*int64(cf.workers)>>20)
	}
	return threads, duckMem, nil
}

func (b *benchFlags) report(suite string, sf float64, threads int) *tpch.Report {
	return &tpch.Report{Suite: suite, SF: sf, Load: b.load, Workers: b.cluster.workers, DuckDBThreads: threads, Runs: b.runs, Machine: tpch.ThisMachine(), Started: time.Now().UTC()}
}

func (b *benchFlags) options() tpch.RunOptions {
	return tpch.RunOptions{Runs: b.runs, Timeout: b.timeout, Budget: b.budget}
}

func benchTPCH(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench tpch", flag.ExitOnError)
	var tf tpchFlags
	tf.register(fs)
	var bf benchFlags
	bf.register(fs, 22)
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	threads, duckMem, err := bf.prepare(tf.sf)
	if err != nil {
		return err
	}
	nums, err := bf.queryNumbers(22)
	if err != nil {
		return err
	}
	var queries []tpch.Query
	for _, n := range nums {
		queries = append(queries, tpch.QueryN(n, tf.sf))
	}

	m, err := ensureData(ctx, &tf, false, os.Stdout)
	if err != nil {
		return err
	}
	cl, c, err := bf.cluster.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	if bf.reload || !tablesLoaded(ctx, c, m) {
		if err := loadData(ctx, c, m, tf.dir, nil, bf.cluster.workers, bf.load == "plain", os.Stdout); err != nil {
			return err
		}
	}
	duck, err := tpch.OpenDuckDB(ctx, tf.dir, threads, duckMem)
	if err != nil {
		return err
	}
	defer duck.Close()
	return runBenchQueries(ctx, c, duck, queries, bf.report("", tf.sf, threads), bf)
}

// runBenchQueries runs queries on both sides, printing each as it ends,
// and writes rep as text to stdout and as JSON and SVG where bf asks.
func runBenchQueries(ctx context.Context, c *tpch.Client, duck *tpch.DuckDB, queries []tpch.Query, rep *tpch.Report, bf benchFlags) error {
	for _, q := range queries {
		r := tpch.RunQuery(ctx, c, duck, q, bf.options())
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
	if bf.jsonOut != "" {
		if err := writeJSON(bf.jsonOut, rep); err != nil {
			return err
		}
	}
	if bf.svgOut != "" {
		f, err := os.Create(bf.svgOut)
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
