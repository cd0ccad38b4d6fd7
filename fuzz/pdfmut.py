"""Structure-aware PDF mutations for fuzz.py (Python 3 standard library only).

A small PDF reader that is just good enough for the samples (classic xref tables, Flate and
ASCII85+Flate streams): it finds objects and streams, decodes content streams, learns which codes
spell digits in each font (ToUnicode CMaps, UCS-2 CID encodings, single-byte ASCII), rewrites
streams, and rebuilds the cross-reference table so that the mutant is a well-formed PDF whose
*content* is hostile (40-digit numbers in table cells, extreme coordinates, very long strings)
rather than a file Poppler rejects as damaged at once.
"""
import base64
import re
import zlib

OBJ_RE = re.compile(rb"(?<![0-9])(\d+)\s+(\d+)\s+obj\b")
REF_RE = re.compile(rb"^\s*(\d+)\s+(\d+)\s+R")
STRING_TOKEN_RE = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>", re.S)
NUMBER_RE = re.compile(rb"(?<![\w./#])-?\d+(?:\.\d+)?(?![\w.])")


class PDF:
    """Objects of a PDF file: number -> (start, end, dict bytes, stream span or None)."""

    def __init__(self, data):
        self.data = data
        self.objects = {}
        for m in OBJ_RE.finditer(data):
            num = int(m.group(1))
            end = data.find(b"endobj", m.end())
            if end < 0:
                continue
            body_start = m.end()
            stream = None
            s = data.find(b"stream", body_start, end)
            if s >= 0 and data[s - 3:s] != b"end":
                dstart = s + 6
                if data[dstart:dstart + 2] == b"\r\n":
                    dstart += 2
                elif data[dstart:dstart + 1] in (b"\n", b"\r"):
                    dstart += 1
                dend = data.rfind(b"endstream", dstart, end)
                if dend >= 0:
                    stream = (dstart, dend)
                head = data[body_start:s]
            else:
                head = data[body_start:end]
            self.objects[num] = (m.start(), end, head, stream)

    # -- values -------------------------------------------------------------------------------

    @staticmethod
    def value(dict_bytes, key):
        """The raw value of /key in a dictionary's text: a sub-dict, array, ref or token."""
        m = re.search(rb"/" + re.escape(key) + rb"(?![A-Za-z0-9])", dict_bytes)
        if not m:
            return None
        rest = dict_bytes[m.end():].lstrip()
        if rest.startswith(b"<<"):
            return balanced(rest, b"<<", b">>")
        if rest.startswith(b"["):
            return balanced(rest, b"[", b"]")
        r = REF_RE.match(rest)
        if r:
            return r.group(0).strip()
        t = re.match(rb"[^\s/<>\[\]()]+|/[^\s/<>\[\]()]+", rest)
        return t.group(0) if t else None

    def resolve(self, raw):
        """Follows `N G R` to the object's dictionary text; returns dict text or raw."""
        if raw is None:
            return None
        r = REF_RE.match(raw)
        if r and int(r.group(1)) in self.objects:
            return self.objects[int(r.group(1))][2]
        return raw

    def ref(self, raw):
        r = REF_RE.match(raw or b"")
        return int(r.group(1)) if r else None

    def stream_bytes(self, num):
        """Decoded stream of object `num`, or None (unknown filter, corrupt data)."""
        obj = self.objects.get(num)
        if not obj or not obj[3]:
            return None
        head = obj[2]
        raw = self.data[obj[3][0]:obj[3][1]]
        filters = re.findall(rb"/(ASCII85Decode|FlateDecode|A85|Fl|[A-Za-z0-9]+Decode)", self.value(head, b"Filter") or b"")
        try:
            for f in filters:
                if f in (b"ASCII85Decode", b"A85"):
                    raw = raw.strip()
                    if not raw.startswith(b"<~"):
                        raw = b"<~" + raw
                    raw = base64.a85decode(raw, adobe=True)
                elif f in (b"FlateDecode", b"Fl"):
                    raw = zlib.decompressobj().decompress(raw)
                else:
                    return None
        except Exception:
            return None
        return raw

    # -- fonts and content --------------------------------------------------------------------

    def pages(self):
        return [n for n, o in self.objects.items() if re.search(rb"/Type\s*/Page(?![s\w])", o[2])]

    def content_streams(self, page):
        contents = self.value(self.objects[page][2], b"Contents")
        if contents is None:
            return []
        return [int(x) for x in re.findall(rb"(?<![0-9])(\d+)\s+\d+\s+R", contents) if int(x) in self.objects]

    def fonts(self, page):
        """Font resource name -> decoder for the page's fonts."""
        res = self.resolve(self.value(self.objects[page][2], b"Resources"))
        if res is None:
            parent = self.ref(self.value(self.objects[page][2], b"Parent"))
            res = self.resolve(self.value(self.objects[parent][2], b"Resources")) if parent in self.objects else None
        fonts = self.resolve(self.value(res or b"", b"Font"))
        out = {}
        if not fonts:
            return out
        for name, num in re.findall(rb"/([^\s/<>\[\]()]+)\s+(\d+)\s+\d+\s+R", fonts):
            if int(num) in self.objects:
                out[name] = self.decoder(int(num))
        return out

    def decoder(self, font):
        head = self.objects[font][2]
        tu = self.ref(self.value(head, b"ToUnicode"))
        if tu is not None:
            cmap = self.stream_bytes(tu)
            if cmap:
                parsed = parse_cmap(cmap)
                if parsed[0]:
                    return CMapDecoder(*parsed)
        enc = self.value(head, b"Encoding") or b""
        if b"UCS2" in enc or b"UTF16" in enc:
            return CMapDecoder({bytes([0, c]): chr(c) for c in range(32, 127)}, 2)
        return CMapDecoder({bytes([c]): chr(c) for c in range(32, 127)}, 1)

    def replace_streams(self, new_streams):
        """A new file with the streams of `new_streams` (num -> decoded bytes) replaced (Flate),
        and a rebuilt xref table."""
        edits = []
        for num, content in new_streams.items():
            start, end, head, stream = self.objects[num]
            comp = zlib.compress(content, 6)
            new_head = re.sub(rb"/Filter\s*(\[[^\]]*\]|/\w+)", b"/Filter /FlateDecode", head, count=1)
            if b"/Filter" not in new_head:
                new_head = new_head.replace(b"<<", b"<< /Filter /FlateDecode", 1)
            new_head = re.sub(rb"/DecodeParms\s*(<<.*?>>|\[[^\]]*\])", b"", new_head, count=1, flags=re.S)
            new_head = re.sub(rb"/Length\s+(\d+\s+\d+\s+R|\d+)", b"/Length %d" % len(comp), new_head, count=1)
            obj_start = self.data.find(head, start)
            edits.append((obj_start, stream[1], new_head + b"stream\n" + comp + b"\n"))
        return rebuild_xref(apply_edits(self.data, edits))


def balanced(s, open_, close):
    depth, i = 0, 0
    while i < len(s):
        if s.startswith(open_, i):
            depth += 1
            i += len(open_)
            continue
        if s.startswith(close, i):
            depth -= 1
            i += len(close)
            if depth == 0:
                return s[:i]
            continue
        if s[i:i + 1] == b"(":
            m = STRING_TOKEN_RE.match(s, i)
            i = m.end() if m else i + 1
            continue
        i += 1
    return s


def apply_edits(data, edits):
    out = bytearray(data)
    for start, end, new in sorted(edits, reverse=True):
        out[start:end] = new
    return bytes(out)


def rebuild_xref(data):
    """Drops the old xref/trailer and writes a classic xref for every `N G obj` found."""
    offsets = {}
    for m in re.finditer(rb"(?:^|[\r\n])(\d+)\s+(\d+)\s+obj\b", data):
        start = m.start() if data[m.start():m.start() + 1] not in (b"\r", b"\n") else m.start() + 1
        num, gen = int(m.group(1)), int(m.group(2))
        if num < 100_000 and gen < 65536:  # a mutated "N G obj" must not make the xref table huge
            offsets[num] = (start, gen)
    trailer_at = data.rfind(b"trailer")
    trailer = PDF.value(data[trailer_at:], b"Root") if trailer_at >= 0 else None
    keep = []
    if trailer_at >= 0:
        tdict = balanced(data[data.find(b"<<", trailer_at):], b"<<", b">>")
        for key in (b"Root", b"Info", b"ID", b"Encrypt"):
            v = PDF.value(tdict, key)
            if v is not None:
                keep.append(b"/" + key + b" " + v)
    elif trailer is None:
        return data
    cut = data.rfind(b"\nxref")
    body = data[:cut + 1] if cut >= 0 else data
    size = max(offsets) + 1 if offsets else 1
    lines = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
    for n in range(1, size):
        if n in offsets:
            lines.append(b"%010d %05d n \n" % offsets[n])
        else:
            lines.append(b"0000000000 00000 f \n")
    xref_at = len(body)
    return body + b"".join(lines) + b"trailer\n<< /Size %d " % size + b" ".join(keep) + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at


def parse_cmap(cmap):
    """code bytes -> text from a ToUnicode CMap's bfchar and bfrange sections; and the code length."""
    table = {}
    length = 1
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            code = bytes.fromhex(src.decode())
            length = len(code)
            table[code] = utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            a, b = int(lo, 16), int(hi, 16)
            n = len(lo) // 2
            length = n
            if b - a > 4096:
                continue
            if dst.startswith(b"["):
                for k, item in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", dst)):
                    table[(a + k).to_bytes(n, "big")] = utf16(item)
            else:
                base = utf16(dst[1:-1])
                if not base:
                    continue
                for k in range(b - a + 1):
                    table[(a + k).to_bytes(n, "big")] = base[:-1] + chr(min(0x10FFFF, ord(base[-1]) + k))
    return table, length


def utf16(hexbytes):
    try:
        return bytes.fromhex(hexbytes.decode()).decode("utf-16-be", "replace")
    except ValueError:
        return ""


class CMapDecoder:
    def __init__(self, table, length):
        self.table = table
        self.length = max(1, length)
        self.reverse = {}
        for code, text in table.items():
            self.reverse.setdefault(text, code)

    def decode(self, raw):
        if len(raw) % self.length:
            return None
        out = []
        for i in range(0, len(raw), self.length):
            t = self.table.get(raw[i:i + self.length])
            if t is None:
                return None
            out.append(t)
        return "".join(out)

    def encode(self, text):
        codes = [self.reverse.get(ch) for ch in text]
        return None if any(c is None for c in codes) else b"".join(codes)

    def digits(self):
        return [d for d in "0123456789" if d in self.reverse]


def string_bytes(token):
    """The bytes of a PDF string token (literal or hex)."""
    if token.startswith(b"<"):
        h = re.sub(rb"\s", b"", token[1:-1])
        if len(h) % 2:
            h += b"0"
        return bytes.fromhex(h.decode())
    body = token[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == 0x5C and i + 1 < len(body):
            n = body[i + 1]
            if 0x30 <= n <= 0x37:
                j = i + 1
                while j < len(body) and j < i + 4 and 0x30 <= body[j] <= 0x37:
                    j += 1
                out.append(int(body[i + 1:j], 8) & 0xFF)
                i = j
                continue
            out.append({0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def hex_token(raw):
    return b"<" + raw.hex().upper().encode() + b">"


def font_runs(content):
    """(start, end, font name) spans of a content stream: which font each stretch is set in."""
    spans = []
    last, font = 0, None
    for m in re.finditer(rb"/([^\s/<>\[\]()]+)\s+-?[\d.]+\s+Tf", content):
        spans.append((last, m.end(), font))
        last, font = m.end(), m.group(1)
    spans.append((last, len(content), font))
    return spans


def mutate_numbers_in_cells(pdf, rng, make_number):
    """Replaces text strings that spell a number (a table cell) by `make_number(digits)`."""
    new = {}
    for page in pdf.pages():
        fonts = pdf.fonts(page)
        for num in pdf.content_streams(page):
            content = pdf.stream_bytes(num)
            if content is None:
                continue
            pieces, pos, changed = [], 0, False
            for start, end, font in font_runs(content):
                dec = fonts.get(font)
                for m in STRING_TOKEN_RE.finditer(content, start, end):
                    if dec is None:
                        continue
                    try:
                        raw = string_bytes(m.group(0))
                    except ValueError:
                        continue
                    text = dec.decode(raw)
                    if not text or not re.fullmatch(r"[+\-]?[0-9][0-9,.]*", text) or rng.random() < 0.3:
                        continue
                    digits = dec.digits()
                    if not digits:
                        continue
                    encoded = dec.encode(make_number(rng, digits))
                    if encoded is None:
                        continue
                    pieces.append(content[pos:m.start()])
                    pieces.append(hex_token(encoded))
                    pos = m.end()
                    changed = True
            if changed:
                pieces.append(content[pos:])
                new[num] = b"".join(pieces)
    return pdf.replace_streams(new) if new else None


EXTREME_NUMBERS = [b"0", b"-1", b"1e5", b"99999999999", b"-99999999999", b"2147483648", b"32768",
                   b"340282346638528859811704183484516925440", b"-340282346638528859811704183484516925440",
                   b"0.0000001", b"100000000000000000000000000000000000000000", b"3.4e38", b".", b"-"]


def mutate_content_operands(pdf, rng):
    """Rewrites some numeric operands in one content stream (coordinates, sizes, matrices) to
    extreme values, or duplicates / drops operator lines."""
    streams = [n for p in pdf.pages() for n in pdf.content_streams(p)]
    if not streams:
        return None
    num = rng.choice(streams)
    content = pdf.stream_bytes(num)
    if content is None:
        return None
    mode = rng.choice(["numbers", "numbers", "lines", "long_string"])
    if mode == "numbers":
        matches = list(NUMBER_RE.finditer(content))
        if not matches:
            return None
        chosen = rng.sample(matches, min(len(matches), rng.choice([1, 2, 5, 20, 100])))
        edits = [(m.start(), m.end(), rng.choice(EXTREME_NUMBERS)) for m in chosen]
        content = apply_edits(content, edits)
    elif mode == "lines":
        lines = content.split(b"\n")
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(lines))
            if rng.random() < 0.5:
                lines[i:i] = [lines[i]] * rng.choice([2, 10, 1000])
            else:
                del lines[i]
            if not lines:
                lines = [b""]
        content = b"\n".join(lines)
    else:
        tokens = list(STRING_TOKEN_RE.finditer(content))
        if not tokens:
            return None
        m = rng.choice(tokens)
        body = m.group(0)
        inner = body[1:-1] or b"0"
        times = min(rng.choice([100, 5000, 50000]), max(1, 2_000_000 // len(inner)))  # at most ~2 MB
        content = content[:m.start()] + (body[:1] + inner * times + body[-1:]) + content[m.end():]
    return pdf.replace_streams({num: content})


DICT_KEYS = [b"MediaBox", b"CropBox", b"Count", b"Rotate", b"Length", b"Size", b"W", b"FontBBox", b"FontMatrix",
             b"Width", b"Height", b"BitsPerComponent", b"First", b"N", b"UserUnit", b"Matrix", b"BBox"]


def mutate_dictionaries(data, rng):
    """Sets numbers in object dictionaries (page boxes, counts, widths) to extreme values."""
    candidates = []
    for key in DICT_KEYS:
        for m in re.finditer(rb"/" + key + rb"\s*(\[[^\]]*\]|-?\d+(?:\.\d+)?)", data[:2_000_000]):
            candidates.append(m)
    if not candidates:
        return None
    edits = []
    for m in rng.sample(candidates, min(len(candidates), rng.choice([1, 1, 2, 4]))):
        value = m.group(1)
        if value.startswith(b"["):
            nums = value[1:-1].split()
            nums = [rng.choice(EXTREME_NUMBERS) if rng.random() < 0.5 else n for n in nums] or [b"0"]
            new = b"[" + b" ".join(nums) + b"]"
        else:
            new = rng.choice(EXTREME_NUMBERS)
        edits.append((m.start(1), m.end(1), new))
    return rebuild_xref(apply_edits(data, edits))
