package main

import (
	"context"

	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/quiverdb/quiver/httpsrv"
)

// Default HTTP addresses (metrics, health, console): the coordinator's is
// fixed, next to Flight SQL's 47470; a worker's is a free port, as its
// Flight address is, so that several run on one machine.
const (
	defaultCoordinatorHTTP = "127.0.0.1:47471"
	defaultWorkerHTTP      = "127.0.0.1:0"
)

// serveHTTP serves node's HTTP endpoints at addr until ctx ends; an empty
// addr serves none.
func serveHTTP(ctx context.Context, g *errgroup.Group, addr string, node httpsrv.Node, log *zap.Logger) error {
	if addr == "" {
		return nil
	}
	node.Log = log
	h, err := httpsrv.Handler(node)
	if err != nil {
		return err
	}
	_, err = httpsrv.Serve(ctx, g, addr, h, log)
	return err
}
