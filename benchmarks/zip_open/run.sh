#!/usr/bin/env bash
# Start-up cost of reading a DOCX's word/document.xml, per process (what one `gongkai extract`
# pays): C + libzip against Swift + ZIPFoundation, each run 50 times on the same file.
# Usage: benchmarks/zip_open/run.sh [FILE.docx]   (default samples/docx/w000.docx)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
file="${1:-$here/../../samples/docx/w000.docx}"
cc -O2 -o /tmp/libzip_reader "$here/libzip_reader.c" -lzip
(cd "$here/ZIPFoundationReader" && swift build -c release >/dev/null)
zf="$here/ZIPFoundationReader/.build/release/ZIPFoundationReader"
per_run() {  # command… → milliseconds per run, averaged over 50 runs
    local start end
    start=$(date +%s%N)
    for _ in $(seq 50); do "$@" >/dev/null; done
    end=$(date +%s%N)
    echo "scale=2; ($end - $start) / 50 / 1000000" | bc
}
"$zf" "$file" >/dev/null  # warm the page cache
echo "C + libzip:          $(per_run /tmp/libzip_reader "$file") ms per open + read"
echo "Swift + ZIPFoundation: $(per_run "$zf" "$file") ms per open + read"
