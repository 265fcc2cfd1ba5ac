package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/tpcds"
	"github.com/quiverdb/quiver/tpch"
)

// tpcdsFlags are the flags `quiver tpcds` and `quiver bench tpcds` share.
type tpcdsFlags struct {
	sf     float64
	dir    string
	python string
}

func (f *tpcdsFlags) register(fs *flag.FlagSet) {
	fs.Float64Var(&f.sf, "sf", 0, "TPC-DS scale factor, e.g. 0.01, 0.1, 1")
	fs.StringVar(&f.dir, "out", "", "directory of the Parquet files (default ./quiver-data/tpcds-sf<SF>)")
	fs.StringVar(&f.python, "python", tpcds.Python(), "Python with duckdb 1.4.4 and duckdb-ext-tpcds (make venv-tpcds), which runs the generator")
}

func (f *tpcdsFlags) check() error {
	if f.sf <= 0 {
		return errors.New("--sf must be a positive scale factor")
	}
	if f.dir == "" {
		f.dir = filepath.Join("quiver-data", "tpcds-sf"+strconv.FormatFloat(f.sf, 'f', -1, 64))
	}
	return nil
}

// ensureTPCDS returns the manifest and tables of the data set in f.dir,
// generating it first when it is missing, was made for another scale
// factor, or regenerate is set.
func ensureTPCDS(ctx context.Context, f *tpcdsFlags, regenerate bool, stdout io.Writer) (*tpch.Manifest, []*tpch.Table, error) {
	m, err := tpcds.ReadManifest(f.dir)
	if err == nil && !regenerate && m.SF == f.sf {
		fmt.Fprintf(stdout, "TPC-DS SF %v: reusing %s (%s rows)\n", f.sf, f.dir, tpch.Human(float64(m.Rows())))
	} else {
		fmt.Fprintf(stdout, "TPC-DS SF %v: generating into %s (%s, with %s)\n", f.sf, f.dir, tpcds.Generator, f.python)
		bar := tpch.NewBar(os.Stderr, int64(len(tpcds.TableNames)), "tables")
		bar.SetLabel("generate")
		m, err = tpcds.Generate(ctx, tpcds.GenConfig{SF: f.sf, Dir: f.dir, Python: f.python,
			Progress: func(table string, _ int64) { bar.SetLabel(table); bar.Add(1) }})
		bar.Finish()
		if err != nil {
			return nil, nil, err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "table\trows\tparquet MB\t")
		for _, t := range m.Tables {
			fmt.Fprintf(tw, "%s\t%d\t%.1f\t\n", t.Table, t.Rows, float64(t.Bytes)/1e6)
		}
		fmt.Fprintf(tw, "total\t%d\t%.1f\t\n", m.Rows(), float64(m.Bytes())/1e6)
		tw.Flush()
		fmt.Fprintf(stdout, "generated %s rows in %.1f s\n", tpch.Human(float64(m.Rows())), m.Seconds)
	}
	tables, err := tpcds.Tables(f.dir)
	if err != nil {
		return nil, nil, err
	}
	return m, tables, nil
}

func runTPCDS(ctx context.Context, args []string, _ *zap.Logger) error {
	fs := flag.NewFlagSet("tpcds", flag.ExitOnError)
	var tf tpcdsFlags
	tf.register(fs)
	addr := fs.String("addr", "127.0.0.1:47470", "Flight SQL address of the running Quiver to load into")
	partitions := fs.Int("workers-hint", 2, "PARTITIONS of the hash-partitioned tables (the number of workers they are spread for)")
	plain := fs.Bool("plain", false, "create the tables without PARTITION BY, as a client's bulk ingest (adbc_ingest) does")
	noLoad := fs.Bool("no-load", false, "only generate the Parquet files")
	regenerate := fs.Bool("regenerate", false, "generate even when --out already holds this scale factor")
	var ct clientTLSFlags
	ct.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: quiver tpcds --sf X [flags]\n\nGenerates TPC-DS data as Parquet (DuckDB's dsdgen) and loads it into a running Quiver.\n\n")
		fs.PrintDefaults()
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	m, tables, err := ensureTPCDS(ctx, &tf, *regenerate, os.Stdout)
	if err != nil || *noLoad {
		return err
	}
	creds, err := ct.credentials()
	if err != nil {
		return err
	}
	c, err := tpch.Dial(*addr, memory.DefaultAllocator, creds)
	if err != nil {
		return err
	}
	defer c.Close()
	parts := *partitions
	if *plain {
		parts = 0
	}
	return loadData(ctx, c, m, tf.dir, tables, parts, false, os.Stdout)
}
