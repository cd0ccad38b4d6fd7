#!/usr/bin/env python3
"""Generate samples/layouts/: reports whose tables use the layouts seen in the field.

Borderless tables (columns only aligned), tables with horizontal rules only, table 三
cut by a page break with and without its header repeated, table 三 on a page stored
portrait with /Rotate 90 or drawn sideways on a portrait page, tables in 楷体/宋体/黑体
at 9 pt, a merged header drawn as separate cells with invisible inner borders plus a
trailing 备注 column and a blank column, and web pages (HTML tables with rowspan/colspan)
printed to PDF by headless Chromium.

The values, labels and logical tables come from make_samples.py (same truth model,
same NAME.expected.json shape); this script only draws them differently. Each sample
is checked after writing: every non-blank value appears in `pdftotext -layout` as
often as it was written, and the page properties the sample is about hold (rotation,
page split, landscape).

Needs (besides make_samples.py's needs): apt `fonts-arphic-gkai00mp`
(AR PL KaitiM GB, a 仿宋/楷体-like face), `fonts-arphic-gbsn00lp` (AR PL SungtiL GB, 宋体),
`fonts-wqy-zenhei` (黑体), `chromium` (the HTML samples; skipped with a message when
missing); pip `pypdf` (rotation).

Run from anywhere:  python3 scripts/make_layout_samples.py [--only NAME ...]
"""
import argparse
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_samples as ms  # noqa: E402

OUT = os.path.join(ms.ROOT, "samples", "layouts")
FONT_FILES = {
    "droid": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "kai": "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    "song": "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    "hei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
}
LATIN = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


# ---------------------------------------------------------------------------
# fonts: a CJK face (digits from it too when it has them) + Liberation Serif
# ---------------------------------------------------------------------------
class Fonts(ms.RLFonts):
    def __init__(self, face):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        self.pm = pdfmetrics
        self.mode = face
        name = "CJK-" + face
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, FONT_FILES[face]))
        if "LiberationSerif" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("LiberationSerif", LATIN))
        self.cjk, self.latin = name, "LiberationSerif"
        cover = pdfmetrics.getFont(name).face.charToGlyph
        own_digits = face != "droid" and all(ord(d) in cover for d in "0123456789")
        self.cover = {k for k in cover if k > 0x2E7F or (own_digits and k >= 0x20)}


# ---------------------------------------------------------------------------
# drawing: rules, page splits, invisible merged headers
# ---------------------------------------------------------------------------
class LayoutDoc(ms.RLDoc):
    def __init__(self, path, sp):
        super().__init__(path, sp)
        self.fonts = Fonts(sp.get("face", "droid"))
        self.c._initialFontName = self.fonts.cjk

    def table(self, g, width):
        L = self.layout(g, width)
        split = self.sp.get("split_t3") if g.role == "t3" else None
        if split is None:
            self.ensure(sum(L["hs"]))
            self.draw_rows(g, width, L, list(range(len(g.rows))))
            return
        self.draw_rows(g, width, L, list(range(split)))
        self.new_page()
        rows = list(range(split, len(g.rows)))
        if self.sp.get("repeat_header"):
            rows = [r for r in range(len(g.rows)) if g.kinds[r] == "header"] + rows
        self.draw_rows(g, width, L, rows)

    def draw_rows(self, g, width, L, rows):
        """Draws the given grid rows (in order, possibly a header repeated above a continuation)."""
        sp = self.sp
        hs, xs, wrapped, regions = L["hs"], L["xs"], L["wrapped"], L["regions"]
        size, lead, padv, padh = L["size"], L["lead"], L["padv"], L["padh"]
        rules = sp.get("rules", {}).get(g.role, sp.get("rules_all", "grid"))
        x0 = (self.left + self.right) / 2 - width / 2
        top_of = {}
        y = self.y
        for r in rows:
            top_of[r] = y
            y -= hs[r]
        bottom = y
        c = self.c
        c.setLineWidth(sp.get("line_w", 0.6))
        shown = set(rows)
        for (r0, c0, r1, c1, text, align) in regions:
            part = [r for r in rows if r0 <= r <= r1]
            if not part:
                continue
            a, b = part[0], part[-1]
            ya, yb = top_of[a], top_of[b] - hs[b]
            xa, xb = x0 + xs[c0], x0 + xs[c1 + 1]
            invisible = rules == "invisible_header" and g.kinds[r0] == "header" and (c1 > c0 or r1 > r0)
            if rules == "grid" or (rules == "invisible_header" and not invisible):
                c.rect(xa, yb, xb - xa, ya - yb, stroke=1, fill=0)
            elif rules == "hrules":
                c.line(xa, ya, xb, ya)
                c.line(xa, yb, xb, yb)
            elif invisible:
                c.line(xa, ya, xb, ya)
                c.line(xa, yb, xb, yb)
                c.line(xa, ya, xa, yb)
                c.line(xb, ya, xb, yb)
            lines = wrapped[(r0, c0)]
            if not lines or r0 not in shown or (r0 < a):
                continue
            if invisible and c1 > c0:
                # The text sits in the separate cells around the middle one (as few as hold it on
                # one line), so it is off-centre when they are an even number.
                a_, b_ = (c0 + c1) // 2, (c0 + c1) // 2
                while self.fonts.width(text.replace("\n", ""), size) > xs[b_ + 1] - xs[a_] - 2 * padh and (a_ > c0 or b_ < c1):
                    if b_ < c1:
                        b_ += 1
                    if self.fonts.width(text.replace("\n", ""), size) > xs[b_ + 1] - xs[a_] - 2 * padh and a_ > c0:
                        a_ -= 1
                xa, xb = x0 + xs[a_], x0 + xs[b_ + 1]
                lines = ms.wrap(self.fonts, text, xb - xa - 2 * padh, size)
            valign = sp.get("valign", "center") if g.kinds[r0] == "data" else "center"
            th = len(lines) * lead
            tt = ya - padv if valign == "top" else ya - ((ya - yb) - th) / 2
            for i, ln in enumerate(lines):
                base = tt - (i + 1) * lead + (lead - size) / 2 + size * 0.14
                if align == "center":
                    x = (xa + xb) / 2 - self.fonts.width(ln, size) / 2
                else:
                    x = xa + padh
                self.fonts.draw(c, x, base, ln, size)
        if rules == "three_line":
            c.setLineWidth(1.0)
            c.line(x0, self.y, x0 + width, self.y)
            c.line(x0, bottom, x0 + width, bottom)
            head = [r for r in rows if g.kinds[r] == "header"]
            if head:
                yh = top_of[head[-1]] - hs[head[-1]]
                c.setLineWidth(0.5)
                c.line(x0, yh, x0 + width, yh)
        self.y = bottom
        self.fresh = False


def make_rl(sp, blocks, path):
    """make_samples.make_rl with LayoutDoc (fonts, rules, splits)."""
    saved = ms.RLDoc
    ms.RLDoc = LayoutDoc
    try:
        ms.make_rl(sp, blocks, path)
    finally:
        ms.RLDoc = saved


def add_columns(g, remarks=True, blank_before_total=False):
    """A trailing 备注 column (blank in the body) and/or a blank unlabelled column."""
    if blank_before_total:
        at = g.n - 1
        g.widths.insert(at, 0.5)
        for row in g.rows:
            row.insert(at, None)
        g.merges = [(r0, c0 + (c0 >= at), r1, c1 + (c1 >= at)) for r0, c0, r1, c1 in g.merges]
        g.n += 1
    if remarks:
        g.widths.append(1.0)
        heads = [i for i, k in enumerate(g.kinds) if k == "header"]
        for i, row in enumerate(g.rows):
            row.append(("备注", "center") if i == 0 else None)
        g.n += 1
        if len(heads) > 1:
            g.merges.append((0, g.n - 1, heads[-1], g.n - 1))


def build_blocks(sp, truth, shown):
    blocks = ms.build_blocks(sp, truth, shown)
    for blk in blocks:
        if blk[0] == "table" and blk[1].role == "t3" and sp.get("t3_columns"):
            add_columns(blk[1], **sp["t3_columns"])
    return blocks


# ---------------------------------------------------------------------------
# Word tables without (vertical) borders: python-docx + LibreOffice
# ---------------------------------------------------------------------------
def make_lo(sp, blocks, pdf, tmp):
    """make_samples' DOCX producer with the table borders overridden: 'none' (no borders) or
    'hrules' (top, bottom and inside-horizontal borders only), as Word users set them."""
    orig = ms.docx_table

    def borders(doc, grid, sp_, width_cm):
        t = orig(doc, grid, sp_, width_cm)
        D = ms._docx()
        qn, OX = D["qn"], D["OxmlElement"]
        b = OX("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"]:
            e = OX("w:" + side)
            on = sp["lo_borders"] == "hrules" and side in ("top", "bottom", "insideH")
            e.set(qn("w:val"), "single" if on else "nil")
            if on:
                e.set(qn("w:sz"), "4")
                e.set(qn("w:color"), "000000")
            b.append(e)
        t._tbl.tblPr.append(b)
        return t
    ms.docx_table = borders
    try:
        docx_path = os.path.join(tmp, sp["name"] + ".docx")
        ms.make_docx(sp, blocks, docx_path)
        shutil.move(ms.lo_convert(docx_path, tmp, tmp), pdf)
    finally:
        ms.docx_table = orig


# ---------------------------------------------------------------------------
# rotation after the fact (pypdf)
# ---------------------------------------------------------------------------
def rotate_landscape_pages(path, mode):
    """Landscape pages become portrait pages: 'rotate90' stores the content turned and sets
    /Rotate 90 (displays upright, as Word does); 'sideways' only turns the content."""
    import pypdf
    r = pypdf.PdfReader(path)
    w = pypdf.PdfWriter(clone_from=r)
    turned = []
    for i, page in enumerate(w.pages):
        box = page.mediabox
        if float(box.width) > float(box.height):
            page.rotate(-90)
            page.transfer_rotation_to_content()
            if mode == "rotate90":
                page.rotate(90)
            turned.append(i)
    w.add_metadata({"/Title": r.metadata.get("/Title", "")})
    with open(path, "wb") as f:
        w.write(f)
    return turned


# ---------------------------------------------------------------------------
# web pages printed by Chromium
# ---------------------------------------------------------------------------
def html_table(g, sp):
    border = sp.get("html_border", True)
    heads = [r for r, k in enumerate(g.kinds) if k == "header"]
    covered = set()
    spans = {}
    for r0, c0, r1, c1 in g.merges:
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered.add((r, c))
    tot = sum(g.widths)
    attrs = sp.get("html_table_attrs")
    out = ['<table class="%s"%s>' % ("ruled" if border else "plain", " " + attrs if attrs else "")]
    out.append("<colgroup>" + "".join('<col style="width:%.1f%%">' % (100 * w / tot) for w in g.widths)
               + "</colgroup>")
    in_head = False
    opened = False
    for r, row in enumerate(g.rows):
        if r in heads and not in_head and g.role == "t3":
            out.append("<thead>")
            in_head = True
        if in_head and r not in heads:
            out.append("</thead><tbody>")
            in_head = False
            opened = True
        out.append("<tr>")
        for c in range(g.n):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            cell = row[c]
            text = cell[0] if cell else ""
            align = cell[1] if cell else "center"
            attrs = (' rowspan="%d"' % rs if rs > 1 else "") + (' colspan="%d"' % cs if cs > 1 else "")
            tag = "th" if g.kinds[r] == "header" else "td"
            body = "<br>".join(html.escape(t) for t in text.split("\n"))
            out.append('<%s%s style="text-align:%s">%s</%s>' % (tag, attrs, align, body, tag))
        out.append("</tr>")
    out.append(("</thead>" if in_head else "</tbody>" if opened else "") + "</table>")
    return "\n".join(out)


def make_html(sp, blocks, html_path):
    size = sp.get("table_size", 10)
    css = """
body { font-family: "%s", sans-serif; font-size: %spt; margin: 0; }
h1 { font-size: 18pt; text-align: center; font-weight: bold; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; }
p { text-indent: 2em; line-height: 1.6; margin: 0; }
table { border-collapse: collapse; width: 100%%; font-size: %spt; margin: 4pt 0 8pt; table-layout: fixed; }
table.ruled td, table.ruled th { border: 1px solid #000; }
td, th { padding: 2pt 3pt; font-weight: normal; vertical-align: middle; }
tr { break-inside: avoid; }
@page { size: A4; margin: 2cm 2cm; }
""" % (sp.get("html_font", "Noto Serif CJK SC"), sp.get("size", 12), size) + sp.get("html_css", "")
    parts = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>'
             % (html.escape(sp["title"]), css)]
    for blk in blocks:
        kind = blk[0]
        if kind == "title":
            parts.append("<h1>%s</h1>" % html.escape(blk[1]))
        elif kind == "h1":
            parts.append("<h2>%s</h2>" % html.escape(blk[1]))
        elif kind == "p":
            parts.append("<p>%s</p>" % html.escape(blk[1]))
        elif kind == "table":
            parts.append(html_table(blk[1], sp))
    parts.append("</body></html>")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def print_html(html_path, pdf_path):
    with tempfile.TemporaryDirectory(prefix="gongkai-chromium-") as profile:
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--user-data-dir=" + profile, "--print-to-pdf=" + pdf_path, "file://" + html_path],
                       check=True, capture_output=True, timeout=120)


# ---------------------------------------------------------------------------
# the samples
# ---------------------------------------------------------------------------
BASE = dict(producer="rl", profile="busy", table_size=10, t3_size=9, size=11)
SAMPLES = [
    dict(BASE, name="borderless_2021_combined", seed=3021301, template="2021", year=2023,
         agency="衢州市柯城区司法局", title="衢州市柯城区司法局2023年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="1.2", t2_layout="combined",
         rules_all="none", break_before_t3=True, break_before_t4=False,
         covers="No ruling lines at all: tables 二 (combined), 三 and 四 are aligned text only; "
                "wrapped labels, centred numbers, merged headers only by position."),
    dict(BASE, name="hrules_2019_separate", seed=3019302, template="2019", year=2020,
         agency="驻马店市平舆县农业农村局", title="驻马店市平舆县农业农村局2020年政府信息公开工作年度报告",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, plus_sign=True, t2_layout="separate",
         procurement={"projects": 4, "amount": "86.5", "unit": "万元"},
         set={"proactive.licensing.change": 2, "proactive.penalty.change": -1},
         rules_all="hrules", break_before_t3=True, wrap="manual",
         covers="Horizontal rules only (each cell's top and bottom edge, no vertical lines), "
                "2019 format, table 二 as five small tables, manual label breaks, signed change."),
    dict(BASE, name="three_line_2021", seed=3021303, template="2021", year=2024,
         agency="台州市路桥区财政局", title="台州市路桥区财政局2024年政府信息公开工作年度报告",
         zeros={"t2": "/", "t3": "/", "t4": "/"}, fee="0", t2_layout="separate",
         rules_all="three_line", break_before_t3=True, valign="top",
         covers="三线表: a rule above the header, one below it and one below the table; "
                "table 二 as four small tables, numbers top-aligned."),
    dict(BASE, name="split_t3_repeated_header", seed=3021304, template="2021", year=2022,
         agency="温州市鹿城区人力资源和社会保障局", title="温州市鹿城区人力资源和社会保障局2022年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0", t2_layout="combined",
         split_t3=14, repeat_header=True,
         covers="Ruled; table 三 cut by a page break inside （三）不予公开, its three header rows "
                "repeated on the next page (the group label stays on the first part)."),
    dict(BASE, name="split_t3_no_header_2019", seed=3019305, template="2019", year=2019,
         agency="开封市祥符区教育局", title="开封市祥符区教育局2019年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, plus_sign=True, t2_layout="combined",
         procurement={"projects": 2, "amount": "30", "unit": "万元"},
         set={"proactive.licensing.change": 1, "proactive.coercion.change": -1},
         split_t3=19, repeat_header=False,
         covers="Ruled, 2019 format; table 三 cut by a page break inside （四）无法提供, no header on "
                "the continuation page."),
    dict(BASE, name="split_t3_borderless", seed=3021306, template="2021", year=2023,
         agency="丽水市莲都区水利局", title="丽水市莲都区水利局2023年政府信息公开工作年度报告",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, fee="0", t2_layout="combined",
         rules_all="none", split_t3=10, repeat_header=True,
         covers="Borderless table 三 cut by a page break with its header repeated; 二 and 四 borderless too."),
    dict(BASE, name="split_t3_hrules_remarks", seed=3019314, template="2019", year=2020,
         agency="鹤壁市淇滨区市场监督管理局", title="鹤壁市淇滨区市场监督管理局2020年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, plus_sign=True, t2_layout="separate",
         procurement={"projects": 1, "amount": "12.8", "unit": "万元"},
         set={"proactive.licensing.change": 3, "proactive.coercion.change": -1},
         rules_all="hrules", split_t3=17, repeat_header=False, t3_size=8.5,
         t3_columns={"remarks": True, "blank_before_total": False},
         covers="Horizontal rules only, table 三 with a trailing 备注 column cut by a page break "
                "without its header: the continuation's columns come from the first part's."),
    dict(BASE, name="rotate90_t3", seed=3021307, template="2021", year=2024,
         agency="金华市婺城区住房和城乡建设局", title="金华市婺城区住房和城乡建设局2024年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="2.5", t2_layout="combined",
         landscape_t3=True, rotate="rotate90",
         covers="Table 三 on a landscape page stored as a portrait page with /Rotate 90 (content "
                "turned in the page, as Word writes landscape sections)."),
    dict(BASE, name="sideways_t3", seed=3021308, template="2021", year=2022,
         agency="舟山市普陀区交通运输局", title="舟山市普陀区交通运输局2022年政府信息公开工作年度报告",
         zeros={"t2": "/", "t3": "/", "t4": "/"}, fee="0", t2_layout="separate",
         landscape_t3=True, rotate="sideways",
         covers="Table 三 drawn sideways on a portrait page without /Rotate (the reader turns the page)."),
    dict(BASE, name="kai_9pt_song_body", seed=3019309, template="2019", year=2020,
         agency="信阳市光山县人民政府办公室", title="信阳市光山县人民政府办公室2020年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, plus_sign=False, t2_layout="combined",
         procurement={"projects": 6, "amount": "120.75", "unit": "万元"},
         face="kai", table_size=9, t3_size=9, break_before_t3=True,
         covers="Tables in AR PL KaitiM GB (楷体, close to 仿宋) at 9 pt with its own digits; 2019 format."),
    dict(BASE, name="hei_12pt_borderless", seed=3021310, template="2021", year=2025,
         agency="湖州市吴兴区商务局", title="湖州市吴兴区商务局2025年政府信息公开工作年度报告",
         zeros={"t2": "无", "t3": "无", "t4": "无"}, fee="0.06", t2_layout="separate",
         face="hei", table_size=12, t3_size=10.5, size=12, rules_all="none", break_before_t3=True,
         t3_label_widths=[1.4, 1.8, 4.6],
         covers="Borderless tables in WenQuanYi Zen Hei (黑体) at 10.5-12 pt, table 二 as four small tables, zeros as 无."),
    dict(BASE, name="invisible_header_remarks", seed=3021311, template="2021", year=2023,
         agency="宁波市江北区民政局", title="宁波市江北区民政局2023年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0", t2_layout="combined", face="song",
         rules_all="invisible_header", break_before_t3=True, t3_size=8.5,
         t3_columns={"remarks": True, "blank_before_total": True},
         covers="Merged headers drawn as separate cells with invisible inner borders (the text in one "
                "of them), a blank column before 总计 and a trailing 备注 column in table 三; 宋体."),
    dict(name="word_borderless_2019_blanks", producer="lo", seed=3019316, template="2019", year=2020,
         agency="许昌市建安区财政局", title="许昌市建安区财政局2020年政府信息公开工作年度报告",
         font=ms.SERIF, heading_font=ms.SANS, profile="busy", lo_borders="none",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, plus_sign=True, t2_layout="combined",
         procurement={"projects": 0, "amount": "0", "unit": "万元"},
         set={"proactive.licensing.change": 2, "proactive.penalty.change": -3},
         blanks=["proactive.fees.previous_year_items", "proactive.fees.change",
                 "proactive.procurement.projects", "proactive.procurement.amount",
                 "proactive.coercion.previous_year_items", "proactive.coercion.change",
                 "proactive.coercion.decisions"],
         break_before_t3=True, table_size=10.5, cell_line_exact=13,
         covers="A Word table with its borders set to none (python-docx, LibreOffice): 2019 format, "
                "table 二 combined with whole rows left blank (行政强制, 行政事业性收费, 政府集中采购: "
                "null), lines set at one pitch with no cell padding."),
    dict(name="word_hrules_2021_separate", producer="lo", seed=3021317, template="2021", year=2024,
         agency="漯河市召陵区教育局", title="漯河市召陵区教育局2024年政府信息公开工作年度报告",
         font=ms.SANS, heading_font=ms.SANS, profile="small", lo_borders="hrules",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, fee="0", t2_layout="separate",
         blanks=["proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force",
                 "proactive.fees.amount_wan_yuan"],
         wrap="manual", break_before_t3=True, table_size=10, t3_size=9,
         covers="A Word table with horizontal borders only: 2021 format, table 二 as four tables with "
                "the 规章 row and the fee left blank (null), manual label breaks."),
    dict(BASE, name="web_chromium_ruled", producer="html", seed=3021312, template="2021", year=2024,
         agency="杭州市西湖区城市管理局", title="杭州市西湖区城市管理局2024年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0", t2_layout="combined", table_size=10.5,
         covers="A web page (HTML tables with rowspan/colspan, <thead>) printed to PDF by headless "
                "Chromium: table 三 runs over a page break with the header repeated by the browser."),
    dict(BASE, name="web_chromium_cellpadding0", producer="html", seed=3021315, template="2021", year=2023,
         agency="嘉兴市秀洲区人民政府办公室", title="嘉兴市秀洲区人民政府办公室2023年政府信息公开工作年度报告",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0", t2_layout="combined", table_size=9, size=10.5,
         html_table_attrs='border="1" cellspacing="0" cellpadding="0"', html_css="td,th{padding:0}",
         covers="A web page whose tables are written as CMS pages write them (border=1 cellspacing=0 "
                "cellpadding=0, 9 pt), printed by Chromium: text touches the borders, glyph boxes "
                "taller than the rows."),
    dict(name="web_real_pingtan_2019", producer="html_page", page="pingtan_2019_article.html",
         template="2019", year=2019,
         covers="The real 平潭 2019 report page (samples/html) printed by Chromium: Word-exported HTML "
                "with 0.5 pt borders (light grey at 1 px/pt), table 二 printed borderless."),
    dict(name="web_real_pingtan_2024", producer="html_page", page="pingtan_2024_article.html",
         template="2021", year=2024,
         covers="The real 平潭 2024 report page printed by Chromium: rows split by page breaks (the "
                "header row of 三 and of 四 cut in two, their lower borders missing), table 四 across pages."),
    dict(name="web_real_shanghai_2019", producer="html_page", page="shanghai_bgt_2019_fragment.html",
         template="2019", year=2019,
         covers="The real 上海 2019 report fragment printed by Chromium: hairline borders, a row group "
                "label (（四）无法提供) cut by the page break, blank cells."),
    dict(name="web_real_shanghai_2019_landscape", producer="html_page", page="shanghai_bgt_2019_fragment.html",
         template="2019", year=2019, page_css="@page { size: A4 landscape; margin: 1cm }",
         covers="The 上海 fragment printed landscape: table 四's header at the foot of one page, its row "
                "of numbers alone at the top of the next (a page with no table words on it)."),
    dict(name="web_real_pingtan_2019_zoom", producer="html_page", page="pingtan_2019_article.html",
         template="2019", year=2019, page_css="@page { size: A4; margin: 2.5cm } body { zoom: 0.85 }",
         covers="The 平潭 2019 page printed at 85 %: table 二's header stranded at the foot of a page, its "
                "rows on the next; a row group cut by the break."),
    dict(BASE, name="web_chromium_borderless", producer="html", seed=3019313, template="2019", year=2019,
         agency="南阳市卧龙区卫生健康委员会", title="南阳市卧龙区卫生健康委员会2019年政府信息公开工作年度报告",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, plus_sign=True, t2_layout="separate",
         procurement={"projects": 3, "amount": "45", "unit": "万元"},
         set={"proactive.licensing.change": 4, "proactive.penalty.change": -2},
         html_border=False, table_size=10, html_font="Noto Sans CJK SC",
         covers="A web page printed by Chromium whose tables have no borders (2019 format, table 二 as "
                "five tables): the browser's glyph order and spacing, stream tables."),
]


def verify(sp, pdf, truth, shown):
    problems = []
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    tokens = [t.replace(" ", "") for t in re.findall(r"[+\-]?\d+(?:\.\d+)?(?: ?元)?", text)]
    counts = {}
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
    need = {}
    zero_tokens = set(sp.get("zeros", {}).values())
    for s in shown.values():
        if s and s not in zero_tokens:
            need[s] = need.get(s, 0) + 1
    for s, n in need.items():
        if counts.get(s, 0) < n:
            problems.append(f"value {s!r} shown {n}x, found {counts.get(s, 0)}x")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True).stdout
    rots = [int(x) for x in re.findall(r"Page\s+\d+ rot:\s+(\d+)", info)]
    t3_pages = [i for i, p in enumerate(pages) if "申请人情况" in p.replace(" ", "")]
    if sp.get("rotate") == "rotate90" and 90 not in rots:
        problems.append(f"no page with /Rotate 90: {rots}")
    if sp.get("split_t3"):
        ends = [i for i, p in enumerate(pages) if "结转下年度继续办理" in p.replace(" ", "")]
        starts = [i for i, p in enumerate(pages) if "本年新收政府信息公开申请数量" in p.replace(" ", "")]
        if not ends or not starts or ends[0] != starts[0] + 1:
            problems.append(f"table 三 not split over two pages: starts {starts}, ends {ends}")
        if sp.get("repeat_header") and len(t3_pages) != 2:
            problems.append(f"header on pages {t3_pages}, expected repeated")
        if not sp.get("repeat_header") and len(t3_pages) != 1:
            problems.append(f"header on pages {t3_pages}, expected once")
    return problems, {"pages": len(pages) - 1, "rot": rots, "t3": t3_pages}


def build_printed_page(sp):
    """A real report web page from samples/html printed by Chromium; its expected JSON is the
    page's own (the values do not change with the printing)."""
    src = os.path.join(ms.ROOT, "samples", "html", sp["page"])
    pdf = os.path.join(OUT, sp["name"] + ".pdf")
    if sp.get("page_css"):
        # The page as printed with another page setup (paper, orientation, zoom).
        with open(src, "rb") as f:
            raw = f.read()
        at = raw.lower().find(b"</head>")
        css = ("<style>%s</style>" % sp["page_css"]).encode()
        raw = raw[:at] + css + raw[at:] if at >= 0 else css + raw
        with tempfile.TemporaryDirectory(prefix="gongkai-page-") as tmp:
            copy = os.path.join(tmp, sp["page"])
            with open(copy, "wb") as f:
                f.write(raw)
            print_html(copy, pdf)
    else:
        print_html(src, pdf)
    shutil.copy(src[:-len(".html")] + ".expected.json", os.path.join(OUT, sp["name"] + ".expected.json"))
    with open(os.path.join(OUT, sp["name"] + ".expected.json"), encoding="utf-8") as f:
        truth = json.load(f)
    return pdf, truth, {}


def build(sp, tmp):
    if sp["producer"] == "html_page":
        return build_printed_page(sp)
    truth = ms.make_truth(sp)
    shown = ms.shown_values(truth, sp)
    blocks = build_blocks(sp, truth, shown)
    pdf = os.path.join(OUT, sp["name"] + ".pdf")
    if sp["producer"] == "rl":
        make_rl(sp, blocks, pdf)
        if sp.get("rotate"):
            rotate_landscape_pages(pdf, sp["rotate"])
    elif sp["producer"] == "lo":
        make_lo(sp, blocks, pdf, tmp)
    elif sp["producer"] == "html":
        page = os.path.join(tmp, sp["name"] + ".html")
        make_html(sp, blocks, page)
        print_html(page, pdf)
    with open(os.path.join(OUT, sp["name"] + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return pdf, truth, shown


README_HEAD = """# samples/layouts/

Reports whose tables use the layouts met in the field, made by
`python3 scripts/make_layout_samples.py` (do not edit by hand). Values and labels come
from `scripts/make_samples.py` (same truth model and `NAME.expected.json` shape as
`samples/`); only the drawing differs. `gongkai corpus check samples` checks them with the
other samples (it walks subfolders). The reportlab PDFs (turned by pypdf where a sample says so)
are byte-for-byte reproducible; the Chromium PDFs differ between runs in their dates. Each PDF is
checked after writing: every non-blank value appears in `pdftotext -layout` as often as it was
written, and the page property the sample is about holds (/Rotate, the page break in table 三 and
whether its header repeats).

Needs, besides `scripts/make_samples.py`'s: apt `fonts-arphic-gkai00mp`, `fonts-arphic-gbsn00lp`,
`fonts-wqy-zenhei`, `chromium` (HTML samples; skipped when missing); pip `pypdf`.

| file | producer | format / year | covers |
|---|---|---|---|
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    todo = [s for s in SAMPLES if not args.only or s["name"] in args.only]
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README_HEAD)
        for sp in SAMPLES:
            producer = {"rl": "reportlab", "lo": "python-docx → LibreOffice", "html": "HTML → Chromium",
                        "html_page": "real page → Chromium"}[sp["producer"]]
            f.write(f"| `{sp['name']}.pdf` | {producer} | {sp['template']} / {sp['year']} | {sp['covers']} |\n")
    failed = False
    with tempfile.TemporaryDirectory(prefix="gongkai-layouts-") as tmp:
        for sp in todo:
            if sp["producer"] in ("html", "html_page") and not chromium():
                print(f"{sp['name']}: skipped (no chromium)")
                continue
            pdf, truth, shown = build(sp, tmp)
            problems, info = verify(sp, pdf, truth, shown)
            print(f"{sp['name']}: {'ok' if not problems else 'PROBLEMS'} {info}")
            for p in problems:
                print("   -", p)
            failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
