package flightsrv

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pingcap/tidb/pkg/parser"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// maxAuditText bounds the normalized statement text an audit line carries.
const maxAuditText = 512

// maxAuditInput bounds the statement text that audit and loggable read:
// the parser's normalizer takes about 14 times the size of its input (138
// MB for a 10 MB statement, which the binder then refuses), and a node's
// RSS stayed that much higher after one. The digest of a longer statement
// names its first maxAuditInput bytes.
const maxAuditInput = 64 << 10

// auditHead is sql cut to at most maxAuditInput bytes, at a character
// boundary, and whether it was cut.
func auditHead(sql string) (string, bool) {
	if len(sql) <= maxAuditInput {
		return sql, false
	}
	n := maxAuditInput
	for n > 0 && !utf8.RuneStart(sql[n]) {
		n--
	}
	return sql[:n], true
}

// auditText is the normalized text (at most maxAuditText bytes and "...")
// and the digest of sql that an audit line carries.
func auditText(sql string) (string, string) {
	head, _ := auditHead(sql)
	normalized, digest := parser.NormalizeDigest(head)
	if len(normalized) > maxAuditText {
		normalized = normalized[:maxAuditText] + "..."
	}
	return normalized, digest.String()[:16]
}

// audit writes the audit line of one statement to the "audit" logger: who
// (user, client address), what (kind, the statement's digest and its
// normalized text, literals replaced by '?', so that no password or value
// is logged), the query it started, how it ended (outcome "ok" or the
// error's code) and how long the call took.
func (s *SQLServer) audit(ctx context.Context, kind, sql string, began time.Time, query stage.QueryID, err error) {
	normalized, digest := auditText(sql)
	outcome := "ok"
	if err != nil {
		outcome = string(qerr.CodeOf(err))
	}
	fields := []zap.Field{
		zap.String("user", PrincipalFrom(ctx).Name()),
		zap.String("client", clientAddr(ctx)),
		zap.String("kind", kind),
		zap.String("digest", digest),
		zap.String("statement", normalized),
		zap.String("outcome", outcome),
		zap.Duration("duration", time.Since(began)),
	}
	if query != "" {
		fields = append(fields, qlog.Query(query))
	}
	if err != nil {
		fields = append(fields, zap.String("error", err.Error()))
	}
	s.auditLog.Info("statement", fields...)
}

// loggable is a statement's text as other log lines may carry it: account
// statements (CREATE USER, ALTER USER) normalized, so that their passwords
// never reach a log, and at most maxAuditInput bytes of it (then "...").
func loggable(sql string) string {
	head, cut := auditHead(sql)
	// "ON" replaces the literals; "" would return the text unchanged.
	if n := parser.Normalize(head, "ON"); strings.HasPrefix(n, "create user") || strings.HasPrefix(n, "alter user") || strings.HasPrefix(n, "set password") {
		head = n
	}
	if cut {
		head += "..."
	}
	return head
}
