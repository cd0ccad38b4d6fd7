#!/usr/bin/env python3
"""Make test scans: a PDF's pages as a scanner would give them, as an image-only PDF.

    scripts/make_scans.py IN.pdf OUT.pdf [--dpi 150] [--degrees 0.8] [--noise 12] [--seed 1] [--pages 2-3]

Each page is rendered grey by `pdftoppm -r DPI -gray`, turned by a small angle, given grey paper
and Gaussian-ish noise, and written as one Flate-compressed DeviceGray image per page (pure
Python: zlib + random; no imaging package needed). The PDF has no text layer, so gongkai reads it
by OCR.
"""
import argparse, math, os, random, subprocess, tempfile, zlib
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdf_objects import pdf_bytes  # noqa: E402


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace(): pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace(): end += 1
        fields.append(data[pos:end]); pos = end
    pos += 1
    w, h = int(fields[1]), int(fields[2])
    return w, h, bytearray(data[pos:pos + w * h])


def scan(w, h, px, degrees, noise, rng, specks=0.0):
    a = math.radians(degrees); s, c = math.sin(a), math.cos(a)
    cx, cy = w / 2, h / 2
    out = bytearray(w * h)
    for y in range(h):
        dy = y - cy
        for x in range(w):
            dx = x - cx
            sx = int(cx + dx * c - dy * s + 0.5); sy = int(cy + dx * s + dy * c + 0.5)
            v = px[sy * w + sx] if 0 <= sx < w and 0 <= sy < h else 255
            v = v * 0.88 + 12 + (rng.gauss(0, noise) if noise else 0)  # grey paper, less than black ink, noise
            if specks and rng.random() < specks: v = rng.randint(40, 160)  # dust: compresses far better than noise
            out[y * w + x] = 0 if v < 0 else 255 if v > 255 else int(v)
    return out


def write_pdf(path, pages, dpi):
    objects = []
    def add(body): objects.append(body); return len(objects)
    page_ids = []
    pages_id = 2 + 0  # placeholder; fixed below
    add(b"")  # 1: catalog
    add(b"")  # 2: pages
    for w, h, px in pages:
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        data = zlib.compress(bytes(px), 6)
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data)) + data + b"\nendstream")
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        cid = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (pw, ph, img, cid)))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % i for i in page_ids), len(page_ids))
    out = pdf_bytes(objects, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    open(path, "wb").write(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input"); p.add_argument("output")
    p.add_argument("--dpi", type=int, default=150)
    p.add_argument("--degrees", type=float, default=0.8)
    p.add_argument("--noise", type=float, default=12)
    p.add_argument("--specks", type=float, default=0.0, help="fraction of pixels made dark dust specks")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pages", default=None, help="first-last, e.g. 2-3")
    args = p.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["pdftoppm", "-r", str(args.dpi), "-gray"]
        if args.pages:
            first, last = args.pages.split("-")
            cmd += ["-f", first, "-l", last]
        subprocess.run(cmd + [args.input, os.path.join(tmp, "p")], check=True)
        pages = []
        for name in sorted(os.listdir(tmp)):
            w, h, px = read_pgm(os.path.join(tmp, name))
            pages.append((w, h, scan(w, h, px, args.degrees, args.noise, rng, args.specks)))
    write_pdf(args.output, pages, args.dpi)


if __name__ == "__main__":
    main()
