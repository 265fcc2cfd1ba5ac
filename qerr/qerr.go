// Package qerr is Quiver's one error type: every error that can reach a client
// carries a stable Quiver code, and whether the failure is worth retrying.
// Errors are made by the constructors on Code (ErrNotFound.New("table %s",
// name)) and tested with errors.Is / errors.As, never by message.
//
// qerr sits below every other package so that the catalog, the planner and the
// worker runtime can all produce typed errors. It owns no I/O and knows no
// transport: flightsrv alone maps a code to a gRPC status code and carries an
// *Error across the worker-to-coordinator hop in the status's details, from
// which its worker client makes the same *Error again (code, message,
// retryability).
package qerr

import (
	"context"
	"errors"
	"fmt"
)

// Code is a stable Quiver error code: it names the kind of failure to
// clients, in logs and on the wire between nodes.
type Code string

// The codes every layer can raise. Each maps to exactly one gRPC code
// (flightsrv's table).
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

// Codes lists every code, in the order above: what a decoder checks a code
// that came over the wire against.
var Codes = []Code{
	ErrSyntax, ErrInvalid, ErrUnsupported, ErrNotFound, ErrAlreadyExists, ErrBadTicket, ErrUnauthorized,
	ErrDenied, ErrUnavailable, ErrCancelled, ErrExpired, ErrConflict, ErrTooLarge, ErrInternal,
}

// transient says whether a failure of code c is retryable by default: only
// ErrUnavailable (a lost worker, a refused connection), where the same
// work may succeed on another worker or a moment later.
func (c Code) transient() bool { return c == ErrUnavailable }

// New makes an error of code c with a formatted message.
func (c Code) New(format string, args ...any) *Error {
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...), Retryable: c.transient()}
}

// Wrap makes an error of code c whose message is prefixed to cause's.
// errors.Unwrap reaches cause. A cause of the same code hands on its
// retryability (CodeOf(err).Wrap(err, ...) adds context and changes nothing
// else).
func (c Code) Wrap(cause error, format string, args ...any) *Error {
	retryable := c.transient()
	var e *Error
	if errors.As(cause, &e) && e.Code == c {
		retryable = e.Retryable
	}
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...), Retryable: retryable, cause: cause}
}

// Error is a Quiver error: a code, a message for the user and an optional cause.
type Error struct {
	Code Code
	Msg  string
	// Retryable says that the failure is transient: the same work may
	// succeed if run again (on another worker). The constructors set it for
	// ErrUnavailable (Wrap keeps a same-code cause's); it crosses the worker
	// hop as it was.
	Retryable bool
	cause     error
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

// Retryable reports whether the first *Error in err's chain is retryable
// (Error.Retryable); an error without one is not.
func Retryable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Retryable
}
