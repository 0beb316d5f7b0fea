#!/usr/bin/env bash
# Extraction throughput and memory of `byline extract` beside `wc -w`.
#
#   scripts/bench-extract.sh [MEGABYTES]
#
# Builds a folder of about MEGABYTES (default 50) of news text from the
# sample articles in assets/ (each copy numbered, so no two files are the
# same), then times `byline extract --format json` over it (all cores, and
# one core with RAYON_NUM_THREADS=1) and `wc -w`, and reports peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
byline=target/release/byline
[ -x "$byline" ] || cargo build --release --quiet

corpus=$work/corpus
mkdir -p "$corpus"
python3 - "$corpus" "$megabytes" <<'PY'
import os, sys, glob
out, megabytes = sys.argv[1], int(sys.argv[2])
samples = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("assets/*.txt"))]
total, i = 0, 0
while total < megabytes * 1_000_000:
    text = samples[i % len(samples)]
    head, _, body = text.partition("\n")
    text = f"{head} ({i})\n{body}"
    with open(os.path.join(out, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    total += len(text.encode("utf-8"))
    i += 1
print(f"{i} articles, {total / 1e6:.1f} MB", file=sys.stderr)
PY
bytes=$(cat "$corpus"/*.txt | wc -c)
largest=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -1)

# time_of COMMAND...: wall seconds and peak RSS in KiB of one run
time_of() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
  cat "$work/time"
}
cat "$corpus"/*.txt > /dev/null  # warm the page cache for everyone
read -r byline_s byline_kb < <(time_of "$byline" extract --format json "$corpus")
read -r one_s one_kb < <(RAYON_NUM_THREADS=1 time_of "$byline" extract --format json "$corpus")
read -r wc_s _ < <(time_of sh -c "cat '$corpus'/*.txt | wc -w")

awk -v bytes="$bytes" -v largest="$largest" -v bs="$byline_s" -v bk="$byline_kb" \
    -v os="$one_s" -v ok="$one_kb" -v ws="$wc_s" -v cores="$(nproc)" 'BEGIN {
  mb = bytes / 1e6
  printf "corpus: %.1f MB in files, largest %.1f KB\n", mb, largest / 1e3
  printf "%-34s %8s %10s %12s\n", "command", "seconds", "MB/s", "peak RSS"
  printf "%-34s %8.2f %10.1f %9.1f MB\n", "byline extract (" cores " cores)", bs, mb / bs, bk / 1024
  printf "%-34s %8.2f %10.1f %9.1f MB\n", "byline extract (1 core)", os, mb / os, ok / 1024
  printf "%-34s %8.2f %10.1f\n", "cat | wc -w", ws, mb / ws
  printf "byline / wc -w: %.1fx; memory budget (3 x largest + 50 MB): %.1f MB\n", bs / ws, (3 * largest + 50e6) / 1048576
}'
