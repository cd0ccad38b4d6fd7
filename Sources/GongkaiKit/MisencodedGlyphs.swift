import PageGeometry
import PopplerKit

/// Glyphs whose font maps them to the wrong character, or to none, read back from their shapes.
///
/// Why: a PDF re-made by another program may lose or break its fonts' Unicode maps while
/// drawing exactly what the original drew. Ghostscript's pdfwrite and PostScript round trips
/// re-encode a CJK font as single-byte fonts whose codes read as Latin-1 letters (`K¬-®ª«`), or
/// keep a map that is wrong for some glyphs only (公 as `|`, 关 as `s`). The glyphs' places, the
/// ruling lines and the digits (half-width, usually mapped right) are intact: only the
/// characters of the full-width glyphs are wrong. Each such glyph is drawn by one font code,
/// so each distinct one is read once by OCR from a rendering of the page, and the page keeps
/// its vector layout — unlike a page read as a whole by OCR.
///
/// A glyph is suspect when its font gives it a full em of width (an ideograph or full-width
/// punctuation) but maps it to a narrow character (ASCII, Latin-1, Latin Extended, a private
/// use code) or to none. A font is misencoded when enough of its full-width glyphs are so.
enum MisencodedGlyphs {
    /// Width in ems from which a glyph is full-width.
    static let fullWidth = 0.85
    /// A font is misencoded when at least `minSuspects` of its distinct full-width glyphs are
    /// suspect and they are at least `minSuspectShare` of them, or when at least
    /// `manySuspects` are (a font re-encoded whole maps none of its glyphs to an ideograph).
    /// A Latin font's widest letters (W, M, m, @, %) reach an em, but there are few of them.
    static let minSuspects = 3
    static let minSuspectShare = 0.05
    static let manySuspects = 12
    /// What was done on one page.
    struct Summary: Sendable, Equatable {
        /// Distinct glyphs found misencoded, and how many of them OCR read.
        var suspects: Int
        var read: Int
    }

    /// The glyphs of `drawn` whose fonts are misencoded and which are themselves suspect.
    static func suspects(in drawn: DrawnText) -> Set<DrawnText.GlyphID> {
        var wide: [Int: Set<DrawnText.GlyphID>] = [:], narrow: [Int: Set<DrawnText.GlyphID>] = [:], either: [Int: Set<DrawnText.GlyphID>] = [:]
        for c in drawn.characters {
            guard let id = c.glyph, let width = c.width, width >= fullWidth, !isSpace(c.text) else { continue }
            let font = id.font << 16 | id.generation
            if isNarrow(c.text) {
                narrow[font, default: []].insert(id)
            } else if isEitherWidth(c.text) {
                either[font, default: []].insert(id)
            } else {
                wide[font, default: []].insert(id)
            }
        }
        // Glyphs mapped to nothing are what `mutool convert` leaves of the maps; whether the
        // rest of those maps hold is not known (its digits read as other digits): not repaired.
        let unmapped = Set(drawn.characters.lazy.filter { isUnmapped($0.text) && ($0.width ?? 0) >= fullWidth }.compactMap(\.glyph))
        if unmapped.count * 2 > narrow.values.reduce(0, { $0 + $1.count }) { return [] }
        var out = Set<DrawnText.GlyphID>()
        var reencoded = false
        for (font, ids) in narrow where ids.count >= minSuspects {
            let mappedRight = wide[font]?.count ?? 0
            let share = Double(ids.count) / Double(ids.count + mappedRight)
            guard ids.count >= manySuspects || share >= minSuspectShare && mappedRight >= manySuspects else { continue }
            // In a misencoded font, a full-width ° or × is as likely another wrongly mapped glyph.
            out.formUnion(ids)
            out.formUnion(either[font] ?? [])
            if mappedRight < manySuspects { reencoded = true }
        }
        // A font re-encoded whole (its ideographs mapped to none right) says nothing true of its
        // narrow glyphs either, nor do the fonts without ideographs beside it on the page (a
        // PostScript round trip maps a 0 to 7): every glyph of those is read by its shape.
        guard !out.isEmpty else { return out }
        if reencoded { out.formUnion(untrustedNarrowGlyphs(in: drawn, wide: wide)) }
        // On such a page no map is taken on trust where a value depends on it: a glyph mapped to
        // nothing, however narrow, is a character lost (a digit left out of a number makes it
        // another number), and every glyph mapped to a digit is read by its shape too.
        out.formUnion(drawn.characters.lazy.filter { isUnmapped($0.text) || $0.text.contains(where: \.isNumber) }.compactMap(\.glyph))
        return out
    }

    /// The glyphs of fonts that map few of their full-width glyphs to ideographs.
    static func untrustedNarrowGlyphs(in drawn: DrawnText, wide: [Int: Set<DrawnText.GlyphID>]) -> Set<DrawnText.GlyphID> {
        var out = Set<DrawnText.GlyphID>()
        for c in drawn.characters {
            guard let id = c.glyph, !isSpace(c.text), (wide[id.font << 16 | id.generation]?.count ?? 0) < manySuspects else { continue }
            out.insert(id)
        }
        return out
    }

    /// Signs a CJK font draws full-width (§ ° ± · × ÷ ‘ ’ “ ” — …): not wrong alone.
    static func isEitherWidth(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { eitherWidth.contains($0.value) }
    }

    static let eitherWidth: Set<UInt32> = [0xA7, 0xB0, 0xB1, 0xB7, 0xD7, 0xF7, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026]

    /// The rest of what Windows' code page 1252 puts at 0x80–0x9F (€ ‚ „ † ‡ ˆ ‰ ‹ › • – ˜ ™):
    /// what a single-byte font's codes read as when its glyphs are ideographs.
    static let windowsSigns: Set<UInt32> = [0x20AC, 0x201A, 0x201E, 0x2020, 0x2021, 0x2C6, 0x2030, 0x2039, 0x203A, 0x2022, 0x2013, 0x2DC, 0x2122]

    /// Text a full-width glyph cannot stand for: none, or only narrow characters — ASCII and
    /// control codes, Latin-1 and Latin Extended letters and signs (not those CJK fonts draw
    /// full-width, `eitherWidth`), code page 1252's signs, private use codes, the replacement
    /// character.
    static func isNarrow(_ text: String) -> Bool {
        !isEitherWidth(text) && text.unicodeScalars.allSatisfy { s in
            let v = s.value
            return v <= 0x24F && !eitherWidth.contains(v) || windowsSigns.contains(v) || (0xE000...0xF8FF).contains(v) || v == 0xFFFD
        }
    }

    /// Text that is no character: none, control codes, the replacement character.
    static func isUnmapped(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0xFFFD }
    }

    /// A space, wide or narrow, is no glyph to read.
    static func isSpace(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Whether Poppler's text of a page shows glyphs worth asking about (reading what a page
    /// draws, with its fonts, costs about as much as its text): at least `minSuspects` narrow
    /// characters other than digits boxed about as wide as an ideograph (Poppler's box is some
    /// 1.25 em tall: the font's ascent and descent). Letters spaced out in a justified line, and a
    /// Latin font's W and M, are boxed so too; the fonts' own widths then tell.
    static func mayHaveSuspects(_ glyphs: [Glyph]) -> Bool {
        var count = 0
        for g in glyphs where g.box.height > 0 && g.box.width >= 0.6 * g.box.height {
            guard isNarrow(g.text), !isSpace(g.text), !g.text.allSatisfy(\.isNumber) else { continue }
            count += 1
            if count >= minSuspects { return true }
        }
        return false
    }
}
