#!/bin/sh
# Test scans of real reports, scored against gongkai's own reading of the originals.
#
#   scripts/make_real_scans.sh OUTDIR REPORT.pdf… [-- make_scans.py options]
#
# For each text-layer PDF, OUTDIR/STEM.scan.pdf is the PDF as a scanner would give it
# (scripts/make_scans.py; default options --dpi 150 --degrees 0.6 --noise 10 --seed 3) and
# OUTDIR/STEM.truth.json (score pairs STEM.scan.pdf with it) the pseudo-truth: `gongkai extract` of
# the original. Then
#
#   /work/shared/tools/score --cmd '.build/release/gongkai extract {input}' 'OUTDIR/*.scan.pdf'
#
# measures how much of what the text layer gives survives the scan. Other settings, e.g.
#   scripts/make_real_scans.sh /tmp/rs200 /work/shared/corpus/real/huaian_*.pdf -- --dpi 200 --degrees -1.2 --noise 14
# (the pseudo-truth is only as good as the text-layer reading: a report whose own totals are
# broken shows its failed checks in both.) The scans are several MB each: keep them out of the repo.
set -eu
[ $# -ge 2 ] || { sed -n '2,15p' "$0"; exit 2; }
out=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
gongkai=${GONGKAI:-$here/../.build/release/gongkai}
inputs=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do inputs="$inputs $1"; shift; done
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- --dpi 150 --degrees 0.6 --noise 10 --seed 3
mkdir -p "$out"
for pdf in $inputs; do
    stem=$(basename "$pdf" .pdf)
    "$gongkai" extract "$pdf" > "$out/$stem.truth.json"
    python3 "$here/make_scans.py" "$pdf" "$out/$stem.scan.pdf" "$@"
    echo "$out/$stem.scan.pdf"
done
