import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

/// Table 四 as pdftotext packed it: header words and the row of values one space apart, lines
/// long enough to look like prose.
@Test func aPackedRowOfValuesOneSpaceApartIsATableRowNotProse() throws {
    let text = try TextDecoding.decode(FileBytes.read(path: fixture("layout_packed_spaced_cells.txt"))).text
    let grid = try #require(TextTableReader().read(text).grids.first { g in g.cells.contains { $0.text == "行政复议" } })
    let last = grid.rowCount - 1
    let values = grid.cells.filter { $0.row == last }.sorted { $0.column < $1.column }.map(\.text)
    #expect(values == Array(repeating: "—", count: 15))
    #expect(grid.cells.contains { $0.text == "行政诉讼" && $0.columnSpan >= 5 })
}

@Test func onlyNumbersOrShortWordsOneSpaceApartAreSpacedCells() {
    let settings = LayoutSettings()
    func line(_ t: String) -> TextLineInfo { TextLineInfo(index: 0, number: 1, text: t, page: 1) }
    #expect(line(" — — — — — — — — — — — — — — —").isSpacedCells(settings))
    #expect(line("维持 纠正 结果 审结 总计 维持 纠正 结果 审结 总计").isSpacedCells(settings))
    // Prose: one long run, or words with punctuation, or letter-spaced single characters.
    #expect(!line("全年因政府信息公开引发行政复议0起、行政诉讼0起").isSpacedCells(settings))
    #expect(!line("本机关 全年 共收到 申请，均已 按时 答复 完毕").isSpacedCells(settings))
    #expect(!line("政 府 信 息 公 开 工 作 年 度 报 告").isSpacedCells(settings))
}

@Test func aLabelFollowedByNumbersOneSpaceApartIsSpacedCells() {
    let settings = LayoutSettings()
    func line(_ t: String) -> TextLineInfo { TextLineInfo(index: 0, number: 1, text: t, page: 1) }
    #expect(line("          1.本机关不掌握相关政府信 — — — — — — —").isSpacedCells(settings))
    #expect(!line("全年共收到申请 3 件，办结 3 件").isSpacedCells(settings))
}

@Test func labelsRunTogetherAreCutAtTheSecondOnesNumbering() {
    // pdftotext ran the end of 1.'s label (息) and 2.'s label together; a group label and a row
    // label likewise (无法提供1.本机关…). A number in running text is not cut (共1.5万元).
    func texts(_ t: String) -> [String] { TextLineInfo(index: 0, number: 1, text: t, page: 1).fragments.map(\.text) }
    #expect(texts("    （四）无 息2.没有现成信息需要另行制 — —") == ["（四）无", "息", "2.没有现成信息需要另行制", "—", "—"])
    #expect(texts("（四）无法提供1.本机关不掌握相关政府信息") == ["（四）无法提供", "1.本机关不掌握相关政府信息"])
    #expect(texts("收费共1.5万元") == ["收费共1.5万元"])
    #expect(TextLineInfo(index: 0, number: 1, text: "息2.没有", page: 1).fragments.last?.numbered == true)
}

@Test func aHeadingNumeralBesideASecondListItemIsATableLabel() throws {
    // 三、 stands as a group label's piece beside 2、's label: table lines, not a heading that
    // would cut table 三 in two.
    let text = try TextDecoding.decode(FileBytes.read(path: fixture("layout_heading_numeral_beside_list_item.txt"))).text
    let grids = TextTableReader().read(text).grids
    let table = try #require(grids.first { g in g.cells.contains { $0.text == "申请人情况" } })
    #expect(table.cells.contains { $0.text.hasPrefix("2、没有现成信息需要另行") })
    #expect(table.cells.contains { $0.text.hasPrefix("3、补正后申请内容仍不明") })
    #expect(table.cells.contains { $0.text.hasPrefix("4、无正当理由大量反复申") })
}
