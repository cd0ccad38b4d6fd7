#!/usr/bin/env python3
"""Per-document time of `gongkai extract` against `pdftotext -bbox-layout` on the same files, in one run.

Each file is processed by both tools in alternation, `--repeat` times; the per-file figure is the
median of its repeats, and the summary gives the median over files and the ratio of the two medians.

  python3 benchmarks/compare_pdftotext.py [--bin .build/release/gongkai] [--repeat 5] FILE_OR_DIR...

Defaults to samples/ when no path is given. Build first: swift build -c release
"""
import argparse, glob, os, statistics, subprocess, sys, time


def files_from(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(glob.glob(os.path.join(p, "**", "*.pdf"), recursive=True))
        else:
            out += sorted(glob.glob(p)) or [p]
    return out


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, r.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=["samples"])
    ap.add_argument("--bin", default=".build/release/gongkai")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    files = files_from(a.paths)
    if not files:
        print("no PDF files found", file=sys.stderr)
        return 2
    ours, theirs = [], []
    print(f"{'file':48} {'gongkai ms':>11} {'pdftotext ms':>13} {'ratio':>6}")
    for f in files:
        g, p = [], []
        for _ in range(a.repeat):
            dt, _ = timed([a.bin, "extract", f, "-o", os.devnull])
            g.append(dt)
            dt, _ = timed(["pdftotext", "-bbox-layout", f, os.devnull])
            p.append(dt)
        mg, mp = statistics.median(g), statistics.median(p)
        ours.append(mg)
        theirs.append(mp)
        print(f"{os.path.basename(f)[:48]:48} {mg * 1000:11.1f} {mp * 1000:13.1f} {mg / mp:6.2f}")
    mo, mt = statistics.median(ours), statistics.median(theirs)
    print(f"median per document: gongkai {mo * 1000:.1f} ms, pdftotext -bbox-layout {mt * 1000:.1f} ms, "
          f"ratio {mo / mt:.2f} over {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
