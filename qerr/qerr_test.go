package qerr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/quiverdb/quiver/qerr"
)

func TestRetryable(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"lost worker", qerr.ErrUnavailable.New("worker w lost"), true},
		{"refused connection, wrapped", qerr.ErrUnavailable.Wrap(errors.New("connection refused"), "dial w"), true},
		{"behind fmt.Errorf", fmt.Errorf("task 1.0: %w", qerr.ErrUnavailable.New("worker w lost")), true},
		{"the first qerr error decides", qerr.ErrInternal.Wrap(qerr.ErrUnavailable.New("lost"), "bug"), false},
		{"marked by hand", &qerr.Error{Code: qerr.ErrInternal, Msg: "flaky", Retryable: true}, true},
		{"context added to a marked error", qerr.ErrInternal.Wrap(&qerr.Error{Code: qerr.ErrInternal, Msg: "flaky", Retryable: true}, "task 1.0"), true},
		{"context added to an unavailable error marked final", qerr.ErrUnavailable.Wrap(&qerr.Error{Code: qerr.ErrUnavailable, Msg: "gone for good"}, "task 1.0"), false},
		{"bad SQL", qerr.ErrSyntax.New("near x"), false},
		{"cancelled", qerr.ErrCancelled.New("by the user"), false},
		{"context cancellation", context.Canceled, false},
		{"plain", errors.New("plain"), false},
		{"nil", nil, false},
	}
	for _, tc := range cases {
		if got := qerr.Retryable(tc.err); got != tc.want {
			t.Errorf("%s: Retryable(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}
