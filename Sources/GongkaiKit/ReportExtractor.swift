#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipeline: bytes → grids (PDF: glyphs and ruling lines; HTML: `<table>`s) → report →
/// JSON-ready document.
public struct ReportExtractor: Sendable {
    public struct Options: Sendable {
        public var password: String?
        public var layout = LayoutSettings()
        public var rulingLines = RulingLineScanner.Settings()
        /// Web pages: synthetic cell geometry (see `HTMLTableReader`).
        public var html = HTMLTableReader.Settings()
        /// Pages beyond this are not read (a guard against pathological files); the report gets
        /// a `pages_not_read` warning.
        public var maxPages = 200
        /// Files larger than this many bytes are refused (`tooLarge`) before they are read.
        public var maxBytes = 200_000_000
        /// Threads reading pages of one document (each with its own Poppler document); 1 = serial.
        /// Two pay off on a multi-core machine; more mostly repeat each document's font set-up.
        public var threads = min(2, Self.processorCount)
        /// How text inputs count columns; nil: chosen per document.
        public var textMetric: TextTableReader.Metric?
        /// Which PDF pages are read by OCR (`--ocr`).
        public var ocr: OCRMode = .auto
        public init() {}

        public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    public func extract(path: String, format: InputFormat? = nil) throws(ExtractionError) -> ReportDocument {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path, limit: options.maxBytes) } catch {
            if let size = error.tooLarge { throw .tooLarge(path: path, bytes: size, limit: options.maxBytes) }
            throw .unreadable(path: path, detail: error.description)
        }
        return try extract(bytes: bytes, path: path, format: format)
    }

    /// Extracts a report from bytes already in memory. `format` nil: detect it from the content.
    public func extract(bytes: [UInt8], path: String, format: InputFormat? = nil) throws(ExtractionError) -> ReportDocument {
        try run(bytes: bytes, path: path, format: format, keepLayout: false).report
    }

    /// Extracts a report and keeps what it was read from: the grids, and for PDFs each page's size
    /// and ruling lines (`gongkai inspect`). The report is the one `extract` returns.
    public func extractWithLayout(path: String, format: InputFormat? = nil) throws(ExtractionError) -> ExtractionLayout {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path) } catch { throw .unreadable(path: path, detail: error.description) }
        return try extractWithLayout(bytes: bytes, path: path, format: format)
    }

    public func extractWithLayout(bytes: [UInt8], path: String, format: InputFormat? = nil) throws(ExtractionError) -> ExtractionLayout {
        try run(bytes: bytes, path: path, format: format, keepLayout: true)
    }

    private func run(bytes: [UInt8], path: String, format: InputFormat?, keepLayout: Bool) throws(ExtractionError) -> ExtractionLayout {
        if bytes.isEmpty { throw .emptyFile(path: path) }
        if bytes.count > options.maxBytes { throw .tooLarge(path: path, bytes: bytes.count, limit: options.maxBytes) }
        let detected = format ?? InputFormat.detect(bytes: bytes, path: path)
        // A file named .pdf that is something else (an HTML error page saved by a crawler) is a
        // failed download, not an input in another format.
        if format == nil, detected != .pdf, path.lowercased().hasSuffix(".pdf") {
            throw .notPDF(path: path, looksLike: FileSniffer.describe(bytes))
        }
        let tables: TableDocument
        var pages: [PageLayout] = []
        var notes: [String] = []
        var ocrPages: [(page: Int, summary: OCRSummary)] = []
        switch detected {
        case .pdf:
            (tables, pages, ocrPages) = try PDFTableReader(options: options, keepLayout: keepLayout).read(bytes: bytes, path: path)
        case .html:
            do { tables = try HTMLTableReader(settings: options.html).read(bytes: bytes) } catch {
                if case .unsupportedEncoding(let detail) = error { throw .unsupportedEncoding(path: path, detail: detail) }
                throw .unreadable(path: path, detail: "not readable as HTML: \(error.description)")
            }
        case .text, .markdown:
            // Cells carry `GridCell.textPosition`, which `--provenance` reports as line and column.
            let decoded: (text: String, encoding: TextEncoding)
            do { decoded = try TextDecoding.decode(bytes) } catch { throw .unsupportedEncoding(path: path, detail: error.description) }
            let (document, found) = TextTableReader(options: .init(metric: options.textMetric)).analyze(decoded.text)
            tables = document
            let metric = found.layoutTables == 0 ? "" : "; layout columns counted by " + (found.metric == .characters ? "characters (as pdftotext -layout writes them)" : "display width (CJK = 2)")
            notes.append("input: \(detected.rawValue), \(decoded.encoding.rawValue); \(found.layoutTables) layout grid(s), \(found.pipeTables) pipe table(s)\(metric)")
        }
        // Only PDFs have pages to leave unread.
        let unread = detected == .pdf && tables.pages > options.maxPages
            ? "only the first \(options.maxPages) of its \(tables.pages) pages were read (--max-pages)" : nil
        var report: ReportDocument
        do {
            report = try ReportParser().parse(
                grids: tables.grids,
                headLines: tables.leadingLines.map { TitleReader.HeadLine(text: $0.text, height: $0.height) },
                fullText: tables.fullText)
        } catch {
            var failure = ExtractionError(error, path: path)
            if let unread { failure = failure.adding(note: unread) }
            throw failure
        }
        if let unread { report.tables.warnings.append(ReportWarning(code: "pages_not_read", message: unread)) }
        if report.title == nil, let meta = tables.metadataTitle, let t = TitleReader.read(lines: [meta]) { report.title = t }
        report.source = SourceInfo(path: path, sha256: SHA256.hex(bytes), kind: detected.sourceKind, pages: tables.pages)
        if !ocrPages.isEmpty { Self.noteOCR(ocrPages, in: &report) }
        report.notes = notes + report.notes
        return ExtractionLayout(report: report, format: detected, tables: tables, pages: pages)
    }

    /// A scan's report says so: `source.ocr`, and a warning per page read by OCR.
    private static func noteOCR(_ pages: [(page: Int, summary: OCRSummary)], in report: inout ReportDocument) {
        report.source?.ocr = true
        for (page, summary) in pages {
            let confidence = summary.meanConfidence.map { ", mean confidence \(Int($0.rounded()))%" } ?? ""
            report.tables.warnings.append(ReportWarning(code: "ocr_page", message: "page \(page) has no text layer and was read by OCR\(confidence)", page: page))
        }
    }
}
