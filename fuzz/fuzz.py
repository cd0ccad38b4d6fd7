#!/usr/bin/env python3
"""Fuzzing harness for gongkai (Python 3 standard library only).

Mutates the sample PDFs (samples/*.pdf), web pages (samples/html/*.html) and text files
(fuzz/seeds/*) — truncation, bit and byte flips, duplicated / deleted / swapped chunks, random
garbage, 40-digit numbers in table cells, extreme coordinates and page boxes, very long lines,
deep nesting, huge spans, odd charsets — writes the mutants to a temporary folder and runs
`gongkai batch` over them, so that every file is parsed in a worker process with --timeout,
--max-memory-mb and --max-cpu-seconds. Each batch runs under an outer timeout of its own: the
batch parent must never crash or hang.

It then reads the JSON Lines: counts per error code, contained worker crashes ("crashed"),
hangs ("timeout", "cpu_limit"), and flags every record that is not valid JSON, every input
without exactly one record, and every batch that itself crashed, hung or exited with a status
other than 0/1. Crashing and hanging inputs (and whole failed batches) are copied to the triage
folder with a note of how to reproduce them.

Every mutant is a pure function of (--seed, its index): `--only 17,2040` regenerates exactly
those mutants of a run.

    python3 fuzz/fuzz.py --seed 1 --count 20000            # the full run (docs/fuzzing.md)
    python3 fuzz/fuzz.py --seed 1 --count 300 --leak-check  # RSS growth over repeated extraction
    python3 fuzz/fuzz.py --seed 1 --only 1234 --write-to /tmp/m   # one mutant, for triage
"""
import argparse
import collections
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfmut  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------------------------------------
# Seeds


def load_seeds():
    seeds = []
    for folder, exts in (("samples", (".pdf",)), ("samples/html", (".html", ".htm")), ("fuzz/seeds", (".txt", ".md", ".html"))):
        path = os.path.join(ROOT, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(exts):
                with open(os.path.join(path, name), "rb") as f:
                    seeds.append((name, f.read()))
    return seeds


def kind_of(name):
    if name.endswith(".pdf"):
        return "pdf"
    if name.endswith((".html", ".htm")):
        return "html"
    return "text"


# ---------------------------------------------------------------------------------------------
# Generic byte mutations


INTERESTING = [0x00, 0xFF, 0x7F, 0x80, 0x20, 0x0A, 0x0D, 0x28, 0x29, 0x3C, 0x3E, 0x2F, 0x5B, 0x5D, 0x25, 0x30, 0x39]


def truncate(rng, data, kind):
    if not data:
        return data
    r = rng.random()
    if r < 0.05:
        return b""
    if r < 0.3:
        return data[:rng.randrange(min(len(data), 64) + 1)]
    return data[:rng.randrange(len(data))]


def bit_flips(rng, data, kind):
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.choice([1, 2, 4, 16, 64, 256])):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def byte_sets(rng, data, kind):
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.choice([1, 3, 10, 50])):
        out[rng.randrange(len(out))] = rng.choice(INTERESTING) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(out)


def chunk_duplicate(rng, data, kind):
    if len(data) < 2:
        return data * 2
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.choice([1, 16, 256, 4096, 65536]))
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] * rng.choice([1, 2, 10, 100]) + data[at:]


def chunk_delete(rng, data, kind):
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.choice([1, 16, 256, 4096, 65536]))
    return data[:a] + data[b:]


def chunk_swap(rng, data, kind):
    if len(data) < 4:
        return data
    n = rng.choice([16, 256, 4096])
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    n = min(n, b - a, len(data) - b)
    if n <= 0:
        return data
    return data[:a] + data[b:b + n] + data[a + n:b] + data[a:a + n] + data[b + n:]


def garbage(rng, data, kind):
    junk = rng.randbytes(rng.choice([1, 16, 512, 8192]))
    at = rng.randrange(len(data) + 1) if data else 0
    if rng.random() < 0.5:
        return data[:at] + junk + data[at:]
    return data[:at] + junk + data[at + len(junk):]


def random_file(rng, data, kind):
    n = rng.choice([1, 10, 100, 5000, 100000])
    head = {"pdf": b"%PDF-1.7\n", "html": b"<html><body><table>", "text": b""}[kind] if rng.random() < 0.5 else b""
    return head + rng.randbytes(n)


def splice(rng, data, kind, seeds=None):
    other = rng.choice(seeds)[1] if seeds else data
    a = rng.randrange(len(data) + 1) if data else 0
    b = rng.randrange(len(other) + 1) if other else 0
    return data[:a] + other[b:]


def long_line(rng, data, kind):
    unit = rng.choice([b"A", b"1", "总计".encode(), b"<td>", b" ", b"\t", "申请人情况".encode(), b"|"])
    line = unit * rng.choice([10_000, 200_000, 2_000_000 // len(unit)])
    at = rng.randrange(len(data) + 1) if data else 0
    if kind == "pdf":
        at = data.find(b"\n", at) + 1 if b"\n" in data[at:] else len(data)
    return data[:at] + line + b"\n" + data[at:]


NUMBER_LENGTHS = [19, 20, 40, 40, 40, 101, 310, 5000]


def big_number(rng, digits="0123456789", length=None):
    length = length or rng.choice(NUMBER_LENGTHS)
    s = rng.choice(digits[1:] or digits) + "".join(rng.choices(digits, k=length - 1))
    r = rng.random()
    if r < 0.15:
        s = "-" + s
    elif r < 0.25:
        s = s[: length // 2] + "." + s[length // 2:]
    elif r < 0.3:
        s = ",".join(s[i:i + 3] for i in range(0, len(s), 3))
    return s


def huge_numbers_text(rng, data, kind):
    """Replaces digit runs in the text (cells of HTML tables, text layout) by huge numbers."""
    text = data.decode("utf-8", "surrogateescape")
    runs = list(re.finditer(r"(?<![#&\w])\d+(?![\w;%])", text))
    if not runs:
        return data
    share = rng.choice([0.05, 0.3, 1.0])
    length = rng.choice(NUMBER_LENGTHS)
    out, pos = [], 0
    for m in runs:
        if rng.random() < share:
            out.append(text[pos:m.start()])
            out.append(big_number(rng, length=length))
            pos = m.end()
    out.append(text[pos:])
    return "".join(out).encode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------------------------------
# Format-aware mutations


def pdf_cell_numbers(rng, data, kind):
    pdf = pdfmut.PDF(data)
    length = rng.choice(NUMBER_LENGTHS)
    out = pdfmut.mutate_numbers_in_cells(pdf, rng, lambda r, digits: big_number(r, "".join(digits), length))
    return out if out is not None else huge_numbers_text(rng, data, kind)


def pdf_operands(rng, data, kind):
    out = pdfmut.mutate_content_operands(pdfmut.PDF(data), rng)
    return out if out is not None else bit_flips(rng, data, kind)


def pdf_dicts(rng, data, kind):
    out = pdfmut.mutate_dictionaries(data, rng)
    return out if out is not None else byte_sets(rng, data, kind)


def pdf_object_damage(rng, data, kind):
    """Breaks one object (endobj removed, a reference pointed elsewhere, a cycle) and rebuilds
    the xref so Poppler gets past the table and into the objects."""
    refs = list(re.finditer(rb"(?<![0-9])(\d+) 0 R", data))
    r = rng.random()
    if refs and r < 0.5:
        m = rng.choice(refs)
        target = rng.choice([b"0", b"1", b"2", b"3", m.group(1), b"99999", b"2147483647"])
        data = data[:m.start(1)] + target + data[m.end(1):]
    elif r < 0.75:
        ends = [m.start() for m in re.finditer(rb"endobj", data)]
        if ends:
            at = rng.choice(ends)
            data = data[:at] + data[at + 6:]
    else:
        m = re.search(rb"/Parent (\d+) 0 R", data)
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", data)
        if m and kids:
            data = data[:kids.start(1)] + kids.group(1) + b" " + kids.group(1) + data[kids.end(1):]
    return pdfmut.rebuild_xref(data)


def html_structure(rng, data, kind):
    """Deep nesting, huge rowspan/colspan, odd charsets, many tables, entity floods."""
    choice = rng.randrange(6)
    if choice == 0:
        depth = rng.choice([300, 5000, 100000])
        tag = rng.choice([b"div", b"table", b"td", b"span", b"b"])
        at = data.find(b"<body")
        at = data.find(b">", at) + 1 if at >= 0 else 0
        return data[:at] + (b"<" + tag + b">") * depth + b"x" + (b"</" + tag + b">") * depth + data[at:]
    if choice == 1:
        spans = list(re.finditer(rb"<t[dh]\b", data, re.I))
        if not spans:
            return data
        out = data
        for m in sorted(rng.sample(spans, min(len(spans), rng.choice([1, 5, 50]))), key=lambda m: -m.start()):
            attr = rng.choice([b" rowspan=", b" colspan="]) + rng.choice([b"0", b"1000", b"65534", b"99999999999999999999", b"-5", b"2147483648"])
            out = out[:m.end()] + attr + out[m.end():]
        return out
    if choice == 2:
        label = rng.choice([b"utf-16", b"utf-32", b"x-unknown-charset", b"ebcdic-cp-us", b"shift_jis", b"gbk",
                            b"iso-2022-cn", b"utf-7", b"", b"\xff\xfe"])
        m = re.search(rb"charset\s*=\s*[\"']?([\w.:-]*)", data[:4096], re.I)
        if m:
            return data[:m.start(1)] + label + data[m.end(1):]
        return b"<meta charset=\"" + label + b"\">" + data
    if choice == 3:
        m = re.search(rb"<table.*?</table>", data, re.S | re.I)
        if not m:
            return data
        return data[:m.end()] + m.group(0) * rng.choice([10, 200]) + data[m.end():]
    if choice == 4:
        return data.replace(b"&nbsp;", rng.choice([b"&#99999999999;", b"&#x110000;", b"&#0;", b"&nbsp" * 1000, b"&amp;"]))
    bom = rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff\xfe\x00\x00"])
    enc = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be", b"\xef\xbb\xbf": "utf-8", b"\xff\xfe\x00\x00": "utf-32-le"}[bom]
    text = data.decode("utf-8", "replace")
    return (bom if rng.random() < 0.7 else b"") + text.encode(enc, "replace")


def text_encoding(rng, data, kind):
    """Re-encodes text (UTF-16/32 with and without BOM, GB18030, Big5, Latin-1) or mixes them."""
    text = data.decode("utf-8", "replace")
    enc = rng.choice(["utf-16-le", "utf-16-be", "utf-16", "utf-32", "gb18030", "big5", "shift_jis", "latin-1"])
    out = text.encode(enc, "replace")
    if rng.random() < 0.3:
        cut = rng.randrange(len(data) + 1)
        out = data[:cut] + out[cut:]
    return out


GENERIC = [truncate, bit_flips, byte_sets, chunk_duplicate, chunk_delete, chunk_swap, garbage, random_file, splice, long_line]
BY_KIND = {
    "pdf": [pdf_cell_numbers, pdf_cell_numbers, pdf_operands, pdf_operands, pdf_dicts, pdf_object_damage],
    "html": [huge_numbers_text, huge_numbers_text, html_structure, html_structure, text_encoding],
    "text": [huge_numbers_text, huge_numbers_text, text_encoding],
}


MAX_MUTANT_BYTES = 12_000_000


def make_mutant(seed, index, seeds):
    """Mutant `index` of run `seed`: (file name, bytes, list of mutation names)."""
    rng = random.Random(f"gongkai-fuzz:{seed}:{index}")
    name, data = seeds[rng.randrange(len(seeds))]
    kind = kind_of(name)
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        pool = BY_KIND[kind] if rng.random() < 0.55 else GENERIC
        mutation = rng.choice(pool)
        try:
            data = mutation(rng, data, kind, seeds) if mutation is splice else mutation(rng, data, kind)
        except Exception as exc:  # a mutator bug must not stop the run; note it in the name
            applied.append(f"{mutation.__name__}!{type(exc).__name__}")
            continue
        applied.append(mutation.__name__)
        if len(data) > MAX_MUTANT_BYTES:  # stacked duplications: keep mutants (and the harness) small
            data = data[:MAX_MUTANT_BYTES]
            applied.append("capped")
    stem, ext = os.path.splitext(name)
    if rng.random() < 0.03:  # a file whose name lies about its content
        ext = rng.choice([".pdf", ".html", ".txt", ".md"])
    return f"{index:06d}_{'+'.join(applied)}_{stem}{ext}", data, applied


# ---------------------------------------------------------------------------------------------
# Running batches


def gongkai_binary(explicit):
    if explicit:
        return os.path.abspath(explicit)
    for config in ("release", "debug"):
        p = os.path.join(ROOT, ".build", config, "gongkai")
        if os.access(p, os.X_OK):
            return p
    sys.exit("no gongkai binary: run `swift build -c release` (or pass --gongkai PATH)")


EXTERNAL_SIGNALS = (-signal.SIGTERM, -signal.SIGINT, -signal.SIGHUP)


def run_batch(args, folder, out_path):
    """Runs one `gongkai batch`; returns (status, seconds, stderr tail, outer_timeout_hit)."""
    cmd = [args.gongkai, "batch", folder, "-o", out_path, "--jobs", str(args.jobs), "--timeout", str(args.timeout),
           "--max-memory-mb", str(args.max_memory_mb), "--max-cpu-seconds", str(args.max_cpu_seconds)]
    env = dict(os.environ)
    if args.sanitizer_log:
        # An AddressSanitizer build: reports go to files named after each input (the worker hook
        # GONGKAI_SANITIZER_LOG); leaks of system libraries at exit are suppressed (fuzz/lsan.supp).
        env["GONGKAI_SANITIZER_LOG"] = args.sanitizer_log
        env["ASAN_OPTIONS"] = f"log_path={args.sanitizer_log}/batch:detect_leaks=1"
        env["LSAN_OPTIONS"] = "suppressions=" + os.path.join(ROOT, "fuzz", "lsan.supp")
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env=env,
                            preexec_fn=restore_address_space_limit)
    try:
        _, err = proc.communicate(timeout=args.outer_timeout)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers (same process group)
        _, err = proc.communicate()
        hung = True
    except BaseException:  # Ctrl-C: take the batch and its workers down too
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    return proc.returncode, time.monotonic() - started, err.decode("utf-8", "replace")[-2000:], hung


ORIGINAL_AS_LIMIT = resource.getrlimit(resource.RLIMIT_AS)


def restore_address_space_limit():
    """In the child: the address-space limit gongkai batch had before this harness lowered its own
    (an AddressSanitizer build needs terabytes of address space for its shadow memory)."""
    resource.setrlimit(resource.RLIMIT_AS, ORIGINAL_AS_LIMIT)


def read_records(out_path):
    records, invalid = [], []
    if not os.path.exists(out_path):
        return records, invalid
    with open(out_path, "rb") as f:
        for n, line in enumerate(f, 1):
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or "source" not in record or "path" not in record["source"]:
                    raise ValueError("no source.path")
                records.append(record)
            except (ValueError, UnicodeDecodeError) as exc:
                invalid.append((n, str(exc), line[:300]))
    return records, invalid


def fuzz(args):
    seeds = load_seeds()
    if not seeds:
        sys.exit("no seeds found (samples/*.pdf, samples/html/*.html, fuzz/seeds/*)")
    work = args.work or tempfile.mkdtemp(prefix="gongkai-fuzz-")
    triage = os.path.abspath(args.triage)
    os.makedirs(triage, exist_ok=True)
    indices = parse_only(args.only) if args.only else list(range(args.start, args.start + args.count))
    print(f"gongkai fuzz: seed {args.seed}, {len(indices)} inputs from {len(seeds)} seeds, batches of {args.batch_size}, "
          f"binary {args.gongkai}, work {work}, triage {triage}", flush=True)

    codes = collections.Counter()
    mutations = collections.Counter()
    by_mutation_fail = collections.defaultdict(collections.Counter)
    problems = {"crashed": [], "hang": [], "out_of_memory": [], "invalid_record": [], "missing_record": [], "batch_failed": [],
                "batch_interrupted": []}
    started = time.monotonic()
    total = 0
    for b in range(0, len(indices), args.batch_size):
        chunk = indices[b:b + args.batch_size]
        folder = os.path.join(work, f"batch-{chunk[0]:06d}")
        os.makedirs(folder, exist_ok=True)
        names = {}
        for i in chunk:
            name, data, applied = make_mutant(args.seed, i, seeds)
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            names[os.path.join(folder, name)] = (i, applied)
            for m in applied:
                mutations[m.split("!")[0]] += 1
        out_path = os.path.join(work, f"batch-{chunk[0]:06d}.jsonl")
        status, seconds, err, hung = run_batch(args, folder, out_path)
        if not hung and status in EXTERNAL_SIGNALS:
            # SIGTERM/SIGINT/SIGHUP come only from outside (another user's kill, a shutdown): no
            # input can make gongkai raise them. Noted, and the batch is run once more.
            problems["batch_interrupted"].append({"batch": folder, "why": f"killed by signal {-status} from outside", "stderr": err[-500:]})
            print(f"  batch {folder} was killed by signal {-status} from outside; running it again", flush=True)
            if os.path.exists(out_path):
                os.remove(out_path)
            status, seconds, err, hung = run_batch(args, folder, out_path)
        records, invalid = read_records(out_path)
        total += len(chunk)
        batch_ok = not hung and status in (0, 1)
        if not batch_ok:
            why = "hung (outer timeout)" if hung else f"exit status {status}"
            problems["batch_failed"].append({"batch": folder, "why": why, "stderr": err[-500:]})
            keep = os.path.join(triage, f"batch-failed-seed{args.seed}-{chunk[0]:06d}")
            shutil.copytree(folder, keep, dirs_exist_ok=True)
        for n, why, line in invalid:
            problems["invalid_record"].append({"batch": out_path, "line": n, "why": why, "text": line.decode("utf-8", "replace")})
        seen = collections.Counter()
        for r in records:
            path = r["source"]["path"]
            seen[path] += 1
            code = (r.get("error") or {}).get("code", "ok")
            codes[code] += 1
            index, applied = names.get(path, (None, []))
            for m in applied:
                by_mutation_fail[m.split("!")[0]][code] += 1
            if code in ("crashed", "timeout", "out_of_memory", "worker_failed", "bad_output"):
                kind = {"timeout": "hang", "out_of_memory": "out_of_memory"}.get(code, "crashed")
                problems[kind].append({"index": index, "path": path, "code": code, "message": r["error"].get("message", "")})
                dest = os.path.join(triage, code)
                os.makedirs(dest, exist_ok=True)
                shutil.copy(path, os.path.join(dest, f"seed{args.seed}-" + os.path.basename(path)))
        for path in names:
            if seen[path] != 1:
                problems["missing_record"].append({"path": path, "records": seen[path]})
        done = b + len(chunk)
        rate = done / max(time.monotonic() - started, 1e-3)
        print(f"  {done}/{len(indices)} inputs, batch {seconds:.0f} s (status {status}{', HUNG' if hung else ''}), "
              f"crashed {len(problems['crashed'])}, hangs {len(problems['hang'])}, batch failures {len(problems['batch_failed'])}, "
              f"{rate:.1f} inputs/s", flush=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
            if batch_ok and not invalid and os.path.exists(out_path):
                os.remove(out_path)

    elapsed = time.monotonic() - started
    sanitizer = sanitizer_reports(args, triage) if args.sanitizer_log else None
    summary = {
        "seed": args.seed, "inputs": total, "first_index": indices[0] if indices else 0, "seconds": round(elapsed),
        "codes": dict(sorted(codes.items(), key=lambda kv: -kv[1])),
        "crashes_contained": len(problems["crashed"]), "hangs": len(problems["hang"]),
        "memory_limit_hits": len(problems["out_of_memory"]),
        "batch_failures": len(problems["batch_failed"]), "batches_interrupted_from_outside": len(problems["batch_interrupted"]),
        "invalid_records": len(problems["invalid_record"]),
        "missing_records": len(problems["missing_record"]),
        "mutations": dict(sorted(mutations.items())),
        "sanitizer_reports": sanitizer,
        "problems": problems,
        "command": " ".join([os.path.relpath(sys.argv[0], ROOT)] + sys.argv[1:]),
        "limits": {"timeout": args.timeout, "max_memory_mb": args.max_memory_mb, "max_cpu_seconds": args.max_cpu_seconds,
                   "outer_timeout": args.outer_timeout, "jobs": args.jobs},
    }
    with open(os.path.join(triage, f"summary-seed{args.seed}.json"), "w") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    print_summary(summary, triage)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    bad = summary["batch_failures"] + summary["invalid_records"] + summary["missing_records"]
    if sanitizer and sanitizer["errors"]:
        bad += len(sanitizer["errors"])
    if bad:
        return 2
    return 1 if (summary["crashes_contained"] or summary["hangs"]) and args.strict else 0


def sanitizer_reports(args, triage):
    """Sorts the sanitizer log folder: memory errors and leaks per input; copies each report and
    its input (when still there) to the triage folder."""
    errors, leaks = [], []
    folder = args.sanitizer_log
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name), errors="replace") as f:
            text = f.read()
        if "ERROR: AddressSanitizer" in text:
            kind = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", text)
            errors.append({"report": name, "kind": kind.group(1) if kind else "?"})
        elif "ERROR: LeakSanitizer" in text:
            total = re.search(r"SUMMARY: AddressSanitizer: (\d+) byte", text)
            leaks.append({"report": name, "bytes": int(total.group(1)) if total else 0})
        else:
            continue
        dest = os.path.join(triage, "sanitizer")
        os.makedirs(dest, exist_ok=True)
        shutil.copy(os.path.join(folder, name), dest)
    return {"errors": errors, "leaks": leaks}


def print_summary(s, triage):
    print()
    print(f"== gongkai fuzz summary (seed {s['seed']}, {s['inputs']} inputs, {s['seconds']} s)")
    for code, n in s["codes"].items():
        print(f"  {code:22s} {n}")
    print(f"  crashes contained in workers: {s['crashes_contained']}")
    print(f"  hangs (timeout / CPU limit):  {s['hangs']}")
    print(f"  memory limit hits:            {s['memory_limit_hits']}")
    print(f"  batch crashes or hangs:       {s['batch_failures']}")
    if s["batches_interrupted_from_outside"]:
        print(f"  batches killed from outside:  {s['batches_interrupted_from_outside']} (SIGTERM/SIGINT/SIGHUP; each run again)")
    print(f"  invalid JSON records:         {s['invalid_records']}")
    print(f"  inputs without one record:    {s['missing_records']}")
    if s.get("sanitizer_reports") is not None:
        r = s["sanitizer_reports"]
        print(f"  ASan memory errors:           {len(r['errors'])}")
        print(f"  LSan leak reports:            {len(r['leaks'])} ({sum(x['bytes'] for x in r['leaks'])} bytes)")
        for x in (r["errors"] + r["leaks"])[:10]:
            print(f"    {x}")
    for kind in ("crashed", "hang", "out_of_memory"):
        for p in s["problems"][kind][:20]:
            print(f"    {kind}: #{p['index']} {os.path.basename(p['path'])}: {p['message']}")
    for p in s["problems"]["batch_failed"][:5]:
        print(f"    batch failed: {p['batch']}: {p['why']}")
    print(f"  triage folder: {triage} (summary-seed{s['seed']}.json; reproduce one input with --only INDEX --write-to DIR)")


# ---------------------------------------------------------------------------------------------
# Leak check: repeated in-process extraction of each mutant, resident memory before and after


def leak_check(args):
    seeds = load_seeds()
    work = args.work or tempfile.mkdtemp(prefix="gongkai-leak-")
    indices = parse_only(args.only) if args.only else list(range(args.start, args.start + args.count))
    triage = os.path.abspath(args.triage)
    os.makedirs(triage, exist_ok=True)
    print(f"gongkai leak check: seed {args.seed}, {len(indices)} inputs, {args.leak_runs} runs each after warm-up, "
          f"threshold {args.leak_threshold_kib} KiB", flush=True)
    growth, leaks, failures = [], [], []
    for n, i in enumerate(indices):
        name, data, _ = make_mutant(args.seed, i, seeds)
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(data)
        cmd = [args.gongkai, "extract", path, "--repeat", str(args.leak_runs), "--threads", "1",
               "--max-memory-mb", str(args.max_memory_mb), "-o", "/dev/null"]
        try:
            # A mutant that takes Poppler seconds per extraction says nothing about leaks: cap it.
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=args.leak_timeout,
                               preexec_fn=restore_address_space_limit)
            err = p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            failures.append((i, name, "skipped: slower than --leak-timeout"))
            os.remove(path)
            continue
        m = re.search(r"memory: runs (\d+) before_kib \d+ middle_kib (\d+) after_kib (\d+)", err)
        if not m:
            if p.returncode < 0:
                failures.append((i, name, f"signal {-p.returncode}"))
            os.remove(path)
            continue
        g = int(m.group(3)) - int(m.group(2))  # second half only: caches level off, leaks do not
        growth.append(g)
        if g > args.leak_threshold_kib:
            leaks.append((i, name, g))
            shutil.copy(path, os.path.join(triage, f"leak-seed{args.seed}-{name}"))
        os.remove(path)
        if (n + 1) % 50 == 0:
            print(f"  {n + 1}/{len(indices)}: {len(leaks)} above threshold", flush=True)
    shutil.rmtree(work, ignore_errors=True) if not args.work else None
    growth.sort()
    print()
    print(f"== gongkai leak check (seed {args.seed}, {len(indices)} inputs, {len(growth)} measured, {args.leak_runs} runs each)")
    if growth:
        print(f"  RSS growth over the last {args.leak_runs - args.leak_runs // 2} runs, KiB: median {growth[len(growth) // 2]}, "
              f"p95 {growth[int(len(growth) * 0.95)]}, max {growth[-1]}")
    print(f"  above {args.leak_threshold_kib} KiB: {len(leaks)}")
    for i, name, g in leaks[:20]:
        print(f"    #{i} {name}: +{g} KiB")
    for i, name, why in failures[:20]:
        print(f"    #{i} {name}: {why}")
    return 1 if leaks else 0


# ---------------------------------------------------------------------------------------------


def parse_only(text):
    out = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1, help="run seed: every mutant is a function of (seed, index)")
    ap.add_argument("--count", type=int, default=1000, help="number of mutants")
    ap.add_argument("--start", type=int, default=0, help="first mutant index (to split a run)")
    ap.add_argument("--only", help="only these mutant indices (e.g. 17,2040-2045)")
    ap.add_argument("--batch-size", type=int, default=1000, help="mutants per `gongkai batch` run")
    ap.add_argument("--jobs", type=int, default=2, help="batch --jobs")
    ap.add_argument("--timeout", type=float, default=20, help="batch --timeout (seconds per document)")
    ap.add_argument("--max-memory-mb", type=int, default=1024, help="batch --max-memory-mb")
    ap.add_argument("--max-cpu-seconds", type=int, default=20, help="batch --max-cpu-seconds")
    ap.add_argument("--outer-timeout", type=float, help="seconds one whole batch may take (default: generous)")
    ap.add_argument("--gongkai", help="the gongkai binary (default .build/release/gongkai, else debug)")
    ap.add_argument("--work", help="folder for mutants and outputs (default: a fresh temp folder, removed)")
    ap.add_argument("--triage", default=os.path.join(ROOT, "out", "fuzz-triage"), help="where crashing/hanging inputs go")
    ap.add_argument("--keep", action="store_true", help="keep mutants and outputs in the work folder")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a worker crashed or hung (contained or not)")
    ap.add_argument("--write-to", help="only write the mutants to this folder (no run)")
    ap.add_argument("--sanitizer-log", help="with an AddressSanitizer build (--gongkai .build-asan/debug/gongkai): "
                    "collect ASan/LSan reports per input in this folder and count them")
    ap.add_argument("--leak-check", action="store_true", help="leak mode: repeated extraction per mutant, RSS growth")
    ap.add_argument("--leak-runs", type=int, default=40, help="leak mode: extractions per mutant after warm-up")
    ap.add_argument("--leak-threshold-kib", type=int, default=1024,
                    help="leak mode: growth over the second half of the runs that counts as a leak")
    ap.add_argument("--leak-timeout", type=float, default=120, help="leak mode: seconds for all runs of one mutant (slower ones are skipped)")
    args = ap.parse_args()
    # A runaway mutation raises MemoryError (caught, noted in the mutant's name) instead of waking
    # the OOM killer on a shared machine. Only the soft limit: workers set their own, lower one.
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > 6 << 30:
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, hard))
    if args.outer_timeout is None:
        args.outer_timeout = 600 + args.batch_size * args.timeout / max(1, args.jobs)
    if args.write_to:
        seeds = load_seeds()
        os.makedirs(args.write_to, exist_ok=True)
        for i in parse_only(args.only) if args.only else range(args.start, args.start + args.count):
            name, data, _ = make_mutant(args.seed, i, seeds)
            with open(os.path.join(args.write_to, name), "wb") as f:
                f.write(data)
            print(os.path.join(args.write_to, name))
        return 0
    args.gongkai = gongkai_binary(args.gongkai)
    if args.sanitizer_log:
        args.sanitizer_log = os.path.abspath(args.sanitizer_log)
        os.makedirs(args.sanitizer_log, exist_ok=True)
    return leak_check(args) if args.leak_check else fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
