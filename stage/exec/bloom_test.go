package exec

import (
	"math/rand/v2"
	"testing"
)

// TestBloom: every hash added is found, after a trip through bytes too;
// of hashes never added, about bloomBitsPerKey's rate pass.
func TestBloom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var c hashCollector
	added := map[uint64]bool{}
	for range 10 {
		batch := make([]uint64, 10000)
		for i := range batch {
			batch[i] = rng.Uint64()
			added[batch[i]] = true
		}
		c.observe(batch)
	}
	f := c.filter()
	g := bloomFromBytes(f.bytes())
	if g == nil {
		t.Fatal("the filter's bytes do not read back")
	}
	for h := range added {
		if !f.has(h) || !g.has(h) {
			t.Fatalf("hash %x added but not found", h)
		}
	}
	pass := 0
	for range 100000 {
		if h := rng.Uint64(); !added[h] && g.has(h) {
			pass++
		}
	}
	if pass > 3000 { // 1.4% expected
		t.Errorf("%d of 100000 hashes never added pass", pass)
	}
	t.Logf("false positives: %d of 100000", pass)
	if bloomFromBytes(make([]byte, 24)) != nil || bloomFromBytes(nil) != nil {
		t.Error("bytes of no power-of-two size read as a filter")
	}
}

// TestHashCollectorOverflow: past maxBloomKeys hashes a task builds no
// filter, so that its probes apply none.
func TestHashCollectorOverflow(t *testing.T) {
	var c hashCollector
	c.observe(make([]uint64, maxBloomKeys))
	if c.filter() == nil {
		t.Fatal("no filter at the bound")
	}
	c.observe([]uint64{1})
	if c.filter() != nil {
		t.Fatal("a filter past the bound")
	}
}
