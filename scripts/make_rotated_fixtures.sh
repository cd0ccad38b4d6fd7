#!/bin/sh
# Fixtures of Tests/GongkaiCLITests/RotatedPageTests.swift and OCRTests.swift: samples whose pages were given a /Rotate
# afterwards, as archives and viewers re-save reports (issue 13). A reportlab report with every
# page turned a quarter (table 三's one-digit cells: Poppler strings each row of them into one
# line across the turned text), and the first table page of a Chromium-printed report turned a
# quarter (Skia's Type 3 fonts have a mirrored matrix: Poppler reads that text backwards).
# Needs qpdf; the tests use the committed files.
#   sh scripts/make_rotated_fixtures.sh     (from anywhere)
set -eu
cd "$(dirname "$0")/.."
F=Tests/GongkaiCLITests/LayoutFixtures
qpdf --deterministic-id samples/rl_2019_separate_stsong.pdf --rotate=+90 "$F/rotate90_rl_2019_separate_stsong.pdf"
qpdf --deterministic-id --empty --pages samples/layouts/web_chromium_ruled.pdf 2 -- --rotate=+90 \
    --object-streams=generate --compress-streams=y --remove-unreferenced-resources=yes "$F/rotate90_chromium_table3_page.pdf"
# A scan given a /Rotate (its text runs down the displayed page): Tesseract's orientation
# detection turns it back before its table is read.
qpdf --deterministic-id Tests/GongkaiCLITests/ScanFixtures/lo_2021_combined_dash_p2_scan.pdf --rotate=+90 \
    Tests/GongkaiCLITests/ScanFixtures/lo_2021_combined_dash_p2_scan_rotate90.pdf
