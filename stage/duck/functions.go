package duck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// callRenderer renders a Call whose arguments are already rendered.
type callRenderer func(e *stage.Call, args []string) string

// callRenderers hold every Call.Fn the binder makes, with its DuckDB
// spelling and MySQL's semantics: NULL where MySQL gives NULL (division by
// zero, CONCAT of a NULL, the log of a non-positive number), MySQL's
// rounding, string positions and date units. Every renderer casts to the
// planned type where DuckDB's own result type could differ. A Fn not listed
// renders as fn(args...) cast to the planned type.
var callRenderers map[string]callRenderer

func init() {
	callRenderers = map[string]callRenderer{
		"+": arithmetic("+"), "-": arithmetic("-"), "*": arithmetic("*"),
		"%": modulo, "div": intDivide, "/": divide,
		"=": infix("="), "<>": infix("<>"), "<": infix("<"), "<=": infix("<="), ">": infix(">"), ">=": infix(">="),
		"<=>":       infix("IS NOT DISTINCT FROM"),
		"and":       infix("AND"),
		"or":        infix("OR"),
		"like":      likeOp("LIKE"),
		"not like":  likeOp("NOT LIKE"),
		"not":       func(_ *stage.Call, a []string) string { return "(NOT " + a[0] + ")" },
		"neg":       func(e *stage.Call, a []string) string { return castTo("(-"+a[0]+")", e.T) },
		"isnull":    func(_ *stage.Call, a []string) string { return "(" + a[0] + " IS NULL)" },
		"isnotnull": func(_ *stage.Call, a []string) string { return "(" + a[0] + " IS NOT NULL)" },
		"istrue":    func(_ *stage.Call, a []string) string { return "coalesce(" + a[0] + ", false)" },
		"isfalse":   func(_ *stage.Call, a []string) string { return "coalesce(NOT " + a[0] + ", false)" },
		"in":        inList("IN"),
		"not in":    inList("NOT IN"),

		"case":        renderCase,
		"raise_error": func(e *stage.Call, a []string) string { return castTo("error("+a[0]+")", e.T) },
		"coalesce":    plain("coalesce"),
		"greatest":    strictFn("greatest"),
		"least":       strictFn("least"),
		"mysql_num":   mysqlNumber,
		"double_str":  doubleString,
		"try_cast":    func(e *stage.Call, a []string) string { return "TRY_CAST(" + a[0] + " AS " + sqlTypeName(e.T) + ")" },

		"date_add":    dateAdd,
		"extract":     extract,
		"datediff":    func(_ *stage.Call, a []string) string { return "date_diff('day', " + a[1] + ", " + a[0] + ")" },
		"date_format": dateFormat,
		"last_day":    plain("last_day"),
		"curdate":     func(e *stage.Call, _ []string) string { return castTo("current_date", e.T) },
		"now":         func(e *stage.Call, _ []string) string { return castTo("now()", e.T) },

		"substring": substring,
		"concat":    concat,
		"concat_ws": plain("concat_ws"),
		// MySQL leaves ß as it is; DuckDB's full case mapping makes it ẞ.
		"upper": func(e *stage.Call, a []string) string {
			return castTo("replace(upper("+a[0]+"), 'ẞ', 'ß')", e.T)
		},
		"dayname":   plain("dayname"),
		"monthname": plain("monthname"),
		// STRCMP is -1, 0 or 1, and NULL if either side is.
		"strcmp": func(e *stage.Call, a []string) string {
			return castTo(fmt.Sprintf("CASE WHEN %[1]s < %[2]s THEN -1 WHEN %[1]s > %[2]s THEN 1 WHEN %[1]s = %[2]s THEN 0 END", a[0], a[1]), e.T)
		},
		// XOR is true when exactly one side is, NULL when either is NULL.
		"xor": func(_ *stage.Call, a []string) string {
			return fmt.Sprintf("((%[1]s AND NOT %[2]s) OR (NOT %[1]s AND %[2]s))", a[0], a[1])
		},
		"lower":       plain("lower"),
		"reverse":     plain("reverse"),
		"trim":        trim,
		"ltrim":       func(e *stage.Call, a []string) string { return castTo("ltrim("+a[0]+", ' ')", e.T) },
		"rtrim":       func(e *stage.Call, a []string) string { return castTo("rtrim("+a[0]+", ' ')", e.T) },
		"length":      plain("strlen"),
		"char_length": plain("length"),
		"replace":     plain("replace"),
		"left":        emptyBelowOne("left"),
		"right":       emptyBelowOne("right"),
		"repeat":      emptyBelowOne("repeat"),
		"space": func(e *stage.Call, a []string) string {
			return emptyBelowOne("repeat")(e, []string{"' '", a[0]})
		},
		"lpad":   pad("lpad"),
		"rpad":   pad("rpad"),
		"locate": locate,
		"ascii": func(e *stage.Call, a []string) string {
			return castTo("CASE WHEN "+a[0]+" = '' THEN 0 ELSE ascii("+a[0]+") END", e.T)
		},

		"abs":      plain("abs"),
		"sign":     plain("sign"),
		"round":    round,
		"truncate": truncate,
		"floor":    floorCeil("floor"),
		"ceil":     floorCeil("ceil"),
		"power":    plain("power"),
		"exp":      plain("exp"),
		"pi":       plain("pi"),
		"sqrt":     domain("sqrt", "%[1]s < 0"),
		"ln":       domain("ln", "%[1]s <= 0"),
		"log10":    domain("log10", "%[1]s <= 0"),
		"log2":     domain("log2", "%[1]s <= 0"),
		"log": func(e *stage.Call, a []string) string {
			return castTo(fmt.Sprintf("CASE WHEN %[1]s <= 0 OR %[1]s = 1 OR %[2]s <= 0 THEN NULL ELSE ln(%[2]s) / ln(%[1]s) END", a[0], a[1]), e.T)
		},
	}
}

// RendersCall reports whether the renderer knows Call.Fn fn.
func RendersCall(fn string) bool {
	_, ok := callRenderers[fn]
	return ok
}

func infix(op string) callRenderer {
	return func(_ *stage.Call, a []string) string { return "(" + a[0] + " " + op + " " + a[1] + ")" }
}

// arithmetic renders an operator cast to its planned type; exact decimal
// +, - and * are renderArithmetic's.
func arithmetic(op string) callRenderer {
	return func(e *stage.Call, a []string) string {
		return castTo("("+a[0]+" "+op+" "+a[1]+")", e.T)
	}
}

// exactDecimal reports whether a +, - or * yields a decimal from decimal or
// integer operands, where DuckDB's exact result equals MySQL's.
func exactDecimal(e *stage.Call) bool {
	if _, ok := e.T.(*arrow.Decimal128Type); !ok {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.Type().(*arrow.Decimal128Type); !ok && !stage.IsInteger(a.Type()) {
			return false
		}
	}
	return true
}

// plain renders fn(args) under its DuckDB name, cast to the planned type.
func plain(fn string) callRenderer {
	return func(e *stage.Call, a []string) string { return castTo(fn+"("+strings.Join(a, ", ")+")", e.T) }
}

// anyNull is the condition that one of the rendered arguments is NULL.
func anyNull(a []string) string {
	parts := make([]string, len(a))
	for i, x := range a {
		parts[i] = x + " IS NULL"
	}
	return strings.Join(parts, " OR ")
}

// strictFn renders fn(args) that is NULL when any argument is (DuckDB's
// greatest and least skip NULLs; MySQL's do not).
func strictFn(fn string) callRenderer {
	return func(e *stage.Call, a []string) string {
		return castTo("CASE WHEN "+anyNull(a)+" THEN NULL ELSE "+fn+"("+strings.Join(a, ", ")+") END", e.T)
	}
}

// emptyBelowOne renders fn(s, n), which is ” for a count n below 1 as in
// MySQL (DuckDB's left and right count from the end for a negative n), and
// NULL where either argument is NULL.
func emptyBelowOne(fn string) callRenderer {
	return func(e *stage.Call, a []string) string {
		return castTo(fmt.Sprintf("CASE WHEN %s THEN NULL WHEN %s < 1 THEN '' ELSE %s(%s) END",
			anyNull(a), a[1], fn, strings.Join(a, ", ")), e.T)
	}
}

// domain renders fn(x) that is NULL outside its domain, as MySQL's is.
func domain(fn, outside string) callRenderer {
	return func(e *stage.Call, a []string) string {
		return castTo(fmt.Sprintf("CASE WHEN "+outside+" THEN NULL ELSE %s(%[1]s) END", a[0], fn), e.T)
	}
}

// likeOp renders [NOT] LIKE with MySQL's escape: the backslash unless the
// Call carries another.
func likeOp(op string) callRenderer {
	return func(e *stage.Call, a []string) string {
		esc := `'\'`
		if len(a) == 3 {
			esc = a[2]
		} else if p, ok := e.Args[1].(*stage.Literal); ok && !strings.Contains(p.Text, `\`) {
			// A constant pattern without the escape character needs no
			// ESCAPE clause, and DuckDB matches it much faster without one.
			return "(" + a[0] + " " + op + " " + a[1] + ")"
		}
		return "(" + a[0] + " " + op + " " + a[1] + " ESCAPE " + esc + ")"
	}
}

func inList(op string) callRenderer {
	return func(_ *stage.Call, a []string) string {
		return "(" + a[0] + " " + op + " (" + strings.Join(a[1:], ", ") + "))"
	}
}

// renderCase renders case(c1, r1, ..., cN, rN, else).
func renderCase(e *stage.Call, a []string) string {
	var sb strings.Builder
	sb.WriteString("CASE")
	for i := 0; i+1 < len(a); i += 2 {
		fmt.Fprintf(&sb, " WHEN %s THEN %s", a[i], castTo(a[i+1], e.T))
	}
	fmt.Fprintf(&sb, " ELSE %s END", castTo(a[len(a)-1], e.T))
	return castTo(sb.String(), e.T)
}

// ---- exact arithmetic --------------------------------------------------------

func scaleOf(t arrow.DataType) int {
	if d, ok := t.(*arrow.Decimal128Type); ok {
		return int(d.Scale)
	}
	return 0
}

func pow10(n int) string { return "1" + strings.Repeat("0", n) }

// unscaled renders x (an integer or a decimal of scale s) as the HUGEINT
// x * 10^s, exactly.
func unscaled(x string, t arrow.DataType) string {
	s := scaleOf(t)
	if s == 0 {
		return "CAST(" + x + " AS HUGEINT)"
	}
	return fmt.Sprintf("CAST(CAST(%s AS DECIMAL(38,%d)) * CAST(%s AS HUGEINT) AS HUGEINT)", x, s, pow10(s))
}

// divide renders MySQL's /, which never truncates. A decimal result is
// exact: DuckDB divides decimals in double precision, so the quotient is
// computed on unscaled HUGEINTs, u = l * 10^k / r rounded half away from
// zero (as MySQL rounds), then scaled back exactly. Division by zero is
// NULL, as in MySQL.
func divide(e *stage.Call, a []string) string {
	d, ok := e.T.(*arrow.Decimal128Type)
	if !ok {
		return castTo(fmt.Sprintf("(CAST(%s AS DOUBLE) / nullif(%s, 0))", a[0], a[1]), e.T)
	}
	lt, rt := e.Args[0].Type(), e.Args[1].Type()
	num, den := unscaled(a[0], lt), unscaled(a[1], rt)
	// l/r = L*10^-s1 / (R*10^-s2); u = l/r * 10^S = L * 10^(S+s2-s1) / R.
	k := int(d.Scale) + scaleOf(rt) - scaleOf(lt)
	if k >= 0 {
		num = fmt.Sprintf("(%s * CAST(%s AS HUGEINT))", num, pow10(k))
	} else {
		den = fmt.Sprintf("(%s * CAST(%s AS HUGEINT))", den, pow10(-k))
	}
	den = "nullif(" + den + ", 0)"
	return castTo(roundedQuotient(num, den, int(d.Scale)), e.T)
}

// roundedQuotient renders num / den (HUGEINTs) rounded half away from zero,
// as a decimal of the given scale.
func roundedQuotient(num, den string, scale int) string {
	u := fmt.Sprintf("(sign(%[1]s) * sign(%[2]s) * ((abs(%[1]s) * 2 + abs(%[2]s)) // (2 * abs(%[2]s))))", num, den)
	if scale == 0 {
		return "CAST(" + u + " AS DECIMAL(38,0))"
	}
	ulp := "0." + strings.Repeat("0", scale-1) + "1"
	return fmt.Sprintf("(CAST(%s AS DECIMAL(38,0)) * CAST('%s' AS DECIMAL(%d,%d)))", u, ulp, scale+1, scale)
}

// intDivide renders MySQL's DIV: the quotient truncated toward zero, NULL
// when dividing by zero; exact for decimals.
func intDivide(e *stage.Call, a []string) string {
	lt, rt := e.Args[0].Type(), e.Args[1].Type()
	switch {
	case isFloatType(lt) || isFloatType(rt):
		return castTo(fmt.Sprintf("trunc(CAST(%s AS DOUBLE) / nullif(%s, 0))", a[0], a[1]), e.T)
	case lt.ID() == arrow.DECIMAL128 || rt.ID() == arrow.DECIMAL128:
		// l DIV r = (L * 10^s2) // (R * 10^s1).
		num := fmt.Sprintf("(%s * CAST(%s AS HUGEINT))", unscaled(a[0], lt), pow10(scaleOf(rt)))
		den := fmt.Sprintf("(%s * CAST(%s AS HUGEINT))", unscaled(a[1], rt), pow10(scaleOf(lt)))
		return castTo(fmt.Sprintf("(%s // nullif(%s, 0))", num, den), e.T)
	}
	return castTo(fmt.Sprintf("(%s // nullif(%s, 0))", a[0], a[1]), e.T)
}

func isFloatType(t arrow.DataType) bool { return t.ID() == arrow.FLOAT32 || t.ID() == arrow.FLOAT64 }

// modulo renders % and MOD: the sign of the dividend, NULL for a zero
// divisor.
func modulo(e *stage.Call, a []string) string {
	if isFloatType(e.T) {
		return castTo(fmt.Sprintf("fmod(CAST(%s AS DOUBLE), nullif(CAST(%s AS DOUBLE), 0))", a[0], a[1]), e.T)
	}
	return castTo(fmt.Sprintf("(%s %% nullif(%s, 0))", a[0], a[1]), e.T)
}

var intRE = regexp.MustCompile(`^-?\d+$`)

// literalInt is a Call argument's integer text when it is a constant.
func literalInt(x stage.Expr) (string, bool) {
	l, ok := x.(*stage.Literal)
	if !ok || l.Null {
		return "", false
	}
	if !intRE.MatchString(l.Text) {
		return "", false
	}
	return l.Text, true
}

// round renders ROUND(x, d): half away from zero for exact types, half to
// even for DOUBLE (MySQL uses rint there).
func round(e *stage.Call, a []string) string {
	d := "CAST(" + a[1] + " AS INTEGER)"
	if text, ok := literalInt(e.Args[1]); ok {
		d = text
	}
	if isFloatType(e.Args[0].Type()) {
		return castTo("round_even("+a[0]+", "+d+")", e.T)
	}
	return castTo("round("+a[0]+", "+d+")", e.T)
}

// truncate renders TRUNCATE(x, d): toward zero at d places.
func truncate(e *stage.Call, a []string) string {
	t := e.Args[0].Type()
	text, constant := literalInt(e.Args[1])
	if stage.IsInteger(t) {
		places, _ := strconv.Atoi(text)
		switch {
		case constant && places >= 0:
			return castTo(a[0], e.T)
		case constant && places < -20:
			return castTo("0", e.T)
		case constant:
			p := "CAST(" + pow10(-places) + " AS HUGEINT)"
			return castTo(fmt.Sprintf("((CAST(%s AS HUGEINT) // %s) * %s)", a[0], p, p), e.T)
		}
		return castTo("trunc(CAST("+a[0]+" AS DOUBLE), CAST("+a[1]+" AS INTEGER))", e.T)
	}
	d := "CAST(" + a[1] + " AS INTEGER)"
	if constant {
		d = text
	}
	return castTo("trunc("+a[0]+", "+d+")", e.T)
}

func floorCeil(fn string) callRenderer {
	return func(e *stage.Call, a []string) string {
		if stage.IsInteger(e.Args[0].Type()) {
			return castTo(a[0], e.T)
		}
		return castTo(fn+"("+a[0]+")", e.T)
	}
}

// mysqlNumber renders a string read as a number the way MySQL reads it:
// its longest numeric prefix (an integer prefix for an integer target),
// 0 when it has none, NULL for NULL.
func mysqlNumber(e *stage.Call, a []string) string {
	re := `^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?`
	if stage.IsInteger(e.T) {
		re = `^\s*[-+]?[0-9]+`
	}
	return castTo(fmt.Sprintf("CASE WHEN %[1]s IS NULL THEN NULL ELSE coalesce(TRY_CAST(nullif(trim(regexp_extract(%[1]s, %[2]s)), '') AS %[3]s), 0) END",
		a[0], QuoteString(re), sqlTypeName(e.T)), e.T)
}

// ---- dates -------------------------------------------------------------------

// intervalFns are DuckDB's interval constructors for MySQL's units, with
// the multiplier a unit needs.
var intervalFns = map[string]struct {
	fn   string
	mult string
}{
	"MICROSECOND": {"to_microseconds", ""}, "SECOND": {"to_seconds", ""}, "MINUTE": {"to_minutes", ""},
	"HOUR": {"to_hours", ""}, "DAY": {"to_days", ""}, "WEEK": {"to_days", "7 * "},
	"MONTH": {"to_months", ""}, "QUARTER": {"to_months", "3 * "}, "YEAR": {"to_years", ""},
}

// dateAdd renders date_add(d, n, 'UNIT'); DuckDB clamps a month's end as
// MySQL does (2024-03-31 + 1 month is 2024-04-30).
func dateAdd(e *stage.Call, a []string) string {
	unit := e.Args[2].(*stage.Literal).Text
	f := intervalFns[unit]
	n := a[1]
	if f.fn != "to_seconds" && f.fn != "to_microseconds" {
		n = "CAST(" + n + " AS INTEGER)"
	}
	return castTo(fmt.Sprintf("(%s + %s(%s%s))", a[0], f.fn, f.mult, n), e.T)
}

// extract renders extract('UNIT', d) with MySQL's numbering: DAYOFWEEK
// from 1 (Sunday), WEEKDAY from 0 (Monday), WEEK in mode 0, MICROSECOND
// without the seconds.
func extract(e *stage.Call, a []string) string {
	unit := e.Args[0].(*stage.Literal).Text
	d := a[1]
	var s string
	switch unit {
	case "YEAR", "QUARTER", "MONTH", "DAY", "DAYOFYEAR":
		s = fmt.Sprintf("%s(%s)", strings.ToLower(unit), d)
	case "HOUR", "MINUTE", "SECOND":
		s = fmt.Sprintf("%s(CAST(%s AS TIMESTAMP))", strings.ToLower(unit), d)
	case "MICROSECOND":
		s = fmt.Sprintf("(microsecond(CAST(%s AS TIMESTAMP)) %% 1000000)", d)
	case "WEEK":
		s = fmt.Sprintf("CAST(strftime(%s, '%%U') AS BIGINT)", d)
	case "YEAR_MONTH":
		s = fmt.Sprintf("(year(%[1]s) * 100 + month(%[1]s))", d)
	case "DAYOFWEEK":
		s = fmt.Sprintf("(dayofweek(%s) + 1)", d)
	case "WEEKDAY":
		s = fmt.Sprintf("(isodow(%s) - 1)", d)
	default:
		s = fmt.Sprintf("extract(%s FROM %s)", strings.ToLower(unit), d)
	}
	return castTo(s, e.T)
}

// dateFormat renders DATE_FORMAT(d, 'format') as strftime with the format
// translated (StrftimeFormat); the binder has checked that it translates.
func dateFormat(e *stage.Call, a []string) string {
	parts, err := DateFormatParts(e.Args[1].(*stage.Literal).Text)
	if err != nil {
		panic(err) // the binder rejects such formats
	}
	// %D (the day with its English suffix) has no strftime equal: it
	// joins the strftime pieces around it.
	day := "day(" + a[0] + ")"
	suffix := fmt.Sprintf("CAST(%[1]s AS VARCHAR) || CASE WHEN %[1]s IN (11, 12, 13) THEN 'th' WHEN %[1]s %% 10 = 1 THEN 'st' "+
		"WHEN %[1]s %% 10 = 2 THEN 'nd' WHEN %[1]s %% 10 = 3 THEN 'rd' ELSE 'th' END", day)
	pieces := make([]string, len(parts))
	for i, f := range parts {
		pieces[i] = "''" // DuckDB's strftime refuses an empty format
		if f != "" {
			pieces[i] = "strftime(" + a[0] + ", " + QuoteString(f) + ")"
		}
	}
	return castTo(strings.Join(pieces, " || "+suffix+" || "), e.T)
}

// DateFormatParts splits a MySQL DATE_FORMAT format at its %D specifiers
// and translates each piece with StrftimeFormat.
func DateFormatParts(mysqlFormat string) ([]string, error) {
	var parts []string
	start := 0
	for i := 0; i < len(mysqlFormat); i++ {
		if mysqlFormat[i] != '%' || i+1 == len(mysqlFormat) {
			continue
		}
		if mysqlFormat[i+1] == 'D' {
			f, err := StrftimeFormat(mysqlFormat[start:i])
			if err != nil {
				return nil, err
			}
			parts = append(parts, f)
			start = i + 2
		}
		i++ // the specifier
	}
	f, err := StrftimeFormat(mysqlFormat[start:])
	if err != nil {
		return nil, err
	}
	return append(parts, f), nil
}

// mysqlSpecifiers map MySQL's DATE_FORMAT specifiers to DuckDB strftime's.
var mysqlSpecifiers = map[byte]string{
	'Y': "%Y", 'y': "%y", 'm': "%m", 'c': "%-m", 'd': "%d", 'e': "%-d",
	'H': "%H", 'k': "%-H", 'h': "%I", 'I': "%I", 'l': "%-I", 'i': "%M",
	's': "%S", 'S': "%S", 'f': "%f", 'p': "%p", 'W': "%A", 'a': "%a",
	'M': "%B", 'b': "%b", 'j': "%j", 'w': "%w", 'U': "%U",
	'r': "%I:%M:%S %p", 'T': "%H:%M:%S", '%': "%%",
}

// StrftimeFormat translates a MySQL DATE_FORMAT format to DuckDB's
// strftime. Specifiers without an exact strftime equal (%D, %u, %V, %v,
// %X, %x) are ErrUnsupported; any other character after % stands for
// itself, as in MySQL.
func StrftimeFormat(mysqlFormat string) (string, error) {
	var sb strings.Builder
	for i := 0; i < len(mysqlFormat); i++ {
		c := mysqlFormat[i]
		if c != '%' || i+1 == len(mysqlFormat) {
			if c == '%' {
				sb.WriteString("%%")
			} else {
				sb.WriteByte(c)
			}
			continue
		}
		i++
		spec := mysqlFormat[i]
		if s, ok := mysqlSpecifiers[spec]; ok {
			sb.WriteString(s)
			continue
		}
		switch spec {
		case 'D', 'u', 'V', 'v', 'X', 'x': // %D: see DateFormatParts
			return "", qerr.ErrUnsupported.New("DATE_FORMAT specifier %%%c", spec)
		}
		sb.WriteByte(spec)
	}
	return sb.String(), nil
}

// ---- strings -----------------------------------------------------------------

// substring renders SUBSTRING(s, pos[, len]) with MySQL's edges: pos 0, a
// pos before the start, or a length below 1 give ”.
func substring(e *stage.Call, a []string) string {
	empty := fmt.Sprintf("%[2]s = 0 OR %[2]s < -length(%[1]s)", a[0], a[1])
	if len(a) == 3 {
		empty += " OR " + a[2] + " < 1"
	}
	return castTo(fmt.Sprintf("CASE WHEN %s THEN NULL WHEN %s THEN '' ELSE substring(%s) END",
		anyNull(a), empty, strings.Join(a, ", ")), e.T)
}

// concat renders CONCAT with ||, which is NULL when any argument is (as
// MySQL's CONCAT; DuckDB's concat skips NULLs).
func concat(e *stage.Call, a []string) string {
	return castTo("("+strings.Join(a, " || ")+")", e.T)
}

// trim renders trim(s, r, 'BOTH'|'LEADING'|'TRAILING'): MySQL removes the
// whole string r as often as it repeats, not a set of characters.
func trim(e *stage.Call, a []string) string {
	r := e.Args[1].(*stage.Literal).Text
	dir := e.Args[2].(*stage.Literal).Text
	s := a[0]
	if r == "" {
		return castTo(s, e.T)
	}
	if len([]rune(r)) == 1 {
		fn := map[string]string{"BOTH": "trim", "LEADING": "ltrim", "TRAILING": "rtrim"}[dir]
		return castTo(fn+"("+s+", "+QuoteString(r)+")", e.T)
	}
	q := regexp.QuoteMeta(r)
	if dir == "BOTH" || dir == "LEADING" {
		s = fmt.Sprintf("regexp_replace(%s, %s, '')", s, QuoteString("^(?:"+q+")+"))
	}
	if dir == "BOTH" || dir == "TRAILING" {
		s = fmt.Sprintf("regexp_replace(%s, %s, '')", s, QuoteString("(?:"+q+")+$"))
	}
	return castTo(s, e.T)
}

// pad renders LPAD and RPAD: NULL for a negative length or when padding is
// needed and the pad is ”; longer strings are cut to the length.
func pad(fn string) callRenderer {
	return func(e *stage.Call, a []string) string {
		return castTo(fmt.Sprintf("CASE WHEN %[4]s THEN NULL WHEN %[2]s < 0 OR (%[3]s = '' AND %[2]s > length(%[1]s)) THEN NULL "+
			"ELSE %[5]s(%[1]s, CAST(%[2]s AS INTEGER), CASE WHEN %[3]s = '' THEN ' ' ELSE %[3]s END) END",
			a[0], a[1], a[2], anyNull(a), fn), e.T)
	}
}

// locate renders locate(sub, s[, pos]): 1-based, 0 when absent.
func locate(e *stage.Call, a []string) string {
	if len(a) == 2 {
		return castTo("strpos("+a[1]+", "+a[0]+")", e.T)
	}
	found := fmt.Sprintf("strpos(substring(%s, %s), %s)", a[1], a[2], a[0])
	return castTo(fmt.Sprintf("CASE WHEN %s THEN NULL WHEN %[3]s < 1 OR %[3]s > length(%[2]s) + 1 OR %[4]s = 0 THEN 0 ELSE %[4]s + %[3]s - 1 END",
		anyNull(a), a[1], a[2], found), e.T)
}

// doubleString renders a DOUBLE as MySQL prints it: whole numbers without a
// fraction (1e10 is 10000000000), exponents without a plus sign.
func doubleString(e *stage.Call, a []string) string {
	return castTo(fmt.Sprintf("CASE WHEN %[1]s = trunc(%[1]s) AND abs(%[1]s) < 1e15 THEN CAST(CAST(%[1]s AS HUGEINT) AS VARCHAR) "+
		"ELSE replace(CAST(%[1]s AS VARCHAR), 'e+', 'e') END", a[0]), e.T)
}
