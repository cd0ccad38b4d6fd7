#!/usr/bin/env python3
"""Writes a one-page PDF whose content stream (a 4 x 3 grid of stroked lines and one filled
bar) is LZW-compressed (/LZWDecode, EarlyChange 1, ISO 32000-1 §7.4.4), for the test that such
files have their paths read, not rendered. Usage: make_lzw_pdf.py OUT.pdf"""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdf_objects import pdf_bytes  # noqa: E402


def lzw_encode(data: bytes) -> bytes:
    """LZW as PDF writes it: 9- to 12-bit codes, MSB first, clear table 256, EOD 257, the code
    width growing one code early (EarlyChange 1)."""
    out, acc, nbits = bytearray(), 0, 0
    width = 9

    def emit(code):
        nonlocal acc, nbits
        acc = (acc << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)

    table = {bytes([i]): i for i in range(256)}
    nxt = 258
    emit(256)
    w = b""
    for c in data:
        wc = w + bytes([c])
        if wc in table:
            w = wc
            continue
        emit(table[w])
        table[wc] = nxt
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:
            width += 1
        if nxt >= 4094:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            nxt, width = 258, 9
        w = bytes([c])
    if w:
        emit(table[w])
    # EOD: the decoder has grown its table by one more entry by the time it reads this code.
    if nxt + 2 > (1 << width) and width < 12:
        width += 1
    emit(257)
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


def content() -> bytes:
    ops = ["0 G 1 w"]
    for y in (700, 650, 600, 550):          # four rows of lines across
        ops.append(f"72 {y} m 472 {y} l S")
    for x in (72, 272, 472):                # three columns of lines down
        ops.append(f"{x} 550 m {x} 700 l S")
    ops.append("0 g 72 500 400 2 re f")     # a bar drawn as a thin filled box
    return ("\n".join(ops) + "\n").encode()


def main(path: str) -> None:
    stream = lzw_encode(content())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /LZWDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = pdf_bytes(objects, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1])
