#!/usr/bin/env bash
# The real app in a real window: start Xvfb, open a copy of the scale-up
# sample, drag a catalog role onto a manager's card with the mouse as a user
# would (press, move in steps, release), press Ctrl+S, and check that the
# saved YAML holds a new position in that role under that manager. Then find
# a person by name (Ctrl+F, type, Enter), drag their card under another
# manager, save, and check that the YAML says they report there.
#
# Usage: bash testdata/gui/drag_and_save.sh ./bin/orgplanner
# Needs: Xvfb, xdotool (make test-deps). Exits non-zero on failure, never waits
# for input, and gives up after a few minutes rather than hang.
#
# The app writes where things are on screen to $ORGPLANNER_TEST_LAYOUT once
# its window is up (see app/testlayout.go): lines "catalog ROLE X Y W H" and
# "card ID MANAGER X Y W H" in window pixels.
set -u

BIN=${1:-./bin/orgplanner}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE=$ROOT/assets/samples/scaleup.yaml
LIMIT=${GUI_TEST_LIMIT:-300} # seconds for the whole test

fail() { echo "gui test: FAIL: $*" >&2; exit 1; }
log() { echo "gui test: $*"; }

[ -x "$BIN" ] || fail "no app binary at $BIN (run make build)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
[ -f "$SAMPLE" ] || fail "no sample plan at $SAMPLE"
for tool in Xvfb xdotool; do
	command -v $tool >/dev/null || fail "$tool is not installed (make test-deps)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/orgplanner-gui.XXXXXX")
XVFB_PID= APP_PID= WATCHDOG_PID=
cleanup() {
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
	[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
	[ -n "$WATCHDOG_PID" ] && kill "$WATCHDOG_PID" 2>/dev/null
	wait 2>/dev/null
	if [ "${KEEP_GUI_WORK:-}" = "" ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

# A watchdog: the test must end even if a tool hangs. Its sleep must not hold
# our output open after we exit (a CI log pipe would wait for it), so it
# writes nowhere and is killed with the watchdog.
MAIN_PID=$$
(
	trap 'kill "$nap" 2>/dev/null; exit 0' TERM
	sleep "$LIMIT" </dev/null >/dev/null 2>&1 &
	nap=$!
	wait "$nap" && { echo "gui test: FAIL: timed out after ${LIMIT}s" >&2; kill -TERM "$MAIN_PID"; }
) &
WATCHDOG_PID=$!

# A free display number.
DISP=
for n in $(seq 99 160); do
	if [ ! -e /tmp/.X$n-lock ] && [ ! -e /tmp/.X11-unix/X$n ]; then DISP=:$n; break; fi
done
[ -n "$DISP" ] || fail "no free X display between :99 and :160"
export DISPLAY=$DISP

Xvfb "$DISP" -screen 0 1400x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for i in $(seq 1 50); do
	xdotool getdisplaygeometry >/dev/null 2>&1 && break
	kill -0 $XVFB_PID 2>/dev/null || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
	sleep 0.2
done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb on $DISP does not answer"
log "Xvfb on $DISP"

# The app on a copy of the sample, with its own home (preferences, recent files).
PLAN=$WORK/plan.yaml
LAYOUT=$WORK/layout.txt
cp "$SAMPLE" "$PLAN"
mkdir -p "$WORK/home/.cache" "$WORK/home/.config"
HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config ORGPLANNER_TEST_LAYOUT=$LAYOUT \
	"$BIN" "$PLAN" >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!

for i in $(seq 1 300); do
	[ -s "$LAYOUT" ] && break
	kill -0 $APP_PID 2>/dev/null || fail "the app exited early: $(cat "$WORK/app.log")"
	sleep 0.2
done
[ -s "$LAYOUT" ] || fail "the app wrote no layout in 60 s: $(tail -20 "$WORK/app.log")"

WID=
for i in $(seq 1 50); do
	WID=$(xdotool search --name "Org Planner" 2>/dev/null | head -1)
	[ -n "$WID" ] && break
	sleep 0.2
done
[ -n "$WID" ] || fail "no window named Org Planner"
log "window $WID"

# What to drag: a software engineer row if visible, else the first role row.
ROLE_LINE=$(grep '^catalog software-engineer ' "$LAYOUT" | head -1)
[ -n "$ROLE_LINE" ] || ROLE_LINE=$(grep '^catalog ' "$LAYOUT" | head -1)
[ -n "$ROLE_LINE" ] || fail "no catalog row on screen: $(cat "$LAYOUT")"
read -r _ ROLE RX RY RW RH <<<"$ROLE_LINE"
# Where to: the first manager card on screen (else the first card).
CARD_LINE=$(grep '^card [^ ]* 1 ' "$LAYOUT" | head -1)
[ -n "$CARD_LINE" ] || CARD_LINE=$(grep '^card ' "$LAYOUT" | head -1)
[ -n "$CARD_LINE" ] || fail "no card on screen: $(cat "$LAYOUT")"
read -r _ CARD _ CX CY CW CH <<<"$CARD_LINE"

# positions in ROLE under CARD, one "role reportsTo" line per position
under() {
	awk '
		/^  - id:/ { if (seen) print role, to; seen = 1; role = ""; to = "" }
		/^    role:/ { role = $2 }
		/^    reportsTo:/ { to = $2 }
		END { if (seen) print role, to }
	' "$1" | tr -d "\"'" | grep -c "^$ROLE $CARD\$"
}
BEFORE=$(under "$PLAN")
log "dragging $ROLE from ($RX,$RY) onto card $CARD at ($CX,$CY); $BEFORE such positions before"

# drag X0 Y0 X1 Y1: press, move in steps as a hand does, release
drag() {
	local x0=$1 y0=$2 x1=$3 y1=$4 steps=25 i
	xdotool mousemove --window "$WID" "$x0" "$y0"
	sleep 0.3
	xdotool mousedown 1
	sleep 0.2
	for i in $(seq 1 $steps); do
		xdotool mousemove --window "$WID" $((x0 + (x1 - x0) * i / steps)) $((y0 + (y1 - y0) * i / steps))
		sleep 0.04
	done
	sleep 0.3
	xdotool mouseup 1
	sleep 1
}
drag $((RX + RW / 2)) $((RY + RH / 2)) $((CX + CW / 2)) $((CY + CH / 2))

# Save with the keyboard.
xdotool windowfocus "$WID" 2>/dev/null
xdotool key --clearmodifiers ctrl+s
for i in $(seq 1 100); do
	AFTER=$(under "$PLAN")
	[ "$AFTER" -gt "$BEFORE" ] && break
	sleep 0.2
done
if [ "$AFTER" -ne $((BEFORE + 1)) ]; then
	command -v import >/dev/null && import -window root "$WORK/failure.png" 2>/dev/null &&
		cp "$WORK/failure.png" "${TMPDIR:-/tmp}/orgplanner-gui-failure.png" &&
		echo "gui test: screenshot in ${TMPDIR:-/tmp}/orgplanner-gui-failure.png" >&2
	echo "--- app log" >&2
	tail -30 "$WORK/app.log" >&2
	fail "the saved plan has $AFTER positions in $ROLE under $CARD, want $((BEFORE + 1))"
fi
log "the saved plan holds the new $ROLE under $CARD"

# Part two: find a person by name, jump to them, drag them under another
# manager, save, and check the YAML.
# "id holder reportsTo" of every position, then a person with no reports
# whose name is held by nobody else.
awk '
	/^  - id:/ { if (id != "") print id "\t" holder "\t" to; id = $3; holder = ""; to = "" }
	/^    holder:/ { sub(/^    holder: */, ""); holder = $0 }
	/^    reportsTo:/ { to = $2 }
	END { if (id != "") print id "\t" holder "\t" to }
' "$PLAN" | tr -d "\"'" >"$WORK/people.tsv"
PERSON_LINE=$(awk -F'\t' '
	{ id[NR] = $1; name[NR] = $2; to[NR] = $3; manages[$3] = 1; n[$2]++ }
	END { for (i = 1; i <= NR; i++) if (name[i] ~ / / && n[name[i]] == 1 && !manages[id[i]]) { print id[i] "\t" name[i] "\t" to[i]; exit } }
' "$WORK/people.tsv")
[ -n "$PERSON_LINE" ] || fail "no person with a unique name and no reports in the plan"
IFS=$'\t' read -r PID PNAME PTO <<<"$PERSON_LINE"
log "finding $PNAME ($PID, under $PTO)"
xdotool windowfocus "$WID" 2>/dev/null
xdotool key --clearmodifiers ctrl+f
sleep 0.3
xdotool type --delay 40 "$PNAME"
sleep 0.5
xdotool key Return
for i in $(seq 1 50); do
	grep -q "^selected $PID\$" "$LAYOUT" && grep -q "^card $PID " "$LAYOUT" && break
	sleep 0.2
done
grep -q "^selected $PID\$" "$LAYOUT" || fail "searching for $PNAME did not select $PID: $(head -3 "$LAYOUT")"
sleep 0.8 # the dump follows the last frame
read -r _ _ _ PX PY PW PH <<<"$(grep "^card $PID " "$LAYOUT" | head -1)"
[ -n "${PH:-}" ] || fail "the card of $PID is not on screen after the search"
# the target: a manager card on screen that is not the person's manager
TARGET_LINE=$(grep '^card [^ ]* 1 ' "$LAYOUT" | grep -v "^card $PTO " | head -1)
[ -n "$TARGET_LINE" ] || fail "no other manager on screen beside $PNAME: $(cat "$LAYOUT")"
read -r _ TARGET _ TX TY TW TH <<<"$TARGET_LINE"
log "dragging $PID from ($PX,$PY) under $TARGET at ($TX,$TY)"
drag $((PX + PW / 2)) $((PY + PH / 2)) $((TX + TW / 2)) $((TY + TH / 2))
xdotool key --clearmodifiers ctrl+s
manager_of() {
	tr -d "\"'" <"$PLAN" | awk -v want="$1" '/^  - id:/ { id = $3 } /^    reportsTo:/ { if (id == want) print $2 }'
}
for i in $(seq 1 100); do
	[ "$(manager_of "$PID")" = "$TARGET" ] && break
	sleep 0.2
done
if [ "$(manager_of "$PID")" != "$TARGET" ]; then
	command -v import >/dev/null && import -window root "${TMPDIR:-/tmp}/orgplanner-gui-failure.png" 2>/dev/null &&
		echo "gui test: screenshot in ${TMPDIR:-/tmp}/orgplanner-gui-failure.png" >&2
	tail -30 "$WORK/app.log" >&2
	fail "after the drag $PID reports to $(manager_of "$PID"), want $TARGET"
fi
log "PASS: the saved plan holds the new $ROLE under $CARD, and $PNAME found by name now reports to $TARGET"
exit 0
