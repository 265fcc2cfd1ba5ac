package flightsrv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/quiverdb/quiver/qlog"
	"go.uber.org/zap"
	"google.golang.org/grpc/metadata"
)

// Heartbeat announces the worker at self to the coordinator every interval
// until ctx ends, over t's transport (plaintext for nil). The first
// accepted heartbeat (and the first after an outage) logs "worker
// registered"; the coordinator drops a worker whose heartbeats stop.
// registered (when not nil) is true while heartbeats are accepted: the
// worker's readiness. Each call is one incarnation of the worker: the
// coordinator takes heartbeats of a new one on the same address for a
// restart.
//
// The heartbeat is off the query path on both sides: it runs in its own
// goroutine on its own connection, takes no lock that tasks hold, and the
// coordinator answers it under the membership's lock alone, so that
// saturated cores delay it by scheduling only.
func Heartbeat(ctx context.Context, coordAddr, self string, secret []byte, t *TLS, interval time.Duration, registered *atomic.Bool, log *zap.Logger) error {
	if registered == nil {
		registered = new(atomic.Bool)
	}
	client, err := flight.NewClientWithMiddlewareCtx(ctx, coordAddr, nil, nil, t.DialOption())
	if err != nil {
		return err
	}
	defer client.Close()
	body, _ := json.Marshal(HeartbeatSpec{Addr: self, Incarnation: newIncarnation()})
	log = log.With(qlog.Worker(self), zap.String("coordinator", coordAddr))
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		err := beat(ctx, client, body, secret, interval)
		switch {
		case err == nil && !registered.Load():
			registered.Store(true)
			log.Info("worker registered", zap.String("addr", self))
		case err != nil && registered.Load():
			registered.Store(false)
			log.Warn("heartbeat failed", zap.Error(err))
		case err != nil:
			log.Debug("heartbeat failed", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// newIncarnation names one run of a worker process.
func newIncarnation() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func beat(ctx context.Context, client flight.Client, body, secret []byte, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, 2*timeout)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, AuthHeader, BearerSecret(secret))
	stream, err := client.DoAction(ctx, &flight.Action{Type: ActionHeartbeat, Body: body})
	if err != nil {
		return err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}
