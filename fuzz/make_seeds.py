#!/usr/bin/env python3
"""Regenerates the text seeds in fuzz/seeds/ (run once; the files are committed).

- *.layout.txt: `pdftotext -layout` of two sample PDFs (tables laid out in columns)
- *.md: the tables of a sample web page as Markdown pipe tables (Python's html.parser)
Needs poppler-utils (pdftotext). Run from anywhere: python3 fuzz/make_seeds.py
"""
import html.parser
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "seeds")


class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lines, self.row, self.cell, self.in_cell = [], [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.in_cell, self.cell = True, []
        elif tag == "tr":
            self.row = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append("".join(self.cell).split() and " ".join("".join(self.cell).split()) or "")
            self.in_cell = False
        elif tag == "tr" and self.row:
            self.lines.append("| " + " | ".join(self.row) + " |")
        elif tag == "table":
            self.lines.append("")

    def handle_data(self, data):
        if self.in_cell:
            self.cell.append(data)
        elif data.strip():
            self.lines.append(data.strip())


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in ("xinxiang_commerce_2024", "rl_2019_separate_stsong"):
        subprocess.run(["pdftotext", "-layout", os.path.join(ROOT, "samples", name + ".pdf"),
                        os.path.join(OUT, name + ".layout.txt")], check=True)
    p = Tables()
    with open(os.path.join(ROOT, "samples", "html", "pingtan_2024_article.html"), encoding="utf-8") as f:
        p.feed(f.read())
    with open(os.path.join(OUT, "pingtan_2024_article.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(p.lines) + "\n")


if __name__ == "__main__":
    main()
