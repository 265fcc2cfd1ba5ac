package exec

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/quiverdb/quiver/qerr"
)

// Config is a worker's runtime configuration.
type Config struct {
	// Address is the host:port other nodes reach this worker's Flight
	// service at. It names the worker in logs and task statistics.
	Address string
	// DataDir is the absolute data directory: scan splits and table
	// directories are relative to it.
	DataDir string
	// Peers fetches exchange inputs from other workers. Required; the
	// Worker does not close it.
	Peers Peers
	// Allocator allocates every Arrow buffer the worker makes. Required.
	Allocator memory.Allocator
	// BatchRows is the number of rows output batches are coalesced to
	// (default 65536).
	BatchRows int
	// BatchBytes caps the bytes of a coalesced batch (default 8 MiB, at most
	// a quarter of MaxMessageBytes), so that wide rows still make messages
	// well under the gRPC limit.
	BatchBytes int
	// MaxMessageBytes is the gRPC message limit of the streams that serve
	// the worker's buffers, which BatchBytes' default stays well within (0:
	// not known here; BatchBytes' default alone).
	MaxMessageBytes int
	// DefaultTTL bounds a task whose spec has no deadline (default 1 hour).
	DefaultTTL time.Duration
	// JanitorInterval is how often expired buffers are freed (default 1 s).
	JanitorInterval time.Duration
	// CancelledTTL is how long a cancelled query is remembered, so that a
	// late StartTask for it is refused (default 10 minutes).
	CancelledTTL time.Duration
	// QueryMemory is how many bytes of exchange and result buffers one
	// query may hold in memory on this worker before they spill (default
	// DefaultQueryMemory; negative: no limit).
	QueryMemory int64
	// SpillLimit caps the bytes of spill files one query may hold on this
	// worker: beyond it, producers wait for readers. 0 means no cap
	// (QueryDiskLimit's where that is set), negative disables spilling.
	SpillLimit int64
	// QueryDiskLimit caps the disk one query may take on this worker: its
	// exchange spill files plus what DuckDB's temp files grew by while it
	// ran (DuckDB does not say whose a block is: diskWatch). Beyond it the
	// query fails with ErrTooLarge on every worker. 0 means no cap.
	QueryDiskLimit int64
	// DiskLimit caps the disk of all queries on this worker together:
	// DuckDB's temp files and every exchange spill file. Beyond it the query
	// that takes the most fails with ErrTooLarge. 0 means no cap.
	DiskLimit int64
	// MemoryLimit caps the resident memory of the worker's process, all of
	// it (DuckDB, exchange buffers, ingest, the Go heap): beyond it the
	// query that grew it the most while it ran fails with ErrTooLarge on
	// every worker (diskWatch). Set it only where the worker is its
	// process's one worker (quiver worker); 0 means no cap.
	MemoryLimit int64
	// DiskCheckInterval is how often the disk limits are checked (default
	// 100 ms): a query may pass its limit by what it writes in that time.
	DiskCheckInterval time.Duration
	// SpillDir is where buffers spill, one subdirectory per query (default
	// <DataDir>/tmp/<address>/spill). The worker owns it: whatever is in it
	// at start is deleted.
	SpillDir string
	// Compression is the IPC compression of exchange and result streams and
	// of spill files: "none" (default), "lz4" or "zstd".
	Compression string
}

// The defaults of Config.BatchRows and Config.BatchBytes.
const (
	defaultBatchRows  = 64 << 10
	defaultBatchBytes = 8 << 20
)

// DefaultQueryMemory is Config.QueryMemory's default: 512 MiB.
const DefaultQueryMemory = 512 << 20

func (c *Config) defaults() {
	if c.BatchRows <= 0 {
		c.BatchRows = defaultBatchRows
	}
	if c.BatchBytes <= 0 {
		c.BatchBytes = defaultBatchBytes
		if c.MaxMessageBytes > 0 {
			c.BatchBytes = min(c.BatchBytes, c.MaxMessageBytes/4)
		}
	}
	if c.DefaultTTL <= 0 {
		c.DefaultTTL = time.Hour
	}
	if c.JanitorInterval <= 0 {
		c.JanitorInterval = time.Second
	}
	if c.CancelledTTL <= 0 {
		c.CancelledTTL = 10 * time.Minute
	}
	if c.SpillLimit == 0 && c.QueryDiskLimit > 0 {
		// Exchange spill alone waits for readers at the query's disk
		// limit rather than failing it: a slow reader is no reason to.
		c.SpillLimit = c.QueryDiskLimit
	}
	if c.DiskCheckInterval <= 0 {
		c.DiskCheckInterval = 100 * time.Millisecond
	}
	if c.QueryMemory == 0 {
		c.QueryMemory = DefaultQueryMemory
	}
	if c.SpillDir == "" && c.DataDir != "" {
		c.SpillDir = filepath.Join(c.DataDir, "tmp", sanitize(c.Address, 100), "spill")
	}
}

// compressionOption is the IPC writer option of a Config.Compression name.
func compressionOption(name string) (ipc.Option, error) {
	switch strings.ToLower(name) {
	case "", "none":
		return nil, nil
	case "lz4", "lz4_frame":
		return ipc.WithLZ4(), nil
	case "zstd":
		return ipc.WithZstd(), nil
	}
	return nil, qerr.ErrInvalid.New("unknown IPC compression %q (want none, lz4 or zstd)", name)
}
