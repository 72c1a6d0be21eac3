#!/usr/bin/env bash
# The window screenshots of README.md and docs (docs/images/screenshot-*.png),
# taken the way they were: the real app under Xvfb, a screen the size of the
# picture, the window moved to 0,0 and sized to it, keys and clicks by xdotool,
# the screen (or, for the analysis window, that window) saved by ImageMagick.
#
# Usage: bash testdata/gui/screenshots.sh ./bin/orgplanner OUTDIR [SHOT...]
#   SHOT: scaleup scaleup-1280 search search-1280 fit fit-1280 compare analysis
#   (all when none is named). SHOT_DISPLAY picks the X display (default :105).
# Needs: Xvfb, xdotool, import (ImageMagick), python3. Not part of make test:
# the clicks of compare and analysis are at fixed points of a 1600x1000
# window; look at every picture before committing it.
set -u
BIN=$1 OUT=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DISP=${SHOT_DISPLAY:-:105}
[ $# -gt 0 ] || set -- scaleup scaleup-1280 search search-1280 fit fit-1280 compare analysis
mkdir -p "$OUT"
# before.py PLAN BEFORE: the scale-up sample as it was before the changes the
# compare picture marks.
BEFORE_PY=$(cat <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
s = open(src).read()
# Before: Nia Ortiz under VP Engineering, Consumer; no Technical Program Manager;
# two more QA engineers under Karim Kaur; "Nadia Anders" where the plan has Nadia Andersen.
s = s.replace("""    holder: Nia Ortiz
    reportsTo: 5e167b3b-0a5d-5822-94f1-f1de9322e8d6""", """    holder: Nia Ortiz
    reportsTo: b82a68ff-e392-52d7-abbc-672c4029699f""")
tpm = """  - id: 4b03003b-ff40-5b4c-9b29-2e3bbd2fd7c2
    role: technical-program-manager
    holder: Sakura Walker
    reportsTo: b82a68ff-e392-52d7-abbc-672c4029699f
    cost: 201000
"""
assert tpm in s
s = s.replace(tpm, "")
s = s.replace("holder: Nadia Andersen", "holder: Nadia Anders")
qa = """  - id: d8a00849-4b07-5004-ad55-28cc9af0bb83
"""
extra = """  - id: 00000000-0000-4000-8000-00000000a001
    role: qa-engineer
    holder: Old Tester
    reportsTo: 84254ddd-de1a-5f47-9173-4fc0c7df9cbf
  - id: 00000000-0000-4000-8000-00000000a002
    role: qa-engineer
    holder: Older Tester
    reportsTo: 84254ddd-de1a-5f47-9173-4fc0c7df9cbf
"""
assert qa in s
s = s.replace(qa, extra + qa, 1)
open(dst, "w").write(s)
PY
)
one() {
	local name=$1 W=$2 H=$3 plan=$4 action=$5
	local WORK
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/orgplanner-shot.XXXXXX")
	mkdir -p "$WORK/home/.config" "$WORK/home/.cache"
	cp "$ROOT/assets/samples/$plan.yaml" "$WORK/$plan.yaml"
	Xvfb $DISP -screen 0 ${W}x${H}x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
	local XP=$!
	for i in $(seq 1 50); do DISPLAY=$DISP xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
	local extra=()
	if [ "$action" = compare ]; then
		python3 -c "$BEFORE_PY" "$WORK/$plan.yaml" "$WORK/before.yaml"
		extra=(ORGPLANNER_COMPARE="$WORK/before.yaml")
	fi
	env DISPLAY=$DISP HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config "${extra[@]}" \
		"$BIN" "$WORK/$plan.yaml" >"$WORK/app.log" 2>&1 </dev/null &
	local AP=$!
	local WID=
	for i in $(seq 1 100); do
		WID=$(DISPLAY=$DISP xdotool search --name "Org Planner" 2>/dev/null | head -1)
		[ -n "$WID" ] && break
		sleep 0.2
	done
	sleep 3
	for i in 1 2 3; do
		DISPLAY=$DISP xdotool windowmove "$WID" 0 0 windowsize "$WID" "$W" "$H"
		sleep 1
	done
	sleep 10 # opened, checked, drawn (a loaded machine)
	DISPLAY=$DISP xdotool windowfocus "$WID" 2>/dev/null
	case $action in
	search)
		DISPLAY=$DISP xdotool key --clearmodifiers ctrl+f
		sleep 1
		DISPLAY=$DISP xdotool type --delay 120 grace
		sleep 3
		DISPLAY=$DISP xdotool key --clearmodifiers Return
		sleep 4
		;;
	fit)
		DISPLAY=$DISP xdotool key --clearmodifiers ctrl+shift+e
		sleep 6
		DISPLAY=$DISP xdotool key --clearmodifiers ctrl+0
		sleep 4
		;;
	compare)
		# open VP Engineering, Consumer (its "+136 below"), then show the moved card
		DISPLAY=$DISP xdotool mousemove 449 545 click 1
		sleep 4
		DISPLAY=$DISP xdotool mousemove 1305 712 click 1
		sleep 4
		DISPLAY=$DISP xdotool mousemove 1590 990
		sleep 2
		;;
	esac
	if [ "$action" = analysis ]; then
		# View > Analysis pictures…, then the 4-7 bar
		DISPLAY=$DISP xdotool mousemove 117 14 click 1
		sleep 2
		DISPLAY=$DISP xdotool mousemove 162 405 click 1
		sleep 8
		local A
		A=$(DISPLAY=$DISP xdotool search --name "Analysis of" | head -1)
		DISPLAY=$DISP xdotool mousemove 800 380 click 1
		sleep 3
		DISPLAY=$DISP xdotool mousemove 1550 950
		sleep 2
		DISPLAY=$DISP import -window "$A" "$OUT/screenshot-$name.png"
	else
		DISPLAY=$DISP import -window root "$OUT/screenshot-$name.png"
	fi
	kill $AP 2>/dev/null
	sleep 1
	kill $XP 2>/dev/null
	wait $AP $XP 2>/dev/null
	echo "$name: $(tail -3 "$WORK/app.log" | tr '\n' ' ')"
	rm -rf "$WORK"
}
for s in "$@"; do
	case $s in
	scaleup) one scaleup 1600 1000 scaleup none ;;
	scaleup-1280) one scaleup-1280 1280 720 scaleup none ;;
	search) one search 1600 1000 enterprise search ;;
	search-1280) one search-1280 1280 720 enterprise search ;;
	fit) one enterprise-fit 1600 1000 enterprise fit ;;
	fit-1280) one enterprise-fit-1280 1280 720 enterprise fit ;;
	compare) one compare 1600 1000 scaleup compare ;;
	analysis) one analysis 1600 1000 scaleup analysis ;;
	esac
done
