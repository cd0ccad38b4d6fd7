import Foundation
import GongkaiKit
import Testing

/// The real web-page samples in samples/html, end to end through `ReportExtractor`.
private let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("samples/html")

private func extract(_ name: String) throws -> ReportDocument {
    try ReportExtractor().extract(path: samples.appendingPathComponent(name + ".html").path)
}

private func value(_ doc: ReportDocument, _ dotted: String) -> ReportNumber?? {
    let parts = dotted.split(separator: ".", maxSplits: 1).map(String.init)
    let reading: TableReading
    switch parts[0] {
    case "proactive": reading = doc.tables.proactive
    case "applications": reading = doc.tables.applications
    default: reading = doc.tables.reviewLitigation
    }
    guard let v = reading.value(parts[1]) else { return nil }  // no such cell
    return .some(v.value)  // the cell: a number or null
}

private func n(_ literal: String) -> ReportNumber?? { .some(ReportNumber(literal: literal)!) }
private let blank: ReportNumber?? = .some(nil)

/// Numeric leaves (and report metadata) of a JSON object, flattened to dotted paths.
private func leaves(_ object: Any, _ prefix: String = "") -> [String: String] {
    var out: [String: String] = [:]
    if let dict = object as? [String: Any] {
        for (k, v) in dict { out.merge(leaves(v, prefix.isEmpty ? k : prefix + "." + k)) { a, _ in a } }
    } else if object is NSNull {
        out[prefix] = "null"
    } else if let number = object as? NSNumber {
        out[prefix] = Decimal(string: "\(number)").map { "\($0)" } ?? "\(number)"
    } else {
        out[prefix] = "\(object)"
    }
    return out
}

@Test(arguments: ["pingtan_2019_article", "pingtan_2024_article", "shanghai_bgt_2019_fragment"])
func sampleMatchesItsExpectedJSON(name: String) throws {
    let doc = try extract(name)
    let data = try Data(contentsOf: samples.appendingPathComponent(name + ".expected.json"))
    let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let got = try #require(try JSONSerialization.jsonObject(with: Data(doc.json().rendered().utf8)) as? [String: Any])
    for key in ["report", "proactive", "applications", "review_litigation"] {
        let e = leaves(expected[key] as Any, key), g = leaves(got[key] as Any, key)
        for path in Set(e.keys).union(g.keys).sorted() where e[path] != g[path] {
            Issue.record("\(name): \(path) expected \(e[path] ?? "nothing"), got \(g[path] ?? "nothing")")
        }
    }
    let expectedChecks = try #require(expected["checks"] as? [[String: Any]]).map { "\($0["rule"]!)=\($0["ok"]!)" }
    let gotChecks = try #require(got["checks"] as? [[String: Any]]).map { "\($0["rule"]!)=\($0["ok"]!)" }
    #expect(gotChecks == expectedChecks)
    #expect(doc.source?.kind == "html")
    #expect(doc.source?.pages == 1)
}

@Test func pingtan2019ReadsThe2019FormatAndTheSplitResultsLabel() throws {
    let doc = try extract("pingtan_2019_article")
    #expect(doc.title?.agency == "平潭综合实验区" && doc.title?.year == 2019)
    #expect(doc.template == "2019")
    #expect(doc.tableVersions == [.proactive: .v2019, .applications: .v2019, .reviewLitigation: .v2019])
    #expect(value(doc, "proactive.penalty.previous_year_items") == n("2648"))
    #expect(value(doc, "proactive.other_external_services.decisions") == n("153"))
    #expect(value(doc, "proactive.procurement.amount") == n("75394432.52"))
    #expect(doc.tables.proactive.strings["procurement.unit"] == "元")
    // Rows under the first and under the second half of the split 三、本年度办理结果 cell.
    #expect(value(doc, "applications.results.granted.natural_person") == n("7"))
    #expect(value(doc, "applications.results.unable.not_held.natural_person") == n("7"))
    #expect(value(doc, "applications.results.unable.unclear_after_correction.total") == n("5"))
    #expect(value(doc, "applications.results.not_processed.duplicate.natural_person") == n("3"))
    #expect(value(doc, "applications.results.other_handling.commercial_enterprise") == n("0"))  // "&nbsp;0"
    #expect(value(doc, "applications.results.total.total") == n("23"))
    #expect(value(doc, "applications.results.other.no_correction.total") == nil)  // 2021 rows absent
    #expect(doc.checks.allSatisfy { $0.ok })
    #expect(doc.warnings.isEmpty)
}

@Test func pingtan2024ReadsThe2021Format() throws {
    let doc = try extract("pingtan_2024_article")
    #expect(doc.title?.title == "平潭综合实验区2024年度政府信息公开工作年度报告" && doc.title?.year == 2024)
    #expect(doc.template == "2021")
    #expect(doc.tableVersions == [.proactive: .v2021, .applications: .v2021, .reviewLitigation: .v2021])
    #expect(value(doc, "proactive.normative_documents.in_force") == n("440"))
    #expect(value(doc, "proactive.fees.amount_wan_yuan") == n("18651.06"))
    #expect(value(doc, "applications.new_received.commercial_enterprise") == n("1"))
    #expect(value(doc, "applications.results.withheld.internal_affairs.natural_person") == n("32"))
    #expect(value(doc, "applications.results.other.other.total") == n("2"))
    #expect(value(doc, "applications.results.total.total") == n("218"))
    #expect(value(doc, "review_litigation.litigation_after_review.upheld") == n("13"))
    #expect(value(doc, "review_litigation.review.total") == n("7"))
    #expect(doc.checks.allSatisfy { $0.ok })
    #expect(doc.warnings.isEmpty)
}

@Test func shanghaiBlankCellsAreNullWithWarnings() throws {
    let doc = try extract("shanghai_bgt_2019_fragment")
    #expect(doc.title?.agency == "上海市人民政府办公厅")
    #expect(doc.template == "2019")
    #expect(value(doc, "proactive.rules.total_published") == n("524"))
    #expect(value(doc, "proactive.procurement.amount") == n("251000"))
    #expect(value(doc, "applications.new_received.total") == n("859"))
    #expect(value(doc, "applications.results.not_processed.petition_complaint.natural_person") == n("148"))
    #expect(value(doc, "applications.carried_forward.natural_person") == n("72"))
    // &nbsp; cells: null and a warning each (the spec), though the publisher meant 0.
    #expect(value(doc, "applications.new_received.research_institution") == blank)
    #expect(value(doc, "applications.results.granted.total") == blank)
    #expect(value(doc, "review_litigation.litigation_after_review.total") == blank)
    #expect(doc.warnings.filter { $0.code == "blank_cell" }.count == 135)
    #expect(doc.warnings.allSatisfy { $0.code == "blank_cell" })
    let balance = try #require(doc.checks.first { $0.rule == "applications.balance" })
    #expect(balance.ok && balance.notCheckable.contains("research_institution") && !balance.notCheckable.contains("natural_person"))
}

/// Provenance for web pages: page = the table's number, box y0 / 20 = the cell's <tr> in it.
@Test func provenanceNamesTableAndRow() throws {
    let doc = try extract("pingtan_2024_article")
    let v = try #require(doc.tables.applications.value("results.total.total"))
    #expect(v.page == 2)
    #expect(v.box.y0 / 20 == 26)
    #expect(v.raw == "218")
}

/// Word artifacts added to a real page: the split 三、本年度办理结果 cells cut mid-word (三、本年度办 /
/// 理结果) or the second left blank, and a blank spacer row between table 四's header and values.
@Test(arguments: [
    ("<span>三、本年度办理结果</span>", "<span>三、本年度办</span>", "<span>理结果</span>"),
    ("<span>三、本年度办理结果</span>", "<span>三、本年度办理结果</span>", "&nbsp;"),
])
func splitGroupLabelsKeepEveryRowInContext(cell: String, first: String, second: String) throws {
    let path = samples.appendingPathComponent("pingtan_2019_article.html").path
    let original = try String(contentsOfFile: path, encoding: .utf8)
    #expect(original.components(separatedBy: cell).count == 3)  // the two halves of the split label
    var page = original.replacing(cell, with: first, maxReplacements: 1)
    page = page.replacing(cell, with: second, maxReplacements: 1)
    // A spacer row above table 四's values (the header's last row ends with 尚未审结 / 总计).
    let header = try #require(page.range(of: "复议后起诉"))
    let end = try #require(page.range(of: "</table>", range: header.upperBound..<page.endIndex))
    let valuesRow = try #require(page.range(of: "</tr><tr>", options: .backwards, range: header.upperBound..<end.lowerBound))
    page.replaceSubrange(valuesRow, with: "</tr><tr>" + String(repeating: "<td><p>&nbsp;</p></td>", count: 15) + "</tr><tr>")

    let reference = try extract("pingtan_2019_article")
    let doc = try ReportExtractor().extract(bytes: Array(page.utf8), path: "variant.html")
    #expect(doc.tables.applications.values.map(\.value) == reference.tables.applications.values.map(\.value))
    #expect(doc.tables.applications.values.map(\.path) == reference.tables.applications.values.map(\.path))
    #expect(doc.tables.reviewLitigation.values.map(\.value) == reference.tables.reviewLitigation.values.map(\.value))
    #expect(doc.tables.reviewLitigation.values.count == 15)
    #expect(doc.warnings.isEmpty)
}
