import GongkaiReport
import PageGeometry
import Testing
@testable import GongkaiKit

private func value(_ path: String, _ n: Int?) -> ExtractedValue {
    ExtractedValue(path: path.split(separator: ".").map(String.init), value: n.map(ReportNumber.init), raw: n.map(String.init) ?? "",
                   page: 1, box: Rect(x0: 0, y0: 0, x1: 0, y1: 0))
}

private func proactive(_ cells: [(String, Int?)]) -> ReportTables {
    var t = ReportTables()
    t.proactive.values = cells.map { value($0.0, $0.1) }
    return t
}

/// A converter's row `| 行政处罚 45 | -3 | 2 |`: the grid shifts the cells left, the alignment does not.
@Test func aShiftedGridRowLosesToTheAlignmentWhenItBreaksTheFormat() {
    let grid = proactive([("penalty.previous_year_items", -3), ("penalty.change", 2), ("penalty.decisions", nil)])
    let aligned = proactive([("penalty.previous_year_items", 45), ("penalty.change", -3), ("penalty.decisions", 2)])
    let merged = ReaderMerge.merge(grid: grid, aligned: aligned)
    #expect(merged.proactive.value("penalty.previous_year_items")?.value == ReportNumber(45))
    #expect(merged.proactive.value("penalty.change")?.value == ReportNumber(-3))
    #expect(merged.proactive.value("penalty.decisions")?.value == ReportNumber(2))
}

@Test func readersThatDisagreeWithNothingToDecideLeaveNulls() {
    let grid = proactive([("licensing.previous_year_items", 0), ("licensing.change", 2), ("licensing.decisions", 5)])
    let aligned = proactive([("licensing.previous_year_items", 8), ("licensing.change", 0), ("licensing.decisions", 5)])
    let merged = ReaderMerge.merge(grid: grid, aligned: aligned)
    #expect(merged.proactive.value("licensing.previous_year_items")?.value == nil)
    #expect(merged.proactive.value("licensing.change")?.value == nil)
    #expect(merged.proactive.value("licensing.decisions")?.value == ReportNumber(5))
    #expect(merged.warnings.contains { $0.code == "readers_disagree" && $0.path == "proactive.licensing" })
    // A PDF's grid keeps its value and says so.
    let pdf = ReaderMerge.merge(grid: grid, aligned: aligned, fillNulls: false)
    #expect(pdf.proactive.value("licensing.previous_year_items")?.value == ReportNumber(0))
}

private func applications(_ row: String, _ values: [Int?]) -> ReportTables {
    var t = ReportTables()
    t.applications.values = zip(AccountingChecks.applicantKeys, values).map { value("\(row).\($0)", $1) }
    return t
}

/// The alignment's row 1 0 0 0 0 0 7: its parts do not add up to its total, so one of its numbers
/// stands in the wrong cell; none fills a grid's null.
@Test func anAlignedRowThatFailsItsTotalFillsNoNull() {
    let grid = applications("new_received", [nil, 0, 0, 0, 0, 0, nil])
    let merged = ReaderMerge.merge(grid: grid, aligned: applications("new_received", [1, 0, 0, 0, 0, 0, 7]))
    #expect(merged.applications.value("new_received.natural_person")?.value == nil)
    #expect(merged.applications.value("new_received.total")?.value == nil)
    #expect(merged.notes.contains { $0.contains("fails its row total") })
    let consistent = ReaderMerge.merge(grid: grid, aligned: applications("new_received", [7, 0, 0, 0, 0, 0, 7]))
    #expect(consistent.applications.value("new_received.natural_person")?.value == ReportNumber(7))
}
