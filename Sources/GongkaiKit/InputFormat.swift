/// The kinds of input `gongkai extract` reads. Chosen by content, not by the file name alone.
public enum InputFormat: String, Sendable, CaseIterable {
    case pdf
    /// Plain text with tables laid out in columns (`pdftotext -layout` output and the like).
    case text
    /// Markdown whose tables are pipe tables (output of PDF-to-markdown converters).
    case markdown
    /// A web page (HTML `<table>`s with rowspan/colspan).
    case html

    /// The `source.kind` written in the JSON.
    public var sourceKind: String {
        switch self {
        case .pdf: return "pdf"
        case .text, .markdown: return "text"
        case .html: return "html"
        }
    }

    /// Sniffs the format from the first bytes, with the file name as a tie-breaker.
    public static func detect(bytes: [UInt8], path: String) -> InputFormat {
        let head = Array(bytes.prefix(4096))
        if head.count >= 5, let i = head.firstIndex(of: 0x25), i < 1024, Array(head[i..<min(head.count, i + 5)]) == Array("%PDF-".utf8) {
            return .pdf
        }
        let lowerPath = path.lowercased()
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<html") || text.contains("<!doctype html") || text.contains("<table") || text.contains("<body")
            || lowerPath.hasSuffix(".html") || lowerPath.hasSuffix(".htm") {
            return .html
        }
        if lowerPath.hasSuffix(".md") || lowerPath.hasSuffix(".markdown") { return .markdown }
        let pipeRows = text.split(separator: "\n").filter { $0.hasPrefix("|") && $0.filter { $0 == "|" }.count >= 3 }.count
        if pipeRows >= 3 { return .markdown }
        if lowerPath.hasSuffix(".pdf") { return .pdf }
        return .text
    }
}
