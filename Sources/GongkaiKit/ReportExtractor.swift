#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipeline: bytes → glyphs and ruling lines → grids → report → JSON-ready document.
public struct ReportExtractor: Sendable {
    public struct Options: Sendable {
        public var password: String?
        public var layout = LayoutSettings()
        public var rulingLines = RulingLineScanner.Settings()
        /// Pages beyond this are not read (a guard against pathological files).
        public var maxPages = 200
        /// Threads reading pages of one document (each with its own Poppler document); 1 = serial.
        /// Two pay off on a multi-core machine; more mostly repeat each document's font set-up.
        public var threads = min(2, Self.processorCount)
        public init() {}

        public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    public func extract(path: String) throws(ExtractionError) -> ReportDocument {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path) } catch { throw .unreadable(path: path, detail: error.description) }
        return try extract(bytes: bytes, path: path)
    }

    public func extract(bytes: [UInt8], path: String) throws(ExtractionError) -> ReportDocument {
        let document: PDFDocument
        do { document = try PDFDocument(bytes: bytes, password: options.password) } catch { throw ExtractionError(error, path: path) }
        let pageCount = min(document.pageCount, options.maxPages)
        let analyzer = PageAnalyzer(layout: options.layout, scanner: options.rulingLines)
        let password = options.password
        let pages = ParallelPages.analyze(first: document, open: { () throws(PDFError) in try PDFDocument(bytes: bytes, password: password) },
                                          pageCount: pageCount, workers: options.threads, analyzer: analyzer)
        let grids = pages.flatMap(\.grids)
        let headLines = pages.flatMap(\.freeLines).map { TitleReader.HeadLine(text: $0.text, height: $0.glyphHeight) }
        let fullText = pages.map(\.text).joined()
        let glyphTotal = pages.reduce(0) { $0 + $1.glyphCount }
        if glyphTotal == 0 { throw .noTextLayer(path: path, pages: document.pageCount) }
        var report: ReportDocument
        do {
            report = try ReportParser().parse(grids: grids, headLines: headLines, fullText: fullText)
        } catch {
            throw ExtractionError(error, path: path)
        }
        if report.title == nil, let meta = document.title, let t = TitleReader.read(lines: [meta]) { report.title = t }
        report.source = SourceInfo(path: path, sha256: SHA256.hex(bytes), kind: "pdf", pages: document.pageCount)
        return report
    }
}
