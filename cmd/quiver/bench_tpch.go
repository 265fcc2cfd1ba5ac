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

func benchTPCH(ctx context.Context, args []string) error {
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
	load := fs.String("load", "bucketed", "how the tables are loaded: bucketed (PARTITION BY HASH on each table's key, as quiver tpch does) or plain (created by the Flight SQL ingest itself, unpartitioned, as adbc_ingest does); with --addr, pass --reload when the running Quiver holds the other layout")
	jsonOut := fs.String("json", "", "write the figures as JSON to this file")
	svgOut := fs.String("svg", "", "write a bar chart as SVG to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	if *load != "bucketed" && *load != "plain" {
		return fmt.Errorf("--load: %q is neither bucketed nor plain", *load)
	}
	plain := *load == "plain"
	if cf.dataDir == "" {
		// One data directory per layout, so that a second run of either
		// finds its tables loaded.
		name := "bench-sf" + strconv.FormatFloat(tf.sf, 'f', -1, 64)
		if plain {
			name += "-plain"
		}
		cf.dataDir = filepath.Join("quiver-data", name)
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
	cl, c, err := cf.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	if *reload || !tablesLoaded(ctx, c, m) {
		if err := loadData(ctx, c, m, tf.dir, cf.workers, plain, os.Stdout); err != nil {
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

	rep := &tpch.Report{SF: tf.sf, Load: *load, Workers: cf.workers, DuckDBThreads: threads, Runs: *runs, Machine: tpch.ThisMachine(), Started: time.Now().UTC()}
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
