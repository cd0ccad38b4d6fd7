import TableLayout

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

    static func isCJK(_ u: Unicode.Scalar) -> Bool { TableTokens.isCJK(u) }

    static func hasCJK(_ s: Substring) -> Bool { s.unicodeScalars.contains(where: isCJK) }

    /// Whether a fragment is a table value (see `TableTokens`: one vocabulary for every reader).
    public static func isValue(_ s: Substring) -> Bool { TableTokens.isValue(s) }

    public static func isValue(_ s: String) -> Bool { isValue(Substring(s)) }

    static func isDigit(_ c: Character) -> Bool { TableTokens.isDigit(c) }

    /// Whether a label starts with list numbering (see `TableTokens`). A label that does not is a
    /// candidate for continuing the label above it.
    public static func startsWithNumbering(_ s: Substring) -> Bool { TableTokens.startsWithNumbering(s) }

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
