package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/flight"
	"github.com/apache/arrow-go/v18/arrow/flight/flightsql"
)

const help = `Statements end with ';' and may span lines. Ctrl-C cancels the running
query (or discards the statement being typed); Ctrl-D quits.

  \l               databases (schemas)
  \dt [PATTERN]    tables, PATTERN a LIKE pattern or with * wildcards, [db.]table
  \d TABLE         the columns of a table, [db.]table
  \?               this help
  \q               quit
`

// shortcut runs a backslash command. It returns whether the shell should
// quit and the command's error (printed).
func (s *Shell) shortcut(ctx context.Context, line string) (quit bool, err error) {
	args := strings.Fields(strings.TrimSuffix(line, ";"))
	switch args[0] {
	case `\q`, `\quit`:
		return true, nil
	case `\?`, `\h`, `\help`:
		_, err = io.WriteString(s.cfg.Out, help)
		return false, err
	case `\l`:
		err = s.query(ctx, func(ctx context.Context, _ *runningQuery) (*flight.FlightInfo, error) {
			return s.conn.sql.GetDBSchemas(ctx, &flightsql.GetDBSchemasOpts{})
		})
	case `\dt`:
		opts := &flightsql.GetTablesOpts{}
		if len(args) > 1 {
			opts.DbSchemaFilterPattern, opts.TableNameFilterPattern = splitQualified(strings.ReplaceAll(args[1], "*", "%"))
		}
		err = s.query(ctx, func(ctx context.Context, _ *runningQuery) (*flight.FlightInfo, error) {
			return s.conn.sql.GetTables(ctx, opts)
		})
	case `\d`:
		if len(args) == 1 {
			return s.shortcut(ctx, `\dt`)
		}
		err = s.describe(ctx, args[1])
	default:
		err = fmt.Errorf("unknown command %s (\\? lists them)", args[0])
	}
	if err != nil {
		s.printError(err)
	}
	return false, err
}

// splitQualified cuts [db.]name into its parts (nil for a missing db).
func splitQualified(name string) (db, table *string) {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		d, t := name[:i], name[i+1:]
		return &d, &t
	}
	return nil, &name
}

// describe prints the columns of every table called name (in any database
// unless name is qualified), from GetTables with their schemas.
func (s *Shell) describe(ctx context.Context, name string) error {
	db, table := splitQualified(name)
	opts := &flightsql.GetTablesOpts{DbSchemaFilterPattern: db, TableNameFilterPattern: table, IncludeSchema: true}
	ctx = s.conn.withAuth(ctx)
	info, err := s.conn.sql.GetTables(ctx, opts)
	if err != nil {
		return err
	}
	res, err := s.conn.openResults(ctx, info, s.cfg.Allocator)
	if err != nil {
		return err
	}
	defer res.Close()
	found := 0
	for {
		rec, err := res.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		err = s.describeTables(rec, db, *table, &found)
		rec.Release()
		if err != nil {
			return err
		}
	}
	if found == 0 {
		return fmt.Errorf("no table %s", name)
	}
	return nil
}

// describeTables prints the tables of a GetTables batch whose name is
// exactly table (and database db, when given): the pattern's _ and % match
// more.
func (s *Shell) describeTables(rec arrow.RecordBatch, db *string, table string, found *int) error {
	col := func(name string) (arrow.Array, error) {
		idx := rec.Schema().FieldIndices(name)
		if len(idx) == 0 {
			return nil, fmt.Errorf("GetTables result without %s", name)
		}
		return rec.Column(idx[0]), nil
	}
	var cols [4]arrow.Array
	for i, name := range []string{"catalog_name", "db_schema_name", "table_name", "table_schema"} {
		c, err := col(name)
		if err != nil {
			return err
		}
		cols[i] = c
	}
	schemas, ok := cols[3].(*array.Binary)
	if !ok {
		return fmt.Errorf("GetTables table_schema is %s, not binary", cols[3].DataType())
	}
	for i := 0; i < int(rec.NumRows()); i++ {
		if cols[2].ValueStr(i) != table || (db != nil && cols[1].ValueStr(i) != *db) {
			continue
		}
		schema, err := flight.DeserializeSchema(schemas.Value(i), s.cfg.Allocator)
		if err != nil {
			return fmt.Errorf("schema of %s: %w", table, err)
		}
		var qualified []string
		for _, c := range cols[:3] {
			if !c.IsNull(i) && c.ValueStr(i) != "" {
				qualified = append(qualified, c.ValueStr(i))
			}
		}
		if *found > 0 {
			fmt.Fprintln(s.cfg.Out)
		}
		*found++
		fmt.Fprintf(s.cfg.Out, "Table %s\n", strings.Join(qualified, "."))
		rows := make([][]string, 0, schema.NumFields())
		for _, f := range schema.Fields() {
			null := "NOT NULL"
			if f.Nullable {
				null = "NULL"
			}
			rows = append(rows, []string{f.Name, f.Type.String(), null})
		}
		if err := writeTable(s.cfg.Out, []column{{name: "column"}, {name: "type"}, {name: "nullable"}}, rows, s.width()); err != nil {
			return err
		}
	}
	return nil
}
