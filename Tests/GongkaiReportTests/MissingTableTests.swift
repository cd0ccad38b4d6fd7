import Testing
@testable import GongkaiReport

/// A table not read whose heading is in the text is reported as there but unreadable.
@Test func aTableNotReadUnderItsHeadingIsReportedAsThere() {
    let text = """
    四、结转下年度继续办理             0 0 0 0 0 0 0
     四、政府信息公开行政复议、行政诉讼情况
         行政复议                   行政诉讼
    \u{0C}  五、存在的主要问题及改进情况
    """
    let report = ReportParser().assemble(ReportTables(), warnings: [], title: nil, lossyGrids: [], fullText: text)
    let review = report.tables.warnings.first { $0.code == "table_missing" && $0.message.contains("四") }
    #expect(review?.message == "table 四 复议诉讼 not read: its heading is in the text (四、政府信息公开行政复议、行政诉讼情况) but no table under it could be read")
    // 四、结转下年度继续办理 is table 三's row, not a heading; table 二 has none.
    #expect(report.tables.warnings.contains { $0.message == "table 二 主动公开 not found" })
    #expect(report.tables.warnings.contains { $0.message == "table 三 申请 not found" })
}
