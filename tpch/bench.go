package tpch

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Status of one query in a benchmark or a check.
const (
	StatusOK       = "ok"       // ran on both sides, answers equal
	StatusMismatch = "mismatch" // ran on both sides, answers differ
	StatusFailed   = "failed"   // Quiver returned an error
	StatusOracle   = "oracle-failed"
)

// QueryResult is one query's outcome: the check of the first run's answer
// and the times of every run, in milliseconds.
type QueryResult struct {
	Query        int       `json:"query"`
	Status       string    `json:"status"`
	Error        string    `json:"error,omitempty"`
	Diff         string    `json:"diff,omitempty"`
	Rows         int       `json:"rows"`
	QuiverMS     float64   `json:"quiver_ms,omitempty"` // median
	DuckDBMS     float64   `json:"duckdb_ms,omitempty"` // median
	Ratio        float64   `json:"ratio,omitempty"`     // QuiverMS / DuckDBMS
	QuiverRunsMS []float64 `json:"quiver_runs_ms,omitempty"`
	DuckDBRunsMS []float64 `json:"duckdb_runs_ms,omitempty"`
}

// RunOptions bound how long RunQuery spends on one query.
type RunOptions struct {
	Runs int // runs on each side (at least 1)
	// Timeout bounds each Quiver run (0: none); a run past it fails the
	// query with a timeout error.
	Timeout time.Duration
	// Budget stops repeating a query on Quiver once its runs together took
	// this long (0: no budget): the median is then over fewer runs.
	Budget time.Duration
}

// RunQuery runs q on Quiver (through c) and on DuckDB, compares the first
// answers, and reports the median times. A Quiver error ends Quiver's runs
// and is reported as StatusFailed with its message.
func RunQuery(ctx context.Context, c *Client, d *DuckDB, q Query, opts RunOptions) QueryResult {
	runs := max(opts.Runs, 1)
	r := QueryResult{Query: q.N}
	var want *Result
	for i := 0; i < runs; i++ {
		res, el, err := d.Query(ctx, q.OracleSQL())
		if err != nil {
			r.Status, r.Error = StatusOracle, "duckdb: "+err.Error()
			return r
		}
		if i == 0 {
			want = res
		}
		r.DuckDBRunsMS = append(r.DuckDBRunsMS, ms(el))
	}
	r.DuckDBMS = median(r.DuckDBRunsMS)
	r.Rows = len(want.Rows)
	var spent time.Duration
	for i := 0; i < runs && (opts.Budget <= 0 || spent < opts.Budget); i++ {
		qctx, cancel := ctx, context.CancelFunc(func() {})
		if opts.Timeout > 0 {
			qctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		}
		f, err := c.Query(qctx, q.SQL)
		timedOut := qctx.Err() != nil && ctx.Err() == nil
		cancel()
		if err != nil {
			r.Status, r.Error = StatusFailed, oneLine(err.Error())
			if timedOut {
				r.Error = fmt.Sprintf("timed out after %v: %s", opts.Timeout, r.Error)
			}
			r.QuiverRunsMS = nil
			return r
		}
		spent += f.Elapsed
		r.QuiverRunsMS = append(r.QuiverRunsMS, ms(f.Elapsed))
		if i == 0 {
			if diff := DiffTop(f.Result(), want, q.OrderKeys, q.Limit); diff != "" {
				r.Status, r.Diff = StatusMismatch, diff
			}
		}
		f.Release()
	}
	r.QuiverMS = median(r.QuiverRunsMS)
	if r.DuckDBMS > 0 {
		r.Ratio = r.QuiverMS / r.DuckDBMS
	}
	if r.Status == "" {
		r.Status = StatusOK
	}
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Machine describes where a benchmark ran.
type Machine struct {
	CPU    string `json:"cpu"`
	Cores  int    `json:"cores"`
	OS     string `json:"os"`
	Arch   string `json:"arch"`
	Memory string `json:"memory,omitempty"`
}

// ThisMachine describes the machine the process runs on.
func ThisMachine() Machine {
	m := Machine{Cores: runtime.NumCPU(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				var kb int64
				fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "MemTotal:")), "%d", &kb)
				m.Memory = fmt.Sprintf("%.0f GiB", float64(kb)/(1<<20))
			}
		}
	}
	return m
}

// Report is the outcome of `quiver bench tpch` (and `bench tpcds`).
type Report struct {
	Suite         string        `json:"suite,omitempty"` // "": TPC-H
	SF            float64       `json:"sf"`
	Load          string        `json:"load,omitempty"` // bucketed or plain
	Workers       int           `json:"workers"`
	DuckDBThreads int           `json:"duckdb_threads"`
	Runs          int           `json:"runs"`
	Machine       Machine       `json:"machine"`
	Started       time.Time     `json:"started"`
	Queries       []QueryResult `json:"queries"`
	// GeoMean is the geometric mean of the ratios of the queries that ran
	// on both sides with equal answers; Counted says how many those were.
	GeoMean float64 `json:"geomean_ratio"`
	Counted int     `json:"geomean_queries"`
	Passed  int     `json:"passed"`
}

func (r *Report) suite() string {
	if r.Suite == "" {
		return "TPC-H"
	}
	return r.Suite
}

// Summarise computes GeoMean, Counted and Passed.
func (r *Report) Summarise() {
	sum, n, passed := 0.0, 0, 0
	for _, q := range r.Queries {
		if q.Status != StatusOK {
			continue
		}
		passed++
		if q.Ratio > 0 {
			sum += math.Log(q.Ratio)
			n++
		}
	}
	r.Passed, r.Counted = passed, n
	if n > 0 {
		r.GeoMean = math.Exp(sum / float64(n))
	}
}

// WriteText prints the per-query table and the geometric mean.
func (r *Report) WriteText(w io.Writer) {
	load := ""
	if r.Load != "" {
		load = ", " + r.Load + " tables"
	}
	fmt.Fprintf(w, "%s SF %v%s: Quiver with %d workers vs DuckDB with %d threads, median of %d runs (%s, %d cores)\n",
		r.suite(), r.SF, load, r.Workers, r.DuckDBThreads, r.Runs, r.Machine.CPU, r.Machine.Cores)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "query\tquiver ms\tduckdb ms\tratio\trows\tcheck")
	for _, q := range r.Queries {
		switch q.Status {
		case StatusOK:
			fmt.Fprintf(tw, "Q%d\t%.1f\t%.1f\t%.2f\t%d\tok\n", q.Query, q.QuiverMS, q.DuckDBMS, q.Ratio, q.Rows)
		case StatusMismatch:
			fmt.Fprintf(tw, "Q%d\t%.1f\t%.1f\t%.2f\t%d\tMISMATCH\n", q.Query, q.QuiverMS, q.DuckDBMS, q.Ratio, q.Rows)
		default:
			fmt.Fprintf(tw, "Q%d\t-\t%.1f\t-\t%d\t%s: %s\n", q.Query, q.DuckDBMS, q.Rows, strings.ToUpper(q.Status), abbrev(q.Error, 100))
		}
	}
	tw.Flush()
	for _, q := range r.Queries {
		if q.Status == StatusMismatch {
			fmt.Fprintf(w, "\nQ%d answers differ:\n%s", q.Query, q.Diff)
		}
	}
	fmt.Fprintf(w, "\n%d of %d queries pass; geometric mean of ratios over them: %.2f\n", r.Passed, len(r.Queries), r.GeoMean)
}

func abbrev(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// WriteSVG draws the report as a bar chart: per query a Quiver and a DuckDB
// bar (milliseconds, on a log scale so that short and long queries both
// read), the ratio beside them, and failures marked.
func (r *Report) WriteSVG(w io.Writer) error {
	const (
		left, right, top, rowH, barH = 60.0, 150.0, 70.0, 34.0, 12.0
		plotW                        = 620.0
	)
	maxMS, minMS := 1.0, math.MaxFloat64
	for _, q := range r.Queries {
		for _, v := range []float64{q.QuiverMS, q.DuckDBMS} {
			if v > 0 {
				maxMS, minMS = math.Max(maxMS, v), math.Min(minMS, v)
			}
		}
	}
	if minMS == math.MaxFloat64 {
		minMS = 1
	}
	lo := math.Floor(math.Log10(math.Max(minMS, 0.1)))
	hi := math.Ceil(math.Log10(maxMS))
	if hi <= lo {
		hi = lo + 1
	}
	x := func(v float64) float64 {
		if v <= 0 {
			return left
		}
		return left + plotW*(math.Log10(v)-lo)/(hi-lo)
	}
	width := left + plotW + right
	height := top + rowH*float64(len(r.Queries)) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="22" font-size="15" font-weight="bold">%s SF %v: Quiver (%d workers) vs DuckDB (%d threads), median ms of %d runs</text>`+"\n",
		left, r.suite(), r.SF, r.Workers, r.DuckDBThreads, r.Runs)
	fmt.Fprintf(&b, `<text x="%.0f" y="40" fill="#555">%s, %d cores. Geometric mean ratio %.2f over %d passing queries. Log scale.</text>`+"\n",
		left, XMLEscape(r.Machine.CPU), r.Machine.Cores, r.GeoMean, r.Counted)
	fmt.Fprintf(&b, `<rect x="%.0f" y="50" width="10" height="10" fill="#3b6fb6"/><text x="%.0f" y="59">Quiver</text>`, left, left+14)
	fmt.Fprintf(&b, `<rect x="%.0f" y="50" width="10" height="10" fill="#e08a2c"/><text x="%.0f" y="59">DuckDB</text>`+"\n", left+70, left+84)
	for e := lo; e <= hi; e++ {
		gx := x(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#ddd"/>`, gx, top-4, gx, height-30)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" fill="#555">%s ms</text>`+"\n", gx, height-14, Human(math.Pow(10, e)))
	}
	for i, q := range r.Queries {
		y := top + rowH*float64(i)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">Q%d</text>`, left-8, y+barH+4, q.Query)
		if q.QuiverMS > 0 {
			fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="%.0f" fill="#3b6fb6"><title>Quiver %.1f ms</title></rect>`,
				left, y, math.Max(x(q.QuiverMS)-left, 1), barH, q.QuiverMS)
		}
		if q.DuckDBMS > 0 {
			fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="%.0f" fill="#e08a2c"><title>DuckDB %.1f ms</title></rect>`,
				left, y+barH+1, math.Max(x(q.DuckDBMS)-left, 1), barH, q.DuckDBMS)
		}
		switch q.Status {
		case StatusOK:
			fmt.Fprintf(&b, `<text x="%.0f" y="%.1f">%.2fx</text>`+"\n", left+plotW+8, y+barH+4, q.Ratio)
		case StatusMismatch:
			fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" fill="#c00">%.2fx, wrong answer</text>`+"\n", left+plotW+8, y+barH+4, q.Ratio)
		default:
			fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" fill="#c00">Quiver failed: %s</text>`+"\n", left+4, y+barH-2, XMLEscape(abbrev(q.Error, 90)))
		}
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// XMLEscape escapes s for SVG text and attributes.
func XMLEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
