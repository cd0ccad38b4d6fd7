#!/usr/bin/env python3
"""Regenerate the bad-input fixtures in Tests/GongkaiCLITests/Fixtures.

Each file is a real instance of one failure class the CLI must report clearly:
  empty.pdf             0 bytes
  html_error_page.pdf   an HTML error page saved under a .pdf name
  damaged.pdf           a PDF header followed by garbage (Poppler cannot parse it)
  encrypted.pdf         a real report sample encrypted with qpdf (user password "gongkai")
  scanned.pdf           a report page as an image only, no text layer
  not_a_report.pdf      a 部门决算 table made by LibreOffice: a real PDF, not an annual report
  pre2019_report.pdf    a 2017 report in the old free format (no 2019/2021 tables)

Needs: python3 with reportlab, qpdf, poppler-utils, libreoffice-writer, fonts-noto-cjk.
Deterministic apart from PDF timestamps/IDs inside the LibreOffice/qpdf output.
Run from the repository root: python3 scripts/make_fixtures.py
"""
import os, random, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "GongkaiCLITests", "Fixtures")
SAMPLE = os.path.join(ROOT, "samples", "xinxiang_commerce_2024.pdf")


def soffice_pdf(html: str, name: str, tmp: str) -> None:
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(OUT, name + ".pdf"))


STYLE = "<style>body{font-family:'Noto Serif CJK SC';font-size:12pt} td{border:1px solid black;padding:2pt}</style>"

NOT_A_REPORT = f"""<html><head><meta charset="utf-8">{STYLE}</head><body>
<h2>某区财政局2024年度部门决算</h2>
<p>收入支出决算总表（单位：万元）</p>
<table cellspacing="0">
<tr><td rowspan="2">项目</td><td colspan="2">本年收入</td><td colspan="2">本年支出</td></tr>
<tr><td>预算数</td><td>决算数</td><td>预算数</td><td>决算数</td></tr>
<tr><td>一般公共预算财政拨款收入</td><td>1,203.50</td><td>1,198.22</td><td>1,203.50</td><td>1,187.90</td></tr>
<tr><td>政府性基金预算财政拨款收入</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>合计</td><td>1,203.50</td><td>1,198.22</td><td>1,203.50</td><td>1,187.90</td></tr>
</table></body></html>"""

PRE_2019 = f"""<html><head><meta charset="utf-8">{STYLE}</head><body>
<h2>某县人民政府2017年政府信息公开工作年度报告</h2>
<p>本报告根据《中华人民共和国政府信息公开条例》要求编制。</p>
<p>一、概述</p><p>2017年，我县认真贯彻落实政府信息公开工作要求。</p>
<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息1523条，其中规范性文件12件。</p>
<table cellspacing="0">
<tr><td>指标</td><td>单位</td><td>数量</td></tr>
<tr><td>主动公开政府信息数</td><td>条</td><td>1523</td></tr>
<tr><td>收到申请数</td><td>件</td><td>18</td></tr>
<tr><td>同意公开答复数</td><td>件</td><td>15</td></tr>
</table>
<p>三、依申请公开政府信息情况</p><p>全年共受理政府信息公开申请18件，均已按期答复。</p>
</body></html>"""


def main() -> int:
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20261127)
    open(os.path.join(OUT, "empty.pdf"), "wb").close()
    with open(os.path.join(OUT, "html_error_page.pdf"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                "<body><h1>404 Not Found</h1><p>nginx</p></body></html>\n")
    with open(os.path.join(OUT, "damaged.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
        f.write(bytes(rng.randrange(256) for _ in range(3000)))
    with tempfile.TemporaryDirectory() as tmp:
        soffice_pdf(NOT_A_REPORT, "not_a_report", tmp)
        soffice_pdf(PRE_2019, "pre2019_report", tmp)
        if not os.path.exists(SAMPLE):
            print(f"missing {SAMPLE}: run scripts/make_samples.py first", file=sys.stderr)
            return 1
        subprocess.run(["qpdf", "--encrypt", "gongkai", "owner-secret", "256", "--", SAMPLE,
                        os.path.join(OUT, "encrypted.pdf")], check=True)
        # A scan: the table page rendered to a grey image, placed alone on a page.
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", "-f", "2", "-l", "2", SAMPLE,
                        os.path.join(tmp, "scan")], check=True)
        png = [p for p in os.listdir(tmp) if p.startswith("scan") and p.endswith(".png")][0]
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4
        c = canvas.Canvas(os.path.join(OUT, "scanned.pdf"), pagesize=A4, invariant=1)
        c.drawImage(os.path.join(tmp, png), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
        c.save()
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
