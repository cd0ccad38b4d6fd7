import TableLayout

/// Text of HTML content as a reader sees it: element boundaries that break a line (`<br>`, `<p>`,
/// `<div>` inside a cell) are whitespace, and whitespace collapses by `MarkupText`'s rule.
public enum HTMLText {
    /// Elements whose start or end breaks the text (block-level and line-breaking elements).
    static let breaking: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ]

    /// All text below `element`, collapsed.
    public static func text(of element: HTMLElement) -> String {
        var raw = ""
        appendRaw(element.children, to: &raw)
        return collapse(raw)
    }

    /// Raw text with a space wherever an element breaks the line.
    static func appendRaw(_ nodes: [HTMLNode], to raw: inout String) {
        for node in nodes {
            switch node {
            case .text(let t): raw += t
            case .element(let e):
                let breaks = breaking.contains(e.name)
                if breaks { raw += " " }
                appendRaw(e.children, to: &raw)
                if breaks { raw += " " }
            }
        }
    }

    /// Collapses whitespace and trims (the rule of `MarkupText`, shared with Word documents).
    public static func collapse(_ s: String) -> String { MarkupText.collapse(s) }
}
