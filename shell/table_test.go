package shell

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestWriteTable(t *testing.T) {
	cols := []column{{name: "id", typ: "int64", right: true}, {name: "name", typ: "utf8"}}
	rows := [][]string{{"1", "alpha"}, {"22", "b"}, {"3", "NULL"}}
	var b strings.Builder
	if err := writeTable(&b, cols, rows, 0); err != nil {
		t.Fatal(err)
	}
	want := `+-------+-------+
| id    | name  |
| int64 | utf8  |
+-------+-------+
|     1 | alpha |
|    22 | b     |
|     3 | NULL  |
+-------+-------+
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTableFolds(t *testing.T) {
	cols := []column{{name: "id", typ: "int64", right: true}, {name: "text", typ: "utf8"}}
	long := "the quick brown fox jumps over the lazy dog"
	rows := [][]string{{"1", long}, {"2", "two\nlines"}, {"3", "tab\there"}}
	var b strings.Builder
	if err := writeTable(&b, cols, rows, 30); err != nil {
		t.Fatal(err)
	}
	want := `+-------+--------------------+
| id    | text               |
| int64 | utf8               |
+-------+--------------------+
|     1 | the quick brown fo |
|       | x jumps over the l |
|       | azy dog            |
|     2 | two                |
|       | lines              |
|     3 | tab\there          |
+-------+--------------------+
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if w := runewidth.StringWidth(line); w > 30 {
			t.Errorf("line %q is %d wide, more than the terminal's 30", line, w)
		}
	}
}

func TestFitWidths(t *testing.T) {
	for _, tc := range []struct {
		name   string
		widths []int
		budget int
		want   []int
	}{
		{"fits", []int{5, 10}, 15, []int{5, 10}},
		{"the widest narrows", []int{5, 40}, 20, []int{5, 15}},
		{"equal columns share", []int{30, 30, 4}, 34, []int{15, 15, 4}},
		{"a remainder goes left", []int{30, 30}, 31, []int{16, 15}},
		{"never below the minimum", []int{30, 30}, 4, []int{minFoldWidth, minFoldWidth}},
		{"narrow columns keep their width", []int{3, 30}, 4, []int{3, minFoldWidth}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := append([]int(nil), tc.widths...)
			fitWidths(got, tc.budget)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("fitWidths(%v, %d) = %v, want %v", tc.widths, tc.budget, got, tc.want)
			}
		})
	}
}

func TestFoldLineWide(t *testing.T) {
	got := foldLine("日本語です", 4)
	want := []string{"日本", "語で", "す"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("foldLine = %q, want %q", got, want)
	}
}
