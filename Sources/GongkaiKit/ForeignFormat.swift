import WordTables

/// Inputs gongkai does not read, recognised by content (magic bytes, zip members, compound-file
/// streams) so that the refusal names the format and how to convert it, rather than failing as
/// undecodable text. The file name only picks between formats the content cannot tell apart.
public struct ForeignFormat: Sendable, Equatable {
    /// What the file is, e.g. "a legacy Word document (.doc)".
    public var name: String
    /// How to get an input gongkai reads from it.
    public var advice: String

    static let toDOCX = "convert it to DOCX first, e.g. soffice --headless --convert-to docx FILE"
    /// Spreadsheets become web pages whose `<table>`s gongkai reads (LibreOffice Calc writes no DOCX).
    static let toHTML = "convert it to a web page, whose tables gongkai reads, e.g. soffice --headless --convert-to html FILE"
    static let unpack = "unpack it and run gongkai on the report inside"
    static let ocr = "run OCR first, e.g. ocrmypdf -l chi_sim (after img2pdf FILE)"

    /// The foreign format of `bytes`, nil when it is one gongkai reads (or unrecognised).
    public static func identify(_ bytes: [UInt8], path: String) -> ForeignFormat? {
        let ext = path.lowercased().split(separator: ".").last.map(String.init) ?? ""
        if CompoundFile.isCompoundFile(bytes) { return compoundFile(CompoundFile.entryNames(bytes), ext: ext) }
        if ZipArchive.looksLikeZip(bytes) { return zipContainer(bytes, ext: ext) }
        return byMagic(bytes)
    }

    /// Legacy Office files by their streams: Word's `WordDocument`, Excel's `Workbook`/`Book`,
    /// PowerPoint's `PowerPoint Document`; Kingsoft's own formats by their `Wps…`/`ET…` streams or,
    /// when they write Microsoft's streams, by the file name.
    static func compoundFile(_ names: Set<String>, ext: String) -> ForeignFormat {
        // Office's password protection wraps the whole DOCX/XLSX in a compound file.
        if names.contains("EncryptedPackage") {
            return .init(name: "a password-protected Office document (an encrypted DOCX or XLSX)",
                         advice: "open it with its password and save it without one, then run gongkai on that")
        }
        if names.contains(where: { $0.hasPrefix("Wps") || $0.hasPrefix("WPS") }) || (ext == "wps" && names.contains("WordDocument")) {
            return .init(name: "a WPS Writer document (.wps)", advice: toDOCX)
        }
        if names.contains("WordDocument") { return .init(name: "a legacy Word document (.doc)", advice: toDOCX) }
        if names.contains(where: { $0.hasPrefix("ET") }) || (ext == "et" && (names.contains("Workbook") || names.contains("Book"))) {
            return .init(name: "a WPS spreadsheet (.et)", advice: toHTML)
        }
        if names.contains("Workbook") || names.contains("Book") { return .init(name: "a legacy Excel workbook (.xls)", advice: toHTML) }
        if names.contains("PowerPoint Document") { return .init(name: "a legacy PowerPoint presentation (.ppt)", advice: "convert it, e.g. soffice --headless --convert-to pdf FILE") }
        let guess = ["doc": "a legacy Word document (.doc)", "wps": "a WPS Writer document (.wps)", "xls": "a legacy Excel workbook (.xls)", "et": "a WPS spreadsheet (.et)"][ext]
        return .init(name: guess ?? "a legacy Office (OLE2 compound) file", advice: toDOCX)
    }

    /// Zip-based formats by their members; a DOCX (`word/document.xml`) is read, so nil.
    static func zipContainer(_ bytes: [UInt8], ext: String) -> ForeignFormat? {
        guard let archive = try? ZipArchive(bytes: bytes) else {
            // Member names stand in the local headers even when the directory at the end is lost.
            let word = bytes.prefix(1 << 16).firstRange(of: Array("word/".utf8)) != nil
            return .init(name: word ? "a damaged Word document (DOCX; truncated download?)" : "a damaged zip archive",
                         advice: "download it again, or open and re-save it")
        }
        if WordDocumentReader.mainPart(of: archive) != nil { return nil }
        let names = archive.memberNames
        if names.contains(where: { $0.lowercased().hasPrefix("xl/") }) { return .init(name: "an Excel workbook (.xlsx)", advice: toHTML) }
        if names.contains(where: { $0.lowercased().hasPrefix("ppt/") }) { return .init(name: "a PowerPoint presentation (.pptx)", advice: "convert it, e.g. soffice --headless --convert-to pdf FILE") }
        if archive.contains("OFD.xml") { return .init(name: "an OFD document (.ofd)", advice: "convert it to PDF first (e.g. with the issuer's OFD reader or ofdrw), then run gongkai on the PDF") }
        if archive.contains("content.xml"), archive.contains("mimetype") { return .init(name: "an OpenDocument file (.odt/.ods)", advice: toDOCX) }
        return .init(name: "a zip archive", advice: unpack)
    }

    /// Archives and images by their leading bytes.
    static func byMagic(_ bytes: [UInt8]) -> ForeignFormat? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        // Sites often publish RTF under a .doc name; as text it would read as control words.
        if starts(Array("{\\rtf".utf8)) { return .init(name: "an RTF document (.rtf, often named .doc)", advice: toDOCX) }
        if starts(Array("Rar!\u{1A}\u{07}".utf8)) { return .init(name: "a RAR archive", advice: unpack) }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .init(name: "a 7z archive", advice: unpack) }
        if starts([0x1F, 0x8B]) { return .init(name: "a gzip archive", advice: unpack) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .init(name: "a PNG image", advice: ocr) }
        if starts([0xFF, 0xD8, 0xFF]) { return .init(name: "a JPEG image", advice: ocr) }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .init(name: "a GIF image", advice: ocr) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .init(name: "a TIFF image", advice: ocr) }
        if starts(Array("BM".utf8)), bytes.count >= 26, bytes[6...9].allSatisfy({ $0 == 0 }) { return .init(name: "a BMP image", advice: ocr) }
        if bytes.count >= 12, starts(Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .init(name: "a WebP image", advice: ocr) }
        return nil
    }
}
