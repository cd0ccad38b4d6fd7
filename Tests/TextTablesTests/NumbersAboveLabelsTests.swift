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

@Test func numbersBesideAWrappedGroupLabelGoWithTheRowLabelBelow() throws {
    // （三）不予公 / 开 wraps beside 5、's numbers (set above its label like every row's): they are
    // 5、's, and 4、 keeps the line above its own label.
    let grid = try aboveGrid("layout_numbers_above_labels_group_wrap.txt")
    #expect(numbers(of: "5、属于三类内部事务信息", in: grid) == ["0", "1", "0", "0", "0", "0", "1"])
    #expect(numbers(of: "4、保护第三方合法权益", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
    #expect(numbers(of: "6、属于四类过程性信息", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
}

@Test func aLabelSetBelowItsNumbersBesideAGroupLabelTakesThem() throws {
    // Numbers on their labels' lines, except 5、, set a line lower than its numbers, which stand
    // beside the group label's pieces 度 / 开: they are 5、's (4、 has its own).
    let grid = try aboveGrid("layout_label_below_its_numbers_beside_group.txt")
    #expect(numbers(of: "5、属于三类内部事务信息", in: grid) == ["0", "1", "0", "0", "0", "0", "1"])
    #expect(numbers(of: "4、保护第三方合法权益", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
    #expect(numbers(of: "6、属于四类过程性信息", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
}
