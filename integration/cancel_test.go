package integration

import (
	"context"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-adbc/go/adbc"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/stage/exec"
)

// startClusterArgs is startCluster with extra flags for the coordinator and
// for every worker.
func startClusterArgs(t testing.TB, workers int, coordArgs, workerArgs []string) *Cluster {
	t.Helper()
	dataDir := t.TempDir()
	co := startProc(t, "coordinator", append([]string{"coordinator", "--listen", "127.0.0.1:0", "--data-dir", dataDir}, coordArgs...)...)
	c := &Cluster{Addr: co.WaitReady(t), DataDir: dataDir, Coordinator: co}
	for i := 0; i < workers; i++ {
		name := fmt.Sprintf("worker%d", i+1)
		w := startProc(t, name, append([]string{"worker", "--coordinator", c.Addr, "--listen", "127.0.0.1:0", "--data-dir", dataDir}, workerArgs...)...)
		l := w.WaitLine(t, fmt.Sprintf("%q", msgWorkerJoined), readyTimeout, func(l LogLine) bool { return l.Msg() == msgWorkerJoined })
		c.Workers = append(c.Workers, w)
		c.WorkerAddrs = append(c.WorkerAddrs, l.Str("addr"))
	}
	return c
}

// loadBig ingests rows rows of (a BIGINT, b BIGINT) = (i, 3i) into table
// name, in files files (one bulk ingest each), so that a scan of it has a
// task on every worker.
func loadBig(t testing.TB, c *client, name string, rows, files int) {
	t.Helper()
	mem := memory.NewGoAllocator()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "b", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
	per := rows / files
	for f := 0; f < files; f++ {
		b := array.NewRecordBuilder(mem, schema)
		for i := f * per; i < (f+1)*per; i++ {
			b.Field(0).(*array.Int64Builder).Append(int64(i))
			b.Field(1).(*array.Int64Builder).Append(int64(3 * i))
		}
		rec := b.NewRecordBatch()
		b.Release()
		mode := adbc.OptionValueIngestModeAppend
		if f == 0 {
			mode = adbc.OptionValueIngestModeCreate
		}
		_, err := c.Ingest(name, mode, []arrow.RecordBatch{rec})
		rec.Release()
		if err != nil {
			t.Fatalf("ingest file %d of %s: %v", f, name, err)
		}
	}
}

// workerStats asks every worker of cl for exec.Stats (the quiver.stats
// action, with the cluster secret from the data directory).
func workerStats(t testing.TB, cl *Cluster) []exec.Stats {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cl.DataDir, "cluster-secret"))
	if err != nil {
		t.Fatal(err)
	}
	secret, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []exec.Stats
	for _, addr := range cl.WorkerAddrs {
		c, err := flightsrv.DialWorker(addr, secret)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Stats(ctx)
		c.Close()
		if err != nil {
			t.Fatalf("stats of worker %s: %v", addr, err)
		}
		out = append(out, s)
	}
	return out
}

// spillFilesOnDisk lists the spill files under the data directory.
func spillFilesOnDisk(dataDir string) []string {
	var out []string
	_ = filepath.WalkDir(filepath.Join(dataDir, "tmp"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".arrow") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// waitBaseline waits until every worker holds no task, buffer, buffered
// byte, spill file or DuckDB connection, no spill file is left in the data
// directory, and (given a baseline) no worker runs more goroutines than it
// did then. It returns the workers' statistics at that point.
func waitBaseline(t testing.TB, cl *Cluster, base []exec.Stats) []exec.Stats {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		stats := workerStats(t, cl)
		files := spillFilesOnDisk(cl.DataDir)
		rest := len(files) == 0
		for i, s := range stats {
			rest = rest && s.Tasks == 0 && s.Buffers == 0 && s.BufferedBytes == 0 && s.SpillFiles == 0 && s.Queries == 0 && s.Connections == 0
			if base != nil {
				rest = rest && s.Goroutines <= base[i].Goroutines
			}
		}
		if rest {
			return stats
		}
		if time.Now().After(deadline) {
			t.Fatalf("workers did not return to baseline: %+v, spill files %v", stats, files)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// openStream starts a query with the Flight SQL client and opens the
// do_get stream of its first endpoint at the worker.
// The returned close ends the stream's connection (t.Cleanup does too).
func openStream(t testing.TB, ctx context.Context, cl *Cluster, query string, mem memory.Allocator) (*flight.FlightInfo, *flight.Reader, func()) {
	t.Helper()
	fsql := newFlightSQLClient(t, cl.Addr)
	info, err := fsql.Execute(ctx, query)
	if err != nil {
		t.Fatalf("execute %s: %v", query, err)
	}
	if len(info.Endpoint) == 0 {
		t.Fatal("no endpoints")
	}
	addr, err := locationAddr(info.Endpoint[0].Location[0].Uri)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := flight.NewClientWithMiddleware(addr, nil, nil, dialOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fc.Close() })
	stream, err := fc.DoGet(ctx, info.Endpoint[0].Ticket)
	if err != nil {
		t.Fatal(err)
	}
	rdr, err := flight.NewRecordReader(stream, ipc.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	return info, rdr, func() { fc.Close() }
}

// queryAndClose runs a query with the Flight SQL client, reads every
// endpoint and closes the query with CancelFlightInfo, so that the workers
// keep none of its results.
func queryAndClose(t testing.TB, cl *Cluster, query string) *result {
	t.Helper()
	ctx, cancel := stmtCtx()
	defer cancel()
	fsql := newFlightSQLClient(t, cl.Addr)
	info, err := fsql.Execute(ctx, query)
	if err != nil {
		t.Fatalf("execute %s: %v", query, err)
	}
	res, err := drainInfo(info, cl.Addr, memory.NewGoAllocator())
	if err != nil {
		t.Fatalf("read %s: %v", query, err)
	}
	if _, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info}); err != nil {
		t.Fatalf("close %s: %v", query, err)
	}
	return res
}

// readToEnd reads the rest of a stream and returns its error.
func readToEnd(rdr *flight.Reader) error {
	for rdr.Next() {
	}
	return rdr.Err()
}

const cancelRows = 2_000_000

// TestCancelFlightInfo starts a query whose result (32 MB) cannot fit the
// workers' per-query budget (1 MiB in memory, 4 MiB of spill files) while
// the client reads slowly: its producers spill, then block. The client reads
// one batch and cancels through CancelFlightInfo. The rest of its stream
// must fail with CANCELLED, a second cancel is NOT_CANCELLABLE, and every
// worker must return to holding nothing: no task, buffer, spill file or
// DuckDB connection, and no more goroutines than before the query.
func TestCancelFlightInfo(t *testing.T) {
	t.Parallel()
	compat(t, clientGoFlightSQL, "cancel")
	cl := startClusterArgs(t, 2, nil, []string{"--query-memory", "1048576", "--spill-limit", "4194304"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", cancelRows, 4)
	// A query that exchanges between the workers first, so that the
	// connections they keep to each other are part of the baseline.
	queryAndClose(t, cl, "SELECT b, count(*) FROM big GROUP BY b")
	base := waitBaseline(t, cl, nil)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	info, rdr, closeStream := openStream(t, ctx, cl, "SELECT a, b FROM big", mem)
	defer rdr.Release()
	if !rdr.Next() {
		t.Fatalf("no first batch: %v", rdr.Err())
	}
	// The producers are over budget and blocked or spilling.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var spilled, tasks int
		for _, s := range workerStats(t, cl) {
			spilled += s.SpillFiles
			tasks += s.Tasks
		}
		if spilled > 0 && tasks > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no running task with spill files: %+v", workerStats(t, cl))
		}
		time.Sleep(50 * time.Millisecond)
	}

	fsql := newFlightSQLClient(t, cl.Addr)
	res, err := fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info})
	if err != nil {
		t.Fatalf("CancelFlightInfo: %v", err)
	}
	if res.Status != flight.CancelStatusCancelled {
		t.Fatalf("CancelFlightInfo status %s, want CANCELLED", res.Status)
	}
	err = readToEnd(rdr)
	if got := status.Code(err); got != codes.Canceled {
		t.Fatalf("the cancelled stream ended with %v (code %s), want CANCELLED", err, got)
	}
	// The test's own connection to the worker is no part of the baseline.
	closeStream()
	waitBaseline(t, cl, base)

	res, err = fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: info})
	if err != nil || res.Status != flight.CancelStatusNotCancellable {
		t.Fatalf("second cancel: %v %v, want NOT_CANCELLABLE", res.Status, err)
	}
	unknown := &flight.FlightInfo{AppMetadata: []byte("no-such-query")}
	res, err = fsql.CancelFlightInfo(ctx, &flight.CancelFlightInfoRequest{Info: unknown})
	if err != nil || res.Status != flight.CancelStatusNotCancellable {
		t.Fatalf("cancel of an unknown query: %v %v, want NOT_CANCELLABLE", res.Status, err)
	}
	// The cluster still answers.
	if r := c.MustQuery("SELECT count(*) FROM big"); len(r.rows) != 1 {
		t.Fatalf("count after the cancel: %d rows", len(r.rows))
	}
}

// TestStatementTimeout: a query that cannot finish within the
// coordinator's --statement-timeout (its producers wait for a client that
// does not read, spilling disabled) is cancelled on every worker: the
// client's stream fails with CANCELLED and the workers hold nothing.
func TestStatementTimeout(t *testing.T) {
	t.Parallel()
	cl := startClusterArgs(t, 2, []string{"--statement-timeout", "3s"}, []string{"--query-memory", "1048576", "--spill-limit", "-1"})
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", cancelRows, 4)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	_, rdr, _ := openStream(t, ctx, cl, "SELECT a, b FROM big", mem)
	defer rdr.Release()
	if !rdr.Next() {
		t.Fatalf("no first batch: %v", rdr.Err())
	}
	// Read nothing more until the timeout has fired.
	cl.Coordinator.WaitLine(t, "query failed", 60*time.Second, func(l LogLine) bool {
		return l.Msg() == "query failed"
	})
	err := readToEnd(rdr)
	if got := status.Code(err); got != codes.Canceled {
		t.Fatalf("the timed-out stream ended with %v (code %s), want CANCELLED", err, got)
	}
	waitBaseline(t, cl, nil)
}

// TestKilledShellStopsQuery: SIGKILL of a `quiver sql` client while its
// query keeps DuckDB busy on every worker (the shell polls it with
// PollFlightInfo, so often no call of it is in flight) stops the query on
// every worker within 2 s: the coordinator sees the client's connection
// close. The cluster answers after.
func TestKilledShellStopsQuery(t *testing.T) {
	t.Parallel()
	cl := startCluster(t, 2)
	c := connect(t, cl.Addr)
	loadBig(t, c, "big", 200_000, 4)
	shell := osexec.Command(quiverBin(t), "sql", "--addr", cl.Addr, "--history", "", "-e", heavyQuery)
	if err := shell.Start(); err != nil {
		t.Fatal(err)
	}
	waitBusy(t, cl)
	since := time.Now()
	if err := shell.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = shell.Wait() // killed
	waitStopped(t, cl, since)
	cl.Coordinator.WaitLine(t, "query cancelled", 10*time.Second, func(l LogLine) bool {
		return l.Msg() == "query cancelled" && strings.Contains(l.Str("error"), "connection closed")
	})
	if r := c.MustQuery("SELECT count(*) FROM big"); len(r.rows) != 1 || r.rows[0][0].text != "200000" {
		t.Errorf("count after the kill: %v", r.rows)
	}
}
