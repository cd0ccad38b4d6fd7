/// A number exactly as the report wrote it, in canonical JSON form (`12`, `-3`, `4107.72`).
///
/// Money is kept as its decimal literal so that `0.386` never becomes `0.38600000000000001`.
public struct ReportNumber: Hashable, Sendable, CustomStringConvertible {
    /// JSON number literal.
    public let literal: String

    public init?(literal: String) {
        guard ReportNumber.isCanonical(literal) else { return nil }
        self.literal = literal
    }

    public init(_ value: Int) { literal = String(value) }

    public var description: String { literal }

    /// The value as a Double, for arithmetic in checks (exactness is kept in `literal`).
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// Integer value when the literal has no fraction.
    public var intValue: Int? { Int(literal) }

    /// Builds the canonical literal from sign, integer digits and fraction digits.
    static func make(negative: Bool, integer: String, fraction: String) -> ReportNumber {
        var intPart = String(integer.drop { $0 == "0" })
        if intPart.isEmpty { intPart = "0" }
        var frac = fraction
        while frac.last == "0" { frac.removeLast() }
        var lit = intPart + (frac.isEmpty ? "" : "." + frac)
        if negative && lit != "0" { lit = "-" + lit }
        return ReportNumber(literal: lit)!
    }

    private static func isCanonical(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = parts.first, !first.isEmpty,
              first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }
}

extension ReportNumber {
    static func + (a: ReportNumber, b: ReportNumber) -> ReportNumber {
        if let x = a.intValue, let y = b.intValue { return ReportNumber(x + y) }
        let v = a.doubleValue + b.doubleValue
        return ReportNumber(literal: String(v)) ?? ReportNumber(0)
    }
}
