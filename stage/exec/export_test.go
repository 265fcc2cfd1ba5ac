package exec

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// SetRender replaces duck.RenderTask on w, so that tests run hand-written
// SQL. Only tests can call it.
func SetRender(w *Worker, f func(*stage.TaskSpec, duck.RenderEnv) (string, error)) {
	w.render = f
}

// RecordBytes is the size of the buffers rec references, as buffers count it.
func RecordBytes(rec arrow.RecordBatch) int64 { return recordBytes(rec) }
