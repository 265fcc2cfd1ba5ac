package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRetriedWriteLeavesNoFiles kills (SIGKILL) a worker while it writes
// its file of a CREATE TABLE AS, after another worker finished its own:
// the coordinator runs the write again on the two workers left, and the
// file the given-up attempt finished is removed with it, so the table's
// directory holds exactly the files of its snapshot, and no hidden
// partial file either. A round where the kill came too late for that (no
// write unfinished, or no retry) is tried again.
func TestRetriedWriteLeavesNoFiles(t *testing.T) {
	t.Parallel()
	cl := startClusterArgs(t, 3, []string{"--heartbeat-timeout", "10m"}, []string{"--threads", "1"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "src", 1_200_000, 12)
	const rounds = 6
	for round := 1; round <= rounds; round++ {
		name := fmt.Sprintf("dst_%d", round)
		seen := make([]int, len(cl.Workers))
		for i, w := range cl.Workers {
			seen[i] = len(w.Lines())
		}
		errc := make(chan error, 1)
		go func() {
			_, err := c.Exec(fmt.Sprintf("CREATE TABLE %s AS SELECT a, b, concat(repeat('x', 200), a) AS s FROM src", name))
			errc <- err
		}()
		query, victim := killMidWrite(t, cl, seen, errc)
		if err := <-errc; err != nil {
			t.Fatalf("round %d: CREATE TABLE AS with a worker killed: %v", round, err)
		}
		retried := len(cl.Coordinator.Find(func(l LogLine) bool {
			return l.Msg() == "query retried" && l.Str("query_id") == query
		})) > 0
		if victim >= 0 {
			cl.restartWorker(t, victim)
		}
		if !retried {
			t.Logf("round %d: the kill cost the write no task", round)
			continue
		}
		if got := fmt.Sprint(c.MustQuery("SELECT count(*), sum(b) FROM " + name).rows[0]); got != "[1200000 2159998200000]" {
			t.Fatalf("round %d: count and sum of the table written: %s", round, got)
		}
		files := fmt.Sprint(c.MustQuery("SELECT data_files FROM system.column_stats WHERE table_name = '" + name + "' AND column_name = 'a'").rows[0][0])
		dirs, _ := filepath.Glob(filepath.Join(cl.DataDir, "tables", "main", name+".*"))
		if len(dirs) != 1 {
			t.Fatalf("round %d: table directories %v", round, dirs)
		}
		entries, err := os.ReadDir(dirs[0])
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if fmt.Sprint(len(names)) != files || strings.Contains(strings.Join(names, " "), ".tmp") {
			t.Fatalf("round %d: %d files in the table's directory (%s), %s in its snapshot", round, len(names), strings.Join(names, " "), files)
		}
		t.Logf("round %d: worker %s killed mid-write, the write ran again; %s files on disk, all in the snapshot", round, cl.WorkerAddrs[victim], files)
		return
	}
	t.Fatalf("in %d rounds no kill landed while one worker wrote and another had finished", rounds)
}

// killMidWrite waits for the first write task (output "write") that a
// worker of cl finishes in a query begun after the log lines counted in
// seen, then kills a worker whose write task of that query has started and
// not finished. It returns the query's ID and the killed worker's index
// (-1: none was killed, the statement ended first or no write was left
// unfinished).
func killMidWrite(t *testing.T, cl *Cluster, seen []int, errc chan error) (query string, victim int) {
	t.Helper()
	for {
		select {
		case err := <-errc:
			errc <- err
			return query, -1
		case <-time.After(5 * time.Millisecond):
		}
		started := map[int]map[string]bool{} // worker: tasks of query started
		finished := map[int]map[string]bool{}
		for i, w := range cl.Workers {
			started[i], finished[i] = map[string]bool{}, map[string]bool{}
			for _, l := range w.Lines()[seen[i]:] {
				switch {
				case l.Msg() == "task started" && l.Str("output") == "write":
					query = l.Str("query_id")
					started[i][l.Str("task")] = true
				case l.Msg() == msgTaskFinished && l.Str("query_id") == query && started[i][l.Str("task")]:
					finished[i][l.Str("task")] = true
				}
			}
		}
		done := -1
		for i := range cl.Workers {
			if len(finished[i]) > 0 {
				done = i
			}
		}
		if done < 0 {
			continue
		}
		for i, w := range cl.Workers {
			if i != done && len(started[i]) > len(finished[i]) {
				w.Kill(t)
				return query, i
			}
		}
		return query, -1
	}
}
