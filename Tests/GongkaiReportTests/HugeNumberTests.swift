import Testing
import PageGeometry
@testable import GongkaiReport

// Hostile or garbled reports put 20- and 40-digit numbers in cells. They are kept exactly as
// printed (a big decimal literal) and the checks add them exactly: no trap, no rounding.

private func n(_ s: String) -> ReportNumber { ReportNumber(literal: s)! }

@Test func sumsNeverOverflowAndStayExact() {
    // Both fit in Int, their sum does not.
    #expect(n("9223372036854775807") + n("1") == n("9223372036854775808"))
    #expect(n("-9223372036854775808") + n("-1") == n("-9223372036854775809"))
    let forty = "1234567890123456789012345678901234567890"
    #expect(n(forty) + n(forty) == n("2469135780246913578024691357802469135780"))
    #expect(n(forty) + n("-" + forty) == ReportNumber(0))
    #expect(n("-" + forty) + n("1") == n("-1234567890123456789012345678901234567889"))
    #expect(n("99999999999999999999.5") + n("0.5") == n("100000000000000000000"))
    #expect(n("0.1") + n("0.2") == n("0.3"))
    #expect(n("1.25") + n("-3") == n("-1.75"))
    #expect(n("1.50").hasSameValue(as: n("1.5")))
}

@Test func cellWithFortyDigitsIsABigDecimalAndChecksCompareExactly() throws {
    let huge = "12345678901234567890123456789012345678901"
    guard case .number(let v) = CellValueParser.read(huge) else { Issue.record("not read as a number"); return }
    #expect(v.literal == huge)
    #expect(v.intValue == nil)
    // Review table: the parts add up to the (huge) total exactly; one more unit must fail.
    func reading(total: String) -> TableReading {
        var t = TableReading()
        for (key, value) in [("upheld", huge), ("corrected", huge), ("other", "0"), ("pending", "1"), ("total", total)] {
            t.values.append(ExtractedValue(path: ["review", key], value: n(value), raw: value, page: 1, box: Rect(x0: 0, y0: 0, x1: 1, y1: 1)))
        }
        return t
    }
    let exact = "24691357802469135780246913578024691357803"
    #expect(AccountingChecks.reviewTotals(reading(total: exact)).failures.isEmpty)
    let off = AccountingChecks.reviewTotals(reading(total: "24691357802469135780246913578024691357802"))
    #expect(off.failures.map(\.at) == ["review"])
    #expect(off.failures.first?.expected.literal == exact)
}

@Test func numbersBeyondAHundredDigitsAreUnreadableWithAShortWarning() {
    let digits = String(repeating: "7", count: 5000)
    #expect(CellValueParser.read(digits) == .unreadable(digits))
    if case .number(let n) = CellValueParser.read(String(repeating: "9", count: 100)) { #expect(n.literal.count == 100) } else {
        Issue.record("100 digits should still be a number")
    }
    var warnings: [ReportWarning] = []
    #expect(CellInterpreter.interpret(digits, path: "review.total", page: 2, warnings: &warnings) == nil)
    #expect(warnings.map(\.code) == ["unreadable_cell"])
    #expect((warnings.first?.message.count ?? 0) < 120)
}
