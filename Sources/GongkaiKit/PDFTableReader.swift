/// PDF bytes → `TableDocument`: glyphs and ruling lines per page, lattice grids, leading lines.
struct PDFTableReader: Sendable {
    var options: ReportExtractor.Options
    /// Also return each page's size, ruling lines and grids (`ReportExtractor.extractWithLayout`).
    var keepLayout = false

    func read(bytes: [UInt8], path: String) throws(ExtractionError) -> (tables: TableDocument, pages: [PageLayout], ocr: [(page: Int, summary: OCRSummary)], readingText: () -> String?) {
        let document: PDFDocument
        do { document = try PDFDocument(bytes: bytes, password: options.password) } catch { throw ExtractionError(error, path: path) }
        let pageCount = min(document.pageCount, options.maxPages)
        var analyzer = PageAnalyzer(layout: options.layout, scanner: options.rulingLines, ocr: options.ocr)
        analyzer.keepLayout = keepLayout
        let password = options.password
        let pages = ParallelPages.analyze(first: document, open: { () throws(PDFError) in try PDFDocument(bytes: bytes, password: password) },
                                          pageCount: pageCount, workers: options.threads, analyzer: analyzer)
        if pages.reduce(0, { $0 + $1.glyphCount }) == 0 {
            throw .noTextLayer(path: path, pages: document.pageCount, unmapped: pages.contains(where: \.unreadableText))
        }
        let tables = TableDocument(
            pages: document.pageCount,
            grids: pages.flatMap(\.grids),
            leadingLines: pages.flatMap { page in
                page.freeLines.map { TableDocument.Line(text: $0.text, height: $0.glyphHeight) } + page.ocrHeadLines.map { TableDocument.Line(text: $0, height: 0) }
            },
            fullText: pages.map(\.text).joined(),
            metadataTitle: document.title
        )
        let ocr = pages.compactMap { p in p.ocr.map { (page: p.number, summary: $0) } }
        // The table pages' lines in reading order, for the template alignment: built only when a
        // grid lost something (most documents never ask).
        let tablePages = pages.map(\.tableGlyphs).filter { !$0.isEmpty }
        let readingText: () -> String? = { [analyzer] in
            let text = tablePages.map(analyzer.readingText(of:)).filter { !$0.isEmpty }.joined(separator: "\n")
            return text.isEmpty ? nil : text
        }
        guard keepLayout else { return (tables, [], ocr, readingText) }
        var layouts: [PageLayout] = []
        var next = 0
        for page in pages {
            let size = page.size ?? (0, 0)
            layouts.append(PageLayout(number: page.number, width: size.width, height: size.height, scanned: page.scanned,
                                      rulingLines: page.rulingLines, grids: next..<(next + page.grids.count), glyphCount: page.glyphCount,
                                      direction: page.direction))
            next += page.grids.count
        }
        return (tables, layouts, ocr, readingText)
    }
}
