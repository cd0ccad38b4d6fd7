import Foundation

/// Normalises label text so that the many ways reports write one label compare equal:
/// full/half-width forms, brackets, `1.` / `1、` / `1．`, straight or curly quotes, stray spaces,
/// and the leading numbering (`三、`, `（三）`, `1.`) which differs between reports.
public enum LabelText {
    /// NFKC-folded text without any whitespace, quotes unified to `"`.
    public static func fold(_ s: String) -> String {
        let nfkc = s.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for u in nfkc.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{3000}" || u == "\u{200B}" || u == "\u{FEFF}" { continue }
            switch u {
            case "“", "”", "„", "‟", "「", "」", "『", "』", "'", "‘", "’": out.append("\"")
            case "、", "．", "。": out.append(".")
            case "〔", "【", "［": out.append("(")
            case "〕", "】", "］": out.append(")")
            default: out.append(u)
            }
        }
        return String(out)
    }

    private static let chineseNumerals: Set<Character> = Set("一二三四五六七八九十")

    /// Removes leading list numbering: `三、`, `(三)`, `1.`, `（1）`, `第一`…, repeatedly.
    public static func stripNumbering(_ folded: String) -> String {
        var s = Substring(folded)
        while true {
            let before = s
            if s.first == "(" , let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) <= 4 {
                let inner = s[s.index(after: s.startIndex)..<close]
                if !inner.isEmpty, inner.allSatisfy({ $0.isNumber || chineseNumerals.contains($0) }) {
                    s = s[s.index(after: close)...]
                }
            }
            var i = s.startIndex
            while i < s.endIndex, s[i].isASCII && s[i].isNumber || chineseNumerals.contains(s[i]) { i = s.index(after: i) }
            if i > s.startIndex, i < s.endIndex, ".,:".contains(s[i]) {
                s = s[s.index(after: i)...]
            }
            while let f = s.first, ".,:".contains(f) { s = s.dropFirst() }
            if s == before { break }
        }
        return String(s)
    }

    /// The comparable core of a label: folded, numbering removed, only letters and digits kept
    /// (brackets, quotes and punctuation vary too much between reports to carry meaning).
    public static func key(_ s: String) -> String {
        let stripped = stripNumbering(fold(s))
        return String(stripped.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Dice coefficient over character bigrams (unigrams for one-character strings), 0…1.
    /// Tolerant of a missing, extra or misspelt character in long labels.
    public static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return a.isEmpty ? 0 : 1 }
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        if x.count < 2 || y.count < 2 {
            return x.count == y.count ? 0 : (Set(x).intersection(y).isEmpty ? 0 : 0.5 * Double(min(x.count, y.count)) / Double(max(x.count, y.count)))
        }
        var grams: [String: Int] = [:]
        for i in 0..<(x.count - 1) { grams[String(x[i...i + 1]), default: 0] += 1 }
        var common = 0
        for i in 0..<(y.count - 1) {
            let g = String(y[i...i + 1])
            if let n = grams[g], n > 0 { grams[g] = n - 1; common += 1 }
        }
        return 2 * Double(common) / Double(x.count - 1 + y.count - 1)
    }
}
