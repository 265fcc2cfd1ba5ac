package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/chzyer/readline"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/shell"
)

// errShellFailed: a statement failed and the shell printed its error.
var errShellFailed = shell.ErrStatementFailed

// runSQL is `quiver sql`: the interactive shell, or the statements of -e,
// -f or standard input when it is not a terminal. The shell logs nothing
// (log is unused): what it has to say is for its user.
func runSQL(ctx context.Context, args []string, _ *zap.Logger) error {
	fs := flag.NewFlagSet("sql", flag.ExitOnError)
	var conn shell.ConnOptions
	fs.StringVar(&conn.Addr, "addr", "127.0.0.1:47470", "Flight SQL address of the server")
	fs.StringVar(&conn.User, "user", "", "user name for the Basic auth handshake (none when empty)")
	fs.StringVar(&conn.Password, "password", os.Getenv("QUIVER_PASSWORD"), "password of --user (default: $QUIVER_PASSWORD)")
	fs.BoolVar(&conn.TLS, "tls", false, "connect with TLS")
	fs.StringVar(&conn.TLSCA, "tls-ca", "", "PEM file of the CA of the server's certificate (default: the system's roots)")
	fs.IntVar(&conn.MaxMessageBytes, "max-message-bytes", 256<<20, "largest gRPC message accepted or sent")
	statements := fs.String("e", "", "run these statements and exit")
	file := fs.String("f", "", "run the statements of this file and exit")
	format := fs.String("format", string(shell.FormatTable), "result format: table, csv, json (one object per line) or arrow (an Arrow IPC stream per result)")
	history := fs.String("history", defaultHistory(), "history file of the interactive shell (empty: none)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	f, err := shell.ParseFormat(*format)
	if err != nil {
		return err
	}
	if *statements != "" && *file != "" {
		return errors.New("-e and -f: give one of them")
	}
	stdinTerminal := readline.IsTerminal(int(os.Stdin.Fd()))
	stdoutTerminal := readline.IsTerminal(int(os.Stdout.Fd()))
	if f == shell.FormatArrow && stdoutTerminal {
		return errors.New("--format arrow writes a binary stream: redirect standard output to a file or a pipe")
	}
	interactive := *statements == "" && *file == "" && stdinTerminal
	cfg := shell.Config{
		Conn:      conn,
		Format:    f,
		Out:       os.Stdout,
		Err:       os.Stderr,
		Progress:  f == shell.FormatTable && readline.IsTerminal(int(os.Stderr.Fd())),
		History:   *history,
		Allocator: memory.DefaultAllocator,
	}
	if stdoutTerminal {
		cfg.Width = func() int {
			w, _, err := readline.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		}
	}
	sh, err := shell.New(ctx, cfg)
	if err != nil {
		return err
	}
	defer sh.Close()
	switch {
	case *statements != "":
		return sh.RunScript(ctx, strings.NewReader(*statements))
	case *file != "":
		in, err := os.Open(*file)
		if err != nil {
			return err
		}
		defer in.Close()
		return sh.RunScript(ctx, in)
	case interactive:
		return sh.Interactive(ctx)
	default:
		return sh.RunScript(ctx, os.Stdin)
	}
}

// defaultHistory is ~/.quiver_history (none without a home directory).
func defaultHistory() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".quiver_history")
}
