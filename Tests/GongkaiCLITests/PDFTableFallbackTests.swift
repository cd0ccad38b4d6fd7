import Foundation
import Testing

/// The value at a dotted path of a JSON object, nil where a key is absent.
private func lookup(_ root: [String: Any], _ dotted: String) -> Any? {
    var node: Any? = root
    for key in dotted.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
    return node
}

private func warnings(_ root: [String: Any]) -> [[String: Any]] { root["warnings"] as? [[String: Any]] ?? [] }

@Test func pdfTableWhoseGridLostRowsIsReadFromThePagesLinesInReadingOrder() throws {
    // A /Rotate page with tall rows and labels at the top of their cells: the grid of table 三
    // matches only some rows (row_missing for 一、本年新收… and a dozen more). Those rows are read
    // by the template alignment over the table pages' lines.
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/LayoutFixtures/rotated_tall_rows.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let root = try #require(result.json)
    for party in ["natural_person", "commercial_enterprise", "total"] {
        #expect(lookup(root, "applications.new_received.\(party)") as? Double == 0)
        #expect(lookup(root, "applications.carried_over.\(party)") as? Double == 0)
    }
    #expect(lookup(root, "applications.results.granted.total") as? Double == 0)
    // The page number under the table (— 3 —) is not read as the first value of the row above it.
    #expect(lookup(root, "applications.results.not_processed.petition_complaint.natural_person") as? Double == 0)
    // The rows the alignment read are no longer reported missing; no identity fails.
    #expect(!warnings(root).contains { $0["code"] as? String == "row_missing" && $0["path"] as? String == "applications.new_received" })
    let checks = root["checks"] as? [[String: Any]] ?? []
    #expect(!checks.isEmpty)
    #expect(checks.allSatisfy { $0["ok"] as? Bool != false }, "\(checks.filter { $0["ok"] as? Bool == false })")
}

@Test func blankTotalColumnStaysBlankOnAContinuationPageWithoutHeader() throws {
    // Table 三's 总计 column is blank throughout; on the continuation page (no header) it has no
    // glyphs, so its rows have no cell under it. Those cells are blanks, not lost cells: null,
    // warned as blank, and not inferred from the row totals.
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/LayoutFixtures/blank_total_continuation.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let root = try #require(result.json)
    for path in ["applications.results.other.no_correction.total", "applications.results.total.total", "applications.carried_forward.total"] {
        #expect(lookup(root, path) is NSNull, "\(path) = \(String(describing: lookup(root, path)))")
        #expect(warnings(root).contains { $0["code"] as? String == "blank_cell" && $0["path"] as? String == path })
    }
    let inferred = root["inferred"] as? [[String: Any]] ?? []
    #expect(!inferred.contains { ($0["path"] as? String)?.hasSuffix(".total") == true })
    #expect(lookup(root, "applications.results.other.no_correction.natural_person") as? Double == 1)
}
