/// PDF bytes → `TableDocument`: glyphs and ruling lines per page, lattice grids, leading lines.
struct PDFTableReader: Sendable {
    var options: ReportExtractor.Options

    func read(bytes: [UInt8], path: String) throws(ExtractionError) -> TableDocument {
        let document: PDFDocument
        do { document = try PDFDocument(bytes: bytes, password: options.password) } catch { throw ExtractionError(error, path: path) }
        let pageCount = min(document.pageCount, options.maxPages)
        let analyzer = PageAnalyzer(layout: options.layout, scanner: options.rulingLines)
        let password = options.password
        let pages = ParallelPages.analyze(first: document, open: { () throws(PDFError) in try PDFDocument(bytes: bytes, password: password) },
                                          pageCount: pageCount, workers: options.threads, analyzer: analyzer)
        if pages.reduce(0, { $0 + $1.glyphCount }) == 0 { throw .noTextLayer(path: path, pages: document.pageCount) }
        return TableDocument(
            pages: document.pageCount,
            grids: pages.flatMap(\.grids),
            leadingLines: pages.flatMap(\.freeLines).map { TableDocument.Line(text: $0.text, height: $0.glyphHeight) },
            fullText: pages.map(\.text).joined(),
            metadataTitle: document.title
        )
    }
}
