/// Text of HTML content as a reader sees it.
///
/// Whitespace runs — spaces, newlines, `&nbsp;` (U+00A0), ideographic spaces — and element
/// boundaries that break a line (`<br>`, `<p>`, `<div>` inside a cell) collapse to one space,
/// which is kept only between two ASCII characters: Chinese is written without spaces, so
/// 「本年新<br/>制作数量」 reads 本年新制作数量 and 「社会公益\n    组织」 reads 社会公益组织, while
/// `12<br>34` stays `12 34` (and is then not read as one number). Zero-width characters and soft
/// hyphens are dropped.
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

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF || v == 0xAD
    }

    /// Collapses whitespace as described above and trims.
    public static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var last: Unicode.Scalar?
        for u in s.unicodeScalars {
            let v = u.value
            if isInvisible(v) { continue }
            if isSpace(v) { pendingSpace = true; continue }
            if pendingSpace, let l = last, l.isASCII, u.isASCII { out.append(" ") }
            pendingSpace = false
            out.append(u)
            last = u
        }
        return String(out)
    }
}
