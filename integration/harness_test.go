package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Deadlines for waiting on processes. They bound waits (so a broken server
// fails a test instead of hanging it); nothing asserts how long anything took.
const (
	readyTimeout    = 120 * time.Second // process start until its ready line
	stopGrace       = 20 * time.Second  // SIGTERM until SIGKILL
	killWait        = 10 * time.Second  // SIGKILL until we give up waiting
	logPollInterval = 50 * time.Millisecond
	logTailLines    = 60
)

// Log messages of the CLI contract.
const (
	msgServing      = "serving Flight SQL"
	msgServingHTTP  = "serving HTTP"
	msgWorkerJoined = "worker registered"
	msgTaskFinished = "task finished"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string // temporary directory of a binary we built; removed by TestMain
)

// quiverBin returns the binary under test: $QUIVER_BIN, or ./cmd/quiver built
// once per test process into a temporary directory.
func quiverBin(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		if p := os.Getenv("QUIVER_BIN"); p != "" {
			abs, err := filepath.Abs(p)
			if err != nil {
				binErr = err
				return
			}
			if _, err := os.Stat(abs); err != nil {
				binErr = fmt.Errorf("QUIVER_BIN: %w", err)
				return
			}
			binPath = abs
			return
		}
		root, err := moduleRoot()
		if err != nil {
			binErr = err
			return
		}
		dir, err := os.MkdirTemp("", "quiver-it-bin-")
		if err != nil {
			binErr = err
			return
		}
		binDir = dir
		out := filepath.Join(dir, "quiver")
		cmd := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", out, "./cmd/quiver")
		cmd.Dir = root
		cmd.Env = os.Environ()
		if b, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build ./cmd/quiver: %v\n%s", err, b)
			return
		}
		binPath = out
	})
	if binErr != nil {
		t.Fatalf("quiver binary: %v", binErr)
	}
	return binPath
}

// moduleRoot walks up from the working directory to the directory with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// LogLine is one parsed zap JSON log line. Raw keeps the text.
type LogLine struct {
	Raw    string
	Fields map[string]any // nil when the line is not JSON
}

// Msg returns the zap "msg" field.
func (l LogLine) Msg() string { return l.Str("msg") }

// Str returns a field rendered as a string ("" when absent).
func (l LogLine) Str(key string) string {
	v, ok := l.Fields[key]
	if !ok || v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// Proc is one running quiver process. Its stdout and stderr are split into
// lines, kept in memory for the tests to search and teed to a log file.
// Stop is idempotent and registered in t.Cleanup by startProc.
type Proc struct {
	Name    string
	LogPath string
	Args    []string

	cmd     *exec.Cmd
	logFile *os.File

	mu      sync.Mutex
	lines   []LogLine
	partial [2][]byte // unterminated tail of stdout, stderr

	exited  chan struct{}
	waitErr error
	stopped atomic.Bool
	stopMu  sync.Mutex
}

var procSeq atomic.Int64

// startProc starts `quiver args...` and registers its Stop in t.Cleanup.
// It does not wait for readiness; see WaitLine. A node role without --http
// gets a free HTTP port (HTTPAddr tells which), so that parallel tests do
// not contend for the default one.
func startProc(t testing.TB, name string, args ...string) *Proc {
	t.Helper()
	bin := quiverBin(t)
	if len(args) > 0 && slices.Contains([]string{"serve", "coordinator", "worker"}, args[0]) && !slices.Contains(args, "--http") {
		args = append(args, "--http", "127.0.0.1:0")
	}
	logDir := os.Getenv("QUIVER_IT_LOGDIR")
	if logDir == "" {
		logDir = t.TempDir()
	} else if err := os.MkdirAll(logDir, 0o755); err != nil {
		t.Fatalf("QUIVER_IT_LOGDIR: %v", err)
	}
	safe := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name()+"-"+name, "_")
	logPath := filepath.Join(logDir, fmt.Sprintf("%s-%d.log", safe, procSeq.Add(1)))
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatalf("create log file: %v", err)
	}
	p := &Proc{Name: name, LogPath: logPath, Args: args, logFile: f, exited: make(chan struct{})}
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ()
	cmd.Stdout = streamWriter{p, 0}
	cmd.Stderr = streamWriter{p, 1}
	cmd.SysProcAttr = procAttr()
	cmd.WaitDelay = killWait
	fmt.Fprintf(f, "# %s: %s %s\n", name, bin, strings.Join(args, " "))
	if err := cmd.Start(); err != nil {
		f.Close()
		t.Fatalf("start %s: %v", name, err)
	}
	p.cmd = cmd
	go func() {
		p.waitErr = cmd.Wait()
		p.flushPartial()
		close(p.exited)
	}()
	t.Cleanup(func() {
		p.Stop(t)
		if t.Failed() {
			t.Logf("---- last %d log lines of %s (%s) ----\n%s", logTailLines, p.Name, p.LogPath, p.Tail(logTailLines))
		}
		p.logFile.Close()
	})
	return p
}

// streamWriter receives one of the process's output streams.
type streamWriter struct {
	p      *Proc
	stream int
}

func (w streamWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	buf := append(w.p.partial[w.stream], b...)
	for {
		i := bytes.IndexByte(buf, '\n')
		if i < 0 {
			break
		}
		w.p.addLineLocked(string(buf[:i]))
		buf = buf[i+1:]
	}
	w.p.partial[w.stream] = append([]byte(nil), buf...)
	return len(b), nil
}

func (p *Proc) flushPartial() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range p.partial {
		if len(p.partial[i]) > 0 {
			p.addLineLocked(string(p.partial[i]))
			p.partial[i] = nil
		}
	}
}

func (p *Proc) addLineLocked(s string) {
	s = strings.TrimRight(s, "\r")
	l := LogLine{Raw: s}
	if strings.HasPrefix(strings.TrimSpace(s), "{") {
		var m map[string]any
		if json.Unmarshal([]byte(s), &m) == nil {
			l.Fields = m
		}
	}
	p.lines = append(p.lines, l)
	fmt.Fprintln(p.logFile, s)
}

// Lines returns a snapshot of every line so far.
func (p *Proc) Lines() []LogLine {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]LogLine(nil), p.lines...)
}

// Tail returns the last n lines as text.
func (p *Proc) Tail(n int) string {
	ls := p.Lines()
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Raw)
		b.WriteByte('\n')
	}
	return b.String()
}

// Crash returns how the process died: from the first line of a Go panic,
// a fatal error or a signal report, n lines (the cause and the crashing
// goroutine, which Tail's last lines of a long dump leave out); else Tail.
func (p *Proc) Crash(n int) string {
	ls := p.Lines()
	for i, l := range ls {
		if s := strings.TrimSpace(l.Raw); strings.HasPrefix(s, "panic:") || strings.HasPrefix(s, "fatal error:") ||
			strings.HasPrefix(s, "SIG") || strings.HasPrefix(s, "unexpected signal") {
			var b strings.Builder
			for _, l := range ls[i:min(i+n, len(ls))] {
				b.WriteString(l.Raw)
				b.WriteByte('\n')
			}
			return b.String()
		}
	}
	return p.Tail(n)
}

// Exited reports whether the process has ended.
func (p *Proc) Exited() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// Find returns the lines for which match is true.
func (p *Proc) Find(match func(LogLine) bool) []LogLine {
	var out []LogLine
	for _, l := range p.Lines() {
		if match(l) {
			out = append(out, l)
		}
	}
	return out
}

// WaitLine waits until a line satisfies match and returns it. It fails the
// test when the process exits first or the deadline passes.
func (p *Proc) WaitLine(t testing.TB, what string, timeout time.Duration, match func(LogLine) bool) LogLine {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if ls := p.Find(match); len(ls) > 0 {
			return ls[0]
		}
		if p.Exited() {
			// Lines written just before exit are flushed before exited closes.
			if ls := p.Find(match); len(ls) > 0 {
				return ls[0]
			}
			t.Fatalf("%s exited (%v) before logging %s; last lines:\n%s", p.Name, p.waitErr, what, p.Tail(logTailLines))
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not log %s within %v; last lines:\n%s", p.Name, what, timeout, p.Tail(logTailLines))
		}
		time.Sleep(logPollInterval)
	}
}

// WaitReady waits for the "serving Flight SQL" line and returns its addr.
func (p *Proc) WaitReady(t testing.TB) string {
	t.Helper()
	l := p.WaitLine(t, fmt.Sprintf("%q", msgServing), readyTimeout, func(l LogLine) bool { return l.Msg() == msgServing })
	addr := l.Str("addr")
	if addr == "" {
		t.Fatalf("%s: ready line has no addr field: %s", p.Name, l.Raw)
	}
	return addr
}

// HTTPAddr waits for the "serving HTTP" line and returns its addr: where
// the process serves metrics, health and (a coordinator) the console.
func (p *Proc) HTTPAddr(t testing.TB) string {
	t.Helper()
	l := p.WaitLine(t, fmt.Sprintf("%q", msgServingHTTP), readyTimeout, func(l LogLine) bool { return l.Msg() == msgServingHTTP })
	addr := l.Str("addr")
	if addr == "" {
		t.Fatalf("%s: %q line has no addr field: %s", p.Name, msgServingHTTP, l.Raw)
	}
	return addr
}

// Stop sends SIGTERM, waits up to stopGrace, then SIGKILLs. Idempotent.
func (p *Proc) Stop(t testing.TB) {
	p.stopMu.Lock()
	defer p.stopMu.Unlock()
	if p.stopped.Swap(true) {
		return
	}
	if p.Exited() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		return
	case <-time.After(stopGrace):
	}
	t.Logf("%s did not exit %v after SIGTERM; killing it", p.Name, stopGrace)
	_ = p.cmd.Process.Kill()
	select {
	case <-p.exited:
	case <-time.After(killWait):
		t.Errorf("%s (pid %d) still running %v after SIGKILL", p.Name, p.cmd.Process.Pid, killWait)
	}
}

// Kill sends SIGKILL (a crash, not a shutdown) and waits for the exit.
func (p *Proc) Kill(t testing.TB) {
	t.Helper()
	p.stopMu.Lock()
	defer p.stopMu.Unlock()
	p.stopped.Store(true)
	if p.Exited() {
		return
	}
	_ = p.cmd.Process.Kill()
	select {
	case <-p.exited:
	case <-time.After(killWait):
		t.Fatalf("%s (pid %d) still running %v after SIGKILL", p.Name, p.cmd.Process.Pid, killWait)
	}
}

// Cluster is a running Quiver deployment: either one `serve` process
// (Coordinator, no Workers) or one `coordinator` process with separate
// `worker` processes.
type Cluster struct {
	Addr        string // the coordinator's Flight SQL address, host:port
	DataDir     string
	Coordinator *Proc
	Workers     []*Proc
	WorkerAddrs []string // Flight addresses of Workers, in order
}

// startServe runs `quiver serve --workers n` on a free port over dataDir
// (a fresh t.TempDir() when empty) and waits until it serves.
func startServe(t testing.TB, workers int, dataDir string) *Cluster {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	p := startProc(t, "serve", "serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--workers", fmt.Sprint(workers))
	addr := p.WaitReady(t)
	return &Cluster{Addr: addr, DataDir: dataDir, Coordinator: p}
}

// startCluster runs one `quiver coordinator` and n `quiver worker` processes
// that share one data directory, and waits until every worker registered.
func startCluster(t testing.TB, workers int) *Cluster {
	t.Helper()
	dataDir := t.TempDir()
	co := startProc(t, "coordinator", "coordinator", "--listen", "127.0.0.1:0", "--data-dir", dataDir)
	c := &Cluster{Addr: co.WaitReady(t), DataDir: dataDir, Coordinator: co}
	for i := 0; i < workers; i++ {
		c.addWorker(t)
	}
	return c
}

// addWorker starts one more worker process and waits for its registration.
func (c *Cluster) addWorker(t testing.TB) *Proc {
	t.Helper()
	name := fmt.Sprintf("worker%d", len(c.Workers)+1)
	w := startProc(t, name, "worker", "--coordinator", c.Addr, "--listen", "127.0.0.1:0", "--data-dir", c.DataDir)
	l := w.WaitLine(t, fmt.Sprintf("%q", msgWorkerJoined), readyTimeout, func(l LogLine) bool { return l.Msg() == msgWorkerJoined })
	addr := l.Str("addr")
	if addr == "" {
		t.Fatalf("%s: %q line has no addr field: %s", name, msgWorkerJoined, l.Raw)
	}
	c.Workers = append(c.Workers, w)
	c.WorkerAddrs = append(c.WorkerAddrs, addr)
	return w
}

// Procs returns every process of the cluster.
func (c *Cluster) Procs() []*Proc {
	return append([]*Proc{c.Coordinator}, c.Workers...)
}

// TaskLines returns the "task finished" lines for queryID in every process
// of the cluster.
func (c *Cluster) TaskLines(queryID string) []LogLine {
	var out []LogLine
	for _, p := range c.Procs() {
		out = append(out, p.Find(func(l LogLine) bool {
			return l.Msg() == msgTaskFinished && l.Str("query_id") == queryID
		})...)
	}
	return out
}
