#!/usr/bin/env python3
"""Write the DOCX fixtures of Tests/WordTablesTests, the refused-format fixtures of
Tests/GongkaiCLITests/ForeignFixtures, and the MHT copies of two web-page samples in samples/html. Python's standard library only (zipfile, struct, zlib),
so CI needs neither Word nor LibreOffice.

DOCX fixtures are WordprocessingML written by hand, each exercising what real Word files do:
w:gridSpan, w:vMerge restart/continue, w:gridBefore, rows wrapped in a content control, runs
split mid-word, w:br and w:tab inside cells, a text box (mc:AlternateContent with its
mc:Fallback copy), a layout table holding the real one, a paragraph-mark type size for the title,
and docProps/core.xml's title.

Foreign fixtures carry the real signatures of their formats: OLE2 compound files with a FAT and
a directory naming their streams (WordDocument, Workbook), zips with the members of XLSX/OFD,
RAR/7z signatures, and tiny but valid PNG/GIF/BMP images.

Run from the repository root:  python3 scripts/make_word_fixtures.py
"""
import os, struct, zipfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = os.path.join(ROOT, "Tests", "WordTablesTests", "Fixtures")
FOREIGN = os.path.join(ROOT, "Tests", "GongkaiCLITests", "ForeignFixtures")

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')


def put(z, name, text):
    """One member with a fixed date, so that regenerating gives the same bytes."""
    z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text, compress_type=zipfile.ZIP_DEFLATED)


def para(text, size=None):
    rpr = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>' if size else ""
    return f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(inner, span=1, vmerge=None, width=None):
    props = ""
    if width: props += f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1: props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart": props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue": props += '<w:vMerge/>'
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>'


def docx(path, body, core_title=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", CONTENT_TYPES)
        put(z, "word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}>\n  <w:body>{body}<w:sectPr/></w:body>\n</w:document>')
        if core_title is not None:
            put(z, "docProps/core.xml", '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
                       'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                       f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{core_title}</dc:title></cp:coreProperties>')


def merges_docx():
    """Title + a 4-column table: a header cell over columns 1–3 (gridSpan), a label merged down
    two rows (vMerge), a row starting one column in (gridBefore), a row inside a content control,
    a cell with w:br/w:tab and runs split mid-word, and a text box before the table."""
    textbox = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
               + para("文本框说明") + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>'
               + para("文本框说明") + '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
    rows = [
        '<w:tr>' + cell(para("信息内容")) + cell(para("本年情况"), span=3) + '</w:tr>',
        '<w:tr>' + cell(para("规章"), vmerge="restart") + cell(para("5")) + cell(para("0")) + cell(para("12")) + '</w:tr>',
        '<w:tr>' + cell("<w:p/>", vmerge="continue") + cell(para("1")) + cell(para("")) + cell(para("3")) + '</w:tr>',
        # A row whose cells are all blank: a spacer, dropped.
        '<w:tr>' + cell("<w:p/>") + cell("<w:p/>") + cell("<w:p/>") + cell("<w:p/>") + '</w:tr>',
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell(para("7")) + cell(para("8"), span=2) + '</w:tr>',
        '<w:sdt><w:sdtContent><w:tr>' + cell(para("行政<w:br/>规范性文件".replace("<w:br/>", '</w:t><w:br/><w:t>')))
        + cell('<w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p>') + cell('<w:p><w:r><w:t>3</w:t><w:tab/><w:t>4</w:t></w:r></w:p>')
        + cell(para("无")) + '</w:tr></w:sdtContent></w:sdt>',
    ]
    table = '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>' + grid + "".join(rows) + '</w:tbl>'
    hidden = '<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏）</w:t></w:r><w:r><w:t>情况</w:t></w:r></w:p>'
    body = para("某某县财政局2021年政府信息公开工作年度报告", size=44) + hidden + textbox + table + para("四、存在的主要问题")
    docx(os.path.join(WORD, "merges.docx"), body, core_title="文档属性标题")


def layout_table_docx():
    """A one-cell layout table holding the real table, and no title in the body: the title is
    docProps/core.xml's."""
    inner = ('<w:tbl><w:tblGrid><w:gridCol w:w="1500"/><w:gridCol w:w="1500"/></w:tblGrid>'
             '<w:tr>' + cell(para("项目")) + cell(para("数量")) + '</w:tr>'
             '<w:tr>' + cell(para("行政许可")) + cell(para("9")) + '</w:tr></w:tbl>')
    outer = '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr>' + cell(para("表格前的说明") + inner + "<w:p/>") + '</w:tr></w:tbl>'
    docx(os.path.join(WORD, "layout_table.docx"), para("正文") + outer, core_title="某某市2020年政府信息公开工作年度报告")


def styled_title_docx():
    """The title's size comes from its paragraph style (based on another that sets it), and the
    main part is word/document2.xml, named by _rels/.rels as some writers do."""
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ' + NS + '>'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:styleId="Heading"><w:rPr><w:sz w:val="40"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="a3"><w:basedOn w:val="Heading"/></w:style>'
              '</w:styles>')
    title = '<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>某某区2022年政府信息公开工作年度报告</w:t></w:r></w:p>'
    body = title + para("一、总体情况") + '<w:tbl><w:tr>' + cell(para("规章")) + cell(para("2")) + '</w:tr></w:tbl>'
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(os.path.join(WORD, "styled_title.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", CONTENT_TYPES.replace("/word/document.xml", "/word/document2.xml"))
        put(z, "_rels/.rels", rels)
        put(z, "word/document2.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        put(z, "word/styles.xml", styles)


def entity_bomb_docx():
    """A document.xml with a DTD of nested entities ("billion laughs"): Office parts never have a
    DTD, and its entities must not be expanded (10^9 copies of a word)."""
    levels = ['<!ENTITY e0 "报告">'] + [f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    body = '<w:tbl><w:tr>' + cell('<w:p><w:r><w:t>&e9;</w:t></w:r></w:p>') + cell(para("1")) + '</w:tr></w:tbl>'
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [{"".join(levels)}]>\n'
           f'<w:document {NS}><w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(os.path.join(WORD, "entity_bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", CONTENT_TYPES)
        put(z, "word/document.xml", xml)


def hostile_values_docx():
    """Attribute values no writer produces: a negative gridBefore, a huge gridSpan, infinite and
    negative column widths, an absurd type size. They must neither crash nor reach the geometry."""
    grid = '<w:tblGrid><w:gridCol w:w="inf"/><w:gridCol w:w="-300"/><w:gridCol w:w="1e308"/></w:tblGrid>'
    rows = ('<w:tr><w:trPr><w:gridBefore w:val="-5"/></w:trPr>' + cell(para("甲")) + cell(para("1")) + '</w:tr>'
            '<w:tr>' + cell(para("乙"), span=99999) + '</w:tr>')
    body = para("标题", size="1e308") + '<w:tbl>' + grid + rows + '</w:tbl>'
    docx(os.path.join(WORD, "hostile_values.docx"), body)


def flat_xml_fixtures():
    """Word's single-file XML. flat_opc.xml: merges.docx's parts as Flat OPC (pkg:package), as
    Word's "Word XML Document" writes it. word2003.xml: Word 2003 XML, content in wx:sect, merges
    spelt w:vmerge, the title in o:DocumentProperties."""
    z = zipfile.ZipFile(os.path.join(WORD, "merges.docx"))
    def xml_data(name):
        text = z.read(name).decode()
        return text[text.index("?>") + 2:] if text.startswith("<?xml") else text
    parts = "".join(f'<pkg:part pkg:name="/{n}" pkg:contentType="application/xml"><pkg:xmlData>{xml_data(n)}</pkg:xmlData></pkg:part>'
                    for n in ["word/document.xml", "docProps/core.xml"])
    with open(os.path.join(WORD, "flat_opc.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
                f'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">{parts}</pkg:package>')
    w = 'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:o="urn:schemas-microsoft-com:office:office"'
    def c(text, extra=""):
        return f'<w:tc><w:tcPr>{extra}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'
    table = ('<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
             '<w:tr>' + c("信息内容") + c("本年新制发件数", '<w:gridSpan w:val="2"/>') + '</w:tr>'
             '<w:tr>' + c("规章", '<w:vmerge w:val="restart"/>') + c("4") + c("6") + '</w:tr>'
             '<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc>' + c("0") + c("2") + '</w:tr></w:tbl>')
    with open(os.path.join(WORD, "word2003.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
                f'<w:wordDocument {w}><o:DocumentProperties><o:Title>某某镇2019年政府信息公开工作年度报告</o:Title></o:DocumentProperties>'
                f'<w:body><wx:sect><w:p><w:r><w:t>正文开头</w:t></w:r></w:p>{table}</wx:sect></w:body></w:wordDocument>')


def mht_samples():
    """Two web-page samples saved as Word's single-file web page (MHT) under a .doc name, as sites
    publish them: one quoted-printable (Word's choice; lines cut with soft breaks every 76
    characters, through numbers), one base64. Their expected JSON is the page's own."""
    import base64, quopri, shutil
    html_dir = os.path.join(ROOT, "samples", "html")
    for stem, encoding in [("pingtan_2024_article", "quoted-printable"), ("shanghai_bgt_2019_fragment", "base64")]:
        with open(os.path.join(html_dir, stem + ".html"), "rb") as f:
            page = f.read()
        body = quopri.encodestring(page) if encoding == "quoted-printable" else base64.encodebytes(page)
        boundary = b"----=_NextPart_01DA0000.12345678"
        mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="' + boundary + b'"\r\n\r\n'
               b'This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n'
               b'--' + boundary + b'\r\nContent-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: ' + encoding.encode()
               + b'\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n' + body + b'\r\n--' + boundary + b'--\r\n')
        with open(os.path.join(html_dir, stem + "_mht.doc"), "wb") as f:
            f.write(mht)
        shutil.copyfile(os.path.join(html_dir, stem + ".expected.json"), os.path.join(html_dir, stem + "_mht.expected.json"))


def altchunk_docx():
    """A DOCX that only imports a web page whole (w:altChunk), as some HTML-to-Word converters
    write: samples/html/pingtan_2024_article.html as the chunk."""
    with open(os.path.join(ROOT, "samples", "html", "pingtan_2024_article.html"), "rb") as f:
        page = f.read()
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="htmlChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk1.htm"/>'
            '</Relationships>')
    ns = NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(os.path.join(WORD, "altchunk.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", CONTENT_TYPES)
        put(z, "word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body><w:altChunk r:id="htmlChunk1"/><w:sectPr/></w:body></w:document>')
        put(z, "word/_rels/document.xml.rels", rels)
        put(z, "word/afchunk1.htm", page)


# ---- refused formats -------------------------------------------------------------------------

def compound_file(path, streams):
    """A minimal OLE2 compound file (version 3, 512-byte sectors): sector 0 the FAT, sector 1
    the directory (root entry + up to three streams, each empty)."""
    assert len(streams) <= 3
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    assert len(header) == 512
    fat = struct.pack("<II", fat_sect, end) + struct.pack("<I", free) * 126

    def entry(name, kind, child=free, right=free):
        units = name.encode("utf-16-le") + b"\0\0"
        return (units.ljust(64, b"\0") + struct.pack("<HBB", len(units), kind, 1)
                + struct.pack("<III", free, right, child) + bytes(16) + struct.pack("<I", 0) + bytes(16)
                + struct.pack("<IQ", end, 0))
    entries = [entry("Root Entry", 5, child=1 if streams else free)]
    for i, name in enumerate(streams):
        entries.append(entry(name, 2, right=i + 2 if i + 1 < len(streams) else free))
    directory = b"".join(entries).ljust(512, b"\0")
    with open(path, "wb") as f:
        f.write(header + fat + directory)


def zip_file(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            put(z, name, text)


def png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = zlib.compress(b"\0\xff\xff\xff")
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def foreign():
    compound_file(os.path.join(FOREIGN, "legacy.doc"), ["WordDocument", "1Table", "\x05SummaryInformation"])
    compound_file(os.path.join(FOREIGN, "kingsoft.wps"), ["WordDocument", "1Table"])
    compound_file(os.path.join(FOREIGN, "sheet.xls"), ["Workbook", "\x05SummaryInformation"])
    compound_file(os.path.join(FOREIGN, "sheet.et"), ["Workbook"])
    compound_file(os.path.join(FOREIGN, "protected.docx"), ["EncryptedInfo", "EncryptedPackage"])
    with open(os.path.join(WORD, "merges.docx"), "rb") as f: whole = f.read()
    with open(os.path.join(FOREIGN, "truncated.docx"), "wb") as f: f.write(whole[:len(whole) // 2])
    zip_file(os.path.join(FOREIGN, "book.xlsx"), {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    zip_file(os.path.join(FOREIGN, "document.ofd"), {"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>"})
    zip_file(os.path.join(FOREIGN, "bundle.zip"), {"readme.txt": "报告见附件"})
    with open(os.path.join(FOREIGN, "bundle.rar"), "wb") as f: f.write(b"Rar!\x1a\x07\x01\x00" + bytes(32))
    with open(os.path.join(FOREIGN, "bundle.7z"), "wb") as f: f.write(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24))
    with open(os.path.join(FOREIGN, "report_rtf.doc"), "wb") as f:
        f.write(b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs21 \\'b1\\'a8\\'b8\\'e6\\par}")
    png(os.path.join(FOREIGN, "scan.png"))
    with open(os.path.join(FOREIGN, "scan.jpg"), "wb") as f: f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
    with open(os.path.join(FOREIGN, "scan.tif"), "wb") as f: f.write(b"II*\x00\x08\x00\x00\x00" + bytes(8))
    with open(os.path.join(FOREIGN, "scan.gif"), "wb") as f:
        f.write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    with open(os.path.join(FOREIGN, "scan.bmp"), "wb") as f:
        f.write(b"BM" + struct.pack("<IHHI", 58, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, 4, 2835, 2835, 0, 0) + b"\xff\xff\xff\x00")


if __name__ == "__main__":
    os.makedirs(WORD, exist_ok=True)
    os.makedirs(FOREIGN, exist_ok=True)
    merges_docx()
    layout_table_docx()
    styled_title_docx()
    entity_bomb_docx()
    hostile_values_docx()
    flat_xml_fixtures()
    mht_samples()
    altchunk_docx()
    foreign()
