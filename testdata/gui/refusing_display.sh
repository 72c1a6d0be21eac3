#!/bin/bash
# The app on a display that takes the connection but lets no window system
# start (refusing_display.go): it must end with exit 2 and one line of its
# own saying so, not a Go panic with a stack trace.
#   bash testdata/gui/refusing_display.sh BIN
set -u
BIN=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
n=
for i in $(seq 161 199); do
	if [ ! -e /tmp/.X$i-lock ] && [ ! -e /tmp/.X11-unix/X$i ]; then n=$i; break; fi
done
[ -n "$n" ] || { echo "refusing display: no free display number"; exit 1; }
mkdir -p /tmp/.X11-unix
sock=/tmp/.X11-unix/X$n
go build -o "$work/refuse" "$here/refusing_display.go" || exit 1
"$work/refuse" "$sock" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$sock"; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
out=$(env -u WAYLAND_DISPLAY DISPLAY=:$n timeout 30 "$BIN" 2>&1); code=$?
last=$(printf '%s\n' "$out" | tail -n 1)
if [ $code -ne 2 ] || printf '%s\n' "$out" | grep -q '^panic:\|^goroutine ' || [ "${last#orgplanner: cannot open the app}" = "$last" ]; then
	echo "refusing display: FAIL: exit $code, want 2 and a last line 'orgplanner: cannot open the app...':"
	printf '%s\n' "$out"
	exit 1
fi
echo "refusing display: PASS: $last"
