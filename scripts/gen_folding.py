#!/usr/bin/env python3
"""Generate Sources/GongkaiReport/CompatibilityFolding.swift: the NFKC mappings of the Unicode
blocks that Chinese report PDFs and converters actually produce (full-width forms, ideographic
punctuation, Kangxi radicals and CJK compatibility ideographs from broken ToUnicode maps, enclosed
numbers, typographic spaces). A table, so label folding needs neither Foundation nor ICU at run time.

  python3 scripts/gen_folding.py > Sources/GongkaiReport/CompatibilityFolding.swift
"""
import os, sys, unicodedata

# CJK Radicals Supplement characters (⺠ ⻓ ⻔ …) have no NFKC mapping, but broken ToUnicode maps
# produce them for the ideographs they look like: Unicode's EquivalentUnifiedIdeograph.txt says
# which (the block's lines are committed beside this script).
EQUIVALENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "EquivalentUnifiedIdeograph-2E80-2EFF.txt")


def equivalent_ideographs():
    out = {}
    for line in open(EQUIVALENTS, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cps, target = (f.strip() for f in line.split(";"))
        lo, _, hi = cps.partition("..")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            out[cp] = int(target, 16)
    return out


RANGES = [(0x00A0, 0x00FF), (0x2000, 0x206F), (0x2150, 0x218F), (0x2460, 0x24FF), (0x2E80, 0x2FDF),
          (0x3000, 0x303F), (0x3200, 0x33FF), (0xF900, 0xFAFF), (0xFE10, 0xFE6F), (0xFF00, 0xFFEF)]

print("// Generated data: scripts/gen_folding.py from Python's unicodedata", unicodedata.unidata_version + ". Do not edit; rerun the script.")
print("// Kept as a table rather than GLib's g_utf8_normalize: it folds one code point at a time, and only")
print("// in the ranges chosen in the script, which differs from NFKC of the whole string (a combining")
print("// mark after a folded character is not recomposed, and scalars outside the ranges are left as")
print("// they are). CJK Radicals Supplement characters without an NFKC image fold to their equivalent")
print("// unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt, scripts/data/).")
print("enum CompatibilityFolding {")
print("    /// NFKC image of each listed scalar (scalars not listed fold to themselves).")
print("    static let table: [UInt32: [UInt32]] = [")
equivalents = equivalent_ideographs()
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n == c and cp in equivalents:
            n = chr(equivalents[cp])
        if n != c:
            print(f"        0x{cp:04X}: [{', '.join(f'0x{ord(x):04X}' for x in n)}],")
print("    ]")
print("}")
