package binder

import (
	"context"
	"slices"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// Analyze is ANALYZE TABLE t [, ...]: each table's statistics recomputed
// from its files. Scans read every column of each table, by Scan ID in
// Tables; the coordinator runs each as a distributed scan whose tasks
// describe their files (stage.OutputAnalyze) and commits the statistics.
// An external table's files are described as they are now: their sketches
// give the distinct counts that Parquet footers lack, and a CSV file's
// count its rows (ExternalSnapshot).
type Analyze struct {
	Targets []*catalog.Table
	Scans   []*logical.Scan
	Tables  map[int]*catalog.Table
}

func (*Analyze) isStatement() {}

// bindAnalyze binds ANALYZE TABLE. It needs SELECT and INSERT on each table
// (MySQL's privileges for it). The column, index and histogram forms of
// TiDB's grammar are refused: Quiver keeps every column's statistics.
func (b *Binder) bindAnalyze(ctx context.Context, s *ast.AnalyzeTableStmt) (Statement, error) {
	if len(s.PartitionNames) > 0 || len(s.IndexNames) > 0 || len(s.ColumnNames) > 0 || s.IndexFlag || s.Incremental ||
		s.HistogramOperation != ast.HistogramOperationNop || len(s.AnalyzeOpts) > 0 {
		return nil, qerr.ErrUnsupported.New("ANALYZE TABLE with partitions, indexes, columns, histograms or options: Quiver analyzes whole tables (ANALYZE TABLE t)")
	}
	a := &Analyze{Tables: b.tables}
	for _, tn := range s.TableNames {
		t, err := b.table(ctx, tn)
		if err != nil {
			return nil, err
		}
		p, _, err := b.scanTable(ctx, tn, "")
		if err != nil {
			return nil, err
		}
		scan := p.(*logical.Scan)
		if t.External != nil {
			// Files are described whole: no split by row group.
			read := *a.Tables[scan.ID]
			read.Snapshot.Files = slices.Clone(read.Snapshot.Files)
			for i := range read.Snapshot.Files {
				read.Snapshot.Files[i].RowGroups = nil
			}
			a.Tables[scan.ID] = &read
		}
		a.Targets, a.Scans = append(a.Targets, t), append(a.Scans, scan)
	}
	return a, nil
}
