import Testing
@testable import GongkaiReport

@Test func jsonParserRoundTripsOurOutput() throws {
    var v = JSONValue.object([:])
    v.set(.number(ReportNumber(literal: "0.386")!), at: ["proactive", "fees", "amount_wan_yuan"])
    v.set(.string("“三安全一稳定”\n\"x\""), at: ["report", "title"])
    v.set(.array([.bool(true), .null, .number(ReportNumber(-3))]), at: ["list"])
    for pretty in [true, false] {
        #expect(try JSONParser.parse(v.rendered(pretty: pretty)) == v)
    }
}

@Test func jsonParserAcceptsEscapesAndExponentsAndRejectsGarbage() throws {
    let v = try JSONParser.parse(#"{"a": "\u65b0\u4e61 \ud83d\ude00", "b": 1e3, "c": 12.50}"#)
    #expect(v["a"] == .string("新乡 😀"))
    #expect(v["b"] == .number(ReportNumber(1000)))
    #expect(v["c"] == .number(ReportNumber(literal: "12.5")!))
    for bad in ["{", "[1,]", "{\"a\" 1}", "nul", "\"open", "{} x"] {
        #expect(throws: JSONParser.Error.self) { _ = try JSONParser.parse(bad) }
    }
}

@Test func csvFieldsAreQuotedPerRFC4180() {
    #expect(CSVWriter.row(["a", "b,c", "say \"hi\"", "line\nbreak", "新乡"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",新乡\r\n")
}

@Test func comparisonFindsWrongMissingSpuriousAndChecks() throws {
    let expected = try JSONParser.parse(#"""
    {"report": {"agency": "甲", "year": 2024, "template": "2021"},
     "proactive": {"rules": {"issued": 1, "repealed": null}},
     "review_litigation": {"review": {"total": 2}},
     "broken_checks": ["review_litigation.totals"]}
    """#)
    let actual = try JSONParser.parse(#"""
    {"report": {"agency": "乙", "year": 2024, "template": "2021"},
     "proactive": {"rules": {"issued": 1.0, "repealed": 0}, "fees": {"amount_wan_yuan": 3}},
     "checks": [{"rule": "review_litigation.totals", "ok": true}, {"rule": "applications.balance", "ok": false}]}
    """#)
    let diff = DocumentComparison(expected: expected, actual: actual)
    #expect(diff.expectedCellCount == 3)
    #expect(diff.rightCells == 1)
    #expect(diff.lines.contains("proactive.rules.repealed: expected null, actual 0"))
    #expect(diff.lines.contains("review_litigation.review.total: expected 2, actual missing"))
    #expect(diff.lines.contains("proactive.fees.amount_wan_yuan: not expected, actual 3"))
    #expect(diff.metadata.map(\.field) == ["agency"])
    #expect(diff.missedChecks == ["review_litigation.totals"])
    #expect(diff.falseAlarms == ["applications.balance"])
}

@Test func jsonParserSurvivesHostileInput() throws {
    // A high surrogate followed by a non-surrogate escape used to underflow (a trap in `gongkai diff`).
    #expect(try JSONParser.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
    #expect(try JSONParser.parse(#""\udc00""#) == .string("\u{FFFD}"))
    // Deep nesting is an error, not a stack overflow.
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParser.Error.self) { _ = try JSONParser.parse(deep) }
    // Huge and odd numbers.
    #expect(try JSONParser.parse("1" + String(repeating: "0", count: 60)) == .number(ReportNumber(literal: "1" + String(repeating: "0", count: 60))!))
    for bad in ["1e999", "-", "--1", "1e", "\u{0}"] {
        #expect(throws: JSONParser.Error.self) { _ = try JSONParser.parse(bad) }
    }
}
