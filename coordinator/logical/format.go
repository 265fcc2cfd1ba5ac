package logical

import (
	"fmt"
	"strings"
)

// Format prints a plan tree, one node per line, children indented below
// their parent, as stage.Format prints a physical one.
func Format(p Plan) string {
	var b strings.Builder
	var node func(p Plan, depth int)
	node = func(p Plan, depth int) {
		fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth), p.Explain())
		for _, c := range p.Children() {
			node(c, depth+1)
		}
	}
	node(p, 0)
	return b.String()
}
