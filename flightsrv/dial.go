package flightsrv

import (
	"context"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/stage"
)

// WorkerDialer connects the coordinator to workers through WorkerClient,
// over t's transport (plaintext for nil).
func WorkerDialer(secret []byte, maxMessage int, t *TLS) coordinator.Dialer {
	return func(_ context.Context, addr string) (coordinator.WorkerConn, error) {
		c, err := DialWorker(addr, secret, WithMaxMessageBytes(maxMessage), WithCredentials(t.Credentials()))
		if err != nil {
			return nil, err
		}
		return workerConn{c}, nil
	}
}

// workerConn adapts WorkerClient to coordinator.WorkerConn.
type workerConn struct{ *WorkerClient }

func (w workerConn) RunTask(ctx context.Context, spec *stage.TaskSpec) (coordinator.TaskRun, error) {
	return w.WorkerClient.RunTask(ctx, spec)
}
