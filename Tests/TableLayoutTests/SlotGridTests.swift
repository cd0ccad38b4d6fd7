import PageGeometry
import TableLayout
import Testing

/// A 3-column table as markup places it: a header over all columns, a label down two rows, a
/// short row, an all-blank spacer row and a blank last row.
private let slots: [SlotGrid.Slot] = [
    .init(row: 0, column: 0, columnSpan: 3, text: "信息内容"),
    .init(row: 1, column: 0, rowSpan: 3, text: "规章"),
    .init(row: 1, column: 1, text: "5"), .init(row: 1, column: 2, text: "7"),
    .init(row: 2, column: 1, text: ""), .init(row: 2, column: 2, text: ""),  // spacer (its label cell is from row 1)
    .init(row: 3, column: 1, text: "9"),                                     // short row: column 2 missing
    .init(row: 4, column: 0, text: ""), .init(row: 4, column: 1, text: ""), .init(row: 4, column: 2, text: ""),
]

@Test func slotGridDropsSpacerRowsFillsShortRowsAndKeepsABlankLastRow() throws {
    let grid = try #require(SlotGrid(rowCount: 5, slots: slots).cellGrid(page: 2, columnWidths: [60, 30, 30], rowHeight: 20))
    #expect(grid.page == 2)
    #expect(grid.rowCount == 4, "the spacer row is dropped, the blank last row kept")
    let label = try #require(grid.cell(row: 2, column: 0))
    #expect(label.text == "规章" && label.row == 1 && label.rowSpan == 2, "its span shortened across the dropped row")
    #expect(grid.cell(row: 2, column: 2)?.text == "", "the short row's missing slot is an empty cell")
    #expect(grid.cell(row: 3, column: 1)?.text == "")
    #expect(grid.columnEdges == [0, 60, 90, 120])
    // The dropped row's height goes to the row above: row 2 of the grid is <tr> 3.
    #expect(grid.rowEdges == [0, 20, 60, 80, 100])
    // Every position is covered by exactly one cell.
    for r in 0..<grid.rowCount {
        for c in 0..<grid.columnCount { #expect(grid.cells.filter { $0.covers(row: r) && $0.covers(column: c) }.count == 1) }
    }
}

@Test func slotGridRefusesTablesTooLargeToFill() {
    let huge = SlotGrid(rowCount: 2000, slots: [.init(row: 0, column: 199, text: "x")])
    #expect(!huge.isLayable)
    #expect(huge.cellGrid(page: 1, columnWidths: Array(repeating: 1, count: 200), rowHeight: 20) == nil)
    #expect(SlotGrid(rowCount: 1, slots: [.init(row: 0, column: 0, text: "")]).cellGrid(page: 1, columnWidths: [1], rowHeight: 20) != nil,
            "a one-row blank table is a row of blank values")
}
