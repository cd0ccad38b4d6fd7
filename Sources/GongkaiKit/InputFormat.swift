import WordTables

/// The kinds of input `gongkai extract` reads. Chosen by content, not by the file name alone.
public enum InputFormat: String, Sendable, CaseIterable {
    case pdf
    /// Plain text with tables laid out in columns (`pdftotext -layout` output and the like).
    case text
    /// Markdown whose tables are pipe tables (output of PDF-to-markdown converters).
    case markdown
    /// A web page (HTML `<table>`s with rowspan/colspan).
    case html
    /// A Word document: DOCX (a zip holding `word/document.xml`), or Word's single-file XML
    /// (Flat OPC, Word 2003 XML), which sites publish under `.doc` or `.xml` names.
    case docx

    /// The `source.kind` written in the JSON.
    public var sourceKind: String {
        switch self {
        case .pdf: return "pdf"
        case .text, .markdown: return "text"
        case .html: return "html"
        case .docx: return "docx"
        }
    }

    /// Sniffs the format from the content, with the file name as a tie-breaker. Text in UTF-16 or
    /// GB18030 is decoded first, so its pipe tables are seen too.
    public static func detect(bytes: [UInt8], path: String) -> InputFormat {
        let head = Array(bytes.prefix(4096))
        if head.count >= 5, let i = head.firstIndex(of: 0x25), i < 1024, Array(head[i..<min(head.count, i + 5)]) == Array("%PDF-".utf8) {
            return .pdf
        }
        if ZipArchive.looksLikeZip(head), let zip = try? ZipArchive(bytes: bytes), WordDocumentReader.mainPart(of: zip) != nil { return .docx }
        if WordDocumentReader.isFlatWordXML(head) { return .docx }
        let text = (try? TextDecoding.decode(bytes).text) ?? String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        return detect(text: text, path: path)
    }

    /// The format of decoded text: HTML by its tags near the start, markdown by pipe tables
    /// anywhere (reports put their tables after pages of prose), else layout text.
    public static func detect(text: String, path: String) -> InputFormat {
        let lowerPath = path.lowercased()
        let head = String(text.unicodeScalars.prefix(4096)).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body")
            || lowerPath.hasSuffix(".html") || lowerPath.hasSuffix(".htm") {
            return .html
        }
        if lowerPath.hasSuffix(".md") || lowerPath.hasSuffix(".markdown") { return .markdown }
        if pipeTableRows(in: text) >= 3 { return .markdown }
        if lowerPath.hasSuffix(".pdf") { return .pdf }
        return .text
    }

    /// Lines that look like rows of a markdown pipe table (`| a | b |`, at least three pipes),
    /// counted in the first 4 MB of text; a delimiter row (`|---|---|`) counts three.
    static func pipeTableRows(in text: String) -> Int {
        var rows = 0
        var scanned = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            scanned += line.utf8.count
            if scanned > 4 << 20 || rows >= 3 { break }
            let t = line.drop { $0 == " " || $0 == "\t" }
            guard t.first == "|" else { continue }
            let pipes = t.filter { $0 == "|" }.count
            guard pipes >= 3 else { continue }
            let isDelimiter = t.allSatisfy { "|-: \t\r".contains($0) } && t.contains("-")
            rows += isDelimiter ? 3 : 1
        }
        return rows
    }
}
