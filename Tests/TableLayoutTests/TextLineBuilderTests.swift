import PageGeometry
import Testing
@testable import TableLayout

/// Glyphs of `text` set left to right from `x` on a line whose box runs `y`…`y + height`, each
/// character `size` wide (CJK characters are square in the font, their box need not be).
private func run(_ text: String, x: Double, y: Double, size: Double = 10, height: Double = 10) -> [Glyph] {
    text.enumerated().map { i, c in Glyph(text: String(c), box: Rect(x0: x + Double(i) * size, y0: y, x1: x + Double(i + 1) * size, y1: y + height)) }
}

@Test func wrappedCellTextWithBoxesTallerThanThePitchDoesNotInterleave() {
    // A browser-printed cell: 10 pt characters on a 12 pt pitch, boxes 16 pt tall, so the boxes
    // of the two lines overlap by 4 pt (two thirds of the smaller box would have merged them).
    let glyphs = run("三、本", x: 0, y: 0, height: 16) + run("年度办理结果", x: 0, y: 12, height: 16)
    let lines = TextLineBuilder.lines(from: glyphs.shuffled())
    #expect(lines.map(\.text) == ["三、本", "年度办理结果"])
    #expect(TextJoiner.join(lines: lines) == "三、本年度办理结果")
}

@Test func glyphsOfTwoFontsOnOneBaselineStayOneLine() {
    // Numbers in a Latin font whose boxes are shorter than the CJK glyphs' boxes of the same line.
    let glyphs = run("行政许可", x: 0, y: 0, height: 12) + run("103", x: 60, y: 2, size: 5, height: 9)
    let lines = TextLineBuilder.lines(from: glyphs)
    #expect(lines.count == 1)
    #expect(lines.first?.text == "行政许可103")
}

@Test func tightLeadingKeepsLinesApart() {
    // Pitch of one em: lines touch, centres one em apart.
    let glyphs = run("商业", x: 0, y: 0) + run("企业", x: 0, y: 10)
    #expect(TextLineBuilder.lines(from: glyphs).map(\.text) == ["商业", "企业"])
}

@Test func characterSizeIsTheWidthOfCJKCharactersNotTheirBoxHeight() {
    #expect(TextLineBuilder.characterSize(of: run("科研机构", x: 0, y: 0, size: 10.5, height: 18)) == 10.5)
    #expect(TextLineBuilder.characterSize(of: run("12", x: 0, y: 0, size: 5, height: 9)) == 9)
}

@Test func readingOrderTextKeepsCellsOfARowApart() {
    // A table row: label, then numbers a column apart; the second line a label and a zero mark.
    // Digits of one number (set close) stay one number; cells a column apart get a space.
    let glyphs = run("行政许可", x: 0, y: 0) + run("103", x: 100, y: 0, size: 5) + run("7", x: 160, y: 0, size: 5)
        + run("其他", x: 0, y: 20) + run("—", x: 100, y: 20)
    #expect(ReadingOrderText.text(of: glyphs.shuffled()) == "行政许可 103 7\n其他 —")
}

@Test func readingOrderTextOfNoGlyphsIsEmpty() {
    #expect(ReadingOrderText.text(of: []) == "")
}

@Test func numbersAboveTheirLabelInATallRowFollowTheLabel() {
    // Tall rows whose labels sit at the foot of their cells: each row's numbers are 6 pt above its
    // label and 24 pt below the label of the row above.
    let glyphs = run("0", x: 100, y: 0) + run("重复申请", x: 0, y: 6)
        + run("5", x: 100, y: 30) + run("其他处理", x: 0, y: 36)
    #expect(ReadingOrderText.text(of: glyphs) == "重复申请\n0\n其他处理\n5")
}

@Test func numbersBelowTheirLabelStayThere() {
    // Labels at the top of their cells: the numbers are nearer the label above them.
    let glyphs = run("重复申请", x: 0, y: 0) + run("3", x: 100, y: 6) + run("其他处理", x: 0, y: 30) + run("5", x: 100, y: 36)
    #expect(ReadingOrderText.text(of: glyphs) == "重复申请\n3\n其他处理\n5")
}
