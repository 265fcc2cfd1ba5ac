package main

import (
	"context"
	"flag"
	"os"

	"github.com/quiverdb/quiver/tpcds"
	"github.com/quiverdb/quiver/tpch"
)

func benchTPCDS(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench tpcds", flag.ExitOnError)
	var tf tpcdsFlags
	tf.register(fs)
	var bf benchFlags
	bf.register(fs, tpcds.NQueries)
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
	nums, err := bf.queryNumbers(tpcds.NQueries)
	if err != nil {
		return err
	}
	m, tables, err := ensureTPCDS(ctx, &tf, false, os.Stdout)
	if err != nil {
		return err
	}
	duck, err := tpch.OpenDuckDBTables(ctx, tf.dir, tables, threads, duckMem, tpcds.MySQLNullOrder)
	if err != nil {
		return err
	}
	defer duck.Close()
	var queries []tpch.Query
	for _, n := range nums {
		q, err := tpcds.Query(ctx, duck, tf.dir, n)
		if err != nil {
			return err
		}
		queries = append(queries, q)
	}
	cl, c, err := bf.cluster.connect(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = cl.stop() }()
	defer c.Close()
	if bf.reload || !tablesLoaded(ctx, c, m) {
		if err := loadData(ctx, c, m, tf.dir, tables, bf.cluster.workers, bf.load == "plain", os.Stdout); err != nil {
			return err
		}
	}
	return runBenchQueries(ctx, c, duck, queries, bf.report("TPC-DS", tf.sf, threads), bf)
}
