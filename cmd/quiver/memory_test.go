package main

import (
	"context"
	"runtime/metrics"
	"testing"
	"time"

	"go.uber.org/zap"
)

// released is the Go heap's memory returned to the OS.
func released() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var sink [][]byte

// TestReleaseIdleMemory: after a burst of allocation the process goes
// idle, no collection runs, and releaseIdleMemory hands the burst's pages
// back to the OS.
func TestReleaseIdleMemory(t *testing.T) {
	for range 64 {
		sink = append(sink, make([]byte, 1<<20))
	}
	sink = nil // garbage now, but nothing allocates to collect it
	before := released()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); releaseIdleMemory(ctx, 20*time.Millisecond, zap.NewNop()) }()
	defer func() { cancel(); <-done }()
	for deadline := time.Now().Add(10 * time.Second); released() < before+32<<20; {
		if time.Now().After(deadline) {
			t.Fatalf("released %d MB of the 64 MB burst, want at least 32", (released()-before)>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
