package tpch

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Column is one column of a TPC-H table: its name, its MySQL type (as the
// DDL spells it) and the Arrow type the generator writes and Quiver stores.
type Column struct {
	Name  string
	SQL   string
	Arrow arrow.DataType
	// Nullable columns are created without NOT NULL (TPC-DS has NULLs in
	// most columns; TPC-H in none).
	Nullable bool
}

// Table is one TPC-H table. Key is the column it is hash-partitioned on in
// Quiver ("" for the two tiny tables, which are not partitioned).
type Table struct {
	Name    string
	Key     string
	Columns []Column
	// Base is the row count at scale factor 1 (lineitem: its expected count;
	// the actual one varies with the generated order lines).
	Base int64
	// Fixed tables (nation, region) do not scale.
	Fixed bool
}

var (
	tInt     = arrow.PrimitiveTypes.Int32
	tBigint  = arrow.PrimitiveTypes.Int64
	tMoney   = &arrow.Decimal128Type{Precision: 15, Scale: 2}
	tDate    = arrow.FixedWidthTypes.Date32
	tVarchar = arrow.BinaryTypes.String
)

func col(name, sql string) Column {
	var t arrow.DataType
	switch {
	case sql == "INT":
		t = tInt
	case sql == "BIGINT":
		t = tBigint
	case sql == "DECIMAL(15,2)":
		t = tMoney
	case sql == "DATE":
		t = tDate
	case strings.HasPrefix(sql, "VARCHAR"), strings.HasPrefix(sql, "CHAR"):
		t = tVarchar
	default:
		panic("tpch: unknown column type " + sql)
	}
	return Column{Name: name, SQL: sql, Arrow: t}
}

// Tables are the eight TPC-H tables, in the order they are generated and
// loaded (small first).
var Tables = []*Table{
	{Name: "region", Base: 5, Fixed: true, Columns: []Column{
		col("r_regionkey", "INT"), col("r_name", "CHAR(25)"), col("r_comment", "VARCHAR(152)"),
	}},
	{Name: "nation", Base: 25, Fixed: true, Columns: []Column{
		col("n_nationkey", "INT"), col("n_name", "CHAR(25)"), col("n_regionkey", "INT"), col("n_comment", "VARCHAR(152)"),
	}},
	{Name: "supplier", Key: "s_suppkey", Base: 10_000, Columns: []Column{
		col("s_suppkey", "INT"), col("s_name", "CHAR(25)"), col("s_address", "VARCHAR(40)"), col("s_nationkey", "INT"),
		col("s_phone", "CHAR(15)"), col("s_acctbal", "DECIMAL(15,2)"), col("s_comment", "VARCHAR(101)"),
	}},
	{Name: "customer", Key: "c_custkey", Base: 150_000, Columns: []Column{
		col("c_custkey", "INT"), col("c_name", "VARCHAR(25)"), col("c_address", "VARCHAR(40)"), col("c_nationkey", "INT"),
		col("c_phone", "CHAR(15)"), col("c_acctbal", "DECIMAL(15,2)"), col("c_mktsegment", "CHAR(10)"), col("c_comment", "VARCHAR(117)"),
	}},
	{Name: "part", Key: "p_partkey", Base: 200_000, Columns: []Column{
		col("p_partkey", "INT"), col("p_name", "VARCHAR(55)"), col("p_mfgr", "CHAR(25)"), col("p_brand", "CHAR(10)"),
		col("p_type", "VARCHAR(25)"), col("p_size", "INT"), col("p_container", "CHAR(10)"), col("p_retailprice", "DECIMAL(15,2)"),
		col("p_comment", "VARCHAR(23)"),
	}},
	{Name: "partsupp", Key: "ps_partkey", Base: 800_000, Columns: []Column{
		col("ps_partkey", "INT"), col("ps_suppkey", "INT"), col("ps_availqty", "INT"), col("ps_supplycost", "DECIMAL(15,2)"),
		col("ps_comment", "VARCHAR(199)"),
	}},
	{Name: "orders", Key: "o_orderkey", Base: 1_500_000, Columns: []Column{
		col("o_orderkey", "BIGINT"), col("o_custkey", "INT"), col("o_orderstatus", "CHAR(1)"), col("o_totalprice", "DECIMAL(15,2)"),
		col("o_orderdate", "DATE"), col("o_orderpriority", "CHAR(15)"), col("o_clerk", "CHAR(15)"), col("o_shippriority", "INT"),
		col("o_comment", "VARCHAR(79)"),
	}},
	{Name: "lineitem", Key: "l_orderkey", Base: 6_001_215, Columns: []Column{
		col("l_orderkey", "BIGINT"), col("l_partkey", "INT"), col("l_suppkey", "INT"), col("l_linenumber", "INT"),
		col("l_quantity", "DECIMAL(15,2)"), col("l_extendedprice", "DECIMAL(15,2)"), col("l_discount", "DECIMAL(15,2)"),
		col("l_tax", "DECIMAL(15,2)"), col("l_returnflag", "CHAR(1)"), col("l_linestatus", "CHAR(1)"), col("l_shipdate", "DATE"),
		col("l_commitdate", "DATE"), col("l_receiptdate", "DATE"), col("l_shipinstruct", "CHAR(25)"), col("l_shipmode", "CHAR(10)"),
		col("l_comment", "VARCHAR(44)"),
	}},
}

// TableByName returns the table called name, or nil.
func TableByName(name string) *Table {
	for _, t := range Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Schema is the table's Arrow schema (every field nullable: Parquet and
// ingest streams carry no NOT NULL, the DDL does).
func (t *Table) Schema() *arrow.Schema {
	fields := make([]arrow.Field, len(t.Columns))
	for i, c := range t.Columns {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Arrow, Nullable: true}
	}
	return arrow.NewSchema(fields, nil)
}

// Rows is the table's row count at scale factor sf as the generators
// produce it (lineitem: an estimate, about four lines per order).
func (t *Table) Rows(sf float64) int64 {
	if t.Fixed {
		return t.Base
	}
	return max(1, int64(float64(t.Base)*sf))
}

// DDL is the CREATE TABLE statement (MySQL dialect) for the table, hash
// partitioned on its key into partitions when it has one and partitions > 0.
func (t *Table) DDL(partitions int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (\n", t.Name)
	for i, c := range t.Columns {
		fmt.Fprintf(&b, "  %s %s", c.Name, c.SQL)
		if !c.Nullable {
			b.WriteString(" NOT NULL")
		}
		if i < len(t.Columns)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(")")
	if t.Key != "" && partitions > 0 {
		fmt.Fprintf(&b, " PARTITION BY HASH(%s) PARTITIONS %d", t.Key, partitions)
	}
	return b.String()
}
