package tpch

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/pingcap/go-tpc/tpch/dbgen"
)

// dbgenMu serialises dbgen, whose state (scale, seeds, text pool, loaders)
// is global to its package.
var dbgenMu sync.Mutex

// generateDbgen runs go-tpc's dbgen at a whole scale factor, with loaders
// that append its rows to the table writers instead of writing '|' files.
func generateDbgen(ctx context.Context, sf int64, w map[string]*tableWriter) error {
	dbgenMu.Lock()
	defer dbgenMu.Unlock()
	// dbgen prints "generating ..." lines with fmt.Printf; keep stdout for
	// our own output while it runs.
	if devnull, err := os.Open(os.DevNull); err == nil {
		saved := os.Stdout
		os.Stdout = devnull
		defer func() { os.Stdout = saved; devnull.Close() }()
	}
	dbgen.InitDbGen(sf)
	loaders := map[dbgen.Table]dbgen.Loader{
		dbgen.TNation: &dbgenLoader{ctx: ctx, w: w["nation"], load: loadNation},
		dbgen.TRegion: &dbgenLoader{ctx: ctx, w: w["region"], load: loadRegion},
		dbgen.TSupp:   &dbgenLoader{ctx: ctx, w: w["supplier"], load: loadSupplier},
		dbgen.TCust:   &dbgenLoader{ctx: ctx, w: w["customer"], load: loadCustomer},
		dbgen.TPart:   &dbgenLoader{ctx: ctx, w: w["part"], load: loadPart},
		dbgen.TPsupp:  &dbgenLoader{ctx: ctx, w: w["partsupp"], load: loadPartsupp},
		dbgen.TOrder:  &dbgenLoader{ctx: ctx, w: w["orders"], load: loadOrder},
		dbgen.TLine:   &dbgenLoader{ctx: ctx, w: w["lineitem"], load: loadLineitems},
	}
	// TPartPsupp and TOrderLine generate two tables from one row each,
	// through the TPart/TPsupp and TOrder/TLine loaders above.
	return dbgen.DbGen(loaders, []dbgen.Table{
		dbgen.TRegion, dbgen.TNation, dbgen.TSupp, dbgen.TCust, dbgen.TPartPsupp, dbgen.TOrderLine,
	})
}

// dbgenLoader adapts one table's writer to dbgen.Loader.
type dbgenLoader struct {
	ctx  context.Context
	w    *tableWriter
	load func(ctx context.Context, w *tableWriter, item any) error
}

func (l *dbgenLoader) Load(item any) error {
	if err := l.ctx.Err(); err != nil {
		return err
	}
	return l.load(l.ctx, l.w, item)
}

// Flush is a no-op: the writer batches by row count and the last batch is
// flushed when generation ends.
func (l *dbgenLoader) Flush() error { return nil }

func loadRegion(ctx context.Context, w *tableWriter, item any) error {
	r := item.(*dbgen.Region)
	w.i32(0, int64(r.Code))
	w.str(1, r.Text)
	w.str(2, r.Comment)
	return w.endRow(ctx)
}

func loadNation(ctx context.Context, w *tableWriter, item any) error {
	n := item.(*dbgen.Nation)
	w.i32(0, int64(n.Code))
	w.str(1, n.Text)
	w.i32(2, int64(n.Join))
	w.str(3, n.Comment)
	return w.endRow(ctx)
}

func loadSupplier(ctx context.Context, w *tableWriter, item any) error {
	s := item.(*dbgen.Supp)
	w.i32(0, int64(s.SuppKey))
	w.str(1, s.Name)
	w.str(2, s.Address)
	w.i32(3, int64(s.NationCode))
	w.str(4, s.Phone)
	w.money(5, int64(s.Acctbal))
	w.str(6, s.Comment)
	return w.endRow(ctx)
}

func loadCustomer(ctx context.Context, w *tableWriter, item any) error {
	c := item.(*dbgen.Cust)
	w.i32(0, int64(c.CustKey))
	w.str(1, c.Name)
	w.str(2, c.Address)
	w.i32(3, int64(c.NationCode))
	w.str(4, c.Phone)
	w.money(5, int64(c.Acctbal))
	w.str(6, c.MktSegment)
	w.str(7, c.Comment)
	return w.endRow(ctx)
}

func loadPart(ctx context.Context, w *tableWriter, item any) error {
	p := item.(*dbgen.Part)
	w.i32(0, int64(p.PartKey))
	w.str(1, p.Name)
	w.str(2, p.Mfgr)
	w.str(3, p.Brand)
	w.str(4, p.Type)
	w.i32(5, int64(p.Size))
	w.str(6, p.Container)
	w.money(7, int64(p.RetailPrice))
	w.str(8, p.Comment)
	return w.endRow(ctx)
}

func loadPartsupp(ctx context.Context, w *tableWriter, item any) error {
	p := item.(*dbgen.Part)
	for _, ps := range p.S {
		w.i32(0, int64(ps.PartKey))
		w.i32(1, int64(ps.SuppKey))
		w.i32(2, int64(ps.Qty))
		w.money(3, int64(ps.SCost))
		w.str(4, ps.Comment)
		if err := w.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

func loadOrder(ctx context.Context, w *tableWriter, item any) error {
	o := item.(*dbgen.Order)
	w.orderKey(int64(o.OKey))
	w.i32(1, int64(o.CustKey))
	w.str(2, o.Status)
	w.money(3, int64(o.TotalPrice))
	if err := w.date(4, o.Date); err != nil {
		return err
	}
	w.str(5, o.OrderPriority)
	w.str(6, o.Clerk)
	w.i32(7, o.ShipPriority)
	w.str(8, o.Comment)
	return w.endRow(ctx)
}

func loadLineitems(ctx context.Context, w *tableWriter, item any) error {
	o := item.(*dbgen.Order)
	for i := range o.Lines {
		l := &o.Lines[i]
		w.orderKey(int64(l.OKey))
		w.i32(1, int64(l.PartKey))
		w.i32(2, int64(l.SuppKey))
		w.i32(3, int64(l.LCnt))
		w.money(4, int64(l.Quantity)*100)
		w.money(5, int64(l.EPrice))
		w.money(6, int64(l.Discount))
		w.money(7, int64(l.Tax))
		w.str(8, l.RFlag)
		w.str(9, l.LStatus)
		for c, d := range [3]string{l.SDate, l.CDate, l.RDate} {
			if err := w.date(10+c, d); err != nil {
				return err
			}
		}
		w.str(13, l.ShipInstruct)
		w.str(14, l.ShipMode)
		w.str(15, l.Comment)
		if err := w.endRow(ctx); err != nil {
			return fmt.Errorf("lineitem: %w", err)
		}
	}
	return nil
}
