/// The words a report table is written in, decided once for every reader: the layout paths (PDF
/// stream tables, `pdftotext -layout` text), the markdown and text readers, and the report's value
/// parser all ask here, so they cannot disagree on what a value is (`3%`, `5次`, `—`).
///
/// - value: a number as tables print it — half- or full-width digits, a sign, thousands
///   separators, one decimal point, an optional unit (`12`, `+3`, `1,024`, `0.5万元`, `5次`, `3%`);
///   or a zero mark.
/// - zero mark: what stands for zero or "none" in a value cell (`—`, `无`, `/`, …).
/// - numbering: list numbering opening a label (`三、`, `（二）`, `(2)`, `1.`, `1．`).
/// - CJK text: ideographs, whose box width is the em.
public enum TableTokens {
    /// Marks a value cell uses for zero or "none". `一` is a dash typed as the numeral one.
    public static let zeroMarks: Set<String> = [
        "—", "——", "-", "--", "－", "–", "―", "─", "一", "无", "/", "／", "\\", "零", "空", "×", "—/",
    ]
    /// Units a value may carry after its number, longest first so `万元` is not read as `元`.
    public static let units = ["万元", "元", "件", "个", "项", "次", "人", "%", "％"]

    /// Whether a text is a zero mark (also any run of dashes).
    public static func isZeroMark<S: StringProtocol>(_ s: S) -> Bool {
        guard !s.isEmpty else { return false }
        return zeroMarks.contains(String(s)) || s.allSatisfy { "—-－–―─".contains($0) }
    }

    /// A value's number and unit: `("1,024", nil)`, `("12.5", "万元")`; nil when the text is no
    /// number as tables print them. The number keeps its sign and separators (the caller folds).
    public static func splitNumber<S: StringProtocol>(_ s: S) -> (number: Substring, unit: String?)? {
        var t = Substring(s)
        var unit: String?
        for u in units where t.hasSuffix(u) && t.count > u.count {
            t = t.dropLast(u.count)
            unit = u
            break
        }
        return isNumber(t) ? (t, unit) : nil
    }

    /// Whether a text is a value: a number with an optional unit, or a zero mark.
    public static func isValue<S: StringProtocol>(_ s: S) -> Bool {
        isZeroMark(s) || splitNumber(s) != nil
    }

    /// A bare number: optional sign, digits with thousands separators after digits, at most one
    /// decimal point between digits.
    public static func isNumber(_ s: Substring) -> Bool {
        var t = s
        if let f = t.first, "+-−－＋".contains(f) { t = t.dropFirst() }
        guard let first = t.first, isDigit(first) else { return false }
        var seenPoint = false
        var previousWasDigit = false
        for c in t {
            if isDigit(c) { previousWasDigit = true; continue }
            if c == "," || c == "，" { guard previousWasDigit else { return false }; previousWasDigit = false; continue }
            if c == "." || c == "．" {
                guard previousWasDigit, !seenPoint else { return false }
                seenPoint = true; previousWasDigit = false; continue
            }
            return false
        }
        return previousWasDigit
    }

    /// A half- or full-width decimal digit.
    public static func isDigit(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
    }

    private static let numerals: Set<Character> = Set("一二三四五六七八九十")

    /// Whether a label opens with list numbering: `三、`, `（二）`, `(2)`, `1.`, `1．`, `1、`.
    public static func startsWithNumbering<S: StringProtocol>(_ s: S) -> Bool {
        let c = Array(s.prefix(6))
        guard let first = c.first else { return false }
        if first == "(" || first == "（" {
            var i = 1
            while i < c.count, numerals.contains(c[i]) || isDigit(c[i]) { i += 1 }
            return i > 1 && i < c.count && (c[i] == ")" || c[i] == "）")
        }
        var i = 0
        if numerals.contains(first) {
            while i < c.count, numerals.contains(c[i]) { i += 1 }
            return i < c.count && "、.．,，".contains(c[i])
        }
        while i < c.count, isDigit(c[i]) { i += 1 }
        return i > 0 && i <= 2 && i < c.count && "、.．,，)）".contains(c[i])
    }

    /// A CJK ideograph.
    public static func isCJK(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}
