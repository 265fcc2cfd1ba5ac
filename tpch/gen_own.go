package tpch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/pingcap/go-tpc/tpch/dbgen/dist"
)

// This file is the generator for fractional scale factors. It follows the
// TPC-H specification (clause 4.2.3) and dbgen's algorithms where queries
// depend on them: sparse order keys, customers with a key divisible by three
// have no orders, the part/supplier bridge that makes every lineitem's
// (partkey, suppkey) a partsupp row, retail prices from the part key,
// extended price = quantity x retail price, order totals from their lines,
// ship/commit/receipt dates after the order date, return flags and line
// statuses from the "current date" 1995-06-17, and comments cut from a text
// pool written with dbgen's grammar and word lists (go-tpc's dist package).
// Random numbers come from one PCG stream per table, seeded from the seed,
// so every table is deterministic on its own.

const (
	ordersPerCustomer = 10
	suppliersPerPart  = 4
	ownTextPoolSize   = 4 << 20
)

var (
	startDate   = daysOf("1992-01-01")
	currentDate = daysOf("1995-06-17")
	endDate     = daysOf("1998-12-31")
)

func daysOf(s string) int32 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return int32(t.Unix() / 86400)
}

// wordList is a weighted list: cum holds the running total of weights.
type wordList struct {
	words []string
	cum   []int
}

func loadList(name string) wordList {
	var l wordList
	total := 0
	for _, it := range dist.Maps[name] {
		total += int(it.Weight)
		l.words = append(l.words, it.Text)
		l.cum = append(l.cum, total)
	}
	if len(l.words) == 0 {
		panic("tpch: no distribution " + name)
	}
	return l
}

func (l wordList) pick(r *rand.Rand) string {
	j := r.IntN(l.cum[len(l.cum)-1]) + 1
	i := 0
	for l.cum[i] < j {
		i++
	}
	return l.words[i]
}

// ownGen holds the word lists and text pool of one generation.
type ownGen struct {
	sf                          float64
	seed                        uint64
	suppliers, parts, customers int64
	orders                      int64
	pool                        string
	colors, types, containers   wordList
	segments, priorities        wordList
	instructs, modes, rflags    wordList
	nations, regions            []string
	nationRegion                []int64
}

func generateOwn(ctx context.Context, sf float64, seed uint64, w map[string]*tableWriter) error {
	g := &ownGen{
		sf: sf, seed: seed,
		suppliers: TableByName("supplier").Rows(sf),
		parts:     TableByName("part").Rows(sf),
		customers: TableByName("customer").Rows(sf),
		orders:    TableByName("orders").Rows(sf),
		colors:    loadList("colors"), types: loadList("p_types"), containers: loadList("p_cntr"),
		segments: loadList("msegmnt"), priorities: loadList("o_oprio"),
		instructs: loadList("instruct"), modes: loadList("smode"), rflags: loadList("rflag"),
	}
	region := 0
	for _, it := range dist.Maps["nations"] {
		region += int(it.Weight) // dbgen stores region keys as running weights
		g.nations = append(g.nations, it.Text)
		g.nationRegion = append(g.nationRegion, int64(region))
	}
	for _, it := range dist.Maps["regions"] {
		g.regions = append(g.regions, it.Text)
	}
	g.pool = makeTextPool(g.rng(100), ownTextPoolSize)

	steps := []struct {
		name string
		fn   func(context.Context, *rand.Rand, map[string]*tableWriter) error
	}{
		{"region", g.genRegion}, {"nation", g.genNation}, {"supplier", g.genSupplier},
		{"customer", g.genCustomer}, {"part", g.genPartPartsupp}, {"orders", g.genOrdersLineitem},
	}
	for i, s := range steps {
		if err := s.fn(ctx, g.rng(uint64(i)), w); err != nil {
			return fmt.Errorf("tpch: generate %s: %w", s.name, err)
		}
	}
	return nil
}

func (g *ownGen) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, stream))
}

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int64) int64 {
	return lo + r.Int64N(hi-lo+1)
}

// text cuts a comment of about avg characters (0.4 to 1.6 times) from the pool.
func (g *ownGen) text(r *rand.Rand, avg int) string {
	lo, hi := int64(float64(avg)*0.4), int64(float64(avg)*1.6)
	n := between(r, lo, hi)
	off := r.Int64N(int64(len(g.pool)) - hi)
	return strings.TrimSpace(g.pool[off : off+n])
}

const addressChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,. "

// address is a random string of 10 to 40 characters (dbgen's V-string).
func address(r *rand.Rand) string {
	n := between(r, 10, 40)
	b := make([]byte, n)
	for i := range b {
		b[i] = addressChars[r.IntN(len(addressChars))]
	}
	return strings.TrimSpace(string(b))
}

// phone is dbgen's phone number: the country code is the nation key + 10.
func phone(r *rand.Rand, nation int64) string {
	return fmt.Sprintf("%02d-%03d-%03d-%04d", 10+nation, between(r, 100, 999), between(r, 100, 999), between(r, 1000, 9999))
}

// retailPrice is dbgen's p_retailprice in cents for a part key.
func retailPrice(p int64) int64 {
	return 90000 + (p/10)%20001 + 100*(p%1000)
}

// partSupp is the key of the s-th (0..3) supplier of part p among n suppliers.
func partSupp(p, s, n int64) int64 {
	return (p+s*(n/suppliersPerPart+(p-1)/n))%n + 1
}

// sparseKey is dbgen's order key for the idx-th order (1-based): of each
// run of 32 keys only the first 8 are used.
func sparseKey(idx int64) int64 {
	return (((idx >> 3) << 2) << 3) | (idx & 7)
}

func (g *ownGen) genRegion(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	t := w["region"]
	for i, name := range g.regions {
		t.i32(0, int64(i))
		t.str(1, name)
		t.str(2, g.text(r, 72))
		if err := t.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (g *ownGen) genNation(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	t := w["nation"]
	for i, name := range g.nations {
		t.i32(0, int64(i))
		t.str(1, name)
		t.i32(2, g.nationRegion[i])
		t.str(3, g.text(r, 72))
		if err := t.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (g *ownGen) genSupplier(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	t := w["supplier"]
	for k := int64(1); k <= g.suppliers; k++ {
		nation := r.Int64N(int64(len(g.nations)))
		t.i32(0, k)
		t.str(1, fmt.Sprintf("Supplier#%09d", k))
		t.str(2, address(r))
		t.i32(3, nation)
		t.str(4, phone(r, nation))
		t.money(5, between(r, -99999, 999999))
		comment := g.text(r, 63)
		// Q16's "Customer ... Complaints" (and dbgen's "Recommends")
		// comments: dbgen puts them in 0.1% of suppliers; at small scale
		// factors that is none, so here 5% of them.
		if r.IntN(20) == 0 {
			word := "Complaints"
			if r.IntN(2) == 0 {
				word = "Recommends"
			}
			comment = g.text(r, 20) + " Customer " + g.text(r, 10) + " " + word + " " + g.text(r, 10)
			if len(comment) > 101 {
				comment = comment[:101]
			}
		}
		t.str(6, comment)
		if err := t.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (g *ownGen) genCustomer(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	t := w["customer"]
	for k := int64(1); k <= g.customers; k++ {
		nation := r.Int64N(int64(len(g.nations)))
		t.i32(0, k)
		t.str(1, fmt.Sprintf("Customer#%09d", k))
		t.str(2, address(r))
		t.i32(3, nation)
		t.str(4, phone(r, nation))
		t.money(5, between(r, -99999, 999999))
		t.str(6, g.segments.pick(r))
		t.str(7, g.text(r, 73))
		if err := t.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (g *ownGen) genPartPartsupp(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	t, ps := w["part"], w["partsupp"]
	perm := make([]int, len(g.colors.words))
	for k := int64(1); k <= g.parts; k++ {
		// The name: five distinct colours.
		for i := range perm {
			perm[i] = i
		}
		names := make([]string, 5)
		for i := range names {
			j := i + r.IntN(len(perm)-i)
			perm[i], perm[j] = perm[j], perm[i]
			names[i] = g.colors.words[perm[i]]
		}
		m, n := between(r, 1, 5), between(r, 1, 5)
		t.i32(0, k)
		t.str(1, strings.Join(names, " "))
		t.str(2, fmt.Sprintf("Manufacturer#%d", m))
		t.str(3, fmt.Sprintf("Brand#%d%d", m, n))
		t.str(4, g.types.pick(r))
		t.i32(5, between(r, 1, 50))
		t.str(6, g.containers.pick(r))
		t.money(7, retailPrice(k))
		t.str(8, g.text(r, 14))
		if err := t.endRow(ctx); err != nil {
			return err
		}
		for s := int64(0); s < suppliersPerPart; s++ {
			ps.i32(0, k)
			ps.i32(1, partSupp(k, s, g.suppliers))
			ps.i32(2, between(r, 1, 9999))
			ps.money(3, between(r, 100, 100000))
			ps.str(4, g.text(r, 124))
			if err := ps.endRow(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *ownGen) genOrdersLineitem(ctx context.Context, r *rand.Rand, w map[string]*tableWriter) error {
	o, l := w["orders"], w["lineitem"]
	clerks := max(1000, int64(g.sf*1000))
	lastOrderDate := endDate - 151 // room for 121 days to ship and 30 to receive
	for i := int64(1); i <= g.orders; i++ {
		key := sparseKey(i)
		cust := between(r, 1, g.customers)
		for delta := int64(1); cust%3 == 0; delta = -delta {
			cust = min(max(cust+delta, 1), g.customers)
			if g.customers < 3 {
				break
			}
		}
		odate := int32(between(r, int64(startDate), int64(lastOrderDate)))
		lines := between(r, 1, 7)
		var total int64
		shipped := 0
		for n := int64(1); n <= lines; n++ {
			qty := between(r, 1, 50)
			disc := between(r, 0, 10)
			tax := between(r, 0, 8)
			part := between(r, 1, g.parts)
			supp := partSupp(part, r.Int64N(suppliersPerPart), g.suppliers)
			price := retailPrice(part) * qty
			total += (price * (100 - disc) / 100) * (100 + tax) / 100
			sdate := odate + int32(between(r, 1, 121))
			cdate := odate + int32(between(r, 30, 90))
			rdate := sdate + int32(between(r, 1, 30))
			rflag := "N"
			if rdate <= currentDate {
				rflag = g.rflags.pick(r)
			}
			status := "O"
			if sdate <= currentDate {
				status = "F"
				shipped++
			}
			l.orderKey(key)
			l.i32(1, part)
			l.i32(2, supp)
			l.i32(3, n)
			l.money(4, qty*100)
			l.money(5, price)
			l.money(6, disc)
			l.money(7, tax)
			l.str(8, rflag)
			l.str(9, status)
			l.days(10, sdate)
			l.days(11, cdate)
			l.days(12, rdate)
			l.str(13, g.instructs.pick(r))
			l.str(14, g.modes.pick(r))
			l.str(15, g.text(r, 27))
			if err := l.endRow(ctx); err != nil {
				return err
			}
		}
		status := "P"
		switch shipped {
		case 0:
			status = "O"
		case int(lines):
			status = "F"
		}
		o.orderKey(key)
		o.i32(1, cust)
		o.str(2, status)
		o.money(3, total)
		o.days(4, odate)
		o.str(5, g.priorities.pick(r))
		o.str(6, fmt.Sprintf("Clerk#%09d", between(r, 1, clerks)))
		o.i32(7, 0)
		o.str(8, g.text(r, 49))
		if err := o.endRow(ctx); err != nil {
			return err
		}
	}
	return nil
}

// makeTextPool writes sentences of dbgen's grammar until the pool holds
// size bytes.
func makeTextPool(r *rand.Rand, size int) string {
	lists := map[byte]wordList{
		'N': loadList("nouns"), 'V': loadList("verbs"), 'J': loadList("adjectives"),
		'D': loadList("adverbs"), 'X': loadList("auxillaries"), 'P': loadList("prepositions"),
		'A': loadList("articles"), 'T': loadList("terminators"),
	}
	grammar, np, vp := loadList("grammar"), loadList("np"), loadList("vp")
	phrase := func(b *strings.Builder, syntax string) {
		for _, item := range strings.Fields(syntax) {
			b.WriteString(lists[item[0]].pick(r))
			if len(item) > 1 {
				b.WriteByte(item[1]) // "J," : a comma after the word
			}
			b.WriteByte(' ')
		}
	}
	var pool, b strings.Builder
	pool.Grow(size + 256)
	for pool.Len() < size {
		b.Reset()
		for _, item := range strings.Fields(grammar.pick(r)) {
			switch item[0] {
			case 'N':
				phrase(&b, np.pick(r))
			case 'V':
				phrase(&b, vp.pick(r))
			case 'P':
				b.WriteString(lists['P'].pick(r))
				b.WriteString(" the ")
				phrase(&b, np.pick(r))
			case 'T':
				pool.WriteString(strings.TrimSuffix(b.String(), " "))
				pool.WriteString(lists['T'].pick(r))
				pool.WriteByte(' ')
				b.Reset()
			}
		}
	}
	return pool.String()[:size]
}
