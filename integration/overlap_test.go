package integration

import (
	"strings"
	"testing"
	"time"
)

// TestExchangeOverlap: the stages of a shuffle run as a pipeline, and
// EXPLAIN ANALYZE shows it. Each worker's exchange buffers may hold 64 KiB
// of the query and may not spill, while the shuffle moves megabytes: a
// producer can end only after its consumers have read most of its output,
// so every consumer task starts before every producer task ends. An engine
// that ran a stage only once the stages it reads had finished would show
// the opposite (or never end).
func TestExchangeOverlap(t *testing.T) {
	t.Parallel()
	cl := startClusterArgs(t, 2, nil, []string{"--query-memory", "65536", "--spill-limit", "-1"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 200_000, 2)

	res := c.MustQuery("EXPLAIN ANALYZE SELECT a, count(*) FROM big GROUP BY a")
	var lines []string
	for _, r := range res.rows {
		lines = append(lines, strings.TrimSuffix(strings.TrimPrefix(r[0].text, "'"), "'"))
	}
	text := strings.Join(lines, "\n")
	type span struct{ start, end time.Duration }
	spans := map[string][]span{} // by stage
	for _, l := range lines {
		m := taskLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if m[6] == "" {
			t.Fatalf("task line %q has no start and end:\n%s", l, text)
		}
		start, err1 := time.ParseDuration(m[7])
		end, err2 := time.ParseDuration(m[8])
		if err1 != nil || err2 != nil || end < start {
			t.Fatalf("task line %q: start %q end %q:\n%s", l, m[7], m[8], text)
		}
		spans[m[1]] = append(spans[m[1]], span{start, end})
	}
	// Stage 1 scans and aggregates partially, shuffling on a; stage 0
	// aggregates finally.
	if len(spans["0"]) == 0 || len(spans["1"]) != 2 {
		t.Fatalf("want stage 0 reading a shuffle of stage 1's 2 tasks:\n%s", text)
	}
	for _, c := range spans["0"] {
		for _, p := range spans["1"] {
			if c.start >= p.end {
				t.Errorf("a consumer started at +%s, after a producer ended at +%s:\n%s", c.start, p.end, text)
			}
		}
	}
}
