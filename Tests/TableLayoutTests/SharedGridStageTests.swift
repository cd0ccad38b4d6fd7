import PageGeometry
import Testing
@testable import TableLayout

// The grid stage shared by the stream builder, the layout-text builder and pipe tables: the
// columns a position falls in, and the cells laid on the edges.

@Test func gridStageCoversEveryPositionOnceAndKeepsAllText() {
    var cells = GridAssembler(rowEdges: [0, 10, 20], columnEdges: [0, 5, 10, 15], page: 2, source: .page)
    cells.add(rows: 0...0, columns: 1...2, text: "申请人情况")
    cells.add(rows: 0...1, columns: 2...2, text: "总计")      // top-left taken: its text joins that cell
    cells.add(rows: 1...1, columns: 0...5, text: "本年新收")  // clamped to the grid
    cells.add(rows: 4...4, columns: 0...0, text: "lost")      // outside: dropped
    let grid = cells.build()
    #expect(grid.page == 2 && grid.method == .stream && !grid.blankCellsMayBeLost)
    #expect(grid.cells.map(\.text) == ["", "申请人情况总计", "本年新收"])
    #expect(grid.cells.map(\.columnSpan) == [1, 2, 3])
    #expect(grid.cells[1].box == Rect(x0: 5, y0: 0, x1: 15, y1: 10))
    #expect(grid.cells.allSatisfy { $0.textPosition == nil })
}

@Test func gridStageShrinksACellToTheFreePartAndRecordsTextPositions() {
    var cells = GridAssembler(rowEdges: [3, 4, 5], columnEdges: [0, 8, 16], source: .text)
    cells.add(rows: 1...1, columns: 1...1, text: "5")
    cells.add(rows: 0...1, columns: 0...1, text: "信息内容")   // its second row's second column is taken
    let grid = cells.build()
    #expect(grid.blankCellsMayBeLost)
    let label = grid.cells.first { $0.text == "信息内容" }
    #expect(label?.rowSpan == 1 && label?.columnSpan == 2)
    #expect(grid.cells.map(\.text) == ["信息内容", "", "5"])
    #expect(grid.cells.last?.textPosition == TextPosition(line: 4, column: 9))
}

@Test func columnEdgesPlacePositionsAndExtentsInColumns() {
    let columns = ColumnEdges([0, 10, 20, 40])
    #expect(columns.count == 3)
    #expect([-5, 0, 9.9, 10, 39, 50].map(columns.column(of:)) == [0, 0, 0, 1, 2, 2], "clamped to the grid")
    #expect(columns.columns(withMiddlesIn: 4, 16) == 0...1, "a text over the middles of two columns")
    #expect(columns.columns(withMiddlesIn: 11, 14) == nil, "a narrow text covers no middle")
    #expect(columns.center(1...2) == 25)
}
