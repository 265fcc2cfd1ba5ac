package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// nodeFlags are the flags every role shares.
type nodeFlags struct {
	dataDir     string
	secret      string
	maxMessage  int
	memoryLimit string
	threads     int
}

func (n *nodeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&n.dataDir, "data-dir", "./quiver-data", "data directory (shared by every node of a cluster)")
	fs.StringVar(&n.secret, "cluster-secret", os.Getenv("QUIVER_CLUSTER_SECRET"),
		"hex cluster secret for node-to-node calls and tickets (default: $QUIVER_CLUSTER_SECRET, else <data-dir>/cluster-secret)")
	fs.IntVar(&n.maxMessage, "max-message-bytes", 256<<20, "largest gRPC message accepted or sent")
	fs.StringVar(&n.memoryLimit, "memory-limit", "", "DuckDB memory_limit of each worker, e.g. 4GB (default: DuckDB's)")
	fs.IntVar(&n.threads, "threads", 0, "DuckDB threads of each worker (default: one per core)")
}

// absDataDir creates the data directory and returns its absolute path.
func (n *nodeFlags) absDataDir() (string, error) {
	dir, err := filepath.Abs(n.dataDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create data directory: %w", err)
	}
	return dir, nil
}

// clusterSecret is the flag's secret, or the one stored in the shared data
// directory, created on first use (so that every node on the same data
// directory agrees without configuration).
func (n *nodeFlags) clusterSecret(dataDir string) ([]byte, error) {
	if n.secret != "" {
		return hex.DecodeString(n.secret)
	}
	path := filepath.Join(dataDir, "cluster-secret")
	if b, err := os.ReadFile(path); err == nil {
		return hex.DecodeString(strings.TrimSpace(string(b)))
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	// O_EXCL: of two nodes starting at once, one writes and both read its secret.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		_, err = f.WriteString(hex.EncodeToString(secret))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("write cluster secret: %w", err)
		}
		return secret, nil
	}
	time.Sleep(50 * time.Millisecond)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cluster secret: %w", err)
	}
	return hex.DecodeString(strings.TrimSpace(string(b)))
}
