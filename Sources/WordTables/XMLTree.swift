import CLibXML2
import LibXML2Nodes

/// An XML part of an Office document as plain Swift values, copied out of libxml2's tree so that
/// no C pointer outlives `XMLTree.parse`. Names are local names (`tbl`, not `w:tbl`) with the
/// namespace URI beside them, since documents may bind any prefix to a namespace.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// Attributes by local name (the first of equal local names wins).
    public var attributes: [String: String]
    public var children: [XMLNode]

    public init(name: String, namespace: String = "", attributes: [String: String] = [:], children: [XMLNode] = []) {
        self.name = name; self.namespace = namespace; self.attributes = attributes; self.children = children
    }

    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> XMLElement? { elements.first { $0.name == name } }

    /// The first descendant named `name`, depth first.
    public func first(named name: String) -> XMLElement? {
        for e in elements {
            if e.name == name { return e }
            if let found = e.first(named: name) { return found }
        }
        return nil
    }

    /// The element's own text nodes, joined (`<dc:title>…</dc:title>`).
    public var ownText: String {
        children.reduce(into: "") { out, node in if case .text(let t) = node { out += t } }
    }

    /// The `val` attribute of child `name` (`<w:gridSpan w:val="3"/>`).
    public func value(of name: String) -> String? { child(name)?.attributes["val"] }
}

public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// The only place WordTables touches libxml2: bytes of an XML part → `XMLElement`.
///
/// Parsed without network access, without entity substitution (no external entities), within
/// libxml2's default limits (nesting depth, text node size: hostile parts stay bounded, and the
/// copy below recurses no deeper than the parser nests), with error recovery so that a slightly
/// broken part still gives its tables.
enum XMLTree {
    private static let initialised: Void = { xmlInitParser() }()

    static func parse(_ bytes: [UInt8]) -> XMLElement? {
        _ = initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "", nil, Int32(bitPattern: options))
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return element(root)
    }

    private static func element(_ n: xmlNodePtr) -> XMLElement {
        XMLElement(name: string(n.pointee.name), namespace: string(n.pointee.ns?.pointee.href),
                   attributes: attributes(of: n), children: children(of: n.pointee.children))
    }

    private static func children(of first: xmlNodePtr?) -> [XMLNode] {
        var out: [XMLNode] = []
        var node = first
        while let n = node {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                out.append(.element(element(n)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out.append(.text(String(cString: content))) }
            default:
                // Entity references (only a DTD can declare them, and Office parts have none) are
                // not followed: nested ones would expand exponentially. Comments, PIs likewise skipped.
                break
            }
            node = n.pointee.next
        }
        return out
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        LibXML2Node.attributes(of: node, lowercasingNames: false)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String { LibXML2Node.string(p) }
}
