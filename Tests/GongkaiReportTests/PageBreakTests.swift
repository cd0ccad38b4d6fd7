import PageGeometry
import TableLayout
import Testing
@testable import GongkaiReport

@Test func headerCutByAPageBreakIsReadFromTheGridBelowTheFragment() throws {
    // The header's first row stands alone at the foot of page 1; the rest and the data on page 2.
    let fragment = makeGrid([["（本列数据的勾稽关系为：第一项", "申请人情况"]], page: 1)
    var rest = Array(applicantHeader.dropFirst())
    rest[0][0] = "加第二项之和，等于第三项加第四项之和）"
    rest.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["3", "0", "0", "0", "0", "0", "3"]))
    rest.append(row("四、结转下年度继续办理", "<", "<", zeros))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(fragment, index: 0), KeyedGrid(makeGrid(rest, page: 2), index: 1)], into: &warnings)
    #expect(reading.value("new_received.natural_person")?.value == ReportNumber(3))
    #expect(reading.value("new_received.total")?.value == ReportNumber(3))
    #expect(reading.value("carried_forward.total")?.value == ReportNumber(0))
}

@Test func rowLabelCarriedOverAPageBreakFinishesTheRowBeforeIt() throws {
    var first = applicantHeader
    first.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["1", "0", "0", "0", "0", "0", "1"]))
    first.append(row("三、本年度办理结果", "（五）不予处理", "5、要求行政机关确", ["2", "0", "0", "0", "0", "0", "2"]))
    var second: [[String]] = []
    second.append(row("", "", "认或重新出具已获取信息", ["", "", "", "", "", "", ""]))
    second.append(row("", "（七）总计", "<", ["2", "0", "0", "0", "0", "0", "2"]))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(first), index: 0), KeyedGrid(makeGrid(second, page: 2), index: 1)], into: &warnings)
    #expect(reading.value("results.not_processed.confirmation.natural_person")?.value == ReportNumber(2))
    #expect(reading.value("results.not_processed.confirmation.total")?.value == ReportNumber(2))
}

@Test func groupLabelStuckToTheNextRowLeavesThatRowItsOwnLabel() throws {
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", ["1", "0", "0", "0", "0", "0", "1"]))
    rows.append(row("三、本年度办理结果", "", "5、要求行政机关确认或重新出具已获取信息", zeros))
    rows.append(row("^", "(五)不予处理(六)其他处理", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    rows.append(row("^", "(七)总计", "<", ["4", "0", "0", "0", "0", "0", "4"]))
    var warnings: [ReportWarning] = []
    let reading = ApplicationsReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
    #expect(reading.value("results.other_handling.natural_person")?.value == ReportNumber(4))
    #expect(!warnings.contains { $0.code == "unmatched_row" })
}

@Test func aTableWhoseRowsMatchNothingIsNamedWithItsTexts() throws {
    let grid = KeyedGrid(makeGrid([["申请人情况", "自然人"], ["三本、年度理办结果", "0"]], page: 2))
    let warning = try #require(UnmatchedTables.warning(table: "三 申请", grids: [grid]))
    #expect(warning.code == "table_unmatched")
    #expect(warning.page == 2)
    #expect(warning.message.contains("三本、年度理办结果"))
    #expect(!warning.message.contains(" 0 "))
    #expect(UnmatchedTables.warning(table: "三 申请", grids: []) == nil)
}
