// Package shell is `quiver sql`: an interactive SQL shell over Flight SQL.
// It works against any Flight SQL server, not only Quiver: it speaks the
// protocol through arrow-go's flightsql client, fetches every endpoint of a
// result at the endpoint's location (concurrently, printed in endpoint
// order), runs DDL and DML through ExecuteUpdate, follows PollFlightInfo
// where the server offers it, and cancels a running query with
// CancelFlightInfo on Ctrl-C.
//
// It owns the terminal side: line editing and history (chzyer/readline),
// statements split at semicolons, result formats (aligned tables folded to
// the terminal's width, CSV, JSON lines, an Arrow IPC stream) and the
// backslash shortcuts over the metadata commands. It must not import the
// server packages: what it knows of a server is the Flight SQL protocol.
package shell
