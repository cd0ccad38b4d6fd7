import CLibXML2
import LibXML2Nodes

/// Why a page could not be read as HTML.
public enum HTMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxml2 gave no document at all (it recovers from almost anything, so this is rare).
    case unparsable(String)
    /// The page's bytes are in a character encoding that cannot be decoded here (what it is, in words).
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .unparsable(let d): return d
        case .unsupportedEncoding(let d): return "unsupported text encoding: \(d)"
        }
    }
}

/// The only place that touches libxml2: bytes → `HTMLNode` tree. The document libxml2 builds is
/// copied into Swift values and freed before `parse` returns.
///
/// The page is parsed by libxml2's HTML parser with error recovery, without network access and
/// without its error reports. It is first converted from its charset (see `HTMLCharset`) to UTF-8
/// with iconv, undecodable bytes replaced (`Transcoder`); libxml2 is told UTF-8 and ignores the
/// page's own `<meta charset>` (`HTML_PARSE_IGNORE_ENC`).
enum LibXML2Parser {
    /// libxml2 wants `xmlInitParser` once before use from several threads.
    private static let initialised: Void = { xmlInitParser() }()

    /// The page without the internal subset of its `<!DOCTYPE …[ … ]>` (entity declarations, an
    /// XHTML habit). libxml2's HTML parser does not know the subset: it ends the doctype at the
    /// first `>` and reads the declarations as body text, which then passed for the page's first
    /// line — the agency's name. HTML gives the subset no meaning, so it is cut out.
    static func withoutDoctypeSubset(_ page: [UInt8]) -> [UInt8] {
        let lowered = page.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        // Only a doctype before any element counts (what precedes it: `<?xml …?>`, comments).
        guard let start = lowered.firstRange(of: Array("<!doctype".utf8))?.lowerBound,
              !zip(lowered[..<start], lowered[..<start].dropFirst()).contains(where: { $0 == UInt8(ascii: "<") && $1 != UInt8(ascii: "!") && $1 != UInt8(ascii: "?") })
        else { return page }
        var i = start + 9
        while i < page.count, page[i] != UInt8(ascii: ">"), page[i] != UInt8(ascii: "[") { i += 1 }
        guard i < page.count, page[i] == UInt8(ascii: "[") else { return page }
        let open = i
        var quote: UInt8?
        i += 1
        while i < page.count {
            let b = page[i]
            if let q = quote { if b == q { quote = nil } }
            else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b }
            else if b == UInt8(ascii: "]") {
                var j = i + 1
                while j < page.count, [0x20, 0x09, 0x0A, 0x0D].contains(page[j]) { j += 1 }
                if j < page.count, page[j] == UInt8(ascii: ">") { return Array(page[..<open]) + Array(page[j...]) }
            }
            i += 1
        }
        return page
    }

    static func parse(_ bytes: [UInt8]) throws(HTMLError) -> HTMLElement {
        _ = initialised
        let charset = HTMLCharset.detect(bytes)
        let body = bytes.dropFirst(charset.bomLength)
        guard !body.isEmpty else { return HTMLElement(name: "html") }
        guard body.count < Int(Int32.max) / 2 else { throw .unparsable("page too large (\(body.count) bytes)") }

        // libxml2 gets clean UTF-8 (see `Transcoder`). A page in a charset iconv does not know
        // is read as UTF-8 only if its bytes are UTF-8 (ASCII pages with an odd label); anything
        // else would come out as mojibake, so it is refused with the label it declares.
        if charset.source == "content", let guess = HTMLCharset.wideEncodingWithoutBOM(body) {
            throw .unsupportedEncoding("the page looks like \(guess) without a byte-order mark")
        }
        var input: [UInt8]
        if let utf8 = Transcoder.utf8(body, from: charset.name) {
            input = utf8
        } else if HTMLCharset.isValidUTF8(body) {
            input = Array(body)
        } else {
            throw .unsupportedEncoding("the page declares charset \"\(charset.name)\", which this build cannot decode")
        }
        // libxml2 treats NUL as the end of the page: drop them (they stand for nothing in HTML).
        if input.contains(0) { input.removeAll { $0 == 0 } }
        input = withoutDoctypeSubset(input)
        let encoding: String? = "UTF-8"
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        // Errors libxml2 raises outside the parser context: keep them off stderr like the parser's own.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let doc: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), "", encoding, Int32(bitPattern: options))
            }
        }
        guard let doc else { throw .unparsable("libxml2 could not build a document") }
        defer { xmlFreeDoc(doc) }
        var root = HTMLElement(name: "#document")
        root.children = convert(children: doc.pointee.children)
        // The document node holds the DTD and <html>; callers want <html>.
        if let html = root.elementChildren.first(where: { $0.name == "html" }) { return html }
        return HTMLElement(name: "html", children: root.children)
    }

    private static let skipped: Set<String> = ["script", "style", "noscript", "template"]

    private static func convert(children first: xmlNodePtr?) -> [HTMLNode] {
        var out: [HTMLNode] = []
        var node = first
        while let n = node {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                let name = string(n.pointee.name).lowercased()
                if !skipped.contains(name) {
                    out.append(.element(HTMLElement(name: name, attributes: attributes(of: n), children: convert(children: n.pointee.children))))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content {
                    let text = String(cString: content)
                    // Adjacent text nodes (split by an entity) read as one.
                    if case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + text) } else { out.append(.text(text)) }
                }
            case XML_ENTITY_REF_NODE:
                out.append(contentsOf: convert(children: n.pointee.children))
            default:
                break  // comments, processing instructions, DTD
            }
            node = n.pointee.next
        }
        return out
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        LibXML2Node.attributes(of: node, lowercasingNames: true)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String { LibXML2Node.string(p) }
}
