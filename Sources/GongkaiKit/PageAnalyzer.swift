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

    /// Words on a page that make it worth rendering for ruling lines: the tables' own labels.
    static let tablePageMarkers = ["信息内容", "第二十条", "申请人情况", "自然人", "不予公开", "无法提供", "不予处理",
                                   "结转下年度", "行政复议", "行政诉讼", "规章", "行政许可", "总计"]

    func analyze(_ document: PDFDocument, page index: Int) -> PageAnalysis {
        let glyphs = document.glyphs(page: index)
        var text = ""
        text.reserveCapacity(glyphs.count * 3)
        for g in glyphs { text += g.text }
        var grids: [CellGrid] = []
        var outside = glyphs
        var lines: [RulingLine] = []
        let tablePage = Self.tablePageMarkers.contains(where: { text.contains($0) })
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
