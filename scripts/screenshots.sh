#!/usr/bin/env bash
# Takes screenshots of Byline's main states under Xvfb, for the AppStream
# metainfo and for looking at the window critically after a change:
#   empty.png      the start page
#   article.png    the sample article, just opened
#   labeled.png    the demo document: entities, quotes and claims overlapping
#   relations.png  a quote selected, its speaker and cue relations drawn
#   dark.png       the same in the dark style
#
#   scripts/screenshots.sh [OUTPUT_DIR]     (default: data/screenshots)
#
# Needs: xvfb, xdotool, imagemagick, and a build (BUILDDIR, default build).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
builddir=${BUILDDIR:-build}
out=${1:-data/screenshots}
mkdir -p "$out"
[ -x "$builddir/src/gui/byline" ] || { echo "build first: scripts/dev run, or meson compile -C $builddir" >&2; exit 1; }

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=
state=$(mktemp -d)
cleanup() {
  pkill -f "$top/$builddir/src/gui/byline" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT
export DISPLAY=$display GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
# Recovery copies and recent files of these runs stay out of the user's.
export BYLINE_RECOVERY_DIR=$state/recovery XDG_DATA_HOME=$state/data XDG_STATE_HOME=$state/state
sleep 1

# start [FILE] [ENV…]: runs Byline and waits for its window, 1280x820.
start() {
  local file=${1:-}
  shift || true
  env "$@" meson devenv -C "$builddir" -w "$top" "$top/$builddir/src/gui/byline" ${file:+"$file"} \
    >"$state/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 50); do
    win=$(xdotool search --onlyvisible --class byline 2>/dev/null | head -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.2
  done
  [ -n "$win" ] || { cat "$state/app.log" >&2; echo "no window" >&2; exit 1; }
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 860
  xdotool windowfocus "$win" 2>/dev/null || true
  sleep 1.5
}

stop() {
  # meson devenv runs Byline as its child: end both, or the next start
  # would only hand its file to the running instance.
  pkill -f "$top/$builddir/src/gui/byline" 2>/dev/null || true
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
  sleep 0.5
}

shot() {
  import -window "$win" "$out/$1"
  echo "$out/$1"
}

start
shot empty.png
stop

start data/samples/blinken-china-nbc.txt
shot article.png
stop

for scheme in default prefer-dark; do
  start data/samples/blinken-china-nbc.byline.json ADW_DEBUG_COLOR_SCHEME=$scheme
  # Down to the quotes and claims, where layers overlap.
  xdotool key --delay 100 Page_Down
  sleep 0.5
  [ "$scheme" = default ] && shot labeled.png
  # Find the quote in the side panel's list and click it: the article
  # scrolls to it and draws its speaker and cue.
  xdotool key --delay 80 Tab
  xdotool mousemove --window "$win" 1100 80 click 1
  xdotool type --delay 30 "prepared"
  sleep 1
  xdotool mousemove --window "$win" 1100 272 click 1
  xdotool mousemove --window "$win" 640 20
  sleep 1
  if [ "$scheme" = default ]; then shot relations.png; else shot dark.png; fi
  stop
done
