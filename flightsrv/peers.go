package flightsrv

import (
	"context"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage/exec"
)

// PeerPool is a worker's clients of the other workers, one per address,
// dialled on first use: the exec.Peers its consumer tasks fetch exchange
// inputs with. Close it after the exec.Worker that uses it.
type PeerPool struct {
	secret []byte
	opts   []ClientOption

	mu      sync.Mutex
	closed  bool
	clients map[string]*WorkerClient
}

var _ exec.Peers = (*PeerPool)(nil)

// NewPeerPool returns a pool whose clients carry the cluster secret,
// allocate received batches from mem and use maxMsg as their gRPC message
// limit, over t's transport (plaintext for nil).
func NewPeerPool(secret []byte, mem memory.Allocator, maxMsg int, t *TLS) *PeerPool {
	return &PeerPool{
		secret:  append([]byte(nil), secret...),
		opts:    []ClientOption{WithAllocator(mem), WithMaxMessageBytes(maxMsg), WithCredentials(t.Credentials())},
		clients: map[string]*WorkerClient{},
	}
}

// Fetch streams the buffer ticket names from the worker at addr (do_get
// with the cluster secret, so that a refusal says why).
func (p *PeerPool) Fetch(ctx context.Context, addr string, ticket []byte) (array.RecordReader, error) {
	c, err := p.client(addr)
	if err != nil {
		return nil, err
	}
	return c.DoGet(ctx, ticket)
}

func (p *PeerPool) client(addr string) (*WorkerClient, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, qerr.ErrUnavailable.New("the clients of peer workers are closed: this worker is shutting down")
	}
	if c, ok := p.clients[addr]; ok {
		return c, nil
	}
	c, err := DialWorker(addr, p.secret, p.opts...)
	if err != nil {
		return nil, err
	}
	p.clients[addr] = c
	return c, nil
}

// Close closes every client; a later Fetch fails with ErrUnavailable. It
// is idempotent.
func (p *PeerPool) Close() error {
	p.mu.Lock()
	clients := p.clients
	p.clients, p.closed = nil, true
	p.mu.Unlock()
	var first error
	for _, c := range clients {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
