// Command quiver is Quiver's one binary: `serve` runs a coordinator with
// embedded workers in one process (the default deployment), `coordinator`
// and `worker` run the cluster roles as separate processes.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

const usage = `usage: quiver <command> [flags]

commands:
  serve        coordinator and embedded workers in one process
  coordinator  the coordinator alone; workers join it
  worker       one worker, joining --coordinator
  tpch         generate TPC-H data as Parquet and load it into a running Quiver
  bench        benchmarks: 'bench tpch' (the 22 queries beside DuckDB), 'bench fetch' (do_get throughput)

Run 'quiver <command> -h' for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	log := newLogger()
	defer func() { _ = log.Sync() }()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "serve":
		err = runServe(ctx, args, log)
	case "coordinator":
		err = runCoordinator(ctx, args, log)
	case "worker":
		err = runWorker(ctx, args, log)
	case "tpch":
		err = runTPCH(ctx, args, log)
	case "bench":
		err = runBench(ctx, args, log)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "quiver: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		log.Error("quiver stopped", zap.Error(err))
		_ = log.Sync()
		os.Exit(1)
	}
}

// newLogger logs JSON lines to stderr at info level (QUIVER_LOG_LEVEL=debug
// for more).
func newLogger() *zap.Logger {
	cfg := zap.NewProductionConfig()
	cfg.EncoderConfig.EncodeTime = zapcore.ISO8601TimeEncoder
	cfg.Sampling = nil
	if lvl := os.Getenv("QUIVER_LOG_LEVEL"); lvl != "" {
		if l, err := zapcore.ParseLevel(lvl); err == nil {
			cfg.Level = zap.NewAtomicLevelAt(l)
		}
	}
	log, err := cfg.Build()
	if err != nil {
		panic(err)
	}
	return log
}
