import PageGeometry
import Testing
@testable import TableLayout


/// A borderless table as a word processor lays it out: a merged 申请人情况 header over a two-level
/// header, a label wrapped over two lines with its numbers centred between them, a group label
/// beside its rows, a number-free heading above and running text below.
private func borderlessPage() -> [Glyph] {
    var g: [Glyph] = []
    g += glyphs("三、收到和处理政府信息公开申请情况", x: 20, y: 10, size: 12)
    // Value columns centred at 160, 210, 260, 310 (50 pt wide).
    g += glyphs("申请人情况", x: 210, y: 40)                                   // centred at 235 (over all)
    g += glyphs("自然人", x: 145, y: 56)
    g += glyphs("法人或其他组织", x: 200, y: 56)                                // centred at 235 (over 210–260)
    g += glyphs("总计", x: 300, y: 56)
    g += glyphs("商业", x: 200, y: 70) + glyphs("企业", x: 200, y: 82)          // wrapped header, centred at 210
    g += glyphs("其他", x: 250, y: 72)
    g += glyphs("一、本年新收申请数量", x: 20, y: 100)
    for (x, v) in [(157.5, "9"), (207.5, "1"), (257.5, "—"), (305, "10")] { g += glyphs(v, x: x, y: 100) }
    // A label on two lines, its numbers centred between them; a group label beside it.
    g += glyphs("（三）", x: 20, y: 128)
    g += glyphs("1.属于国家秘密的", x: 60, y: 122) + glyphs("信息", x: 60, y: 134)
    for (x, v) in [(157.5, "2"), (207.5, "0"), (257.5, "/"), (307.5, "2")] { g += glyphs(v, x: x, y: 128) }
    g += glyphs("2.重复申请", x: 60, y: 152)
    for (x, v) in [(157.5, "3"), (207.5, "1"), (255, "无"), (307.5, "4")] { g += glyphs(v, x: x, y: 152) }
    g += glyphs("四、本年度共收到申请十件，均已按期答复完毕，无逾期情况发生。", x: 20, y: 190, size: 12)
    return g
}

@Test func streamRebuildsBorderlessTable() throws {
    let (tables, outside) = StreamExtractor().extract(glyphs: borderlessPage(), page: 3)
    let grid = try #require(tables.first)
    #expect(tables.count == 1)
    #expect(grid.method == .stream && grid.page == 3)
    // The heading and the running text stay outside.
    let rest = outside.map(\.text).joined()
    #expect(rest.contains("三、收到和处理") && rest.contains("均已按期答复"))
    #expect(!rest.contains("申请人情况"))

    let texts = grid.cells.map(\.text)
    #expect(texts.contains("商业企业"), "wrapped header lines joined: \(texts)")
    #expect(texts.contains("1.属于国家秘密的信息"), "label lines joined to their row: \(grid.debugDescription)")
    let top = try #require(grid.cells.first { $0.text == "申请人情况" })
    let legal = try #require(grid.cells.first { $0.text == "法人或其他组织" })
    #expect(top.columnSpan == 4, "\(grid.debugDescription)")
    #expect(legal.columnSpan == 2, "\(grid.debugDescription)")

    // Every number sits under its header column.
    func under(_ header: String, row label: String) -> String? {
        guard let h = grid.cells.first(where: { $0.text == header }),
              let l = grid.cells.first(where: { $0.text == label }) else { return nil }
        return grid.cells.first { $0.row == l.row && $0.box.horizontalOverlap(h.box) >= 0.5 * min($0.box.width, h.box.width) && $0.box.x0 >= l.box.x1 - 1 }?.text
    }
    #expect(under("自然人", row: "一、本年新收申请数量") == "9")
    #expect(under("其他", row: "一、本年新收申请数量") == "—")
    #expect(under("总计", row: "1.属于国家秘密的信息") == "2")
    #expect(under("商业企业", row: "2.重复申请") == "1")
    #expect(under("其他", row: "2.重复申请") == "无")
}

@Test func streamUsesHorizontalRulesAsRowSeparators() throws {
    // Two rows whose labels wrap; the rules say which wrapped line belongs to which row.
    var g: [Glyph] = []
    g += glyphs("信息内容", x: 20, y: 10) + glyphs("本年制发件数", x: 120, y: 10) + glyphs("现行有效件数", x: 220, y: 10)
    g += glyphs("规章", x: 20, y: 40)
    g += glyphs("0", x: 147.5, y: 40) + glyphs("0", x: 247.5, y: 40)
    g += glyphs("规范性", x: 20, y: 62) + glyphs("文件", x: 20, y: 74)
    g += glyphs("5", x: 147.5, y: 62) + glyphs("12", x: 245, y: 62)
    let rules = [0.0, 30, 56, 90].map { RulingLine(orientation: .horizontal, position: $0, start: 15, end: 300, thickness: 0.5) }
    let grid = try #require(StreamExtractor().extract(glyphs: g, rules: rules, page: 1).tables.first)
    #expect(grid.rowCount == 3, "\(grid.debugDescription)")
    #expect(grid.cells.contains { $0.text == "规范性文件" && $0.row == 2 })
    #expect(grid.rowEdges.contains { abs($0 - 56) < 0.01 })
}

@Test func streamIgnoresRunningText() {
    var g: [Glyph] = []
    for (i, line) in ["本机关全年共收到政府信息公开申请12件，较上年增加3件。", "其中自然人申请10件，法人或其他组织申请2件。"].enumerated() {
        g += glyphs(line, x: 20, y: 20 + Double(i) * 18, size: 12)
    }
    #expect(StreamExtractor().extract(glyphs: g, page: 1).tables.isEmpty)
    var off = LayoutSettings()
    off.stream = .off
    #expect(StreamExtractor(settings: off).extract(glyphs: borderlessPage(), page: 1).tables.isEmpty)
}

@Test func valueTokens() {
    for t in ["0", "12", "+3", "-2", "0.386", "1,024", "251000元", "12.5万元", "—", "/", "无", "１２"] { #expect(StreamSegment([Glyph(text: t, box: Rect(x0: 0, y0: 0, x1: 10, y1: 10))]).isValue, "\(t)") }
    for t in ["", "规章", "2024年", "1.属于", "第1项", "3.其他"] { #expect(!TableTokens.isValue(t), "\(t)") }
}

@Test func sidewaysPageTurnsUpright() {
    // A landscape table drawn turned counter-clockwise on a portrait page: text runs bottom to top.
    let page = PageContent(number: 1, width: 595, height: 842,
                           glyphs: [Glyph(text: "规", box: Rect(x0: 100, y0: 700, x1: 110, y1: 710)),
                                    Glyph(text: "章", box: Rect(x0: 100, y0: 690, x1: 110, y1: 700))],
                           rulingLines: [RulingLine(orientation: .vertical, position: 90, start: 600, end: 800, thickness: 0.5)])
    var votes = TextDirection.Votes()
    for _ in 0..<30 { votes.add(from: page.glyphs[0].box, to: page.glyphs[1].box) }
    #expect(votes.winner == .up)
    let upright = page.upright(from: .up)
    #expect(upright.width == 842 && upright.height == 595)
    let (a, b) = (upright.glyphs[0].box, upright.glyphs[1].box)
    #expect(b.x0 > a.x0 && abs(a.y0 - b.y0) < 0.01, "text runs left to right")
    #expect(a == Rect(x0: 132, y0: 100, x1: 142, y1: 110))
    let line = upright.rulingLines[0]
    #expect(line.orientation == .horizontal && line.position == 90 && line.start == 42 && line.end == 242)
    // Turning the other way and back is the identity on boxes.
    let down = PageContent(number: 1, width: 842, height: 595, glyphs: upright.glyphs, rulingLines: []).upright(from: .down)
    #expect(down.glyphs[0].box == Rect(x0: 100, y0: 700, x1: 110, y1: 710))
    #expect(TextDirection.Votes().winner == .upright)
}

@Test func streamKeepsRowsWhoseValuesAreAllBlank() throws {
    // Table 二 as a word processor sets it without borders: the 规章 row and the 行政强制 row are
    // left blank; their labels are rows of blank cells, not parts of their neighbours' labels.
    var g: [Glyph] = []
    g += glyphs("信息内容", x: 40, y: 10) + glyphs("本年制发件数", x: 150, y: 10) + glyphs("现行有效件数", x: 250, y: 10)
    g += glyphs("规章", x: 20, y: 30)
    g += glyphs("行政规范性文件", x: 20, y: 50) + glyphs("3", x: 177.5, y: 50) + glyphs("9", x: 277.5, y: 50)
    g += glyphs("行政许可", x: 20, y: 70) + glyphs("10", x: 175, y: 70) + glyphs("2", x: 277.5, y: 70)
    g += glyphs("行政强制", x: 20, y: 90)
    g += glyphs("三、收到和处理政府信息公开申请情况的说明文字较长一行", x: 20, y: 140, size: 12)
    let grid = try #require(StreamExtractor().extract(glyphs: g, page: 1).tables.first)
    let labels = grid.cells.filter { $0.column == 0 }.map(\.text)
    #expect(labels == ["信息内容", "规章", "行政规范性文件", "行政许可", "行政强制"], "\(grid.debugDescription)")
    let blank = try #require(grid.cells.first { $0.text == "行政强制" })
    #expect(grid.cells.filter { $0.row == blank.row && $0.column > 0 }.allSatisfy { $0.text.isEmpty })

    // A small table whose only value is blank: header and label, no number at all.
    var h: [Glyph] = []
    h += glyphs("信息内容", x: 40, y: 10) + glyphs("本年收费金额（单位：万元）", x: 160, y: 10)
    h += glyphs("行政事业性收费", x: 20, y: 30)
    let block = try #require(StreamExtractor().extract(glyphs: h, page: 2).tables.first)
    #expect(block.rowCount == 2 && block.columnCount == 2)
    #expect(block.cell(row: 1, column: 0)?.text == "行政事业性收费" && block.cell(row: 1, column: 1)?.text == "")
}

@Test func streamKeepsAColumnLeftBlankInEveryRow() throws {
    // A 总计 column nobody filled in: no number gives it, its header text still names it.
    var g: [Glyph] = []
    g += glyphs("申请情况", x: 20, y: 10) + glyphs("自然人", x: 145, y: 10) + glyphs("其他", x: 200, y: 10) + glyphs("总计", x: 250, y: 10)
    g += glyphs("一、本年新收", x: 20, y: 30) + glyphs("3", x: 157.5, y: 30) + glyphs("1", x: 207.5, y: 30)
    g += glyphs("二、上年结转", x: 20, y: 50) + glyphs("0", x: 157.5, y: 50) + glyphs("2", x: 207.5, y: 50)
    let grid = try #require(StreamExtractor().extract(glyphs: g, page: 1).tables.first)
    let total = try #require(grid.cells.first { $0.text == "总计" })
    let other = try #require(grid.cells.first { $0.text == "其他" })
    #expect(total.column > other.column, "\(grid.debugDescription)")
    let rowOne = try #require(grid.cells.first { $0.text == "一、本年新收" }).row
    #expect(grid.cells.first { $0.row == rowOne && $0.column == total.column }?.text == "", "\(grid.debugDescription)")
    #expect(grid.cells.first { $0.row == rowOne && $0.column == other.column }?.text == "1")
}

@Test func streamSpansALoneHeaderAndItsNumbersOverTheValueColumns() throws {
    // Table 二: three value columns in the first block, then a block whose one header text is
    // centred over all three with one number per row (the merged cells of a ruled table).
    var g: [Glyph] = []
    g += glyphs("信息内容", x: 20, y: 10) + glyphs("本年制发件数", x: 120, y: 10) + glyphs("本年废止件数", x: 200, y: 10) + glyphs("现行有效件数", x: 280, y: 10)
    g += glyphs("规章", x: 20, y: 30) + glyphs("1", x: 147.5, y: 30) + glyphs("0", x: 227.5, y: 30) + glyphs("4", x: 307.5, y: 30)
    g += glyphs("信息内容", x: 20, y: 50) + glyphs("本年处理决定数量", x: 190, y: 50)
    g += glyphs("行政许可", x: 20, y: 70) + glyphs("103", x: 227.5, y: 70)
    let grid = try #require(StreamExtractor().extract(glyphs: g, page: 1).tables.first)
    let header = try #require(grid.cells.first { $0.text == "本年处理决定数量" })
    let value = try #require(grid.cells.first { $0.text == "103" })
    #expect(header.columnSpan == 3, "\(grid.debugDescription)")
    #expect(value.columnSpan == 3 && value.column == header.column, "\(grid.debugDescription)")
}

/// cairo's Type 3 fonts give CJK glyphs boxes as tall as the font's bounding box and digits boxes
/// half that: grouped by centre, `2024` falls out of its title line; joined back as a fragment
/// that fills a gap in the taller line.
@Test func digitsInShorterBoxesRejoinTheirLine() {
    func run(_ text: String, x: Double, y0: Double, y1: Double, width: Double) -> [Glyph] {
        text.enumerated().map { i, c in Glyph(text: String(c), box: Rect(x0: x + Double(i) * width, y0: y0, x1: x + Double(i + 1) * width, y1: y1)) }
    }
    let agency = run("泉州市文化局", x: 100, y0: 47, y1: 99, width: 22)
    let title = run("2024", x: 146, y0: 102, y1: 131, width: 11) + run("年政府信息公开工作年度报告", x: 190, y0: 85, y1: 137, width: 20)
    let body = run("本报告根据条例编制本报告根据条例编制本报告根据条例编制", x: 89, y0: 131.5, y1: 158.8, width: 10.5)
    let lines = TextLineBuilder.lines(from: agency + title + body)
    #expect(lines.map(\.text).contains("2024"))
    let joined = TextLineBuilder.joiningInlineFragments(lines).map(\.text)
    #expect(joined == ["泉州市文化局", "2024年政府信息公开工作年度报告", "本报告根据条例编制本报告根据条例编制本报告根据条例编制"])
}
