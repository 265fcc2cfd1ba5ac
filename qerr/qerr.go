// Package qerr is Quiver's one error type: every error that can reach a client
// carries a stable Quiver code and the gRPC code it maps to. Errors are made by
// the constructors on Code (ErrNotFound.New("table %s", name)) and tested with
// errors.Is / errors.As, never by message.
//
// qerr sits below every other package so that the catalog, the planner and the
// worker runtime can all produce typed errors. It owns no I/O; only flightsrv
// turns an *Error into a gRPC status, and back again on the worker-to-coordinator
// hop (Encode / Decode keep the code intact across it).
package qerr

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"google.golang.org/grpc/codes"
)

// Code is a stable Quiver error code. Its string form travels in gRPC status
// messages so that the code survives the worker-to-coordinator hop.
type Code string

// The codes every layer can raise. Each maps to exactly one gRPC code.
const (
	ErrSyntax        Code = "SYNTAX"            // the SQL text does not parse
	ErrInvalid       Code = "INVALID"           // well-formed but meaningless request
	ErrUnsupported   Code = "UNSUPPORTED"       // valid SQL that Quiver does not run yet
	ErrNotFound      Code = "NOT_FOUND"         // unknown database, table or column
	ErrAlreadyExists Code = "ALREADY_EXISTS"    // CREATE of an existing object
	ErrBadTicket     Code = "BAD_TICKET"        // a ticket that does not decode
	ErrUnauthorized  Code = "UNAUTHENTICATED"   // bad credentials or signature
	ErrDenied        Code = "PERMISSION_DENIED" // the principal lacks a privilege
	ErrUnavailable   Code = "UNAVAILABLE"       // no live worker, a worker lost
	ErrCancelled     Code = "CANCELLED"         // the query was cancelled
	ErrExpired       Code = "EXPIRED"           // a result or ticket past its expiry
	ErrConflict      Code = "CONFLICT"          // a transaction lost to a concurrent change
	ErrTooLarge      Code = "TOO_LARGE"         // a limit was exceeded
	ErrInternal      Code = "INTERNAL"          // a bug: never the user's fault
)

var grpcCodes = map[Code]codes.Code{
	ErrSyntax:        codes.InvalidArgument,
	ErrInvalid:       codes.InvalidArgument,
	ErrUnsupported:   codes.InvalidArgument,
	ErrNotFound:      codes.NotFound,
	ErrAlreadyExists: codes.AlreadyExists,
	ErrBadTicket:     codes.InvalidArgument,
	ErrUnauthorized:  codes.Unauthenticated,
	ErrDenied:        codes.PermissionDenied,
	ErrUnavailable:   codes.Unavailable,
	ErrCancelled:     codes.Canceled,
	ErrExpired:       codes.NotFound,
	ErrConflict:      codes.Aborted,
	ErrTooLarge:      codes.ResourceExhausted,
	ErrInternal:      codes.Internal,
}

// GRPC is the gRPC code that c maps to.
func (c Code) GRPC() codes.Code {
	if g, ok := grpcCodes[c]; ok {
		return g
	}
	return codes.Unknown
}

// New makes an error of code c with a formatted message.
func (c Code) New(format string, args ...any) *Error {
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...)}
}

// Wrap makes an error of code c whose message is prefixed to cause's.
// errors.Unwrap reaches cause.
func (c Code) Wrap(cause error, format string, args ...any) *Error {
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...), cause: cause}
}

// Error is a Quiver error: a code, a message for the user and an optional cause.
type Error struct {
	Code  Code
	Msg   string
	cause error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return e.Msg + ": " + e.cause.Error()
	}
	return e.Msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.cause }

// Is reports whether target is an *Error of the same code.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Code == e.Code
	}
	return false
}

// CodeOf returns the code of the first *Error in err's chain, ErrCancelled for
// context cancellation, and ErrInternal for anything else.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if errors.Is(err, context.Canceled) {
		return ErrCancelled
	}
	return ErrInternal
}

// Has reports whether err carries code c.
func Has(err error, c Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == c
}

// Encode renders err as a status message "[CODE] message" that Decode reads back.
func Encode(err error) string {
	return "[" + string(CodeOf(err)) + "] " + err.Error()
}

// Decode reads a message made by Encode. A message without a code prefix
// becomes an error of code fallback.
func Decode(msg string, fallback Code) *Error {
	if strings.HasPrefix(msg, "[") {
		if i := strings.Index(msg, "] "); i > 0 {
			code := Code(msg[1:i])
			if _, ok := grpcCodes[code]; ok {
				return &Error{Code: code, Msg: msg[i+2:]}
			}
		}
	}
	return &Error{Code: fallback, Msg: msg}
}
