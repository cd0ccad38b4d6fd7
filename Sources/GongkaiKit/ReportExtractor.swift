import Crypto
import Foundation

/// The pipeline: bytes → glyphs and ruling lines → grids → report → JSON-ready document.
public struct ReportExtractor: Sendable {
    public struct Options: Sendable {
        public var password: String?
        public var layout = LayoutSettings()
        public var rulingLines = RulingLineScanner.Settings()
        /// Pages beyond this are not read (a guard against pathological files).
        public var maxPages = 200
        public init() {}
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Words on a page that make it worth rendering for ruling lines: the tables' own labels.
    static let tablePageMarkers = ["信息内容", "第二十条", "申请人情况", "自然人", "不予公开", "无法提供", "不予处理",
                                   "结转下年度", "行政复议", "行政诉讼", "规章", "行政许可", "总计"]

    public func extract(path: String) throws(ExtractionError) -> ReportDocument {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw .unreadable(path: path, detail: reason)
        }
        return try extract(bytes: bytes, path: path)
    }

    public func extract(bytes: [UInt8], path: String) throws(ExtractionError) -> ReportDocument {
        let document: PDFDocument
        do { document = try PDFDocument(bytes: bytes, password: options.password) } catch { throw ExtractionError(error, path: path) }
        let pageCount = min(document.pageCount, options.maxPages)
        var grids: [CellGrid] = []
        var headLines: [TitleReader.HeadLine] = []
        var fullText = ""
        var glyphTotal = 0
        let lattice = LatticeExtractor(settings: options.layout)
        for index in 0..<pageCount {
            let glyphs = document.glyphs(page: index)
            glyphTotal += glyphs.count
            let text = String(glyphs.lazy.map(\.text).joined())
            fullText += text
            var outside = glyphs
            if Self.tablePageMarkers.contains(where: { text.contains($0) }), let size = document.pageSize(index) {
                let lines = document.rulingLines(page: index, glyphs: glyphs, settings: options.rulingLines)
                let page = PageContent(number: index + 1, width: size.width, height: size.height, glyphs: glyphs, rulingLines: lines)
                let result = lattice.extract(page)
                grids += result.tables
                outside = result.outside
            }
            if index < 2 { headLines += TextLineBuilder.lines(from: outside, settings: options.layout).map { TitleReader.HeadLine(text: $0.text, height: $0.glyphHeight) } }
        }
        if glyphTotal == 0 { throw .noTextLayer(path: path, pages: document.pageCount) }
        var report: ReportDocument
        do {
            report = try ReportParser().parse(grids: grids, headLines: headLines, fullText: fullText)
        } catch {
            throw ExtractionError(error, path: path)
        }
        if report.title == nil, let meta = document.title, let t = TitleReader.read(lines: [meta]) { report.title = t }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        report.source = SourceInfo(path: path, sha256: digest, kind: "pdf", pages: document.pageCount)
        return report
    }
}
