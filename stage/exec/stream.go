package exec

import (
	"context"
	"errors"
	"reflect"
	"time"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	bindings "github.com/duckdb/duckdb-go-bindings"
	"github.com/duckdb/duckdb-go/v2"

	"github.com/quiverdb/quiver/qerr"
)

// A task's result is read from DuckDB as a stream: duckdb-go's
// Arrow.QueryContext runs the whole query into a materialized result before
// it hands out the first batch (NOTES.md), so a producer would buffer its
// whole output in DuckDB and its consumers would wait for its end. DuckDB's
// streaming result (pending_prepared_streaming, fetch_chunk,
// data_chunk_to_arrow) yields each chunk as the pipeline makes it; it is
// reached through duckdb-go-bindings, which duckdb-go is built on, with the
// C connection duckdb-go keeps in its Conn.

// connOffset is where duckdb.Conn keeps its C connection: duckdb-go exports
// no accessor for it. checkConnLayout verifies, when an engine opens, that
// the field is there with the bindings' type, so that a duckdb-go upgrade
// that moves it fails at start instead of reading garbage.
var connOffset, connLayoutErr = func() (uintptr, error) {
	f, ok := reflect.TypeFor[duckdb.Conn]().FieldByName("conn")
	if !ok || f.Type != reflect.TypeFor[bindings.Connection]() {
		return 0, qerr.ErrInternal.New("duckdb.Conn has no field conn of type duckdb_go_bindings.Connection: the streaming result path does not know this duckdb-go version")
	}
	return f.Offset, nil
}()

// rawConn is conn's C connection.
func rawConn(conn *duckdb.Conn) bindings.Connection {
	return *(*bindings.Connection)(unsafe.Add(unsafe.Pointer(conn), connOffset))
}

// interruptRepeat is how often streamQuery interrupts DuckDB again while a
// cancelled statement has not returned.
const interruptRepeat = 50 * time.Millisecond

// streamQuery runs one SELECT on conn as a streaming result: start gets
// the result's Arrow schema, then each gets its batches in order, as DuckDB
// makes them, each valid only during the call. A cancelled ctx interrupts
// DuckDB. Errors from DuckDB come back as duckdb.Error (duckError
// classifies them); start's and each's as they are.
func streamQuery(ctx context.Context, conn *duckdb.Conn, sql string, start func(*arrow.Schema) error, each func(arrow.RecordBatch) error) error {
	if connLayoutErr != nil {
		return connLayoutErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	raw := rawConn(conn)
	// The interrupter stops before streamQuery returns: a late interrupt
	// would hit the connection's next statement. It interrupts again until
	// then, because DuckDB clears a connection's interrupt from one
	// statement to the next (preparing is one): an interrupt that lands
	// while the statement is prepared, before its pending result starts,
	// would be lost, and the query would run on to its timeout.
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		select {
		case <-ctx.Done():
		case <-done:
			return
		}
		tick := time.NewTicker(interruptRepeat)
		defer tick.Stop()
		for {
			bindings.Interrupt(raw)
			select {
			case <-tick.C:
			case <-done:
				return
			}
		}
	}()
	defer func() {
		close(done)
		<-stopped
	}()

	var stmt bindings.PreparedStatement
	if bindings.Prepare(raw, sql, &stmt) == bindings.StateError {
		msg := bindings.PrepareError(stmt)
		bindings.DestroyPrepare(&stmt)
		// duckdb-go's own prepare types the same error (what the data
		// caused, a bug, a limit) from its message; it fails again the same
		// way, without running anything.
		s, err := conn.PrepareContext(ctx, sql)
		if err != nil {
			return err
		}
		_ = s.Close()
		return errors.New(msg)
	}
	defer bindings.DestroyPrepare(&stmt)
	var pending bindings.PendingResult
	if bindings.PendingPreparedStreaming(stmt, &pending) == bindings.StateError {
		msg := bindings.PendingError(pending)
		bindings.DestroyPending(&pending)
		return errors.Join(ctx.Err(), errors.New(msg))
	}
	defer bindings.DestroyPending(&pending)
	var res bindings.Result
	state := bindings.ExecutePending(pending, &res)
	defer bindings.DestroyResult(&res)
	if state == bindings.StateError {
		return errors.Join(ctx.Err(), resultError(&res))
	}
	opts := bindings.ResultGetArrowOptions(&res)
	defer bindings.DestroyArrowOptions(&opts)
	n := bindings.ColumnCount(&res)
	names := make([]string, n)
	types := make([]bindings.LogicalType, n)
	for i := range n {
		names[i] = bindings.ColumnName(&res, i)
		types[i] = bindings.ColumnLogicalType(&res, i)
	}
	schema, ed := bindings.NewArrowSchema(opts, types, names)
	for i := range types {
		bindings.DestroyLogicalType(&types[i])
	}
	if err := errorData(ed); err != nil {
		return err
	}
	if err := start(schema); err != nil {
		return err
	}
	for {
		chunk := bindings.FetchChunk(res)
		if chunk.Ptr == nil {
			break
		}
		// The batch is a copy in C memory of its own: the chunk can go.
		rec, ed := bindings.DataChunkToArrowArray(opts, schema, chunk)
		bindings.DestroyDataChunk(&chunk)
		if err := errorData(ed); err != nil {
			return err
		}
		err := each(rec)
		rec.Release()
		if err != nil {
			return err
		}
	}
	// fetch_chunk ends the same way whether the result is exhausted or
	// failed (an interrupt included).
	if msg := bindings.ResultError(&res); msg != "" {
		return errors.Join(ctx.Err(), resultError(&res))
	}
	return nil
}

// strayInterrupt reports whether err is DuckDB's interrupt though ctx,
// the only thing that interrupts our statements, is not done: DuckDB 1.5
// interrupts its own statement when one of its threads fails, and a
// streaming result's fetch that sees the interrupt before the error
// reports the interrupt instead of the error (SimpleBufferedData checks
// the interrupt outside the error mapping of ClientContext; upstream
// moved the check inside it after v1.5.5).
func strayInterrupt(ctx context.Context, err error) bool {
	var de *duckdb.Error
	return err != nil && ctx.Err() == nil && errors.As(err, &de) && de.Type == duckdb.ErrorTypeInterrupt
}

func resultError(res *bindings.Result) error {
	return &duckdb.Error{Type: duckdb.ErrorType(bindings.ResultErrorType(res)), Msg: bindings.ResultError(res)}
}

// errorData is ed as an error (nil when it holds none); it destroys ed.
func errorData(ed bindings.ErrorData) error {
	defer bindings.DestroyErrorData(&ed)
	if !bindings.ErrorDataHasError(ed) {
		return nil
	}
	return &duckdb.Error{Type: duckdb.ErrorType(bindings.ErrorDataErrorType(ed)), Msg: bindings.ErrorDataMessage(ed)}
}
