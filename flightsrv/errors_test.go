package flightsrv_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/flightsrv"
	"github.com/quiverdb/quiver/qerr"
)

// TestStatusFromError: the gRPC code and message a client sees for each
// kind of error, and the round trip through the status detail that the
// worker hop relies on (code, message and retryability intact).
func TestStatusFromError(t *testing.T) {
	cases := []struct {
		err       error
		code      codes.Code
		msg       string // the status message clients read
		retryable bool
	}{
		{qerr.ErrNotFound.New("table t"), codes.NotFound, "[NOT_FOUND] table t", false},
		{qerr.ErrSyntax.New("near x"), codes.InvalidArgument, "[SYNTAX] near x", false},
		{qerr.ErrInvalid.New("bad"), codes.InvalidArgument, "[INVALID] bad", false},
		{qerr.ErrUnsupported.New("window"), codes.InvalidArgument, "[UNSUPPORTED] window", false},
		{qerr.ErrAlreadyExists.New("table t"), codes.AlreadyExists, "[ALREADY_EXISTS] table t", false},
		{qerr.ErrBadTicket.New("bad"), codes.InvalidArgument, "[BAD_TICKET] bad", false},
		{qerr.ErrUnauthorized.New("who"), codes.Unauthenticated, "[UNAUTHENTICATED] who", false},
		{qerr.ErrDenied.New("SELECT on main.t"), codes.PermissionDenied, "[PERMISSION_DENIED] SELECT on main.t", false},
		{qerr.ErrExpired.New("late"), codes.NotFound, "[EXPIRED] late", false},
		{qerr.ErrCancelled.New("stop"), codes.Canceled, "[CANCELLED] stop", false},
		{qerr.ErrConflict.New("lost"), codes.Aborted, "[CONFLICT] lost", false},
		{qerr.ErrTooLarge.New("big"), codes.ResourceExhausted, "[TOO_LARGE] big", false},
		{qerr.ErrInternal.New("bug"), codes.Internal, "[INTERNAL] bug", false},
		{qerr.ErrUnavailable.Wrap(errors.New("conn refused"), "worker w"), codes.Unavailable, "[UNAVAILABLE] worker w: conn refused", true},
		{fmt.Errorf("run: %w", qerr.ErrNotFound.New("table t")), codes.NotFound, "[NOT_FOUND] run: table t", false},
		{&qerr.Error{Code: qerr.ErrInternal, Msg: "flaky", Retryable: true}, codes.Internal, "[INTERNAL] flaky", true},
		{context.Canceled, codes.Canceled, "[CANCELLED] context canceled", false},
		{errors.New("plain"), codes.Internal, "[INTERNAL] plain", false},
	}
	for _, tc := range cases {
		st := flightsrv.StatusFromError(tc.err)
		if got := status.Code(st); got != tc.code {
			t.Errorf("%v: %s, want %s", tc.err, got, tc.code)
		}
		if got := status.Convert(st).Message(); got != tc.msg {
			t.Errorf("%v: message %q, want %q", tc.err, got, tc.msg)
		}
		back := flightsrv.ErrorFromStatus(st)
		var qe *qerr.Error
		if !errors.As(back, &qe) {
			t.Fatalf("%v: decoded %T, not a qerr error", tc.err, back)
		}
		if qe.Code != qerr.CodeOf(tc.err) || qe.Msg != tc.err.Error() || qe.Retryable != tc.retryable {
			t.Errorf("%v: decoded %+v, want code %s, message %q, retryable %v", tc.err, qe, qerr.CodeOf(tc.err), tc.err.Error(), tc.retryable)
		}
		if qerr.Retryable(back) != tc.retryable {
			t.Errorf("%v: qerr.Retryable %v", tc.err, !tc.retryable)
		}
	}
	if flightsrv.StatusFromError(nil) != nil || flightsrv.ErrorFromStatus(nil) != nil {
		t.Error("nil is not nil")
	}
	// A status without a qerr code passes through.
	raw := status.Error(codes.Aborted, "raw")
	if flightsrv.StatusFromError(raw) != raw {
		t.Error("raw status rewritten")
	}
}

// TestEveryCodeMaps: each qerr code has a gRPC code of its own row, so none
// reaches a client as INTERNAL by omission.
func TestEveryCodeMaps(t *testing.T) {
	for _, c := range qerr.Codes {
		got := status.Code(flightsrv.StatusFromError(c.New("x")))
		if got == codes.Internal && c != qerr.ErrInternal || got == codes.Unknown || got == codes.OK {
			t.Errorf("%s maps to %s", c, got)
		}
	}
}

// TestErrorFromPlainStatus: a status without Quiver's detail (a refused
// connection, another server) maps by its gRPC code and keeps its message;
// a lost connection is retryable.
func TestErrorFromPlainStatus(t *testing.T) {
	cases := []struct {
		code      codes.Code
		want      qerr.Code
		retryable bool
	}{
		{codes.Unavailable, qerr.ErrUnavailable, true},
		{codes.NotFound, qerr.ErrNotFound, false},
		{codes.InvalidArgument, qerr.ErrInvalid, false},
		{codes.FailedPrecondition, qerr.ErrInvalid, false},
		{codes.AlreadyExists, qerr.ErrAlreadyExists, false},
		{codes.Unauthenticated, qerr.ErrUnauthorized, false},
		{codes.PermissionDenied, qerr.ErrDenied, false},
		{codes.Canceled, qerr.ErrCancelled, false},
		{codes.DeadlineExceeded, qerr.ErrCancelled, false},
		{codes.ResourceExhausted, qerr.ErrTooLarge, false},
		{codes.Unimplemented, qerr.ErrUnsupported, false},
		{codes.DataLoss, qerr.ErrInternal, false},
	}
	for _, tc := range cases {
		// A message that looks like the old "[CODE] msg" prefix is only a
		// message now.
		msg := "[NOT_FOUND] connection error: " + tc.code.String()
		err := flightsrv.ErrorFromStatus(fmt.Errorf("call: %w", status.Error(tc.code, msg)))
		var qe *qerr.Error
		if !errors.As(err, &qe) {
			t.Fatalf("%s: %T, not a qerr error", tc.code, err)
		}
		if qe.Code != tc.want || qe.Msg != msg || qe.Retryable != tc.retryable {
			t.Errorf("%s: %+v, want code %s, message %q, retryable %v", tc.code, qe, tc.want, msg, tc.retryable)
		}
	}
	plain := errors.New("not a status")
	if flightsrv.ErrorFromStatus(plain) != plain {
		t.Error("a non-status error was rewritten")
	}
}

// TestCancelReasonRoundTrip: a cancel's reason crosses in CancelSpec's JSON
// as the error it was.
func TestCancelReasonRoundTrip(t *testing.T) {
	spec := flightsrv.CancelSpec{Query: "q", Reason: &flightsrv.ErrorSpec{Code: qerr.ErrUnavailable, Message: "worker w lost", Retryable: true}}
	b, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	var back flightsrv.CancelSpec
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	got := back.Reason.Err()
	if got.Code != qerr.ErrUnavailable || got.Msg != "worker w lost" || !got.Retryable {
		t.Errorf("reason %+v from %s", got, b)
	}
	unknown := (&flightsrv.ErrorSpec{Code: "FROM_THE_FUTURE", Message: "m"}).Err()
	if unknown.Code != qerr.ErrInternal || unknown.Msg != "m" {
		t.Errorf("unknown code decoded as %+v", unknown)
	}
	var plain flightsrv.CancelSpec
	if err := json.Unmarshal([]byte(`{"query":"q"}`), &plain); err != nil || plain.Reason != nil {
		t.Errorf("plain cancel: %+v, %v", plain, err)
	}
}

// TestStatusLostWorker: an error behind which a call could not reach a
// worker (a consumer task whose producer's worker is gone) crosses the
// hop naming that worker, so that the coordinator suspects it and not the
// consumer's worker.
func TestStatusLostWorker(t *testing.T) {
	lost := &coordinator.LostError{Addr: "10.0.0.2:47480", Err: qerr.ErrUnavailable.New("EOF")}
	err := qerr.ErrUnavailable.Wrap(lost, "exchange 3 from task 3.1 at 10.0.0.2:47480")
	back := flightsrv.ErrorFromStatus(flightsrv.StatusFromError(err))
	var got *coordinator.LostError
	if !errors.As(back, &got) || got.Addr != lost.Addr {
		t.Fatalf("decoded %#v, want a LostError naming %s", back, lost.Addr)
	}
	if !qerr.Retryable(back) || back.Error() != err.Error() {
		t.Errorf("decoded %q (retryable %v), want %q, retryable", back, qerr.Retryable(back), err)
	}
	if back := flightsrv.ErrorFromStatus(flightsrv.StatusFromError(qerr.ErrUnavailable.New("shutting down"))); errors.As(back, &got) {
		t.Errorf("an error without a lost worker decoded as one: %v", back)
	}
}
