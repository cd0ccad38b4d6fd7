#!/usr/bin/python3
"""Test scans unlike make_scans.py's grey ones: colour JPEG office scans (yellowed paper, a red
seal, the scanner's dark bed beyond the sheet), fax-like bilevel scans, low-dpi web scans.

    make_colour_scans.py IN.pdf OUT.pdf [--dpi 300] [--out-dpi D] [--quality 60] [--bilevel] [--gray]
        [--seal] [--seal-at X,Y] [--tint] [--border] [--degrees 0.8] [--blur 0.6] [--noise 6]
        [--seed 1] [--pages FIRST-LAST]

Needs Debian's python3-pil, python3-numpy and img2pdf (run it with /usr/bin/python3); CI and the
tests only use the committed fixtures it made:

    ScanFixtures/w011_p2_colour_seal_scan.pdf:
    make_colour_scans.py synthetic-wide/w011.pdf OUT --pages 2-2 --dpi 150 --quality 35 --seal \
        --seal-at 0.55,0.45 --tint --degrees 0.6 --noise 3
"""
import argparse, io, os, random, subprocess, sys, tempfile, glob, math
from PIL import Image, ImageDraw, ImageFilter, ImageFont
import numpy as np
import img2pdf

ap = argparse.ArgumentParser()
ap.add_argument("inp"); ap.add_argument("out")
ap.add_argument("--dpi", type=int, default=300)
ap.add_argument("--out-dpi", type=int, default=0, help="resample to this dpi (web scans)")
ap.add_argument("--quality", type=int, default=60)
ap.add_argument("--bilevel", action="store_true")
ap.add_argument("--gray", action="store_true")
ap.add_argument("--seal", action="store_true")
ap.add_argument("--tint", action="store_true")
ap.add_argument("--border", action="store_true")
ap.add_argument("--degrees", type=float, default=0.8)
ap.add_argument("--blur", type=float, default=0.6)
ap.add_argument("--noise", type=float, default=6)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--seal-at", help="X,Y: the seal's centre as fractions of the page (default: random)")
ap.add_argument("--pages", help="first-last")
a = ap.parse_args()
rng = random.Random(a.seed); nrng = np.random.default_rng(a.seed)
tmp = tempfile.mkdtemp()
rng_pages = ["-f", a.pages.split("-")[0], "-l", a.pages.split("-")[-1]] if a.pages else []
subprocess.run(["pdftoppm", "-r", str(a.dpi), *rng_pages, a.inp, f"{tmp}/p"], check=True)
pages = []
for i, f in enumerate(sorted(glob.glob(f"{tmp}/p*.ppm"))):
    im = Image.open(f).convert("RGB")
    w, h = im.size
    if a.seal and i in (0, len(glob.glob(f"{tmp}/p*.ppm")) - 1, 1):
        ov = Image.new("RGBA", im.size, (0, 0, 0, 0)); d = ImageDraw.Draw(ov)
        r = int(a.dpi * 0.8); cx = int(w * rng.uniform(0.55, 0.75)); cy = int(h * rng.uniform(0.3, 0.7))
        if a.seal_at: cx, cy = int(w * float(a.seal_at.split(",")[0])), int(h * float(a.seal_at.split(",")[1]))
        for k in range(int(a.dpi / 30)):
            d.ellipse([cx - r + k, cy - r + k, cx + r - k, cy + r - k], outline=(220, 40, 40, 170))
        st = int(r * 0.35); pts = []
        for j in range(10):
            ang = -math.pi / 2 + j * math.pi / 5; rr = st if j % 2 == 0 else st * 0.4
            pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        d.polygon(pts, fill=(220, 40, 40, 170))
        try:
            font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", int(r * 0.22))
            txt = "人民政府办公室"
            for j, ch in enumerate(txt):
                ang = math.pi * (1.15 + 0.7 * j / (len(txt) - 1))
                d.text((cx + r * 0.72 * math.cos(ang) - r * 0.1, cy + r * 0.72 * math.sin(ang) - r * 0.1), ch, font=font, fill=(220, 40, 40, 170))
        except OSError:
            pass
        im = Image.alpha_composite(im.convert("RGBA"), ov).convert("RGB")
    if a.tint:
        arr = np.asarray(im).astype(np.float32)
        arr = arr * np.array([0.97, 0.94, 0.84]) + np.array([4, 6, 10])
        im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    im = im.rotate(a.degrees * (1 if i % 2 == 0 else -0.7), resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    if a.border:
        d = ImageDraw.Draw(im); bw = int(a.dpi * 0.12)
        d.rectangle([0, 0, w, bw], fill=(40, 40, 40)); d.rectangle([0, 0, int(bw * 0.6), h], fill=(50, 50, 50))
        d.rectangle([w - int(bw * 0.4), 0, w, h], fill=(70, 70, 70))
    if a.blur > 0: im = im.filter(ImageFilter.GaussianBlur(a.blur))
    if a.noise > 0:
        arr = np.asarray(im).astype(np.float32) + nrng.normal(0, a.noise, (h, w, 1))
        im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    dpi = a.dpi
    if a.out_dpi:
        im = im.resize((int(w * a.out_dpi / a.dpi), int(h * a.out_dpi / a.dpi)), Image.LANCZOS); dpi = a.out_dpi
    buf = io.BytesIO()
    if a.bilevel:
        g = im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1")
        g.save(buf, format="TIFF", compression="group4", dpi=(dpi, dpi))
    elif a.gray:
        im.convert("L").save(buf, format="JPEG", quality=a.quality, dpi=(dpi, dpi))
    else:
        im.save(buf, format="JPEG", quality=a.quality, dpi=(dpi, dpi))
    pages.append(buf.getvalue())
open(a.out, "wb").write(img2pdf.convert(pages))
