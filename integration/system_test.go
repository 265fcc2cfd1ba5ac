package integration

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// lines renders a result's rows, one line each, cells separated by " | "
// and strings unquoted: what the system-table checks compare.
func lines(res *result) []string {
	var out []string
	for _, r := range res.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.Trim(c.String(), "'")
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

// TestSystemTables runs a shuffled aggregate and reads what the system
// tables say of it over Flight SQL, through the planner like any table:
// its row in system.queries (text, user, state, tasks, result rows), its
// stages joined with its tasks (one row per stage with EXPLAIN's kind and
// task count), its tasks joined with system.workers (both live workers ran
// some), and the client's session in system.sessions following USE.
func TestSystemTables(t *testing.T) {
	t.Parallel()
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 20000, 4)
	const sql = "SELECT a % 7, count(*), sum(b) FROM big GROUP BY a % 7"
	stages := explainStages(explainLines(t, c, "EXPLAIN "+sql))
	tasks := 0
	for _, s := range stages {
		tasks += s.Tasks
	}
	qid, _ := runForQueryID(t, cl, sql, func(t *testing.T, r *result) {
		if len(r.rows) != 7 {
			t.Fatalf("%d groups, want 7", len(r.rows))
		}
	})

	// Its last tasks end just after the client read the rows.
	q := fmt.Sprintf("SELECT statement, user, state, tasks, tasks_done, result_rows, error, ended IS NOT NULL, duration_ms >= 0 FROM system.queries WHERE query_id = '%s'", qid)
	want := fmt.Sprintf("%s | anonymous | finished | %d | %d | 7 | NULL | true | true", sql, tasks, tasks)
	deadline := time.Now().Add(readyTimeout)
	for {
		got := lines(c.MustQuery(q))
		if len(got) == 1 && got[0] == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("system.queries for %s:\n%v\nwant\n%s", qid, got, want)
		}
		time.Sleep(100 * time.Millisecond)
	}

	got := lines(c.MustQuery(fmt.Sprintf(`SELECT s.stage, s.kind, s.tasks, count(*), sum(t.rows_out), min(t.state), max(t.state)
		FROM system.stages s JOIN system.tasks t ON s.query_id = t.query_id AND s.stage = t.stage
		WHERE s.query_id = '%s' GROUP BY s.stage, s.kind, s.tasks ORDER BY s.stage`, qid)))
	if len(got) != len(stages) {
		t.Fatalf("stages joined with tasks: %v, EXPLAIN has %v", got, stages)
	}
	for i, s := range stages {
		cells := strings.Split(got[i], " | ")
		if w := fmt.Sprintf("%d | %s | %d | %d", s.ID, s.Kind, s.Tasks, s.Tasks); strings.Join(cells[:4], " | ") != w {
			t.Errorf("stage row %q, want %q... (EXPLAIN)", got[i], w)
		}
		if cells[5] != "finished" || cells[6] != "finished" {
			t.Errorf("stage %d has tasks not finished: %q", s.ID, got[i])
		}
		if s.ID == 0 && cells[4] != "7" {
			t.Errorf("the result stage's tasks sent %s rows, want 7", cells[4])
		}
	}

	got = lines(c.MustQuery(fmt.Sprintf(`SELECT w.address, w.state, count(*) FROM system.tasks t JOIN system.workers w ON t.worker = w.address
		WHERE t.query_id = '%s' GROUP BY w.address, w.state ORDER BY w.address`, qid)))
	if len(got) != 2 {
		t.Fatalf("the query's tasks by worker: %v, want both workers", got)
	}
	total := 0
	for _, r := range got {
		cells := strings.Split(r, " | ")
		if cells[1] != "live" {
			t.Errorf("worker row %q is not live", r)
		}
		n, _ := strconv.Atoi(cells[2])
		total += n
	}
	if total != tasks {
		t.Errorf("tasks on the workers add up to %d, want %d", total, tasks)
	}
	if got := lines(c.MustQuery("SELECT count(*) FROM system.workers WHERE state = 'live' AND memory_bytes >= 0 AND heartbeat_age_ms >= 0")); len(got) != 1 || got[0] != "2" {
		t.Errorf("live workers in system.workers: %v, want 2", got)
	}

	c.MustExec("CREATE DATABASE sys_probe")
	c.MustExec("USE sys_probe")
	got = lines(c.MustQuery("SELECT user, parallelism FROM system.sessions WHERE db = 'sys_probe'"))
	if len(got) != 1 || got[0] != "anonymous | 0" {
		t.Errorf("system.sessions rows of the session that ran USE sys_probe: %v", got)
	}
}
