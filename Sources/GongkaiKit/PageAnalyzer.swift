/// What one page contributes to the report: its text, its tables, the lines outside tables.
struct PageAnalysis: Sendable {
    var number: Int
    var glyphCount: Int
    var text: String
    var grids: [CellGrid]
    var freeLines: [TextLine]
    /// Kept only when the analyzer keeps layout (`inspect`): page size, whether the page was
    /// rendered for ruling lines, and the lines found.
    var size: (width: Double, height: Double)? = nil
    var scanned = false
    var rulingLines: [RulingLine] = []
}

/// Reads one page: glyphs always; ruling lines and grids only where the page's text carries the
/// tables' labels (rendering for ruling lines is the costly step, so prose pages skip it).
struct PageAnalyzer: Sendable {
    var layout: LayoutSettings
    var scanner: RulingLineScanner.Settings
    /// Keep each page's size and ruling lines in its `PageAnalysis` (for `extractWithLayout`).
    var keepLayout = false

    /// Words that only the tables' own cells carry (prose mentions 规章, 行政许可 or 行政复议 too,
    /// and rendering a prose page for ruling lines is wasted work).
    static let tablePageMarkers = ["信息内容", "第二十条", "申请人情况", "自然人", "商业企业", "科研机构", "不予公开",
                                   "无法提供", "不予处理", "结转下年度"]
    /// Table 四's header: its two-line cells (结果 / 维持) may come out interleaved, so single words.
    static let reviewHeaderWords = ["维持", "纠正", "审结"]

    /// Whether a page's text carries table labels, so that it is worth rendering for ruling lines.
    static func carriesTableLabels(_ text: String) -> Bool {
        if tablePageMarkers.contains(where: { text.contains($0) }) { return true }
        return text.contains("行政复议") && reviewHeaderWords.contains(where: { text.contains($0) })
    }

    func analyze(_ document: PDFDocument, page index: Int) -> PageAnalysis {
        let glyphs = document.glyphs(page: index)
        var text = ""
        text.reserveCapacity(glyphs.count * 3)
        for g in glyphs { text += g.text }
        var grids: [CellGrid] = []
        var outside = glyphs
        var lines: [RulingLine] = []
        let tablePage = Self.carriesTableLabels(text)
        let size = tablePage || keepLayout ? document.pageSize(index) : nil
        if tablePage, let size {
            lines = document.rulingLines(page: index, glyphs: glyphs, settings: scanner)
            let page = PageContent(number: index + 1, width: size.width, height: size.height, glyphs: glyphs, rulingLines: lines)
            (grids, outside) = LatticeExtractor(settings: layout).extract(page)
        }
        var analysis = PageAnalysis(number: index + 1, glyphCount: glyphs.count, text: text, grids: grids,
                                    freeLines: index < 2 ? TextLineBuilder.lines(from: outside, settings: layout) : [])
        if keepLayout {
            analysis.size = size
            analysis.scanned = tablePage && size != nil
            analysis.rulingLines = lines
        }
        return analysis
    }
}
