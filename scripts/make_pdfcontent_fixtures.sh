#!/bin/sh
# Fixtures of Tests/PDFContentTests, made by qpdf. A sample rewritten with object streams and a
# cross-reference stream (PDF 1.5), the structure Word and WPS write and the samples do not.
# Needs qpdf (apt-get install qpdf); the tests use the committed file.
set -eu
cd "$(dirname "$0")/.."
qpdf --object-streams=generate --compress-streams=y samples/lo_2021_combined_dash.pdf \
    Tests/PDFContentTests/Fixtures/object_streams.pdf
# The same sample "protected" as reports often are: no user password (it opens for anyone), an
# owner password restricting copying. RC4 40 and 128 bit, AES-128 (read by PDFContent) and
# AES-256 (left to Poppler).
S=samples/lo_2021_combined_dash.pdf
F=Tests/PDFContentTests/Fixtures
qpdf --allow-weak-crypto --encrypt "" owner-secret 40 -- "$S" "$F/restricted_rc4_40.pdf"
qpdf --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n -- "$S" "$F/restricted_rc4_128.pdf"
qpdf --encrypt "" owner-secret 128 --use-aes=y -- "$S" "$F/restricted_aes_128.pdf"
qpdf --encrypt "" owner-secret 256 -- "$S" "$F/restricted_aes_256.pdf"
