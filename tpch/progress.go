package tpch

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Bar is a progress bar on a terminal: a bar, a percentage, counts, rate
// and time left, redrawn at most ten times a second. On a writer that is
// not a terminal it prints a line every ten seconds instead. Safe for
// concurrent use.
type Bar struct {
	w     io.Writer
	tty   bool
	unit  string
	total int64

	mu    sync.Mutex
	label string
	cur   int64
	start time.Time
	drawn time.Time
	done  bool
}

// NewBar starts a bar counting to total (an estimate: the bar stops at
// 100%) in unit.
func NewBar(w io.Writer, total int64, unit string) *Bar {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &Bar{w: w, tty: tty, unit: unit, total: max(total, 1), start: time.Now()}
}

// SetLabel names what is in progress.
func (b *Bar) SetLabel(s string) {
	b.mu.Lock()
	b.label = s
	b.mu.Unlock()
}

// Add counts n more and redraws when due.
func (b *Bar) Add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cur += n
	now := time.Now()
	every := 100 * time.Millisecond
	if !b.tty {
		every = 10 * time.Second
	}
	if now.Sub(b.drawn) >= every {
		b.drawn = now
		b.draw(now)
	}
}

// Finish draws the final state and ends the line. Idempotent.
func (b *Bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return
	}
	b.done = true
	b.draw(time.Now())
	if b.tty {
		fmt.Fprintln(b.w)
	}
}

func (b *Bar) draw(now time.Time) {
	const width = 30
	frac := min(float64(b.cur)/float64(b.total), 1)
	fill := int(frac * width)
	el := now.Sub(b.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(b.cur) / el
	}
	eta := "-"
	if rate > 0 && b.cur < b.total {
		eta = time.Duration(float64(b.total-b.cur) / rate * float64(time.Second)).Round(time.Second).String()
	}
	line := fmt.Sprintf("[%s%s] %3.0f%% %-10s %s/%s %s  %s/s  eta %s",
		strings.Repeat("=", fill), strings.Repeat(" ", width-fill), frac*100, b.label,
		Human(float64(b.cur)), Human(float64(b.total)), b.unit, Human(rate), eta)
	if b.tty {
		fmt.Fprintf(b.w, "\r%s\x1b[K", line)
	} else {
		fmt.Fprintln(b.w, line)
	}
}

// Human renders a count with a k, M or G suffix.
func Human(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.2fG", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
