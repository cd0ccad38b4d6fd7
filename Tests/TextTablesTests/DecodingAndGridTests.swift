import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

@Test func decodesUTF8WithAndWithoutBOMAndUTF16() throws {
    let text = "规章 5 1 7\n"
    #expect(try TextDecoding.decode(Array(text.utf8)) == (text, .utf8))
    #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == (text, .utf8BOM))
    let units = Array(text.utf16)
    let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
    #expect(try TextDecoding.decode(le) == (text, .utf16LE))
    #expect(try TextDecoding.decode(be) == (text, .utf16BE))
}

@Test func decodesGBKBytes() throws {
    // 行政许可 in GBK.
    let gbk: [UInt8] = [0xD0, 0xD0, 0xD5, 0xFE, 0xD0, 0xED, 0xBF, 0xC9, 0x20, 0x39, 0x32]
    let decoded = try TextDecoding.decode(gbk)
    #expect(decoded.text == "行政许可 92")
    #expect(decoded.encoding == .gb18030)
}

@Test func otherEncodingsAreAnErrorNotGarbage() throws {
    let latin1 = try FileBytes.read(path: fixture("latin1.txt"))
    #expect(throws: TextDecodingError.self) { try TextDecoding.decode(latin1) }
    #expect(throws: TextDecodingError.self) { try TextDecoding.decode([0x61, 0x00, 0x62, 0x00]) }  // UTF-16 without BOM
    do {
        _ = try ReportExtractor().extract(path: fixture("latin1.txt"))
        Issue.record("a Latin-1 file was read")
    } catch {
        #expect(error.code == "unsupported_encoding")
        #expect(error.exitStatus == 12)
        #expect(error.message.contains("latin1.txt"))
    }
}

@Test func displayWidthCountsCJKTwice() {
    #expect(TextTokens.displayWidth("行政许可") == 8)
    #expect(TextTokens.displayWidth("（七）总计") == 10)
    #expect(TextTokens.displayWidth("12.5") == 4)
    #expect(TextTokens.displayWidth("—") == 1)
}

@Test func valueTokensAndNumbering() {
    for v in ["0", "92", "-3", "+5", "4107.72", "1,208", "无", "—", "/", "251000元", "０"] { #expect(TextTokens.isValue(v), "\(v)") }
    for v in ["行政许可", "1.属于国家秘密", "2019年", "7.", "第二十条"] { #expect(!TextTokens.isValue(v), "\(v)") }
    for l in ["三、本年度办理结果", "（二）部分公开", "(七)总ì", "1.属于国家秘密", "2、重复申请", "5．要求"] {
        #expect(TextTokens.startsWithNumbering(Substring(l)), "\(l)")
    }
    for l in ["信息公开申请数量", "予公开", "（区分处理的，只计这一情形）", "2019 年"] { #expect(!TextTokens.startsWithNumbering(Substring(l)), "\(l)") }
}

@Test func converterGarbageIsStripped() {
    #expect(TextTokens.stripConverterGarbage("F新收政府 [·]") == "F新收政府")
    #expect(TextTokens.stripConverterGarbage("\\Box") == "")
    #expect(TextTokens.stripConverterGarbage("■ ##") == "")
    #expect(TextTokens.stripConverterGarbage("· · · · · ·") == "")
    #expect(TextTokens.stripConverterGarbage("社会 公益 组织") == "社会 公益 组织")
}

@Test func layoutGridStacksHeaderWordsAndSpansGroupLabels() throws {
    // pdftotext -layout output of a 2019 report: 自然/人, 社会/公益/组织 stacked over header lines,
    // 申请人情况 over all columns, 三、/本年/度办/理结/果 and （三）/不予公/开 beside their rows.
    let text = try TextDecoding.decode(FileBytes.read(path: fixture("layout_pdftotext_2019.txt"))).text
    let (doc, report) = TextTableReader().analyze(text)
    #expect(report.metric == .characters)
    let grid = try #require(doc.grids.first { g in g.cells.contains { $0.text == "申请人情况" } })
    let texts = grid.cells.map(\.text)
    for word in ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] { #expect(texts.contains(word), "\(word)") }
    #expect(grid.cells.first { $0.text == "申请人情况" }?.columnSpan == 7)
    let group = try #require(grid.cells.first { $0.text == "（三）不予公开" })
    #expect(group.rowSpan == 3)
    let outer = try #require(grid.cells.first { $0.text == "三、本年度办理结果" })
    #expect(outer.rowSpan >= 3)
    // Labels wrapped around their row's numbers are joined.
    #expect(texts.contains("2.其他法律行政法规禁止公开"))
    #expect(texts.contains("5.要求行政机关确认或重新出具已获取信息"))
    // Table 四: group headers span their five columns each.
    let review = try #require(doc.grids.first { g in g.cells.contains { $0.text == "复议后起诉" } })
    #expect(review.cells.first { $0.text == "行政复议" }.map { [$0.column, $0.columnSpan] } == [0, 5])
    #expect(review.cells.first { $0.text == "未经复议直接起诉" }.map { [$0.column, $0.columnSpan] } == [5, 5])
    #expect(review.cells.first { $0.text == "复议后起诉" }.map { [$0.column, $0.columnSpan] } == [10, 5])
}

@Test func ambiguousShortLayoutRowIsNotGuessedIntoColumns() {
    // Two numbers for seven columns, each halfway between two columns: which columns they belong to
    // is not clear, so the grid keeps them in one cell across the columns (the report layer then
    // decides from the identities or leaves the row null).
    let centers: [Double] = [10, 14, 18, 22, 26, 30, 34]
    if case .ambiguous = LayoutSection.place([12, 24], in: centers) {} else { Issue.record("guessed a placement") }
    if case .columns(let c) = LayoutSection.place([10, 34], in: centers) { #expect(c == [0, 6]) } else { Issue.record("clear placement refused") }
}

@Test func pageFurnitureNamesPageNumbersButNotValues() {
    #expect(PageFurniture.isPageNumber("— 3 —", atPageEdge: false))
    #expect(PageFurniture.isPageNumber(" 第 3 页 ", atPageEdge: false))
    #expect(PageFurniture.isPageNumber("12", atPageEdge: true))
    // A lone number inside the page may be a table value on its own line.
    #expect(!PageFurniture.isPageNumber("12", atPageEdge: false))
    #expect(!PageFurniture.isPageNumber("1.信访举报投诉类申请 0 0 0", atPageEdge: true))
}

/// Cells separated by tabs (a web table copied or crawled): the tabs are cell boundaries, not the
/// columns of a layout, so no layout grid is built from them (their tab stops would put numbers
/// under the wrong headers); the template alignment reads such text.
@Test func tabDelimitedRowsAreNotReadAsLayoutText() {
    let text = "申请人情况\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        + "一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859\n二、上年结转政府信息公开申请数量\t18\t\t\t\t\t\t18\n"
        + "四、结转下年度继续办理\t72\t\t\t\t\t\t72\n"
    #expect(TextTableReader().read(text).grids.isEmpty)
    #expect(TextLineInfo.isTabDelimited("自然人\t总计"))
    #expect(!TextLineInfo.isTabDelimited("自然人\t"))
    #expect(!TextLineInfo.isTabDelimited("一、总体情况"))
}
