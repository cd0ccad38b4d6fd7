/// Guesses what a byte buffer is when it is not a PDF, so the error can say "looks like HTML".
public enum FileSniffer {
    /// Whether the PDF header `%PDF-` appears in the first 1024 bytes (as readers accept).
    public static func hasPDFHeader(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        let limit = min(bytes.count, 1024)
        guard limit >= marker.count else { return false }
        for i in 0...(limit - marker.count) where bytes[i] == marker[0] {
            if Array(bytes[i..<i + marker.count]) == marker { return true }
        }
        return false
    }

    public static func describe(_ bytes: [UInt8]) -> String {
        let head = Array(bytes.prefix(512))
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a ZIP container (DOCX/XLSX/OFD?)" }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "an old Office document (DOC/XLS)" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts([0x1F, 0x8B]) { return "gzip data" }
        if starts(Array("Rar!".utf8)) { return "a RAR archive" }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<html") || text.contains("<!doctype html") || text.contains("<head") { return "HTML" }
        if text.hasPrefix("<?xml") { return "XML" }
        if text.hasPrefix("{") || text.hasPrefix("[") { return "JSON" }
        let printable = head.filter { $0 == 9 || $0 == 10 || $0 == 13 || $0 >= 32 }.count
        if !head.isEmpty && printable * 10 >= head.count * 9 { return "text" }
        return "binary data"
    }
}
