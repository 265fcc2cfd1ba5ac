package flightsrv

import (
	"context"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/apache/arrow-go/v18/arrow/flight"
	"go.uber.org/zap"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// ServerOptions are the gRPC options of every Quiver server: message limits
// of maxMsg bytes both ways, interceptors that turn a panicking handler
// into an INTERNAL status with its stack logged, so that one bad request
// never takes the process down (grpc-go does not recover panics), and the
// check of every Arrow IPC message a client streams in (checkedStream).
// Calls run on a pool of one goroutine per core (a call beyond them on a
// goroutine of its own, as without the pool): a fresh goroutine per call
// grows its stack anew, and the SQL parser's deep frames made that a
// sixth of a constant query's time. The codec is gRPC's proto codec, but
// sends a do_get's batches without copying them (frames.go).
func ServerOptions(maxMsg int, log *zap.Logger) []grpc.ServerOption {
	if log == nil {
		log = zap.NewNop()
	}
	return []grpc.ServerOption{
		grpc.MaxRecvMsgSize(maxMsg),
		grpc.MaxSendMsgSize(maxMsg),
		grpc.ChainUnaryInterceptor(recoverUnary(log)),
		grpc.ChainStreamInterceptor(recoverStream(log), checkIPCStream),
		grpc.NumStreamWorkers(uint32(runtime.NumCPU())),
		grpc.StatsHandler(connWatch{}),
		grpc.ForceServerCodecV2(newFrameCodec()),
	}
}

// checkIPCStream runs every streaming call with checkedStream.
func checkIPCStream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, checkedStream{ss})
}

// checkedStream checks the IPC metadata of every FlightData it receives
// (do_put, do_exchange) with stage.CheckIPCMessage before arrow-go decodes
// it: a forged length there would otherwise make the decoder allocate
// without bound, which ends the process. A message that fails ends the
// call with INVALID_ARGUMENT.
type checkedStream struct{ grpc.ServerStream }

func (s checkedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if fd, ok := m.(*flight.FlightData); ok {
		if err := stage.CheckIPCMessage(fd.GetDataHeader(), fd.GetDataBody()); err != nil {
			return StatusFromError(err)
		}
	}
	return nil
}

func recovered(log *zap.Logger, method string, r any) error {
	log.Error("panic in gRPC handler", zap.String("method", method), zap.Any("panic", r),
		zap.ByteString("stack", debug.Stack()))
	return StatusFromError(qerr.ErrInternal.New("internal error in %s: %v", method, r))
}

func recoverUnary(log *zap.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if r := recover(); r != nil {
				resp, err = nil, recovered(log, info.FullMethod, r)
			}
		}()
		return handler(ctx, req)
	}
}

func recoverStream(log *zap.Logger) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = recovered(log, info.FullMethod, r)
			}
		}()
		return handler(srv, ss)
	}
}

// Stop stops srv gracefully, so that its streams end with their status
// and gRPC writes and frees the frames queued on them, and at once when
// that takes longer than timeout (connWatch then releases the frames gRPC
// dropped).
func Stop(srv *grpc.Server, timeout time.Duration) {
	stopped := make(chan struct{})
	go func() { srv.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(timeout):
		srv.Stop()
	}
}
