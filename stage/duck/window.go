package duck

import (
	"fmt"
	"strings"

	"github.com/quiverdb/quiver/stage"
)

func renderWindow(w *stage.Window, from string) string {
	var over []string
	if len(w.PartitionBy) > 0 {
		parts := make([]string, len(w.PartitionBy))
		for i, p := range w.PartitionBy {
			parts[i] = renderExpr(p)
		}
		over = append(over, "PARTITION BY "+strings.Join(parts, ", "))
	}
	if len(w.OrderBy) > 0 {
		over = append(over, strings.TrimPrefix(orderBy(w.OrderBy), " "))
	}
	n := w.Input.Schema().NumFields()
	items := []string{"t.*"}
	for i, f := range w.Funcs {
		args := make([]string, len(f.Args))
		for k, a := range f.Args {
			args[k] = renderExpr(a)
		}
		spec := strings.Join(over, " ")
		if f.Frame != nil {
			spec += " " + f.Frame.String()
		}
		call := fmt.Sprintf("%s(%s) OVER (%s)", f.Fn, strings.Join(args, ", "), spec)
		if f.Fn == "count_star" {
			call = fmt.Sprintf("count(*) OVER (%s)", spec)
		}
		items = append(items, castTo(call, f.T)+" AS "+Column(n+i))
	}
	return "SELECT " + strings.Join(items, ", ") + from
}
