package tpcds

import (
	"fmt"
	"os"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/quiverdb/quiver/tpch"
)

// TableNames are the 24 TPC-DS tables, in the order they are loaded.
var TableNames = []string{
	"call_center", "catalog_page", "catalog_returns", "catalog_sales", "customer", "customer_address",
	"customer_demographics", "date_dim", "household_demographics", "income_band", "inventory", "item",
	"promotion", "reason", "ship_mode", "store", "store_returns", "store_sales", "time_dim", "warehouse",
	"web_page", "web_returns", "web_sales", "web_site",
}

// Keys are the hash-distribution keys. The sales, returns and inventory
// facts all hash on their item key, so that the joins of a sale with its
// return (ticket or order number and item) and with inventory need no
// shuffle of the facts; the large dimensions hash on their surrogate key.
// The tables without a key are small at every scale factor (at most a few
// thousand rows) and are not partitioned.
var Keys = map[string]string{
	"catalog_page": "cp_catalog_page_sk", "catalog_returns": "cr_item_sk", "catalog_sales": "cs_item_sk",
	"customer": "c_customer_sk", "customer_address": "ca_address_sk", "customer_demographics": "cd_demo_sk",
	"date_dim": "d_date_sk", "inventory": "inv_item_sk", "item": "i_item_sk", "store_returns": "sr_item_sk",
	"store_sales": "ss_item_sk", "time_dim": "t_time_sk", "web_returns": "wr_item_sk", "web_sales": "ws_item_sk",
}

// Tables returns the 24 tables as package tpch describes a table, with the
// columns of the Parquet files in dir (the generator's types: INTEGER,
// BIGINT, DECIMAL(p,s), DATE, VARCHAR; every column nullable, as dsdgen
// writes NULLs into most of them).
func Tables(dir string) ([]*tpch.Table, error) {
	out := make([]*tpch.Table, 0, len(TableNames))
	for _, name := range TableNames {
		s, err := parquetSchema(tpch.ParquetPath(dir, name))
		if err != nil {
			return nil, err
		}
		t := &tpch.Table{Name: name, Key: Keys[name]}
		for _, f := range s.Fields() {
			sql, err := sqlType(f.Type)
			if err != nil {
				return nil, fmt.Errorf("tpcds: %s.%s: %w", name, f.Name, err)
			}
			t.Columns = append(t.Columns, tpch.Column{Name: f.Name, SQL: sql, Arrow: f.Type, Nullable: true})
		}
		out = append(out, t)
	}
	return out, nil
}

func parquetSchema(path string) (*arrow.Schema, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	pf, err := file.NewParquetReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fr.Schema()
}

// sqlType is the MySQL column type of an Arrow type the generator writes.
func sqlType(t arrow.DataType) (string, error) {
	switch t := t.(type) {
	case *arrow.Int32Type:
		return "INT", nil
	case *arrow.Int64Type:
		return "BIGINT", nil
	case *arrow.Decimal128Type:
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale), nil
	case *arrow.Date32Type:
		return "DATE", nil
	case *arrow.StringType, *arrow.LargeStringType:
		return "VARCHAR(255)", nil // the longest TPC-DS column is VARCHAR(200)
	}
	return "", fmt.Errorf("unexpected type %s", t)
}
