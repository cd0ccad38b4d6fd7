/// What one page contributes to the report: its text, its tables, the lines outside tables.
struct PageAnalysis: Sendable {
    var number: Int
    var glyphCount: Int
    var text: String
    var grids: [CellGrid]
    var freeLines: [TextLine]
    /// On a page read by OCR: the lines above its tables, read as a block (for the title).
    var ocrHeadLines: [String] = []
    /// A table page's glyphs, upright: its lines in reading order (`readingText(of:)`) are what the
    /// template alignment reads when a grid lost a table — built only then. Empty on other pages.
    var tableGlyphs: [Glyph] = []
    /// Kept only when the analyzer keeps layout (`inspect`): page size, whether the page was
    /// searched for ruling lines, and the lines found.
    var size: (width: Double, height: Double)? = nil
    var scanned = false
    var rulingLines: [RulingLine] = []
    /// Read by OCR (a scan): the mean confidence of its cells, nil for a page read from its text.
    var ocr: OCRSummary? = nil
    /// The direction its text runs in as displayed (its grids are read turned upright).
    var direction: TextDirection = .upright
    /// Its text layer maps glyphs to no characters (`TextLegibility`) and was not read by OCR:
    /// the page counts as one without text.
    var unreadableText = false
}

/// How a page read by OCR went.
struct OCRSummary: Sendable {
    /// Why the page was read by OCR.
    enum Reason: Sendable, Equatable {
        case noTextLayer, textAsOutlines, unreadableTextLayer, invisibleTextOverPicture, always
        /// Only the glyphs its fonts map to wrong characters were read by OCR (`MisencodedGlyphs`).
        case misencodedGlyphs(MisencodedGlyphs.Summary)
    }
    var reason: Reason = .noTextLayer
    /// Mean Tesseract confidence (0…100) of the cells that held ink; nil when none did.
    var meanConfidence: Double?
}

/// Reads one page: glyphs always; ruling lines and grids only where the page's text carries the
/// tables' labels (finding ruling lines is the costly step, so prose pages skip it).
///
/// On a table page the ruled tables come first (`LatticeExtractor`); the text they leave over is
/// searched for tables drawn without vertical lines (`StreamExtractor`: borderless tables, tables
/// with horizontal rules only, the unruled rest of a table), with the horizontal rules that belong
/// to no ruled table as row separators. A page whose text runs down or up the page (a landscape
/// table drawn sideways) is turned upright first; a page with /Rotate already is.
struct PageAnalyzer: Sendable {
    var layout: LayoutSettings
    var scanner: RulingLineScanner.Settings
    /// Keep each page's size and ruling lines in its `PageAnalysis` (for `extractWithLayout`).
    var keepLayout = false
    /// Which pages are read by OCR, and what reads them.
    var ocr: OCRMode = .auto
    var scans: ScannedPageAnalyzer

    init(layout: LayoutSettings, scanner: RulingLineScanner.Settings, ocr: OCRMode = .auto) {
        self.layout = layout
        self.scanner = scanner
        self.ocr = ocr
        self.scans = ScannedPageAnalyzer(layout: layout, pool: CellReaderPool())
    }

    /// Words on a page that make it worth searching for ruling lines: the tables' own labels
    /// (a continuation page of table 二 may carry only row labels such as 行政处罚).
    static let tablePageMarkers = ["信息内容", "第二十条", "申请人情况", "自然人", "不予公开", "无法提供", "不予处理",
                                   "结转下年度", "行政复议", "行政诉讼", "规章", "行政许可", "总计",
                                   "行政处罚", "行政强制", "行政事业性收费", "政府集中采购", "结果维持", "尚未审结"]

    /// A page that opens with a row of numbers carries the end of a table cut by the page break
    /// (table 四's row of numbers alone at the top of a page has no label on it).
    static func opensWithNumbers(_ glyphs: [Glyph], height: Double) -> Bool {
        let top = glyphs.filter { !$0.isWhitespace && $0.box.y1 < height * 0.25 }
        for line in TextLineBuilder.lines(from: top).prefix(3) {
            var groups = 0
            var previous: Glyph?
            for g in line.glyphs {
                let digit = g.text.unicodeScalars.allSatisfy { (0x30...0x39).contains($0.value) }
                let apart = previous.map { g.box.x0 - $0.box.x1 > 0.5 * g.box.height } ?? true
                let previousDigit = previous.map { $0.text.unicodeScalars.allSatisfy { (0x30...0x39).contains($0.value) } } ?? false
                if digit && (apart || !previousDigit) { groups += 1 }
                previous = g
            }
            if groups >= 5 && line.glyphs.count <= groups * 4 { return true }
        }
        return false
    }

    /// Table 四's header: its two-line cells (结果 / 维持) may come out interleaved, so single words.
    static let reviewHeaderWords = ["维持", "纠正", "审结"]

    /// Whether a page's text carries table labels, so that it is worth searching for ruling lines.
    static func carriesTableLabels(_ text: String) -> Bool {
        let search = PlainTextSearch(text)
        if tablePageMarkers.contains(where: { search.contains($0) }) { return true }
        return search.contains("行政复议") && reviewHeaderWords.contains(where: { search.contains($0) })
    }

    /// Smallest share of the page a picture must cover for a page without text to be a scan
    /// (a blank page, or one that draws only lines, has nothing to read).
    static let scanCoverage = 0.5

    /// Why the page is read by OCR, or nil when it is read from its text: always; or (auto) when it
    /// has no text and is a picture or draws its text as outlines, when its text layer maps its glyphs to no characters, or when
    /// its only text is an invisible layer over a picture of the page (another tool's OCR).
    /// `unreadable`: `TextLegibility.isUnreadable(glyphs)`; `text`: the glyphs' text.
    func ocrReason(_ document: PDFDocument, page index: Int, glyphs: [Glyph], unreadable: Bool, text: String) -> OCRSummary.Reason? {
        switch ocr {
        case .always: return .always
        case .never: return nil
        case .auto:
            if glyphs.isEmpty {
                if (document.largestImage(page: index)?.coverage ?? 0) >= Self.scanCoverage { return .noTextLayer }
                return document.drawsTextAsOutlines(page: index) ? .textAsOutlines : nil
            }
            if unreadable { return .unreadableTextLayer }
            // Only table pages (whose paths are read anyway, for their ruling lines) are asked.
            guard Self.carriesTableLabels(text) else { return nil }
            return document.isPictureUnderInvisibleText(page: index, coverage: Self.scanCoverage) ? .invisibleTextOverPicture : nil
        }
    }

    /// The page's lines in reading order without its page number (`— 3 —` under a table would
    /// be read as one of its values).
    func readingText(of glyphs: [Glyph]) -> String {
        let lines = ReadingOrderText.lines(of: glyphs, settings: layout)
        return lines.enumerated()
            .filter { !PageFurniture.isPageNumber($0.element, atPageEdge: $0.offset == 0 || $0.offset == lines.count - 1) }
            .map(\.element).joined(separator: "\n")
    }

    func analyze(_ document: PDFDocument, page index: Int) -> PageAnalysis {
        var pageText = document.text(page: index)
        var repaired: MisencodedGlyphs.Summary?
        if ocr == .auto, MisencodedGlyphs.mayHaveSuspects(pageText.glyphs), let drawn = document.drawnCharacters(page: index),
           let repair = MisencodedGlyphs.repair(drawn, document: document, page: index, pool: scans.pool) {
            pageText = PageText(glyphs: repair.text.glyphs, direction: repair.text.direction)
            repaired = repair.summary
        }
        var glyphs = pageText.glyphs
        let unreadable = TextLegibility.isUnreadable(glyphs)
        var text = ""
        text.reserveCapacity(glyphs.count * 3)
        for g in glyphs { text += g.text }
        if let reason = ocrReason(document, page: index, glyphs: glyphs, unreadable: unreadable, text: text),
           let (scanned, confidence) = scans.analyze(document, page: index) {
            var analysis = scanned
            analysis.ocr = OCRSummary(reason: reason, meanConfidence: confidence)
            if !keepLayout { analysis.rulingLines = [] }
            return analysis
        }
        // A text layer that says nothing counts as none.
        if unreadable { glyphs = []; text = "" }
        var grids: [CellGrid] = []
        var tableGlyphs: [Glyph] = []
        var lines: [RulingLine] = []
        let size = document.pageSize(index)
        // Every page is read upright: a title page or a table's last line printed turned is read
        // like the rest. Ruling lines are found in the displayed page (where the glyphs mask them).
        let upright = size.map { PageContent(number: index + 1, width: $0.width, height: $0.height, glyphs: glyphs, rulingLines: []).upright(from: pageText.direction) }
        var outside = upright?.glyphs ?? glyphs
        let tablePage = upright.map { Self.carriesTableLabels(text) || Self.opensWithNumbers($0.glyphs, height: $0.height) } ?? false
        if tablePage, let size {
            lines = document.rulingLines(page: index, glyphs: glyphs, settings: scanner)
            let page = PageContent(number: index + 1, width: size.width, height: size.height, glyphs: glyphs, rulingLines: lines)
                .upright(from: pageText.direction)
            (grids, outside) = PageTables.tables(on: page, layout: layout)
            tableGlyphs = page.glyphs
        }
        var analysis = PageAnalysis(number: index + 1, glyphCount: glyphs.count, text: text, grids: grids,
                                    freeLines: index < 2 ? TextLineBuilder.joiningInlineFragments(TextLineBuilder.lines(from: outside, settings: layout), settings: layout) : [],
                                    tableGlyphs: tableGlyphs)
        analysis.unreadableText = unreadable
        analysis.direction = pageText.direction
        analysis.ocr = repaired.map { OCRSummary(reason: .misencodedGlyphs($0)) }
        if keepLayout {
            analysis.size = size
            analysis.scanned = tablePage && size != nil
            analysis.rulingLines = lines
        }
        return analysis
    }

}

/// The tables of one page as the pipeline builds them (also what `gongkai grids` shows).
public enum PageTables {
    /// Ruled tables, then tables from text alignment among the glyphs they leave, top to bottom.
    public static func tables(on page: PageContent, layout: LayoutSettings) -> (grids: [CellGrid], outside: [Glyph]) {
        var (grids, outside) = LatticeExtractor(settings: layout).extract(page)
        guard layout.stream != .off else { return (grids, outside) }
        let boxes = grids.map { $0.box.insetBy(dx: -2, dy: -2) }
        let rules = page.rulingLines.filter { line in
            line.orientation == .horizontal && line.length >= 3 * layout.minRulingLength
                && !boxes.contains { $0.contains(x: (line.start + line.end) / 2, y: line.position) }
        }
        let stream = StreamExtractor(settings: layout).extract(glyphs: outside, rules: rules, page: page.number)
        if !stream.tables.isEmpty {
            grids = (grids + stream.tables).sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
            outside = stream.outside
        }
        return (grids, outside)
    }
}
