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
        /// Word documents: synthetic cell geometry (see `WordDocumentReader`).
        public var word = WordDocumentReader.Settings()
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
        /// Which reader gives the tables of text, markdown and web pages (see `TableSource`).
        public var tablesFrom = TableSource.automatic
        /// Which PDF pages are read by OCR (`--ocr`).
        public var ocr: OCRMode = .auto
        public init() {}

        /// The processors this process may run on: its affinity mask where there is one (a run
        /// pinned to one core by `taskset` gains nothing from a second page worker, and a second
        /// worker loads a second set of OCR models), else the processors online.
        public static let processorCount: Int = {
            let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            #if os(Linux)
            // glibc declares sched_getaffinity only under _GNU_SOURCE, which Swift's Glibc lacks.
            typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "sched_getaffinity") else { return online }
            var set = cpu_set_t()
            let read = withUnsafeMutableBytes(of: &set) { unsafeBitCast(symbol, to: GetAffinity.self)(0, $0.count, $0.baseAddress) }
            guard read == 0 else { return online }
            let allowed = withUnsafeBytes(of: &set) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
            return max(1, min(online, allowed))
            #else
            return online
            #endif
        }()
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

    /// A Word document's tables, with those of web pages it imports whole (`w:altChunk`) after
    /// its own, so that a DOCX wrapping an HTML report reads as that report.
    private func readWord(_ bytes: [UInt8], path: String, notes: inout [String]) throws(ExtractionError) -> TableDocument {
        let reader = WordDocumentReader(settings: options.word)
        var tables: TableDocument
        do { tables = try reader.read(bytes: bytes) } catch {
            throw .unreadable(path: path, detail: "not readable as a Word document: \(error.description)")
        }
        let own = tables.grids.count
        var imported = 0
        for chunk in reader.altChunks(bytes: bytes) {
            let page = MHTML.isMHTML(chunk) ? (MHTML.htmlPart(chunk) ?? chunk) : chunk
            guard InputFormat.detect(bytes: page, path: "") == .html, let html = try? HTMLTableReader(settings: options.html).read(bytes: page) else { continue }
            imported += 1
            for var grid in html.grids {
                grid.page = tables.grids.count + 1
                tables.grids.append(grid)
            }
            if tables.leadingLines.isEmpty { tables.leadingLines = html.leadingLines }
            tables.fullText += "\n" + html.fullText
            if tables.metadataTitle == nil { tables.metadataTitle = html.metadataTitle }
        }
        notes.append("input: docx; \(own) table(s)" + (imported == 0 ? "" : ", and \(tables.grids.count - own) from \(imported) imported web page(s) (w:altChunk)"))
        return tables
    }

    /// Reads the document's tables, as `extract` does, without making a report of them: the
    /// grids of every format, and for PDFs each page's size, glyphs and ruling lines.
    public func readTables(bytes: [UInt8], path: String, format: InputFormat? = nil) throws(ExtractionError) -> InputTables {
        try readTables(bytes: bytes, path: path, format: format, keepLayout: true)
    }

    /// Bytes → grids: the format recognised (or `format`), then its reader.
    private func readTables(bytes original: [UInt8], path: String, format: InputFormat?, keepLayout: Bool) throws(ExtractionError) -> InputTables {
        if original.isEmpty { throw .emptyFile(path: path) }
        if original.count > options.maxBytes { throw .tooLarge(path: path, bytes: original.count, limit: options.maxBytes) }
        // A single-file web page is read as the page inside it (the checksum stays the file's).
        var bytes = original
        var notes: [String] = []
        if format == nil || format == .html, MHTML.isMHTML(original), let page = MHTML.htmlPart(original) {
            bytes = page
            notes.append("input: single-file web page (MHT); its text/html part read")
        }
        let detected = format ?? InputFormat.detect(bytes: bytes, path: path)
        // A file named .pdf that is something else (an HTML error page saved by a crawler) is a
        // failed download, not an input in another format.
        if format == nil, detected != .pdf, path.lowercased().hasSuffix(".pdf") {
            throw .notPDF(path: path, looksLike: FileSniffer.describe(bytes))
        }
        // Legacy Office files, other zip formats, archives and images would otherwise be read as
        // undecodable text: name them and say how to convert them.
        if format == nil, detected != .pdf, detected != .docx, let foreign = ForeignFormat.identify(bytes, path: path) {
            throw .unsupportedFormat(path: path, format: foreign.name, advice: foreign.advice)
        }
        var reading = InputTables(format: detected, tables: TableDocument(pages: 1, grids: [], leadingLines: [], fullText: ""), pages: [], notes: notes)
        switch detected {
        case .pdf:
            (reading.tables, reading.pages, reading.ocrPages, reading.alignmentText) = try PDFTableReader(options: options, keepLayout: keepLayout).read(bytes: bytes, path: path)
        case .html:
            do { reading.tables = try HTMLTableReader(settings: options.html).read(bytes: bytes) } catch {
                if case .unsupportedEncoding(let detail) = error { throw .unsupportedEncoding(path: path, detail: detail) }
                throw .unreadable(path: path, detail: "not readable as HTML: \(error.description)")
            }
            let fullText = reading.tables.fullText
            reading.alignmentText = { fullText }
        case .docx:
            reading.tables = try readWord(bytes, path: path, notes: &reading.notes)
        case .text, .markdown:
            // Cells carry `GridCell.textPosition`, which `--provenance` reports as line and column.
            let decoded: (text: String, encoding: TextEncoding)
            do { decoded = try TextDecoding.decode(bytes) } catch { throw .unsupportedEncoding(path: path, detail: error.description) }
            let (document, found) = TextTableReader(options: .init(metric: options.textMetric)).analyze(decoded.text)
            reading.tables = document
            let text = decoded.text
            reading.alignmentText = { text }
            let metric = found.layoutTables == 0 ? "" : "; layout columns counted by " + (found.metric == .characters ? "characters (as pdftotext -layout writes them)" : "display width (CJK = 2)")
            reading.notes.append("input: \(detected.rawValue), \(decoded.encoding.rawValue); \(found.layoutTables) layout grid(s), \(found.pipeTables) pipe table(s)\(metric)")
        }
        return reading
    }

    /// Bytes → grids → report.
    private func run(bytes original: [UInt8], path: String, format: InputFormat?, keepLayout: Bool) throws(ExtractionError) -> ExtractionLayout {
        let reading = try readTables(bytes: original, path: path, format: format, keepLayout: keepLayout)
        let (detected, tables) = (reading.format, reading.tables)
        // Only PDFs have pages to leave unread.
        let unread = detected == .pdf && tables.pages > options.maxPages
            ? "only the first \(options.maxPages) of its \(tables.pages) pages were read (--max-pages)" : nil
        var report: ReportDocument
        do {
            report = try AlignedFallback(source: options.tablesFrom, onlyMissingTables: detected == .pdf).report(tables: tables, text: reading.alignmentText, path: path)
        } catch {
            var failure = error
            if let unread { failure = failure.adding(note: unread) }
            throw failure
        }
        if let unread { report.tables.warnings.append(ReportWarning(code: "pages_not_read", message: unread)) }
        if report.title == nil, let meta = tables.metadataTitle, let t = TitleReader.read(lines: [meta]) { report.title = t }
        report.source = SourceInfo(path: path, sha256: SHA256.hex(original), kind: detected.sourceKind, pages: tables.pages)
        if !reading.ocrPages.isEmpty { Self.noteOCR(reading.ocrPages, in: &report) }
        report.notes = reading.notes + report.notes
        return ExtractionLayout(report: report, format: detected, tables: tables, pages: reading.pages)
    }

    /// A scan's report says so: `source.ocr`, and a warning per page read by OCR.
    private static func noteOCR(_ pages: [(page: Int, summary: OCRSummary)], in report: inout ReportDocument) {
        report.source?.ocr = true
        for (page, summary) in pages {
            let confidence = summary.meanConfidence.map { ", mean confidence \(Int($0.rounded()))%" } ?? ""
            let why: String
            switch summary.reason {
            case .misencodedGlyphs(let s):
                report.tables.warnings.append(ReportWarning(code: "ocr_glyphs", message: "page \(page): its fonts map \(s.suspects) glyphs to wrong characters or none (a PDF re-made without right Unicode maps); their shapes were read by OCR, \(s.read) of \(s.suspects) surely", page: page))
                continue
            case .noTextLayer: why = "has no text layer"
            case .textAsOutlines: why = "draws its text as outlines (no text layer)"
            case .unreadableTextLayer: why = "has a text layer that maps its glyphs to no characters (fonts without a Unicode map)"
            case .invisibleTextOverPicture: why = "is a picture under an invisible text layer (another tool's OCR, not used)"
            case .always: why = "was asked to be"
            }
            report.tables.warnings.append(ReportWarning(code: "ocr_page", message: "page \(page) \(why) and was read by OCR\(confidence)", page: page))
        }
    }
}
