package flightsrv

import (
	"context"

	"google.golang.org/grpc/stats"

	"github.com/quiverdb/quiver/coordinator"
)

// connWatch is the servers' stats handler that gives every call's context
// a channel closed when the client's connection closes
// (coordinator.WithClientGone): a query outlives the call that started it,
// not its client. It also keeps the connection's lentFrames, and releases
// them when the connection has ended.
type connWatch struct{}

// connEndKey carries the function that closes a connection's channel.
type connEndKey struct{}

func (connWatch) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context {
	gone, end := context.WithCancel(context.Background())
	ctx = coordinator.WithClientGone(ctx, gone.Done())
	ctx = withLentFrames(ctx)
	return context.WithValue(ctx, connEndKey{}, end)
}

func (connWatch) HandleConn(ctx context.Context, s stats.ConnStats) {
	if _, ok := s.(*stats.ConnEnd); ok {
		if end, ok := ctx.Value(connEndKey{}).(context.CancelFunc); ok {
			end()
		}
		if l := lentFramesOf(ctx); l != nil {
			l.releaseAll()
		}
	}
}

func (connWatch) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context { return ctx }

func (connWatch) HandleRPC(context.Context, stats.RPCStats) {}

var _ stats.Handler = connWatch{}
