// Command quiver is Quiver's one binary: `serve` runs a coordinator with
// embedded workers in one process (the default deployment), `coordinator`
// and `worker` run the cluster roles as separate processes, `sql` is the
// interactive shell. Every command reads a configuration file (--config)
// whose keys are its flags' names.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
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
  tpcds        generate TPC-DS data as Parquet and load it into a running Quiver
  bench        benchmarks: 'bench tpch' (the 22 queries beside DuckDB), 'bench tpcds' (the 99), 'bench fetch' (do_get throughput)
  sql          interactive SQL shell over Flight SQL (-e SQL, -f FILE, or statements on stdin)
  config       print the effective configuration of a command: 'quiver config [command] [--config F] [flags]'

Run 'quiver <command> -h' for a command's flags. Every command takes
--config FILE (default $QUIVER_CONFIG): TOML whose keys are its flag names;
flags on the command line win over the file.
`

// command runs one subcommand with its arguments.
type command func(ctx context.Context, args []string, log *zap.Logger) error

// commands are the subcommands by name ('config' aside, which runs one of
// them to print its configuration).
var commands = map[string]command{
	"serve":       runServe,
	"coordinator": runCoordinator,
	"worker":      runWorker,
	"tpch":        runTPCH,
	"tpcds":       runTPCDS,
	"bench":       runBench,
	"sql":         runSQL,
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	name, args := os.Args[1], os.Args[2:]
	switch name {
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	case "config":
		printConfigTo = os.Stdout
		name, args = configCommand(args)
	}
	run, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "quiver: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	if name == "sql" || printConfigTo != nil {
		// Neither serves: their errors are for the user, not a log, and the
		// shell's Ctrl-C cancels its running query rather than the process.
		if err := run(context.Background(), args, zap.NewNop()); err != nil && !errors.Is(err, errConfigPrinted) {
			if !errors.Is(err, errShellFailed) {
				fmt.Fprintf(os.Stderr, "quiver %s: %v\n", os.Args[1], err)
			}
			os.Exit(1)
		}
		return
	}
	log := newLogger()
	defer func() { _ = log.Sync() }()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, args, log); err != nil && !errors.Is(err, errConfigPrinted) {
		log.Error("quiver stopped", zap.Error(err))
		_ = log.Sync()
		os.Exit(1)
	}
}

// configCommand is the command 'quiver config' prints the configuration
// of: its first argument unless that is a flag, else serve.
func configCommand(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "serve", args
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
