#!/bin/sh
# Fixtures of Tests/PDFContentTests: a sample rewritten by qpdf with object streams and a
# cross-reference stream (PDF 1.5), the structure Word and WPS write and the samples do not.
# Needs qpdf (apt-get install qpdf); the tests use the committed file.
set -eu
cd "$(dirname "$0")/.."
qpdf --object-streams=generate --compress-streams=y samples/lo_2021_combined_dash.pdf \
    Tests/PDFContentTests/Fixtures/object_streams.pdf
