#!/bin/sh
# Runs `gongkai extract` of two builds over every corpus and sample PDF and lists the files whose
# JSON differs (byte comparison). Usage: scripts/compare_extract.sh OLD_BINARY NEW_BINARY [OUTDIR]
# Either binary may be given as "-" to reuse outputs already in OUTDIR/old or OUTDIR/new.
set -u
old=$1 new=$2 out=${3:-/tmp/compare_extract}
mkdir -p "$out/old" "$out/new"
files=$(find /work/shared/corpus samples -name '*.pdf' 2>/dev/null | sort)
same=0 differ=0
for f in $files; do
    key=$(printf '%s' "$f" | tr '/' '_')
    for side in old new; do
        eval bin=\$$side
        [ "$bin" = - ] && continue
        "$bin" extract "$f" >"$out/$side/$key.json" 2>"$out/$side/$key.err"
        echo $? >"$out/$side/$key.rc"
    done
    if cmp -s "$out/old/$key.json" "$out/new/$key.json" && cmp -s "$out/old/$key.rc" "$out/new/$key.rc"; then
        same=$((same + 1))
    else
        differ=$((differ + 1)); echo "DIFFERS $f"
    fi
done
echo "identical: $same, different: $differ"
