package catalog

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"golang.org/x/sync/errgroup"
)

// BenchmarkCommitAppend measures concurrent appends to one table that
// already holds many files: 20 writers commit 16 files each per Commit
// (the coordinator's INSERT path), and commits/s is the figure. The cost
// of an append should not depend on the files already there.
//
//	go test ./catalog/ -run '^$' -bench CommitAppend -benchtime 400x
func BenchmarkCommitAppend(b *testing.B) {
	const writers, perCommit = 20, 16
	for _, prefill := range []int{8000, 32000} {
		b.Run(fmt.Sprintf("files=%d", prefill), func(b *testing.B) {
			ctx := context.Background()
			c, err := OpenBolt(b.TempDir() + "/catalog.db")
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			tbl := sampleTable("main", "t")
			if err := c.CreateTable(ctx, tbl, false); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < prefill; i += 1000 {
				if _, err := c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID,
					Files: dataFiles(fmt.Sprintf("fill-%d", i), min(1000, prefill-i))}}); err != nil {
					b.Fatal(err)
				}
			}
			var next atomic.Int64
			b.ResetTimer()
			var g errgroup.Group
			for range writers {
				g.Go(func() error {
					for {
						n := next.Add(1)
						if n > int64(b.N) {
							return nil
						}
						if _, err := c.Commit(ctx, []Change{{Kind: ChangeAppend, Database: "main", Name: "t", TableID: tbl.ID,
							Files: dataFiles(fmt.Sprintf("bench-%d", n), perCommit)}}); err != nil {
							return err
						}
					}
				})
			}
			if err := g.Wait(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
		})
	}
}
