/// Everything the layout layer needs from one page: its size, its characters and its ruling lines.
/// Produced by `PopplerKit` for PDFs; other inputs may produce it too.
public struct PageContent: Sendable {
    /// 1-based page number in the source document.
    public var number: Int
    public var width: Double
    public var height: Double
    public var glyphs: [Glyph]
    public var rulingLines: [RulingLine]

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph], rulingLines: [RulingLine]) {
        self.number = number
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.rulingLines = rulingLines
    }

    /// The page's text in reading order as Poppler gave it (glyph order), for title and narrative search.
    public var plainText: String { glyphs.map(\.text).joined() }
}
