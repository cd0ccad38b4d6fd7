import GongkaiKit
import TableLayout
import Testing
@testable import TextTables

/// pdftotext -layout packs a line of CJK column headers (自然人 商业, one space apart), so the first
/// header starts left of where the numbers start, and the headers drift left of their numbers.
private func packedGrid(_ name: String) throws -> CellGrid {
    let text = try TextDecoding.decode(FileBytes.read(path: fixture(name))).text
    return try #require(TextTableReader().read(text).grids.first { g in g.cells.contains { $0.text == "申请人情况" } })
}

@Test func aPackedHeaderWordIsAColumnNotALabel() throws {
    let grid = try packedGrid("layout_packed_header.txt")
    let natural = try #require(grid.cells.first { $0.text == "自然人" })
    let value = try #require(grid.cells.first { $0.text == "56" })
    #expect(value.column == natural.column && value.columnSpan == 1)
    #expect(grid.cells.first { $0.text == "65" }?.column == grid.cells.first { $0.text == "总计" }?.column)
}

@Test func rowsShortOfPackedHeaderColumnsAreNotPlacedByTheirDriftingHeaders() throws {
    // Six numbers for seven headers (总计 left blank): the headers' places do not tell which column
    // is empty, so each row stays one cell across the columns for the report layer's identities.
    let grid = try packedGrid("layout_packed_header_blank_total.txt")
    #expect(grid.cells.contains { $0.text == "自然人" }, "自然人 kept apart from 商业企业")
    let row = try #require(grid.cells.first { $0.text.hasPrefix("56") })
    #expect(row.text == "56 1 2 0 3 3")
    #expect(row.columnSpan == 7)
}
