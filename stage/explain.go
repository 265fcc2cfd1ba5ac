package stage

import (
	"fmt"
	"strings"
)

// Format prints a plan tree, one node per line, children indented below
// their parent: how the planner's golden tests show a plan before it is cut.
func Format(p Plan) string {
	var b strings.Builder
	formatNode(&b, p, 0)
	return b.String()
}

func formatNode(b *strings.Builder, p Plan, depth int) {
	fmt.Fprintf(b, "%s%s\n", strings.Repeat("  ", depth), p.Explain())
	for _, c := range p.Children() {
		formatNode(b, c, depth+1)
	}
}

// String prints the distributed plan as EXPLAIN shows it (Explain without
// notes), one line per operator.
func (d *DistributedPlan) String() string {
	return strings.Join(d.Explain(nil), "\n") + "\n"
}

// FragmentNotes gives the lines to print under a fragment's root line
// (EXPLAIN ANALYZE's statistics of its tasks); nil for none.
type FragmentNotes func(*Fragment) []string

// Explain prints the distributed plan as EXPLAIN shows it: the operator
// tree from the root down, one line per operator, children indented below
// their parent, each exchange read as "Exchange <kind> ... -> <tasks>" with
// the producer's tree below it. The root line of every fragment is
// annotated, in one column at the right, "<- stage N, <output>, T tasks",
// where output is what its rows feed: the result or the exchange's kind.
// notes, where not nil, adds lines under each fragment's root line,
// indented as its children and marked "| ".
func (d *DistributedPlan) Explain(notes FragmentNotes) []string {
	var rows []explainRow
	d.explainNode(&rows, d.Root().Root, 0, d.Root(), notes, map[FragmentID]bool{})
	width := 0
	for _, r := range rows {
		if !r.note {
			width = max(width, len(r.text))
		}
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.text
		if r.stage != "" {
			out[i] += strings.Repeat(" ", width-len(r.text)+2) + r.stage
		}
	}
	return out
}

// explainRow is one line of Explain before the stage annotations are
// aligned: its indented text, the annotation of a fragment's root line,
// and whether it is a note (which does not widen the annotation column).
type explainRow struct {
	text, stage string
	note        bool
}

// explainNode adds the lines of p and the tree below it; root is the
// fragment that p is the root of, nil below a fragment's root.
// A fragment that several consumers read (FragmentOutput.Shared) is
// printed under the first; the others' exchange lines name its stage.
func (d *DistributedPlan) explainNode(rows *[]explainRow, p Plan, depth int, root *Fragment, notes FragmentNotes, printed map[FragmentID]bool) {
	indent := strings.Repeat("  ", depth)
	row := explainRow{text: indent + p.Explain()}
	src, isExchange := p.(*ExchangeSource)
	if isExchange {
		row.text = indent + "Exchange " + exchangeLabel(src.Kind, src.Keys, src.Schema(), src.Tasks)
		if o := d.Fragment(src.From).Output.Filter; o != nil && o.Probe >= 0 {
			row.text += fmt.Sprintf(" builds filter #%d(%s) -> stage %d", o.ID, columnNames(src.Schema(), o.Keys), o.Probe)
		}
		if printed[src.From] {
			row.text += fmt.Sprintf(" from stage %d (shared, above)", src.From)
		}
	}
	if root != nil {
		row.stage = root.label()
	}
	*rows = append(*rows, row)
	if root != nil && notes != nil {
		for _, n := range notes(root) {
			*rows = append(*rows, explainRow{text: indent + "  | " + n, note: true})
		}
	}
	if isExchange {
		if !printed[src.From] {
			printed[src.From] = true
			producer := d.Fragment(src.From)
			d.explainNode(rows, producer.Root, depth+1, producer, notes, printed)
		}
		return
	}
	for _, c := range p.Children() {
		d.explainNode(rows, c, depth+1, nil, notes, printed)
	}
}

// label is the annotation of f's root line: "stage N, <output>, T tasks".
func (f *Fragment) label() string {
	output := "result"
	if !f.Output.IsResult() {
		output = strings.ToLower(string(f.Output.Kind))
	}
	tasks := "tasks"
	if f.Tasks == 1 {
		tasks = "task"
	}
	return fmt.Sprintf("<- stage %d, %s, %d %s", f.ID, output, f.Tasks, tasks)
}
