#!/bin/bash
# Time per scanned page, one core: scans of samples/*.pdf at 200 dpi (scripts/make_scans.py),
# each read by `gongkai extract` under `taskset -c 0` with OMP_THREAD_LIMIT=1. Prints each file's
# pages, wall and CPU seconds, then the seconds per page over all (the target is < 2 s/page; on a
# shared machine the CPU seconds are the figure, wall time includes waiting for the core).
#
#   benchmarks/ocr_page_time.sh [GONGKAI_BINARY] [DPI] [SCANS_DIR]
#
# With SCANS_DIR, the scans there (*.pdf, made before) are timed instead of making new ones.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/gongkai}
DPI=${2:-200}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
pages_all=0; wall_all=0; cpu_all=0
SCANS=${3:-}
for pdf in "${SCANS:-samples}"/*.pdf; do
    scan="$DIR/$(basename "$pdf" .pdf)_scan.pdf"
    if [ -n "$SCANS" ]; then scan=$pdf; else python3 scripts/make_scans.py "$pdf" "$scan" --dpi "$DPI" --seed 1 >/dev/null; fi
    pages=$(pdfinfo "$scan" | awk '/^Pages:/ {print $2}')
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$DIR/time" env OMP_THREAD_LIMIT=1 taskset -c 0 "$BIN" extract "$scan" >"$DIR/out.json" 2>/dev/null || true
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc)
    cpu=$(tail -1 "$DIR/time" | awk '{print $1 + $2}')
    printf '%-45s %2d pages  wall %6.2f s  cpu %6.2f s  %5.2f s/page\n' "$(basename "$pdf")" "$pages" "$wall" "$cpu" "$(echo "$wall / $pages" | bc -l)"
    pages_all=$((pages_all + pages)); wall_all=$(echo "$wall_all + $wall" | bc); cpu_all=$(echo "$cpu_all + $cpu" | bc)
done
printf 'all: %d pages, wall %.1f s (%.2f s/page), cpu %.1f s (%.2f s/page) at %s dpi on one core\n' \
    "$pages_all" "$wall_all" "$(echo "$wall_all / $pages_all" | bc -l)" "$cpu_all" "$(echo "$cpu_all / $pages_all" | bc -l)" "$DPI"
