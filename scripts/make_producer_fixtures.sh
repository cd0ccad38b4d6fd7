#!/bin/sh
# Fixtures of Tests/GongkaiCLITests/ProducerRenderingTests.swift: pages of samples as other
# producers re-make them. Needs poppler-utils, ghostscript and qpdf; CI uses the committed files.
#   sh scripts/make_producer_fixtures.sh     (from anywhere)
set -eu
cd "$(dirname "$0")/.."
F=Tests/GongkaiCLITests/LayoutFixtures
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# A PostScript round trip (printed to PostScript, distilled back): the subset fonts lose their
# ToUnicode maps and Poppler reads the glyph codes through WinAnsi as Latin noise (¬ ® ª «).
# The page holds table 三; its glyphs are read by their shapes (MisencodedGlyphs).
qpdf --empty --pages samples/rl_2021_combined_zero.pdf 2 -- "$T/p2.pdf"
pdftops samples/rl_2021_combined_zero.pdf "$T/rt.ps"
ps2pdf "$T/rt.ps" "$T/rt.pdf"
qpdf --deterministic-id --empty --pages "$T/rt.pdf" 2 -- "$F/ps_roundtrip_rl_2021_combined_zero_p2.pdf"
# Ghostscript's pdfwrite: the CJK font re-encoded as single-byte TrueType fonts without
# ToUnicode, glyph widths of nearly four ems moved back by TJ.
gs -q -o "$T/gs.pdf" -sDEVICE=pdfwrite "$T/p2.pdf"
qpdf --deterministic-id "$T/gs.pdf" "$F/gs_pdfwrite_rl_2021_combined_zero_p2.pdf"
# Text turned into outlines (Ghostscript's -dNoOutputFonts; "convert text to outlines" in print
# tools): no text layer and no picture, only filled glyph paths. The page is read by OCR.
gs -q -o "$T/outlines.pdf" -sDEVICE=pdfwrite -dNoOutputFonts "$T/p2.pdf"
qpdf --deterministic-id --object-streams=generate --recompress-flate --compression-level=9 "$T/outlines.pdf" "$F/outlines_rl_2021_combined_zero_p2.pdf"
