// Package flightsrv is every Flight surface of Quiver: the Flight SQL server
// for clients, and the worker service that the coordinator and other workers
// call (task actions, exchange and result do_get, bulk-write do_put), with
// their tickets, auth and gRPC server options.
//
// It is the only package that maps errors to gRPC statuses (StatusFromError);
// the status message is qerr.Encode's, so the qerr code survives a hop and
// stage/exec's client decodes it back. It holds no query state of its own:
// the worker service delegates to stage/exec's Worker.
package flightsrv
