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

for f in "$here"/plans/*.yaml "$big"/*.yaml; do
	case $f in */catalog-*) ;; *)
		n=$(basename "$f")
		cp "$f" "$tmp/w.yaml"
		run "$n" check "$f"
		run "$n" check --json "$f"
		run "$n" fmt "$f"
		run "$n" fmt -w "$tmp/w.yaml"
		run "$n" diff "$okplan" "$f"
		run "$n" merge "$okplan" "$f" "$okplan" -o "$tmp/merged.yaml"
		run "$n" export "$f" -o "$tmp/chart.png"
		run "$n" export "$f" -o "$tmp/chart.svg"
		run "$n" export "$f" -o "$tmp/chart.pdf"
		run "$n" export "$f" -o "$tmp/people.csv"
		run "$n" export --view spans "$f" -o "$tmp/spans.png"
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
	run "$n" check "$okplan" --catalog "$f"
	run "$n" export "$okplan" --catalog "$f" -o "$tmp/chart.svg"
done
for f in "$here"/csv/*.csv; do
	n=$(basename "$f")
	run "$n" import "$f" -o "$tmp/imported.yaml"
	run "$n" import "$f" -o -
done
# Devices and FIFOs are refused at once, never read or waited on.
mkfifo "$tmp/fifo.yaml" "$tmp/fifo.csv"
for f in /dev/zero "$tmp/fifo.yaml" "$here/plans"; do
	run "$(basename "$f")" check "$f"
	run "$(basename "$f")" check "$okplan" --catalog "$f"
done
run fifo.csv import "$tmp/fifo.csv" -o "$tmp/imported.yaml"

echo "hostile inputs: $runs runs, $failed failed (limits: $as bytes of address space, $secs s each)"
[ "$failed" -eq 0 ]
