#!/usr/bin/env python3
"""Mutants of the protected fixtures (Tests/PopplerKitTests/Fixtures/restricted_*.pdf), for the
decryption path of the paths reader (Poppler's, since PDFContent was removed): bit flips, truncation, duplicated and deleted chunks, bytes set in
the /Encrypt dictionary. Seeded and reproducible (docs/fuzzing.md):

  python3 fuzz/encrypted_mutants.py /tmp/encmut
  .build/release/gongkai batch /tmp/encmut -o encmut.jsonl --jobs 2 --timeout 20 --max-memory-mb 1024 --max-cpu-seconds 20

A third argument `all` adds the user-password fixtures (Tests/GongkaiCLITests/Fixtures/encrypted.pdf
and encrypted/*.pdf: RC4-40, RC4-128, AES-128, AES-256, owner-only) to the seeds, for runs with
`--password wrong` or `--password gongkai` (docs/reliability.md):

  python3 fuzz/encrypted_mutants.py /tmp/encmut 400 all
  .build/release/gongkai batch /tmp/encmut -o encmut.jsonl --password wrong --jobs 2 --timeout 20
"""
import glob, os, random, sys


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "out/encrypted-mutants"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    os.makedirs(out, exist_ok=True)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    seeds = sorted(glob.glob(os.path.join(root, "Tests/PopplerKitTests/Fixtures/restricted_*.pdf")))
    if len(sys.argv) > 3 and sys.argv[3] == "all":
        fixtures = os.path.join(root, "Tests/GongkaiCLITests/Fixtures")
        seeds += [os.path.join(fixtures, "encrypted.pdf")] + sorted(glob.glob(os.path.join(fixtures, "encrypted/*.pdf")))
    rng = random.Random(7)
    for i in range(count):
        d = bytearray(open(seeds[i % len(seeds)], "rb").read())
        kind = rng.choice(["flip", "trunc", "dup", "del", "encdict"])
        if kind == "flip":
            for _ in range(rng.randint(1, 30)):
                p = rng.randrange(len(d))
                d[p] ^= 1 << rng.randrange(8)
        elif kind == "trunc":
            d = d[:rng.randrange(len(d))]
        elif kind == "dup":
            a = rng.randrange(len(d))
            b = min(len(d), a + rng.randint(1, 5000))
            d[a:a] = d[a:b] * rng.randint(1, 20)
        elif kind == "del":
            a = rng.randrange(len(d))
            b = min(len(d), a + rng.randint(1, 5000))
            del d[a:b]
        else:
            k = d.find(b"/Filter /Standard")
            if k < 0:
                k = d.find(b"/Standard")
            if k >= 0:
                for _ in range(rng.randint(1, 8)):
                    p = k + rng.randrange(-200, 300)
                    if 0 <= p < len(d):
                        d[p] = rng.choice(b"0123456789/<>()[] \n9RVLP")
        with open(os.path.join(out, f"{i:05d}_{kind}.pdf"), "wb") as f:
            f.write(bytes(d))
    print(f"{count} mutants in {out}")


if __name__ == "__main__":
    main()
