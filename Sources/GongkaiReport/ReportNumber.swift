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
    /// The exact sum, whatever the number of digits: cells of a hostile or garbled report can hold
    /// 40-digit numbers, which neither overflow (`Int`) nor round (`Double`) here.
    static func + (a: ReportNumber, b: ReportNumber) -> ReportNumber {
        if let x = a.intValue, let y = b.intValue {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return ReportNumber(sum) }
        }
        return Decimal(a).adding(Decimal(b)).number
    }

    /// Whether both stand for the same value (`1.50` and `1.5`, `-0` and `0` included).
    func hasSameValue(as other: ReportNumber) -> Bool {
        Decimal(self).number.literal == Decimal(other).number.literal
    }

    /// A decimal as sign and digits (integer digits then `scale` fraction digits), most
    /// significant first: just enough arbitrary-precision arithmetic for the checks' sums.
    private struct Decimal {
        var negative: Bool
        var digits: [UInt8]
        var scale: Int

        init(negative: Bool, digits: [UInt8], scale: Int) {
            self.negative = negative; self.digits = digits; self.scale = scale
        }

        init(_ n: ReportNumber) {
            var body = Substring(n.literal)
            negative = body.first == "-"
            if negative { body = body.dropFirst() }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? parts[1] : ""
            digits = (parts[0] + fraction).utf8.map { $0 &- 48 }
            scale = fraction.utf8.count
        }

        /// The same value with `scale` fraction digits (scale only grows).
        func scaled(to newScale: Int) -> [UInt8] { digits + [UInt8](repeating: 0, count: newScale - scale) }

        func adding(_ other: Decimal) -> Decimal {
            let s = max(scale, other.scale)
            var x = scaled(to: s), y = other.scaled(to: s)
            let width = max(x.count, y.count)
            x = [UInt8](repeating: 0, count: width - x.count) + x
            y = [UInt8](repeating: 0, count: width - y.count) + y
            if negative == other.negative {
                return Decimal(negative: negative, digits: Self.add(x, y), scale: s)
            }
            // Different signs: the larger magnitude minus the smaller, with the larger one's sign.
            if x.lexicographicallyPrecedes(y) {
                return Decimal(negative: other.negative, digits: Self.subtract(y, x), scale: s)
            }
            return Decimal(negative: negative, digits: Self.subtract(x, y), scale: s)
        }

        private static func add(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: x.count + 1)
            var carry: UInt8 = 0
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                let d = x[i] + y[i] + carry
                out[i + 1] = d % 10
                carry = d / 10
            }
            out[0] = carry
            return out
        }

        /// x − y for x ≥ y (same length).
        private static func subtract(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
            var out = x
            var borrow: UInt8 = 0
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                let sub = y[i] + borrow
                if out[i] >= sub { out[i] -= sub; borrow = 0 } else { out[i] = out[i] + 10 - sub; borrow = 1 }
            }
            return out
        }

        var number: ReportNumber {
            let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
            let cut = text.index(text.endIndex, offsetBy: -scale)
            return ReportNumber.make(negative: negative, integer: String(text[..<cut]), fraction: String(text[cut...]))
        }
    }
}
