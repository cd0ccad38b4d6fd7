import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

// Where a section's header columns begin, and where a new section starts.

/// The value under the header cell `header` in the row of the label `label`.
private func value(under header: String, of label: String, in grid: CellGrid) -> String? {
    guard let h = grid.cells.first(where: { $0.text == header }), let l = grid.cells.first(where: { $0.text == label }) else { return nil }
    return grid.cell(row: l.row, column: h.column)?.text
}

@Test func rowsContinuedOnTheNextPageKeepTheHeadersColumnsThoughShifted() throws {
    // The header on one page, its rows on the next one set five columns further left: the rows'
    // labels end left of 信息内容, which is still the label column's header, not a column of numbers.
    let text = try TextDecoding.decode(FileBytes.read(path: fixture("layout_rows_on_next_page_shifted.txt"))).text
    let grid = try #require(TextTableReader().read(text).grids.first { g in g.cells.contains { $0.text == "第二十条第（六）项" } })
    #expect(value(under: "上一年项目数量", of: "行政处罚", in: grid) == "0")
    #expect(value(under: "本年增/减", of: "行政处罚", in: grid) == "+1")
    #expect(value(under: "处理决定数量", of: "行政处罚", in: grid) == "188")
    #expect(value(under: "上一年项目数量", of: "行政强制", in: grid) == "9")
}

@Test func aCaptionFarLeftOfItsOneColumnStartsANewSection() throws {
    // 第二十条第(五)项 over one wide column whose number stands at the cell's right edge: its own
    // section (信息内容 | 本年处理决定数量), not a row label under the (一) section's three columns.
    let text = try TextDecoding.decode(FileBytes.read(path: fixture("layout_caption_far_left_of_one_column.txt"))).text
    let grids = TextTableReader().read(text).grids
    #expect(grids.count == 4)
    let licensing = try #require(grids.first { g in g.cells.contains { $0.text == "第二十条第(五)项" } })
    #expect(licensing.columnCount == 2)
    #expect(value(under: "本年处理决定数量", of: "行政许可", in: licensing) == "103")
    let penalty = try #require(grids.first { g in g.cells.contains { $0.text == "第二十条第(六)项" } })
    #expect(value(under: "本年处理决定数量", of: "行政处罚", in: penalty) == "1")
    #expect(value(under: "本年处理决定数量", of: "行政强制", in: penalty) == "—")
}
