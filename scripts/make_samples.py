#!/usr/bin/env python3
"""Generate the committed sample reports in samples/ (PDF + NAME.expected.json).

Each sample is a complete 政府信息公开工作年度报告 (title, narrative 一…六, tables
二/三/四 in the official 2019 or 2021 format) whose table values are known exactly:
NAME.expected.json holds them in the shape of the regression corpus' *.truth.json
(see the JSON contract in the project spec).

Two producers draw the same logical tables:
  lo  python-docx builds a DOCX whose tables have real merged cells (gridSpan /
      vMerge via cell.merge); LibreOffice converts it to PDF (fonts embedded).
      `lo_template` fills the official blank 2021 template DOCX instead.
  rl  reportlab draws ruled tables itself (merged cells drawn as spans).

Everything is driven by the SAMPLES list below and fixed seeds, so the values
(and the reportlab PDFs byte for byte) are reproducible. LibreOffice PDFs differ
between runs only in their timestamps and document IDs.

Needs: python3 with python-docx and reportlab; libreoffice-writer; poppler-utils;
fonts-noto-cjk, fonts-droid-fallback, fonts-liberation2.
Run from anywhere:  python3 scripts/make_samples.py  [--only NAME ...] [--no-verify]
"""
import argparse
import copy
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "samples")
ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample_assets")
TEMPLATE_DOCX = os.path.join(ASSETS, "template_blank_2021format.docx")
XINXIANG_TEXT = os.path.join(ASSETS, "xinxiang_commerce_2024.txt")

# ---------------------------------------------------------------------------
# The contract: keys and labels
# ---------------------------------------------------------------------------
APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org", "total"]
SIX = APPLICANTS[:6]
GROUPS = ["review", "litigation_direct", "litigation_after_review"]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]

# results leaves in table order: (path under applications.results, group label, item label)
RESULTS_2021 = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld.prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld.security_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld.third_party_rights", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld.internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld.process_information", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld.enforcement_files", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld.inquiry_matters", "（三）不予公开", "8.属于行政查询事项"),
    ("unable.not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable.unclear_after_correction", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed.petition_complaint", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "（五）不予处理", "2.重复申请"),
    ("not_processed.publications", "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed.excessive_requests", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed.confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other.no_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.fee_unpaid", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "（六）其他处理", "3.其他"),
]
RESULTS_2019 = [r for r in RESULTS_2021 if not r[0].startswith("other.")] + \
    [("other_handling", None, "（六）其他处理")]

# manual line breaks used by samples with wrap="manual"
MANUAL_WRAP = {
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
        "（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）",
    "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或\n重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":
        "1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府\n信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请":
        "2.申请人逾期未按收费通知要\n求缴纳费用、行政机关不再处\n理其政府信息公开申请",
    "三、本年度办理结果": "三、本\n年度\n办理\n结果",
    "（三）不予公开": "（三）\n不予\n公开",
    "（四）无法提供": "（四）\n无法\n提供",
    "（五）不予处理": "（五）\n不予\n处理",
    "（六）其他处理": "（六）\n其他\n处理",
    "一、本年新收政府信息公开申请数量": "一、本年新收政府信息\n公开申请数量",
    "二、上年结转政府信息公开申请数量": "二、上年结转政府信息\n公开申请数量",
}

# table 二 blocks: (section label, header cells, rows[(label, key, [columns])])
T2_2021 = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", "rules", ["issued", "repealed", "in_force"]),
      ("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"],
     [("行政许可", "licensing", ["decisions"])]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
     [("行政处罚", "penalty", ["decisions"]), ("行政强制", "coercion", ["decisions"])]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"],
     [("行政事业性收费", "fees", ["amount_wan_yuan"])]),
]
T2_2019 = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "rules", ["new_made", "new_published", "total_published"]),
      ("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"])]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "licensing", ["previous_year_items", "change", "decisions"]),
      ("其他对外管理服务事项", "other_external_services",
       ["previous_year_items", "change", "decisions"])]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "penalty", ["previous_year_items", "change", "decisions"]),
      ("行政强制", "coercion", ["previous_year_items", "change", "decisions"])]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
     [("行政事业性收费", "fees", ["previous_year_items", "change"])]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
     [("政府集中采购", "procurement", ["projects", "amount"])]),
]

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------
def getp(d, path):
    for k in path.split("."):
        d = d[k]
    return d


def setp(d, path, v):
    ks = path.split(".")
    for k in ks[:-1]:
        d = d.setdefault(k, {})
    d[ks[-1]] = v


def number(text):
    """'12.5' -> 12.5, '251000' -> 251000, '0.00' -> 0 (JSON numbers as the truth files)."""
    q = Decimal(text)
    return int(q) if q == q.to_integral_value() else float(text)


def style_label(s, ls):
    """Apply a sample's label style: numbering 1. / 1、 / 1．, bracket and quote width."""
    if not ls:
        return s
    if ls.get("numbering") and ls["numbering"] != ".":
        s = re.sub(r"(^|\n)(\d)\.", lambda m: m.group(1) + m.group(2) + ls["numbering"], s)
    if ls.get("brackets") == "half":
        s = s.replace("（", "(").replace("）", ")")
    if ls.get("quotes") == "straight":
        s = s.replace("“", '"').replace("”", '"')
    return s


# ---------------------------------------------------------------------------
# values (the truth)
# ---------------------------------------------------------------------------
def empty_row():
    return {a: 0 for a in APPLICANTS}


def gen_proactive(rng, tpl, sp):
    prof = sp.get("profile", "small")
    big = prof == "busy"
    p = {}
    if tpl == "2021":
        r_issued = rng.choice([0, 0, 1, 2]) if sp.get("level") == "province" else 0
        p["rules"] = {"issued": r_issued, "repealed": 0 if r_issued == 0 else rng.randint(0, 1),
                      "in_force": r_issued + (rng.randint(3, 40) if r_issued else 0)}
        iss = rng.randint(1, 14 if big else 6)
        p["normative_documents"] = {"issued": iss, "repealed": rng.randint(0, 3),
                                    "in_force": iss + rng.randint(4, 70 if big else 20)}
        p["licensing"] = {"decisions": rng.randint(300, 9000) if big else rng.randint(0, 160)}
        p["penalty"] = {"decisions": rng.randint(40, 1500) if big else rng.randint(0, 30)}
        p["coercion"] = {"decisions": rng.randint(0, 120) if big else rng.choice([0, 0, 1, 3])}
        p["fees"] = {"amount_wan_yuan": number(sp.get("fee", "0"))}
    else:
        mk = rng.randint(0, 8 if big else 3)
        p["rules"] = {"new_made": 0, "new_published": 0, "total_published": 0}
        p["normative_documents"] = {"new_made": mk, "new_published": max(0, mk - rng.randint(0, 1)),
                                    "total_published": mk + rng.randint(5, 60)}

        def item(lo_, hi):
            prev = rng.randint(lo_, hi)
            return {"previous_year_items": prev, "change": rng.choice([0, 0, 1, -1, 2, -3, 4]),
                    "decisions": rng.randint(0, 3 * hi)}
        p["licensing"] = item(20, 180) if big else item(0, 40)
        p["other_external_services"] = item(0, 60) if big else item(0, 8)
        p["penalty"] = item(30, 400) if big else item(0, 30)
        p["coercion"] = item(0, 40) if big else item(0, 5)
        p["fees"] = {"previous_year_items": rng.randint(0, 9), "change": rng.choice([0, 0, -1, 1])}
        pr = sp["procurement"]
        p["procurement"] = {"projects": pr["projects"], "amount": number(pr["amount"]),
                            "unit": pr["unit"]}
    return p


W_2021 = {"granted": 40, "partially_granted": 8, "withheld.state_secret": 0.3,
          "withheld.prohibited_by_law": 1, "withheld.security_stability": 0.3,
          "withheld.third_party_rights": 3, "withheld.internal_affairs": 2,
          "withheld.process_information": 3, "withheld.enforcement_files": 1,
          "withheld.inquiry_matters": 2, "unable.not_held": 16, "unable.needs_creation": 4,
          "unable.unclear_after_correction": 2, "not_processed.petition_complaint": 3,
          "not_processed.duplicate": 3, "not_processed.publications": 1,
          "not_processed.excessive_requests": 1, "not_processed.confirmation": 1,
          "other.no_correction": 2, "other.fee_unpaid": 0.5, "other.other": 2,
          "other_handling": 4}


def gen_applications(rng, tpl, sp):
    prof = sp.get("profile", "small")
    leaves = [r[0] for r in (RESULTS_2021 if tpl == "2021" else RESULTS_2019)]
    new, carried, fwd = {}, {}, {}
    for a in SIX:
        if prof == "none":
            n = c = 0
        elif prof == "busy":
            n = {"natural_person": rng.randint(40, 220), "commercial_enterprise": rng.randint(3, 30),
                 "research_institution": rng.choice([0, 0, 1, 2]),
                 "social_welfare_org": rng.choice([0, 0, 1, 3]),
                 "legal_service_org": rng.randint(0, 12), "other_org": rng.randint(0, 6)}[a]
            c = rng.randint(0, 9) if a == "natural_person" else rng.choice([0, 0, 0, 1])
        else:
            n = {"natural_person": rng.randint(2, 12), "commercial_enterprise": rng.choice([0, 0, 1, 2]),
                 "research_institution": 0, "social_welfare_org": 0,
                 "legal_service_org": rng.choice([0, 0, 1]), "other_org": rng.choice([0, 0, 0, 1])}[a]
            c = rng.choice([0, 0, 1]) if a == "natural_person" else 0
        new[a], carried[a] = n, c
        fwd[a] = min(n + c, rng.choice([0, 0, 1, 2, 3])) if n + c else 0
    res = {leaf: {a: 0 for a in SIX} for leaf in leaves}
    weights = [W_2021[leaf] for leaf in leaves]
    for a in SIX:
        for _ in range(new[a] + carried[a] - fwd[a]):
            leaf = rng.choices(leaves, weights)[0]
            res[leaf][a] += 1

    def with_total(row):
        row = dict(row)
        row["total"] = sum(row[a] for a in SIX)
        return {a: row[a] for a in APPLICANTS}

    apps = {"new_received": with_total(new), "carried_over": with_total(carried), "results": {}}
    for leaf in leaves:
        setp(apps["results"], leaf, with_total(res[leaf]))
    apps["results"]["total"] = with_total({a: sum(res[l][a] for l in leaves) for a in SIX})
    apps["carried_forward"] = with_total(fwd)
    return apps


def gen_review(rng, sp):
    prof = sp.get("rl_profile", sp.get("profile", "small"))
    out = {}
    for g in GROUPS:
        if prof == "none":
            v = [0, 0, 0, 0]
        elif prof == "busy":
            v = [rng.randint(0, 9), rng.randint(0, 3), rng.choice([0, 0, 1, 2]), rng.randint(0, 4)]
        else:
            v = [rng.choice([0, 0, 1, 2]), rng.choice([0, 0, 0, 1]), 0, rng.choice([0, 0, 1])]
        if g == "litigation_after_review" and prof != "busy":
            v = [rng.choice([0, 0, 1]), 0, 0, 0]
        out[g] = dict(zip(OUTCOMES, v + [sum(v)]))
    return out


def make_truth(sp):
    rng = random.Random(sp["seed"])
    tpl = sp["template"]
    truth = {
        "schema_version": 1,
        "report": {"title": sp["title"], "agency": sp["agency"], "year": sp["year"],
                   "template": tpl,
                   "tables": {"proactive": tpl, "applications": tpl, "review_litigation": tpl}},
        "proactive": gen_proactive(rng, tpl, sp),
        "applications": gen_applications(rng, tpl, sp),
        "review_litigation": gen_review(rng, sp),
    }
    for path, v in sp.get("set", {}).items():
        setp(truth, path, v)
    for path in sp.get("blanks", []):
        assert path.startswith("proactive."), "blanks only in table 二"
        setp(truth, path, None)
    broken = sp.get("broken")
    if broken == "applications.results_total":
        # results.total one lower, carried_forward one higher, in the natural_person and total
        # columns: balance and row totals still hold, results.total != sum of its rows.
        a = truth["applications"]
        for col in ("natural_person", "total"):
            a["results"]["total"][col] -= 1
            a["carried_forward"][col] += 1
    elif broken == "review_litigation.totals":
        truth["review_litigation"]["review"]["total"] += 1
    elif broken == "applications.balance":
        a = truth["applications"]
        for col in ("natural_person", "total"):
            a["carried_forward"][col] += 2
    elif broken:
        raise ValueError(broken)
    checks = evaluate_checks(truth)
    failed = [c["rule"] for c in checks if not c["ok"]]
    assert failed == ([broken] if broken else []), (sp["name"], failed)
    truth["checks"] = checks
    truth["broken_checks"] = failed
    return truth


def result_leaf_paths(apps):
    out = []

    def walk(d, prefix):
        for k, v in d.items():
            if k == "total" and prefix == "":
                continue
            if isinstance(v, dict) and "natural_person" in v:
                out.append(prefix + k)
            elif isinstance(v, dict):
                walk(v, prefix + k + ".")
    walk(apps["results"], "")
    return out


def evaluate_checks(truth):
    """The four 勾稽关系 rules of the contract; a null makes that row/column not checkable."""
    apps, rl = truth["applications"], truth["review_litigation"]
    leaves = result_leaf_paths(apps)

    def ok_all(items):
        return all(items)
    bal = []
    rt = []
    for a in APPLICANTS:
        vs = [apps["new_received"][a], apps["carried_over"][a], apps["results"]["total"][a],
              apps["carried_forward"][a]]
        if None not in vs:
            bal.append(vs[0] + vs[1] == vs[2] + vs[3])
        lv = [getp(apps["results"], l)[a] for l in leaves]
        if None not in lv and apps["results"]["total"][a] is not None:
            rt.append(sum(lv) == apps["results"]["total"][a])
    rows = [apps["new_received"], apps["carried_over"], apps["results"]["total"],
            apps["carried_forward"]] + [getp(apps["results"], l) for l in leaves]
    rowt = []
    for r in rows:
        vs = [r[a] for a in APPLICANTS]
        if None not in vs:
            rowt.append(sum(vs[:6]) == vs[6])
    tot = []
    for g in GROUPS:
        vs = [rl[g][o] for o in OUTCOMES]
        if None not in vs:
            tot.append(sum(vs[:4]) == vs[4])
    return [{"rule": "applications.balance", "ok": ok_all(bal)},
            {"rule": "applications.row_total", "ok": ok_all(rowt)},
            {"rule": "applications.results_total", "ok": ok_all(rt)},
            {"rule": "review_litigation.totals", "ok": ok_all(tot)}]


# ---------------------------------------------------------------------------
# what each cell shows
# ---------------------------------------------------------------------------
def shown_values(truth, sp):
    z = sp["zeros"]
    plus = sp.get("plus_sign", False)
    shown = {}
    tpl = sp["template"]
    for _, _, rows in (T2_2021 if tpl == "2021" else T2_2019):
        for _, key, cols in rows:
            for c in cols:
                path = f"proactive.{key}.{c}"
                v = getp(truth, path)
                if v is None:
                    s = ""
                elif key == "fees" and c == "amount_wan_yuan":
                    s = sp.get("fee", "0") if v != 0 else sp.get("money_zero", z["t2"])
                elif key == "procurement" and c == "amount":
                    pr = sp["procurement"]
                    s = (pr["amount"] + pr.get("suffix", "")) if v != 0 else \
                        sp.get("money_zero", z["t2"])
                elif v == 0:
                    s = z["t2"]
                elif c == "change" and v > 0 and plus:
                    s = f"+{v}"
                else:
                    s = str(v)
                shown[path] = s
    apps = truth["applications"]
    paths = ["new_received", "carried_over"] + ["results." + l for l in result_leaf_paths(apps)] + \
        ["results.total", "carried_forward"]
    for p in paths:
        for a in APPLICANTS:
            v = getp(apps, p)[a]
            shown[f"applications.{p}.{a}"] = z["t3"] if v == 0 else str(v)
    for g in GROUPS:
        for o in OUTCOMES:
            v = truth["review_litigation"][g][o]
            shown[f"review_litigation.{g}.{o}"] = z["t4"] if v == 0 else str(v)
    return shown


# ---------------------------------------------------------------------------
# logical tables (shared by both producers)
# ---------------------------------------------------------------------------
class Grid:
    """A ruled table: a full grid of rows x cols; merged regions hold their text in the
    top-left cell. kind per row: 'section', 'header' or 'data'."""

    def __init__(self, widths, role):
        self.widths = widths
        self.n = len(widths)
        self.role = role
        self.rows = []      # list of list of (text, align) or None
        self.kinds = []
        self.merges = []    # (r0, c0, r1, c1)

    def add(self, cells, kind="data", label_cols=1, align_section="center"):
        assert len(cells) == self.n, (len(cells), self.n)
        row = []
        for i, t in enumerate(cells):
            if t is None:
                row.append(None)
                continue
            if kind == "section":
                al = align_section
            elif kind == "header":
                al = "center"
            else:
                al = "left" if i < label_cols else "center"
            row.append((t, al))
        self.rows.append(row)
        self.kinds.append(kind)
        return len(self.rows) - 1

    def merge(self, r0, c0, r1, c1):
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def regions(self):
        """(r0, c0, r1, c1, text, align) for every visible cell (merged regions once)."""
        covered = set()
        region_of = {}
        for m in self.merges:
            r0, c0, r1, c1 = m
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    covered.add((r, c))
            region_of[(r0, c0)] = m
        out = []
        for r, row in enumerate(self.rows):
            for c in range(self.n):
                if (r, c) in region_of:
                    r0, c0, r1, c1 = region_of[(r, c)]
                elif (r, c) in covered:
                    continue
                else:
                    r0, c0, r1, c1 = r, c, r, c
                cell = row[c] or ("", "center")
                out.append((r0, c0, r1, c1, cell[0], cell[1]))
        return out


def t2_grids(tpl, shown, sp):
    blocks = T2_2021 if tpl == "2021" else T2_2019
    ls = sp.get("label_style")
    sec_align = sp.get("t2_section_align", "center")
    widths = [1.45, 1, 1, 1]

    def block_into(g, block):
        sec, hdr, rows = block
        r = g.add([style_label(sec, ls), None, None, None], "section", align_section=sec_align)
        g.merge(r, 0, r, 3)
        hdr = [style_label(h, ls) for h in hdr]
        spans = {4: [(0, 0), (1, 1), (2, 2), (3, 3)], 3: [(0, 0), (1, 1), (2, 3)],
                 2: [(0, 0), (1, 3)]}[len(hdr)]
        cells = [None] * 4
        for h, (a, _) in zip(hdr, spans):
            cells[a] = h
        r = g.add(cells, "header")
        for a, b in spans:
            g.merge(r, a, r, b)
        for label, key, cols in rows:
            cells = [None] * 4
            cells[0] = style_label(label, ls)
            for c, (a, _) in zip(cols, spans[1:]):
                cells[a] = shown[f"proactive.{key}.{c}"]
            r = g.add(cells, "data")
            for a, b in spans:
                g.merge(r, a, r, b)

    if sp.get("t2_layout", "combined") == "combined":
        g = Grid(widths, "t2")
        for b in blocks:
            block_into(g, b)
        return [g]
    out = []
    for b in blocks:
        g = Grid(widths, "t2")
        block_into(g, b)
        out.append(g)
    return out


def t3_grid(tpl, shown, sp, landscape=False):
    ls = sp.get("label_style")
    manual = sp.get("wrap") == "manual"

    def L(s):
        if manual:
            s = MANUAL_WRAP.get(s, s)
        return style_label(s, ls)
    if landscape:
        widths = [2.3, 2.5, 8.2] + [1.75] * 7
    elif manual:
        widths = [1.5, 1.6, 5.6] + [1.15] * 7
    else:
        widths = sp.get("t3_label_widths", [1.5, 1.7, 4.2]) + [1.2] * 7
    g = Grid(widths, "t3")
    g.add([L(T3_NOTE), None, None, "申请人情况"] + [None] * 6, "header")
    g.add([None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"], "header")
    g.add([None] * 4 + ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None], "header")
    for m in [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]:
        g.merge(*m)

    def vals(p):
        return [shown[f"applications.{p}.{a}"] for a in APPLICANTS]

    for p, label in [("new_received", "一、本年新收政府信息公开申请数量"),
                     ("carried_over", "二、上年结转政府信息公开申请数量")]:
        r = g.add([L(label), None, None] + vals(p), label_cols=3)
        g.merge(r, 0, r, 2)
    rows = RESULTS_2021 if tpl == "2021" else RESULTS_2019
    first = len(g.rows)
    group_start = {}
    for path, grp, item in rows:
        if grp is None:
            r = g.add([None, L(item), None] + vals("results." + path), label_cols=3)
            g.merge(r, 1, r, 2)
        else:
            r = g.add([None, None, L(item)] + vals("results." + path), label_cols=3)
            if grp not in group_start:
                group_start[grp] = r
                g.rows[r][1] = (L(grp), "center" if sp.get("group_center") else "left")
    for grp, r0 in group_start.items():
        n = sum(1 for _, gg, _ in rows if gg == grp)
        g.merge(r0, 1, r0 + n - 1, 1)
    r = g.add([None, L("（七）总计"), None] + vals("results.total"), label_cols=3)
    g.merge(r, 1, r, 2)
    g.rows[first][0] = (L("三、本年度办理结果"), "center")
    g.merge(first, 0, r, 0)
    r = g.add([L("四、结转下年度继续办理"), None, None] + vals("carried_forward"), label_cols=3)
    g.merge(r, 0, r, 2)
    return g


def t4_grid(shown, sp):
    g = Grid([1] * 15, "t4")
    outs = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    if sp.get("t4_break_headers"):
        outs = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    g.add(["行政复议"] + [None] * 4 + ["行政诉讼"] + [None] * 9, "header")
    g.add(outs + ["未经复议直接起诉"] + [None] * 4 + ["复议后起诉"] + [None] * 4, "header")
    g.add([None] * 5 + outs + outs, "header")
    g.add([shown[f"review_litigation.{gr}.{o}"] for gr in GROUPS for o in OUTCOMES], "data",
          label_cols=0)
    g.merge(0, 0, 0, 4)
    g.merge(0, 5, 0, 14)
    for c in range(5):
        g.merge(1, c, 2, c)
    g.merge(1, 5, 1, 9)
    g.merge(1, 10, 1, 14)
    return g


# ---------------------------------------------------------------------------
# narrative
# ---------------------------------------------------------------------------
def narrative(sp, truth):
    if sp.get("narrative_file"):
        secs = {}
        cur = None
        with open(sp["narrative_file"], encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("#") or not line.strip():
                    continue
                if line.startswith("@"):
                    cur = line[1:]
                    secs[cur] = []
                else:
                    secs[cur].append(line)
        return secs
    rng = random.Random(sp["seed"] * 7 + 1)
    ag, y = sp["agency"], sp["year"]
    n_new = truth["applications"]["new_received"]["total"]
    n_all = n_new + truth["applications"]["carried_over"]["total"]
    intro = rng.choice([
        f"{y}年，{ag}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》"
        f"和上级关于政务公开工作的部署要求，坚持“以公开为常态、不公开为例外”，持续提升政务公开质量和实效。"
        f"现将本年度政府信息公开工作情况报告如下：",
        f"本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作"
        f"年度报告格式的要求编制。报告所列数据统计期限自{y}年1月1日起至{y}年12月31日止。{y}年，{ag}"
        f"紧紧围绕中心工作，扎实推进政府信息公开各项工作，取得积极成效。",
    ])
    web = rng.randint(180, 3200)
    docs = rng.randint(6, 60)
    jd = rng.randint(2, 20)
    paras = [
        intro,
        f"（一）主动公开。严格落实主动公开基本目录，全年通过门户网站主动公开政府信息{web}条，其中政策文件{docs}件、"
        f"政策解读{jd}篇，及时发布工作动态、通知公告、人事信息等内容，回应社会关切。",
        (f"（二）依申请公开。规范依申请公开受理、审查、答复等工作流程，全年共收到政府信息公开申请{n_new}件，"
         f"加上年结转申请共办理{n_all}件，均在法定期限内予以答复。" if n_new else
         "（二）依申请公开。畅通依申请公开受理渠道，规范办理流程，本年度未收到政府信息公开申请。"),
        "（三）政府信息管理。严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，"
        "对拟公开信息逐条进行合法性、保密性审查，全年未发生泄密事件。",
        "（四）政府信息公开平台建设。持续优化门户网站政府信息公开专栏，规范栏目设置，及时更新维护，"
        "充分发挥政务新媒体信息发布、解读回应和互动交流作用。",
        "（五）监督保障。将政务公开工作纳入年度目标考核，明确分管领导和专门工作人员，"
        f"全年组织政务公开业务培训{rng.randint(1, 6)}次，主动接受社会监督。",
    ]
    problems = [
        rng.choice([
            "本年度政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读形式还不够丰富，"
            "图解、视频等解读方式运用较少；二是部分栏目信息更新不够及时。",
            "对照上级要求，我单位政府信息公开工作还存在主动公开的深度和广度不够、"
            "政务公开工作人员业务水平有待提高等问题。",
        ]),
        "下一步，我们将从以下方面加以改进：一是加强政策解读，丰富解读形式；二是加强栏目日常维护，"
        "确保信息更新及时准确；三是加强业务培训，提升工作人员业务能力。",
    ]
    other = [rng.choice([
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定的按件、按量收费标准，"
        "本年度没有产生信息公开处理费。",
        "本年度无其他需要报告的事项。",
    ])]
    return {"overview": paras, "problems": problems, "other": other}


def build_blocks(sp, truth, shown):
    """The document as a flat list of blocks both producers understand."""
    tpl = sp["template"]
    nar = narrative(sp, truth)
    b = [("title", sp["title"])]
    b.append(("h1", "一、总体情况", {}))
    b += [("p", t) for t in nar["overview"]]
    b.append(("h1", "二、主动公开政府信息情况", {"page_break": sp.get("break_before_t2", False)}))
    for i, g in enumerate(t2_grids(tpl, shown, sp)):
        if i:
            b.append(("gap", 8))
        b.append(("table", g))
    land = sp.get("landscape_t3", False)
    if land:
        b.append(("orient", "landscape"))
    b.append(("h1", "三、收到和处理政府信息公开申请情况",
              {"page_break": sp.get("break_before_t3", False) and not land}))
    b.append(("table", t3_grid(tpl, shown, sp, landscape=land)))
    if land:
        b.append(("orient", "portrait"))
    b.append(("h1", "四、政府信息公开行政复议、行政诉讼情况",
              {"page_break": sp.get("break_before_t4", False)}))
    b.append(("table", t4_grid(shown, sp)))
    b.append(("h1", "五、存在的主要问题及改进情况", {}))
    b += [("p", t) for t in nar["problems"]]
    b.append(("h1", "六、其他需要报告的事项", {}))
    b += [("p", t) for t in nar["other"]]
    return b


# ---------------------------------------------------------------------------
# producer A: python-docx -> LibreOffice
# ---------------------------------------------------------------------------
def _docx():
    import docx  # noqa: F401
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    return locals()


def set_run_font(run, east, latin, size, bold=False):
    D = _docx()
    run.font.size = D["Pt"](size)
    run.font.bold = bold
    run.font.name = latin
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(D["qn"]("w:rFonts"))
    if rf is None:
        rf = D["OxmlElement"]("w:rFonts")
        rpr.insert(0, rf)
    for k, v in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east), ("w:cs", latin)):
        rf.set(D["qn"](k), v)


def docx_cell_write(cell, text, align, sp, size, valign):
    D = _docx()
    p = cell.paragraphs[0]
    pf = p.paragraph_format
    pf.space_before = D["Pt"](0)
    pf.space_after = D["Pt"](0)
    if sp.get("cell_line_exact"):
        pf.line_spacing_rule = D["WD_LINE_SPACING"].EXACTLY
        pf.line_spacing = D["Pt"](sp["cell_line_exact"])
    else:
        pf.line_spacing = 1.0
    p.alignment = {"left": D["WD_ALIGN_PARAGRAPH"].LEFT,
                   "center": D["WD_ALIGN_PARAGRAPH"].CENTER}[align]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        set_run_font(run, sp["font"], sp.get("latin_font", sp["font"]), size)
        if i < len(lines) - 1:
            run.add_break()
    cell.vertical_alignment = {"center": D["WD_ALIGN_VERTICAL"].CENTER,
                               "top": D["WD_ALIGN_VERTICAL"].TOP}[valign]


def docx_table(doc, grid, sp, width_cm):
    D = _docx()
    Cm, qn, OxmlElement = D["Cm"], D["qn"], D["OxmlElement"]
    nrows = len(grid.rows)
    t = doc.add_table(rows=nrows, cols=grid.n)
    t.style = "Table Grid"
    t.alignment = D["WD_TABLE_ALIGNMENT"].CENTER
    t.autofit = False
    tot = sum(grid.widths)
    colw = [width_cm * w / tot for w in grid.widths]
    for i, col in enumerate(t.columns):
        col.width = Cm(colw[i])
    for row in t.rows:
        for i, c in enumerate(row.cells):
            c.width = Cm(colw[i])
    # fixed layout so LibreOffice keeps our column widths
    tblPr = t._tbl.tblPr
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblPr.append(lay)
    for (r0, c0, r1, c1) in grid.merges:
        t.cell(r0, c0).merge(t.cell(r1, c1))
    size = sp.get("table_size", 10.5)
    if grid.role == "t3" and sp.get("t3_size"):
        size = sp["t3_size"]
    for (r0, c0, r1, c1, text, align) in grid.regions():
        valign = sp.get("valign", "center")
        if grid.kinds[r0] != "data":
            valign = "center"
        docx_cell_write(t.cell(r0, c0), text, align, sp, size, valign)
    for r, row in enumerate(t.rows):
        trPr = row._tr.get_or_add_trPr()
        if sp.get("rows_cant_split", True):
            trPr.append(OxmlElement("w:cantSplit"))
        if grid.kinds[r] == "header" and grid.role == "t3" and sp.get("repeat_header"):
            h = OxmlElement("w:tblHeader")
            trPr.append(h)
        tall = sp.get("tall_rows")
        if tall and grid.kinds[r] == "data" and grid.role in tall:
            row.height = Cm(tall[grid.role])
            row.height_rule = D["WD_ROW_HEIGHT_RULE"].AT_LEAST
    if grid.role in ("t4", "t2"):
        # keep small tables on one page: keep-with-next on every row but the last
        for r, row in enumerate(t.rows[:-1]):
            for c in row.cells:
                for p in c.paragraphs:
                    p.paragraph_format.keep_with_next = True
    return t


def docx_add_page_numbers(section, sp):
    D = _docx()
    qn, OxmlElement = D["qn"], D["OxmlElement"]
    p = section.footer.paragraphs[0]
    p.alignment = D["WD_ALIGN_PARAGRAPH"].CENTER
    r1 = p.add_run("— ")
    set_run_font(r1, sp["font"], sp.get("latin_font", sp["font"]), 10)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    tx = OxmlElement("w:t")
    tx.text = "1"
    r.append(tx)
    fld.append(r)
    p._p.append(fld)
    r2 = p.add_run(" —")
    set_run_font(r2, sp["font"], sp.get("latin_font", sp["font"]), 10)


def set_section(section, sp, landscape):
    D = _docx()
    Cm = D["Cm"]
    if landscape:
        section.orientation = D["WD_ORIENT"].LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        m = sp.get("landscape_margins_cm", [1.6, 1.6, 2.0, 2.0])
    else:
        section.orientation = D["WD_ORIENT"].PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        m = sp.get("margins_cm", [2.54, 2.54, 2.8, 2.8])
    section.top_margin, section.bottom_margin = Cm(m[0]), Cm(m[1])
    section.left_margin, section.right_margin = Cm(m[2]), Cm(m[3])


def make_docx(sp, blocks, path):
    D = _docx()
    Pt, Cm = D["Pt"], D["Cm"]
    doc = D["Document"]()
    normal = doc.styles["Normal"]
    normal.font.name = sp.get("latin_font", sp["font"])
    normal.font.size = Pt(sp.get("size", 12))
    rpr = normal.element.get_or_add_rPr()
    rf = rpr.find(D["qn"]("w:rFonts"))
    if rf is None:
        rf = D["OxmlElement"]("w:rFonts")
        rpr.insert(0, rf)
    rf.set(D["qn"]("w:eastAsia"), sp["font"])
    sec = doc.sections[0]
    set_section(sec, sp, False)
    if sp.get("page_numbers"):
        docx_add_page_numbers(sec, sp)
    latin = sp.get("latin_font", sp["font"])
    size = sp.get("size", 12)
    landscape = False
    pending_break = False
    for blk in blocks:
        kind = blk[0]
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = D["WD_ALIGN_PARAGRAPH"].CENTER
            p.paragraph_format.space_after = Pt(12)
            r = p.add_run(blk[1])
            set_run_font(r, sp.get("title_font", sp["font"]), latin, sp.get("title_size", 20), bold=True)
        elif kind == "h1":
            p = doc.add_paragraph()
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_before = Pt(sp.get("h1_before", 6))
            p.paragraph_format.space_after = Pt(3)
            p.paragraph_format.first_line_indent = Pt(size * 2) if sp.get("h1_indent") else None
            if blk[2].get("page_break") or pending_break:
                p.paragraph_format.page_break_before = True
                pending_break = False
            r = p.add_run(blk[1])
            set_run_font(r, sp.get("heading_font", sp["font"]), latin, sp.get("h1_size", size),
                         bold=sp.get("heading_bold", True))
        elif kind == "p":
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.first_line_indent = Pt(size * 2)
            pf.space_after = Pt(0)
            if sp.get("body_line_exact"):
                pf.line_spacing_rule = D["WD_LINE_SPACING"].EXACTLY
                pf.line_spacing = Pt(sp["body_line_exact"])
            else:
                pf.line_spacing = sp.get("body_line", 1.25)
            p.alignment = D["WD_ALIGN_PARAGRAPH"].JUSTIFY
            r = p.add_run(blk[1])
            set_run_font(r, sp["font"], latin, size)
        elif kind == "gap":
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = Pt(blk[1])
        elif kind == "table":
            g = blk[1]
            if g.role == "t3" and landscape:
                w = sp.get("t3_landscape_width_cm", 25.5)
            else:
                w = sp.get("table_width_cm", {}).get(g.role, 15.6)
            docx_table(doc, g, sp, w)
            # a paragraph after every table (Word/LO join adjacent tables otherwise)
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = Pt(6)
        elif kind == "orient":
            landscape = blk[1] == "landscape"
            s = doc.add_section(D["WD_SECTION"].NEW_PAGE)
            set_section(s, sp, landscape)
        else:
            raise ValueError(kind)
    doc.core_properties.author = "gongkai make_samples.py"
    doc.save(path)


def lo_convert(docx_path, outdir, tmp):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, docx_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(outdir, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")


# ---------------------------------------------------------------------------
# producer A': fill the official blank 2021 template (lo_template)
# ---------------------------------------------------------------------------
def fill_template(sp, truth, shown, nar, path):
    D = _docx()
    qn = D["qn"]
    doc = D["Document"](TEMPLATE_DOCX)
    body_font = sp["font"]
    # replace every font the template names (宋体/楷体, theme fonts) with an installed CJK font
    for part in (doc.element, doc.styles.element):
        for rf in part.iter(qn("w:rFonts")):
            for k in list(rf.attrib):
                if k.endswith("Theme") or k.endswith("}hint"):
                    del rf.attrib[k]
            for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rf.set(qn(k), body_font)
    # the template's "auto" paragraph spacing (14pt before each paragraph, in cells too) and its
    # empty spacer paragraphs push table 三 over two pages; drop both
    for sp_el in doc.element.body.iter(qn("w:spacing")):
        for k in ("w:beforeAutospacing", "w:afterAutospacing"):
            if sp_el.get(qn(k)) is not None:
                del sp_el.attrib[qn(k)]
    body = doc.element.body
    for p_el in list(body.iterchildren(qn("w:p"))):
        txt = "".join(t.text or "" for t in p_el.iter(qn("w:t")))
        prev, nxt = p_el.getprevious(), p_el.getnext()
        between_tables = prev is not None and prev.tag == qn("w:tbl") and \
            nxt is not None and nxt.tag == qn("w:tbl")
        if not txt.strip() and p_el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is None \
                and nxt is not None and not between_tables:
            body.remove(p_el)
    paras = doc.paragraphs

    def set_par_text(p, text):
        runs = p.runs
        for r in runs[1:]:
            r._element.getparent().remove(r._element)
        runs[0].text = text

    def clone_after(p, text):
        new = copy.deepcopy(p._p)
        p._p.addnext(new)
        from docx.text.paragraph import Paragraph
        np_ = Paragraph(new, p._parent)
        set_par_text(np_, text)
        return np_

    for p in paras:
        if re.match(r"^[一二三四五六]、", p.text.strip()):
            p.paragraph_format.keep_with_next = True
    title_p = next(p for p in paras if p.text.strip() == "政府信息公开工作年度报告格式模板")
    set_par_text(title_p, sp["title"])
    placeholders = [p for p in paras if p.text.strip().startswith("（文字描述")]
    assert len(placeholders) == 3
    for p, key in zip(placeholders, ["overview", "problems", "other"]):
        texts = nar[key]
        set_par_text(p, texts[0])
        p.paragraph_format.first_line_indent = D["Pt"](24)
        last = p
        for t in texts[1:]:
            last = clone_after(last, t)
    if sp.get("break_before_t3"):
        h = next(p for p in paras if p.text.startswith("三、收到和处理"))
        h.paragraph_format.page_break_before = True
    t2, t3, t4 = doc.tables

    def put(cell, text):
        p = cell.paragraphs[0]
        src = None
        for r in p.runs:
            src = r._element.find(qn("w:rPr"))
            if src is not None:
                break
        for r in list(p.runs):
            r._element.getparent().remove(r._element)
        run = p.add_run(text)
        if src is not None:
            run._element.insert(0, copy.deepcopy(src))
        set_run_font(run, body_font, body_font, 10)
        p.alignment = D["WD_ALIGN_PARAGRAPH"].CENTER
        cell.vertical_alignment = D["WD_ALIGN_VERTICAL"].CENTER

    for r, key, cols in [(2, "rules", ["issued", "repealed", "in_force"]),
                         (3, "normative_documents", ["issued", "repealed", "in_force"]),
                         (6, "licensing", ["decisions"]), (9, "penalty", ["decisions"]),
                         (10, "coercion", ["decisions"]), (13, "fees", ["amount_wan_yuan"])]:
        for i, c in enumerate(cols):
            put(t2.cell(r, 1 + i), shown[f"proactive.{key}.{c}"])
    apps = truth["applications"]
    rows3 = ["new_received", "carried_over"] + ["results." + l for l in result_leaf_paths(apps)] + \
        ["results.total", "carried_forward"]
    assert len(rows3) == len(t3.rows) - 3
    for i, p in enumerate(rows3):
        for j, a in enumerate(APPLICANTS):
            put(t3.cell(3 + i, 3 + j), shown[f"applications.{p}.{a}"])
    for j, (g, o) in enumerate([(g, o) for g in GROUPS for o in OUTCOMES]):
        put(t4.cell(3, j), shown[f"review_litigation.{g}.{o}"])
    doc.core_properties.author = "gongkai make_samples.py"
    doc.core_properties.title = sp["title"]
    doc.save(path)


# ---------------------------------------------------------------------------
# producer B: reportlab
# ---------------------------------------------------------------------------
class RLFonts:
    def __init__(self, mode):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        self.pm = pdfmetrics
        self.mode = mode
        if mode == "stsong":
            if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            self.cjk = self.latin = "STSong-Light"
            self.cover = None
        else:
            if "DroidSansFallback" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(
                    "DroidSansFallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))
                pdfmetrics.registerFont(TTFont(
                    "LiberationSerif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
            self.cjk, self.latin = "DroidSansFallback", "LiberationSerif"
            self.cover = pdfmetrics.getFont(self.cjk).face.charToGlyph

    def runs(self, s):
        """Split into (font, text) runs: CJK glyphs from the CJK font, the rest Latin."""
        if self.cover is None:
            return [(self.cjk, s)] if s else []
        out = []
        for ch in s:
            f = self.cjk if (ord(ch) > 0x2E7F and ord(ch) in self.cover) else self.latin
            if out and out[-1][0] == f:
                out[-1] = (f, out[-1][1] + ch)
            else:
                out.append((f, ch))
        return out

    def width(self, s, size):
        return sum(self.pm.stringWidth(t, f, size) for f, t in self.runs(s))

    def draw(self, c, x, y, s, size):
        for f, t in self.runs(s):
            c.setFont(f, size)
            c.drawString(x, y, t)
            x += self.pm.stringWidth(t, f, size)


NO_LINE_START = set("，。、；：？！）」』”’》〉】%,.;:)")


def wrap(fonts, text, width, size):
    lines = []
    for para in text.split("\n"):
        toks = re.findall(r"[A-Za-z0-9.+\-%/]+|.", para)
        cur = ""
        for t in toks:
            if cur and fonts.width(cur + t, size) > width and t[0] not in NO_LINE_START:
                lines.append(cur)
                cur = t
            else:
                cur += t
        lines.append(cur)
    return lines


class RLDoc:
    def __init__(self, path, sp):
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfgen import canvas
        self.A4, self.landscape_of = A4, landscape
        self.sp = sp
        self.fonts = RLFonts(sp.get("rl_font", "droid"))
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1,
                                    initialFontName=self.fonts.cjk, initialFontSize=12)
        self.c.setTitle(sp["title"])
        self.c.setAuthor("gongkai make_samples.py")
        self.page_no = 1
        self._setup(A4)

    def _setup(self, size):
        self.W, self.H = size
        cm = 28.3465
        land = self.W > self.H
        if land:
            m = self.sp.get("landscape_margins_cm", [1.6, 1.6, 2.0, 2.0])
        else:
            m = self.sp.get("margins_cm", [2.54, 2.54, 2.8, 2.8])
        self.top, self.bottom = self.H - m[0] * cm, m[1] * cm
        self.left, self.right = m[2] * cm, self.W - m[3] * cm
        self.y = self.top
        self.fresh = True

    def footer(self):
        if self.sp.get("page_numbers"):
            s = f"— {self.page_no} —"
            self.fonts.draw(self.c, self.W / 2 - self.fonts.width(s, 10) / 2, 28, s, 10)

    def new_page(self, orient=None):
        self.footer()
        self.c.showPage()
        self.page_no += 1
        size = self.A4 if orient in (None, "portrait") else self.landscape_of(self.A4)
        if orient is None:
            size = (self.W, self.H)
        self.c.setPageSize(size)
        self._setup(size)

    def ensure(self, h):
        if self.y - h < self.bottom and not self.fresh:
            self.new_page()

    def text_block(self, text, size, lead, indent=0, align="left", bold=False, before=0, after=0):
        lines = []
        width = self.right - self.left
        first = True
        for ln in wrap(self.fonts, " " * 0 + text, width - indent, size):
            lines.append((ln, indent if first else 0))
            first = False
        # re-wrap continuation lines to the full width
        if indent:
            head = lines[0]
            rest = "".join(l for l, _ in lines[1:])
            lines = [head] + [(l, 0) for l in wrap(self.fonts, rest, width, size)] if rest else [head]
        self.y -= before
        for ln, ind in lines:
            self.ensure(lead)
            self.y -= lead
            base = self.y + (lead - size) / 2 + size * 0.12
            if align == "center":
                x = (self.left + self.right) / 2 - self.fonts.width(ln, size) / 2
            else:
                x = self.left + ind
            if bold:
                self.c.setLineWidth(size / 30)
                self.c._code.append("2 Tr")
            self.fonts.draw(self.c, x, base, ln, size)
            if bold:
                self.c._code.append("0 Tr")
            self.fresh = False
        self.y -= after

    def table(self, g, width):
        L = self.layout(g, width)
        self.ensure(sum(L["hs"]))
        self.draw_table(g, width, L)

    def layout(self, g, width):
        sp = self.sp
        size = sp.get("table_size", 10)
        if g.role == "t3" and sp.get("t3_size"):
            size = sp["t3_size"]
        lead = size * sp.get("cell_lead", 1.3)
        padv, padh = sp.get("cell_pad_v", 2.5), sp.get("cell_pad_h", 3)
        tot = sum(g.widths)
        colw = [width * w / tot for w in g.widths]
        xs = [0.0]
        for w in colw:
            xs.append(xs[-1] + w)
        nrows = len(g.rows)
        base_h = lead + 2 * padv
        tall = sp.get("tall_rows") or {}
        hs = []
        for r in range(nrows):
            h = base_h
            if g.kinds[r] == "data" and g.role in tall:
                h = max(h, tall[g.role] * 28.3465)
            hs.append(h)
        regions = g.regions()
        wrapped = {}
        for (r0, c0, r1, c1, text, align) in regions:
            w = xs[c1 + 1] - xs[c0] - 2 * padh
            lines = wrap(self.fonts, text, w, size) if text else []
            wrapped[(r0, c0)] = lines
            need = len(lines) * lead + 2 * padv
            if r0 == r1:
                hs[r0] = max(hs[r0], need)
        for (r0, c0, r1, c1, text, align) in regions:
            if r1 > r0:
                need = len(wrapped[(r0, c0)]) * lead + 2 * padv
                have = sum(hs[r0:r1 + 1])
                if need > have:
                    extra = (need - have) / (r1 - r0 + 1)
                    for r in range(r0, r1 + 1):
                        hs[r] += extra
        return dict(hs=hs, xs=xs, wrapped=wrapped, regions=regions, size=size, lead=lead,
                    padv=padv, padh=padh)

    def draw_table(self, g, width, L):
        sp = self.sp
        hs, xs, wrapped, regions = L["hs"], L["xs"], L["wrapped"], L["regions"]
        size, lead, padv, padh = L["size"], L["lead"], L["padv"], L["padh"]
        x0 = (self.left + self.right) / 2 - width / 2
        ys = [self.y]
        for h in hs:
            ys.append(ys[-1] - h)
        c = self.c
        c.setLineWidth(sp.get("line_w", 0.6))
        for (r0, c0, r1, c1, text, align) in regions:
            xa, xb = x0 + xs[c0], x0 + xs[c1 + 1]
            ya, yb = ys[r0], ys[r1 + 1]
            c.rect(xa, yb, xb - xa, ya - yb, stroke=1, fill=0)
            lines = wrapped[(r0, c0)]
            if not lines:
                continue
            valign = sp.get("valign", "center") if g.kinds[r0] == "data" else "center"
            th = len(lines) * lead
            top = ya - padv if valign == "top" else ya - ((ya - yb) - th) / 2
            for i, ln in enumerate(lines):
                base = top - (i + 1) * lead + (lead - size) / 2 + size * 0.14
                if align == "center":
                    x = (xa + xb) / 2 - self.fonts.width(ln, size) / 2
                else:
                    x = xa + padh
                self.fonts.draw(c, x, base, ln, size)
        self.y = ys[-1]
        self.fresh = False

    def save(self):
        self.footer()
        self.c.save()


def make_rl(sp, blocks, path):
    d = RLDoc(path, sp)
    size = sp.get("size", 12)
    lead = size * sp.get("body_lead", 1.6)
    cm = 28.3465
    def table_width(g):
        if g.role == "t3" and d.W > d.H:
            return sp.get("t3_landscape_width_cm", 25.5) * cm
        return sp.get("table_width_cm", {}).get(g.role, 15.6) * cm

    for i, blk in enumerate(blocks):
        kind = blk[0]
        if kind == "h1" and i + 1 < len(blocks) and blocks[i + 1][0] == "table" \
                and not blk[2].get("page_break"):
            # keep a heading with the table that follows it
            g = blocks[i + 1][1]
            need = lead * 2 + 10 + sum(d.layout(g, table_width(g))["hs"])
            if d.y - need < d.bottom and not d.fresh:
                d.new_page()
        if kind == "title":
            ts = sp.get("title_size", 20)
            d.text_block(blk[1], ts, ts * 1.5, align="center", bold=True, after=10)
        elif kind == "h1":
            if blk[2].get("page_break") and not d.fresh:
                d.new_page("portrait")
            d.ensure(lead * 3)
            d.text_block(blk[1], sp.get("h1_size", size), lead, bold=sp.get("heading_bold", True),
                         indent=size * 2 if sp.get("h1_indent") else 0, before=sp.get("h1_before", 4))
        elif kind == "p":
            d.text_block(blk[1], size, lead, indent=size * 2)
        elif kind == "gap":
            d.y -= blk[1]
        elif kind == "table":
            g = blk[1]
            d.y -= 4
            d.table(g, table_width(g))
            d.y -= 6
        elif kind == "orient":
            d.new_page(blk[1])
        else:
            raise ValueError(kind)
    d.save()


# ---------------------------------------------------------------------------
# the samples
# ---------------------------------------------------------------------------
SERIF, SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"

SAMPLES = [
    dict(name="xinxiang_commerce_2024", producer="lo_template", seed=2024001,
         template="2021", year=2024, agency="新乡市商务局",
         title="新乡市商务局2024年政府信息公开工作年度报告",
         narrative_file=XINXIANG_TEXT, font=SERIF, profile="none", rl_profile="none",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0", money_zero="0",
         set={"proactive.rules": {"issued": 0, "repealed": 0, "in_force": 0},
              "proactive.normative_documents": {"issued": 5, "repealed": 1, "in_force": 7},
              "proactive.licensing": {"decisions": 92}, "proactive.penalty": {"decisions": 0},
              "proactive.coercion": {"decisions": 0}, "proactive.fees": {"amount_wan_yuan": 0}},
         break_before_t3=True,
         covers="The real report (seed 000_46ba6e2557a9db6f): the official blank 2021 template DOCX "
                "filled with python-docx (shaded section rows, template borders), all-zero tables 三/四."),
    dict(name="lo_2021_combined_dash", producer="lo", seed=2021101,
         template="2021", year=2023, agency="湖州市自然资源和规划局",
         title="2023年湖州市自然资源和规划局政府信息公开工作年度报告",
         font=SERIF, heading_font=SANS, profile="busy",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, fee="0", money_zero="0.00",
         t2_layout="combined", break_before_t2=True, size=11, table_size=9, t3_size=8.5,
         cell_line_exact=11.5, margins_cm=[1.8, 1.6, 2.4, 2.4], page_numbers=True,
         table_width_cm={"t2": 15.4, "t3": 16.2, "t4": 16.2}, break_before_t4=True,
         covers="Producer A. 2021 format, table 二 as one table, zeros as —, money zero 0.00, "
                "tables 二 and 三 on the same page (page 2), wrapped two-line title, page numbers."),
    dict(name="lo_2021_separate_slash", producer="lo", seed=2021102,
         template="2021", year=2022, agency="嘉兴市南湖区教育局",
         title="2022年嘉兴市南湖区教育局政府信息公开工作年度报告",
         font=SERIF, latin_font="Liberation Serif", heading_font=SANS, profile="small",
         zeros={"t2": "/", "t3": "/", "t4": "/"}, fee="0.386",
         blanks=["proactive.rules.repealed", "proactive.coercion.decisions"],
         t2_layout="separate", break_before_t3=True, wrap="manual", valign="center",
         tall_rows={"t2": 1.1, "t3": 0.7}, size=12, table_size=10, t3_size=9,
         table_width_cm={"t2": 15.4, "t3": 16.0, "t4": 16.0},
         covers="Producer A. 2021, table 二 as four separate tables, zeros as /, blank cells "
                "(null), fee 0.386 万元, tall rows with vertically centred numbers, manual line "
                "breaks in long row labels, Latin digits in Liberation Serif, 二 and 三 on "
                "separate pages."),
    dict(name="lo_2021_landscape_t3", producer="lo", seed=2021103,
         template="2021", year=2025, agency="绍兴市卫生健康委员会",
         title="绍兴市卫生健康委员会2025年度政府信息公开工作年度报告",
         font=SERIF, heading_font=SANS, profile="busy",
         zeros={"t2": "无", "t3": "无", "t4": "无"}, fee="12.5",
         label_style={"numbering": "、", "brackets": "half", "quotes": "straight"},
         landscape_t3=True, t3_size=9, table_size=10.5, repeat_header=True,
         t4_break_headers=True,
         covers="Producer A. 2021, table 三 alone on a landscape page (A4 rotated via the page "
                "size), zeros as 无, fee 12.5 万元, labels with 1、 numbering, half-width "
                "brackets and straight quotes, 'YYYY年度' title."),
    dict(name="lo_2019_combined_signed", producer="lo", seed=2019101,
         template="2019", year=2019, agency="三门峡市生态环境局",
         title="2019年三门峡市生态环境局政府信息公开工作年度报告",
         font=SERIF, heading_font=SANS, profile="busy", level="city",
         zeros={"t2": "0", "t3": "0", "t4": "0"}, plus_sign=True, money_zero="0.00",
         procurement={"projects": 12, "amount": "356.8", "unit": "万元"},
         set={"proactive.licensing.change": 3, "proactive.penalty.change": -2},
         blanks=["proactive.fees.previous_year_items", "proactive.fees.change"],
         t2_layout="combined", break_before_t3=True, break_before_t4=True, table_size=10,
         covers="Producer A. 2019 format (本年新制作数量…, 上一年项目数量/本年增/减, 政府集中采购), "
                "table 二 combined, signed change +3/-2, blank fee cells (null), procurement "
                "356.8 (unit 万元, no unit written), zeros as 0."),
    dict(name="lo_2020_separate_broken_totals", producer="lo", seed=2019102,
         template="2019", year=2020, agency="洛阳市住房和城乡建设局",
         title="洛阳市住房和城乡建设局2020年政府信息公开工作年度报告",
         font=SANS, heading_font=SANS, profile="small", rl_profile="busy",
         zeros={"t2": "—", "t3": "—", "t4": "—"}, plus_sign=False,
         procurement={"projects": 3, "amount": "251000", "unit": "元", "suffix": "元"},
         set={"proactive.licensing.change": 5, "proactive.coercion.change": -2},
         t2_layout="separate", break_before_t3=True, size=12, table_size=10.5,
         broken="review_litigation.totals", page_numbers=True,
         covers="Producer A. 2019 format for 2020, table 二 as five separate tables, zeros as —, "
                "positive change without + sign, procurement written 251000元 (unit 元), "
                "DELIBERATELY BROKEN: review_litigation.review.total is one more than its parts."),
    dict(name="rl_2021_combined_zero", producer="rl", seed=2021201,
         template="2021", year=2024, agency="昆明市官渡区市场监督管理局",
         title="昆明市官渡区市场监督管理局2024年政府信息公开工作年度报告",
         profile="busy", zeros={"t2": "0", "t3": "0", "t4": "0"}, fee="0",
         t2_layout="combined", break_before_t2=True, size=11, table_size=9, t3_size=8.5,
         cell_lead=1.2, cell_pad_v=1.8, margins_cm=[1.8, 1.6, 2.4, 2.4],
         table_width_cm={"t2": 15.0, "t3": 16.2, "t4": 16.2}, page_numbers=True,
         covers="Producer B (reportlab, Droid Sans Fallback + Liberation Serif embedded). 2021, "
                "table 二 combined, zeros as 0, tables 二 and 三 on the same page."),
    dict(name="rl_2021_separate_broken_results", producer="rl", seed=2021202,
         template="2021", year=2023, agency="成都市武侯区民政局",
         title="成都市武侯区民政局2023年政府信息公开工作年度报告",
         profile="busy", zeros={"t2": "—", "t3": "—", "t4": "—"}, fee="3.25",
         blanks=["proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force"],
         t2_layout="separate", break_before_t3=True, wrap="manual", valign="top",
         broken="applications.results_total",
         covers="Producer B. 2021, table 二 as four separate tables with a blank 规章 row (null), "
                "zeros as —, fee 3.25 万元, manual label breaks, numbers top-aligned, "
                "DELIBERATELY BROKEN: results.total (自然人 and 总计) one less than the sum of "
                "its rows (carried_forward one more, so balance and row totals still hold)."),
    dict(name="rl_2022_landscape_t3", producer="rl", seed=2021203,
         template="2021", year=2022, agency="南平市建阳区人民政府",
         title="2022年南平市建阳区人民政府政府信息公开工作年度报告",
         profile="busy", zeros={"t2": "/", "t3": "/", "t4": "/"}, fee="0.5",
         t2_layout="combined", landscape_t3=True, t3_size=9, table_size=10.5,
         cell_lead=1.2, cell_pad_v=1.6,
         group_center=True,
         covers="Producer B. 2021, table 三 alone on a landscape page, zeros as /, fee 0.5 万元, "
                "centred group labels."),
    dict(name="rl_2020_combined_signed_tall", producer="rl", seed=2019201,
         template="2019", year=2020, agency="宜昌市交通运输局",
         title="宜昌市交通运输局2020年政府信息公开工作年度报告",
         profile="busy", zeros={"t2": "无", "t3": "无", "t4": "无"}, plus_sign=True,
         procurement={"projects": 27, "amount": "1486.35", "unit": "万元"},
         set={"proactive.licensing.change": 3, "proactive.other_external_services.change": -2},
         t2_layout="combined", break_before_t3=True, tall_rows={"t2": 1.0, "t3": 0.72},
         valign="center", table_size=10.5, t4_break_headers=True,
         covers="Producer B. 2019 format for 2020, table 二 combined, signed change +3/-2, "
                "procurement 1486.35 (万元), zeros as 无, tall rows with centred numbers."),
    dict(name="rl_2019_separate_stsong", producer="rl", seed=2019202, rl_font="stsong",
         template="2019", year=2019, agency="兴国县永丰乡人民政府",
         title="兴国县永丰乡人民政府2019年政府信息公开工作年度报告",
         profile="small", zeros={"t2": "/", "t3": "0", "t4": "0"}, plus_sign=True,
         procurement={"projects": 0, "amount": "0", "unit": "万元"},
         blanks=["proactive.procurement.projects", "proactive.procurement.amount"],
         set={"proactive.licensing.change": 3, "proactive.penalty.change": -2},
         t2_layout="separate", break_before_t3=False, size=12, table_size=10.5,
         label_style={"numbering": "．"},
         covers="Producer B with the non-embedded CID font STSong-Light (UniGB-UCS2-H). 2019, "
                "table 二 as five separate tables, blank procurement row (null), zeros / in 二 "
                "and 0 in 三/四, signed change, 1． numbering, no forced page breaks (二 spans pages 1-2)."),
]


# ---------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------
def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True,
                         check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    return [(float(w), float(h)) for w, h in sizes]


def page_texts(pdf):
    t = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                       check=True).stdout
    return t.split("\f")


def verify(sp, pdf, truth, shown):
    problems = []
    pages = page_texts(pdf)
    text = "\n".join(pages)
    tokens = re.findall(r"[+\-]?\d+(?:\.\d+)?(?: ?元)?", text)
    tokens = [t.replace(" ", "") for t in tokens]
    counts = {}
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
    need = {}
    zero_tokens = set(sp["zeros"].values())
    for path, s in shown.items():
        if s == "" or s in zero_tokens:
            continue
        need[s] = need.get(s, 0) + 1
    for s, n in need.items():
        if counts.get(s, 0) < n:
            problems.append(f"value {s!r} shown {n}x, found {counts.get(s, 0)}x in pdftotext")
    for z in zero_tokens:
        n = sum(1 for s in shown.values() if s == z)
        found = text.count(z) if not z.isdigit() else counts.get(z, 0)
        if found < n:
            problems.append(f"zero token {z!r} shown {n}x, found {found}x")
    if truth["report"]["title"][:6] not in text.replace(" ", ""):
        problems.append("title not found")
    sizes = pdf_pages(pdf)
    t3_pages = [i for i, p in enumerate(pages) if "申请人情况" in p]
    t2_pages = [i for i, p in enumerate(pages) if "第二十条第" in p or "第二十条第" in p.replace(" ", "")]
    t4_pages = [i for i, p in enumerate(pages) if "复议后起诉" in p]
    info = {"pages": len(sizes), "t2": t2_pages, "t3": t3_pages, "t4": t4_pages,
            "landscape": [i for i, (w, h) in enumerate(sizes) if w > h]}
    if len(t3_pages) != 1:
        problems.append(f"table 三 header on pages {t3_pages}")
    elif "结转下年度继续办理" not in pages[t3_pages[0]].replace(" ", ""):
        problems.append("table 三 split across pages")
    else:
        for label, path in (("总计", "results.total"), ("结转下年度继续办理", "carried_forward")):
            want = [shown[f"applications.{path}.{a}"] for a in APPLICANTS]
            got = [ln.split(label, 1)[1].split() for ln in pages[t3_pages[0]].splitlines()
                   if label in ln and "申请人" not in ln]
            if want not in got:
                problems.append(f"table 三 row {path}: want {want}, pdftotext rows {got}")
    if len(t4_pages) != 1:
        problems.append(f"table 四 header on pages {t4_pages}")
    else:
        after = pages[t4_pages[0]].split("复议后起诉", 1)[1].splitlines()
        vals = set(zero_tokens) | {shown[f"review_litigation.{g}.{o}"] for g in GROUPS for o in OUTCOMES}
        want = [shown[f"review_litigation.{g}.{o}"] for g in GROUPS for o in OUTCOMES]
        if not any(ln.split() == want for ln in after):
            problems.append(f"table 四 data row {want} not found on the page of its header")
    for head, tp in (("二、主动公开政府信息情况", t2_pages), ("三、收到和处理政府信息公开申请情况", t3_pages),
                     ("四、政府信息公开行政复议、行政诉讼情况", t4_pages)):
        hp = [i for i, p in enumerate(pages) if head in p.replace(" ", "")]
        if len(hp) != 1 or not tp or hp[0] != tp[0]:
            problems.append(f"heading {head[:2]} on pages {hp}, its table on {tp}")
    if sp.get("t2_layout", "combined") == "combined" and t2_pages:
        last = "政府集中采购" if sp["template"] == "2019" else "行政事业性收费"
        if last not in pages[t2_pages[0]]:
            problems.append("combined table 二 split across pages")
    if sp.get("landscape_t3"):
        if info["landscape"] != t3_pages:
            problems.append(f"landscape pages {info['landscape']} != t3 page {t3_pages}")
        if t3_pages and "（七）总计" not in pages[t3_pages[0]].replace("(七)", "（七）") and \
                "七)总计" not in pages[t3_pages[0]]:
            problems.append("table 三 does not end on its landscape page")
    elif info["landscape"]:
        problems.append(f"unexpected landscape pages {info['landscape']}")
    if sp.get("break_before_t2") and not sp.get("break_before_t3"):
        if not (t3_pages and set(t2_pages) == set(t3_pages)):
            problems.append(f"expected 二 and 三 on one page: t2 {t2_pages} t3 {t3_pages}")
    if sp.get("break_before_t3") and t3_pages and t3_pages[0] in t2_pages:
        problems.append("expected 二 and 三 on separate pages")
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
    if sp.get("rl_font") != "stsong":
        for ln in fonts:
            cols = ln.split()
            if len(cols) >= 5 and "no" in cols[-5:-2]:
                problems.append(f"font not embedded: {ln}")
    info["bytes"] = os.path.getsize(pdf)
    return problems, info


# ---------------------------------------------------------------------------
README_HEAD = """# samples/

Generated sample reports (政府信息公开工作年度报告) with known table values.
Each `NAME.pdf` has `NAME.expected.json` beside it: the values the generator put in
the document, in the shape of the regression corpus' `*.truth.json` (`schema_version`,
`report` {title, agency, year, template, tables}, `proactive`, `applications`,
`review_litigation`, `checks` [{rule, ok}] and `broken_checks`). A blank cell is
`null`; a cell written 0, —, 无 or / is `0`. `broken_checks` lists the identities
that were broken on purpose (their check has `ok: false`).

`layouts/` holds reports drawn in the layouts met in the field (borderless, horizontal
rules only, page breaks inside table 三, rotated pages, web pages printed by Chromium), made
by `scripts/make_layout_samples.py` from the same truth model; see `layouts/README.md`.

Do not edit these files by hand. Regenerate all of them (from the repository root):

    python3 scripts/make_samples.py

(`--only NAME ...` rebuilds some, `--no-verify` skips the checks, `--keep-docx DIR`
keeps the intermediate DOCX files.) The values come from fixed seeds; the reportlab
PDFs are byte-for-byte reproducible, the LibreOffice PDFs differ between runs only in
their creation date and document ID. After writing each PDF the script verifies it:
every non-blank value (with its multiplicity) and every zero token appears in
`pdftotext -layout`; the table 四 data row and the 三 rows （七）总计 / 四、结转下年度继续办理
read back in order; each table heading sits on its table's page; table 三 and a
combined table 二 are not split across pages; landscape pages are exactly the table 三
page where intended; 二 and 三 share a page or not, as intended; fonts are embedded
(except the STSong-Light sample, which uses a non-embedded standard CID font).

Needs:
- apt: `libreoffice-writer` (soffice), `poppler-utils` (pdftotext, pdfinfo, pdffonts),
  `fonts-noto-cjk` (Noto Serif/Sans CJK SC for the DOCX samples),
  `fonts-droid-fallback` and `fonts-liberation2` (TrueType fonts reportlab embeds)
- pip: `python-docx`, `reportlab`

Producers:
- `lo` - python-docx builds a DOCX whose tables have real merged cells (gridSpan /
  vMerge via `cell.merge`); LibreOffice (`soffice --headless --convert-to pdf`) converts
  it; Noto CJK subsets are embedded.
- `lo_template` - the official blank 2021-format template
  (`scripts/sample_assets/template_blank_2021format.docx`, 国办公开办函〔2021〕30号 tables)
  filled with python-docx, then LibreOffice.
- `rl` - reportlab draws the ruled tables itself (one rectangle per cell, merged cells
  drawn as one rectangle spanning their rows/columns), text in Droid Sans Fallback (CJK)
  + Liberation Serif (Latin/digits), both embedded as subsets; one sample uses
  STSong-Light.

| file | producer | format / year | covers |
|---|---|---|---|
"""


def write_readme():
    lines = [README_HEAD]
    for sp in SAMPLES:
        lines.append(f"| `{sp['name']}.pdf` | {sp['producer']} | {sp['template']} / {sp['year']} | "
                     f"{sp['covers']} |\n")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("".join(lines))


def build(sp, tmp):
    truth = make_truth(sp)
    shown = shown_values(truth, sp)
    pdf = os.path.join(OUT, sp["name"] + ".pdf")
    if sp["producer"] == "rl":
        make_rl(sp, build_blocks(sp, truth, shown), pdf)
    elif sp["producer"] == "lo":
        docx_path = os.path.join(tmp, sp["name"] + ".docx")
        make_docx(sp, build_blocks(sp, truth, shown), docx_path)
        shutil.move(lo_convert(docx_path, tmp, tmp), pdf)
    elif sp["producer"] == "lo_template":
        docx_path = os.path.join(tmp, sp["name"] + ".docx")
        fill_template(sp, truth, shown, narrative(sp, truth), docx_path)
        shutil.move(lo_convert(docx_path, tmp, tmp), pdf)
    else:
        raise ValueError(sp["producer"])
    with open(os.path.join(OUT, sp["name"] + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return pdf, truth, shown


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", help="sample names to (re)build")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--keep-docx", metavar="DIR", help="also keep the intermediate DOCX files here")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    names = [s["name"] for s in SAMPLES]
    assert len(names) == len(set(names))
    todo = [s for s in SAMPLES if not args.only or s["name"] in args.only]
    write_readme()
    failed = False
    with tempfile.TemporaryDirectory(prefix="gongkai-samples-") as tmp:
        for sp in todo:
            pdf, truth, shown = build(sp, tmp)
            if args.keep_docx and sp["producer"] != "rl":
                os.makedirs(args.keep_docx, exist_ok=True)
                shutil.copy(os.path.join(tmp, sp["name"] + ".docx"), args.keep_docx)
            if args.no_verify:
                print(f"{sp['name']}: written")
                continue
            problems, info = verify(sp, pdf, truth, shown)
            status = "ok" if not problems else "PROBLEMS"
            print(f"{sp['name']}: {status} pages={info['pages']} t2={info['t2']} t3={info['t3']} "
                  f"t4={info['t4']} landscape={info['landscape']} bytes={info['bytes']}")
            for p in problems:
                print("   -", p)
            failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
