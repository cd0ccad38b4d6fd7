import PageGeometry
import Testing
@testable import TableLayout

/// A small page drawn by hand: the three-row 申请人情况 header with merged cells, a row group label
/// spanning two rows and a label wrapped over two lines.
private func samplePage() -> PageContent {
    func h(_ y: Double, _ x0: Double, _ x1: Double) -> RulingLine { RulingLine(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 0.5) }
    func v(_ x: Double, _ y0: Double, _ y1: Double) -> RulingLine { RulingLine(orientation: .vertical, position: x, start: y0, end: y1, thickness: 0.5) }
    func glyphs(_ text: String, x: Double, y: Double, size: Double = 10) -> [Glyph] {
        text.enumerated().map { i, c in Glyph(text: String(c), box: Rect(x0: x + Double(i) * size, y0: y, x1: x + Double(i + 1) * size, y1: y + size)) }
    }
    // Columns: label 0–100 | 自然人 100–140 | 商业企业 140–180 | 其他 180–220 | 总计 220–260
    // Rows:    0–20 申请人情况 (over all value columns) | 20–40 自然人 / 法人或其他组织 / 总计 | 40–60 商业企业 其他
    //          60–80, 80–100 data rows; label column split 0–40 (group, two rows) | 40–100
    var lines = [h(0, 0, 260), h(20, 100, 260), h(40, 140, 220), h(60, 0, 260), h(80, 40, 260), h(100, 0, 260)]
    lines += [v(0, 0, 100), v(100, 0, 100), v(140, 20, 100), v(180, 40, 100), v(220, 20, 100), v(260, 0, 100), v(40, 60, 100)]
    var g: [Glyph] = []
    g += glyphs("申请人情况", x: 150, y: 5)
    g += glyphs("自然人", x: 102, y: 35, size: 12)
    g += glyphs("法人或其他组织", x: 142, y: 25, size: 10)
    g += glyphs("总计", x: 225, y: 35)
    g += glyphs("商业企业", x: 141, y: 45, size: 9)
    g += glyphs("其他", x: 190, y: 45)
    g += glyphs("不予", x: 5, y: 65) + glyphs("公开", x: 5, y: 82)   // group label wrapped over two lines
    g += glyphs("国家秘密", x: 45, y: 65)
    g += glyphs("重复申请", x: 45, y: 85)
    g += glyphs("7", x: 115, y: 65) + glyphs("12", x: 150, y: 65) + glyphs("无", x: 195, y: 65) + glyphs("19", x: 230, y: 65)
    return PageContent(number: 1, width: 300, height: 200, glyphs: g, rulingLines: lines)
}

@Test func latticeRecoversMergedHeaderCells() throws {
    let (tables, outside) = LatticeExtractor().extract(samplePage())
    #expect(outside.isEmpty)
    let grid = try #require(tables.first)
    #expect(tables.count == 1)
    #expect(grid.rowCount == 5)
    #expect(grid.columnCount == 6)
    let header = try #require(grid.cells.first { $0.text == "申请人情况" })
    #expect(header.columnSpan == 4 && header.rowSpan == 1)
    let natural = try #require(grid.cells.first { $0.text == "自然人" })
    #expect(natural.rowSpan == 2 && natural.columnSpan == 1)
    let legal = try #require(grid.cells.first { $0.text == "法人或其他组织" })
    #expect(legal.columnSpan == 2)
    let total = try #require(grid.cells.first { $0.text == "总计" })
    #expect(total.rowSpan == 2)
    // The blank top-left corner is one cell over three header rows and two label columns.
    let corner = try #require(grid.cell(row: 0, column: 0))
    #expect(corner.rowSpan == 3 && corner.columnSpan == 2 && corner.text.isEmpty)
}

@Test func latticeJoinsWrappedLabelsAndSpansRowGroups() throws {
    let grid = try #require(LatticeExtractor().extract(samplePage()).tables.first)
    let group = try #require(grid.cells.first { $0.text == "不予公开" })
    #expect(group.rowSpan == 2)
    #expect(grid.cells(inRow: 3).map(\.text) == ["不予公开", "国家秘密", "7", "12", "无", "19"])
    #expect(grid.cells(inRow: 4).map(\.text).prefix(2) == ["不予公开", "重复申请"])
}

@Test func strayStrokesAreNotTableLines() {
    var page = samplePage()
    // A short stroke inside a cell (part of a glyph that slipped through) touches one border only.
    page.rulingLines.append(RulingLine(orientation: .vertical, position: 120, start: 64, end: 74, thickness: 0.5))
    page.rulingLines.append(RulingLine(orientation: .horizontal, position: 150, start: 10, end: 30, thickness: 0.5))
    let grid = LatticeExtractor().extract(page).tables.first
    #expect(grid?.columnCount == 6)
}

@Test func openBottomEdgeIsClosedByColumnLines() throws {
    var page = samplePage()
    // Drop the bottom border (a row cut by a page break) but keep the column lines running down.
    page.rulingLines.removeAll { $0.orientation == .horizontal && $0.position == 100 }
    let grid = try #require(LatticeExtractor().extract(page).tables.first)
    #expect(grid.rowCount == 5)
    #expect(grid.cells.contains { $0.text == "重复申请" })
}

@Test func textLinesGroupGlyphsByBaseline() {
    let glyphs = [
        Glyph(text: "乙", box: Rect(x0: 20, y0: 0, x1: 30, y1: 10)),
        Glyph(text: "甲", box: Rect(x0: 10, y0: 1, x1: 20, y1: 11)),
        Glyph(text: "丙", box: Rect(x0: 10, y0: 20, x1: 20, y1: 30)),
    ]
    let lines = TextLineBuilder.lines(from: glyphs)
    #expect(lines.map(\.text) == ["甲乙", "丙"])
}

@Test func snappingClustersNearbyPositions() {
    #expect(Snapping.cluster([10, 10.5, 11, 40, 41.5], tolerance: 2) == [10.5, 40.75])
    #expect(Snapping.slot(of: 15, in: [0, 10, 20]) == 1)
    #expect(Snapping.slot(of: 25, in: [0, 10, 20]) == nil)
}

@Test func hatchingOfHundredsOfLinesIsNotBuiltAsATable() {
    // 250 × 250 lines 5 pt apart: 62 000 grid positions, far beyond any report table.
    var lines: [RulingLine] = []
    for i in 0...250 {
        let p = Double(i) * 5 + 10
        lines.append(RulingLine(orientation: .horizontal, position: p, start: 10, end: 1260, thickness: 0.5))
        lines.append(RulingLine(orientation: .vertical, position: p, start: 10, end: 1260, thickness: 0.5))
    }
    let page = PageContent(number: 1, width: 1270, height: 1270, glyphs: [], rulingLines: lines)
    #expect(LatticeExtractor().extract(page).tables.isEmpty)
    // A table of 20 × 20 positions is built as before.
    let small = PageContent(number: 1, width: 1270, height: 1270, glyphs: [],
                            rulingLines: lines.filter { $0.position <= 110 }.map { l in var l = l; l.end = 110; return l })
    #expect(LatticeExtractor().extract(small).tables.first?.rowCount == 20)
}

/// A scanned page's lines come without glyphs (the cells are read after the grid is built): its
/// first and last rows are not taken for slivers cut by a page break, so a merged value cell at the
/// foot of the table (行政事业性收费's amount over three columns) stays one cell.
@Test func scannedLatticeKeepsMergedCellsInItsFirstAndLastRows() throws {
    func h(_ y: Double) -> RulingLine { RulingLine(orientation: .horizontal, position: y, start: 0, end: 400, thickness: 1) }
    func v(_ x: Double, _ y0: Double, _ y1: Double) -> RulingLine { RulingLine(orientation: .vertical, position: x, start: y0, end: y1, thickness: 1) }
    // Rows 0–20 (one title cell), 20–40 and 40–60 (four columns), 60–80 (label | one value over three columns).
    let lines = [h(0), h(20), h(40), h(60), h(80), v(0, 0, 80), v(400, 0, 80), v(100, 20, 80), v(200, 20, 60), v(300, 20, 60)]
    let grid = try #require(LatticeExtractor().extract(PageContent(number: 1, width: 500, height: 100, glyphs: [], rulingLines: lines)).tables.first)
    #expect(grid.cells(inRow: 0).count == 1)
    #expect(grid.cells(inRow: 3).map(\.columnSpan) == [1, 3])
}

/// A scanned rule turned back level leaves short pieces beside its column lines; where three of
/// them stop at one height inside a row, that is a hole in the column lines, not the foot of a
/// table cut by a page break: no border is closed there (it split the row （一）予以公开 into a sliver
/// of glyph tops and a blank row).
@Test func columnLinePiecesEndingInsideARowCloseNoBorder() throws {
    var page = samplePage()
    for x in [100.0, 140, 180, 220, 260] {
        page.rulingLines.append(RulingLine(orientation: .vertical, position: x + 0.4, start: 60, end: 71, thickness: 0.5))
    }
    let grid = try #require(LatticeExtractor().extract(page).tables.first)
    #expect(grid.rowCount == 5)
    #expect(grid.cells(inRow: 3).map(\.text) == ["不予公开", "国家秘密", "7", "12", "无", "19"])
}

/// A dashed column line: three columns' dashes end at the same heights, each dash followed by the
/// next: no border is closed at a dash's end, so the dashes below the last border (meeting one
/// border at most) are no row of the table.
@Test func dashedColumnLinesCloseNoBorderAtTheirDashes() throws {
    func h(_ y: Double) -> RulingLine { RulingLine(orientation: .horizontal, position: y, start: 0, end: 300, thickness: 0.5) }
    var lines = [h(0), h(30)]
    for x in [0.0, 100, 200, 300] {
        lines.append(RulingLine(orientation: .vertical, position: x, start: 0, end: 30, thickness: 0.5))
        for y in stride(from: 30.0, to: 90, by: 12) { lines.append(RulingLine(orientation: .vertical, position: x, start: y, end: y + 9, thickness: 0.5)) }
    }
    let page = PageContent(number: 1, width: 400, height: 200, glyphs: [], rulingLines: lines)
    let closing = LatticeExtractor.closingLines(lines, tolerance: 2, reach: 2.5)
    #expect(closing.map(\.position) == [])
    #expect(LatticeExtractor().extract(page).tables.first?.rowCount == 1)
}
