import TableLayout

/// Text of WordprocessingML content as a reader sees it.
///
/// Only `w:t` holds text (whitespace between elements is markup layout); `w:tab` and `w:br`/`w:cr`
/// are whitespace, `w:noBreakHyphen` a hyphen; paragraph ends break the line; hidden runs
/// (`w:vanish`) are not read; deleted text
/// (`w:delText`) and field codes (`w:instrText`) are not text, having their own element names.
/// Text boxes (`w:txbxContent` inside a run's drawing) are read where they are anchored, and
/// `mc:Fallback` — the same content again for older readers — is skipped so it is not read twice.
/// Whitespace collapses by `MarkupText`'s rule, as in web pages.
enum WordText {
    /// Elements that hold no visible text of their own: properties (whose `w:tab`s are tab stops),
    /// the compatibility copy of content, and tracked deletions and moves away.
    static let skipped: Set<String> = ["pPr", "rPr", "tblPr", "tcPr", "trPr", "sectPr", "tblGrid", "tblPrEx", "Fallback", "del", "moveFrom"]

    /// All text below `element`, collapsed.
    static func text(of element: XMLElement) -> String {
        var raw = ""
        appendRaw(element.children, to: &raw)
        return MarkupText.collapse(raw)
    }

    /// Whether a run is hidden text (`w:vanish`), which Word neither shows nor prints.
    static func isHidden(_ run: XMLElement) -> Bool {
        guard let vanish = run.child("rPr")?.child("vanish") else { return false }
        return !["0", "false", "off"].contains(vanish.attributes["val"] ?? "true")
    }

    /// Raw text of `nodes`, a space wherever the line breaks.
    static func appendRaw(_ nodes: [XMLNode], to raw: inout String) {
        for case .element(let e) in nodes {
            switch e.name {
            case "t":
                for case .text(let t) in e.children { raw += t }
            case "tab", "ptab", "br", "cr":
                raw += " "
            case "noBreakHyphen":
                raw += "-"
            case "r" where isHidden(e):
                continue
            case "p":
                raw += " "
                appendRaw(e.children, to: &raw)
                raw += " "
            default:
                if !skipped.contains(e.name) { appendRaw(e.children, to: &raw) }
            }
        }
    }
}
