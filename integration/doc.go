// Package integration holds Quiver's end-to-end tests: multi-process clusters
// driven by real clients.
//
// The tests start the quiver binary as real processes on loopback (`quiver
// serve`, or one `quiver coordinator` with separate `quiver worker`
// processes), each in its own temporary data directory, and talk to them only
// the way users do: the Go ADBC Flight SQL driver, arrow-go's Flight SQL and
// Flight clients, (in python/) pyarrow and adbc_driver_flightsql, and (in
// jdbc/, a Maven project) the Flight SQL JDBC driver. Every
// answer is compared with single-process DuckDB fed exactly the same rows.
//
// What it owns: the process harness (finding or building the binary, starting
// and stopping processes, reading their zap JSON logs), deterministic data
// generation, the DuckDB oracle and the result comparison.
//
// The server is a black box reached over the network. Quiver packages are
// imported only where a test plays a part that users do not: a cluster peer
// holding the cluster secret (the worker protocol's client and its auth
// header, ticket sealing, the token format, to forge or replay what an
// attacker would), or the tpch kit as a client of the TPC-H queries. A test
// never calls the planner or the executor in process.
//
// What it must not do: assert a duration, or wait without a deadline. Every
// process it starts is stopped in t.Cleanup (SIGTERM, then SIGKILL).
//
// Environment:
//
//	QUIVER_BIN        the quiver binary to test; when unset the tests build
//	                  ./cmd/quiver into a temporary directory once.
//	QUIVER_IT_LOGDIR  when set, process logs are kept there (one file per
//	                  process) instead of in the test's temporary directory.
//	QUIVER_IT_ROWS    overrides the number of bulk-ingested rows (default
//	                  300000), for quick local runs.
//	QUIVER_COMPAT_DIR where compat (compat_test.go) records each tagged test's
//	                  outcome for docs/compatibility.md (default build/compat).
//	QUIVER_LOGIC_*    the sqllogictest corpus's cluster sizes and filters
//	                  (logic_test.go).
//	QUIVER_TPCH_SF1, QUIVER_TPCH_ANSWERS
//	                  the SF 1 data and official answers that
//	                  TestTPCHOfficialAnswers checks (tpch_test.go).
package integration
