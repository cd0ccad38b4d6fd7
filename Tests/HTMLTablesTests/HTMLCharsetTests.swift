import Glibc
import Testing
@testable import HTMLTables

/// UTF-8 → `charset` bytes with the C library's iconv (test helper).
private func encode(_ text: String, as charset: String) -> [UInt8] {
    let cd = iconv_open(charset, "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1), "iconv cannot convert to \(charset)")
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let written = input.withUnsafeMutableBytes { ib in
        output.withUnsafeMutableBytes { ob in
            var inPtr = ib.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = ib.count
            var outPtr = ob.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outLeft = ob.count
            _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            return ob.count - outLeft
        }
    }
    return Array(output.prefix(written))
}

private let page = """
<html><head>META<title>某局2019年政府信息公开工作年度报告</title></head><body>
<p>某局2019年政府信息公开工作年度报告</p>
<table><tr><td>信息内容</td><td>本年新制作数量</td></tr><tr><td>規章·规范性文件</td><td>12</td></tr></table>
</body></html>
"""

@Test(arguments: [
    ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />", "GBK"),
    ("<meta charset='GBK'>", "GBK"),
    ("<META CHARSET=gb18030>", "GB18030"),
    ("", "GB18030"),  // no declaration: not UTF-8, so GB18030
    ("<meta charset=\"utf-8\">", "GBK"),  // a wrong declaration: the bytes are not UTF-8
])
func chinesePagesInGBCharsetsDecode(meta: String, charset: String) throws {
    let bytes = encode(page.replacing("META", with: meta), as: charset)
    #expect(bytes.count > 0 && String(validating: bytes, as: UTF8.self) == nil)  // really not UTF-8
    #expect(HTMLCharset.detect(bytes).name == "GB18030")
    let doc = try HTMLTableReader().read(bytes: bytes)
    #expect(doc.metadataTitle == "某局2019年政府信息公开工作年度报告")
    #expect(doc.grids.first?.cells.map(\.text) == ["信息内容", "本年新制作数量", "規章·规范性文件", "12"])
    #expect(doc.leadingLines.first?.text == "某局2019年政府信息公开工作年度报告")
}

@Test func byteOrderMarksAndDeclarationsAreRead() {
    #expect(HTMLCharset.detect([0xEF, 0xBB, 0xBF] + Array("<p>x".utf8)) == .init(name: "UTF-8", bomLength: 3, source: "bom"))
    #expect(HTMLCharset.detect([0xFF, 0xFE, 0x3C, 0x00]).name == "UTF-16LE")
    #expect(HTMLCharset.detect(Array("<meta charset=\"big5\"><p>".utf8)).name == "BIG5-HKSCS")
    #expect(HTMLCharset.detect(Array("<script>var charset='gbk'</script><p>自然人".utf8)).name == "UTF-8")
    #expect(HTMLCharset.detect(Array("<p>plain ascii".utf8)).name == "UTF-8")
}

@Test func utf16PagesWithBOMDecode() throws {
    let bytes: [UInt8] = [0xFF, 0xFE] + encode(page.replacing("META", with: ""), as: "UTF-16LE")
    let doc = try HTMLTableReader().read(bytes: bytes)
    #expect(doc.grids.first?.cells.last?.text == "12")
}

/// Stray bytes (a cut-off character, a byte no charset maps) become U+FFFD; the page reads on.
@Test(arguments: ["GBK", "UTF-8"])
func undecodableBytesDoNotEndThePage(charset: String) throws {
    let meta = charset == "GBK" ? "<meta charset=\"gb2312\">" : "<meta charset=\"utf-8\">"
    var bytes = encode(page.replacing("META", with: meta), as: charset)
    let marker = Array("<p>".utf8)
    let at = try #require((0..<(bytes.count - 3)).first { Array(bytes[$0..<($0 + 3)]) == marker })
    bytes.insert(contentsOf: [0xFF, 0xFF], at: at + 3)  // invalid in both charsets
    bytes.append(0x81)  // a lead byte cut off at the end
    let doc = try HTMLTableReader().read(bytes: bytes)
    #expect(doc.leadingLines.first?.text == "\u{FFFD}\u{FFFD}某局2019年政府信息公开工作年度报告")
    #expect(doc.grids.first?.cells.map(\.text) == ["信息内容", "本年新制作数量", "規章·规范性文件", "12"])
}

/// A charset iconv does not know: an ASCII/UTF-8 page still reads; any other bytes would be
/// mojibake, so the page is refused naming the label. Wide encodings without a byte-order mark are
/// refused too, and UTF-32 byte-order marks are not mistaken for UTF-16.
@Test func undecodableCharsetsAreRefusedWithTheirName() throws {
    let gbk = encode(page.replacing("META", with: "<meta charset=\"x-klingon\">"), as: "GBK")
    #expect(throws: HTMLError.unsupportedEncoding("the page declares charset \"X-KLINGON\", which this build cannot decode")) {
        try HTMLTableReader().read(bytes: gbk)
    }
    let utf8 = Array(page.replacing("META", with: "<meta charset=\"x-klingon\">").utf8)
    #expect(try HTMLTableReader().read(bytes: utf8).grids.first?.cells.last?.text == "12")

    let wide = encode(page.replacing("META", with: ""), as: "UTF-16BE")
    #expect(throws: HTMLError.unsupportedEncoding("the page looks like UTF-16 without a byte-order mark")) {
        try HTMLTableReader().read(bytes: wide)
    }
    let utf32: [UInt8] = [0xFF, 0xFE, 0x00, 0x00] + encode(page.replacing("META", with: ""), as: "UTF-32LE")
    #expect(HTMLCharset.detect(utf32).name == "UTF-32LE")
    #expect(try HTMLTableReader().read(bytes: utf32).grids.first?.cells.last?.text == "12")
}

/// A NUL in a page used to end it for libxml2; now it is dropped and the rest reads.
@Test func nulBytesDoNotEndThePage() throws {
    var bytes = Array(page.replacing("META", with: "<meta charset=\"utf-8\">").utf8)
    bytes.insert(0, at: 20)
    #expect(try HTMLTableReader().read(bytes: bytes).grids.first?.cells.last?.text == "12")
}
