package flightsrv

import (
	"context"
	"strings"
	"time"

	"github.com/pingcap/tidb/pkg/parser"
	"go.uber.org/zap"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/qlog"
	"github.com/quiverdb/quiver/stage"
)

// maxAuditText bounds the normalized statement text an audit line carries;
// the digest names the whole statement.
const maxAuditText = 512

// audit writes the audit line of one statement to the "audit" logger: who
// (user, client address), what (kind, the statement's digest and its
// normalized text, literals replaced by '?', so that no password or value
// is logged), the query it started, how it ended (outcome "ok" or the
// error's code) and how long the call took.
func (s *SQLServer) audit(ctx context.Context, kind, sql string, began time.Time, query stage.QueryID, err error) {
	normalized, digest := parser.NormalizeDigest(sql)
	if len(normalized) > maxAuditText {
		normalized = normalized[:maxAuditText] + "..."
	}
	outcome := "ok"
	if err != nil {
		outcome = string(qerr.CodeOf(err))
	}
	fields := []zap.Field{
		zap.String("user", PrincipalFrom(ctx).Name()),
		zap.String("client", clientAddr(ctx)),
		zap.String("kind", kind),
		zap.String("digest", digest.String()[:16]),
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
// never reach a log.
func loggable(sql string) string {
	n := parser.Normalize(sql, "")
	if strings.HasPrefix(n, "create user") || strings.HasPrefix(n, "alter user") || strings.HasPrefix(n, "set password") {
		return n
	}
	return sql
}
