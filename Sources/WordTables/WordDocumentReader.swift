import TableLayout

/// Why a Word document could not be read.
public enum WordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The zip archive or its `word/document.xml` cannot be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let d): return d
        }
    }
}

/// A Word document (DOCX: WordprocessingML in a zip) → `TableDocument`: its tables as grids in
/// document order, the paragraphs before the first table (title search) with their type size,
/// all its text, and the `docProps/core.xml` title.
///
/// As for web pages, a table that contains another table is layout, not a grid: the tables
/// inside it are read. A grid's `page` is its 1-based number among the document's grids, so
/// warnings and `--provenance` say "page N" for table N; `GridCell.row`/`column` are its grid
/// row and Word grid column.
public struct WordDocumentReader: Sendable {
    public typealias Settings = MarkupGridSettings

    public var settings: Settings
    public init(settings: Settings = .init()) { self.settings = settings }

    /// Reads a DOCX, or Word's single-file XML (see `readFlatXML`).
    public func read(bytes: [UInt8]) throws(WordError) -> TableDocument {
        if !ZipArchive.looksLikeZip(bytes), Self.isFlatWordXML(bytes) { return try readFlatXML(bytes) }
        let archive: ZipArchive
        let documentXML: [UInt8]
        do {
            archive = try ZipArchive(bytes: bytes)
            documentXML = try archive.read(Self.mainPart(of: archive) ?? "word/document.xml")
        } catch { throw .unreadable(error.description) }
        guard let document = XMLTree.parse(documentXML) else { throw .unreadable("word/document.xml is not readable XML") }
        let coreTitle = (try? archive.read("docProps/core.xml")).flatMap(XMLTree.parse).flatMap { $0.first(named: "title") }
            .map { MarkupText.collapse($0.ownText) }.flatMap { $0.isEmpty ? nil : $0 }
        let styles = (try? archive.read("word/styles.xml")).flatMap(XMLTree.parse).map(StyleSizes.init(styles:)) ?? StyleSizes()
        return read(document: document, metadataTitle: coreTitle, styles: styles)
    }

    /// Parts imported whole into the document (`w:altChunk`), in document order: web pages or
    /// MHT that some converters wrap in a DOCX instead of turning them into Word tables. Word
    /// converts them when it opens the file; here the caller reads them as web pages.
    public func altChunks(bytes: [UInt8]) -> [[UInt8]] {
        guard ZipArchive.looksLikeZip(bytes), let archive = try? ZipArchive(bytes: bytes),
              let main = Self.mainPart(of: archive), let xml = try? archive.read(main), let document = XMLTree.parse(xml) else { return [] }
        let slash = main.lastIndex(of: "/").map { main[...$0] } ?? ""
        let relsPath = slash + "_rels/" + main.dropFirst(slash.count) + ".rels"
        var targets: [String: String] = [:]
        for r in (try? archive.read(String(relsPath))).flatMap(XMLTree.parse)?.elements ?? [] where r.name == "Relationship" {
            if let id = r.attributes["Id"], let target = r.attributes["Target"] { targets[id] = target }
        }
        var chunks: [[UInt8]] = []
        func visit(_ e: XMLElement) {
            for child in e.elements {
                if child.name == "altChunk", let id = child.attributes["id"], let target = targets[id] {
                    let path = target.hasPrefix("/") ? String(target.dropFirst()) : String(slash) + target
                    if let part = try? archive.read(path) { chunks.append(part) }
                } else {
                    visit(child)
                }
            }
        }
        visit(document)
        return chunks
    }

    /// Whether the bytes are Word's single-file XML: both kinds carry
    /// `<?mso-application progid="Word.Document"?>` near the start.
    public static func isFlatWordXML(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(4096).firstRange(of: Array(#"progid="Word.Document""#.utf8)) != nil
    }

    /// Word's single-file XML, which sites publish under `.doc` or `.xml` names: Flat OPC (Word
    /// 2007+ "Word XML Document": the DOCX parts inside `pkg:part`/`pkg:xmlData`) and Word 2003
    /// XML (`w:wordDocument`, whose merge elements are spelt `w:vmerge`/`w:hmerge`). The same
    /// tables, text and title rules as a DOCX.
    func readFlatXML(_ bytes: [UInt8]) throws(WordError) -> TableDocument {
        guard let root = XMLTree.parse(bytes) else { throw .unreadable("not readable XML") }
        if root.name == "wordDocument" {
            let title = root.child("DocumentProperties")?.child("Title").map { MarkupText.collapse($0.ownText) }
            let styles = root.child("styles").map(StyleSizes.init(styles:)) ?? StyleSizes()
            return read(document: root, metadataTitle: title.flatMap { $0.isEmpty ? nil : $0 }, styles: styles)
        }
        func part(_ name: String) -> XMLElement? {
            root.elements.first { $0.name == "part" && $0.attributes["name"] == name }?.child("xmlData")?.elements.first
        }
        guard let document = part("/word/document.xml") else { throw .unreadable("a Word XML file without a /word/document.xml part") }
        let title = part("/docProps/core.xml")?.first(named: "title").map { MarkupText.collapse($0.ownText) }
        let styles = part("/word/styles.xml").map(StyleSizes.init(styles:)) ?? StyleSizes()
        return read(document: document, metadataTitle: title.flatMap { $0.isEmpty ? nil : $0 }, styles: styles)
    }

    /// The archive's main document part when it is a Word document: the target of the package's
    /// `officeDocument` relationship (`_rels/.rels`) when that is a part under `word/` (some
    /// writers call it `word/document2.xml`), else `word/document.xml` if present; nil for other
    /// zips (an XLSX's main part is under `xl/`).
    public static func mainPart(of archive: ZipArchive) -> String? {
        let relationships = (try? archive.read("_rels/.rels")).flatMap(XMLTree.parse)?.elements ?? []
        for r in relationships where r.name == "Relationship" && (r.attributes["Type"] ?? "").hasSuffix("/officeDocument") {
            var target = r.attributes["Target"] ?? ""
            while target.hasPrefix("/") { target.removeFirst() }
            if target.lowercased().hasPrefix("word/"), archive.contains(target) { return target }
        }
        return archive.contains("word/document.xml") ? "word/document.xml" : nil
    }

    /// Same as `read(bytes:)` for a `w:document` already parsed.
    func read(document: XMLElement, metadataTitle: String?, styles: StyleSizes = .init()) -> TableDocument {
        var walker = Walker(layout: WordTableLayout(columnWidth: settings.columnWidth, rowHeight: settings.rowHeight), styles: styles)
        walker.walk(document.child("body")?.elements ?? document.elements)
        let leading = Array(walker.lines[..<(walker.linesBeforeFirstTable ?? walker.lines.count)].prefix(settings.maxLeadingLines))
        return TableDocument(pages: 1, grids: walker.grids, leadingLines: leading,
                             fullText: walker.lines.map(\.text).joined(separator: "\n"), metadataTitle: metadataTitle)
    }

    /// Walks the body in document order: each paragraph one line, each innermost table a grid.
    private struct Walker {
        let layout: WordTableLayout
        let styles: StyleSizes
        var grids: [CellGrid] = []
        var lines: [TableDocument.Line] = []
        var linesBeforeFirstTable: Int?

        init(layout: WordTableLayout, styles: StyleSizes) { self.layout = layout; self.styles = styles }

        mutating func walk(_ elements: [XMLElement]) {
            for e in elements {
                switch e.name {
                case "p":
                    let text = WordText.text(of: e)
                    if !text.isEmpty { lines.append(.init(text: text, height: height(of: e))) }
                case "tbl" where e.first(named: "tbl") != nil:
                    // A layout table: read what its cells hold.
                    for tr in WordTableLayout.rows(of: e) { for tc in WordTableLayout.cells(of: tr) { walk(tc.elements) } }
                case "tbl":
                    if linesBeforeFirstTable == nil { linesBeforeFirstTable = lines.count }
                    guard let grid = layout.grid(of: e, index: grids.count + 1) else { continue }
                    grids.append(grid)
                    for r in 0..<grid.rowCount {
                        let text = grid.cells.filter { $0.row == r && !$0.text.isEmpty }.map(\.text).joined(separator: " ")
                        if !text.isEmpty { lines.append(.init(text: text, height: 10)) }
                    }
                case "sdt":
                    walk(e.child("sdtContent")?.elements ?? [])
                case "customXml", "ins", "moveTo", "smartTag", "sect", "sub-section":
                    // sect/sub-section: Word 2003 XML's section wrappers (wx:sect).
                    walk(e.elements)
                case "AlternateContent":
                    // The first choice is what Word shows; the fallback repeats it for old readers.
                    walk((e.child("Choice") ?? e.child("Fallback"))?.elements ?? [])
                default:
                    break  // section properties, bookmarks, deleted content
                }
            }
        }

        /// Type size of a paragraph in points: the largest size its runs set (`w:sz`), else that
        /// of the paragraph mark, else its style's (`word/styles.xml`), else the document default.
        /// Titles are set larger, which is what `TitleReader` looks for.
        func height(of p: XMLElement) -> Double {
            var largest: Double?
            func visit(_ e: XMLElement) {
                for child in e.elements {
                    if child.name == "rPr", let v = StyleSizes.size(child) { largest = max(largest ?? 0, v) }
                    if child.name != "Fallback" { visit(child) }
                }
            }
            visit(p)
            return largest ?? styles.size(ofParagraphStyle: p.child("pPr")?.value(of: "pStyle"))
        }
    }
}
