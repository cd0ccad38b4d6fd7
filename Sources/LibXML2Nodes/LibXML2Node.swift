import CLibXML2

/// What the web-page and Word readers copy out of a libxml2 node, written once so that both read
/// names and attributes alike (each reader still owns its own parser pointers).
public enum LibXML2Node {
    /// A libxml2 string (UTF-8), or "" for none.
    public static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    /// The node's attributes; the first of a repeated name wins, as in browsers. HTML names are
    /// case-insensitive (`lowercasingNames`), XML names are not.
    public static func attributes(of node: xmlNodePtr, lowercasingNames: Bool) -> [String: String] {
        var out: [String: String] = [:]
        var attr = node.pointee.properties
        while let a = attr {
            let raw = string(a.pointee.name)
            let name = lowercasingNames ? raw.lowercased() : raw
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            if out[name] == nil { out[name] = value }
            attr = a.pointee.next
        }
        return out
    }
}
