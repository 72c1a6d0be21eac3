package cli

// SchemaURL is the JSON Schema's $id and where editors fetch it from: it
// works for a plan anywhere on disk, unlike a path relative to the
// repository. docs/plan.schema.json is the one copy (main embeds it).
const SchemaURL = "https://raw.githubusercontent.com/orgplanner/orgplanner/main/docs/plan.schema.json"

// SchemaHeader is the comment line new plans start with (new, import) so
// that a YAML editor with the yaml-language-server validates and completes
// them.
const SchemaHeader = "# yaml-language-server: $schema=" + SchemaURL

const schemaHelp = `Prints the JSON Schema of the plan format (draft-07), the copy built into
this binary. Editors with the YAML language server (VS Code's YAML extension,
Neovim, Helix, JetBrains) validate and complete a plan whose first line is

  ` + SchemaHeader + `

which orgplanner new and import write; docs/cli.md shows how to point an editor
at a local copy (orgplanner schema > plan.schema.json) instead.

`

// runSchema prints the embedded schema.
func runSchema(env *Env, args []string) int {
	fs := newFlagSet(env, "schema", "schema")
	rest, code, done := parseCommand(env, fs, schemaHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "schema", false)
	if len(rest) > 0 {
		return o.Usage("takes no arguments; orgplanner schema > plan.schema.json saves it")
	}
	if len(env.Schema) == 0 {
		return o.Usage("this build has no schema built in")
	}
	o.Raw().Write(env.Schema)
	return o.Done(ExitOK)
}
