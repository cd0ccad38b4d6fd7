import Testing
@testable import GongkaiKit
import PopplerKit

// Which glyphs a page's fonts map wrongly (MisencodedGlyphs): full-width glyphs mapped to narrow
// characters or none, in fonts with enough of them.

/// A line of characters of one font, one em each (`width` from the font), left to right.
private func line(_ texts: [String], font: Int, width: Double = 1, size: Double = 10, y: Double = 100) -> [DrawnText.Character] {
    texts.enumerated().map { k, t in
        DrawnText.Character(x: 50 + Double(k) * size * width, y: y, dx: size * width, dy: 0, size: size, text: t,
                            glyph: .init(font: font, generation: 0, code: UInt32(100 + k)), width: width)
    }
}

@Test func fullWidthGlyphsMappedToLatinAreSuspectInAFontOfIdeographs() {
    let ideographs = "政府信息公开工作年度报告本机关不掌握相关".map(String.init)
    let drawn = DrawnText(characters: line(ideographs + ["|", "s", "Ï", ""], font: 8))
    let suspects = MisencodedGlyphs.suspects(in: drawn)
    // The four wrongly mapped glyphs; the ideographs mapped right are not asked about.
    #expect(suspects.count == 4)
    #expect(suspects.allSatisfy { $0.code >= 120 })
}

@Test func aLatinFontsWideLettersAreNotSuspect() {
    // W, M, m and @ reach an em in a Latin font; three of them are no misencoding.
    let drawn = DrawnText(characters: line(["W", "M", "m", "@"], font: 3, width: 0.9))
    #expect(MisencodedGlyphs.suspects(in: drawn).isEmpty)
}

@Test func aFontReencodedWholeHasItsDigitsReadByShapeToo() {
    // Every ideograph as a Latin-1 letter (a PostScript round trip): the font's digits, narrow and
    // looking right, cannot be trusted either.
    let latin = "¬®ª«¡¢£¤¥¦§¨©¯±²³".map(String.init).filter { !MisencodedGlyphs.isEitherWidth($0) }
    var characters = line(latin, font: 7)
    characters += line(["7", "3"], font: 7, width: 0.5, y: 140).map { c in var c = c; c.glyph?.code += 50; return c }
    let suspects = MisencodedGlyphs.suspects(in: DrawnText(characters: characters))
    #expect(suspects.count == latin.count + 2)
}

@Test func narrowTextIsWhatAFullWidthGlyphCannotStandFor() {
    #expect(MisencodedGlyphs.isNarrow("s"))
    #expect(MisencodedGlyphs.isNarrow(""))
    #expect(MisencodedGlyphs.isNarrow("†"))
    #expect(!MisencodedGlyphs.isNarrow("公"))
    #expect(!MisencodedGlyphs.isNarrow("（"))
    #expect(!MisencodedGlyphs.isNarrow("°"))
    #expect(!MisencodedGlyphs.isNarrow("“"))
}

@Test func anAdvanceStopsAtTheNextCharacter() {
    // Ghostscript's widths of nearly four ems, moved back by TJ: a digit reaches only as far as
    // the next character's start, and never past an em and a half.
    let digit = DrawnText.Character(x: 100, y: 100, dx: 39, dy: 0, size: 10, text: "2")
    let next = DrawnText.Character(x: 105, y: 100, dx: 39, dy: 0, size: 10, text: "4")
    #expect(MisencodedGlyphs.visibleAdvance(digit, next: next) == 5)
    #expect(MisencodedGlyphs.visibleAdvance(digit, next: nil) == 15)
}

@Test func aDashReadAloneIsADash() {
    // Read on its own, a cell's — comes back as the ideograph 一, which stands in words only.
    let alone = line(["一"], font: 8)
    #expect(MisencodedGlyphs.standsAlone(0, in: alone))
    let word = line(["第", "一", "项"], font: 8)
    #expect(!MisencodedGlyphs.standsAlone(1, in: word))
}
