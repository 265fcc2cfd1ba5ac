// Package flightsrv is every Flight surface of Quiver: the Flight SQL server
// for clients, and the cluster's own protocol (protocol.go): the worker
// service that the coordinator and other workers call (task actions,
// exchange and result do_get, bulk-write do_put) and its client
// (WorkerClient, PeerPool), the heartbeat, the auth header, and their gRPC
// server options.
//
// It is the only package that maps errors to gRPC statuses
// (StatusFromError): a status carries the qerr error whole in an ErrorInfo
// detail (code, message, retryability), so that the worker client makes the
// same error again on the other side of a hop (ErrorFromStatus). It holds
// no query state of its own: the worker service delegates to stage/exec's
// Worker, the Flight SQL server to the coordinator.
package flightsrv
