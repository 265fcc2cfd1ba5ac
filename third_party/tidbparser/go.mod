module github.com/pingcap/tidb/pkg/parser

go 1.25

require (
	github.com/coreos/go-semver v0.3.1
	github.com/go-sql-driver/mysql v1.7.1
	github.com/pingcap/errors v0.11.5-0.20250523034308-74f78ae071ee
	github.com/pingcap/failpoint v0.0.0-20240528011301-b51a646c7c86
	github.com/pingcap/log v1.1.0
	github.com/stretchr/testify v1.8.4
	go.uber.org/goleak v1.3.0
	go.uber.org/zap v1.27.0
	golang.org/x/text v0.19.0
	modernc.org/mathutil v1.6.0
	modernc.org/parser v1.1.0
	modernc.org/sortutil v1.2.0
	modernc.org/strutil v1.2.0
	modernc.org/y v1.1.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	go.uber.org/atomic v1.11.0 // indirect
	go.uber.org/multierr v1.11.0 // indirect
	gopkg.in/natefinch/lumberjack.v2 v2.2.1 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
	modernc.org/golex v1.1.0 // indirect
)
