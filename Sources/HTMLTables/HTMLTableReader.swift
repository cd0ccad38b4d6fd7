import TableLayout

/// A web page → `TableDocument`: its `<table>`s as grids in document order, the lines of text before
/// the first table (title search), all its text, and `<title>`.
///
/// Tables that contain other tables are page layout (site templates wrap articles in them): they
/// are not grids themselves, the tables inside them are. A grid's `page` is its 1-based number
/// among the page's grids, so warnings and `--provenance` say "page N" for table N; a cell's box is
/// in synthetic coordinates (see `HTMLTableLayout`): y0 / `rowHeight` is the `<tr>` index in its
/// table, and `GridCell.row`/`column` are its grid row and HTML column slot.
public struct HTMLTableReader: Sendable {
    public typealias Settings = MarkupGridSettings

    public var settings: Settings
    public init(settings: Settings = .init()) { self.settings = settings }

    public func read(bytes: [UInt8]) throws(HTMLError) -> TableDocument {
        let html = try LibXML2Parser.parse(bytes)
        return read(html: html)
    }

    /// Same as `read(bytes:)` for a page already parsed.
    public func read(html: HTMLElement) -> TableDocument {
        var walker = Walker(layout: HTMLTableLayout(columnWidth: settings.columnWidth, rowHeight: settings.rowHeight))
        let head = html.elementChildren.first { $0.name == "head" }
        let title = (head?.first(named: "title") ?? html.first(named: "title")).map(HTMLText.text(of:)).flatMap { $0.isEmpty ? nil : $0 }
        for child in html.children {
            if case .element(let e) = child, e.name == "head" { continue }
            walker.walk(child)
        }
        walker.flush()
        let leading = Array(walker.lines[..<(walker.linesBeforeFirstTable ?? walker.lines.count)].prefix(settings.maxLeadingLines))
        return TableDocument(
            pages: 1,
            grids: walker.grids,
            leadingLines: leading,
            fullText: walker.lines.map(\.text).joined(separator: "\n"),
            metadataTitle: title
        )
    }

    /// Walks the body in document order, cutting text into lines at block boundaries and turning
    /// each innermost table into a grid.
    private struct Walker {
        let layout: HTMLTableLayout
        var grids: [CellGrid] = []
        var lines: [TableDocument.Line] = []
        var linesBeforeFirstTable: Int?
        private var raw = ""
        private var height = 10.0

        init(layout: HTMLTableLayout) { self.layout = layout }

        /// Headings read as larger type, so `TitleReader` can prefer them; other text is 10.
        static let headingHeights: [String: Double] = ["h1": 24, "h2": 20, "h3": 18, "h4": 16, "h5": 14, "h6": 12]

        mutating func walk(_ node: HTMLNode) {
            switch node {
            case .text(let t):
                raw += t
            case .element(let e):
                if e.name == "table", !e.contains(named: "table") {
                    flush()
                    if linesBeforeFirstTable == nil { linesBeforeFirstTable = lines.count }
                    if let grid = layout.grid(of: e, index: grids.count + 1) {
                        grids.append(grid)
                        // The table's text, one line per grid row, for fullText.
                        for r in 0..<grid.rowCount {
                            let text = grid.cells.filter { $0.row == r && !$0.text.isEmpty }.map(\.text).joined(separator: " ")
                            if !text.isEmpty { lines.append(.init(text: text, height: 10)) }
                        }
                    }
                    return
                }
                let breaks = HTMLText.breaking.contains(e.name)
                if breaks { flush() }
                let outer = height
                if let h = Self.headingHeights[e.name] { height = max(height, h) }
                for child in e.children { walk(child) }
                if breaks { flush() }
                height = outer
            }
        }

        mutating func flush() {
            let text = HTMLText.collapse(raw)
            if !text.isEmpty { lines.append(.init(text: text, height: height)) }
            raw = ""
        }
    }
}
