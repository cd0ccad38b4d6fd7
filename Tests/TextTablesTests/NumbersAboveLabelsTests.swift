import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

/// Tall rows set top-aligned: pdftotext -layout prints each row's numbers one line above its label.
private func aboveGrid(_ name: String) throws -> CellGrid {
    let text = try TextDecoding.decode(FileBytes.read(path: fixture(name))).text
    return try #require(TextTableReader().read(text).grids.first { g in g.cells.contains { $0.text == "申请人情况" } })
}

/// The numbers in the row of the cell whose text starts with `label`.
private func numbers(of label: String, in grid: CellGrid) -> [String] {
    guard let l = grid.cells.first(where: { $0.text.hasPrefix(label) }) else { return [] }
    return grid.cells.filter { $0.row == l.row && $0.column > l.column }.sorted { $0.column < $1.column }.map(\.text)
}

@Test func numbersAboveLabelsOnAContinuedPageGoWithTheLabelBelow() throws {
    let grid = try aboveGrid("layout_numbers_above_labels_continued.txt")
    #expect(numbers(of: "（七）总计", in: grid) == ["1", "1", "0", "0", "0", "0", "2"])
    #expect(numbers(of: "3、其他", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
    #expect(numbers(of: "四、结转下年度继续办理", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
}
