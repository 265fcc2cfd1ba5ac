package coordinator

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quiverdb/quiver/qerr"
)

// waitQueued waits until a holds want queries in line.
func waitQueued(t *testing.T, a *admission, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, q := a.counts(); q == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue never held %d", want)
		}
		time.Sleep(time.Millisecond)
	}
}

type admitted struct {
	release func()
	err     error
}

func admitAsync(ctx context.Context, a *admission) chan admitted {
	ch := make(chan admitted, 1)
	go func() {
		r, err := a.admit(ctx)
		ch <- admitted{r, err}
	}()
	return ch
}

func TestAdmissionUnlimited(t *testing.T) {
	a := newAdmission(0, 0, time.Hour)
	for range 100 {
		if _, err := a.admit(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAdmissionFIFO: beyond the cap queries wait and are admitted in the
// order they came, one per slot given back; past the queue one is refused.
func TestAdmissionFIFO(t *testing.T) {
	ctx := context.Background()
	a := newAdmission(1, 2, time.Hour)
	first, err := a.admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := admitAsync(ctx, a)
	waitQueued(t, a, 1)
	third := admitAsync(ctx, a)
	waitQueued(t, a, 2)
	if _, err := a.admit(ctx); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Fatalf("past the queue: %v, want RESOURCE_EXHAUSTED", err)
	} else if want := "1 queries running, 2 queued"; !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q lacks %q", err, want)
	}
	first()
	first() // a second release gives nothing back
	got := <-second
	if got.err != nil {
		t.Fatal(got.err)
	}
	if r, q := a.counts(); r != 1 || q != 1 {
		t.Fatalf("running %d queued %d, want 1 and 1", r, q)
	}
	got.release()
	got = <-third
	if got.err != nil {
		t.Fatal(got.err)
	}
	got.release()
	if r, q := a.counts(); r != 0 || q != 0 {
		t.Fatalf("running %d queued %d, want none", r, q)
	}
}

func TestAdmissionTimeout(t *testing.T) {
	a := newAdmission(1, 1, time.Millisecond)
	release, err := a.admit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := a.admit(context.Background()); !qerr.Has(err, qerr.ErrTooLarge) {
		t.Fatalf("past the queue timeout: %v, want RESOURCE_EXHAUSTED", err)
	}
	if _, q := a.counts(); q != 0 {
		t.Fatalf("%d queued after a timeout", q)
	}
}

// TestAdmissionCancel: a query cancelled in line leaves it, and the slot
// goes to the next one.
func TestAdmissionCancel(t *testing.T) {
	a := newAdmission(1, 2, time.Hour)
	release, err := a.admit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancelled := admitAsync(ctx, a)
	waitQueued(t, a, 1)
	next := admitAsync(context.Background(), a)
	waitQueued(t, a, 2)
	cancel()
	if got := <-cancelled; !qerr.Has(got.err, qerr.ErrCancelled) {
		t.Fatalf("cancelled in line: %v, want CANCELLED", got.err)
	}
	release()
	got := <-next
	if got.err != nil {
		t.Fatal(got.err)
	}
	got.release()
	if r, q := a.counts(); r != 0 || q != 0 {
		t.Fatalf("running %d queued %d, want none", r, q)
	}

	ctx, cancel = context.WithDeadline(context.Background(), time.Now())
	defer cancel()
	hold, _ := a.admit(context.Background())
	defer hold()
	if _, err := a.admit(ctx); !qerr.Has(err, qerr.ErrCancelled) {
		t.Fatalf("deadline in line: %v, want CANCELLED", err)
	}
}
