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
    /// …and with at least this share of characters that map to nothing or to Latin noise, it is
    /// unreadable (an English page has none, a French or German one a few accented letters in a
    /// hundred: not a report, but its text is real).
    public static let minimumUnmappedShare = 0.1

    /// A code point that stands for no character: C0/C1 controls (not whitespace), U+FFFD, private use.
    public static func isUnmapped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F, 0xFFFD, 0xE000...0xF8FF, 0xF0000...0x10FFFF: return true
        default: return false
        }
    }

    /// A character a Chinese report's text never holds in numbers but a font read through a standard
    /// encoding gives for its glyph codes: Latin-1 letters and signs (¬ ® ª « Ò È), Latin
    /// Extended-A/B, and WinAnsi's extra signs (€ ‚ ƒ „ † ‡ ‰ ‹ › ™ ˆ ˜). A subset font whose
    /// ToUnicode map was dropped — a PostScript round trip (pdftops, Distiller), Ghostscript's
    /// pdfwrite refusing a non-conforming map — reads as these. Kept out: · × ÷ ° § (reports use them).
    public static func isCodeAsLatin(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xA7, 0xB0, 0xB7, 0xD7, 0xF7: return false
        case 0xA1...0xFF, 0x100...0x24F, 0x2C6, 0x2DC, 0x201A, 0x201E, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122:
            return true
        default: return false
        }
    }

    /// Latin noise counts only where it is at least this share of the ASCII letters: a Latin-script
    /// language's accented letters are a few in a hundred of its letters (French about 5); glyph
    /// codes read through WinAnsi give 20 or more.
    public static let minimumLatinNoiseToLetters = 0.15

    /// Whether `glyphs` are a text layer that maps its glyphs to no characters (or, through a
    /// standard encoding, to Latin noise: `isCodeAsLatin`).
    public static func isUnreadable(_ glyphs: [Glyph]) -> Bool {
        var visible = 0, unmapped = 0, ideographs = 0, latin = 0, asciiLetters = 0
        for g in glyphs where !g.isWhitespace {
            visible += 1
            guard let s = g.text.unicodeScalars.first else { continue }
            if isUnmapped(s) { unmapped += 1 }
            if isCodeAsLatin(s) { latin += 1 }
            if s.isASCII && s.properties.isAlphabetic { asciiLetters += 1 }
            if (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x20000...0x3134F).contains(s.value) { ideographs += 1 }
        }
        guard visible >= minimumCharacters else { return false }
        if Double(latin) >= minimumLatinNoiseToLetters * Double(asciiLetters) { unmapped += latin }
        let n = Double(visible)
        return Double(ideographs) < maximumIdeographShare * n && Double(unmapped) >= minimumUnmappedShare * n
    }
}
