package exec

import (
	"math/bits"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
)

// Bloom runtime filters. Where a runtime filter's keys are the hash keys
// of both exchanges of a shuffle join (stage.FilterBuild.Bloom), the build
// task's router sees every row's hash of its keys (the __part column:
// DuckDB's hash(keys), whose remainder is the partition), and the probe
// task's router sees the same hash of the probe keys, since rows that
// join must meet in one partition. So the build tasks collect the hashes
// of the rows they send, each makes a Bloom filter of them, and the probe
// task's router drops, before it partitions them, the rows whose hash no
// build task's filter holds: rows that cannot match, which min / max and a
// list of values let through when the build side holds many scattered
// keys (TPC-H's order keys of one quarter).

// maxBloomKeys bounds the hashes a build task collects (8 bytes each); a
// task that sends more builds no Bloom filter, and its probes apply none.
const maxBloomKeys = 1 << 23

// bloomBitsPerKey sizes a filter: with two probes, 16 bits per key pass
// about 1.4% of the rows that match nothing.
const bloomBitsPerKey = 16

// bloom is a Bloom filter over 64-bit hashes, of a power-of-two size, with
// two probes taken from the hash's two halves.
type bloom struct {
	words []uint64
	mask  uint64 // bits - 1
}

func newBloom(keys int) *bloom {
	n := uint64(max(keys, 1)) * bloomBitsPerKey
	size := uint64(1) << bits.Len64(n-1) // the power of two at or above n
	size = max(size, 64)
	return &bloom{words: make([]uint64, size/64), mask: size - 1}
}

// bloomFromBytes is the filter that bytes (bloom.bytes) hold, or nil where
// they are no such filter.
func bloomFromBytes(b []byte) *bloom {
	if len(b) < 8 || len(b)%8 != 0 || bits.OnesCount(uint(len(b)/8)) != 1 {
		return nil
	}
	words := make([]uint64, len(b)/8)
	copy(arrow.Uint64Traits.CastToBytes(words), b)
	return &bloom{words: words, mask: uint64(len(words))*64 - 1}
}

func (f *bloom) probes(h uint64) (uint64, uint64) {
	return h & f.mask, (h>>32 ^ h*0x9e3779b97f4a7c15) & f.mask
}

func (f *bloom) add(h uint64) {
	a, b := f.probes(h)
	f.words[a/64] |= 1 << (a % 64)
	f.words[b/64] |= 1 << (b % 64)
}

func (f *bloom) has(h uint64) bool {
	a, b := f.probes(h)
	return f.words[a/64]&(1<<(a%64)) != 0 && f.words[b/64]&(1<<(b%64)) != 0
}

func (f *bloom) bytes() []byte { return arrow.Uint64Traits.CastToBytes(f.words) }

// bloomSet is what a probe task keeps: the rows whose hash one build
// task's filter holds.
type bloomSet []*bloom

func (s bloomSet) has(h uint64) bool {
	for _, f := range s {
		if f.has(h) {
			return true
		}
	}
	return false
}

// hashCollector gathers the hashes of a build task's rows, from every
// goroutine that routes them, up to maxBloomKeys.
type hashCollector struct {
	mu       sync.Mutex
	hashes   []uint64
	overflow bool
}

func (c *hashCollector) observe(hashes []uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.overflow {
		return
	}
	if len(c.hashes)+len(hashes) > maxBloomKeys {
		c.overflow, c.hashes = true, nil
		return
	}
	c.hashes = append(c.hashes, hashes...)
}

// filter is the Bloom filter of what was observed, nil after an overflow.
func (c *hashCollector) filter() *bloom {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.overflow {
		return nil
	}
	f := newBloom(len(c.hashes))
	for _, h := range c.hashes {
		f.add(h)
	}
	return f
}
