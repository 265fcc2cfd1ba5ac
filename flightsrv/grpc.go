package flightsrv

import (
	"context"
	"runtime/debug"

	"go.uber.org/zap"
	"google.golang.org/grpc"

	"github.com/quiverdb/quiver/qerr"
)

// ServerOptions are the gRPC options of every Quiver server: message limits
// of maxMsg bytes both ways, and interceptors that turn a panicking handler
// into an INTERNAL status with its stack logged, so that one bad request
// never takes the process down (grpc-go does not recover panics).
func ServerOptions(maxMsg int, log *zap.Logger) []grpc.ServerOption {
	if log == nil {
		log = zap.NewNop()
	}
	return []grpc.ServerOption{
		grpc.MaxRecvMsgSize(maxMsg),
		grpc.MaxSendMsgSize(maxMsg),
		grpc.ChainUnaryInterceptor(recoverUnary(log)),
		grpc.ChainStreamInterceptor(recoverStream(log)),
	}
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
