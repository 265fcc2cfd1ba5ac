package main

import (
	"strings"
	"testing"
	"time"
)

func TestCell(t *testing.T) {
	for _, tc := range []struct {
		c    cell
		want string
	}{
		{cell{}, ""},
		{cell{pass: 3}, "pass (3)"},
		{cell{pass: 2, unsupported: 1}, "partial (2 of 3 pass)"},
		{cell{unsupported: 2}, "unsupported (2)"},
		{cell{pass: 1, fail: 1, unsupported: 1}, "**fail** (1 of 3)"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestParseRejectsUnknownNames(t *testing.T) {
	for _, line := range []string{
		`{"client":"odbc","feature":"statement query","test":"x","result":"pass"}`,
		`{"client":"jdbc","feature":"statment query","test":"x","result":"pass"}`,
		`{"client":"jdbc","feature":"statement query","test":"x","result":"ok"}`,
		`{"client":"jdbc","feature":"statement query","result":"pass"}`,
		`not json`,
	} {
		if _, err := parse(strings.NewReader(line)); err == nil {
			t.Errorf("parse(%s) accepted it", line)
		}
	}
}

// TestRender: the last record of a test wins, cells count tests, and every
// test that did not pass is listed with its message.
func TestRender(t *testing.T) {
	recs, err := parse(strings.NewReader(`
{"client":"jdbc","version":"18.3.0","feature":"statement query","test":"A.one","result":"fail","message":"old"}
{"client":"jdbc","version":"18.3.0","feature":"statement query","test":"A.one","result":"pass"}
{"client":"jdbc","version":"18.3.0","feature":"statement query","test":"A.two","result":"pass"}
{"client":"python-adbc","version":"1.13.0","feature":"cancel","test":"test_cancel","result":"unsupported","message":"UNIMPLEMENTED: a | b"}
`))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	render(&b, build(recs), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	got := b.String()
	for _, want := range []string{
		"| feature | Go ADBC | arrow-go Flight SQL | Python ADBC 1.13.0 | pyarrow.flight | Flight SQL JDBC 18.3.0 |",
		"| statement query |  |  |  |  | pass (2) |",
		"| cancel |  |  | unsupported (1) |  |  |",
		"- cancel, python-adbc: `test_cancel` unsupported: UNIMPLEMENTED: a \\| b",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "old") {
		t.Errorf("report shows a superseded record:\n%s", got)
	}
}
