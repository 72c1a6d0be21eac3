package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

const completionHelp = `Prints a completion script for a shell: commands, their flags, and file
names for their arguments. Install it with

  bash: orgplanner completion bash > ~/.local/share/bash-completion/completions/orgplanner
  zsh:  orgplanner completion zsh > "${fpath[1]}/_orgplanner"   (then: compinit)
  fish: orgplanner completion fish > ~/.config/fish/completions/orgplanner.fish

`

// runCompletion prints the script for bash, zsh or fish. The flags come
// from each command's own help, so the script never lags behind them.
func runCompletion(env *Env, args []string) int {
	fs := newFlagSet(env, "completion", "completion bash|zsh|fish")
	rest, code, done := parseCommand(env, fs, completionHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "completion", false)
	if len(rest) != 1 {
		return o.Usage("name one shell: bash, zsh or fish")
	}
	flags := commandFlags(env)
	switch rest[0] {
	case "bash":
		writeBashCompletion(o.Raw(), flags)
	case "zsh":
		writeZshCompletion(o.Raw(), flags)
	case "fish":
		writeFishCompletion(o.Raw(), flags)
	default:
		return o.Usage("unknown shell %q: bash, zsh or fish", rest[0])
	}
	return o.Done(ExitOK)
}

type commandFlag struct {
	name  string // with its dashes: --json, -o
	value bool   // takes a value
	usage string
}

type commandInfo struct {
	name, summary string
	flags         []commandFlag
}

// commandFlags reads every command's flags from its --help output.
func commandFlags(env *Env) []commandInfo {
	var list []commandInfo
	for _, c := range commands() {
		var buf bytes.Buffer
		c.run(&Env{Stdout: &buf, Stderr: io.Discard, Stdin: strings.NewReader(""), AppMetadata: env.AppMetadata, Schema: env.Schema}, []string{"--help"})
		info := commandInfo{name: c.name, summary: c.summary}
		lines := strings.Split(buf.String(), "\n")
		for i, l := range lines {
			if !strings.HasPrefix(l, "  -") {
				continue
			}
			f := strings.Fields(l)
			cf := commandFlag{name: f[0], value: len(f) > 1}
			if i+1 < len(lines) {
				cf.usage = strings.TrimSpace(lines[i+1])
			}
			info.flags = append(info.flags, cf)
		}
		list = append(list, info)
	}
	return list
}

func writeBashCompletion(w io.Writer, cmds []commandInfo) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for orgplanner (orgplanner completion bash)
_orgplanner() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "%s help --help --version" -- "$cur"))
        [ ${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    local flags=""
    case "${COMP_WORDS[1]}" in
`, strings.Join(names, " "))
	for _, c := range cmds {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, f.name)
		}
		fmt.Fprintf(w, "        %s) flags=%q ;;\n", c.name, strings.Join(fl, " "))
	}
	fmt.Fprint(w, `    esac
    if [ "${COMP_WORDS[1]}" = completion ]; then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _orgplanner orgplanner
`)
}

func writeZshCompletion(w io.Writer, cmds []commandInfo) {
	fmt.Fprint(w, "#compdef orgplanner\n# zsh completion for orgplanner (orgplanner completion zsh)\n_orgplanner() {\n  local -a commands\n  commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "    %s\n", zshQuote(c.name+":"+c.summary))
	}
	fmt.Fprint(w, "  )\n  if (( CURRENT == 2 )); then\n    _describe command commands\n    _files\n    return\n  fi\n  case $words[2] in\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "    %s)\n      _arguments", c.name)
		for _, f := range c.flags {
			spec := f.name + "[" + strings.NewReplacer("[", "(", "]", ")", ":", " ").Replace(f.usage) + "]"
			if f.value {
				spec += ":value:_files"
			}
			fmt.Fprintf(w, " \\\n        %s", zshQuote(spec))
		}
		if c.name == "completion" {
			fmt.Fprint(w, " \\\n        '1:shell:(bash zsh fish)'")
		} else {
			fmt.Fprint(w, " \\\n        '*:file:_files'")
		}
		fmt.Fprint(w, " ;;\n")
	}
	fmt.Fprint(w, "  esac\n}\ncompdef _orgplanner orgplanner\n")
}

func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func writeFishCompletion(w io.Writer, cmds []commandInfo) {
	fmt.Fprint(w, "# fish completion for orgplanner (orgplanner completion fish)\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c orgplanner -n __fish_use_subcommand -a %s -d %s\n", c.name, zshQuote(c.summary))
	}
	fmt.Fprint(w, "complete -c orgplanner -n __fish_use_subcommand -l version -d 'print the version'\n")
	for _, c := range cmds {
		for _, f := range c.flags {
			opt := "-l " + strings.TrimPrefix(f.name, "--")
			if !strings.HasPrefix(f.name, "--") {
				opt = "-s " + strings.TrimPrefix(f.name, "-")
			}
			if f.value {
				opt += " -r"
			}
			fmt.Fprintf(w, "complete -c orgplanner -n '__fish_seen_subcommand_from %s' %s -d %s\n", c.name, opt, zshQuote(f.usage))
		}
	}
	fmt.Fprint(w, "complete -c orgplanner -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'\n")
}
