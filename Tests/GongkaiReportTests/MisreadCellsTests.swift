import Testing
import PageGeometry
@testable import GongkaiReport

// Tesseract misreads a few cells at high confidence (3050 as 50, 0 as 9). A value read by OCR
// that breaks identities the other cells satisfy is null with a warning; a text layer's values
// are never touched.

/// Table 三 as printed: every identity holds (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计).
private let printed: [(row: String, values: [Int])] = [
    ("new_received", [3000, 20, 0, 0, 0, 10, 3030]),
    ("carried_over", [100, 0, 0, 0, 0, 0, 100]),
    ("results.granted", [2000, 10, 0, 0, 0, 5, 2015]),
    ("results.partially_granted", [500, 5, 0, 0, 0, 2, 507]),
    ("results.withheld.state_secret", [400, 5, 0, 0, 0, 3, 408]),
    ("results.total", [2900, 20, 0, 0, 0, 10, 2930]),
    ("carried_forward", [200, 0, 0, 0, 0, 0, 200]),
]

/// The printed table as read, with `misread` cells (dotted path below the table) read otherwise
/// (nil: unreadable), from a scan (each cell with an OCR confidence) or from a text layer.
private func reading(misread: [String: Int?] = [:], ocr: Bool = true) -> ReportTables {
    var t = TableReading(version: .v2021)
    for (r, (row, values)) in printed.enumerated() {
        for (c, key) in AccountingChecks.applicantKeys.enumerated() {
            let path = "\(row).\(key)"
            let value = misread[path] ?? values[c]
            var cell = CellRef(grid: 0, row: r, column: c)
            if ocr { cell.ocrConfidence = 93 }
            t.values.append(ExtractedValue(path: path.split(separator: ".").map(String.init), value: value.map { ReportNumber($0) },
                                           raw: value.map(String.init) ?? "", page: 2, box: Rect(x0: 0, y0: 0, x1: 1, y1: 1), cell: cell))
        }
    }
    var tables = ReportTables()
    tables.applications = t
    return tables
}

private func assembled(_ tables: ReportTables) -> ReportDocument {
    ReportParser().assemble(tables, warnings: [], title: nil, lossyGrids: [])
}

private func failedRules(_ doc: ReportDocument) -> [String] {
    doc.checks.filter { !$0.ok }.map(\.rule)
}

@Test func aMisreadResultTotalIsNullWithTheIdentitiesItBreaks() throws {
    let doc = assembled(reading(misread: ["results.granted.total": 15]))
    let cell = try #require(doc.tables.applications.value("results.granted.total"))
    #expect(cell.value == nil)
    #expect(cell.raw == "15")
    // Not filled with the value the identities give: it was read, not lost.
    #expect(cell.inferredBy == nil)
    let warnings = doc.tables.warnings.filter { $0.code == "ocr_identity_conflict" }
    #expect(warnings.map(\.path) == ["applications.results.granted.total"])
    #expect(warnings.first?.message == "applications.results.granted.total is null: OCR read 15, which breaks applications.row_total (results.granted) "
        + "and applications.results_total (total) that the other cells satisfy; they give 2015")
    #expect(failedRules(doc).isEmpty)
    #expect(doc.tables.applications.values.filter { $0.value == nil }.count == 1)
    // Not even where the grid's blank cells may be lost: the cell holds text.
    var tables = doc.tables
    IdentityInference.apply(to: &tables, lossyGrids: [0])
    #expect(tables.applications.value("results.granted.total")?.value == nil)
}

@Test func twoMisreadsInTheResultsTotalRowAreBothNull() {
    let doc = assembled(reading(misread: ["results.total.natural_person": 9, "results.total.total": 50]))
    let a = doc.tables.applications
    #expect(a.value("results.total.natural_person")?.value == nil)
    #expect(a.value("results.total.total")?.value == nil)
    let messages = doc.tables.warnings.filter { $0.code == "ocr_identity_conflict" }.map(\.message)
    #expect(messages.count == 2)
    #expect(messages.contains { $0.hasPrefix("applications.results.total.natural_person is null: OCR read 9,") && $0.hasSuffix("they give 2900") })
    #expect(messages.contains { $0.hasPrefix("applications.results.total.total is null: OCR read 50,") && $0.hasSuffix("they give 2930") })
    // The row total, which both misreads break, is named by neither.
    #expect(!messages.contains { $0.contains("row_total") })
    #expect(a.values.filter { $0.value == nil }.count == 2)
    #expect(failedRules(doc).isEmpty)
}

@Test func aTextLayerValueThatBreaksIdentitiesStaysAndTheCheckFails() {
    let doc = assembled(reading(misread: ["results.granted.total": 15], ocr: false))
    #expect(doc.tables.applications.value("results.granted.total")?.value == ReportNumber(15))
    #expect(!doc.tables.warnings.contains { $0.code.hasPrefix("ocr_identity") })
    #expect(failedRules(doc) == ["applications.row_total", "applications.results_total"])
}

@Test func rivalReadingsOfTheSameFailuresAreKeptAndNamed() {
    // 自然人 of 予以公开 and 商业企业 of 部分公开 each read 9 too many: the two rows and two columns
    // fail alike, which the other corners of that rectangle, read right, would explain as well.
    let doc = assembled(reading(misread: ["results.granted.natural_person": 2009, "results.partially_granted.commercial_enterprise": 14]))
    #expect(doc.tables.applications.values.allSatisfy { $0.value != nil })
    #expect(!doc.tables.warnings.contains { $0.code == "ocr_identity_conflict" })
    let warnings = doc.tables.warnings.filter { $0.code == "ocr_identity_ambiguous" }
    #expect(warnings.count == 1)
    let message = warnings.first?.message ?? ""
    for path in ["results.granted.natural_person", "results.partially_granted.commercial_enterprise",
                 "results.granted.commercial_enterprise", "results.partially_granted.natural_person"] {
        #expect(message.contains("applications.\(path)"))
    }
    #expect(message.contains("applications.results.granted.natural_person: OCR read 2009"))
    #expect(failedRules(doc) == ["applications.row_total", "applications.results_total"])
}

@Test func aValueInOnlyOneFailingIdentityStays() {
    // 部分公开 自然人 unreadable: the 自然人 column of the results is not checkable, so the misread
    // 予以公开 自然人 breaks only its row total.
    let doc = assembled(reading(misread: ["results.granted.natural_person": 2009, "results.partially_granted.natural_person": nil]))
    #expect(doc.tables.applications.value("results.granted.natural_person")?.value == ReportNumber(2009))
    #expect(!doc.tables.warnings.contains { $0.code.hasPrefix("ocr_identity") })
    #expect(failedRules(doc) == ["applications.row_total"])
}

@Test func aMisreadReviewCellBreaksOnlyItsGroupsTotalAndStays() {
    var tables = reading()
    var review = TableReading(version: .v2021)
    for (i, (key, value)) in [("upheld", 3), ("corrected", 9), ("other", 0), ("pending", 0), ("total", 3)].enumerated() {
        var cell = CellRef(grid: 1, row: 2, column: i)
        cell.ocrConfidence = 95
        review.values.append(ExtractedValue(path: ["review", key], value: ReportNumber(value), raw: String(value), page: 3,
                                            box: Rect(x0: 0, y0: 0, x1: 1, y1: 1), cell: cell))
    }
    tables.reviewLitigation = review
    let doc = assembled(tables)
    #expect(doc.tables.reviewLitigation.value("review.corrected")?.value == ReportNumber(9))
    #expect(failedRules(doc) == ["review_litigation.totals"])
}
