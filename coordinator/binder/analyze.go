package binder

import (
	"context"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/coordinator/logical"
	"github.com/quiverdb/quiver/qerr"
)

// Analyze is ANALYZE TABLE t [, ...]: each table's statistics recomputed
// from its files. Scans read every column of each table, by Scan ID in
// Tables; the coordinator runs each as a distributed scan whose tasks
// describe their files (stage.OutputAnalyze) and commits the statistics.
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
		if t.External != nil {
			return nil, qerr.ErrInvalid.New("ANALYZE TABLE %s.%s: an external table's statistics are read from its files' footers by every query", t.Database, t.Name)
		}
		p, _, err := b.scanTable(ctx, tn, "")
		if err != nil {
			return nil, err
		}
		a.Targets, a.Scans = append(a.Targets, t), append(a.Scans, p.(*logical.Scan))
	}
	return a, nil
}
