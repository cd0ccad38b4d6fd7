/// Whether a page's text layer says anything. Fonts embedded without a Unicode map (no ToUnicode,
/// a subset's private encoding) give Poppler glyph codes in place of characters: control
/// characters, U+FFFD, private-use code points, stray Latin letters. The page shows the report,
/// but its text layer reads as noise — "not a report" to every reader after it. Such a page is read
/// like a scan (by OCR), or said to be unreadable.
public enum TextLegibility {
    /// Fewest visible characters before a page's text is judged (a page number is not a text layer).
    public static let minimumCharacters = 20
    /// A Chinese report's page of prose or of table labels is mostly ideographs: below this share
    /// of CJK ideographs the text layer is suspect…
    public static let maximumIdeographShare = 0.05
    /// …and with at least this share of characters that map to nothing, it is unreadable (an English
    /// page has none: it is not a report, but its text is real).
    public static let minimumUnmappedShare = 0.1

    /// A code point that stands for no character: C0/C1 controls (not whitespace), U+FFFD, private use.
    public static func isUnmapped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F, 0xFFFD, 0xE000...0xF8FF, 0xF0000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether `glyphs` are a text layer that maps its glyphs to no characters.
    public static func isUnreadable(_ glyphs: [Glyph]) -> Bool {
        var visible = 0, unmapped = 0, ideographs = 0
        for g in glyphs where !g.isWhitespace {
            visible += 1
            guard let s = g.text.unicodeScalars.first else { continue }
            if isUnmapped(s) { unmapped += 1 }
            if (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x20000...0x3134F).contains(s.value) { ideographs += 1 }
        }
        guard visible >= minimumCharacters else { return false }
        let n = Double(visible)
        return Double(ideographs) < maximumIdeographShare * n && Double(unmapped) >= minimumUnmappedShare * n
    }
}
