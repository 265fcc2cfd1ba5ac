package httpsrv

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/metrics"
	"github.com/quiverdb/quiver/stage/exec"
)

// Node is what one process serves over HTTP: its coordinator (nil in a
// worker process) and the workers it runs (the embedded ones of `quiver
// serve`, or the one of `quiver worker`).
type Node struct {
	Coordinator *coordinator.Coordinator
	Workers     []WorkerNode
	// Wrap wraps every handler: the seam where authentication goes. Nil
	// serves them as they are.
	Wrap func(http.Handler) http.Handler
	Log  *zap.Logger
}

// WorkerNode is one worker of the process.
type WorkerNode struct {
	Worker *exec.Worker
	// Registered is true while the worker's coordinator accepts its
	// heartbeats (flightsrv.Heartbeat sets it): the worker's readiness.
	Registered *atomic.Bool
}

// readyTimeout bounds the catalog read of a coordinator's readiness check.
const readyTimeout = 2 * time.Second

// Handler serves n's endpoints. Each call collects into a registry of its
// own, so that handlers of different nodes in one process (tests) do not
// collide; the metrics package's registry is served by all of them.
func Handler(n Node) (http.Handler, error) {
	if n.Log == nil {
		n.Log = zap.NewNop()
	}
	reg := prometheus.NewRegistry()
	if n.Coordinator != nil {
		if err := reg.Register(coordinatorCollector{n.Coordinator}); err != nil {
			return nil, err
		}
	}
	if len(n.Workers) > 0 {
		var ws workersCollector
		for _, w := range n.Workers {
			ws = append(ws, w.Worker)
		}
		if err := reg.Register(ws); err != nil {
			return nil, err
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(prometheus.Gatherers{metrics.Registry, reg},
		promhttp.HandlerOpts{ErrorLog: zap.NewStdLog(n.Log), ErrorHandling: promhttp.ContinueOnError}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := n.ready(r.Context()); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	if n.Coordinator != nil {
		console{coord: n.Coordinator}.register(mux)
	}
	var h http.Handler = mux
	if n.Wrap != nil {
		h = n.Wrap(h)
	}
	return h, nil
}

// ready is nil when the node can serve: a coordinator whose catalog answers
// and that has a live worker, workers registered with their coordinator.
func (n Node) ready(ctx context.Context) error {
	if c := n.Coordinator; c != nil {
		ctx, cancel := context.WithTimeout(ctx, readyTimeout)
		defer cancel()
		if _, err := c.Catalog().ListDatabases(ctx); err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
		if len(c.Members().Live()) == 0 {
			return errors.New("no live worker")
		}
	}
	for _, w := range n.Workers {
		if w.Registered == nil || !w.Registered.Load() {
			return fmt.Errorf("worker %s is not registered with its coordinator", w.Worker.Address())
		}
	}
	return nil
}

// Serve listens on addr and serves h until ctx ends, in goroutines of g.
// It returns the bound address (addr may ask for port 0) once listening.
func Serve(ctx context.Context, g *errgroup.Group, addr string, h http.Handler, log *zap.Logger) (string, error) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("listen HTTP %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: zap.NewStdLog(log)}
	g.Go(func() error {
		if err := srv.Serve(lis); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve HTTP: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			_ = srv.Close()
		}
		return nil
	})
	bound := lis.Addr().String()
	log.Info("serving HTTP", zap.String("addr", bound))
	return bound, nil
}
