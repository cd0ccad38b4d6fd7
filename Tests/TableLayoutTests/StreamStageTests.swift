import PageGeometry
import Testing
@testable import TableLayout

// Unit tests of the stream builder's stages, each on a page made for it (10 pt CJK glyphs, so
// one em is 10 pt).

private let settings = LayoutSettings()
private let cutter = StreamLineCutter(settings: settings)

/// A small table: header, three labelled rows of two numbers, the second label wrapped.
private func smallTable() -> [Glyph] {
    var g = glyphs("信息内容", x: 20, y: 10) + glyphs("本年新增", x: 120, y: 10) + glyphs("现行有效", x: 200, y: 10)
    g += glyphs("1.规章", x: 20, y: 30) + glyphs("3", x: 137.5, y: 30) + glyphs("12", x: 215, y: 30)
    g += glyphs("2.行政规范性", x: 20, y: 50) + glyphs("5", x: 137.5, y: 50) + glyphs("0", x: 217.5, y: 50)
    g += glyphs("文件", x: 20, y: 62)
    g += glyphs("3.其他", x: 20, y: 84) + glyphs("—", x: 135, y: 84) + glyphs("1", x: 217.5, y: 84)
    return g
}

private func table(_ g: [Glyph], rules: [RulingLine] = []) throws -> StreamTable {
    let lines = cutter.lines(of: g)
    let numeric = lines.indices.filter { cutter.isRow(lines[$0]) }
    let region = try #require(StreamRowRegions(settings: settings).regions(numeric, lines).first)
    return try #require(StreamTable(rows: region, lines: lines, rules: rules, taken: [], settings: settings))
}

@Test func lineStageCutsAtCellGapsAndFindsRows() {
    let lines = cutter.lines(of: smallTable())
    #expect(lines.count == 5)
    #expect(lines[1].segments.map(\.text) == ["1.规章", "3", "12"])
    #expect(lines[1].segments.map(\.isValue) == [false, true, true])
    #expect(lines.map(cutter.isRow) == [false, true, true, false, true])
    // One number inside running text is no row; the same number a cell gap away is.
    let prose = cutter.lines(of: glyphs("本年共收到申请 12 件", x: 20, y: 10))
    #expect(!cutter.isRow(prose[0]))
    let row = cutter.lines(of: glyphs("申请数量", x: 20, y: 10) + glyphs("12", x: 120, y: 10))
    #expect(cutter.isRow(row[0]))
}

@Test func lineStageRecutsLabelsAtColumnBoundaries() {
    // Two header texts closer than a cell gap (3 pt < 5 pt), a value-column boundary between them.
    let line = cutter.lines(of: glyphs("自然人", x: 20, y: 10) + glyphs("法人", x: 53, y: 10))[0]
    #expect(line.segments.map(\.text) == ["自然人法人"])
    #expect(cutter.recut(line, at: [51.5], em: 10).segments.map(\.text) == ["自然人", "法人"])
    #expect(cutter.recut(line, at: [80], em: 10).segments.map(\.text) == ["自然人法人"])
}

@Test func rowStageSplitsTablesWhereColumnsStopLiningUp() {
    var g = smallTable()
    // Far below: another table.
    g += glyphs("另表", x: 20, y: 300) + glyphs("7", x: 137.5, y: 300) + glyphs("8", x: 217.5, y: 300)
    // Right below it, numbers in two new columns: a third.
    g += glyphs("再表", x: 20, y: 320) + glyphs("1", x: 300, y: 320) + glyphs("2", x: 400, y: 320)
    let lines = cutter.lines(of: g)
    let numeric = lines.indices.filter { cutter.isRow(lines[$0]) }
    #expect(StreamRowRegions(settings: settings).regions(numeric, lines).map(\.count) == [3, 1, 1])
}

@Test func valueColumnStageClustersNumbersAndKeepsBlankColumns() throws {
    let t = try table(smallTable())
    #expect(t.valueColumns.count == 2)
    #expect(t.valueColumns[0].x0 == 135 && t.valueColumns[1].x1 == 225)
    // A 总计 column nobody filled in: its header text still names it.
    let g = smallTable() + glyphs("总计", x: 270, y: 10)
    #expect(try table(g).valueColumns.count == 3)
}

@Test func bodyRowStageTakesWrappedLabelsAndFindsTheLeafColumn() throws {
    let t = try table(smallTable())
    let (taken, stage) = StreamBodyRows.between(t)
    #expect(taken.body == [3], "the wrapped 文件 line lies between the rows")
    #expect(taken.blankRows.isEmpty)
    #expect(stage.leaf.position == 20 && !stage.leaf.centred)
    #expect(stage.leaf.numbered)
    #expect(!stage.isBlankRow(3), "文件 is no numbered label: it continues 2.行政规范性")
}

@Test func headerStageTakesHeaderLinesAndSkipsHeadings() throws {
    let g = glyphs("三、收到和处理政府信息公开申请情况的说明", x: 20, y: -10) + smallTable()
    let t = try table(g)
    var (taken, stage) = StreamBodyRows.between(t)
    StreamHeaderLines(rows: stage).collect(into: &taken)
    #expect(taken.header == [1], "the heading above is no header line")
    #expect(StreamHeaderLines(rows: stage).isHeading(t.lines[0]))
}

@Test func attachmentStageJoinsAWrappedLabelToItsRow() throws {
    let t = try table(smallTable())
    var (taken, _) = StreamBodyRows.between(t)
    let attached = StreamLabelAttachment(t, body: taken.body).attach(&taken)
    #expect(attached == [2: [3]], "文件 is nearer to 2.行政规范性 than to 3.其他")
}

@Test func attachmentStageMakesALabelARowOfBlankValuesBetweenRules() throws {
    // Every row between rules; a label line alone between two rules is a row of its own.
    var g = smallTable()
    g += glyphs("4.备案", x: 20, y: 106) + glyphs("2", x: 137.5, y: 106) + glyphs("2", x: 217.5, y: 106)
    let rules = [25.0, 45, 60, 80, 100, 120].map { RulingLine(orientation: .horizontal, position: $0, start: 15, end: 240, thickness: 0.5) }
    let t = try table(g, rules: rules)
    var (taken, _) = StreamBodyRows.between(t)
    _ = StreamLabelAttachment(t, body: taken.body).attach(&taken)
    #expect(taken.ownRows.contains(3), "文件 stands between rules of its own")
}

@Test func spanStagePicksTheColumnsAHeaderIsCentredOn() throws {
    let t = try table(smallTable())
    let columns = StreamColumnEdges(t, taken: StreamTableLines(rows: t.rows), attached: [:])
    #expect(columns.labelColumnCount == 1 && columns.columnCount == 3)
    let spans = StreamHeaderSpans(table: t, columns: columns)
    func piece(_ r: ClosedRange<Int>, _ text: String, x: Double, width: Double) -> StreamPiece {
        StreamPiece(range: r, text: text, y: 0, x: x, width: width, bottom: 0, lastY: 0, top: 0, height: 10)
    }
    let below = [piece(1...1, "本年新增", x: 120, width: 40), piece(2...2, "现行有效", x: 200, width: 40)]
    let mid = columns.center(1...2)
    let over = piece(1...1, "文件数量", x: mid - 20, width: 40)
    let line = cutter.lines(of: glyphs("文件数量", x: mid - 20, y: 0))[0]
    #expect(spans.candidateSpans(over, line: line, below: below, medianWidth: 80).first == 1...2, "the widest span it is centred on first")
    // Overlapping texts in one row: the one starting in the same column joins, the other stops.
    var pieces = [[piece(1...2, "甲", x: 120, width: 10), piece(1...1, "乙", x: 130, width: 10), piece(2...2, "丙", x: 200, width: 10)]]
    spans.resolveOverlaps(&pieces)
    #expect(pieces[0].map(\.text) == ["甲乙", "丙"])
    #expect(pieces[0].map(\.range) == [1...1, 2...2])
}

@Test func gridStageSnapsRowEdgesToRules() throws {
    let rules = [45.0].map { RulingLine(orientation: .horizontal, position: $0, start: 15, end: 240, thickness: 0.5) }
    let t = try table(smallTable(), rules: rules)
    let columns = StreamColumnEdges(t, taken: StreamTableLines(rows: t.rows), attached: [:])
    let edges = StreamGridAssembly(table: t, columns: columns).rowEdges([StreamGridRow(lines: [1], isHeader: false), StreamGridRow(lines: [2], isHeader: false)])
    #expect(edges == [29, 45, 61])
}

@Test func blankTableStageFindsTablesWithoutNumbers() {
    let lines = cutter.lines(of: glyphs("信息内容", x: 40, y: 10) + glyphs("本年收费金额", x: 160, y: 10) + glyphs("行政事业性收费", x: 20, y: 30))
    let found = BlankTableFinder(settings: settings).tables(lines, taken: [], page: 1)
    #expect(found.count == 1 && found.first?.1 == [0, 1])
    #expect(found.first?.0.cell(row: 1, column: 0)?.text == "行政事业性收费")
    // Texts only a cell gap apart are no header of columns.
    let prose = cutter.lines(of: glyphs("信息内容", x: 40, y: 10) + glyphs("本年收费", x: 90, y: 10) + glyphs("行政", x: 20, y: 30))
    #expect(BlankTableFinder(settings: settings).tables(prose, taken: [], page: 1).isEmpty)
}

@Test func everyStreamToleranceIsListed() {
    let listing = LayoutSettings().listing
    for name in ["streamCellGap", "streamEdgeInset", "streamWrapLookUp", "streamBlankRowPitch", "textHeaderLead", "textAmbiguousShare"] {
        #expect(listing.contains("\(name) = "), "\(name)")
    }
}
