import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

/// Layout text whose table 三 holds a staircase or numbers set above their labels.
private func table3(_ text: String) throws -> CellGrid {
    try #require(TextTableReader().read(text).grids.first { g in g.cells.contains { $0.text == "申请人情况" } })
}

private func fixtureText(_ name: String) throws -> String { try TextDecoding.decode(FileBytes.read(path: fixture(name))).text }

/// The numbers in the row of the cell whose text starts with `label`.
private func numbers(of label: String, in grid: CellGrid) -> [String] {
    guard let l = grid.cells.first(where: { $0.text.hasPrefix(label) }) else { return [] }
    return grid.cells.filter { $0.row == l.row && $0.column > l.column }.sorted { $0.column < $1.column }.map(\.text)
}

@Test func aStaircaseIsReadColumnByColumnIntoTheRowsWaitingAboveIt() throws {
    // 2. and 3. stand without numbers; their 14 numbers follow one per line, two per column.
    let grid = try table3(fixtureText("layout_staircase.txt"))
    #expect(numbers(of: "2.没有现成信息需要另行制作", in: grid) == ["1", "1", "0", "0", "0", "0", "2"])
    #expect(numbers(of: "3.补正后申请内容仍不明确", in: grid) == ["1", "0", "0", "0", "0", "0", "1"])
    #expect(numbers(of: "1.信访举报投诉类申请", in: grid) == ["2", "0", "0", "0", "0", "0", "2"])
}

@Test func aStaircaseWithAColumnShortIsNotRead() throws {
    // One number gone: column 自然人 holds one number for two rows, so which row it is cannot be
    // told; the waiting rows get no numbers rather than a guess.
    var lines = try fixtureText("layout_staircase.txt").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = try #require(lines.firstIndex { $0.split(separator: " ") == ["1"] })
    lines.remove(at: first)
    let grid = try table3(lines.joined(separator: "\n"))
    let blank = ["", "", "", "", "", "", ""]
    #expect(numbers(of: "2.没有现成信息需要另行制作", in: grid) == blank)
    #expect(numbers(of: "3.补正后申请内容仍不明确", in: grid) == blank)
}

@Test func numbersBesideAGroupLabelsFirstLineGoWithTheRowLabelBelow() throws {
    // Numbers above labels: （四）无法提 stands beside 1、's numbers and goes on (供) below 1、;
    // 三、本年 beside （一）'s numbers likewise.
    let grid = try table3(fixtureText("layout_numbers_above_labels_group_first_line.txt"))
    #expect(numbers(of: "1、本机关不掌握相关政府信息", in: grid) == ["1", "0", "0", "0", "0", "0", "1"])
    #expect(numbers(of: "（一）予以公开", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
    #expect(numbers(of: "2、没有现成信息需要另行制作", in: grid) == ["0", "0", "0", "0", "0", "0", "0"])
}
