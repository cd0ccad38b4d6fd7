import PageGeometry
import TableLayout
import Testing
@testable import GongkaiReport

private let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
private func reviewRows(_ values: [String]) -> [[String]] {
    [
        ["行政复议", "<", "<", "<", "<", "行政诉讼"] + Array(repeating: "<", count: 9),
        outcomes + ["未经复议直接起诉", "<", "<", "<", "<", "复议后起诉", "<", "<", "<", "<"],
        ["^", "^", "^", "^", "^"] + outcomes + outcomes,
        values,
    ]
}

private let proactiveRows: [[String]] = [
    ["第二十条第（一）项", "<", "<", "<"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "1", "0", "4"],
    ["行政规范性文件", "5", "1", "7"],
]

/// Every value names the grid (by its index in the document), row and column it was read from, and
/// its box is that cell's box.
@Test func valuesCarryTheirGridCell() throws {
    let prose = makeGrid([["说明", "备注"], ["甲", "乙"]], page: 1)
    let proactive = makeGrid(proactiveRows, page: 2)
    let review = makeGrid(reviewRows(["1", "2", "0", "0", "3", "4", "0", "1", "0", "5", "0", "0", "0", "2", "2"]), page: 4)
    let doc = try ReportParser().parse(grids: [prose, proactive, review], headLines: [])
    #expect(doc.tables.gridKinds == [1: .proactive, 2: .reviewLitigation])

    let issued = try #require(doc.tables.proactive.value("normative_documents.issued"))
    #expect(issued.cell == CellRef(grid: 1, row: 3, column: 1))
    #expect(issued.page == 2)
    #expect(issued.box == proactive.cell(row: 3, column: 1)?.box)
    #expect(issued.raw == "5")

    let pending = try #require(doc.tables.reviewLitigation.value("litigation_after_review.pending"))
    #expect(pending.cell == CellRef(grid: 2, row: 3, column: 13))
    #expect(pending.box == review.cell(row: 3, column: 13)?.box)

    // Every value of both tables points at a real cell whose box and text it repeats.
    for (kind, reading) in doc.tables.all {
        for v in reading.values {
            let ref = try #require(v.cell, "\(kind) \(v.path) has no cell")
            let grid = [prose, proactive, review][ref.grid]
            let cell = try #require(grid.cell(row: ref.row, column: ref.column))
            #expect(cell.row == ref.row && cell.column == ref.column && cell.rowSpan == ref.rowSpan && cell.columnSpan == ref.columnSpan)
            #expect(cell.box == v.box && cell.text == v.raw && grid.page == v.page)
        }
    }
}

/// A row without a cell under a column: no cell, and the box is where the value should have been.
@Test func missingCellGetsTheExpectedBox() throws {
    var grid = makeGrid(proactiveRows, page: 2)
    grid.cells.removeAll { $0.row == 3 && $0.column == 3 }  // a row cut short (a table edge lost)
    let doc = try ReportParser().parse(grids: [grid], headLines: [])
    let missing = try #require(doc.tables.proactive.value("normative_documents.in_force"))
    #expect(missing.cell == nil && missing.value == nil && missing.raw == "")
    // Column 现行有效件数 is x 120…160; the label row is y 60…80.
    #expect(missing.box == Rect(x0: 120, y0: 60, x1: 160, y1: 80))
    let json = doc.json(provenance: true)
    let entry = try #require(json["provenance"]?.arrayValue?.first { $0["path"] == .string("proactive.normative_documents.in_force") })
    #expect(entry["cell"] == .null)
}

/// JSON and CSV provenance carry the grid cell; text inputs add the source line and column.
@Test func provenanceJSONAndCSVFields() throws {
    var grid = makeGrid(proactiveRows, page: 2)
    // What a text-input reader does: each cell knows where its text starts in the source.
    for i in grid.cells.indices { grid.cells[i].textPosition = TextPosition(line: 10 + grid.cells[i].row, column: 1 + 8 * grid.cells[i].column) }
    let doc = try ReportParser().parse(grids: [grid], headLines: [])
    let plain = doc.json()
    #expect(plain["provenance"] == nil)
    let json = doc.json(provenance: true)
    let entries = try #require(json["provenance"]?.arrayValue)
    #expect(entries.count == doc.tables.proactive.values.count)
    let entry = try #require(entries.first { $0["path"] == .string("proactive.rules.in_force") })
    #expect(entry["page"] == .number(ReportNumber(2)))
    #expect(entry["raw"] == .string("4"))
    #expect(entry["box"] == .array([120, 40, 160, 60].map { .number(ReportNumber($0)) }))
    #expect(entry["cell"]?["row"] == .number(ReportNumber(2)))
    #expect(entry["cell"]?["column"] == .number(ReportNumber(3)))
    #expect(entry["cell"]?["grid"] == .number(ReportNumber(0)))
    #expect(entry["line"] == .number(ReportNumber(12)))
    #expect(entry["column"] == .number(ReportNumber(25)))

    let header = LongForm.header(provenance: true)
    let rows = LongForm.rows(doc, provenance: true)
    let row = try #require(rows.first { $0[5] == "proactive.rules.in_force" })
    #expect(row.count == header.count)
    let fields = Dictionary(uniqueKeysWithValues: zip(header, row))
    #expect(fields["page"] == "2" && fields["x0"] == "120" && fields["y1"] == "60" && fields["raw"] == "4")
    #expect(fields["row"] == "2" && fields["column"] == "3" && fields["text_line"] == "12" && fields["text_column"] == "25")
    #expect(LongForm.rows(doc).allSatisfy { $0.count == LongForm.header.count })
    #expect(LongForm.failureRow(source: "x", sha256: "", code: "damaged", provenance: true).count == header.count)
}

/// A failed identity names the values on both sides, so `inspect` can mark their cells.
@Test func checkFailuresNameTheirValues() throws {
    let grid = makeGrid(reviewRows(["1", "2", "0", "0", "4", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]))
    let doc = try ReportParser().parse(grids: [grid], headLines: [])
    let totals = try #require(doc.checks.first { $0.rule == "review_litigation.totals" })
    #expect(totals.failures.count == 1)
    let failure = try #require(totals.failures.first)
    #expect(failure.at == "review")
    #expect(failure.paths == ["upheld", "corrected", "other", "pending", "total"].map { "review_litigation.review.\($0)" })
    // The JSON of a failure stays as the schema has it.
    let checks = doc.json()["checks"]?.arrayValue ?? []
    let written = checks.first { $0["rule"] == .string("review_litigation.totals") }?["failures"]?.arrayValue?.first
    #expect(written?["paths"] == nil && written?["at"] == .string("review"))
}

private extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
