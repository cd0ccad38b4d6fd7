import Testing
@testable import GongkaiReport

@Test func jsonKeysSortedChineseUnescapedNumbersExact() {
    var v = JSONValue.object([:])
    v.set(.string("新乡市商务局"), at: ["report", "agency"])
    v.set(.number(ReportNumber(literal: "0.386")!), at: ["proactive", "fees", "amount_wan_yuan"])
    v.set(.null, at: ["a"])
    #expect(v.rendered(pretty: false) == #"{"a":null,"proactive":{"fees":{"amount_wan_yuan":0.386}},"report":{"agency":"新乡市商务局"}}"#)
    #expect(JSONValue.string("a\"b\\\n").rendered() == #""a\"b\\\n""#)
}

@Test func flattenedCellsGiveDottedPaths() {
    var v = JSONValue.object([:])
    v.set(.number(ReportNumber(3)), at: ["results", "withheld", "state_secret", "total"])
    v.set(.null, at: ["results", "granted", "total"])
    v.set(.string("万元"), at: ["procurement", "unit"])
    let cells = v.flattenedCells()
    #expect(cells.map(\.path) == ["results.granted.total", "results.withheld.state_secret.total"])
    #expect(cells.last?.value == ReportNumber(3))
}
