package duck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/quiverdb/quiver/stage"
)

// renderExpand repeats each input row once per grouping set by a cross
// join with the set ids, and a CASE per key that keeps it in the sets that
// group by it:
//
//	SELECT t.*, CASE WHEN g.id IN (0, 1) THEN t.c0 END AS c3, ..., g.id AS c5
//	FROM (input) AS t CROSS JOIN (VALUES (0), (1), (2)) AS g(id)
//
// rather than a UNION ALL of one projection per set: DuckDB computes the
// input once and streams the cross product, where a union would run the
// input's whole query once per set.
func renderExpand(e *stage.Expand, from string) string {
	in := e.Input.Schema()
	n := in.NumFields()
	items := []string{"t.*"}
	for i, k := range e.Keys {
		var sets []string
		for s, set := range e.Sets {
			if slices.Contains(set, i) {
				sets = append(sets, fmt.Sprint(s))
			}
		}
		t := in.Field(k).Type
		var v string
		switch len(sets) {
		case len(e.Sets):
			v = castTo(tableColumn(k), t)
		case 0:
			v = castTo("NULL", t)
		default:
			v = castTo(fmt.Sprintf("CASE WHEN g.id IN (%s) THEN %s END", strings.Join(sets, ", "), tableColumn(k)), t)
		}
		items = append(items, v+" AS "+Column(n+i))
	}
	ids := make([]string, len(e.Sets))
	for s := range ids {
		ids[s] = fmt.Sprintf("(%d)", s)
	}
	items = append(items, "CAST(g.id AS BIGINT) AS "+Column(n+len(e.Keys)))
	return "SELECT " + strings.Join(items, ", ") + from + " CROSS JOIN (VALUES " + strings.Join(ids, ", ") + ") AS g(id)"
}
