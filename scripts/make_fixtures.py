#!/usr/bin/env python3
"""Regenerate the bad-input fixtures in Tests/GongkaiCLITests/Fixtures.

Each file is a real instance of one failure class the CLI must report clearly:
  empty.pdf             0 bytes
  html_error_page.pdf   an HTML error page saved under a .pdf name
  damaged.pdf           a PDF header followed by garbage (Poppler cannot parse it)
  encrypted.pdf         a real report sample encrypted with qpdf (user password "gongkai")
  scanned.pdf           a report page as an image only, no text layer
  not_a_report.pdf      a 部门决算 table: a real PDF, not an annual report
  pre2019_report.pdf    a 2017 report in the old free format (no 2019/2021 tables)
  utf16_no_bom.html     a real report web page saved as UTF-16LE without a byte-order mark
  huge_numbers.pdf      a report sample whose table cells hold 19- to 41-digit numbers
                        (their sums overflow 64-bit integers; written by fuzz/pdfmut.py)
  hostile_geometry.pdf  a page 10^9 pt wide and text scaled by 10^30 (coordinates no raster holds)

Needs: python3 with reportlab, qpdf, poppler-utils; samples/ made first (scripts/make_samples.py).
Deterministic but for qpdf's random encryption salt.
Run from anywhere: python3 scripts/make_fixtures.py
"""
import re
import os, random, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdf_objects import pdf_bytes  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "GongkaiCLITests", "Fixtures")
SAMPLE = os.path.join(ROOT, "samples", "xinxiang_commerce_2024.pdf")


def draw_pdf(path, title, paragraphs, table):
    """A one-page PDF with a centred title, paragraphs and a ruled table (reportlab, STSong-Light)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4
    c.setFont("STSong-Light", 18)
    c.drawCentredString(width / 2, height - 72, title)
    c.setFont("STSong-Light", 11)
    y = height - 110
    for p in paragraphs:
        c.drawString(72, y, p)
        y -= 20
    widths = [200, 80, 80, 80][: len(table[0])]
    row_h = 20
    y -= 10
    for row in table:
        x = 72
        for w, text in zip(widths, row):
            c.rect(x, y - row_h, w, row_h)
            c.drawString(x + 4, y - 14, text)
            x += w
        y -= row_h
    c.showPage()
    c.save()


NOT_A_REPORT = ("某区财政局2024年度部门决算",
                ["一、收入支出决算总表（单位：万元）"],
                [["项目", "预算数", "决算数", "差额"],
                 ["一般公共预算财政拨款收入", "1,203.50", "1,198.22", "5.28"],
                 ["政府性基金预算财政拨款收入", "0", "0", "0"],
                 ["合计", "1,203.50", "1,198.22", "5.28"]])

PRE_2019 = ("某县人民政府2017年政府信息公开工作年度报告",
            ["本报告根据《中华人民共和国政府信息公开条例》要求编制。",
             "一、概述", "2017年，我县认真贯彻落实政府信息公开工作要求。",
             "二、主动公开政府信息情况", "全年主动公开政府信息1523条，其中规范性文件12件。"],
            [["指标", "单位", "数量"],
             ["主动公开政府信息数", "条", "1523"],
             ["收到申请数", "件", "18"],
             ["同意公开答复数", "件", "15"]])


def write_huge_numbers(path):
    """rl_2019_separate_stsong.pdf with every number cell replaced: 8888888888888888888 (fits in a
    64-bit integer, the sum of two does not) in some cells, 40-odd digits in others."""
    sys.path.insert(0, os.path.join(ROOT, "fuzz"))
    import pdfmut
    with open(os.path.join(ROOT, "samples", "rl_2019_separate_stsong.pdf"), "rb") as f:
        pdf = pdfmut.PDF(f.read())
    rng = random.Random(20261128)

    class EveryCell:  # pdfmut skips 30% of cells at random; the fixture replaces every one
        def random(self):
            return 1.0

        def __getattr__(self, name):
            return getattr(rng, name)

    def number(r, digits):
        if "8" in digits and rng.random() < 0.5:
            return "8" * 19
        return "".join(rng.choice(digits[1:] or digits) for _ in range(rng.choice([40, 41])))

    out = pdfmut.mutate_numbers_in_cells(pdf, EveryCell(), number)
    with open(path, "wb") as f:
        f.write(out)


def hostile_geometry():
    """One page 10^9 pt wide whose text is drawn through a 10^30 text matrix, and a second page
    with a 0-size media box; Helvetica, so no font is embedded."""
    content = (b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (2024 report) Tj ET "
               b"BT /F1 12 Tf 1000000000000000000000000000000 0 0 1000000000000000000000000000000 10 10 Tm (huge) Tj ET "
               b"0 0 m 1000000000 1000000000 l S")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1000000000 1000000000] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    ]
    out = pdf_bytes(objects, b"%PDF-1.4\n")
    return bytes(out)


def write_unmapped_fonts(path, source):
    """`source` with every font's /ToUnicode map removed: the pages look the same, but Poppler's
    text is control characters and stray Latin letters (as in reports whose fonts were embedded
    without a Unicode map). Such pages are read by OCR."""
    with tempfile.TemporaryDirectory() as tmp:
        qdf, stripped, fixed = (os.path.join(tmp, n) for n in ("q.pdf", "s.pdf", "f.pdf"))
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", source, qdf], check=True)
        data = open(qdf, "rb").read()
        # Blanked in place (same length), so that fix-qdf only has to redo the stream lengths.
        data = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group(0)), data)
        open(stripped, "wb").write(data)
        with open(fixed, "wb") as out:
            subprocess.run(["fix-qdf", stripped], stdout=out, check=True)
        subprocess.run(["qpdf", "--compress-streams=y", "--object-streams=generate", fixed, path], check=True)


def write_ocr_sandwich(path, source, page=2):
    """Page `page` of `source` as another OCR tool leaves a scan: a 150 dpi grey picture under an
    invisible text layer (Tesseract's own PDF renderer, as ocrmypdf writes: GlyphLessFont, text
    render mode 3)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-f", str(page), "-l", str(page), source,
                        os.path.join(tmp, "p")], check=True)
        png = [p for p in os.listdir(tmp) if p.endswith(".png")][0]
        subprocess.run(["tesseract", os.path.join(tmp, png), os.path.join(tmp, "sandwich"), "-l", "chi_sim", "--dpi", "150", "pdf"],
                       check=True, capture_output=True)
        os.replace(os.path.join(tmp, "sandwich.pdf"), path)


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(SAMPLE):
        print(f"missing {SAMPLE}: run scripts/make_samples.py first", file=sys.stderr)
        return 1
    rng = random.Random(20261127)
    open(os.path.join(OUT, "empty.pdf"), "wb").close()
    with open(os.path.join(OUT, "html_error_page.pdf"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                "<body><h1>404 Not Found</h1><p>nginx</p></body></html>\n")
    with open(os.path.join(OUT, "damaged.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
        f.write(bytes(rng.randrange(256) for _ in range(3000)))
    draw_pdf(os.path.join(OUT, "not_a_report.pdf"), *NOT_A_REPORT)
    draw_pdf(os.path.join(OUT, "pre2019_report.pdf"), *PRE_2019)
    subprocess.run(["qpdf", "--encrypt", "gongkai", "owner-secret", "256", "--", SAMPLE,
                    os.path.join(OUT, "encrypted.pdf")], check=True)
    # Every encryption qpdf writes, with a user password and owner-only, over a small PDF: the
    # password matrix of PasswordTests (none, wrong, right must never crash).
    enc = os.path.join(OUT, "encrypted")
    os.makedirs(enc, exist_ok=True)
    small = os.path.join(OUT, "not_a_report.pdf")
    for name, user, args in [("rc4_40_user", "gongkai", ["40"]), ("rc4_128_user", "gongkai", ["128", "--use-aes=n"]),
                             ("aes_128_user", "gongkai", ["128", "--use-aes=y"]), ("aes_256_user", "gongkai", ["256"]),
                             ("rc4_40_owner_only", "", ["40"]), ("aes_256_owner_only", "", ["256"])]:
        subprocess.run(["qpdf", "--allow-weak-crypto", "--encrypt", user, "owner-secret", *args, "--", small,
                        os.path.join(enc, name + ".pdf")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        # A scan: the table page rendered to a grey image, placed alone on a page.
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", "-f", "2", "-l", "2", SAMPLE,
                        os.path.join(tmp, "scan")], check=True)
        png = [p for p in os.listdir(tmp) if p.endswith(".png")][0]
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
        c = canvas.Canvas(os.path.join(OUT, "scanned.pdf"), pagesize=A4, invariant=1)
        c.drawImage(os.path.join(tmp, png), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
        c.save()
    with open(os.path.join(ROOT, "samples", "html", "pingtan_2024_article.html"), encoding="utf-8") as f:
        page = f.read()
    with open(os.path.join(OUT, "utf16_no_bom.html"), "wb") as f:
        f.write(page.encode("utf-16-le"))
    write_huge_numbers(os.path.join(OUT, "huge_numbers.pdf"))
    # Pages read by OCR although they have text: beside the scans (the batch tests take Fixtures/ as bad input).
    scans = os.path.join(ROOT, "Tests", "GongkaiCLITests", "ScanFixtures")
    write_unmapped_fonts(os.path.join(scans, "unmapped_fonts.pdf"), os.path.join(ROOT, "samples", "lo_2021_combined_dash.pdf"))
    write_ocr_sandwich(os.path.join(scans, "ocr_sandwich.pdf"), os.path.join(ROOT, "samples", "lo_2021_combined_dash.pdf"))
    with open(os.path.join(OUT, "hostile_geometry.pdf"), "wb") as f:
        f.write(hostile_geometry())
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
