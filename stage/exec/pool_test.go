package exec

import (
	"bytes"
	"testing"
)

// TestPoolAllocator checks that pooled memory comes back zeroed, as Go's
// allocator gives it, and that Reallocate keeps the contents.
func TestPoolAllocator(t *testing.T) {
	a := newPoolAllocator()
	for _, size := range []int{100, minPooled - 1, minPooled, 3 << 20, 40 << 20} {
		b := a.Allocate(size)
		if len(b) != size {
			t.Fatalf("Allocate(%d) gave %d bytes", size, len(b))
		}
		for i := range b {
			b[i] = 0xAB
		}
		a.Free(b)
		// The pool hands the freed slice out again (or a new one): either
		// way it is zeroed.
		c := a.Allocate(size)
		if !bytes.Equal(c, make([]byte, size)) {
			t.Fatalf("Allocate(%d) after a Free gave memory that is not zeroed", size)
		}
		copy(c, "quiver")
		d := a.Reallocate(2*size+1, c)
		if len(d) != 2*size+1 || string(d[:6]) != "quiver"[:min(6, size)] || !bytes.Equal(d[size:], make([]byte, size+1)) {
			t.Fatalf("Reallocate(%d) lost the contents or left garbage", 2*size+1)
		}
		a.Free(d)
	}
}
