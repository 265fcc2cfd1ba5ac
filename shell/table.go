package shell

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// column is one column of a printed table.
type column struct {
	name  string
	typ   string // printed under the name; "" for none
	right bool   // right-aligned (numbers)
}

// minFoldWidth is the narrowest a column is folded to when the table does
// not fit the terminal (narrower columns keep their width).
const minFoldWidth = 6

// writeTable prints rows as an aligned table with a header of the columns'
// names and types:
//
//	+-----+-------+
//	| id  | name  |
//	| int | utf8  |
//	+-----+-------+
//	|   1 | alpha |
//	+-----+-------+
//
// When width > 0 and the table is wider, the widest columns are narrowed
// and their cells folded over several lines until it fits (or every column
// is at minFoldWidth). Cells may hold newlines; other control characters
// are printed escaped.
func writeTable(w io.Writer, cols []column, rows [][]string, width int) error {
	if len(cols) == 0 {
		return nil
	}
	withTypes := false
	header := make([]string, len(cols))
	types := make([]string, len(cols))
	for i, c := range cols {
		header[i], types[i] = c.name, c.typ
		withTypes = withTypes || c.typ != ""
	}
	widths := make([]int, len(cols))
	measure := func(cells []string) {
		for i, cell := range cells {
			for _, line := range cellLines(cell) {
				widths[i] = max(widths[i], runewidth.StringWidth(line))
			}
		}
	}
	measure(header)
	if withTypes {
		measure(types)
	}
	for _, r := range rows {
		measure(r)
	}
	if width > 0 {
		fitWidths(widths, width-(3*len(cols)+1))
	}

	var b strings.Builder
	rule := func() {
		b.WriteByte('+')
		for _, wd := range widths {
			b.WriteString(strings.Repeat("-", wd+2))
			b.WriteByte('+')
		}
		b.WriteByte('\n')
	}
	row := func(cells []string, align bool) {
		folded := make([][]string, len(cells))
		height := 1
		for i, cell := range cells {
			for _, line := range cellLines(cell) {
				folded[i] = append(folded[i], foldLine(line, widths[i])...)
			}
			height = max(height, len(folded[i]))
		}
		for l := 0; l < height; l++ {
			b.WriteByte('|')
			for i, f := range folded {
				text := ""
				if l < len(f) {
					text = f[l]
				}
				pad := strings.Repeat(" ", max(0, widths[i]-runewidth.StringWidth(text)))
				if align && cols[i].right {
					text = pad + text
				} else {
					text += pad
				}
				b.WriteString(" " + text + " |")
			}
			b.WriteByte('\n')
		}
	}
	rule()
	row(header, false)
	if withTypes {
		row(types, false)
	}
	rule()
	for _, r := range rows {
		row(r, true)
	}
	if len(rows) > 0 {
		rule()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fitWidths narrows the widest of widths to a common cap so that their sum
// is at most budget, the cap at least minFoldWidth (columns narrower by
// nature keep their width); what the cap leaves of the budget goes back to
// the capped columns, one column each from the left.
func fitWidths(widths []int, budget int) {
	capped := func(c int) int {
		sum := 0
		for _, w := range widths {
			sum += min(w, c)
		}
		return sum
	}
	widest := 0
	for _, w := range widths {
		widest = max(widest, w)
	}
	if capped(widest) <= budget {
		return
	}
	c := widest
	for c > minFoldWidth && capped(c) > budget {
		c--
	}
	left := budget - capped(c)
	for i, w := range widths {
		if w > c {
			widths[i] = c
			if left > 0 {
				widths[i]++
				left--
			}
		}
	}
}

// cellLines splits a cell at its newlines and escapes other control
// characters, so that each line prints in its display width.
func cellLines(cell string) []string {
	lines := strings.Split(cell, "\n")
	for i, l := range lines {
		if strings.IndexFunc(l, isControl) < 0 {
			continue
		}
		var b strings.Builder
		for _, r := range l {
			switch {
			case r == '\t':
				b.WriteString(`\t`)
			case r == '\r':
				b.WriteString(`\r`)
			case isControl(r):
				fmt.Fprintf(&b, `\x%02x`, r)
			default:
				b.WriteRune(r)
			}
		}
		lines[i] = b.String()
	}
	return lines
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// foldLine cuts line into pieces of at most width display columns (a
// character wider than width gets a piece of its own).
func foldLine(line string, width int) []string {
	if runewidth.StringWidth(line) <= width {
		return []string{line}
	}
	var pieces []string
	var cur strings.Builder
	curWidth := 0
	for _, r := range line {
		rw := runewidth.RuneWidth(r)
		if curWidth+rw > width && curWidth > 0 {
			pieces = append(pieces, cur.String())
			cur.Reset()
			curWidth = 0
		}
		cur.WriteRune(r)
		curWidth += rw
	}
	return append(pieces, cur.String())
}
