/// Every way one input can fail, each with a stable code (used in batch records) and exit status.
public enum ExtractionError: Error, Equatable, Sendable {
    case unreadable(path: String, detail: String)
    case emptyFile(path: String)
    case notPDF(path: String, looksLike: String)
    case damaged(path: String, detail: String)
    case encrypted(path: String)
    /// Encrypted, and the `--password` given opens it neither as user nor as owner.
    case wrongPassword(path: String)
    /// `unmapped`: the pages have text, but its glyphs map to no characters (`TextLegibility`).
    case noTextLayer(path: String, pages: Int, unmapped: Bool = false)
    case noReportTables(path: String, detail: String)
    case unknownTemplate(path: String, detail: String)
    /// An input in a format gongkai does not read (`format` names it: "a legacy Word document
    /// (.doc)"); `advice` says how to turn it into one it reads.
    case unsupportedFormat(path: String, format: String, advice: String = "")
    /// Text in a character encoding this build cannot decode (`detail` names it).
    case unsupportedEncoding(path: String, detail: String)
    /// Larger than the `maxBytes` limit: refused before it is read.
    case tooLarge(path: String, bytes: Int, limit: Int)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .unreadable: return "unreadable"
        case .emptyFile: return "empty_file"
        case .notPDF: return "not_pdf"
        case .damaged: return "damaged"
        case .encrypted: return "encrypted"
        case .wrongPassword: return "wrong_password"
        case .noTextLayer: return "no_text_layer"
        case .noReportTables: return "no_report_tables"
        case .unknownTemplate: return "unknown_template"
        case .unsupportedFormat: return "unsupported_format"
        case .unsupportedEncoding: return "unsupported_encoding"
        case .tooLarge: return "too_large"
        }
    }

    /// The code of the failure a process reported with `status`, nil for statuses no failure uses.
    public static func code(forExitStatus status: Int32) -> String? {
        let all: [ExtractionError] = [.unreadable(path: "", detail: ""), .emptyFile(path: ""), .notPDF(path: "", looksLike: ""),
                                      .damaged(path: "", detail: ""), .encrypted(path: ""), .wrongPassword(path: ""), .noTextLayer(path: "", pages: 0),
                                      .noReportTables(path: "", detail: ""), .unknownTemplate(path: "", detail: ""),
                                      .unsupportedFormat(path: "", format: ""), .unsupportedEncoding(path: "", detail: ""),
                                      .tooLarge(path: "", bytes: 0, limit: 0)]
        return all.first { $0.exitStatus == status }?.code
    }

    /// Process exit status for this failure (documented in `gongkai --help`).
    public var exitStatus: Int32 {
        switch self {
        case .unreadable: return 3
        case .emptyFile: return 4
        case .notPDF: return 5
        case .damaged: return 6
        case .encrypted: return 7
        case .noTextLayer: return 8
        case .noReportTables: return 9
        case .unknownTemplate: return 10
        case .unsupportedFormat: return 11
        case .unsupportedEncoding: return 12
        case .tooLarge: return 13
        case .wrongPassword: return 14
        }
    }

    public var path: String {
        switch self {
        case .unreadable(let p, _), .emptyFile(let p), .notPDF(let p, _), .damaged(let p, _), .encrypted(let p), .wrongPassword(let p),
             .noTextLayer(let p, _, _), .noReportTables(let p, _), .unknownTemplate(let p, _), .unsupportedFormat(let p, _, _),
             .unsupportedEncoding(let p, _), .tooLarge(let p, _, _):
            return p
        }
    }

    /// One line: what went wrong and with which file.
    public var message: String {
        switch self {
        case .unreadable(let p, let d): return "\(p): cannot read file: \(d)"
        case .emptyFile(let p): return "\(p): empty file (0 bytes)"
        case .notPDF(let p, let kind): return "\(p): not a PDF (looks like \(kind))"
        case .damaged(let p, let d): return "\(p): damaged PDF (\(d))"
        case .encrypted(let p): return "\(p): encrypted PDF; give the password with --password"
        case .wrongPassword(let p): return "\(p): encrypted PDF; the password given does not open it (neither as user nor as owner password)"
        case .noTextLayer(let p, let n, false): return "\(p): no text layer on any of its \(n) pages (a scan?); run OCR first, e.g. ocrmypdf -l chi_sim"
        case .noTextLayer(let p, let n, true):
            return "\(p): no readable text on any of its \(n) pages: its fonts map glyphs to no characters (no Unicode map); read it by OCR with --ocr auto"
        case .noReportTables(let p, let d): return "\(p): \(d)"
        case .unknownTemplate(let p, let d): return "\(p): \(d)"
        case .unsupportedFormat(let p, let f, let advice): return "\(p): \(f) is not read by gongkai" + (advice.isEmpty ? "" : "; " + advice)
        case .unsupportedEncoding(let p, let d): return "\(p): unsupported text encoding: \(d); convert it to UTF-8 (or GB18030/GBK, UTF-16 with BOM) first, e.g. with iconv"
        case .tooLarge(let p, let n, let limit):
            return "\(p): file too large (\(Self.megabytes(n)) MB, the limit is \(Self.megabytes(limit)) MB); raise it with --max-bytes if this really is a report"
        }
    }

    /// Whole megabytes (10^6 bytes), rounded up so that a file just over the limit never reads "200 MB".
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes / 100_000) + (bytes % 100_000 == 0 ? 0 : 1)
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    init(_ error: PDFError, path: String) {
        switch error {
        case .emptyFile: self = .emptyFile(path: path)
        case .notPDF(let kind): self = .notPDF(path: path, looksLike: kind)
        case .damaged(let d): self = .damaged(path: path, detail: d)
        case .encrypted: self = .encrypted(path: path)
        case .wrongPassword: self = .wrongPassword(path: path)
        case .unreadable(let d): self = .unreadable(path: path, detail: d)
        }
    }

    /// The same failure with a note appended to its detail (report-level failures only).
    func adding(note: String) -> ExtractionError {
        switch self {
        case .noReportTables(let p, let d): return .noReportTables(path: p, detail: d + "; " + note)
        case .unknownTemplate(let p, let d): return .unknownTemplate(path: p, detail: d + "; " + note)
        default: return self
        }
    }

    init(_ error: ReportError, path: String) {
        switch error {
        case .noReportTables(let d): self = .noReportTables(path: path, detail: "no report tables found: " + d)
        case .unknownTemplate(let d): self = .unknownTemplate(path: path, detail: "unknown template: " + d)
        }
    }
}

extension ExtractionError: CustomStringConvertible {
    public var description: String { message }
}
