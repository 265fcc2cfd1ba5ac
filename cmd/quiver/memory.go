package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"go.uber.org/zap"
)

// idleCheck is how often a node looks whether it went idle holding heap
// memory beyond its live objects; idleFreeBytes is the least such memory
// worth handing back.
const (
	idleCheck     = 10 * time.Second
	idleFreeBytes = 4 << 20
)

// releaseIdleMemory hands the Go heap's spare memory back to the OS once a
// node has gone idle, looking at every tick of every, until ctx ends.
//
// Why: the runtime collects only when allocation reaches the heap goal,
// and a burst (a load, a 10 MB statement) leaves that goal high; with no
// allocation after it, no collection runs until the forced one two minutes
// later, and the background scavenger then returns the pages slowly, so the
// RSS of a node stays at its peak long after the work ended. A check
// period without any collection is the sign of idleness (under load the
// runtime collects every few seconds), and then one debug.FreeOSMemory
// collects and returns everything free at once. Under load it never runs.
func releaseIdleMemory(ctx context.Context, every time.Duration, log *zap.Logger) {
	samples := []metrics.Sample{
		{Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/gc/heap/live:bytes"},                // marked live by the last collection
		{Name: "/memory/classes/heap/objects:bytes"}, // live and not yet swept garbage
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}, // free, not yet returned
	}
	t := time.NewTicker(every)
	defer t.Stop()
	var lastCycles uint64
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(samples)
		cycles := samples[0].Value.Uint64()
		held := samples[2].Value.Uint64() + samples[3].Value.Uint64() + samples[4].Value.Uint64()
		if spare := held - min(held, samples[1].Value.Uint64()); cycles == lastCycles && spare >= idleFreeBytes {
			debug.FreeOSMemory()
			log.Debug("returned idle memory", zap.Uint64("bytes", spare))
			metrics.Read(samples)
			cycles = samples[0].Value.Uint64()
		}
		lastCycles = cycles
	}
}
