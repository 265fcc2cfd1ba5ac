package flightsrv

import (
	"context"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
	pb "github.com/apache/arrow-go/v18/arrow/flight/gen/flight"
	"github.com/pingcap/tidb/pkg/parser"

	"github.com/quiverdb/quiver/coordinator"
	"github.com/quiverdb/quiver/coordinator/binder"
)

// sqlInfo is what GetSqlInfo answers: the server, its SQL dialect (MySQL's,
// as TiDB's parser reads it and the binder implements it) and what of
// Flight SQL it serves. Each value has the type the Flight SQL spec gives
// its id (JDBC casts them).
func sqlInfo() map[flightsql.SqlInfo]any {
	upper := func(names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = strings.ToUpper(n)
		}
		return out
	}
	var keywords []string
	for _, k := range parser.Keywords {
		if k.Reserved {
			keywords = append(keywords, k.Word)
		}
	}
	return map[flightsql.SqlInfo]any{
		// The server.
		flightsql.SqlInfoFlightSqlServerName:         "Quiver",
		flightsql.SqlInfoFlightSqlServerVersion:      coordinator.Version,
		flightsql.SqlInfoFlightSqlServerArrowVersion: arrow.PkgVersion,
		flightsql.SqlInfoFlightSqlServerReadOnly:     false,
		flightsql.SqlInfoFlightSqlServerSql:          true,
		flightsql.SqlInfoFlightSqlServerSubstrait:    false,
		// Transactions with snapshot isolation, no savepoints
		// (coordinator/txn.go).
		flightsql.SqlInfoFlightSqlServerTransaction: int32(flightsql.SqlTransactionTransaction),
		flightsql.SqlInfoTransactionsSupported:      true,
		flightsql.SqlInfoSavePointsSupported:        false,
		// The spec says int32; the JDBC driver casts this one to Long.
		flightsql.SqlInfoDefaultTransactionIsolation:                int64(pb.SqlTransactionIsolationLevel_SQL_TRANSACTION_REPEATABLE_READ),
		flightsql.SqlInfoSupportedTransactionsIsolationlevels:       int32(1 << pb.SqlTransactionIsolationLevel_SQL_TRANSACTION_REPEATABLE_READ),
		flightsql.SqlInfoDataDefinitionCausesTransactionCommit:      false,
		flightsql.SqlInfoDataDefinitionsInTransactionsIgnored:       false,
		flightsql.SqlInfoFlightSqlServerCancel:                      true,
		flightsql.SqlInfoFlightSqlServerBulkIngestion:               true,
		flightsql.SqlInfoFlightSqlServerIngestTransactionsSupported: true,

		// Names.
		flightsql.SqlInfoDDLCatalog:               false,
		flightsql.SqlInfoDDLSchema:                true,
		flightsql.SqlInfoDDLTable:                 true,
		flightsql.SqlInfoIdentifierCase:           int32(flightsql.SqlCaseSensitivityCaseInsensitive),
		flightsql.SqlInfoIdentifierQuoteChar:      "`",
		flightsql.SqlInfoQuotedIdentifierCase:     int32(flightsql.SqlCaseSensitivityCaseInsensitive),
		flightsql.SqlInfoSchemaTerm:               "database",
		flightsql.SqlInfoCatalogTerm:              "catalog",
		flightsql.SqlInfoProcedureTerm:            "procedure",
		flightsql.SqlInfoCatalogAtStart:           true,
		flightsql.SqlInfoSearchStringEscape:       `\`,
		flightsql.SqlInfoExtraNameChars:           "$",
		flightsql.SqlInfoSchemasSupportedActions:  int32(0),
		flightsql.SqlInfoCatalogsSupportedActions: int32(0),

		// The dialect.
		flightsql.SqlInfoKeywords:                               keywords,
		flightsql.SqlInfoNumericFunctions:                       upper(binder.Functions(binder.FunctionsNumeric)),
		flightsql.SqlInfoStringFunctions:                        upper(binder.Functions(binder.FunctionsString)),
		flightsql.SqlInfoDateTimeFunctions:                      upper(binder.Functions(binder.FunctionsDateTime)),
		flightsql.SqlInfoSystemFunctions:                        upper(binder.Functions(binder.FunctionsSystem)),
		flightsql.SqlInfoAllTablesAreASelectable:                true,
		flightsql.SqlInfoNullOrdering:                           int32(flightsql.SqlNullOrderingSortLow),
		flightsql.SqlInfoNullPlusNullIsNull:                     true,
		flightsql.SqlInfoSupportsColumnAliasing:                 true,
		flightsql.SqlInfoSupportsTableCorrelationNames:          true,
		flightsql.SqlInfoSupportsDifferentTableCorrelationNames: false,
		flightsql.SqlInfoSupportsExpressionsInOrderBy:           true,
		flightsql.SqlInfoSupportsOrderByUnrelated:               true,
		flightsql.SqlInfoSupportedGroupBy:                       int32(1<<pb.SqlSupportedGroupBy_SQL_GROUP_BY_UNRELATED | 1<<pb.SqlSupportedGroupBy_SQL_GROUP_BY_BEYOND_SELECT),
		flightsql.SqlInfoSupportsLikeEscapeClause:               true,
		flightsql.SqlInfoSupportsNonNullableColumns:             true,
		flightsql.SqlInfoSupportedGrammar:                       int32(1<<pb.SupportedSqlGrammar_SQL_MINIMUM_GRAMMAR | 1<<pb.SupportedSqlGrammar_SQL_CORE_GRAMMAR),
		flightsql.SqlInfoANSI92SupportedLevel:                   int32(1<<pb.SupportedAnsi92SqlGrammarLevel_ANSI92_ENTRY_SQL | 1<<pb.SupportedAnsi92SqlGrammarLevel_ANSI92_INTERMEDIATE_SQL),
		flightsql.SqlInfoSupportsIntegrityEnhancementFacility:   false,
		flightsql.SqlInfoOuterJoinsSupportLevel:                 int32(pb.SqlOuterJoinsSupportLevel_SQL_FULL_OUTER_JOINS),
		flightsql.SqlInfoSupportedPositionedCommands:            int32(0),
		flightsql.SqlInfoSelectForUpdateSupported:               false,
		flightsql.SqlInfoStoredProceduresSupported:              false,
		flightsql.SqlInfoSupportedSubqueries: int32(1<<pb.SqlSupportedSubqueries_SQL_SUBQUERIES_IN_COMPARISONS |
			1<<pb.SqlSupportedSubqueries_SQL_SUBQUERIES_IN_EXISTS | 1<<pb.SqlSupportedSubqueries_SQL_SUBQUERIES_IN_INS),
		flightsql.SqlInfoCorrelatedSubqueriesSupported:           true,
		flightsql.SqlInfoSupportedUnions:                         int32(1<<pb.SqlSupportedUnions_SQL_UNION | 1<<pb.SqlSupportedUnions_SQL_UNION_ALL),
		flightsql.SqlInfoBatchUpdatesSupported:                   true,
		flightsql.SqlInfoNamedParametersSupported:                false,
		flightsql.SqlInfoLocatorsUpdateCopy:                      false,
		flightsql.SqlInfoStoredFunctionsUsingCallSyntaxSupported: false,
		flightsql.SqlInfoSupportedResultSetTypes:                 int32(1 << pb.SqlSupportedResultSetType_SQL_RESULT_SET_TYPE_FORWARD_ONLY),
	}
}

// GetFlightInfoSqlInfo is the base server's, and starts the client's
// session: ADBC drivers ask for SqlInfo as they connect, in a unary call
// whose response headers (the session cookie) their cookie middleware
// reads. It does not read them from a DoPut it never drains, so a session
// started by a first statement sent as an update would be lost.
func (s *SQLServer) GetFlightInfoSqlInfo(ctx context.Context, cmd flightsql.GetSqlInfo, desc *flight.FlightDescriptor) (*flight.FlightInfo, error) {
	s.session(ctx)
	return s.BaseServer.GetFlightInfoSqlInfo(ctx, cmd, desc)
}
