package duck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// TestRenderTask renders the task of stage's wire golden (a partial
// aggregate over a rollup's expand under a local top-N, with a Normal
// output).
func TestRenderTask(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "taskspec.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec stage.TaskSpec
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	spec.Splits = []stage.ScanSplit{{Scan: 0, Files: []string{"x/a.parquet", "x/b'.parquet"}}}
	spec.Output.Consumers = 3
	sql, err := RenderTask(&spec, RenderEnv{DataDir: "/data"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"read_parquet(['/data/x/a.parquet', '/data/x/b''.parquet'])",
		"hash(c0) AS __part FROM",
		"ORDER BY t.c0 DESC NULLS LAST LIMIT 10",
		"CAST(sum(t.c1) AS DECIMAL(38,2)) AS c3, count(t.c1) AS c4",
		"GROUP BY t.c2, t.c3",
		"SELECT t.*, CAST(CASE WHEN g.id IN (0) THEN t.c0 END AS BIGINT) AS c2, CAST(g.id AS BIGINT) AS c3",
		"CROSS JOIN (VALUES (0), (1)) AS g(id)",
	} {
		if !strings.Contains(sql, want) {
			t.Errorf("rendered SQL lacks %q:\n%s", want, sql)
		}
	}
	spec.Version = stage.SpecVersion + 1
	if _, err := RenderTask(&spec, RenderEnv{}); !qerr.Has(err, qerr.ErrInvalid) {
		t.Errorf("a spec of another version must be refused, got %v", err)
	}
}
