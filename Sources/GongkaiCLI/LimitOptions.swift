import ArgumentParser
import GongkaiKit
import PopplerKit

/// Resource bounds shared by `extract` and `batch` (one pathological file must not take the
/// machine down), and where ruling lines come from.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where table borders come from: the paths the PDF draws, rendering where those cannot be read (automatic); or always one of them (vector, raster).",
                               valueName: "automatic|vector|raster"))
    var rulingLines: RulingLineScanner.Settings.Source = .automatic

    @Option(help: ArgumentHelp("Where the tables of text, markdown and web pages come from: their grids, with the template aligned to the text where grids give no table or leave cells null (automatic); or only one of them (grids, text).",
                               valueName: "automatic|grids|text"))
    var tablesFrom: TableSource = .automatic

    @Option(help: ArgumentHelp("Which PDF pages are read by OCR (Tesseract): pages without a text layer (auto), every page (always), none (never: a scan stops with exit 8).",
                               valueName: "auto|always|never"))
    var ocr: OCRMode = .auto

    @Option(help: "Read at most this many pages of a PDF (the rest are skipped, with a warning).")
    var maxPages: Int = ReportExtractor.Options().maxPages

    @Option(help: ArgumentHelp("Refuse files larger than this (bytes; K, M, G suffixes: 200M, 1G).", valueName: "size"))
    var maxBytes: ByteCount = ByteCount(ReportExtractor.Options().maxBytes)

    func validate() throws {
        if maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if maxBytes.value < 1 { throw ValidationError("--max-bytes must be at least 1") }
    }

    func apply(to options: inout ReportExtractor.Options) {
        options.maxPages = maxPages
        options.maxBytes = maxBytes.value
        options.rulingLines.source = rulingLines
        options.tablesFrom = tablesFrom
        options.ocr = ocr
    }

    /// The same limits as worker arguments.
    var workerArguments: [String] {
        ["--max-pages", String(maxPages), "--max-bytes", String(maxBytes.value), "--ruling-lines", rulingLines.rawValue, "--tables-from", tablesFrom.rawValue, "--ocr", ocr.rawValue]
    }
}

/// A size in bytes written as `1234`, `64K`, `200M` or `2G` (powers of 1000, as disks count).
struct ByteCount: ExpressibleByArgument, Sendable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        let text = argument.uppercased().replacing("B", with: "")
        let units: [Character: Int] = ["K": 1_000, "M": 1_000_000, "G": 1_000_000_000]
        var digits = Substring(text)
        var scale = 1
        if let last = digits.last, let unit = units[last] { scale = unit; digits = digits.dropLast() }
        guard let n = Int(digits), n >= 0 else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        value = v
    }

    var defaultValueDescription: String { "\(ExtractionError.megabytes(value))M" }
}

extension RulingLineScanner.Settings.Source: ExpressibleByArgument {}
extension TableSource: ExpressibleByArgument {}
extension OCRMode: ExpressibleByArgument {}
