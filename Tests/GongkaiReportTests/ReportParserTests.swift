import PageGeometry
import TableLayout
import Testing
@testable import GongkaiReport

/// Builds a lattice-like grid from rows of cell texts; "<" merges a cell into its left neighbour,
/// "^" into the one above. Columns are 40 pt wide, rows 20 pt high.
func makeGrid(_ rows: [[String]], page: Int = 1, widths: [Double]? = nil) -> CellGrid {
    let cols = rows.map(\.count).max() ?? 0
    let w = widths ?? Array(repeating: 40, count: cols)
    var xs: [Double] = [0]
    for width in w { xs.append(xs.last! + width) }
    let ys = (0...rows.count).map { Double($0) * 20 }
    var owner = [[Int]](repeating: [Int](repeating: -1, count: cols), count: rows.count)
    var cells: [GridCell] = []
    for r in rows.indices {
        for c in 0..<cols {
            let text = c < rows[r].count ? rows[r][c] : ""
            if text == "<", c > 0 { owner[r][c] = owner[r][c - 1]; continue }
            if text == "^", r > 0 { owner[r][c] = owner[r - 1][c]; continue }
            owner[r][c] = cells.count
            cells.append(GridCell(row: r, column: c, box: Rect(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1]), text: text))
        }
    }
    for r in rows.indices {
        for c in 0..<cols {
            let i = owner[r][c]
            cells[i].rowSpan = max(cells[i].rowSpan, r - cells[i].row + 1)
            cells[i].columnSpan = max(cells[i].columnSpan, c - cells[i].column + 1)
            cells[i].box = cells[i].box.union(Rect(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1]))
        }
    }
    return CellGrid(page: page, rowEdges: ys, columnEdges: xs, cells: cells, method: .lattice)
}

/// Table 三's three header rows as a grid (`<` spans left, `^` spans up); shared by the parser tests.
let applicantHeader: [[String]] = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<", "申请人情况", "<", "<", "<", "<", "<", "<"],
    ["^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
    ["^", "^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"],
]

func row(_ a: String, _ b: String, _ c: String, _ values: [String]) -> [String] { [a, b, c] + values }
let zeros = Array(repeating: "0", count: 7)

@Test func applicationsTableReadsMergedLabelsAnd2019OtherRow() throws {
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["5", "1", "0", "0", "0", "0", "6"]))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", zeros))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", ["3", "1", "0", "0", "0", "0", "4"]))
    rows.append(row("^", "（三）不予公开", "1.属于国家秘密", ["1", "—", "—", "—", "—", "—", "1"]))
    rows.append(row("^", "^", "3.危及“三安全一稳定”", zeros))
    rows.append(row("^", "（六）其他处理", "<", ["1", "0", "0", "0", "0", "0", "1"]))
    rows.append(row("^", "（七）总计", "<", ["5", "1", "0", "0", "0", "0", "6"]))
    rows.append(row("四、结转下年度继续办理", "<", "<", zeros))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("results.withheld.state_secret.natural_person")?.value == ReportNumber(1))
    #expect(reading.value("results.withheld.state_secret.commercial_enterprise")?.value == ReportNumber(0))
    #expect(reading.value("results.withheld.security_stability.total")?.value == ReportNumber(0))
    #expect(reading.value("results.other_handling.natural_person")?.value == ReportNumber(1))
    #expect(reading.value("new_received.total")?.value == ReportNumber(6))
    #expect(reading.value("new_received.commercial_enterprise")?.value == ReportNumber(1))
    #expect(reading.version == .v2019)
    #expect(AccountingChecks.run(applications: reading, review: TableReading()).allSatisfy { $0.ok })
}

@Test func applicationsContinuedOnNextPageWithoutHeader() throws {
    var first = applicantHeader
    first.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["2", "0", "0", "0", "0", "0", "2"]))
    first.append(row("三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请", zeros))
    var second: [[String]] = []
    second.append(row("", "", "2.重复申请", ["2", "0", "0", "0", "0", "0", "2"]))
    second.append(row("^", "（六）其他处理", "3.其他", zeros))
    second.append(row("四、结转下年度继续办理", "<", "<", zeros))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(first)), KeyedGrid(makeGrid(second, page: 2))], into: &warnings)
    #expect(reading.value("results.not_processed.duplicate.natural_person")?.value == ReportNumber(2))
    #expect(reading.value("results.not_processed.duplicate.natural_person")?.page == 2)
    #expect(reading.value("results.other.other.total")?.value == ReportNumber(0))
    #expect(reading.value("carried_forward.total")?.value == ReportNumber(0))
    #expect(reading.version == .v2021)
}

@Test func applicationsContinuedWithRepeatedHeaderReadsNoHeaderAsData() throws {
    var first = applicantHeader
    first.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["2", "0", "0", "0", "0", "0", "2"]))
    first.append(row("三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请", zeros))
    // The next page repeats the three header rows, higher on its page than the first part's header
    // bottom: its first data row must not be skipped, and the header is no data.
    var second = applicantHeader
    second.append(row("", "", "2.重复申请", ["2", "0", "0", "0", "0", "0", "2"]))
    second.append(row("四、结转下年度继续办理", "<", "<", ["1", "0", "0", "0", "0", "0", "1"]))
    let firstGrid = makeGrid(first)
    var secondGrid = makeGrid(second, page: 2)
    // Shift the first part down the page, as if the table started mid-page.
    let shifted = CellGrid(page: 1, rowEdges: firstGrid.rowEdges.map { $0 + 300 }, columnEdges: firstGrid.columnEdges,
                           cells: firstGrid.cells.map { var c = $0; c.box = Rect(x0: c.box.x0, y0: c.box.y0 + 300, x1: c.box.x1, y1: c.box.y1 + 300); return c },
                           method: .lattice)
    secondGrid.page = 2
    let kinds = TableClassifier.classify([KeyedGrid(shifted), KeyedGrid(secondGrid)])
    #expect(kinds[.applications]?.count == 2)
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read(kinds[.applications] ?? [], into: &warnings)
    #expect(reading.value("results.not_processed.duplicate.natural_person")?.value == ReportNumber(2))
    #expect(reading.value("carried_forward.natural_person")?.value == ReportNumber(1))
    #expect(reading.values.filter { $0.path.first == "carried_forward" }.count == 7, "each value read once")
    #expect(!warnings.contains { $0.code == "unmatched_row" })
}

@Test func unreadableApplicantHeaderBetweenTwoReadOnesIsFilledIn() throws {
    var rows = applicantHeader
    rows[2][6] = "社会公"   // a header cell cut short
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["5", "1", "0", "3", "0", "0", "9"]))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("new_received.social_welfare_org")?.value == ReportNumber(3))
    #expect(reading.value("new_received.total")?.value == ReportNumber(9))
}

@Test func continuationWithTrailingRemarksColumnSkipsIt() throws {
    var first = applicantHeader.map { $0 + ["备注"] }
    first[1][10] = "^"; first[2][10] = "^"
    first.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["2", "0", "0", "0", "0", "0", "2"]) + [""])
    // The continuation's columns are narrower (another page width): not aligned with the header.
    let second = [row("", "", "2.重复申请", ["4", "0", "0", "0", "0", "1", "5"]) + [""],
                  row("四、结转下年度继续办理", "<", "<", zeros) + [""]]
    let grid2 = makeGrid(second, page: 2, widths: [30, 30, 60] + Array(repeating: 35, count: 7) + [50])
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(first)), KeyedGrid(grid2)], into: &warnings)
    #expect(reading.value("results.not_processed.duplicate.total")?.value == ReportNumber(5))
    #expect(reading.value("results.not_processed.duplicate.other_org")?.value == ReportNumber(1))
    #expect(reading.value("results.not_processed.duplicate.natural_person")?.value == ReportNumber(4))
}

@Test func reviewTableMapsColumnsByHeaderPath() throws {
    let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    let rows: [[String]] = [
        ["行政复议", "<", "<", "<", "<", "行政诉讼"] + Array(repeating: "<", count: 9),
        outcomes + ["未经复议直接起诉", "<", "<", "<", "<", "复议后起诉", "<", "<", "<", "<"],
        ["^", "^", "^", "^", "^"] + outcomes + outcomes,
        ["1", "2", "0", "0", "3", "4", "0", "1", "0", "5", "0", "0", "0", "2", "2"],
    ]
    var warnings: [ReportWarning] = []
    let reading = ReviewLitigationReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("review.total")?.value == ReportNumber(3))
    #expect(reading.value("litigation_direct.upheld")?.value == ReportNumber(4))
    #expect(reading.value("litigation_direct.other")?.value == ReportNumber(1))
    #expect(reading.value("litigation_after_review.pending")?.value == ReportNumber(2))
    #expect(warnings.isEmpty)
    #expect(AccountingChecks.run(applications: TableReading(), review: reading).first?.ok == true)
}

@Test func proactiveTableIn2019FormatWithSignedChange() throws {
    let rows: [[String]] = [
        ["第二十条第（一）项", "<", "<", "<"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "—", "—", "—"],
        ["规范性文件", "5", "4", "26"],
        ["第二十条第（五）项", "<", "<", "<"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "145", "+2", "141"],
        ["第二十条第（八）项", "<", "<", "<"],
        ["信息内容", "上一年项目数量", "本年增/减", "<"],
        ["行政事业性收费", "", "", "<"],
        ["第二十条第（九）项", "<", "<", "<"],
        ["信息内容", "采购项目数量", "采购总金额", "<"],
        ["政府集中采购", "3", "251000元", "<"],
    ]
    var warnings: [ReportWarning] = []
    let reading = ProactiveReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.version == .v2019)
    #expect(reading.value("rules.new_made")?.value == ReportNumber(0))
    #expect(reading.value("normative_documents.total_published")?.value == ReportNumber(26))
    #expect(reading.value("licensing.change")?.value == ReportNumber(2))
    #expect(reading.value("fees.previous_year_items")?.value == nil)
    #expect(reading.value("procurement.amount")?.value == ReportNumber(251000))
    #expect(reading.strings["procurement.unit"] == "元")
    #expect(warnings.filter { $0.code == "blank_cell" }.map(\.path) == ["proactive.fees.previous_year_items", "proactive.fees.change"])
}

@Test func failedIdentityIsReportedNotFixed() throws {
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["5", "0", "0", "0", "0", "0", "5"]))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", zeros))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("^", "（七）总计", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("四、结转下年度继续办理", "<", "<", ["", "0", "0", "0", "0", "0", "0"]))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    let balance = AccountingChecks.balance(reading)
    // natural_person: 5 + 0 vs 4 + null → not checkable; total column: 5 vs 4 + 0 → failed.
    #expect(balance.notCheckable == ["natural_person"])
    #expect(balance.failures.map(\.at) == ["total"])
    #expect(!balance.ok)
    #expect(reading.value("results.total.total")?.value == ReportNumber(4))
}

@Test func documentWithoutReportTablesIsRejected() {
    let grid = makeGrid([["收入", "支出"], ["1", "2"]])
    do {
        _ = try ReportParser().parse(grids: [grid], headLines: [], fullText: "部门决算")
        Issue.record("a 决算 table was taken for a report")
    } catch {
        guard case .noReportTables = error else { Issue.record("wrong error \(error)"); return }
    }
}

/// Table 三 whose 四、结转下年度继续办理 row has its 自然人 cell empty; the identities determine it (1).
private func gridWithEmptyCarriedForward(lossy: Bool) -> CellGrid {
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["5", "0", "0", "0", "0", "0", "5"]))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", zeros))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("^", "（七）总计", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("四、结转下年度继续办理", "<", "<", ["", "0", "0", "0", "0", "0", "1"]))
    var grid = makeGrid(rows)
    grid.blankCellsMayBeLost = lossy
    return grid
}

@Test func blankCellOfAPDFTableStaysNullEvenWhenTheIdentitiesDetermineIt() throws {
    let doc = try ReportParser().parse(grids: [gridWithEmptyCarriedForward(lossy: false)], headLines: [])
    let v = try #require(doc.tables.applications.value("carried_forward.natural_person"))
    #expect(v.value == nil)
    #expect(v.inferredBy == nil)
    #expect(doc.warnings.contains { $0.code == "blank_cell" && $0.path == "applications.carried_forward.natural_person" })
    // The identities that meet the null are not checkable there, not failed.
    #expect(doc.checks.first { $0.rule == "applications.balance" }?.notCheckable == ["natural_person"])
    #expect(doc.checks.allSatisfy { $0.ok })
}

@Test func cellLostByAConverterIsInferredAndMarked() throws {
    let doc = try ReportParser().parse(grids: [gridWithEmptyCarriedForward(lossy: true)], headLines: [])
    let v = try #require(doc.tables.applications.value("carried_forward.natural_person"))
    #expect(v.value == ReportNumber(1))
    #expect(v.inferredBy == "applications.balance")
    #expect(doc.checks.allSatisfy { $0.ok })
    guard case .object(let root) = doc.json(), case .array(let inferred)? = root["inferred"] else { Issue.record("no inferred list"); return }
    #expect(inferred.count == 1)
}

@Test func cellMissingUnderItsColumnIsInferred() throws {
    // The row's label cell runs on into the 自然人 column: no cell stands under that column.
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["5", "0", "0", "0", "0", "0", "5"]))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", zeros))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("^", "（七）总计", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("四、结转下年度继续办理", "<", "<", ["<", "0", "0", "0", "0", "0", "1"]))
    let doc = try ReportParser().parse(grids: [makeGrid(rows, widths: [40, 40, 40, 60, 40, 40, 40, 40, 40, 40])], headLines: [])
    let v = try #require(doc.tables.applications.value("carried_forward.natural_person"))
    #expect(v.cell == nil)
    #expect(v.value == ReportNumber(1))
    #expect(v.inferredBy == "applications.balance")
}

@Test func reviewTableWithGarbledHeaderTakesTheTemplateOrder() throws {
    // A converter mashed the first header cells together; the row still has its fifteen values.
    let rows: [[String]] = [
        ["行政复议", "<", "<", "<", "行政诉讼"] + Array(repeating: "<", count: 10),
        ["结果 结果 其他 维持 纠正 结果", "<", "也尚未", "<", "未经复议直接起诉", "<", "<", "<", "复议后起诉"] + Array(repeating: "<", count: 6),
        ["", "审结", "总计", "结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "", ""],
        ["1", "2", "0", "0", "3", "4", "0", "1", "0", "5", "0", "0", "0", "2", "2"],
    ]
    var warnings: [ReportWarning] = []
    let reading = ReviewLitigationReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.values.count == 15)
    #expect(reading.value("review.total")?.value == ReportNumber(3))
    #expect(reading.value("litigation_direct.upheld")?.value == ReportNumber(4))
    #expect(reading.value("litigation_after_review.pending")?.value == ReportNumber(2))
    #expect(warnings.map(\.code) == ["columns_by_order"])
}

@Test func inferenceWithNineteenDigitCellsDoesNotTrap() throws {
    // Found by fuzzing: converter output with huge numbers made the identity sums overflow.
    let huge = "9223372036854775000"
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", [huge, huge, "0", "0", "0", "0", huge]))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", zeros))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", [huge, "0", "0", "0", "0", "0", huge]))
    rows.append(row("^", "（七）总计", "<", [huge, "0", "0", "0", "0", "0", huge]))
    rows.append(row("四、结转下年度继续办理", "<", "<", ["", "0", "0", "0", "0", "0", "0"]))
    var grid = makeGrid(rows)
    grid.blankCellsMayBeLost = true
    let doc = try ReportParser().parse(grids: [grid], headLines: [])
    // The row's own total still decides it (0); the identities with 19-digit cells decide nothing.
    #expect(doc.tables.applications.value("carried_forward.natural_person")?.value == ReportNumber(0))
}

/// Table 二 rows that no grid row matched (here merged by the layout into the header row) are
/// named in a warning, not left out silently.
@Test func proactiveRowsNotFoundAreWarned() {
    let rows: [[String]] = [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "0", "2"],
        ["信息内容", "本年处理决定数量", "<", "<"],
        ["行政许可", "4", "<", "<"],
        ["信息内容行政处罚行政强制", "本年处理决定数量", "<", "<"],
        ["信息内容", "本年收费金额（单位：万元）", "<", "<"],
        ["行政事业性收费", "1.5", "<", "<"],
    ]
    var warnings: [ReportWarning] = []
    let reading = ProactiveReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("licensing.decisions")?.value == ReportNumber(4))
    #expect(warnings.filter { $0.code == "row_missing" }.map(\.path) == ["proactive.penalty", "proactive.coercion"])
}

/// Table 二 of a scan read by OCR: a row label (规章 read as 瑟RER本) and a column header (本年废止件数
/// read as 本年让止件数) too garbled to match take the template row and column where they stand,
/// with a warning each; a title row cut into cells is not such a row.
@Test func proactiveRowsAndColumnsTooGarbledToMatchAreReadByPosition() throws {
    let rows: [[String]] = [
        ["", "第二十条第(一", ")项", ""],
        ["信息内容", "本年制发件数", "本年让止件数", "现行有效件数"],
        ["瑟RER本", "/", "/", "/"],
        ["行政规范性文件", "3", "1", "71"],
        ["信息内容", "本年处理决定数量", "<", "<"],
        ["行政许可", "35", "<", "<"],
    ]
    var warnings: [ReportWarning] = []
    let reading = ProactiveReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("rules.issued")?.value == ReportNumber(0))
    #expect(reading.value("rules.repealed")?.value == ReportNumber(0))
    #expect(reading.value("normative_documents.repealed")?.value == ReportNumber(1))
    #expect(reading.value("normative_documents.in_force")?.value == ReportNumber(71))
    #expect(reading.value("licensing.decisions")?.value == ReportNumber(35))
    #expect(warnings.filter { $0.code == "row_matched_by_position" }.map(\.path) == ["proactive.rules"])
    #expect(warnings.contains { $0.code == "column_matched_by_position" })
}

/// A layout text whose row label took the first number cell (`3、要求提供公开出版物 0`): the row's own
/// label is its last segment with label text, so the whole path still matches the template's.
@Test func rowLabelFollowedByANumberCellStillMatchesItsTemplateRow() {
    let row = ["不予处理", "要求提供公开出版物", "0"].map(LabelText.labelKey)
    let ti = ReportTemplates.applicationRows.firstIndex { $0.path == "results.not_processed.publications" }!
    let s = ApplicationsReader.score(row: row, rowWhole: LabelKey(scalars: row.flatMap(\.scalars)),
                                     template: ApplicationsReader.templateSegments[ti], templateWhole: ApplicationsReader.templateWholes[ti])
    #expect(s >= 0.55)
    // A label sharing nothing with the template's own does not match it through the group label.
    let garbled = ["本年度办理结果", "子以"].map(LabelText.labelKey)
    let total = ReportTemplates.applicationRows.firstIndex { $0.path == "results.total" }!
    let g = ApplicationsReader.score(row: garbled, rowWhole: LabelKey(scalars: garbled.flatMap(\.scalars)),
                                     template: ApplicationsReader.templateSegments[total], templateWhole: ApplicationsReader.templateWholes[total])
    #expect(g < 0.55)
}

/// Table 三 rows as a converter grid (grid 0) gives them; nil is an empty cell.
private func convertedApplications(_ rows: [(String, [Int?])]) -> TableReading {
    var t = TableReading(version: .v2021)
    for (r, (path, cells)) in rows.enumerated() {
        for (c, (key, n)) in zip(ShiftedRowPlacement.keys, cells).enumerated() {
            t.values.append(ExtractedValue(path: path.split(separator: ".").map(String.init) + [key], value: n.map(ReportNumber.init),
                                           raw: n.map(String.init) ?? "", page: 1, box: Rect(x0: 0, y0: 0, x1: 0, y1: 0),
                                           cell: CellRef(grid: 0, row: r, column: c)))
        }
    }
    return t
}

/// `| 2 | 0 | 0 | 0 | 0 | 2 |  |`: the row lost its 法律服务机构 cell and the rest moved left; only
/// the placements with the lost cell among the zeros keep the columns adding up, and all read alike.
@Test func aRowThatLostACellIsPlacedWhereTheIdentitiesHold() {
    var t = convertedApplications([
        ("new_received", [3, 0, 0, 0, 0, 0, 3]), ("carried_over", [0, 0, 0, 0, 0, 0, 0]),
        ("results.granted", [1, 0, 0, 0, 0, 0, 1]), ("results.withheld.internal_affairs", [2, 0, 0, 0, 0, 2, nil]),
        ("results.total", [3, 0, 0, 0, 0, 0, 3]), ("carried_forward", [0, 0, 0, 0, 0, 0, 0]),
    ])
    var warnings: [ReportWarning] = [], notes: [String] = []
    ShiftedRowPlacement.apply(to: &t, lost: { $0.raw.isEmpty }, warnings: &warnings, notes: &notes)
    #expect(t.value("results.withheld.internal_affairs.other_org")?.value == ReportNumber(0))
    #expect(t.value("results.withheld.internal_affairs.total")?.value == ReportNumber(2))
    #expect(t.value("results.withheld.internal_affairs.natural_person")?.value == ReportNumber(2))
    #expect(warnings.contains { $0.code == "row_shifted" })
}

@Test func aBlankTotalThatFitsAsPrintedStaysWhereItIs() {
    var t = convertedApplications([
        ("new_received", [3, 0, 0, 0, 0, 0, 3]), ("carried_over", [0, 0, 0, 0, 0, 0, 0]),
        ("results.granted", [1, 0, 0, 0, 0, 0, nil]), ("results.withheld.internal_affairs", [2, 0, 0, 0, 0, 0, 2]),
        ("results.total", [3, 0, 0, 0, 0, 0, 3]), ("carried_forward", [0, 0, 0, 0, 0, 0, 0]),
    ])
    var warnings: [ReportWarning] = [], notes: [String] = []
    ShiftedRowPlacement.apply(to: &t, lost: { $0.raw.isEmpty }, warnings: &warnings, notes: &notes)
    #expect(t.value("results.granted.total")?.value == nil)
    #expect(t.value("results.granted.natural_person")?.value == ReportNumber(1))
    #expect(warnings.isEmpty)
}
