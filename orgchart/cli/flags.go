package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// finiteFloat is a float flag that refuses NaN and infinities: strconv
// accepts "NaN" and "Inf", and a NaN scale or size poisons every figure
// computed from it (a panic, a "905958 x 0 pixels" image).
type finiteFloat struct{ p *float64 }

func (f finiteFloat) String() string {
	if f.p == nil {
		return ""
	}
	return strconv.FormatFloat(*f.p, 'g', -1, 64)
}

func (f finiteFloat) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0) {
		err = nil // 1e309 is an infinity: said so below
	}
	if err != nil {
		return errors.New("not a number")
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return errors.New("give a finite number (NaN and infinities are refused)")
	}
	*f.p = v
	return nil
}

// floatVar defines a float flag that refuses NaN and infinities; a bad value
// is a flag error (exit 2 through parseCommand).
func floatVar(fs *flag.FlagSet, p *float64, name string, value float64, usage string) {
	*p = value
	fs.Var(finiteFloat{p}, name, usage)
}

// floatFlag is floatVar returning the variable.
func floatFlag(fs *flag.FlagSet, name string, value float64, usage string) *float64 {
	p := new(float64)
	floatVar(fs, p, name, value, usage)
	return p
}

// printFlags lists a command's flags in the one style of the help: long
// flags with two dashes (--json), one-letter flags with one (-o), each with
// its value name and, on the next line, what it does and its default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		value, usage := flag.UnquoteUsage(f)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			value = ""
		}
		if value == "float64" || value == "value" {
			value = "NUMBER"
		}
		line := "  " + dash + f.Name
		if value != "" {
			line += " " + value
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, usage)
	})
}
