/// Character-level helpers shared by the layout-text and markdown readers: display width,
/// value tokens, list numbering, converter garbage.
public enum TextTokens {
    /// Columns a character takes in a monospaced display: 2 for East Asian wide and full-width
    /// characters (CJK ideographs, kana, hangul, full-width forms), 0 for combining marks, else 1.
    public static func displayWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    public static func displayWidth(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + displayWidth($1) } }
    public static func displayWidth(_ s: String) -> Int { displayWidth(Substring(s)) }

    static func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{3000}" || u == "\u{A0}" }

    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD: return true
        default: return false
        }
    }

    static func hasCJK(_ s: Substring) -> Bool { s.unicodeScalars.contains(where: isCJK) }

    /// Marks that stand for zero or "nothing" in a value cell.
    static let nullMarks: Set<String> = ["—", "——", "-", "--", "－", "–", "―", "─", "无", "/", "／", "\\", "×", "零", "空", "/ ", "—/"]
    private static let unitSuffixes = ["万元", "元", "件", "个", "项", "次", "人", "%", "％"]

    /// Whether a fragment is a table value: a number (full- or half-width digits, sign, thousands
    /// separators, decimals, an optional unit), or a mark used for zero (—, 无, /).
    public static func isValue(_ s: Substring) -> Bool {
        if s.isEmpty { return false }
        if nullMarks.contains(String(s)) { return true }
        if s.allSatisfy({ "—-－–―─".contains($0) }) { return true }
        var t = s
        for unit in unitSuffixes where t.hasSuffix(unit) && t.count > unit.count {
            t = t.dropLast(unit.count)
            break
        }
        if let f = t.first, "+-−－".contains(f) { t = t.dropFirst() }
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

    public static func isValue(_ s: String) -> Bool { isValue(Substring(s)) }

    static func isDigit(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
    }

    private static let numerals: Set<Character> = Set("一二三四五六七八九十")

    /// Whether a label starts with list numbering: `三、`, `（二）`, `(2)`, `1.`, `1．`, `1、`.
    /// A label that does not is a candidate for continuing the label above it.
    public static func startsWithNumbering(_ s: Substring) -> Bool {
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

    /// Removes what PDF-to-markdown converters and OCR leave in cells that is not text: LaTeX
    /// commands (`\Box`), box glyphs (■ □), heading and emphasis markers (`##`, `**`), bracketed or
    /// repeated dots (`[·]`, `· · ·`), stray `<br>` tags. Spaces are kept (they separate tokens).
    public static func stripConverterGarbage(_ s: String) -> String {
        var out = ""
        var chars = Array(s)
        // <br>, <br/>: a line break inside a cell.
        var i = 0
        var cleaned: [Character] = []
        while i < chars.count {
            if chars[i] == "<", i + 3 < chars.count, String(chars[(i + 1)...min(chars.count - 1, i + 2)]).lowercased() == "br" {
                var j = i + 3
                while j < chars.count, chars[j] != ">" { j += 1 }
                if j < chars.count && j - i <= 6 { cleaned.append(" "); i = j + 1; continue }
            }
            cleaned.append(chars[i]); i += 1
        }
        chars = cleaned
        i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isLetter, chars[i + 1].isASCII {
                var j = i + 1
                while j < chars.count, chars[j].isLetter, chars[j].isASCII { j += 1 }
                out.append(" "); i = j; continue
            }
            if c == "\\", i + 1 < chars.count, "|*_#".contains(chars[i + 1]) {
                out.append(chars[i + 1]); i += 2; continue
            }
            if "■□▪▫◼◻☐☑☒▢●○◆◇�".contains(c) { out.append(" "); i += 1; continue }
            if c == "[", i + 2 < chars.count, "·•.。".contains(chars[i + 1]), chars[i + 2] == "]" { out.append(" "); i += 3; continue }
            if c == "#" || c == "*" || c == "`" {
                var j = i
                while j < chars.count, chars[j] == c { j += 1 }
                if c == "*" && j - i == 1 && i > 0 && chars[i - 1] != " " { out.append(c); i += 1; continue }
                out.append(" "); i = j; continue
            }
            out.append(c); i += 1
        }
        // Runs of dots (leaders, "· · · ·") carry nothing.
        let tokens: [Substring] = out.split(separator: " " as Character, omittingEmptySubsequences: true).filter { t in
            !t.allSatisfy { "·•．.。…".contains($0) }
        }
        return tokens.joined(separator: " ")
    }
}
