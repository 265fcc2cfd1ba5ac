package flightsrv

import (
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/qerr"
)

// StatusFromError maps err to the gRPC status that a Flight handler returns:
// the code is the gRPC code of err's qerr code (context cancellation is
// CANCELLED, anything without a code INTERNAL) and the message is
// qerr.Encode(err), which qerr.Decode reads back on the other side. An error
// that already is a gRPC status without a qerr code passes through. nil is nil.
func StatusFromError(err error) error {
	if err == nil {
		return nil
	}
	var qe *qerr.Error
	if !errors.As(err, &qe) {
		if _, ok := status.FromError(err); ok {
			return err
		}
	}
	code := qerr.CodeOf(err)
	g := code.GRPC()
	if g == codes.Unknown {
		g = codes.Internal
	}
	return status.Error(g, qerr.Encode(err))
}
