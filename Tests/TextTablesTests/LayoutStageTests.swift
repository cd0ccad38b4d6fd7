import TableLayout
import Testing
@testable import TextTables

/// Unit tests of the layout-text builder's stages, on a small `pdftotext -layout`-like section
/// (character columns: one character, one column).
private let sectionText = """
                        申请人情况
信息内容          自然人     法人     其他
1.规章              3         12        0
2.行政规范性           5          0        1
  文件
3.其他              —          1        2
"""

private func section(_ text: String = sectionText, headerLines: Int = 2) -> (lines: [TextLineInfo], header: [Int], body: [Int]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, t in
        TextLineInfo(index: i, number: i + 1, text: String(t), page: 1)
    }
    for i in lines.indices { for j in lines[i].fragments.indices { lines[i].fragments[j].apply(.characters) } }
    return (lines, Array(0..<headerLines), Array(headerLines..<lines.count))
}

private func area() throws -> LayoutValueArea {
    let s = section()
    return try #require(LayoutValueArea(lines: s.lines, header: s.header, body: s.body, settings: LayoutSettings()))
}

@Test func layoutLineStageSplitsLabelsFromValues() throws {
    let a = try area()
    #expect(a.v == 18, "the first value's column")
    #expect(a.bodyValueLines == [2, 3, 5])
    #expect(a.stubs[3]?.map(\.text) == ["2.行政规范性"])
    #expect(a.tokens[2]?.map(\.text) == ["3", "12", "0"])
    #expect(a.stubs[4]?.map(\.text) == ["文件"] && a.tokens[4] == nil)
    // A label letter-spaced over its line is one label.
    let spaced = section("三 、本 年 度办 理 结果    1    2", headerLines: 0)
    let letters = try #require(LayoutValueArea(lines: spaced.lines, header: [], body: [0], settings: LayoutSettings()))
    #expect(letters.stubs[0]?.map(\.text) == ["三、本年度办理结果"])
}

@Test func layoutHeaderStageStacksWordsAndSetsCaptionsAside() throws {
    let stacks = LayoutHeaderStacks(try area())
    #expect(stacks.stacks.map { $0.frags.map(\.text).joined() } == ["自然人", "法人", "其他"])
    #expect(stacks.spanning.map(\.frag.text) == ["申请人情况"] && stacks.spanning[0].whole)
    #expect(stacks.stubs.map(\.frag.text) == ["信息内容"])
}

@Test func layoutValueColumnStageTakesTheUsualRowAndJoinsLetterSpacedHeaders() throws {
    let a = try area()
    var stacks = LayoutHeaderStacks(a).stacks
    let columns = try #require(LayoutValueColumns(a, stacks: &stacks))
    #expect(columns.count == 3 && columns.stackColumn == [0, 1, 2])
    #expect(columns.centers == [18.5, 29.5, 38.5])
    // 结 果 letter-spaced over two would-be columns, for one column of numbers: one header.
    let s = section("""
    项目        结 果
    甲          3
    """, headerLines: 1)
    let b = try #require(LayoutValueArea(lines: s.lines, header: s.header, body: s.body, settings: LayoutSettings()))
    var split = LayoutHeaderStacks(b).stacks
    #expect(split.count == 2)
    LayoutValueColumns.joinHalves(&split, down: 1, maxPiece: LayoutSettings().textLetterSpacedPieceLength)
    #expect(split.map { $0.frags.map(\.text).joined() } == ["结果"])
    // Two headers one space apart (自然人 商业, packed by pdftotext) are not halves of one.
    let p = section("""
    项目        自然人 商业
    甲          3
    """, headerLines: 1)
    let pb = try #require(LayoutValueArea(lines: p.lines, header: p.header, body: p.body, settings: LayoutSettings()))
    var packed = LayoutHeaderStacks(pb).stacks
    LayoutValueColumns.joinHalves(&packed, down: 1, maxPiece: LayoutSettings().textLetterSpacedPieceLength)
    #expect(packed.count == 2)
}

@Test func layoutSpanStageGivesACaptionEveryColumn() throws {
    let a = try area()
    var header = LayoutHeaderStacks(a)
    let columns = try #require(LayoutValueColumns(a, stacks: &header.stacks))
    var spanning = header.spanning
    LayoutHeaderSpans(stacks: header.stacks, columns: columns, settings: a.settings).resolve(&spanning)
    #expect(spanning.map(\.range) == [0...2])
}

@Test func layoutLabelStageJoinsAWrappedLabelAndAnchorsRows() throws {
    let a = try area()
    let blocks = LayoutLabelBlocks(area: a).blocks()
    #expect(blocks.map(\.text) == ["1.规章", "2.行政规范性文件", "3.其他"])
    let rows = LayoutRows(a, blocks: blocks)
    #expect(rows.rowLines == [2, 3, 5])
    #expect(rows.blockRows == [[2], [3], [5]])
    #expect(rows.extents().bottom == [3, 5, 6], "the wrapped line belongs to its row")
}

@Test func layoutGridStagePutsLabelsAndValuesInTheirColumns() throws {
    let s = section()
    let grid = try #require(LayoutSection(lines: s.lines, header: s.header, body: s.body).grid())
    #expect(grid.columnCount == 4)
    #expect(grid.cells.first { $0.text == "申请人情况" }.map { [$0.column, $0.columnSpan] } == [1, 3])
    let label = try #require(grid.cells.first { $0.text == "2.行政规范性文件" })
    #expect(grid.cells.first { $0.row == label.row && $0.column == 2 }?.text == "0")
    #expect(grid.cells.first { $0.text == "—" }?.column == 1)
}
