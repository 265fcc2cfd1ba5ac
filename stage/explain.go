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

// String prints the distributed plan as EXPLAIN shows it: the operator tree
// from the root down, one node per line, with a stage header where each
// fragment begins.
func (d *DistributedPlan) String() string {
	var b strings.Builder
	d.explain(&b, d.Root(), 0)
	return b.String()
}

// Lines is String split into EXPLAIN's rows.
func (d *DistributedPlan) Lines() []string {
	return strings.Split(strings.TrimRight(d.String(), "\n"), "\n")
}

func (d *DistributedPlan) explain(b *strings.Builder, f *Fragment, depth int) {
	kind := "result"
	if !f.Output.IsResult() {
		kind = strings.ToLower(string(f.Output.Kind))
	}
	tasks := "tasks"
	if f.Tasks == 1 {
		tasks = "task"
	}
	fmt.Fprintf(b, "%sStage %d: %s, %d %s\n", strings.Repeat("  ", depth), f.ID, kind, f.Tasks, tasks)
	d.explainNode(b, f.Root, depth+1)
}

func (d *DistributedPlan) explainNode(b *strings.Builder, p Plan, depth int) {
	indent := strings.Repeat("  ", depth)
	if src, ok := p.(*ExchangeSource); ok {
		producer := d.Fragment(src.From)
		fmt.Fprintf(b, "%sExchange %s\n", indent, exchangeLabel(src.Kind, src.Keys, src.Schema(), src.Tasks))
		d.explain(b, producer, depth+1)
		return
	}
	fmt.Fprintf(b, "%s%s\n", indent, p.Explain())
	for _, c := range p.Children() {
		d.explainNode(b, c, depth+1)
	}
}
