package binder

import (
	"github.com/quiverdb/quiver/qerr"
	"github.com/quiverdb/quiver/stage"
)

// substringFunc: SUBSTRING(s, pos[, len]), pos counted from the end when
// negative; pos 0 or a length below 1 give ”.
func substringFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 3); err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "substring", Args: convertArgs(args, "sii"), T: stringType}, nil
}

// concatFunc: CONCAT is NULL when any argument is NULL.
func concatFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) == 0 {
		return nil, qerr.ErrInvalid.New("%s needs arguments", name)
	}
	return &stage.Call{Fn: "concat", Args: convertArgs(args, "s"), T: stringType}, nil
}

// concatWSFunc: CONCAT_WS skips NULL arguments; a NULL separator gives NULL.
func concatWSFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if len(args) < 2 {
		return nil, qerr.ErrInvalid.New("%s needs a separator and an argument", name)
	}
	return &stage.Call{Fn: "concat_ws", Args: convertArgs(args, "s"), T: stringType}, nil
}

// trimFunc: TRIM(s), TRIM(r FROM s), TRIM(BOTH|LEADING|TRAILING [r] FROM s)
// as trim(s, r, 'DIRECTION'). MySQL removes the whole string r, repeated,
// so r must be a constant (the renderer needs it to build the pattern).
func trimFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 1, 3); err != nil {
		return nil, err
	}
	s := toString(args[0])
	var r stage.Expr = &stage.Literal{Text: " ", T: stringType}
	if len(args) >= 2 {
		r = args[1]
	}
	dir := stage.Expr(&stage.Literal{Text: "BOTH", T: stringType})
	if len(args) == 3 {
		dir = args[2]
	}
	if nullLiteral(r) {
		return &stage.Literal{Null: true, T: stringType}, nil
	}
	if _, ok := stringLiteral(r); !ok {
		if l, isLit := r.(*stage.Literal); isLit {
			r = &stage.Literal{Text: l.Text, T: stringType}
		} else {
			return nil, qerr.ErrUnsupported.New("TRIM of a string that is not a constant")
		}
	}
	return &stage.Call{Fn: "trim", Args: []stage.Expr{s, r, dir}, T: stringType}, nil
}

// locateFunc: LOCATE(sub, s[, pos]) and POSITION(sub IN s): the 1-based
// position of sub in s at or after pos, 0 when absent.
func locateFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 3); err != nil {
		return nil, err
	}
	return &stage.Call{Fn: "locate", Args: convertArgs(args, "ssi"), T: arrowInt64}, nil
}

// instrFunc: INSTR(s, sub) is LOCATE(sub, s).
func instrFunc(name string, args []stage.Expr) (stage.Expr, error) {
	if err := nargs(name, args, 2, 2); err != nil {
		return nil, err
	}
	return locateFunc(name, []stage.Expr{args[1], args[0]})
}

// ---- math ------------------------------------------------------------------
