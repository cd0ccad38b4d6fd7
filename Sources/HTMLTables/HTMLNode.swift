/// A parsed HTML tree as plain Swift values, copied out of libxml2's tree (so no C pointer outlives
/// `LibXML2Parser.parse`). Element and attribute names are lower case; entities are decoded
/// (`&nbsp;` is U+00A0). Comments, processing instructions, `<script>` and `<style>` are dropped.
public enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)
}

public struct HTMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [HTMLNode]

    public init(name: String, attributes: [String: String] = [:], children: [HTMLNode] = []) {
        self.name = name; self.attributes = attributes; self.children = children
    }

    /// Element children, in document order.
    public var elementChildren: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first descendant element named `name` (depth first, document order).
    public func first(named name: String) -> HTMLElement? {
        for child in elementChildren {
            if child.name == name { return child }
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// Whether any descendant element is named `name`.
    public func contains(named name: String) -> Bool { first(named: name) != nil }

    /// All text below this element, unprocessed.
    public var rawText: String {
        var out = ""
        func walk(_ nodes: [HTMLNode]) {
            for n in nodes {
                switch n {
                case .text(let t): out += t
                case .element(let e): walk(e.children)
                }
            }
        }
        walk(children)
        return out
    }
}
