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
