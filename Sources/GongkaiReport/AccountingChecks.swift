/// One failed identity: which row/column, what the parts add up to and what the total says.
public struct CheckFailure: Sendable, Equatable {
    public var at: String
    public var expected: ReportNumber
    public var actual: ReportNumber
    /// Full dotted paths of the values the identity adds up on both sides (what `inspect` marks
    /// red). Not part of the JSON.
    public var paths: [String] = []
}

/// The outcome of one 勾稽关系 rule over a document.
public struct CheckResult: Sendable, Equatable {
    public var rule: String
    public var failures: [CheckFailure] = []
    /// Rows/columns the rule could not be evaluated for because a cell is null or missing.
    public var notCheckable: [String] = []
    public var ok: Bool { failures.isEmpty }
}

/// The accounting identities of the contract, evaluated on the extracted values. A failure is
/// reported, never repaired.
public enum AccountingChecks {
    public static let applicantKeys = ReportTemplates.applicantColumns.map(\.key)
    public static let partyKeys = applicantKeys.filter { $0 != "total" }

    public static func run(applications: TableReading, review: TableReading) -> [CheckResult] {
        var results: [CheckResult] = []
        if applications.found {
            results.append(balance(applications))
            results.append(rowTotals(applications))
            results.append(resultsTotal(applications))
        }
        if review.found { results.append(reviewTotals(review)) }
        return results
    }

    private static func lookup(_ t: TableReading) -> [String: ReportNumber?] {
        var m: [String: ReportNumber?] = [:]
        for v in t.values { m[v.path.joined(separator: ".")] = v.value }
        return m
    }

    /// Adds the values at `paths`; nil when any is null or absent.
    private static func sum(_ m: [String: ReportNumber?], _ paths: [String]) -> ReportNumber? {
        var total = ReportNumber(0)
        for p in paths {
            guard let v = m[p], let v else { return nil }
            total = total + v
        }
        return total
    }

    /// `paths`: the values on both sides, relative to `table`.
    private static func compare(_ result: inout CheckResult, at: String, parts: ReportNumber?, total: ReportNumber?,
                                table: String, paths: [String]) {
        guard let parts, let total else { result.notCheckable.append(at); return }
        if !parts.hasSameValue(as: total) {
            result.failures.append(.init(at: at, expected: parts, actual: total, paths: paths.map { table + "." + $0 }))
        }
    }

    static func balance(_ t: TableReading) -> CheckResult {
        let m = lookup(t)
        var r = CheckResult(rule: "applications.balance")
        for c in applicantKeys {
            let left = ["new_received.\(c)", "carried_over.\(c)"], right = ["results.total.\(c)", "carried_forward.\(c)"]
            compare(&r, at: c, parts: sum(m, left), total: sum(m, right), table: "applications", paths: left + right)
        }
        return r
    }

    public static func rowTotals(_ t: TableReading) -> CheckResult {
        let m = lookup(t)
        var r = CheckResult(rule: "applications.row_total")
        let rows = Set(t.values.map { $0.path.dropLast().joined(separator: ".") })
        for row in rows.sorted() {
            let parts = partyKeys.map { "\(row).\($0)" }
            compare(&r, at: row, parts: sum(m, parts), total: m["\(row).total"] ?? nil, table: "applications", paths: parts + ["\(row).total"])
        }
        return r
    }

    static func resultsTotal(_ t: TableReading) -> CheckResult {
        let m = lookup(t)
        var r = CheckResult(rule: "applications.results_total")
        let resultRows = Set(t.values.map { $0.path.dropLast().joined(separator: ".") }
            .filter { $0.hasPrefix("results.") && $0 != "results.total" })
        for c in applicantKeys {
            let parts = resultRows.sorted().map { "\($0).\(c)" }
            compare(&r, at: c, parts: sum(m, parts), total: m["results.total.\(c)"] ?? nil, table: "applications", paths: parts + ["results.total.\(c)"])
        }
        return r
    }

    public static func reviewTotals(_ t: TableReading) -> CheckResult {
        let m = lookup(t)
        var r = CheckResult(rule: "review_litigation.totals")
        for g in ReportTemplates.reviewGroups.map(\.key) {
            let parts = ["upheld", "corrected", "other", "pending"].map { "\(g).\($0)" }
            compare(&r, at: g, parts: sum(m, parts), total: m["\(g).total"] ?? nil, table: "review_litigation", paths: parts + ["\(g).total"])
        }
        return r
    }
}
