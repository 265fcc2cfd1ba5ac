package flightsrv

import (
	"errors"
	"slices"
	"strconv"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/qerr"
)

// grpcCodes is the gRPC code of every qerr code: what a client sees.
var grpcCodes = map[qerr.Code]codes.Code{
	qerr.ErrSyntax:        codes.InvalidArgument,
	qerr.ErrInvalid:       codes.InvalidArgument,
	qerr.ErrUnsupported:   codes.InvalidArgument,
	qerr.ErrNotFound:      codes.NotFound,
	qerr.ErrAlreadyExists: codes.AlreadyExists,
	qerr.ErrBadTicket:     codes.InvalidArgument,
	qerr.ErrUnauthorized:  codes.Unauthenticated,
	qerr.ErrDenied:        codes.PermissionDenied,
	qerr.ErrUnavailable:   codes.Unavailable,
	qerr.ErrCancelled:     codes.Canceled,
	qerr.ErrExpired:       codes.NotFound,
	qerr.ErrConflict:      codes.Aborted,
	qerr.ErrTooLarge:      codes.ResourceExhausted,
	qerr.ErrInternal:      codes.Internal,
}

// errorDomain is the ErrorInfo domain of Quiver's status details: their
// Reason is a qerr code.
const errorDomain = "quiver"

// ErrorSpec is a qerr.Error on the wire: its code, message (the whole
// chain's, err.Error()) and retryability. A status carries it as an
// errdetails.ErrorInfo detail (Reason the code, Metadata "message" and
// "retryable"); a CancelSpec as JSON.
type ErrorSpec struct {
	Code      qerr.Code `json:"code"`
	Message   string    `json:"message"`
	Retryable bool      `json:"retryable,omitempty"`
	// Lost is the worker that a call behind the error could not reach (a
	// coordinator.LostError's Addr): a consumer task that lost its
	// producer says which worker is gone, so that the coordinator
	// suspects that one.
	Lost string `json:"lost,omitempty"`
}

// errorSpecOf is err as it crosses the wire; nil is nil.
func errorSpecOf(err error) *ErrorSpec {
	if err == nil {
		return nil
	}
	s := &ErrorSpec{Code: qerr.CodeOf(err), Message: err.Error(), Retryable: qerr.Retryable(err)}
	var lost *coordinator.LostError
	if errors.As(err, &lost) {
		s.Lost = lost.Addr
	}
	return s
}

// Err is the qerr.Error the spec describes; a code this node does not
// know is ErrInternal's.
func (s *ErrorSpec) Err() *qerr.Error {
	code := s.Code
	if !slices.Contains(qerr.Codes, code) {
		code = qerr.ErrInternal
	}
	return &qerr.Error{Code: code, Msg: s.Message, Retryable: s.Retryable}
}

// error is the error the spec describes: Err, as a LostError when it
// names a lost worker.
func (s *ErrorSpec) error() error {
	if s.Lost != "" {
		return &coordinator.LostError{Addr: s.Lost, Err: s.Err()}
	}
	return s.Err()
}

// StatusFromError maps err to the gRPC status that a Flight handler returns.
// The code is the gRPC code of err's qerr code (context cancellation is
// CANCELLED, anything without a code INTERNAL); the message, what clients
// read, is "[CODE] " and err's message; an ErrorInfo detail carries the
// error whole (ErrorSpec), for ErrorFromStatus on the other side. An
// error that already is a gRPC status without a qerr code passes through.
// nil is nil.
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
	spec := errorSpecOf(err)
	g, ok := grpcCodes[spec.Code]
	if !ok {
		g = codes.Internal
	}
	st := status.New(g, "["+string(spec.Code)+"] "+spec.Message)
	withInfo, derr := st.WithDetails(&errdetails.ErrorInfo{
		Reason:   string(spec.Code),
		Domain:   errorDomain,
		Metadata: metadataOf(spec),
	})
	if derr != nil {
		return st.Err() // an ErrorInfo always marshals
	}
	return withInfo.Err()
}

// ErrorFromStatus turns an error a Quiver Flight call returned into the
// qerr error the server raised: a status with StatusFromError's detail
// becomes the same code, message and retryability; a status without one
// (a refused connection, a server that is not Quiver's) gets the code its
// gRPC code maps to and its message, and a lost connection is retryable
// (ErrUnavailable). Other errors pass through; nil is nil.
func ErrorFromStatus(err error) error {
	if err == nil {
		return nil
	}
	var se interface{ GRPCStatus() *status.Status }
	if !errors.As(err, &se) {
		return err
	}
	st := se.GRPCStatus()
	if st.Code() == codes.OK {
		return err
	}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok && info.GetDomain() == errorDomain {
			md := info.GetMetadata()
			return (&ErrorSpec{Code: qerr.Code(info.GetReason()), Message: md["message"], Retryable: md["retryable"] == "true",
				Lost: md["lost"]}).error()
		}
	}
	return codeOfStatus(st.Code()).New("%s", st.Message())
}

// metadataOf is spec as ErrorInfo metadata.
func metadataOf(spec *ErrorSpec) map[string]string {
	md := map[string]string{"message": spec.Message, "retryable": strconv.FormatBool(spec.Retryable)}
	if spec.Lost != "" {
		md["lost"] = spec.Lost
	}
	return md
}

// connectionLost reports whether err, a failed call's error, is the
// transport's: UNAVAILABLE without the detail a Quiver server puts on the
// errors it raises (a refused or lost connection, a process gone).
func connectionLost(err error) bool {
	st, ok := status.FromError(err)
	if !ok || st.Code() != codes.Unavailable {
		return false
	}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok && info.GetDomain() == errorDomain {
			return false
		}
	}
	return true
}

// codeOfStatus is the qerr code of a status that carries none.
func codeOfStatus(c codes.Code) qerr.Code {
	switch c {
	case codes.InvalidArgument, codes.FailedPrecondition, codes.OutOfRange:
		return qerr.ErrInvalid
	case codes.NotFound:
		return qerr.ErrNotFound
	case codes.AlreadyExists:
		return qerr.ErrAlreadyExists
	case codes.Unauthenticated:
		return qerr.ErrUnauthorized
	case codes.PermissionDenied:
		return qerr.ErrDenied
	case codes.Unavailable:
		return qerr.ErrUnavailable
	case codes.Canceled, codes.DeadlineExceeded:
		return qerr.ErrCancelled
	case codes.ResourceExhausted:
		return qerr.ErrTooLarge
	case codes.Unimplemented:
		return qerr.ErrUnsupported
	}
	return qerr.ErrInternal
}
