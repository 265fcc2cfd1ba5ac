package integration

import (
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
)

// statementsSchema is the catalog the statement tests browse: two
// databases, tables of every column kind, a view.
const statementsSchema = `CREATE DATABASE sales
CREATE TABLE sales.orders (id BIGINT NOT NULL, amount DECIMAL(15,2), note VARCHAR(20), day DATE, at DATETIME, ok BOOLEAN) PARTITION BY HASH(id) PARTITIONS 4
CREATE TABLE sales.items (order_id BIGINT, qty INT UNSIGNED)
CREATE VIEW sales.big_orders AS SELECT id, amount FROM sales.orders WHERE amount > 100
CREATE TABLE t (a INT, s TEXT)`

// TestStatements runs the statements people type first (SHOW, DESCRIBE,
// USE, information_schema, the session functions) through the Go ADBC
// driver and checks every row.
func TestStatements(t *testing.T) {
	t.Parallel()
	compat(t, clientGoADBC, "SHOW, DESCRIBE, USE, information_schema")
	cl := startServe(t, 2, "")
	c := connect(t, cl.Addr)
	for _, ddl := range strings.Split(statementsSchema, "\n") {
		c.MustExec(ddl)
	}
	c.MustExec("INSERT INTO sales.orders VALUES (1, 250.00, 'x', '2024-01-02', '2024-01-02 10:00:00', true), (2, 50.00, NULL, NULL, NULL, false)")

	cases := []struct {
		name, sql string
		want      [][]string
	}{
		{"show_databases", "SHOW DATABASES", [][]string{{"'information_schema'"}, {"'main'"}, {"'sales'"}, {"'system'"}}},
		{"show_databases_like", "SHOW DATABASES LIKE 's%'", [][]string{{"'sales'"}, {"'system'"}}},
		{"show_tables", "SHOW TABLES", [][]string{{"'t'"}}},
		{"show_tables_from", "SHOW TABLES FROM sales", [][]string{{"'big_orders'"}, {"'items'"}, {"'orders'"}}},
		{"show_full_tables_like", "SHOW FULL TABLES FROM sales LIKE '%orders'",
			[][]string{{"'big_orders'", "'VIEW'"}, {"'orders'", "'BASE TABLE'"}}},
		{"show_tables_where", "SHOW TABLES FROM sales WHERE Tables_in_sales <> 'items'", [][]string{{"'big_orders'"}, {"'orders'"}}},
		{"describe", "DESCRIBE sales.orders", [][]string{
			{"'id'", "'bigint'", "'NO'", "''", "NULL", "''"},
			{"'amount'", "'decimal(15,2)'", "'YES'", "''", "NULL", "''"},
			{"'note'", "'text'", "'YES'", "''", "NULL", "''"},
			{"'day'", "'date'", "'YES'", "''", "NULL", "''"},
			{"'at'", "'datetime(6)'", "'YES'", "''", "NULL", "''"},
			{"'ok'", "'boolean'", "'YES'", "''", "NULL", "''"},
		}},
		{"describe_column", "DESC sales.items qty", [][]string{{"'qty'", "'int unsigned'", "'YES'", "''", "NULL", "''"}}},
		{"show_columns_of_view", "SHOW COLUMNS FROM big_orders FROM sales", [][]string{
			{"'id'", "'bigint'", "'YES'", "''", "NULL", "''"},
			{"'amount'", "'decimal(15,2)'", "'YES'", "''", "NULL", "''"},
		}},
		{"show_create_table", "SHOW CREATE TABLE sales.items", [][]string{
			{"'items'", "'CREATE TABLE `items` (\n  `order_id` bigint,\n  `qty` int unsigned\n)'"}}},
		{"show_create_partitioned", "SHOW CREATE TABLE sales.orders", [][]string{
			{"'orders'", "'CREATE TABLE `orders` (\n  `id` bigint NOT NULL,\n  `amount` decimal(15,2),\n  `note` text,\n  `day` date,\n  `at` datetime(6),\n  `ok` boolean\n) PARTITION BY HASH(`id`) PARTITIONS 4'"}}},
		{"show_create_view", "SHOW CREATE VIEW sales.big_orders", [][]string{
			{"'big_orders'", "'CREATE VIEW `big_orders` AS SELECT `id`,`amount` FROM `sales`.`orders` WHERE `amount`>100'"}}},
		{"schemata", "SELECT schema_name FROM information_schema.schemata WHERE schema_name <> 'information_schema' ORDER BY 1",
			[][]string{{"'main'"}, {"'sales'"}, {"'system'"}}},
		{"tables", "SELECT table_schema, table_name, table_type, table_rows FROM information_schema.tables WHERE table_schema = 'sales' ORDER BY table_name",
			[][]string{{"'sales'", "'big_orders'", "'VIEW'", "NULL"}, {"'sales'", "'items'", "'BASE TABLE'", "0"}, {"'sales'", "'orders'", "'BASE TABLE'", "2"}}},
		{"columns", "SELECT column_name, ordinal_position, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = 'sales' AND table_name = 'orders' AND data_type IN ('bigint', 'decimal') ORDER BY ordinal_position",
			[][]string{{"'id'", "1", "'bigint'", "19", "0"}, {"'amount'", "2", "'decimal'", "15", "2"}}},
		{"views", "SELECT table_name, view_definition FROM information_schema.views",
			[][]string{{"'big_orders'", "'SELECT `id`,`amount` FROM `sales`.`orders` WHERE `amount`>100'"}}},
		{"join_columns_tables", `SELECT t.table_name, t.table_type, count(*) AS columns
			FROM information_schema.tables t JOIN information_schema.columns c
			  ON c.table_schema = t.table_schema AND c.table_name = t.table_name
			WHERE t.table_schema = 'sales' GROUP BY t.table_name, t.table_type ORDER BY t.table_name`,
			[][]string{{"'big_orders'", "'VIEW'", "2"}, {"'items'", "'BASE TABLE'", "2"}, {"'orders'", "'BASE TABLE'", "6"}}},
		{"information_schema_lists_itself", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'information_schema' AND table_type = 'SYSTEM VIEW'",
			[][]string{{"5"}}},
		{"session_functions", "SELECT database(), schema(), current_user(), version() LIKE '%.%'",
			[][]string{{"'main'", "'main'", "'anonymous'", "true"}}},
		{"variables", "SELECT @@parallelism, @@session.version_comment", [][]string{{"'0'", "'Quiver'"}}},
		{"show_variables_like", "SHOW VARIABLES LIKE 'parallel%'", [][]string{{"'parallelism'", "'0'"}}},
		{"query_over_information_schema_and_data", "SELECT o.id FROM sales.orders o JOIN information_schema.columns c ON c.ordinal_position = o.id WHERE c.table_name = 'orders' AND c.table_schema = 'sales' ORDER BY 1",
			[][]string{{"1"}, {"2"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := c.Query(tc.sql)
			if err != nil {
				t.Fatalf("%s: %v", tc.sql, err)
			}
			if d := diffText(res, tc.want); d != "" {
				t.Errorf("%s: %s", tc.sql, d)
			}
		})
	}

	errs := []struct {
		name, sql string
		want      codes.Code
	}{
		{"show_tables_unknown_db", "SHOW TABLES FROM nowhere", codes.NotFound},
		{"describe_unknown_table", "DESCRIBE nothing", codes.NotFound},
		{"unknown_information_schema_table", "SELECT * FROM information_schema.nothing", codes.NotFound},
		{"unknown_variable", "SELECT @@nothing", codes.NotFound},
		{"use_unknown_db", "USE nowhere", codes.NotFound},
		{"set_unknown_variable", "SET nothing = 1", codes.NotFound},
		{"set_bad_value", "SET parallelism = 'many'", codes.InvalidArgument},
		{"set_global", "SET GLOBAL parallelism = 1", codes.InvalidArgument},
		{"unsupported_show", "SHOW PROCESSLIST", codes.InvalidArgument},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Query(tc.sql)
			if err == nil {
				t.Fatalf("%s succeeded", tc.sql)
			}
			if code := grpcCode(err); code != tc.want {
				t.Errorf("%s: code %s, want %s: %v", tc.sql, code, tc.want, err)
			}
		})
	}
}
