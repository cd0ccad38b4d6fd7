#!/usr/bin/env python3
"""CPU seconds per scanned page: each PDF read by `gongkai extract` on one core (`taskset -c 0`).

    benchmarks/scan_timing.py [--bin .build/release/gongkai] [--repeat 3] [--ocr always] [GLOB ...]

Default GLOB: /work/shared/corpus/scanned/*.pdf. Each document runs --repeat times and its
lowest CPU time (user + system, from the child's rusage) counts: on a shared machine the CPU
time of one run still varies with what the other cores do to caches and memory bandwidth.
Prints each document's pages, wall and CPU seconds, then CPU seconds per page over all.
"""
import argparse
import glob
import os
import resource
import subprocess
import sys
import time


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def run_once(binary, pdf, extra):
    """(wall, cpu) seconds of one extraction on core 0."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(["taskset", "-c", "0", binary, "extract", *extra, pdf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=".build/release/gongkai")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--ocr", help="passed to extract (always: text-layer PDFs read by OCR too)")
    parser.add_argument("globs", nargs="*", default=["/work/shared/corpus/scanned/*.pdf"])
    args = parser.parse_args()
    files = sorted(f for g in args.globs for f in glob.glob(g))
    if not files:
        sys.exit("no PDF matched")
    total_pages = total_cpu = total_wall = 0.0
    for pdf in files:
        n = pages(pdf)
        extra = ["--ocr", args.ocr] if args.ocr else []
        runs = [run_once(args.bin, pdf, extra) for _ in range(max(1, args.repeat))]
        wall, cpu = min(runs, key=lambda r: r[1])
        total_pages += n; total_cpu += cpu; total_wall += wall
        print(f"{os.path.basename(pdf):<32} {n:3d} pages  wall {wall:6.2f} s  cpu {cpu:6.2f} s  {cpu / max(1, n):5.2f} cpu s/page")
    print(f"all: {len(files)} documents, {int(total_pages)} pages, cpu {total_cpu:.1f} s "
          f"({total_cpu / max(1, len(files)):.2f} s/document, {total_cpu / max(1, total_pages):.3f} s/page), "
          f"wall {total_wall:.1f} s, one core")


if __name__ == "__main__":
    main()
