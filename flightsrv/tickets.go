package flightsrv

import (
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
)

// ticketRefusedMsg is the one message of every refused result ticket. A
// client that presents a forged, altered, expired or another user's ticket,
// or one whose query was closed, learns only that it was refused: which
// check failed is for the server's log, not for whoever holds the ticket.
const ticketRefusedMsg = "ticket refused: not valid here, expired, or its result is closed"

// refuseTicket is the answer to a client's do_get that cannot be served:
// UNAUTHENTICATED with ticketRefusedMsg. reason, the real one, is logged.
func refuseTicket(log *zap.Logger, reason error) error {
	log.Info("do_get ticket refused", zap.Error(reason))
	return StatusFromError(qerr.ErrUnauthorized.New(ticketRefusedMsg))
}

// resultGone reports whether err, from opening a verified ticket's result,
// says only that there is nothing to serve under it (never was, closed,
// cancelled, expired): what a client learns no more about than that its
// ticket was refused. Other errors (the query failed) are the client's to
// see.
func resultGone(err error) bool {
	switch qerr.CodeOf(err) {
	case qerr.ErrNotFound, qerr.ErrExpired, qerr.ErrCancelled, qerr.ErrUnauthorized, qerr.ErrBadTicket:
		return true
	}
	return false
}
