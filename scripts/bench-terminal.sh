#!/usr/bin/env bash
# Terminal traffic and start-up of byline beside less, in tmux.
#
#   scripts/bench-terminal.sh [ARTICLE] [STEPS]
#
# ARTICLE defaults to the seed article repeated six times (headline once).
# For each program: start it in a 100x30 tmux window, time until its first
# screen shows (for byline also until its side panel is filled), then send STEPS (default 40) single-line scrolls and count
# the bytes it writes (tmux pipe-pane). byline runs twice: with the side
# panel shown and hidden ('p'). Needs tmux and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${2:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
article=${1:-}
if [ -z "$article" ]; then
  article=$work/seed6.txt
  { head -n 1 assets/01-amerika21-venezuela-russland.txt
    for _ in 1 2 3 4 5 6; do tail -n +2 assets/01-amerika21-venezuela-russland.txt; echo; done
  } > "$article"
fi
byline=target/release/byline
[ -x "$byline" ] || cargo build --release --quiet
# A word of the article's first paragraph, to know when the first screen is up.
marker=$(sed -n 1p "$article" | awk '{print $1}')

now_ms() { date +%s%3N; }

# open_timed SOCKET NAME COMMAND MARKER: start COMMAND in a 100x30 tmux
# window and print the milliseconds until MARKER shows. The tmux server is
# started first, so the time is the program's own (plus tmux's few
# milliseconds to open a window, the same for every program).
open_timed() {
  local sock=$1 name=$2 command=$3 marker=$4
  tmux -L "$sock" new-session -d -s b -x 100 -y 30 "sleep 60"
  local t0
  t0=$(now_ms)
  tmux -L "$sock" new-window -t b: "$command; sleep 30"
  # (not a pipe into grep -q: under pipefail its early exit fails the pipe)
  until [[ $(tmux -L "$sock" capture-pane -p -t b) == *"$marker"* ]]; do
    if (( $(now_ms) - t0 > 10000 )); then echo "$name: no first screen in 10 s" >&2; exit 1; fi
    sleep 0.002
  done
  echo $(( $(now_ms) - t0 ))
}

# run NAME COMMAND KEYS_BEFORE: prints "NAME start_ms bytes_per_step"
run() {
  local name=$1 command=$2 before_keys=$3
  # A server per program: a killed server can linger and take the next one down.
  local sock=bench-$$-$name
  local rec=$work/$name.bin
  : > "$rec"
  local start
  start=$(open_timed "$sock" "$name" "$command" "$marker")
  tmux -L "$sock" pipe-pane -o -t b "cat >> '$rec'"
  sleep 0.5
  for k in $before_keys; do tmux -L "$sock" send-keys -t b "$k"; sleep 0.3; done
  local size0 size1
  size0=$(stat -c %s "$rec")
  for _ in $(seq "$steps"); do tmux -L "$sock" send-keys -t b j; sleep 0.05; done
  sleep 0.5
  size1=$(stat -c %s "$rec")
  tmux -L "$sock" send-keys -t b q
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo "$name $start $(( (size1 - size0) / steps ))"
}

# start_time NAME COMMAND MARKER: prints "NAME start_ms"
start_time() {
  local name=$1 command=$2 marker=$3
  local sock=bench-$$-$name
  local start
  start=$(open_timed "$sock" "$name" "$command" "$marker")
  tmux -L "$sock" send-keys -t b q
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo "$name $start"
}

# A library of 10,000 articles (the samples, over and over).
library=$work/library
mkdir -p "$library"
python3 - "$library" <<'PY'
import glob, os, sys
samples = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("assets/*.txt"))]
for i in range(10000):
    with open(os.path.join(sys.argv[1], f"{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(samples[i % len(samples)])
PY
library_marker=$(head -n 1 "$library/00000.txt" | awk '{print $1}')

results=$( {
  run less "less '$article'" ""
  run byline-panel "'$byline' '$article'" ""
  run byline-no-panel "'$byline' '$article'" "p"
} )
echo "$results" | awk -v steps="$steps" '
  $1 == "less" { less_ms = $2; less_b = $3 }
  { name[NR] = $1; ms[NR] = $2; b[NR] = $3 }
  END {
    printf "%-16s %12s %14s %10s\n", "program", "first screen", "bytes/step", "vs less"
    for (i = 1; i <= NR; i++)
      printf "%-16s %9d ms %14d %9.2fx\n", name[i], ms[i], b[i], (less_b ? b[i] / less_b : 0)
    printf "(%d single-line steps at 100x30; first screen: from opening the tmux window until the first words show, polled every 2 ms)\n", steps
  }'
echo
# tmux is polled every 2 ms, but each capture-pane takes a few: a finer
# clock, on a pseudo-terminal of our own.
echo "first screen on a pseudo-terminal (python pty), from start to the headline's first word"
python3 scripts/first-screen.py 20 "$marker" "less $article" "$byline $article"
echo
# The first screen shows the text; the side panel fills once extraction is
# done (a few milliseconds later).
echo "byline, seed article: until the side panel shows its people"
start_time byline-panel-filled "'$byline' '$article'" "People ("
echo
echo "library of 10,000 articles: first screen"
start_time less-first-file "less '$library/00000.txt'" "$library_marker"
start_time byline-library "'$byline' '$library'" "$library_marker"
