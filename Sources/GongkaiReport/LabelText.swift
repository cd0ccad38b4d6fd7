/// Normalises label text so that the many ways reports write one label compare equal:
/// full/half-width forms, brackets, `1.` / `1、` / `1．`, straight or curly quotes, stray spaces,
/// and the leading numbering (`三、`, `（三）`, `1.`) which differs between reports.
///
/// Works on Unicode scalars with a generated NFKC table (`CompatibilityFolding`): label matching runs
/// for every cell of every table, so it avoids Foundation's bridged normalisation.
public enum LabelText {
    /// NFKC-folded text without any whitespace; quotes unified to `"`, 、．。 to `.`, 〔【［ to `(`.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in foldScalars(s) { out.append(Unicode.Scalar(u)!) }
        return String(out)
    }

    static func foldScalars(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            let v = u.value
            if let mapped = CompatibilityFolding.table[v] {
                for m in mapped { appendFolded(m, to: &out) }
            } else {
                appendFolded(v, to: &out)
            }
        }
        return out
    }

    @inline(__always)
    private static func appendFolded(_ v: UInt32, to out: inout [UInt32]) {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x300C, 0x300D, 0x300E, 0x300F, 0x27, 0x2018, 0x2019:
            out.append(0x22)  // "
        case 0x3001, 0xFF0E, 0x3002:
            out.append(0x2E)  // .
        case 0x3014, 0x3010, 0xFF3B:
            out.append(0x28)  // (
        case 0x3015, 0x3011, 0xFF3D:
            out.append(0x29)  // )
        default:
            out.append(v)
        }
    }

    private static let chineseNumerals: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))
    private static let separators: Set<UInt32> = [0x2E, 0x2C, 0x3A]  // . , :

    private static func isNumeral(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) || chineseNumerals.contains(v) }

    /// Removes leading list numbering: `三、`, `(三)`, `1.`, `（1）`, repeatedly.
    static func stripNumbering(_ s: [UInt32]) -> ArraySlice<UInt32> {
        var t = s[...]
        while true {
            let before = t.startIndex
            if t.first == 0x28, let close = t.firstIndex(of: 0x29), close - t.startIndex <= 4, close > t.startIndex + 1,
               t[(t.startIndex + 1)..<close].allSatisfy(isNumeral) {
                t = t[(close + 1)...]
            }
            var i = t.startIndex
            while i < t.endIndex, isNumeral(t[i]) { i += 1 }
            if i > t.startIndex, i < t.endIndex, separators.contains(t[i]) { t = t[(i + 1)...] }
            while let f = t.first, separators.contains(f) { t = t.dropFirst() }
            if t.startIndex == before { break }
        }
        return t
    }

    @inline(__always)
    private static func isLetterOrDigit(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x3134F: return true
        case 0...0x7F: return false
        default:
            guard let u = Unicode.Scalar(v) else { return false }
            return u.properties.isAlphabetic || u.properties.numericType != nil
        }
    }

    /// The comparable core of a label as scalars: folded, numbering removed, only letters and digits
    /// (brackets, quotes and punctuation vary too much between reports to carry meaning).
    public static func labelKey(_ s: String) -> LabelKey {
        LabelKey(scalars: stripNumbering(foldScalars(s)).filter(isLetterOrDigit))
    }

    /// The list numbering a label starts with, folded: `(七)` for （七）/(七), `三.` for 三、,
    /// `1.` for 1、/1．/1. — nil when it has none.
    public static func numbering(_ s: String) -> String? {
        let t = foldScalars(s)
        guard let first = t.first else { return nil }
        if first == 0x28, let close = t.firstIndex(of: 0x29), close > 1, close <= 4, t[1..<close].allSatisfy(isNumeral) {
            return "(" + String(String.UnicodeScalarView(t[1..<close].compactMap(Unicode.Scalar.init))) + ")"
        }
        var i = 0
        while i < t.count, isNumeral(t[i]) { i += 1 }
        guard i > 0, i <= 3, i < t.count, separators.contains(t[i]) else { return nil }
        return String(String.UnicodeScalarView(t[0..<i].compactMap(Unicode.Scalar.init))) + "."
    }

    /// `labelKey` as a String.
    public static func key(_ s: String) -> String { labelKey(s).string }

    /// Dice coefficient over character bigrams of the two keys, 0…1 (see `LabelKey.similarity`).
    public static func similarity(_ a: String, _ b: String) -> Double {
        LabelKey(scalars: Array(a.unicodeScalars.map(\.value))).similarity(LabelKey(scalars: Array(b.unicodeScalars.map(\.value))))
    }
}

/// A label reduced for comparison, with its character bigrams ready for `similarity`.
public struct LabelKey: Hashable, Sendable {
    public let scalars: [UInt32]
    /// Sorted bigram codes, for a linear-time multiset intersection.
    let bigrams: [UInt64]

    public init(scalars: [UInt32]) {
        self.scalars = scalars
        var grams: [UInt64] = []
        if scalars.count >= 2 {
            grams.reserveCapacity(scalars.count - 1)
            for i in 0..<(scalars.count - 1) { grams.append(UInt64(scalars[i]) << 32 | UInt64(scalars[i + 1])) }
            grams.sort()
        }
        bigrams = grams
    }

    public var isEmpty: Bool { scalars.isEmpty }
    public var count: Int { scalars.count }
    public var string: String {
        var v = String.UnicodeScalarView()
        for s in scalars { v.append(Unicode.Scalar(s)!) }
        return String(v)
    }

    public func contains(_ other: LabelKey) -> Bool {
        guard !other.scalars.isEmpty, other.scalars.count <= scalars.count else { return other.scalars.isEmpty }
        let n = other.scalars.count
        for i in 0...(scalars.count - n) where scalars[i] == other.scalars[0] {
            if scalars[i..<(i + n)].elementsEqual(other.scalars) { return true }
        }
        return false
    }

    /// Whether the key holds a CJK character (label text, not a number or mark read as a label).
    public var hasLabelText: Bool { scalars.contains { (0x4E00...0x9FFF).contains($0) } }

    /// Whether the two keys have at least one character in common.
    public func sharesCharacter(with other: LabelKey) -> Bool {
        !Set(scalars).isDisjoint(with: other.scalars)
    }

    /// Dice coefficient over character bigrams (characters for one-character keys), 0…1.
    /// Tolerant of a missing, extra or misspelt character in long labels.
    public func similarity(_ other: LabelKey) -> Double {
        if scalars == other.scalars { return scalars.isEmpty ? 0 : 1 }
        guard !scalars.isEmpty, !other.scalars.isEmpty else { return 0 }
        if scalars.count < 2 || other.scalars.count < 2 {
            let shared = Set(scalars).intersection(other.scalars).isEmpty ? 0.0 : 1.0
            return 0.5 * shared * Double(min(count, other.count)) / Double(max(count, other.count))
        }
        var i = 0, j = 0, common = 0
        let a = bigrams, b = other.bigrams
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }
}
