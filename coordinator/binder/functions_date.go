package binder

import (
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
	"github.com/quiverdb/quiver/stage/duck"
)

// dateUnits are the INTERVAL units of DATE_ADD and DATE_SUB, with whether a
// DATE stays a DATE under them.
var dateUnits = map[string]bool{
	"MICROSECOND": false, "SECOND": false, "MINUTE": false, "HOUR": false,
	"DAY": true, "WEEK": true, "MONTH": true, "QUARTER": true, "YEAR": true,
}

// dateArith binds DATE_ADD(d, n, unit) and DATE_SUB (n negated):
// date_add(d, n, 'UNIT'). A DATE plus days, weeks, months, quarters or
// years is a DATE, clamped to the month's end as MySQL does; anything else
// is a DATETIME.
func dateArith(sub bool) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, 3, 3); err != nil {
			return nil, err
		}
		unit, _ := stringLiteral(args[2])
		keepsDate, ok := dateUnits[unit]
		if !ok {
			return nil, qerr.ErrUnsupported.New("INTERVAL unit %s", unit)
		}
		d, err := toTemporal(name, args[0], !keepsDate)
		if err != nil {
			return nil, err
		}
		n := toInt(args[1])
		if text, ok := stringLiteral(args[1]); ok && numericLiteral(text) != nil && strings.ContainsAny(text, ".eE") {
			n = coerce(toDouble(args[1]), arrowInt64)
		}
		if lit, ok := n.(*stage.Literal); ok && sub && !lit.Null {
			n = negateLiteral(lit)
		} else if sub {
			n = &stage.Call{Fn: "neg", Args: []stage.Expr{n}, T: arrowInt64}
		}
		t := arrow.DataType(timestampType)
		if keepsDate && d.Type().ID() == arrow.DATE32 {
			t = date32Type // the optimizer folds a constant one (opt.FoldConstants)
		}
		return &stage.Call{Fn: "date_add", Args: []stage.Expr{d, n, args[2]}, T: t}, nil
	}
}

// extractUnits are the units of EXTRACT that Quiver computes, as
// extract('UNIT', d) (see stage's renderer for each).
var extractUnits = map[string]bool{
	"YEAR": false, "QUARTER": false, "MONTH": false, "WEEK": false, "DAY": false,
	"HOUR": true, "MINUTE": true, "SECOND": true, "MICROSECOND": true,
	"YEAR_MONTH": false, "DAYOFWEEK": false, "WEEKDAY": false, "DAYOFYEAR": false,
}

func extractFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	unit, _ := stringLiteral(args[0])
	if _, ok := extractUnits[unit]; !ok || unit == "DAYOFWEEK" || unit == "WEEKDAY" || unit == "DAYOFYEAR" {
		return nil, qerr.ErrUnsupported.New("EXTRACT(%s FROM ...)", unit)
	}
	return datePart(unit)(name, args[1:])
}

// datePart binds YEAR(d), MONTH(d), ...: extract('UNIT', d), a BIGINT.
func datePart(unit string) scalarFunc {
	return func(name string, args []stage.Expr) (stage.Expr, error) {
		if err := nargs(name, args, 1, 1); err != nil {
			return nil, err
		}
		d, err := toTemporal(name, args[0], extractUnits[unit])
		if err != nil {
			return nil, err
		}
		unitLit := &stage.Literal{Text: unit, T: stringType}
		return &stage.Call{Fn: "extract", Args: []stage.Expr{unitLit, d}, T: arrowInt64}, nil
	}
}

// weekFunc: WEEK(d) in MySQL's default mode 0 (weeks start on Sunday;
// days before the year's first Sunday are week 0).
func weekFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 2 {
		if l, ok := args[1].(*stage.Literal); !ok || l.Null || l.Text != "0" {
			return nil, qerr.ErrUnsupported.New("WEEK with a mode other than 0")
		}
	}
	return datePart("WEEK")(name, args[:1])
}

// datediffFunc: DATEDIFF(a, b) is a - b in days, times ignored.
func datediffFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	ds := make([]stage.Expr, 2)
	for i, a := range args {
		d, err := toTemporal(name, a, false)
		if err != nil {
			return nil, err
		}
		ds[i] = convertTo(d, date32Type)
	}
	return &stage.Call{Fn: "datediff", Args: ds, T: arrowInt64}, nil
}

// dateFunc: DATE(x) is x's date part.
func dateFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 1); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], false)
	if err != nil {
		return nil, err
	}
	return convertTo(d, date32Type), nil
}

func lastDayFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 1); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], false)
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "last_day", Args: []stage.Expr{d}, T: date32Type}, nil
}

// dateFormatFunc: DATE_FORMAT(d, 'format') with a constant format, whose
// MySQL specifiers the renderer translates (duck.StrftimeFormat).
func dateFormatFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	format, ok := stringLiteral(args[1])
	if !ok {
		if nullLiteral(args[1]) {
			return &stage.Literal{Null: true, T: stringType}, nil
		}
		return nil, qerr.ErrUnsupported.New("DATE_FORMAT with a format that is not a constant string")
	}
	if _, err := duck.DateFormatParts(format); err != nil {
		return nil, err
	}
	d, err := toTemporal(name, args[0], true)
	if err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "date_format", Args: []stage.Expr{d, args[1]}, T: stringType}, nil
}
