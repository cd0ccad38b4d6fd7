#!/usr/bin/env python3
"""Generate Sources/GongkaiReport/CompatibilityFolding.swift: the NFKC mappings of the Unicode
blocks that Chinese report PDFs and converters actually produce (full-width forms, ideographic
punctuation, Kangxi radicals and CJK compatibility ideographs from broken ToUnicode maps, enclosed
numbers, typographic spaces). A table, so label folding needs neither Foundation nor ICU at run time.

  python3 scripts/gen_folding.py > Sources/GongkaiReport/CompatibilityFolding.swift
"""
import sys, unicodedata

RANGES = [(0x00A0, 0x00FF), (0x2000, 0x206F), (0x2150, 0x218F), (0x2460, 0x24FF), (0x2E80, 0x2FDF),
          (0x3000, 0x303F), (0x3200, 0x33FF), (0xF900, 0xFAFF), (0xFE10, 0xFE6F), (0xFF00, 0xFFEF)]

print("// Generated data: scripts/gen_folding.py from Python's unicodedata", unicodedata.unidata_version + ". Do not edit; rerun the script.")
print("// Kept as a table rather than GLib's g_utf8_normalize: it folds one code point at a time, and only")
print("// in the ranges chosen in the script, which differs from NFKC of the whole string (a combining")
print("// mark after a folded character is not recomposed, and scalars outside the ranges are left as")
print("// they are).")
print("enum CompatibilityFolding {")
print("    /// NFKC image of each listed scalar (scalars not listed fold to themselves).")
print("    static let table: [UInt32: [UInt32]] = [")
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            print(f"        0x{cp:04X}: [{', '.join(f'0x{ord(x):04X}' for x in n)}],")
print("    ]")
print("}")
