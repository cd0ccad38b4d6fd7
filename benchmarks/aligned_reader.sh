#!/bin/sh
# Times the template-aligned text reader: every document of the text corpora (per-document wall
# time, read through `--tables-from text`), then the worst case this repository can make: a 1 MB
# text of real report tables, glued digit runs and prose repeated, with table labels everywhere.
# Usage: benchmarks/aligned_reader.sh [gongkai binary]   (default .build/release/gongkai)
set -eu
BIN=${1:-.build/release/gongkai}
SHARED=${SHARED:-../shared}
[ -d "$SHARED" ] || SHARED=/work/shared
now() { date +%s.%N; }
total=0; n=0
for f in "$SHARED"/corpus/real-texts/*.txt "$SHARED"/seeds/*.txt "$SHARED"/corpus/synthetic-wide/*.garbled.md "$SHARED"/corpus/synthetic-wide/*.layout.txt; do
    [ -f "$f" ] || continue
    t0=$(now); "$BIN" extract --tables-from text "$f" >/dev/null 2>&1 || true; t1=$(now)
    dt=$(echo "$t1 - $t0" | bc); total=$(echo "$total + $dt" | bc); n=$((n + 1))
    printf '%8.3f s  %s\n' "$dt" "$(basename "$f")"
done
printf 'text corpora: %d documents, %.3f s per document\n' "$n" "$(echo "$total / $n" | bc -l)"

# Worst case: 1 MB of repeated table text, label words and long digit runs with no table end.
big=$(mktemp /tmp/aligned-worst.XXXXXX.txt)
python3 - "$big" "$SHARED/corpus/real-texts/03-pingtan-zone-2021.txt" <<'PY'
import sys
out, src = sys.argv[1], sys.argv[2]
seed = open(src, encoding="utf-8").read()
noise = "信息内容第二十条规章" + "1234567890" * 30 + "申请人情况（一）予以公开" + "0" * 200 + "行政复议结果维持"
text = ""
while len(text.encode("utf-8")) < 1_000_000:
    text += seed + noise
open(out, "w", encoding="utf-8").write(text[:400_000])
PY
printf 'worst case: %s bytes\n' "$(wc -c < "$big")"
t0=$(now); "$BIN" extract --tables-from text "$big" >/dev/null 2>&1 || true; t1=$(now)
printf 'worst case 1 MB text: %.3f s\n' "$(echo "$t1 - $t0" | bc)"
rm -f "$big"
