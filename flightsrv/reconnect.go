package flightsrv

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/connectivity"
)

// A client of a worker outlives the worker's process: the coordinator
// keeps one per member until a restart replaces it, a worker one per peer
// for good. Between failed connection attempts gRPC backs off (by default
// one second, growing to two minutes), and while it does, every call fails
// at once with the last attempt's error. A worker restarted on its address
// would then look lost to every node that tried to reach it while it was
// down: consumers would report it lost, the coordinator would suspect it,
// for as long as the backoff lasts. So the backoff is short, and a call
// that fails at its start while the channel backs off first makes the
// channel try again at once (reconnect).

// workerConnectParams bound the reconnection backoff and the time one
// connection attempt may take.
var workerConnectParams = grpc.ConnectParams{
	Backoff:           backoff.Config{BaseDelay: 100 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: 2 * time.Second},
	MinConnectTimeout: 5 * time.Second,
}

// reconnectWait bounds how long a call waits for reconnect: a worker that
// is really gone costs a call that finds it so no more than this, and one
// that is back connects within a few round trips.
const reconnectWait = 250 * time.Millisecond

// reconnectStream is a stream interceptor (every Flight call a node makes
// is a stream): a call whose stream could not start because the connection
// is down is tried once more after reconnect, if that connects. A stream
// that did not start reached no server, so trying again repeats nothing.
func reconnectStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	s, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil && connectionLost(err) && reconnect(ctx, cc) {
		return streamer(ctx, desc, cc, method, opts...)
	}
	return s, err
}

// reconnect makes a channel that backs off after a failed connection
// attempt try again now, and reports whether it connected within
// reconnectWait. A channel in any other state is left alone: its failure
// was not a stale one. (The channel stays in TransientFailure while it
// tries again, gRFC A62: only Ready says the attempt worked.)
func reconnect(ctx context.Context, cc *grpc.ClientConn) bool {
	if cc.GetState() != connectivity.TransientFailure {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, reconnectWait)
	defer cancel()
	cc.ResetConnectBackoff()
	for {
		state := cc.GetState()
		switch state {
		case connectivity.Ready:
			return true
		case connectivity.Shutdown:
			return false
		case connectivity.Idle:
			cc.Connect()
		}
		if !cc.WaitForStateChange(ctx, state) {
			return false
		}
	}
}
