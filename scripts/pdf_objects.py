"""A PDF file from its numbered objects (1-based, object 1 the catalog): header, bodies,
cross-reference table and trailer. Shared by the fixture scripts that write PDFs by hand."""


def pdf_bytes(objects, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"):
    out = bytearray(header)
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
