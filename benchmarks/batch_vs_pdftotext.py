#!/usr/bin/env python3
"""Batch throughput of `gongkai batch` (--jobs 1 and --jobs 2) against `pdftotext -bbox-layout`
over the same PDF files, in one run.

For gongkai the per-document cost is the wall time of the whole batch divided by the number of
documents (worker start-up, parsing and writing included); for pdftotext it is the median time of
one `pdftotext -bbox-layout FILE` process per file. Each measurement is repeated `--repeat` times
and the median taken.

  python3 benchmarks/batch_vs_pdftotext.py [--bin .build/release/gongkai] [--repeat 3] FOLDER_OR_FILES...

Build first: swift build -c release --static-swift-stdlib
"""
import argparse, glob, os, statistics, subprocess, sys, tempfile, time


def files_from(paths):
    out = []
    for p in paths:
        out += sorted(glob.glob(os.path.join(p, "**", "*.pdf"), recursive=True)) if os.path.isdir(p) else [p]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=["samples"])
    ap.add_argument("--bin", default=".build/release/gongkai")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    files = files_from(a.paths)
    if not files:
        print("no PDF files found", file=sys.stderr)
        return 2
    n = len(files)
    with tempfile.TemporaryDirectory() as tmp:
        per_doc = {}
        for jobs in (1, 2):
            runs = []
            for r in range(a.repeat):
                out = os.path.join(tmp, f"out-{jobs}-{r}.jsonl")
                t0 = time.perf_counter()
                subprocess.run([a.bin, "batch", *files, "--jobs", str(jobs), "-o", out],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                runs.append((time.perf_counter() - t0) / n)
            per_doc[jobs] = statistics.median(runs)
        pdft = []
        for f in files:
            times = []
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                subprocess.run(["pdftotext", "-bbox-layout", f, os.devnull], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - t0)
            pdft.append(statistics.median(times))
    p = statistics.median(pdft)
    print(f"{n} documents")
    print(f"pdftotext -bbox-layout: median {p * 1000:.1f} ms per document")
    for jobs in (1, 2):
        print(f"gongkai batch --jobs {jobs}: {per_doc[jobs] * 1000:.1f} ms per document, ratio {per_doc[jobs] / p:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
