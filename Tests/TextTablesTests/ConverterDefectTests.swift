import GongkaiKit
import Testing
@testable import TextTables

/// Each fixture in Fixtures/ carries one thing PDF-to-markdown converters or pdftotext do to a
/// report table; each test extracts it end to end and checks the values that came out.

func fixture(_ name: String) -> String {
    let here = #filePath
    let dir = here[..<here.lastIndex(of: "/")!]
    return dir + "/Fixtures/" + name
}

func extract(_ name: String) throws -> ReportDocument {
    try ReportExtractor().extract(path: fixture(name))
}

extension ReportDocument {
    func value(_ dotted: String) -> ReportNumber? { found(dotted)?.value }
    func found(_ dotted: String) -> ExtractedValue? {
        let parts = dotted.split(separator: ".", maxSplits: 1).map(String.init)
        let table: TableReading
        switch parts[0] {
        case "proactive": table = tables.proactive
        case "applications": table = tables.applications
        default: table = tables.reviewLitigation
        }
        return table.value(parts[1])
    }
    func row(_ prefix: String) -> [Int?] {
        ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org", "total"]
            .map { value("applications.\(prefix).\($0)")?.intValue }
    }
    var failedChecks: [String] { checks.filter { !$0.ok }.map(\.rule) }
    func warned(_ code: String) -> Bool { warnings.contains { $0.code == code } }
}

@Test func headerWordsSplitAcrossCellsAndRows() throws {
    // 自然 / 人 and 法律 / 服务 / 机构 down a column, 社会 公益 组织 with spaces in one cell.
    let doc = try extract("md_header_words_split.md")
    #expect(doc.row("new_received") == [5, 2, 0, 1, 0, 0, 8])
    #expect(doc.row("carried_forward") == [2, 1, 0, 0, 0, 0, 3])
    #expect(doc.title?.agency == "某市商务局")
    #expect(doc.title?.year == 2024)
    #expect(doc.failedChecks.isEmpty)
}

@Test func rowLabelsCutAndSpreadOverCells() throws {
    // 一、本年 | 新收政府 | 信息公开申请数量 and (二) 部 形, 不计; | 分公开 (区分处理的,只计这一情 其他情形)
    let doc = try extract("md_label_cut.md")
    #expect(doc.row("new_received") == [5, 2, 0, 1, 0, 0, 8])
    #expect(doc.row("carried_over") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.row("results.partially_granted") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.row("results.granted") == [3, 1, 0, 1, 0, 0, 5])
    #expect(doc.failedChecks.isEmpty)
}

@Test func ocrGarbledLabels() throws {
    // F新收政府 [·], F结转政府 ⁶, (一)予以 + dot leaders, 连织木, 7.22, (七)总ì
    let doc = try extract("md_ocr_garbled.md")
    #expect(doc.row("new_received") == [5, 2, 0, 1, 0, 0, 8])
    #expect(doc.row("carried_over") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.row("results.granted") == [2, 1, 0, 1, 0, 0, 4])
    #expect(doc.row("results.not_processed.excessive_requests") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.row("results.not_processed.confirmation") == [1, 0, 0, 0, 0, 0, 1])
    // (七)总ì matches no label; its numbering places it, with a warning.
    #expect(doc.row("results.total") == [4, 1, 0, 1, 0, 0, 6])
    #expect(doc.warnings.contains { $0.code == "row_matched_by_position" && $0.path == "applications.results.total" })
    #expect(doc.failedChecks.isEmpty)
    #expect(doc.notes.contains { $0.contains("applications.results.total (by position)") })
}

@Test func numberGluedToItsLabel() throws {
    let doc = try extract("md_number_glued.md")
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(92))
    #expect(doc.value("proactive.penalty.decisions") == ReportNumber(15))
    #expect(doc.value("proactive.rules.in_force") == ReportNumber(3))
}

@Test func emptyPaddingColumns() throws {
    let doc = try extract("md_padding_columns.md")
    #expect(doc.value("proactive.rules.issued") == ReportNumber(2))
    #expect(doc.value("proactive.rules.repealed") == ReportNumber(1))
    #expect(doc.value("proactive.normative_documents.in_force") == ReportNumber(11))
}

@Test func sectionHeadersInsideTheTable() throws {
    let doc = try extract("md_section_headers.md")
    #expect(doc.value("proactive.normative_documents.issued") == ReportNumber(5))
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(38))
    #expect(doc.value("proactive.coercion.decisions") == ReportNumber(2))
    #expect(doc.value("proactive.fees.amount_wan_yuan") == ReportNumber(literal: "12.5"))
    #expect(doc.tableVersions[.proactive] == .v2021)
}

@Test func tableSplitInTwo() throws {
    // The second part's first row became its markdown header row.
    let doc = try extract("md_split_table.md")
    #expect(doc.value("proactive.penalty.decisions") == ReportNumber(7))
    #expect(doc.value("proactive.coercion.decisions") == ReportNumber(3))
    #expect(doc.value("proactive.fees.amount_wan_yuan") == ReportNumber(literal: "0.35"))
}

@Test func rowWithFewerNumbersThanColumnsIsInferredOnlyWhereDetermined() throws {
    let doc = try extract("md_short_row.md")
    let lost = try #require(doc.found("applications.carried_forward.natural_person"))
    #expect(lost.value == ReportNumber(2))
    #expect(lost.inferredBy == "applications.balance")
    #expect(doc.row("carried_forward") == [2, 1, 0, 0, 0, 0, 3])
    #expect(doc.failedChecks.isEmpty)
    let inferred = doc.json().rendered(pretty: false)
    #expect(inferred.contains(#""inferred":[{"path":"applications.carried_forward.natural_person","rule":"applications.balance"}]"#))
}

@Test func undeterminedLostCellStaysNullAndTheFailedCheckIsNotFixed() throws {
    // Balance says 2, the row total says 3: nothing is filled, and the balance of the 总计 column
    // (8 + 1 ≠ 6 + 4) is reported as failed.
    let doc = try extract("md_short_row_undetermined.md")
    let lost = try #require(doc.found("applications.carried_forward.natural_person"))
    #expect(lost.value == nil)
    #expect(lost.inferredBy == nil)
    #expect(doc.warned("inference_conflict"))
    #expect(doc.failedChecks == ["applications.balance"])
    #expect(doc.value("applications.carried_forward.total") == ReportNumber(4))
}

@Test func pdftotextLayout2019() throws {
    // pdftotext -layout output: header words stacked over lines (自然/人, 社会/公益/组织), labels
    // wrapped around the row's numbers, group labels (（三）/不予公/开) beside several rows.
    let doc = try extract("layout_pdftotext_2019.txt")
    #expect(doc.source?.kind == "text")
    #expect(doc.template == "2019")
    #expect(doc.title?.agency == "三台县卫生健康委员会")
    #expect(doc.value("proactive.licensing.previous_year_items") == ReportNumber(145))
    #expect(doc.value("proactive.penalty.change") == ReportNumber(-3))
    #expect(doc.value("proactive.other_external_services.previous_year_items") == ReportNumber(56))
    #expect(doc.found("proactive.fees.change")?.value == nil)
    #expect(doc.row("new_received") == [3, 0, 0, 0, 0, 0, 3])
    #expect(doc.row("results.unable.not_held") == [2, 0, 0, 0, 0, 0, 2])
    #expect(doc.row("results.withheld.prohibited_by_law") == [0, 0, 0, 0, 0, 0, 0])
    #expect(doc.tables.applications.values.count == 23 * 7)
    #expect(doc.value("review_litigation.review.upheld") == ReportNumber(1))
    #expect(doc.failedChecks.isEmpty)
}

@Test func pdftotextLayout2021WithOneCharacterHeaderLines() throws {
    let doc = try extract("layout_pdftotext_2021.txt")
    #expect(doc.template == "2021")
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(6))
    #expect(doc.row("results.not_processed.excessive_requests") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.row("results.other.fee_unpaid") == [0, 0, 0, 0, 0, 0, 0])
    #expect(doc.tables.applications.values.count == 25 * 7)
    #expect(doc.value("review_litigation.litigation_direct.upheld") == ReportNumber(5))
    #expect(doc.value("review_litigation.litigation_direct.total") == ReportNumber(6))
    #expect(doc.value("review_litigation.review.corrected") == ReportNumber(1))
    #expect(doc.warnings.isEmpty)
}

@Test func textAlignedByDisplayWidth() throws {
    // Columns padded for a terminal (CJK two columns wide) rather than by pdftotext.
    let text = try #require(try? TextDecoding.decode(FileBytes.read(path: fixture("layout_display_width.txt"))).text)
    #expect(TextTableReader().analyze(text).report.metric == .displayWidth)
    let doc = try extract("layout_display_width.txt")
    #expect(doc.value("proactive.normative_documents.in_force") == ReportNumber(52))
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(1208))
    #expect(doc.value("proactive.fees.amount_wan_yuan") == ReportNumber(literal: "3.5"))
    #expect(doc.row("new_received") == [12, 3, 0, 1, 0, 2, 18])
    #expect(doc.row("results.partially_granted") == [2, 0, 0, 0, 0, 0, 2])
    #expect(doc.value("review_litigation.review.total") == ReportNumber(4))
    #expect(doc.value("review_litigation.litigation_after_review.other") == ReportNumber(1))
    #expect(doc.failedChecks.isEmpty)
}

@Test func gbkEncodedLayoutText() throws {
    // iconv -f UTF-8 -t GB18030 layout_pdftotext_2019.txt
    let bytes = try FileBytes.read(path: fixture("gbk_layout_pdftotext_2019.txt"))
    #expect(TextDecoding.strictUTF8(bytes[...]) == nil)
    let decoded = try TextDecoding.decode(bytes)
    #expect(decoded.encoding == .gb18030)
    let doc = try extract("gbk_layout_pdftotext_2019.txt")
    #expect(doc.title?.agency == "三台县卫生健康委员会")
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(141))
    #expect(doc.row("new_received") == [3, 0, 0, 0, 0, 0, 3])
    #expect(doc.failedChecks.isEmpty)
}

@Test func theConverterSampleExtractsAsExpected() throws {
    var root = fixture("")
    for _ in 0..<4 { root = String(root[..<root.lastIndex(of: "/")!]) }
    let doc = try ReportExtractor().extract(path: root + "/samples/text/xinxiang_commerce_2024_converter.md")
    #expect(doc.title?.agency == "新乡市商务局")
    #expect(doc.title?.year == 2024)
    #expect(doc.template == "2021")
    #expect(doc.value("proactive.normative_documents.issued") == ReportNumber(5))
    #expect(doc.value("proactive.normative_documents.repealed") == ReportNumber(1))
    #expect(doc.value("proactive.normative_documents.in_force") == ReportNumber(7))
    #expect(doc.value("proactive.licensing.decisions") == ReportNumber(92))
    #expect(doc.tables.applications.values.count == 25 * 7)
    #expect(doc.tables.applications.values.allSatisfy { $0.value == ReportNumber(0) })
    #expect(doc.tables.reviewLitigation.values.count == 15)
    #expect(doc.tables.reviewLitigation.values.allSatisfy { $0.value == ReportNumber(0) })
    #expect(doc.found("applications.carried_forward.natural_person")?.inferredBy == "applications.balance")
    #expect(doc.tables.applications.values.filter { $0.inferredBy != nil }.count == 1)
    #expect(doc.failedChecks.isEmpty)
}

@Test func pdftotextLayoutOfTallRowsWithNumbersAboveTheirLabels() throws {
    // Word's tall rows, numbers at the top: pdftotext sets a one-line label's numbers on the line
    // above it (`3 2 / … 5` then `（一）予以公开`), and the table's last label comes right under
    // its numbers where a section heading could stand (`四、结转下年度继续办理`).
    let doc = try extract("layout_tall_rows_numbers_above_labels.txt")
    #expect(doc.row("results.granted") == [3, 2, 0, 0, 0, 0, 5])
    #expect(doc.row("results.total") == [4, 3, 0, 0, 0, 0, 7])
    #expect(doc.row("carried_forward") == [1, 0, 0, 0, 0, 0, 1])
    #expect(doc.value("applications.results.withheld.third_party_rights.natural_person") == ReportNumber(1))
}
