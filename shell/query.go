package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// pollInterval is the pause between two PollFlightInfo calls of a query
// that is not complete yet.
const pollInterval = 200 * time.Millisecond

// cancelTimeout bounds the CancelFlightInfo call of Ctrl-C.
const cancelTimeout = 5 * time.Second

// errCancelled is a statement cancelled by Ctrl-C.
var errCancelled = errors.New("query cancelled")

// runningQuery is the statement that runs now, as far as Ctrl-C and the
// progress line need to know it.
type runningQuery struct {
	start       time.Time
	cancel      context.CancelFunc
	interrupted atomic.Bool

	mu       sync.Mutex
	info     *flight.FlightInfo // what CancelFlightInfo names, once known
	progress *float64           // PollFlightInfo's, while polling
	results  *results           // once streaming
}

func (q *runningQuery) set(info *flight.FlightInfo, progress *float64, res *results) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if info != nil {
		q.info = info
	}
	q.progress, q.results = progress, res
}

// interruptFunc is Ctrl-C for q: the server is told to cancel the query
// (CancelFlightInfo), then every call and stream of it is cancelled.
func (q *runningQuery) interruptFunc(s *Shell) func() {
	return func() {
		q.interrupted.Store(true)
		q.mu.Lock()
		info := q.info
		q.mu.Unlock()
		if info != nil {
			ctx, cancel := context.WithTimeout(context.Background(), cancelTimeout)
			// A server without CancelFlightInfo still sees its streams end.
			_, _ = s.conn.sql.CancelFlightInfo(s.conn.withAuth(ctx), &flight.CancelFlightInfoRequest{Info: info})
			cancel()
		}
		q.cancel()
	}
}

// failure is the error a statement ends with: errCancelled (with the time
// it ran) when Ctrl-C ended it.
func (q *runningQuery) failure(err error) error {
	if q.interrupted.Load() {
		return fmt.Errorf("%w after %s", errCancelled, seconds(time.Since(q.start)))
	}
	return err
}

// progressText is the live progress line: the time so far, then the
// server's progress while it is polled, the rows received while streaming.
func (q *runningQuery) progressText() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	text := fmt.Sprintf("running %.1f s", time.Since(q.start).Seconds())
	switch {
	case q.results != nil:
		n := q.results.Rows()
		text += fmt.Sprintf(", %d %s received", n, plural(n, "row"))
	case q.progress != nil:
		text += fmt.Sprintf(", %.0f%% done", 100**q.progress)
	}
	return text + " (Ctrl-C cancels)"
}

// query runs a statement that returns a result set: start obtains its
// FlightInfo, then every endpoint is fetched and the result written in the
// shell's format, followed by its row count and time.
func (s *Shell) query(ctx context.Context, start func(context.Context, *runningQuery) (*flight.FlightInfo, error)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := &runningQuery{start: time.Now(), cancel: cancel}
	defer s.onInterrupt(s.onInterrupt(q.interruptFunc(s)))
	stopProgress := s.showProgress(q)
	rows, err := s.fetch(ctx, q, start, stopProgress)
	stopProgress()
	if err != nil {
		return q.failure(err)
	}
	s.status("%d %s (%s)", rows, plural(rows, "row"), seconds(time.Since(q.start)))
	return nil
}

// fetch obtains the FlightInfo, reads every endpoint and writes the
// result; it returns the row count. It calls stopProgress before the
// result is printed at the end (a table), so that the two do not mix.
func (s *Shell) fetch(ctx context.Context, q *runningQuery, start func(context.Context, *runningQuery) (*flight.FlightInfo, error), stopProgress func()) (int64, error) {
	info, err := start(s.conn.withAuth(ctx), q)
	if err != nil {
		return 0, err
	}
	q.set(info, nil, nil)
	res, err := s.conn.openResults(ctx, info, s.cfg.Allocator)
	if err != nil {
		return 0, err
	}
	defer res.Close()
	q.set(nil, nil, res)
	out := newResultWriter(s.cfg.Format, s.cfg.Out, s.width(), s.cfg.Allocator)
	if err := out.begin(res.schema); err != nil {
		return 0, err
	}
	var rows int64
	for {
		rec, err := res.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, err
		}
		rows += rec.NumRows()
		err = out.write(rec)
		rec.Release()
		if err != nil {
			return rows, err
		}
	}
	stopProgress()
	return rows, out.end()
}

// flightInfo starts a query: through PollFlightInfo, polled until the
// query is complete, while the server answers it; else GetFlightInfo.
func (s *Shell) flightInfo(ctx context.Context, q *runningQuery, stmt string) (*flight.FlightInfo, error) {
	if !s.pollUnsupported.Load() {
		info, err := s.pollQuery(ctx, q, stmt)
		if status.Code(err) != codes.Unimplemented {
			return info, err
		}
		// The server may lack PollFlightInfo, or the statement something
		// the server lacks: only a GetFlightInfo that works says which.
		info, err = s.conn.sql.Execute(ctx, stmt)
		if err == nil {
			s.pollUnsupported.Store(true)
		}
		return info, err
	}
	return s.conn.sql.Execute(ctx, stmt)
}

// pollQuery calls PollFlightInfo until the answer has no descriptor to
// retry with (the query is complete), keeping q's FlightInfo and progress
// current.
func (s *Shell) pollQuery(ctx context.Context, q *runningQuery, stmt string) (*flight.FlightInfo, error) {
	var retry *flight.FlightDescriptor
	for {
		pi, err := s.conn.sql.ExecutePoll(ctx, stmt, retry)
		if err != nil {
			return nil, err
		}
		q.set(pi.GetInfo(), pi.Progress, nil)
		if pi.GetFlightDescriptor() == nil {
			if pi.GetInfo() == nil {
				return nil, errors.New("PollFlightInfo: a complete query without a FlightInfo")
			}
			return pi.GetInfo(), nil
		}
		retry = pi.GetFlightDescriptor()
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// Progress line timing: it appears once a query has run progressDelay and
// is redrawn every progressEvery.
const (
	progressDelay = 300 * time.Millisecond
	progressEvery = 100 * time.Millisecond
)

// showProgress draws q's progress line on the error stream until the
// returned stop, which erases it (and may be called again).
func (s *Shell) showProgress(q *runningQuery) (stop func()) {
	if !s.cfg.Progress {
		return func() {}
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		shown := false
		defer func() {
			if shown {
				fmt.Fprint(s.cfg.Err, "\r\x1b[K")
			}
		}()
		select {
		case <-done:
			return
		case <-time.After(progressDelay):
		}
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			fmt.Fprintf(s.cfg.Err, "\r\x1b[K%s", q.progressText())
			shown = true
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-stopped
		})
	}
}
