package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
)

const versionHelp = `Prints the version of Org Planner (from FyneApp.toml, or the module version
when built by go install), and the git commit it was built from when the build
recorded one (go build in a git checkout; make build always does).

`

// runVersion prints "orgplanner VERSION (commit HASH[, modified])".
func runVersion(env *Env, args []string) int {
	fs := newFlagSet(env, "version", "version")
	rest, code, done := parseCommand(env, fs, versionHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "version", false)
	if len(rest) > 0 {
		return o.Usage("takes no arguments")
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(o.Text(), versionLine(appVersion(env.AppMetadata), info))
	return o.Done(ExitOK)
}

// versionLine is what orgplanner version prints.
func versionLine(app string, info *debug.BuildInfo) string {
	v := app
	var extra []string
	if info != nil {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		// A module version names a release (go install ...@v0.2.0); the
		// pseudo-version go build stamps from the checkout only repeats the
		// commit, which follows anyway.
		mv := info.Main.Version
		pseudo := rev != "" && len(rev) >= 12 && strings.HasSuffix(strings.TrimSuffix(mv, "+dirty"), rev[:12])
		if mv != "" && mv != "(devel)" && !pseudo {
			if v == "" {
				v = strings.TrimPrefix(mv, "v")
			} else if strings.TrimPrefix(mv, "v") != v {
				extra = append(extra, "module "+mv)
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			c := "commit " + rev
			if modified == "true" {
				c += ", modified"
			}
			extra = append(extra, c)
		}
	}
	if v == "" {
		v = "unknown version"
	}
	line := "orgplanner " + v
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, ", ") + ")"
	}
	return line
}

// appVersion reads Version from the [Details] table of FyneApp.toml, the one
// place the version is kept.
func appVersion(toml []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(toml))
	section := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "Details" || strings.TrimSpace(key) != "Version" {
			continue
		}
		if v, err := strconv.Unquote(strings.TrimSpace(value)); err == nil {
			return v
		}
	}
	return ""
}
