#!/bin/sh
# Other producers' renderings of some samples: each PDF rewritten by cairo (`pdftocairo -pdf`,
# poppler-utils), which re-embeds every font as Type 3 with glyph boxes as tall as the font's
# bounding box and maps some ideographs to radical characters (⼯ ⺠) — as some real reports do.
# The expected JSON is the original's: the rewrite must read the same.
#   sh scripts/make_rewritten_samples.sh     (from the repository root)
set -eu
out=samples/rewritten
mkdir -p "$out"
for s in lo_2021_combined_dash xinxiang_commerce_2024 layouts/split_t3_borderless; do
    n=$(basename "$s")
    pdftocairo -pdf "samples/$s.pdf" "$out/cairo_$n.pdf"
    cp "samples/$s.expected.json" "$out/cairo_$n.expected.json"
done
