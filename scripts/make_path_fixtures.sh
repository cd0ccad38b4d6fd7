#!/bin/sh
# Fixtures of Tests/PopplerKitTests (the paths pages paint, read by Poppler's interpreter): a
# sample rewritten with object streams (PDF 1.5, as Word and WPS write), the same sample
# protected as reports often are (no user password, an owner password restricting copying: RC4
# 40/128, AES-128, AES-256), one that needs a user password, and one whose content stream is
# LZW-compressed (old Acrobat; qpdf does not write LZW, so scripts/make_lzw_pdf.py does).
# Needs qpdf and python3; the tests use the committed files.
set -eu
cd "$(dirname "$0")/.."
S=samples/lo_2021_combined_dash.pdf
F=Tests/PopplerKitTests/Fixtures
qpdf --object-streams=generate --compress-streams=y "$S" "$F/object_streams.pdf"
qpdf --allow-weak-crypto --encrypt "" owner-secret 40 -- "$S" "$F/restricted_rc4_40.pdf"
qpdf --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n -- "$S" "$F/restricted_rc4_128.pdf"
qpdf --encrypt "" owner-secret 128 --use-aes=y -- "$S" "$F/restricted_aes_128.pdf"
qpdf --encrypt "" owner-secret 256 -- "$S" "$F/restricted_aes_256.pdf"
qpdf --encrypt user-secret owner-secret 256 -- "$S" "$F/password_aes_256.pdf"
python3 scripts/make_lzw_pdf.py "$F/lzw_grid.pdf"
