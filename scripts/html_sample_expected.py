#!/usr/bin/env python3
"""Write samples/html/NAME.expected.json for the real web-page samples.

The expected values are read off the HTML source independently of gongkai: Python's own
html.parser lists each <table>'s <tr>s and their <td> texts, and the row of every template
key is given by hand below (its <tr> index, counted from 0 in the table, as checked against
the page). Table 二 values are written out by hand and each one is asserted against its cell.

Blank cells (nothing but whitespace / &nbsp;) are null, as the contract says (spec: "a cell
that is blank or unreadable is null and gets a warning"), even where the publisher meant 0
(shanghai_bgt_2019_fragment leaves zeros blank). Checks follow spec/report-schema.md: an
identity involving a null is "not checkable" for that row/column, not failed.

Run from the repository root:  python3 scripts/html_sample_expected.py
"""
import html.parser, json, os, re
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "samples", "html")
APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org", "total"]
GROUPS = ["review", "litigation_direct", "litigation_after_review"]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]


class Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table": self.tables.append([])
        elif tag == "tr": self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = [""]
            self.tables[-1][-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag in ("td", "th"): self.cell = None

    def handle_data(self, data):
        if self.cell is not None: self.cell[0] += data


def text(cell):
    return re.sub(r"[\s\u00a0\u3000]+", "", cell[0])


def number(s):
    """A cell as the contract reads it: blank → None, dash/无// → 0, else the number."""
    if s == "": return None
    if s in ("—", "-", "无", "/"): return 0
    s = s.removesuffix("元").removesuffix("万")
    d = Decimal(s)
    return int(d) if d == d.to_integral_value() and "." not in s else float(d)


def rows_2019():
    withheld = ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                "internal_affairs", "process_information", "enforcement_files", "inquiry_matters"]
    unable = ["not_held", "needs_creation", "unclear_after_correction"]
    not_processed = ["petition_complaint", "duplicate", "publications", "excessive_requests", "confirmation"]
    rows = [("new_received", 3), ("carried_over", 4), ("results.granted", 5), ("results.partially_granted", 6)]
    rows += [(f"results.withheld.{k}", 7 + i) for i, k in enumerate(withheld)]
    rows += [(f"results.unable.{k}", 15 + i) for i, k in enumerate(unable)]
    rows += [(f"results.not_processed.{k}", 18 + i) for i, k in enumerate(not_processed)]
    return rows


# Per sample: table 二 by hand, as (row, column, value, <tr>, <td>) in table 0; table 三 rows as
# (path, <tr>) in table 1 (values: the last seven <td>s of the row); table 四 <tr> in table 2.
SAMPLES = {
    "pingtan_2019_article": dict(
        report={"title": "平潭综合实验区2019年政府信息公开工作年度报告", "agency": "平潭综合实验区", "year": 2019,
                "template": "2019", "tables": {"proactive": "2019", "applications": "2019", "review_litigation": "2019"}},
        proactive=[
            ("rules", "new_made", 0, 2, 1), ("rules", "new_published", 0, 2, 2), ("rules", "total_published", 0, 2, 3),
            ("normative_documents", "new_made", 89, 3, 1), ("normative_documents", "new_published", 89, 3, 2),
            ("normative_documents", "total_published", 89, 3, 3),
            ("licensing", "previous_year_items", 396, 6, 1), ("licensing", "change", 0, 6, 2), ("licensing", "decisions", 181, 6, 3),
            ("other_external_services", "previous_year_items", 10, 7, 1), ("other_external_services", "change", 0, 7, 2),
            ("other_external_services", "decisions", 153, 7, 3),
            ("penalty", "previous_year_items", 2648, 10, 1), ("penalty", "change", 0, 10, 2), ("penalty", "decisions", 430, 10, 3),
            ("coercion", "previous_year_items", 126, 11, 1), ("coercion", "change", 0, 11, 2), ("coercion", "decisions", 25, 11, 3),
            ("fees", "previous_year_items", 35, 14, 1), ("fees", "change", 0, 14, 2),
            ("procurement", "projects", 135, 17, 1), ("procurement", "amount", 75394432.52, 17, 2),
        ],
        unit="元",
        applications=rows_2019() + [("results.other_handling", 23), ("results.total", 24), ("carried_forward", 25)],
        review_row=3,
    ),
    "pingtan_2024_article": dict(
        report={"title": "平潭综合实验区2024年度政府信息公开工作年度报告", "agency": "平潭综合实验区", "year": 2024,
                "template": "2021", "tables": {"proactive": "2021", "applications": "2021", "review_litigation": "2021"}},
        proactive=[
            ("rules", "issued", 0, 2, 1), ("rules", "repealed", 0, 2, 2), ("rules", "in_force", 0, 2, 3),
            ("normative_documents", "issued", 62, 3, 1), ("normative_documents", "repealed", 33, 3, 2),
            ("normative_documents", "in_force", 440, 3, 3),
            ("licensing", "decisions", 4529, 6, 1),
            ("penalty", "decisions", 1100, 9, 1),
            ("coercion", "decisions", 65, 10, 1),
            ("fees", "amount_wan_yuan", 18651.06, 13, 1),
        ],
        applications=rows_2019() + [("results.other.no_correction", 23), ("results.other.fee_unpaid", 24),
                                    ("results.other.other", 25), ("results.total", 26), ("carried_forward", 27)],
        review_row=3,
    ),
    "shanghai_bgt_2019_fragment": dict(
        report={"title": "2019年上海市人民政府办公厅政府信息公开工作年度报告", "agency": "上海市人民政府办公厅", "year": 2019,
                "template": "2019", "tables": {"proactive": "2019", "applications": "2019", "review_litigation": "2019"}},
        # Rows 6, 7, 10, 11: the 上一年项目数量 value spans two columns, so <td> 1 is it, <td> 2 本年增/减.
        proactive=[
            ("rules", "new_made", 13, 2, 1), ("rules", "new_published", 13, 2, 2), ("rules", "total_published", 524, 2, 3),
            ("normative_documents", "new_made", 60, 3, 1), ("normative_documents", "new_published", 60, 3, 2),
            ("normative_documents", "total_published", 368, 3, 3),
            ("licensing", "previous_year_items", 0, 6, 1), ("licensing", "change", 0, 6, 2), ("licensing", "decisions", 0, 6, 3),
            ("other_external_services", "previous_year_items", 0, 7, 1), ("other_external_services", "change", 0, 7, 2),
            ("other_external_services", "decisions", 0, 7, 3),
            ("penalty", "previous_year_items", 0, 10, 1), ("penalty", "change", 0, 10, 2), ("penalty", "decisions", 0, 10, 3),
            ("coercion", "previous_year_items", 0, 11, 1), ("coercion", "change", 0, 11, 2), ("coercion", "decisions", 0, 11, 3),
            ("fees", "previous_year_items", 0, 14, 1), ("fees", "change", 0, 14, 2),
            ("procurement", "projects", 6, 17, 1), ("procurement", "amount", 251000, 17, 2),
        ],
        unit="元",
        applications=rows_2019() + [("results.other_handling", 23), ("results.total", 24), ("carried_forward", 25)],
        review_row=3,
    ),
}


# The label each table 三 row must carry (checked against the <tr>'s own text).
LABELS = {
    "new_received": "本年新收", "carried_over": "上年结转", "results.granted": "予以公开", "results.partially_granted": "部分公开",
    "results.withheld.state_secret": "国家秘密", "results.withheld.prohibited_by_law": "禁止公开",
    "results.withheld.security_stability": "三安全一稳定", "results.withheld.third_party_rights": "第三方合法权益",
    "results.withheld.internal_affairs": "内部事务", "results.withheld.process_information": "过程性信息",
    "results.withheld.enforcement_files": "行政执法案卷", "results.withheld.inquiry_matters": "行政查询事项",
    "results.unable.not_held": "不掌握", "results.unable.needs_creation": "另行制作", "results.unable.unclear_after_correction": "仍不明确",
    "results.not_processed.petition_complaint": "信访举报", "results.not_processed.duplicate": "重复申请",
    "results.not_processed.publications": "公开出版物", "results.not_processed.excessive_requests": "大量反复",
    "results.not_processed.confirmation": "重新出具", "results.other.no_correction": "逾期不补正",
    "results.other.fee_unpaid": "缴纳费用", "results.other.other": "3.其他", "results.other_handling": "其他处理",
    "results.total": "总计", "carried_forward": "结转下年度",
}


def setp(d, path, v):
    keys = path.split(".")
    for k in keys[:-1]: d = d.setdefault(k, {})
    d[keys[-1]] = v


def checks(truth):
    a, r = truth["applications"], truth["review_litigation"]
    results = []

    def leaves(d, prefix=""):
        for k, v in d.items():
            p = f"{prefix}.{k}" if prefix else k
            if "natural_person" in v: yield p, v
            else: yield from leaves(v, p)

    rows = dict(leaves(a))
    result_rows = [v for p, v in rows.items() if p.startswith("results.") and p != "results.total"]

    def rule(name, items):
        failed = False
        for values in items:
            if any(v is None for v in values[0] + values[1]): continue  # not checkable
            if sum(values[0]) != sum(values[1]): failed = True
        results.append({"rule": name, "ok": not failed})

    rule("applications.balance", [([a["new_received"][c], a["carried_over"][c]], [a["results"]["total"][c], a["carried_forward"][c]]) for c in APPLICANTS])
    rule("applications.row_total", [([v["total"]], [v[c] for c in APPLICANTS[:6]]) for v in rows.values()])
    rule("applications.results_total", [([a["results"]["total"][c]], [v[c] for v in result_rows]) for c in APPLICANTS])
    rule("review_litigation.totals", [([r[g]["total"]], [r[g][o] for o in OUTCOMES[:4]]) for g in GROUPS])
    return results


def main():
    for name, sp in SAMPLES.items():
        p = Tables()
        p.feed(open(os.path.join(DIR, name + ".html"), encoding="utf-8").read())
        t2, t3, t4 = p.tables
        proactive = {}
        for row, col, value, tr, td in sp["proactive"]:
            cell = text(t2[tr][td])
            assert number(cell) == value, (name, row, col, cell, value)
            proactive.setdefault(row, {})[col] = value
        if "unit" in sp: proactive["procurement"]["unit"] = sp["unit"]
        applications = {}
        for path, tr in sp["applications"]:
            label = "".join(text(c) for c in t3[tr][:-7])
            assert LABELS[path] in label, (name, path, label)
            values = [number(text(c)) for c in t3[tr][-7:]]
            setp(applications, path, dict(zip(APPLICANTS, values)))
        review = {}
        values = [number(text(c)) for c in t4[sp["review_row"]]]
        assert len(values) == 15
        for i, g in enumerate(GROUPS):
            review[g] = dict(zip(OUTCOMES, values[5 * i:5 * i + 5]))
        truth = {"schema_version": 1, "report": sp["report"], "proactive": proactive,
                 "applications": applications, "review_litigation": review}
        truth["checks"] = checks(truth)
        truth["broken_checks"] = [c["rule"] for c in truth["checks"] if not c["ok"]]
        with open(os.path.join(DIR, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(name, "written")


if __name__ == "__main__":
    main()
