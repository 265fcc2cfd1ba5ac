package binder

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/quiverdb/quiver/catalog"
	"github.com/quiverdb/quiver/qerr"
)

// AlterTable is ALTER TABLE ... ADD / DROP / RENAME COLUMN: Table is the new
// definition, one SchemaVersion past the one read. The data files stay as
// they are (schema evolution at read time):
//
//	ADD COLUMN      a new column (Since = the new version); files written
//	                before it lack it, and their rows read NULL
//	DROP COLUMN     the column leaves the definition; its file name goes
//	                to Retired, so that no later column reads its old values
//	RENAME COLUMN   only Name changes; the column keeps its file name
type AlterTable struct {
	Table *catalog.Table
}

func (*AlterTable) isStatement() {}

// bindAlterTable binds the column changes of one ALTER TABLE, applied in
// order to a copy of the table: all of them commit together or none does.
func (b *Binder) bindAlterTable(ctx context.Context, s *ast.AlterTableStmt) (Statement, error) {
	if len(s.Specs) == 1 && s.Specs[0].Tp == ast.AlterTableRenameTable {
		return b.bindRename(s.Table, s.Specs[0].NewTable)
	}
	if b.virtualSchema(b.dbName(s.Table)) != nil {
		return nil, qerr.ErrInvalid.New("ALTER TABLE of a system table")
	}
	cur, err := b.table(ctx, s.Table)
	if err != nil {
		return nil, err
	}
	t := *cur
	t.Columns = append([]catalog.Column(nil), cur.Columns...)
	t.Retired = append([]string(nil), cur.Retired...)
	t.SchemaVersion = cur.SchemaVersion + 1
	for _, spec := range s.Specs {
		if err := alterColumns(&t, spec); err != nil {
			return nil, err
		}
	}
	if err := catalog.ValidateTable(&catalog.Table{Database: t.Database, Name: t.Name, Columns: t.Columns, DistributionKeys: t.DistributionKeys, Partitions: t.Partitions, PrimaryKey: t.PrimaryKey}); err != nil {
		return nil, err
	}
	return &AlterTable{Table: &t}, nil
}

// alterColumns applies one ALTER TABLE clause to t.
func alterColumns(t *catalog.Table, spec *ast.AlterTableSpec) error {
	switch spec.Tp {
	case ast.AlterTableAddColumns:
		if len(spec.NewConstraints) > 0 {
			return qerr.ErrUnsupported.New("ALTER TABLE ... ADD with constraints")
		}
		for i, def := range spec.NewColumns {
			col, err := addedColumn(t, def)
			if err != nil {
				return err
			}
			at := len(t.Columns)
			if i == 0 && spec.Position != nil {
				switch spec.Position.Tp {
				case ast.ColumnPositionFirst:
					at = 0
				case ast.ColumnPositionAfter:
					j := t.ColumnIndex(spec.Position.RelativeColumn.Name.O)
					if j < 0 {
						return qerr.ErrNotFound.New("unknown column %s in table %s", spec.Position.RelativeColumn.Name.O, t.Name)
					}
					at = j + 1
				}
			}
			t.Columns = append(t.Columns[:at], append([]catalog.Column{col}, t.Columns[at:]...)...)
		}
		return nil
	case ast.AlterTableDropColumn:
		i, err := alteredColumn(t, spec.OldColumnName, "drop")
		if err != nil {
			return err
		}
		if len(t.Columns) == 1 {
			return qerr.ErrInvalid.New("you can't delete all columns with ALTER TABLE; use DROP TABLE instead")
		}
		if slices.ContainsFunc(t.PrimaryKey, func(k string) bool { return strings.EqualFold(k, t.Columns[i].Name) }) {
			return qerr.ErrUnsupported.New("cannot drop column %s: it is in the primary key of %s", t.Columns[i].Name, t.Name)
		}
		t.Retired = append(t.Retired, t.Columns[i].FileName())
		t.Columns = append(t.Columns[:i], t.Columns[i+1:]...)
		return nil
	case ast.AlterTableRenameColumn:
		i, err := alteredColumn(t, spec.OldColumnName, "rename")
		if err != nil {
			return err
		}
		if j := t.ColumnIndex(spec.NewColumnName.Name.O); j >= 0 && j != i {
			return qerr.ErrAlreadyExists.New("duplicate column name %s", spec.NewColumnName.Name.O)
		}
		t.PrimaryKey = slices.Clone(t.PrimaryKey)
		for k, name := range t.PrimaryKey {
			if strings.EqualFold(name, t.Columns[i].Name) {
				t.PrimaryKey[k] = spec.NewColumnName.Name.O
			}
		}
		t.Columns[i].File = t.Columns[i].FileName()
		t.Columns[i].Name = spec.NewColumnName.Name.O
		return nil
	case ast.AlterTableChangeColumn, ast.AlterTableModifyColumn:
		return qerr.ErrUnsupported.New("ALTER TABLE ... CHANGE / MODIFY COLUMN: a column's type cannot be changed (use RENAME COLUMN to rename, or CREATE TABLE ... AS SELECT with the new type)")
	}
	return qerr.ErrUnsupported.New("ALTER TABLE other than RENAME TO, ADD COLUMN, DROP COLUMN and RENAME COLUMN")
}

// alteredColumn finds the column a DROP or RENAME COLUMN names. A
// distribution key is neither dropped nor renamed: the table's files are
// placed by it.
func alteredColumn(t *catalog.Table, name *ast.ColumnName, what string) (int, error) {
	i := t.ColumnIndex(name.Name.O)
	if i < 0 {
		return 0, qerr.ErrNotFound.New("unknown column %s in table %s", name.Name.O, t.Name)
	}
	for _, k := range t.DistributionKeys {
		if strings.EqualFold(k, t.Columns[i].Name) {
			return 0, qerr.ErrUnsupported.New("cannot %s column %s: it is the distribution key of %s (PARTITION BY HASH), by which its files are placed", what, t.Columns[i].Name, t.Name)
		}
	}
	return i, nil
}

// addedColumn is the column an ADD COLUMN defines. Rows already stored read
// NULL in it, so it must be nullable when the table has rows, and a DEFAULT
// other than NULL is refused: Quiver keeps no column defaults.
func addedColumn(t *catalog.Table, def *ast.ColumnDef) (catalog.Column, error) {
	col, err := columnDef(def)
	if err != nil {
		return col, err
	}
	for _, o := range def.Options {
		switch o.Tp {
		case ast.ColumnOptionNotNull, ast.ColumnOptionNull, ast.ColumnOptionComment:
		case ast.ColumnOptionDefaultValue:
			if !isNullLiteral(o.Expr) {
				return col, qerr.ErrUnsupported.New("ADD COLUMN %s ... DEFAULT: Quiver keeps no column defaults (only DEFAULT NULL)", col.Name)
			}
		default:
			return col, qerr.ErrUnsupported.New("ADD COLUMN %s with option %s", col.Name, restore(o))
		}
	}
	if !col.Nullable && t.Snapshot.Rows() > 0 {
		return col, qerr.ErrInvalid.New("ADD COLUMN %s NOT NULL: %s has rows, which would read NULL in it", col.Name, t.Name)
	}
	col.Since = t.SchemaVersion
	col.File = freshFileName(t, col.Name)
	return col, nil
}

// freshFileName is name, or name with a suffix where a current column or a
// dropped one (whose values old files still hold) is stored under it.
func freshFileName(t *catalog.Table, name string) string {
	taken := map[string]bool{}
	for _, c := range t.Columns {
		taken[strings.ToLower(c.FileName())] = true
	}
	for _, r := range t.Retired {
		taken[strings.ToLower(r)] = true
	}
	file := name
	for n := t.SchemaVersion; taken[strings.ToLower(file)]; n++ {
		file = fmt.Sprintf("%s#%d", name, n)
	}
	if file == name {
		return ""
	}
	return file
}
