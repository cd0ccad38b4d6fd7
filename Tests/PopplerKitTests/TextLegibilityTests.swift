import PageGeometry
import Testing

private func glyphs(_ text: String) -> [Glyph] {
    text.unicodeScalars.enumerated().map { i, s in Glyph(text: String(s), box: Rect(x0: Double(i) * 10, y0: 0, x1: Double(i + 1) * 10, y1: 10)) }
}

/// A text layer of glyph codes (controls, stray Latin letters: fonts without a Unicode map) is
/// unreadable; a Chinese page, an English page and a page of numbers are not.
@Test func textLayersThatMapGlyphsToNoCharactersAreUnreadable() {
    #expect(TextLegibility.isUnreadable(glyphs("\u{1}\u{2}\u{1}\u{3} \u{4}\u{5}\u{6}\u{7}\u{8} !\"\u{2}\u{3}#$%&'()*\u{2}\u{3}+,-\u{5}./012 3")))
    #expect(TextLegibility.isUnreadable(glyphs(String(repeating: "\u{FFFD}", count: 30))))
    #expect(!TextLegibility.isUnreadable(glyphs("本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅要求编制")))
    #expect(!TextLegibility.isUnreadable(glyphs("This annual report is published under the regulations of 2019.")))
    #expect(!TextLegibility.isUnreadable(glyphs("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21")))
    #expect(!TextLegibility.isUnreadable(glyphs("\u{1}\u{2} 3")))  // too short to judge
}

/// Glyph codes read through WinAnsi (a font whose ToUnicode map a PostScript round trip dropped)
/// are Latin noise: unreadable. A French sentence's few accented letters are not.
@Test func glyphCodesReadAsLatinLettersAreUnreadable() {
    #expect(TextLegibility.isUnreadable(glyphs("K¬-®ª«¡K¢‚¡…ãŠÅd£¤Ò-È¢“-È#µÛ\"-ÈN¥µNOp¥-2")))
    #expect(!TextLegibility.isUnreadable(glyphs("Le rapport annuel a été publié conformément à la réglementation en vigueur dans la région.")))
    #expect(!TextLegibility.isUnreadable(glyphs("共计 12 件，占比 5.5%，同比 × 2 ÷ 3，温度 20°，第 3 项 · 完成")))
}
