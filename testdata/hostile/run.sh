#!/bin/sh
# Runs every file of testdata/hostile through every command of the orgplanner
# binary under a memory limit (prlimit --as) and a time limit, plus a few
# large inputs made here (issue 14). A run fails when a command is killed,
# runs out of time or memory, panics, or exits with anything but 0, 1 or 2.
#
#   sh testdata/hostile/run.sh [BIN]      (default: builds a CGO_ENABLED=0 binary)
#
# HOSTILE_AS (bytes of address space, default 2 GB: the Go runtime alone
# reserves about 0.7 GB) and HOSTILE_SECONDS (default 60) change the limits.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$tmp/orgplanner
	(cd "$root" && CGO_ENABLED=0 go build -tags ci -o "$bin" .) || exit 1
fi
as=${HOSTILE_AS:-2000000000}
secs=${HOSTILE_SECONDS:-60}
okplan=$here/plans/ok-crlf.yaml
okcsv=$here/csv/ok-bom-crlf.csv
failed=0
runs=0

# run NAME ARGS...: one command under the limits, judged by its exit status
# and by what it printed on standard error.
run() {
	name=$1
	shift
	runs=$((runs + 1))
	timeout -k 5 "$secs" prlimit --as="$as" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
	why=""
	case $code in
	0 | 1 | 2) ;;
	124 | 137) why="no answer within $secs s" ;;
	*) why="exit $code" ;;
	esac
	if grep -q -e '^panic:' -e '^fatal error:' -e 'out of memory' -e '^goroutine [0-9]' "$tmp/err"; then
		why="crashed: $(grep -m1 -e panic -e fatal -e 'out of memory' "$tmp/err")"
	fi
	if [ -n "$why" ]; then
		failed=$((failed + 1))
		echo "FAIL $name: orgplanner $*: $why"
	fi
}

# Large inputs of issue 14, made at run time rather than committed.
big=$tmp/big
mkdir -p "$big"
{
	printf 'version: 1\npositions:\n'
	i=0
	awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "- {id: p%d, role: r}\n", i }'
} >"$big/million-positions.yaml"
{
	printf 'version: 1\nname: ['
	head -c 30000000 /dev/zero | tr '\0' '1' | sed 's/1/1,/g' | head -c 30000000
	printf '1]\n'
} >"$big/many-scalars.yaml"
{
	printf 'version: 1\npositions:\n  - id: a\n    role: '
	head -c 30000000 /dev/zero | tr '\0' 'x'
	printf '\n'
} >"$big/huge-role-id.yaml"
{
	printf 'version: 1\nname: '
	head -c 524288 /dev/zero | tr '\0' 'x'
	printf '\a\npositions: []\n'
} >"$big/long-line-control.yaml"
{
	printf 'roles:\n  - id: a\n'
	awk 'BEGIN { for (i = 0; i < 70000; i++) print "    title: T" }'
} >"$big/catalog-repeated-keys.yaml"
{
	printf 'roles:\n  - &r {id: a, title: A, domains: [IT], level: individual, summary: s}\n'
	awk 'BEGIN { for (i = 0; i < 40000; i++) print "  - *r" }'
} >"$big/catalog-aliases.yaml"

{
	printf 'version: 1\nname: ['
	head -c 600000 /dev/zero | tr '\0' 'x'
	printf ' : : ]]\npositions: []\n'
} >"$big/long-line-syntax.yaml"
# Terminal control sequences (OSC title, clear screen, C1 CSI, bidi override)
# in every text a plan has; formulas in holders for the people CSV export.
ctl='\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202egnp.exe\u2066'
printf 'version: 1\nname: "Plan%s"\npositions:\n  - id: a\n    role: chief-technology-officer\n    title: "CTO%s"\n    holder: "=HYPERLINK(\\"http://x\\")%s"\n    notes: "@SUM(1)%s"\n  - id: b\n    role: chief-information-officer\n    title: "CIO%s"\n    holder: "+1+1"\n    reportsTo: a\n    dottedTo: [a]\n' \
	"$ctl" "$ctl" "$ctl" "$ctl" "$ctl" >"$big/control-and-formulas.yaml"
# A plan of 5,000 positions with ten dotted lines each (issue 14: 8 s).
awk 'BEGIN { print "version: 1\npositions:"; for (i = 0; i < 5000; i++) { printf "  - id: p%d\n    role: software-engineer\n", i; if (i) printf "    reportsTo: p%d\n", int((i - 1) / 8); printf "    dottedTo: ["; for (k = 1; k <= 10; k++) printf "%sp%d", (k > 1 ? ", " : ""), (i * 7919 + k * 104729) % 5000 == i ? (i + 1) % 5000 : (i * 7919 + k * 104729) % 5000; print "]" } }' >"$big/dotted-5000x10.yaml"
# CSVs: a reporting cycle of 20,000 (issue 14: 13.9 GB), forty cycles of 999,
# 30,000 distinct long titles, and formulas, CR-only line ends and controls.
awk 'BEGIN { print "id,name,title,manager_id"; for (i = 0; i < 20000; i++) printf "e%d,Person %d,Engineer,e%d\n", i, i, (i + 1) % 20000 }' >"$big/cycle-20000.csv"
awk 'BEGIN { print "id,name,title,manager_id"; for (c = 0; c < 40; c++) for (i = 0; i < 999; i++) printf "e%d_%d,P %d %d,Engineer,e%d_%d\n", c, i, c, i, c, (i + 1) % 999 }' >"$big/cycles-40x999.csv"
awk 'BEGIN { srand(1); print "id,name,title,manager_id"; for (i = 0; i < 30000; i++) { t = ""; for (k = 0; k < 120; k++) t = t substr("abcdefghij and - ", int(rand() * 17) + 1, 1); printf "e%d,Person %d,%s,%s\n", i, i, t, (i ? "e" int(rand() * i) : "") } }' >"$big/long-titles.csv"
mkdir -p "$tmp/cat"
okcat=$here/catalogs/ok-bom-crlf.yaml

for f in "$here"/plans/*.yaml "$big"/*.yaml; do
	case $f in */catalog-*) ;; *)
		n=$(basename "$f")
		cp "$f" "$tmp/w.yaml"
		run "$n" check "$f"
		run "$n" check --json "$f"
		run "$n" fmt "$f"
		run "$n" fmt -l "$f"
		run "$n" fmt -d "$f"
		run "$n" fmt --check "$f"
		run "$n" fmt -w "$tmp/w.yaml"
		run "$n" diff "$okplan" "$f"
		run "$n" diff "$f" "$okplan"
		run "$n" diff --json "$okplan" "$f"
		run "$n" diff --textconv "$f"
		run "$n" merge "$okplan" "$f" "$okplan" -o "$tmp/merged.yaml"
		run "$n" merge "$f" "$okplan" "$okplan"
		run "$n" merge --json "$okplan" "$okplan" "$f" -o "$tmp/merged.yaml"
		run "$n" export "$f" -o "$tmp/chart.png"
		run "$n" export "$f" -o "$tmp/chart.svg"
		run "$n" export "$f" -o "$tmp/chart.pdf"
		run "$n" export "$f" -o "$tmp/people.csv"
		run "$n" export --view spans "$f" -o "$tmp/spans.png"
		run "$n" import "$f" -o "$tmp/imported.yaml" --force
		continue
		;;
	esac
	n=$(basename "$f")
	run "$n" check "$f"
	run "$n" export "$f" -o "$tmp/chart.png"
done
for f in "$here"/catalogs/*.yaml "$big"/catalog-*.yaml; do
	n=$(basename "$f")
	run "$n" catalog --catalog "$f"
	run "$n" catalog --json --catalog "$f"
	run "$n" check "$okplan" --catalog "$f"
	run "$n" export "$okplan" --catalog "$f" -o "$tmp/chart.svg"
	run "$n" fmt "$okplan" --catalog "$f"
	run "$n" diff "$okplan" "$okplan" --catalog "$f"
	run "$n" merge "$okplan" "$okplan" "$okplan" --catalog "$f"
	run "$n" import "$okcsv" --catalog "$f" -o "$tmp/imported.yaml" --force
	# The same catalog named by a plan's catalog: key, next to the plan.
	cp "$f" "$tmp/cat/c.yaml"
	printf 'version: 1\ncatalog: c.yaml\npositions: []\n' >"$tmp/cat/p.yaml"
	run "$n" check "$tmp/cat/p.yaml"
	run "$n" diff "$tmp/cat/p.yaml" "$okplan"
	run "$n" check "$f"
done
for f in "$here"/csv/*.csv "$big"/*.csv; do
	n=$(basename "$f")
	run "$n" import "$f" -o "$tmp/imported.yaml" --force
	run "$n" import "$f" -o -
	run "$n" import --json "$f" -o "$tmp/imported.yaml" --force
	run "$n" import "$f" --catalog "$okcat" -o "$tmp/imported.yaml" --force
	run "$n" check "$f"
	run "$n" catalog --catalog "$f"
done
# Devices and FIFOs are refused at once, never read or waited on.
mkfifo "$tmp/fifo.yaml" "$tmp/fifo.csv"
for f in /dev/zero "$tmp/fifo.yaml" "$here/plans"; do
	run "$(basename "$f")" check "$f"
	run "$(basename "$f")" check "$okplan" --catalog "$f"
	run "$(basename "$f")" fmt -w "$f"
	run "$(basename "$f")" diff "$okplan" "$f"
	run "$(basename "$f")" merge "$okplan" "$f" "$okplan"
	run "$(basename "$f")" export "$okplan" -o "$f"
done
run fifo.csv import "$tmp/fifo.csv" -o "$tmp/imported.yaml"
# A full disk: standard output on /dev/full and a file size limit both
# fail with exit 2, never 0 (issue 14: a truncated plan and exit 0).
full() {
	name=$1
	shift
	runs=$((runs + 1))
	"$bin" "$@" >/dev/full 2>"$tmp/err" </dev/null
	code=$?
	if [ "$code" -ne 2 ]; then
		failed=$((failed + 1))
		echo "FAIL $name: orgplanner $* > /dev/full: exit $code, want 2"
	fi
}
full fmt fmt "$okplan"
full check check "$okplan"
full check-json check --json "$okplan"
full diff diff "$okplan" "$okplan"
full diff-json diff --json "$okplan" "$okplan"
full import import "$okcsv" -o -
full catalog catalog
full help help
full export-svg export "$okplan" --format svg -o -
sed 's/^version: 1/version:   1/' "$root/assets/samples/enterprise.yaml" >"$tmp/nc.yaml"
cp "$tmp/nc.yaml" "$tmp/nc-before.yaml"
runs=$((runs + 1))
(ulimit -f 64 && "$bin" fmt -w "$tmp/nc.yaml" >/dev/null 2>"$tmp/err")
code=$?
if [ "$code" -ne 2 ] || ! cmp -s "$tmp/nc.yaml" "$tmp/nc-before.yaml" || ls -a "$tmp" | grep -q saving; then
	failed=$((failed + 1))
	echo "FAIL fmt -w past a file size limit: exit $code (want 2), the plan changed or a temporary file is left"
fi

echo "hostile inputs: $runs runs, $failed failed (limits: $as bytes of address space, $secs s each)"
[ "$failed" -eq 0 ]
