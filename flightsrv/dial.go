package flightsrv

import (
	"context"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/exec"
)

// WorkerDialer connects the coordinator to workers through exec.Client,
// over t's transport (plaintext for nil).
func WorkerDialer(secret []byte, maxMessage int, t *TLS) coordinator.Dialer {
	return func(ctx context.Context, addr string) (coordinator.WorkerConn, error) {
		c, err := exec.DialWorker(ctx, addr, secret, exec.WithMaxMessageBytes(maxMessage), exec.WithCredentials(t.Credentials()))
		if err != nil {
			return nil, err
		}
		return workerConn{c}, nil
	}
}

// workerConn adapts exec.Client to coordinator.WorkerConn.
type workerConn struct{ *exec.Client }

func (w workerConn) RunTask(ctx context.Context, spec *stage.TaskSpec) (coordinator.TaskRun, error) {
	return w.Client.RunTask(ctx, spec)
}
