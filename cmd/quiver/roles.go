package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/coordinator/binder"
	"github.com/quiverdb/quiver/coordinator/physical"
	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/httpsrv"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// execFlags are the execution flags of issue 4: the coordinator's
// statement timeout and result relaying, the workers' exchange budget,
// spilling and compression. Every role accepts them; each uses its own.
type execFlags struct {
	statementTimeout time.Duration
	proxyResults     bool
	queryMemory      int64
	spillLimit       int64
	compression      string
	broadcastRows    float64
	broadcastBytes   float64
	runtimeFilters   bool
	resultTTL        time.Duration
	resultMaxAge     time.Duration
	limits           binder.Limits
	txnIdleTimeout   time.Duration
	sessionIdle      time.Duration
	// heartbeatInterval is how often a worker heartbeats; heartbeatTimeout
	// how long the coordinator waits for one before the worker leaves
	// (a failed call makes it suspect sooner: coordinator.Membership).
	heartbeatInterval time.Duration
	heartbeatTimeout  time.Duration
	// maxRunning, maxQueued and queueTimeout are the coordinator's
	// admission control (coordinator.Config.MaxRunningQueries).
	maxRunning   int
	maxQueued    int
	queueTimeout time.Duration
	// tempLimit is DuckDB's max_temp_directory_size on a worker.
	tempLimit string
	// orphanInterval and orphanGrace are the coordinator's periodic orphan
	// collection (coordinator.Config.OrphanInterval).
	orphanInterval time.Duration
	orphanGrace    time.Duration
	// queryDiskLimit and workerDiskLimit are a worker's disk budgets
	// (exec.Config.QueryDiskLimit, DiskLimit), sizes such as 10GB.
	queryDiskLimit  string
	workerDiskLimit string
	// workerMemoryLimit caps a worker process's resident memory
	// (exec.Config.MemoryLimit), a size such as 4GB.
	workerMemoryLimit string
}

func (e *execFlags) register(fs *flag.FlagSet) {
	fs.DurationVar(&e.statementTimeout, "statement-timeout", time.Hour, "coordinator: a query running longer is cancelled on every worker")
	fs.BoolVar(&e.proxyResults, "proxy-results", false, "coordinator: relay result streams instead of pointing clients at workers")
	fs.Int64Var(&e.queryMemory, "query-memory", exec.DefaultQueryMemory, "worker: bytes of exchange buffers one query may hold in memory before they spill (negative: no limit)")
	fs.Int64Var(&e.spillLimit, "spill-limit", 0, "worker: bytes of spill files one query may hold; beyond it producers wait (0: no limit, negative: never spill)")
	fs.StringVar(&e.compression, "exchange-compression", "none", "worker: IPC compression of exchange and result streams: none, lz4 or zstd")
	fs.Float64Var(&e.broadcastRows, "broadcast-rows", physical.DefaultBroadcastRows, "coordinator: estimated rows up to which a join's right side is broadcast instead of shuffling both sides (above them, only where broadcasting moves fewer estimated bytes)")
	fs.Float64Var(&e.broadcastBytes, "broadcast-bytes", physical.DefaultBroadcastBytes, "coordinator: estimated bytes (rows times row width) up to which a join's right side of at most broadcast-rows rows is broadcast")
	fs.BoolVar(&e.runtimeFilters, "runtime-filters", true, "coordinator: shuffled inner and semi joins filter their probe side by the build side's join keys before the shuffle")
	fs.DurationVar(&e.resultTTL, "result-ttl", 10*time.Minute, "coordinator: how long results stay fetchable (the endpoints' expiration; from a query's end at least)")
	fs.DurationVar(&e.resultMaxAge, "result-max-age", 24*time.Hour, "coordinator: RenewFlightEndpoint keeps no result past its query's start plus this")
	fs.IntVar(&e.limits.MaxStatementBytes, "max-statement-bytes", binder.DefaultLimits.MaxStatementBytes, "coordinator: longest SQL statement accepted")
	fs.IntVar(&e.limits.MaxDepth, "max-expression-depth", binder.DefaultLimits.MaxDepth, "coordinator: deepest expression nesting accepted")
	fs.IntVar(&e.limits.MaxSetOperands, "max-set-operands", binder.DefaultLimits.MaxSetOperands, "coordinator: most SELECTs one UNION, INTERSECT or EXCEPT chain may combine")
	fs.DurationVar(&e.txnIdleTimeout, "txn-idle-timeout", coordinator.DefaultTxnIdleTimeout, "coordinator: a transaction without a statement for this long is rolled back")
	fs.DurationVar(&e.sessionIdle, "session-idle", flightsrv.DefaultSessionIdle, "coordinator: how long a Flight SQL session (cookie) lives without a call")
	fs.DurationVar(&e.heartbeatInterval, "heartbeat-interval", time.Second, "worker: how often it heartbeats to the coordinator")
	fs.IntVar(&e.maxRunning, "max-running-queries", coordinator.DefaultMaxRunningQueries, "coordinator: queries running on the workers at once; beyond it a query waits in line (0: no limit)")
	fs.IntVar(&e.maxQueued, "max-queued-queries", coordinator.DefaultMaxQueuedQueries, "coordinator: queries waiting for a running slot; beyond it RESOURCE_EXHAUSTED")
	fs.DurationVar(&e.queueTimeout, "queue-timeout", coordinator.DefaultQueueTimeout, "coordinator: how long a query waits for a running slot before RESOURCE_EXHAUSTED")
	fs.StringVar(&e.tempLimit, "temp-limit", "", "worker: most bytes DuckDB's spill files may take, e.g. 20GB; beyond it a query fails RESOURCE_EXHAUSTED (empty: --worker-disk-limit, or DuckDB's default, 90% of the free disk)")
	fs.DurationVar(&e.orphanInterval, "orphan-interval", coordinator.DefaultOrphanInterval, "coordinator: how often data files no snapshot refers to are removed while it runs (0: only at start)")
	fs.DurationVar(&e.orphanGrace, "orphan-grace", coordinator.DefaultOrphanGrace, "coordinator: how much older than the oldest running write or open transaction an orphan file must be to be removed (covers clock skew between nodes; at least 1s)")
	fs.StringVar(&e.queryDiskLimit, "query-disk-limit", "", "worker: most disk one query may take on a worker, its exchange spill files and what DuckDB's temp files grew by while it ran, e.g. 10GB; beyond it the query fails RESOURCE_EXHAUSTED (empty: no limit)")
	fs.StringVar(&e.workerDiskLimit, "worker-disk-limit", "", "worker: most disk all queries together may take on a worker, DuckDB's temp files and exchange spill files, e.g. 50GB; beyond it the query that takes the most fails RESOURCE_EXHAUSTED (empty: no limit)")
	fs.StringVar(&e.workerMemoryLimit, "worker-memory-limit", "", "quiver worker: most resident memory the worker process may hold, DuckDB, exchange buffers and ingest together, e.g. 4GB; beyond it the query that grew it the most fails RESOURCE_EXHAUSTED, and DuckDB's memory_limit defaults to "+strconv.Itoa(duckMemoryShare)+"% of it (empty: no limit)")
	fs.DurationVar(&e.heartbeatTimeout, "heartbeat-timeout", 5*time.Second, "coordinator: a worker without a heartbeat this long leaves the live set (one a call finds unreachable is suspect at once)")
}

// check refuses heartbeat settings that cannot work.
func (e *execFlags) check() error {
	switch {
	case e.heartbeatInterval <= 0 || e.heartbeatTimeout <= 0:
		return errors.New("--heartbeat-interval and --heartbeat-timeout must be positive")
	case e.maxRunning < 0 || e.maxQueued < 0:
		return fmt.Errorf("--max-running-queries %d, --max-queued-queries %d: want 0 or more", e.maxRunning, e.maxQueued)
	case e.queueTimeout <= 0:
		return fmt.Errorf("--queue-timeout %s: want a positive duration", e.queueTimeout)
	case e.orphanInterval < 0:
		return fmt.Errorf("--orphan-interval %s: want 0 or a positive duration", e.orphanInterval)
	case e.orphanGrace < time.Second:
		// File times are coarser than the clock that dates a write's start.
		return fmt.Errorf("--orphan-grace %s: want at least 1s", e.orphanGrace)
	}
	if _, _, err := e.diskLimits(); err != nil {
		return err
	}
	if _, err := e.memoryLimit(); err != nil {
		return err
	}
	return nil
}

// duckMemoryShare is the percentage of --worker-memory-limit that DuckDB's
// memory_limit defaults to: DuckDB's resident memory runs a third to two
// thirds past its memory_limit, and the exchange buffers come on top.
const duckMemoryShare = 50

// memoryLimit is --worker-memory-limit in bytes (0: none).
func (e *execFlags) memoryLimit() (int64, error) {
	if e.workerMemoryLimit == "" {
		return 0, nil
	}
	v, err := parseBytes(e.workerMemoryLimit)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("--worker-memory-limit %q: want a size such as 4GB", e.workerMemoryLimit)
	}
	return v, nil
}

// duckMemoryLimit is DuckDB's memory_limit on a worker: --memory-limit,
// else duckMemoryShare of the worker's memory limit.
func duckMemoryLimit(memoryLimit string, worker int64) string {
	if memoryLimit == "" && worker > 0 {
		return strconv.FormatInt(worker*duckMemoryShare/100, 10) + " bytes"
	}
	return memoryLimit
}

// diskLimits are --query-disk-limit and --worker-disk-limit in bytes (0:
// none).
func (e *execFlags) diskLimits() (query, worker int64, err error) {
	for _, l := range []struct {
		flag, value string
		n           *int64
	}{{"--query-disk-limit", e.queryDiskLimit, &query}, {"--worker-disk-limit", e.workerDiskLimit, &worker}} {
		if l.value == "" {
			continue
		}
		v, err := parseBytes(l.value)
		if err != nil || v <= 0 {
			return 0, 0, fmt.Errorf("%s %q: want a size such as 10GB", l.flag, l.value)
		}
		*l.n = v
	}
	return query, worker, nil
}

// duckTempLimit is DuckDB's max_temp_directory_size on a worker: --temp-limit,
// else --worker-disk-limit, so that DuckDB alone never writes more than the
// worker may hold (the worker's check, which also counts exchange spill,
// runs only every 100 ms).
func (e *execFlags) duckTempLimit(workerDisk int64) string {
	if e.tempLimit == "" && workerDisk > 0 {
		return strconv.FormatInt(workerDisk, 10) + " bytes"
	}
	return e.tempLimit
}

func runServe(ctx context.Context, args []string, log *zap.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	var nf nodeFlags
	nf.register(fs)
	var ef execFlags
	ef.register(fs)
	var af authFlags
	af.register(fs)
	listen := fs.String("listen", "127.0.0.1:47470", "Flight SQL address for clients")
	workers := fs.Int("workers", 2, "embedded workers, each with its own Flight listener on 127.0.0.1")
	httpAddr := fs.String("http", defaultCoordinatorHTTP, "HTTP address of /metrics (the coordinator's and the embedded workers'), /healthz, /readyz and the web console (empty: none)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := af.check(); err != nil {
		return err
	}
	if err := ef.check(); err != nil {
		return err
	}
	if ef.workerMemoryLimit != "" {
		// The limit is the process's: serve's workers and coordinator share one.
		return errors.New("--worker-memory-limit applies to quiver worker, not serve, whose workers share one process")
	}
	if *workers < 1 {
		return errors.New("--workers must be at least 1")
	}
	nf.memoryShare = *workers
	if err := nf.security.checkExposure(ctx, "coordinator", *listen, af.mode == authPassword); err != nil {
		return err
	}
	return runNodes(ctx, nf, log, func(g *errgroup.Group, ctx context.Context, n node) error {
		coord, addr, node, err := startCoordinator(ctx, g, *listen, n, nf, ef, af, log)
		if err != nil {
			return err
		}
		for i := 0; i < *workers; i++ {
			w, err := startWorker(ctx, g, "127.0.0.1:0", "", addr, n, nf, ef, af, log)
			if err != nil {
				return err
			}
			node.Workers = append(node.Workers, w)
		}
		if err := serveHTTP(ctx, g, *httpAddr, node, log); err != nil {
			return err
		}
		// Ready means queries run: wait until every embedded worker joined.
		deadline := time.Now().Add(30 * time.Second)
		for len(coord.Members().Live()) < *workers {
			if time.Now().After(deadline) {
				return fmt.Errorf("only %d of %d workers joined", len(coord.Members().Live()), *workers)
			}
			time.Sleep(20 * time.Millisecond)
		}
		log.Info("serving Flight SQL", zap.String("addr", addr), zap.Int("workers", *workers), zap.String("data_dir", n.dataDir))
		return nil
	})
}

func runCoordinator(ctx context.Context, args []string, log *zap.Logger) error {
	fs := flag.NewFlagSet("coordinator", flag.ExitOnError)
	var nf nodeFlags
	nf.register(fs)
	var ef execFlags
	ef.register(fs)
	var af authFlags
	af.register(fs)
	listen := fs.String("listen", "127.0.0.1:47470", "Flight SQL address for clients and workers")
	httpAddr := fs.String("http", defaultCoordinatorHTTP, "HTTP address of /metrics, /healthz, /readyz and the web console (empty: none)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := af.check(); err != nil {
		return err
	}
	if err := ef.check(); err != nil {
		return err
	}
	if err := nf.security.checkExposure(ctx, "coordinator", *listen, af.mode == authPassword); err != nil {
		return err
	}
	return runNodes(ctx, nf, log, func(g *errgroup.Group, ctx context.Context, n node) error {
		_, addr, node, err := startCoordinator(ctx, g, *listen, n, nf, ef, af, log)
		if err != nil {
			return err
		}
		if err := serveHTTP(ctx, g, *httpAddr, node, log); err != nil {
			return err
		}
		log.Info("serving Flight SQL", zap.String("addr", addr), zap.String("data_dir", n.dataDir))
		return nil
	})
}

func runWorker(ctx context.Context, args []string, log *zap.Logger) error {
	fs := flag.NewFlagSet("worker", flag.ExitOnError)
	var nf nodeFlags
	nf.register(fs)
	var ef execFlags
	ef.register(fs)
	var af authFlags
	af.register(fs)
	coordAddr := fs.String("coordinator", "127.0.0.1:47470", "the coordinator's address")
	listen := fs.String("listen", "127.0.0.1:0", "this worker's Flight address")
	advertise := fs.String("advertise", "", "the address the coordinator, other workers and clients reach this worker at (default: the bound --listen address)")
	httpAddr := fs.String("http", defaultWorkerHTTP, "HTTP address of this worker's /metrics, /healthz and /readyz (empty: none)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := af.check(); err != nil {
		return err
	}
	if err := ef.check(); err != nil {
		return err
	}
	if err := nf.security.checkExposure(ctx, "worker", *listen, false); err != nil {
		return err
	}
	return runNodes(ctx, nf, log, func(g *errgroup.Group, ctx context.Context, n node) error {
		w, err := startWorker(ctx, g, *listen, *advertise, *coordAddr, n, nf, ef, af, log)
		if err != nil {
			return err
		}
		return serveHTTP(ctx, g, *httpAddr, httpsrv.Node{Workers: []httpsrv.WorkerNode{w}}, log)
	})
}

// node is what every node of a process shares: the data directory, the
// cluster secret and the TLS of its listeners and calls (nil: plaintext).
type node struct {
	dataDir string
	secret  []byte
	tls     *flightsrv.TLS
}

// runNodes prepares the data directory, secret and TLS, starts the nodes,
// and runs until ctx ends or a node fails.
func runNodes(ctx context.Context, nf nodeFlags, log *zap.Logger,
	start func(g *errgroup.Group, ctx context.Context, n node) error) error {
	dataDir, err := nf.absDataDir()
	if err != nil {
		return err
	}
	secret, err := nf.clusterSecret(dataDir)
	if err != nil {
		return fmt.Errorf("cluster secret: %w", err)
	}
	t, err := nf.security.load(log)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { releaseIdleMemory(gctx, idleCheck, log); return nil })
	if err := start(g, gctx, node{dataDir: dataDir, secret: secret, tls: t}); err != nil {
		cancel()
		_ = g.Wait()
		return err
	}
	err = g.Wait()
	log.Info("stopped")
	return err
}

// serveGRPC serves svc on lis (with TLS where n has it) until ctx ends,
// then stops gracefully. opts come after the common server options (the
// coordinator's authentication).
func serveGRPC(ctx context.Context, g *errgroup.Group, lis net.Listener, svc flight.FlightServer, n node, nf nodeFlags, opts []grpc.ServerOption, log *zap.Logger, closers ...func()) {
	opts = append(n.tls.ServerOptions(n.secret), opts...)
	srv := grpc.NewServer(append(flightsrv.ServerOptions(nf.maxMessage, log), opts...)...)
	flight.RegisterFlightServiceServer(srv, svc)
	g.Go(func() error {
		return srv.Serve(lis)
	})
	g.Go(func() error {
		<-ctx.Done()
		flightsrv.Stop(srv, 5*time.Second)
		for _, c := range closers {
			c()
		}
		return nil
	})
}

// startCoordinator starts the coordinator's Flight SQL service and returns
// the coordinator, its bound address and the HTTP node that serves it
// (behind the same logins).
func startCoordinator(ctx context.Context, g *errgroup.Group, listen string, n node, nf nodeFlags, ef execFlags, af authFlags, log *zap.Logger) (*coordinator.Coordinator, string, httpsrv.Node, error) {
	dataDir, secret := n.dataDir, n.secret
	tokens, err := af.tokens(dataDir)
	if err != nil {
		return nil, "", httpsrv.Node{}, err
	}
	cat, err := catalog.OpenBolt(filepath.Join(dataDir, "catalog.db"))
	if err != nil {
		return nil, "", httpsrv.Node{}, err
	}
	members := coordinator.NewMembership(flightsrv.WorkerDialer(secret, nf.maxMessage, n.tls), ef.heartbeatTimeout, log)
	coord := coordinator.New(coordinator.Config{DataDir: dataDir, ResultTTL: ef.resultTTL, ResultMaxAge: ef.resultMaxAge, QueryTimeout: ef.statementTimeout,
		BroadcastRows: ef.broadcastRows, BroadcastBytes: ef.broadcastBytes, NoRuntimeFilters: !ef.runtimeFilters, Limits: ef.limits, TxnIdleTimeout: ef.txnIdleTimeout,
		MaxQueriesPerUser: af.maxQueriesPerUser, CheckPrivileges: af.mode == authPassword,
		MaxRunningQueries: ef.maxRunning, MaxQueuedQueries: ef.maxQueued, QueueTimeout: ef.queueTimeout,
		OrphanInterval: ef.orphanInterval, OrphanGrace: ef.orphanGrace},
		cat, members, stage.NewTicketSigner(secret), log)
	if err := coord.CollectOrphans(ctx); err != nil {
		log.Warn("collect orphan files", zap.Error(err))
	}
	passwords := af.mode == authPassword
	if passwords {
		if err := af.bootstrapAdmin(ctx, coord, dataDir, log); err != nil {
			coord.Close()
			_ = cat.Close()
			return nil, "", httpsrv.Node{}, err
		}
	}
	auth := flightsrv.NewAuth(flightsrv.AuthConfig{Passwords: passwords, Tokens: tokens, Secret: secret, LoginFailuresPerMinute: af.loginFailuresPerMinute}, coord, log)
	sqlsrv, err := flightsrv.NewSQLServer(coord, memory.DefaultAllocator, log)
	if err != nil {
		return nil, "", httpsrv.Node{}, err
	}
	sqlsrv.SetProxyResults(ef.proxyResults)
	coord.SetSessionLister(sqlsrv)
	sqlsrv.SetSessionIdle(ef.sessionIdle)
	sqlsrv.SetLocationScheme(n.tls.Scheme())
	lis, err := net.Listen("tcp", listen)
	if err != nil {
		_ = cat.Close()
		return nil, "", httpsrv.Node{}, fmt.Errorf("listen %s: %w", listen, err)
	}
	serveGRPC(ctx, g, lis, flightsrv.WithStatementMetrics(flightsrv.NewCoordinatorService(sqlsrv, coord, secret)), n, nf, auth.ServerOptions(), log, func() {
		coord.Close()
		members.Close()
		_ = cat.Close()
	})
	return coord, lis.Addr().String(), httpsrv.Node{Coordinator: coord, Wrap: auth.HTTP}, nil
}

func startWorker(ctx context.Context, g *errgroup.Group, listen, advertise, coordAddr string, n node, nf nodeFlags, ef execFlags, af authFlags, log *zap.Logger) (httpsrv.WorkerNode, error) {
	dataDir, secret := n.dataDir, n.secret
	tokens, err := af.tokens(dataDir)
	if err != nil {
		return httpsrv.WorkerNode{}, err
	}
	lis, err := net.Listen("tcp", listen)
	if err != nil {
		return httpsrv.WorkerNode{}, fmt.Errorf("listen %s: %w", listen, err)
	}
	addr := lis.Addr().String()
	if advertise != "" {
		addr = advertise
	}
	tempDir := filepath.Join(dataDir, "tmp", strings.NewReplacer(":", "_", ".", "_").Replace(addr))
	queryDisk, workerDisk, err := ef.diskLimits()
	if err != nil {
		_ = lis.Close()
		return httpsrv.WorkerNode{}, err
	}
	memLimit, err := ef.memoryLimit()
	if err != nil {
		_ = lis.Close()
		return httpsrv.WorkerNode{}, err
	}
	engine, err := exec.OpenEngine(exec.EngineConfig{
		MemoryLimit: duckMemoryLimit(nf.memoryLimit, memLimit),
		MemoryShare: nf.memoryShare,
		Threads:     nf.threads,
		TempDir:     tempDir,
		TempLimit:   ef.duckTempLimit(workerDisk),
	})
	if err != nil {
		_ = lis.Close()
		return httpsrv.WorkerNode{}, err
	}
	peers := flightsrv.NewPeerPool(secret, memory.DefaultAllocator, nf.maxMessage, n.tls)
	w, err := exec.NewWorker(exec.Config{Address: addr, DataDir: dataDir, Peers: peers, Allocator: memory.DefaultAllocator, MaxMessageBytes: nf.maxMessage,
		QueryMemory: ef.queryMemory, SpillLimit: ef.spillLimit, SpillDir: filepath.Join(tempDir, "spill"), Compression: ef.compression,
		QueryDiskLimit: queryDisk, DiskLimit: workerDisk, MemoryLimit: memLimit}, engine, log)
	if err != nil {
		_ = lis.Close()
		_ = engine.Close()
		return httpsrv.WorkerNode{}, err
	}
	logins := flightsrv.NewLoginRelay(coordAddr, n.tls)
	svc := flightsrv.NewWorkerService(w, stage.NewTicketSigner(secret), secret, tokens, logins, log)
	serveGRPC(ctx, g, lis, svc, n, nf, nil, log, func() {
		w.Close()
		_ = peers.Close()
		_ = engine.Close()
		_ = logins.Close()
	})
	registered := new(atomic.Bool)
	g.Go(func() error {
		return flightsrv.Heartbeat(ctx, coordAddr, addr, secret, n.tls, ef.heartbeatInterval, registered, log)
	})
	return httpsrv.WorkerNode{Worker: w, Registered: registered}, nil
}
