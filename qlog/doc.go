// Package qlog defines, once, the fields that tie a log line to the query
// it is about: the query, its stage (fragment), the task, the worker and the
// attempt. Every layer logs them through these constructors, so that one
// key names one thing in every process's log and a query's lines can be
// found across the coordinator and its workers by query_id.
//
// The package imports nothing of Quiver's (only zap), so that every layer,
// catalog and stage included, can use it. Identifiers are taken by their
// underlying kind (a string, an int, a Stringer) for that reason.
package qlog
