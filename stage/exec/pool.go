package exec

import (
	"github.com/apache/arrow-go/v18/arrow/memory"
	"google.golang.org/grpc/mem"
)

// outputAllocator allocates the coalesced batches a task outputs. Their
// large buffers come from a tiered pool of byte slices (gRPC's, the one
// its transport uses) and go back to it when the batch is released:
// after gRPC has sent it (flightsrv's frames), spilled it or a local run's
// caller is done. A fresh multi-megabyte Go allocation per batch cost a
// page fault per 4 KiB page (about a tenth of a result stream's CPU) and
// a garbage collection every few batches.
var outputAllocator memory.Allocator = newPoolAllocator()

// Pooled sizes: below minPooled a Go allocation is cheap; the tiers
// double from there to 16 MiB, above which the pool keeps slices of any
// size.
const minPooled = 64 << 10

var pooledTiers = []uint8{16, 17, 18, 19, 20, 21, 22, 23, 24}

// poolAllocator is a memory.Allocator over a mem.BufferPool. The pool
// zeroes what it hands out, as Go's allocator does.
type poolAllocator struct {
	pool  mem.BufferPool
	small memory.Allocator
}

func newPoolAllocator() poolAllocator {
	pool, err := mem.NewBinaryTieredBufferPool(pooledTiers...)
	if err != nil {
		panic(err) // the tiers are constants
	}
	return poolAllocator{pool: pool, small: memory.NewGoAllocator()}
}

func (a poolAllocator) Allocate(size int) []byte {
	if size < minPooled {
		return a.small.Allocate(size)
	}
	return (*a.pool.Get(size))[:size]
}

func (a poolAllocator) Reallocate(size int, b []byte) []byte {
	if size <= cap(b) && (size < minPooled) == (cap(b) < minPooled) {
		return b[:size]
	}
	nb := a.Allocate(size)
	copy(nb, b)
	a.Free(b)
	return nb
}

func (a poolAllocator) Free(b []byte) {
	if cap(b) < minPooled {
		return // Go memory: the collector frees it
	}
	b = b[:cap(b)]
	a.pool.Put(&b)
}
