package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/chzyer/readline"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Prompts of the interactive shell.
const (
	prompt         = "quiver> "
	continuePrompt = "     -> "
)

// ErrStatementFailed is what RunScript returns when a statement failed; the
// statement's error was printed already.
var ErrStatementFailed = errors.New("a statement failed")

// Config is a shell's configuration.
type Config struct {
	Conn      ConnOptions
	Format    Format
	Out       io.Writer        // result sets
	Err       io.Writer        // errors, counts and timings of non-table formats, the progress line
	Width     func() int       // the terminal's width, to fold tables to (nil or 0: no folding)
	Progress  bool             // show a live progress line on Err while a query runs (table format only: the others stream)
	History   string           // file of the interactive shell's history ("" for none)
	Allocator memory.Allocator // allocates every batch received (required)
}

// Shell runs statements against one Flight SQL server. It is not safe for
// concurrent use: one statement runs at a time.
type Shell struct {
	cfg  Config
	conn *Conn
	// pollUnsupported: the server answered PollFlightInfo with UNIMPLEMENTED
	// (and GetFlightInfo worked), so queries start with GetFlightInfo.
	pollUnsupported atomic.Bool

	mu        sync.Mutex
	interrupt func() // what Ctrl-C does now: cancel the running query, or nothing
}

// New connects a shell to the server of cfg.Conn.
func New(ctx context.Context, cfg Config) (*Shell, error) {
	if cfg.Allocator == nil {
		return nil, errors.New("shell: no allocator")
	}
	if cfg.Format == "" {
		cfg.Format = FormatTable
	}
	cfg.Progress = cfg.Progress && cfg.Format == FormatTable
	conn, err := Dial(ctx, cfg.Conn, cfg.Allocator)
	if err != nil {
		return nil, err
	}
	return &Shell{cfg: cfg, conn: conn}, nil
}

// Close closes the shell's connections.
func (s *Shell) Close() error { return s.conn.Close() }

// onInterrupt sets what the next Ctrl-C does (nil: nothing) and returns
// what it did before.
func (s *Shell) onInterrupt(f func()) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.interrupt
	s.interrupt = f
	return prev
}

// interruptRunning is Ctrl-C: it cancels the running statement, if any.
func (s *Shell) interruptRunning() {
	s.mu.Lock()
	f := s.interrupt
	s.mu.Unlock()
	if f != nil {
		f()
	}
}

// catchInterrupts routes Ctrl-C (SIGINT) to the shell's interrupt function
// until the returned stop is called.
func (s *Shell) catchInterrupts() (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sigs:
				s.interruptRunning()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// RunScript runs the statements of r (a file, the text of -e, piped
// standard input) without prompts, a last statement without its semicolon
// included. It stops at the first statement that fails, after printing its
// error, and returns ErrStatementFailed. Ctrl-C cancels the running
// statement, which stops the script.
func (s *Shell) RunScript(ctx context.Context, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer s.catchInterrupts()()
	s.onInterrupt(cancel)
	in := newInput(s)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if line != "" || err == nil {
			quit, ferr := in.feed(ctx, strings.TrimSuffix(line, "\n"))
			if ferr != nil {
				return ErrStatementFailed
			}
			if quit {
				return nil
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read statements: %w", err)
		}
	}
	if err := in.finish(ctx); err != nil {
		return ErrStatementFailed
	}
	return nil
}

// Interactive reads statements from the terminal with line editing and
// history until Ctrl-D or \q. A statement ends with a semicolon and may
// span lines; Ctrl-C while typing discards the statement, Ctrl-C while
// one runs cancels it; errors are printed and the shell goes on.
func (s *Shell) Interactive(ctx context.Context) error {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 prompt,
		HistoryFile:            s.cfg.History,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
	})
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	defer rl.Close()
	defer s.catchInterrupts()()
	fmt.Fprintf(s.cfg.Err, "Connected to %s. Statements end with ';'. \\? for help, \\q or Ctrl-D to quit.\n", s.cfg.Conn.Addr)
	in := newInput(s)
	var entry []string // the lines of the statement being typed, for the history
	for {
		if in.pending() {
			rl.SetPrompt(continuePrompt)
		} else {
			rl.SetPrompt(prompt)
		}
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			in.reset()
			entry = nil
			continue
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("terminal: %w", err)
		}
		if strings.TrimSpace(line) != "" {
			entry = append(entry, strings.TrimSpace(line))
		}
		quit, _ := in.feed(ctx, line)
		if !in.pending() && len(entry) > 0 {
			_ = rl.SaveHistory(strings.Join(entry, " "))
			entry = nil
		}
		if quit {
			return nil
		}
	}
}

// input gathers lines into statements and runs each as it completes.
type input struct {
	s    *Shell
	text string // the unterminated statement so far
}

func newInput(s *Shell) *input { return &input{s: s} }

func (in *input) pending() bool { return hasContent(in.text) }

func (in *input) reset() { in.text = "" }

// feed adds one line. A line that starts with a backslash outside a
// statement is a shortcut (\d, \q, ...). It returns whether the shell
// should quit and the first error of the statements it ran (printed).
func (in *input) feed(ctx context.Context, line string) (quit bool, err error) {
	if !in.pending() && strings.HasPrefix(strings.TrimSpace(line), `\`) {
		in.text = ""
		return in.s.shortcut(ctx, strings.TrimSpace(line))
	}
	in.text += line + "\n"
	stmts, rest := splitStatements(in.text)
	in.text = rest
	for _, stmt := range stmts {
		if err := in.s.Exec(ctx, stmt); err != nil {
			return false, err
		}
	}
	return false, nil
}

// finish runs what is left at the end of the input: a last statement
// without its semicolon.
func (in *input) finish(ctx context.Context) error {
	defer in.reset()
	if !in.pending() {
		return nil
	}
	return in.s.Exec(ctx, strings.TrimSpace(in.text))
}

// Exec runs one statement, printing its result or its error (and returning
// the error): DDL and DML by ExecuteUpdate, everything else as a query.
func (s *Shell) Exec(ctx context.Context, stmt string) error {
	var err error
	if isUpdate(stmt) {
		err = s.update(ctx, stmt)
	} else {
		err = s.query(ctx, func(ctx context.Context, q *runningQuery) (*flight.FlightInfo, error) {
			return s.flightInfo(ctx, q, stmt)
		})
	}
	if err != nil {
		s.printError(err)
	}
	return err
}

// update runs DDL or DML and prints the count of affected rows.
func (s *Shell) update(ctx context.Context, stmt string) error {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := &runningQuery{start: start, cancel: cancel}
	defer s.onInterrupt(s.onInterrupt(q.interruptFunc(s)))
	n, err := s.conn.sql.ExecuteUpdate(s.conn.withAuth(ctx), stmt)
	if err != nil {
		return q.failure(err)
	}
	if n >= 0 {
		s.status("OK, %d %s affected (%s)", n, plural(n, "row"), seconds(time.Since(start)))
	} else {
		s.status("OK (%s)", seconds(time.Since(start)))
	}
	return nil
}

// status prints a statement's count and timing: beside the table in table
// format, else on the error stream so that the output stays data.
func (s *Shell) status(format string, args ...any) {
	w := s.cfg.Err
	if s.cfg.Format == FormatTable {
		w = s.cfg.Out
	}
	fmt.Fprintf(w, format+"\n", args...)
}

// printError prints a statement's error, with its gRPC code when it has
// one.
func (s *Shell) printError(err error) {
	st, ok := status.FromError(err)
	if !ok || st.Code() == codes.Unknown {
		fmt.Fprintf(s.cfg.Err, "ERROR: %v\n", err)
		return
	}
	msg := strings.Replace(err.Error(), "rpc error: code = "+st.Code().String()+" desc = ", "", 1)
	fmt.Fprintf(s.cfg.Err, "ERROR (%s): %s\n", st.Code(), msg)
}

func plural(n int64, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func (s *Shell) width() int {
	if s.cfg.Width == nil {
		return 0
	}
	return max(0, s.cfg.Width())
}
