package exec_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" database/sql driver
	"go.uber.org/goleak"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
	"github.com/quiverdb/quiver/stage/exec"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

var testSecret = []byte("cluster-secret-for-tests")

// cluster is a set of real workers, each with its own Flight listener on
// loopback, sharing one checked allocator and one data directory.
type cluster struct {
	t       testing.TB
	mem     *memory.CheckedAllocator
	dataDir string
	signer  *stage.TicketSigner
	nodes   []*node
	cfg     func(*exec.Config) // adjusts every worker's configuration
}

type node struct {
	w      *exec.Worker
	addr   string
	client *flightsrv.WorkerClient
	logs   *observer.ObservedLogs
}

// newCluster starts n workers. batchRows sets each worker's coalescing
// target (0 keeps the default). At cleanup everything is closed and the
// allocator must be back to zero.
func newCluster(t testing.TB, batchRows ...int) *cluster {
	t.Helper()
	return newClusterWith(t, nil, batchRows...)
}

// newClusterWith is newCluster with every worker's Config adjusted by cfg.
func newClusterWith(t testing.TB, cfg func(*exec.Config), batchRows ...int) *cluster {
	t.Helper()
	c := &cluster{
		cfg:     cfg,
		t:       t,
		mem:     memory.NewCheckedAllocator(memory.NewGoAllocator()),
		dataDir: t.TempDir(),
		signer:  stage.NewTicketSigner(testSecret),
	}
	// Registered first, so it runs last. gRPC frees the last frames a
	// do_get handed it (frames.go) from its transport's goroutines, which
	// may still be ending when the servers have stopped: a leak is memory
	// that stays.
	t.Cleanup(func() {
		for deadline := time.Now().Add(5 * time.Second); c.mem.CurrentAlloc() != 0 && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		c.mem.AssertSize(t, 0)
	})
	for i := range batchRows {
		c.nodes = append(c.nodes, c.start(batchRows[i]))
	}
	return c
}

func (c *cluster) start(batchRows int) *node {
	t := c.t
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	eng, err := exec.OpenEngine(exec.EngineConfig{
		MemoryLimit: "1GB",
		Threads:     2,
		TempDir:     filepath.Join(c.dataDir, "tmp", strings.ReplaceAll(addr, ":", "_")),
	})
	if err != nil {
		t.Fatal(err)
	}
	core, logs := observer.New(zapcore.InfoLevel)
	log := zap.New(core)
	peers := flightsrv.NewPeerPool(testSecret, c.mem, 0, nil)
	cfg := exec.Config{
		Address:         addr,
		DataDir:         c.dataDir,
		Peers:           peers,
		Allocator:       c.mem,
		BatchRows:       batchRows,
		JanitorInterval: 20 * time.Millisecond,
	}
	if c.cfg != nil {
		c.cfg(&cfg)
	}
	w, err := exec.NewWorker(cfg, eng, log)
	if err != nil {
		t.Fatal(err)
	}
	exec.SetRender(w, renderTestSQL)
	srv := grpc.NewServer(flightsrv.ServerOptions(flightsrv.DefaultMaxMessageBytes, log)...)
	flight.RegisterFlightServiceServer(srv, flightsrv.NewWorkerService(w, c.signer, testSecret, nil, nil, log))
	go srv.Serve(lis)
	client, err := flightsrv.DialWorker(addr, testSecret, flightsrv.WithAllocator(c.mem))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// The worker first, so that no task holds a call open; then the
		// server gracefully, so that gRPC frees the frames of the streams
		// its clients abandoned (grpc-go's loopyWriter, closed at once,
		// frees only its control buffer); the client last.
		w.Close()
		flightsrv.Stop(srv, 5*time.Second)
		client.Close()
		if err := peers.Close(); err != nil {
			t.Error(err)
		}
		if err := eng.Close(); err != nil {
			t.Error(err)
		}
	})
	return &node{w: w, addr: addr, client: client, logs: logs}
}

// sqlPlan puts hand-written SQL where a TaskSpec carries its plan.
// renderTestSQL expands {in:F} to the input table of exchange F and {split}
// to the task's first split file; a real encoded plan goes to
// duck.RenderTask.
func sqlPlan(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

func renderTestSQL(spec *stage.TaskSpec, env duck.RenderEnv) (string, error) {
	var s string
	if err := json.Unmarshal(spec.Plan, &s); err != nil {
		return duck.RenderTask(spec, env) // a real plan
	}
	for _, in := range spec.Inputs {
		from, ok := env.Inputs[in.Exchange]
		if !ok {
			from = duck.QuoteIdent(duck.InputTable(spec, in.Exchange))
		}
		s = strings.ReplaceAll(s, "{in:"+strconv.Itoa(int(in.Exchange))+"}", from)
	}
	if len(spec.Splits) > 0 {
		s = strings.ReplaceAll(s, "{split}", duck.QuoteString(filepath.Join(env.DataDir, spec.Splits[0].Files[0])))
	}
	return s, nil
}

func schemaSpec(fields ...string) stage.SchemaSpec {
	var s stage.SchemaSpec
	for i := 0; i < len(fields); i += 2 {
		s = append(s, stage.FieldSpec{Name: fields[i], Type: fields[i+1]})
	}
	return s
}

func (c *cluster) ticket(q stage.QueryID, task stage.TaskID, part int) []byte {
	return c.signer.Sign(stage.Ticket{Query: q, Task: task, Partition: part, Expires: time.Now().Add(time.Minute)})
}

func task(f, i int) stage.TaskID { return stage.TaskID{Fragment: stage.FragmentID(f), Index: i} }

// spec makes a TaskSpec with a deadline a minute away.
func spec(q stage.QueryID, id stage.TaskID, sql string, out stage.OutputSpec, inputs ...stage.InputSpec) *stage.TaskSpec {
	return &stage.TaskSpec{
		Version:  stage.SpecVersion,
		Query:    q,
		Task:     id,
		Plan:     sqlPlan(sql),
		Inputs:   inputs,
		Output:   out,
		Deadline: time.Now().Add(time.Minute),
	}
}

// writeParquet runs a DuckDB COPY of query into dataDir/rel.
func writeParquet(t testing.TB, dataDir, rel, query string) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	path := filepath.Join(dataDir, rel)
	if _, err := db.Exec("COPY (" + query + ") TO '" + path + "' (FORMAT parquet)"); err != nil {
		t.Fatal(err)
	}
}

// readAll drains a do_get stream into rows of Go values via fn, checking
// the schema it announces.
func readAll(t testing.TB, ctx context.Context, c *flightsrv.WorkerClient, ticket []byte, want *arrow.Schema, fn func(rec arrow.RecordBatch, i int)) (int64, error) {
	t.Helper()
	rdr, err := c.DoGet(ctx, ticket)
	if err != nil {
		return 0, err
	}
	defer rdr.Release()
	if want != nil && !rdr.Schema().Equal(want) {
		t.Errorf("do_get schema\n%s\nwant\n%s", rdr.Schema(), want)
	}
	var n int64
	for rdr.Next() {
		rec := rdr.RecordBatch()
		for i := range int(rec.NumRows()) {
			fn(rec, i)
		}
		n += rec.NumRows()
	}
	return n, rdr.Err()
}

func mustArrow(t testing.TB, s stage.SchemaSpec) *arrow.Schema {
	t.Helper()
	a, err := s.Arrow()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func wantCode(t *testing.T, err error, code qerr.Code) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", code)
	}
	if got := qerr.CodeOf(err); got != code {
		t.Fatalf("error %q has code %s, want %s", err, got, code)
	}
}
