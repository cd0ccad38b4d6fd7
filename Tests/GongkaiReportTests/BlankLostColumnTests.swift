import Testing
@testable import GongkaiReport

/// Table 三 rows whose numbers sit in one cell across the columns (layout text whose positions
/// did not tell the columns), one number short of the seven columns.
private func shortRowsTable(printedTotalRow: Bool) -> TableReading {
    func spread(_ values: String) -> [String] { [values] + Array(repeating: "<", count: 6) }
    var rows = applicantHeader
    rows.append(row("一、本年新收政府信息公开申请数量", "<", "<", spread("2 0 0 0 1 0")))
    rows.append(row("二、上年结转政府信息公开申请数量", "<", "<", spread("0 0 0 0 0 0")))
    rows.append(row("三、本年度办理结果", "（一）予以公开", "<", printedTotalRow ? ["2", "0", "0", "0", "1", "0", "3"] : spread("2 0 0 0 1 0")))
    rows.append(row("^", "（七）总计", "<", spread("2 0 0 0 1 0")))
    rows.append(row("四、结转下年度继续办理", "<", "<", spread("0 0 0 0 0 0")))
    var warnings: [ReportWarning] = []
    return ApplicationsReader().read([KeyedGrid(makeGrid(rows))], into: &warnings)
}

@Test func aColumnEveryShortRowLostIsBlankNotInferred() {
    let reading = shortRowsTable(printedTotalRow: false)
    #expect(reading.value("new_received.natural_person")?.value == ReportNumber(2))
    #expect(reading.value("new_received.legal_service_org")?.value == ReportNumber(1))
    #expect(reading.value("new_received.other_org")?.value == ReportNumber(0))
    let total = reading.value("new_received.total")
    #expect(total?.value == nil)
    #expect(total?.inferredBy == nil)
    #expect(total?.blankByColumn == true)
    #expect(reading.value("carried_over.total")?.value == nil)
}

@Test func aColumnReadInSomeRowIsNotBlankWhereOthersLostIt() {
    let reading = shortRowsTable(printedTotalRow: true)
    #expect(reading.value("results.granted.total")?.value == ReportNumber(3))
    #expect(reading.value("new_received.total")?.value == ReportNumber(3))
    #expect(reading.value("new_received.total")?.blankByColumn == false)
}
