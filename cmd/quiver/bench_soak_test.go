package main

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestParseMix(t *testing.T) {
	w, err := parseMix("small:6, aggregate:0,ingest:2")
	if err != nil || w["small"] != 6 || w["aggregate"] != 0 || w["ingest"] != 2 {
		t.Errorf("parseMix = %v, %v", w, err)
	}
	for _, bad := range []string{"small", "small:x", "huge:1", "small:-1"} {
		if _, err := parseMix(bad); err == nil {
			t.Errorf("parseMix(%q) accepted", bad)
		}
	}
}

// TestSoakMemory: the summary of each process takes the last sample before
// the load, the peak, the last one of the load and the last one after it;
// the chart is well-formed SVG.
func TestSoakMemory(t *testing.T) {
	p := func(rss, g float64) []soakProcSample {
		return []soakProcSample{{Name: "coordinator", RSS: rss, Anon: rss / 2, Goroutines: g}}
	}
	samples := []soakSample{
		{At: -5, Procs: p(90e6, 40)}, {At: 0, Procs: p(100e6, 44)}, {At: 5, Procs: p(300e6, 900)},
		{At: 10, Procs: p(250e6, 700)}, {At: 15, Procs: p(120e6, 50)}, {At: 20, Procs: p(110e6, 45)},
	}
	m := summarizeMemory(samples, 10)
	if len(m) != 1 {
		t.Fatalf("%d processes, want 1", len(m))
	}
	got := m[0]
	if got.RSSBefore != 100e6 || got.RSSPeak != 300e6 || got.RSSEnd != 250e6 || got.RSSAfter != 110e6 ||
		got.AnonBefore != 50e6 || got.AnonAfter != 55e6 || got.GoroutinesBefore != 44 || got.GoroutinesPeak != 900 ||
		got.GoroutinesEnd != 700 || got.GoroutinesAfter != 45 {
		t.Errorf("summary = %+v", got)
	}
	rep := &soakReport{Clients: 2, Seconds: 10, Mix: "small:1", Samples: samples, Memory: m}
	d := xml.NewDecoder(strings.NewReader(rep.svg()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("svg: %v", err)
		}
	}
}
