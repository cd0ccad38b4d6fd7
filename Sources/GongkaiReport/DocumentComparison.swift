/// Cell-level differences between an expected and an actual document (`corpus check`, `diff`).
///
/// Cells are the numeric and null leaves of the three tables as dotted paths — the measure of
/// `tools/score`: a cell is right when both are null or both are numbers within 1e-6.
public struct DocumentComparison: Sendable {
    public enum Value: Equatable, Sendable, CustomStringConvertible {
        case missing
        case null
        case number(ReportNumber)

        public var description: String {
            switch self {
            case .missing: return "missing"
            case .null: return "null"
            case .number(let n): return n.literal
            }
        }
    }

    public struct Difference: Sendable, Equatable {
        public var path: String
        public var expected: Value
        public var actual: Value
    }

    /// Expected cells that the actual document gets wrong or lacks.
    public var wrongCells: [Difference] = []
    /// Cells only the actual document has, with a non-zero value.
    public var spuriousCells: [Difference] = []
    /// report.agency / year / template that differ.
    public var metadata: [(field: String, expected: String, actual: String)] = []
    /// Rules expected to fail that did not, and rules that failed unexpectedly.
    public var missedChecks: [String] = []
    public var falseAlarms: [String] = []
    public var expectedCellCount = 0
    public var metadataCount = 0

    public var rightCells: Int { expectedCellCount - wrongCells.count }
    public var isEmpty: Bool { wrongCells.isEmpty && spuriousCells.isEmpty && metadata.isEmpty && missedChecks.isEmpty && falseAlarms.isEmpty }

    static let tables = ["proactive", "applications", "review_litigation"]

    public static func cells(_ document: JSONValue) -> [String: Value] {
        var out: [String: Value] = [:]
        for table in tables {
            guard let t = document[table] else { continue }
            for (path, value) in t.flattenedCells(prefix: table) { out[path] = value.map(Value.number) ?? .null }
        }
        return out
    }

    public static func failingRules(_ document: JSONValue, preferBroken: Bool) -> Set<String> {
        if preferBroken, case .array(let broken)? = document["broken_checks"] {
            return Set(broken.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
        }
        guard case .array(let checks)? = document["checks"] else { return [] }
        return Set(checks.compactMap { c -> String? in
            guard case .bool(false)? = c["ok"], case .string(let rule)? = c["rule"] else { return nil }
            return rule
        })
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.number(let x), .number(let y)): return abs(x.doubleValue - y.doubleValue) < 1e-6
        default: return false
        }
    }

    private static func text(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n.literal
        case .null?: return "null"
        default: return nil
        }
    }

    public init(expected: JSONValue, actual: JSONValue) {
        let want = Self.cells(expected), got = Self.cells(actual)
        expectedCellCount = want.count
        for path in want.keys.sorted() {
            let g = got[path] ?? .missing
            if !Self.same(want[path]!, g) { wrongCells.append(Difference(path: path, expected: want[path]!, actual: g)) }
        }
        for path in got.keys.sorted() where want[path] == nil {
            if case .number(let n) = got[path]!, n.doubleValue != 0 {
                spuriousCells.append(Difference(path: path, expected: .missing, actual: got[path]!))
            }
        }
        for field in ["agency", "year", "template"] {
            guard let e = Self.text(expected["report"]?[field]) else { continue }
            metadataCount += 1
            let a = Self.text(actual["report"]?[field]) ?? "missing"
            if e != a { metadata.append((field, e, a)) }
        }
        let broken = Self.failingRules(expected, preferBroken: true)
        let failing = Self.failingRules(actual, preferBroken: false)
        missedChecks = broken.subtracting(failing).sorted()
        falseAlarms = failing.subtracting(broken).sorted()
    }

    /// Human-readable lines, one per difference.
    public var lines: [String] {
        var out: [String] = []
        out += wrongCells.map { "\($0.path): expected \($0.expected), actual \($0.actual)" }
        out += spuriousCells.map { "\($0.path): not expected, actual \($0.actual)" }
        out += metadata.map { "report.\($0.field): expected \($0.expected), actual \($0.actual)" }
        out += missedChecks.map { "check \($0): expected to fail, passed" }
        out += falseAlarms.map { "check \($0): failed, expected to pass" }
        return out
    }
}
