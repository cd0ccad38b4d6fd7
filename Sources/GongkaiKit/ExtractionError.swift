/// Every way one input can fail, each with a stable code (used in batch records) and exit status.
public enum ExtractionError: Error, Equatable, Sendable {
    case unreadable(path: String, detail: String)
    case emptyFile(path: String)
    case notPDF(path: String, looksLike: String)
    case damaged(path: String, detail: String)
    case encrypted(path: String)
    case noTextLayer(path: String, pages: Int)
    case noReportTables(path: String, detail: String)
    case unknownTemplate(path: String, detail: String)
    case unsupportedFormat(path: String, format: String)
    /// A text input in an encoding other than UTF-8, UTF-16 (with BOM) or GB18030/GBK.
    case unsupportedEncoding(path: String, detail: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .unreadable: return "unreadable"
        case .emptyFile: return "empty_file"
        case .notPDF: return "not_pdf"
        case .damaged: return "damaged"
        case .encrypted: return "encrypted"
        case .noTextLayer: return "no_text_layer"
        case .noReportTables: return "no_report_tables"
        case .unknownTemplate: return "unknown_template"
        case .unsupportedFormat: return "unsupported_format"
        case .unsupportedEncoding: return "unsupported_encoding"
        }
    }

    /// The code of the failure a process reported with `status`, nil for statuses no failure uses.
    public static func code(forExitStatus status: Int32) -> String? {
        let all: [ExtractionError] = [.unreadable(path: "", detail: ""), .emptyFile(path: ""), .notPDF(path: "", looksLike: ""),
                                      .damaged(path: "", detail: ""), .encrypted(path: ""), .noTextLayer(path: "", pages: 0),
                                      .noReportTables(path: "", detail: ""), .unknownTemplate(path: "", detail: ""),
                                      .unsupportedFormat(path: "", format: "")]
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
        }
    }

    public var path: String {
        switch self {
        case .unreadable(let p, _), .emptyFile(let p), .notPDF(let p, _), .damaged(let p, _), .encrypted(let p),
             .noTextLayer(let p, _), .noReportTables(let p, _), .unknownTemplate(let p, _), .unsupportedFormat(let p, _),
             .unsupportedEncoding(let p, _):
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
        case .noTextLayer(let p, let n): return "\(p): no text layer on any of its \(n) pages (a scan?); run OCR first, e.g. ocrmypdf -l chi_sim"
        case .noReportTables(let p, let d): return "\(p): \(d)"
        case .unknownTemplate(let p, let d): return "\(p): \(d)"
        case .unsupportedFormat(let p, let f): return "\(p): \(f) input is not supported by this build"
        case .unsupportedEncoding(let p, let d): return "\(p): cannot read the text: \(d); save it as UTF-8 (or GB18030/GBK, UTF-16 with BOM)"
        }
    }

    init(_ error: PDFError, path: String) {
        switch error {
        case .emptyFile: self = .emptyFile(path: path)
        case .notPDF(let kind): self = .notPDF(path: path, looksLike: kind)
        case .damaged(let d): self = .damaged(path: path, detail: d)
        case .encrypted: self = .encrypted(path: path)
        case .unreadable(let d): self = .unreadable(path: path, detail: d)
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
