import PageGeometry

/// Builds tables from the alignment of text alone (tabula's and camelot's "stream" mode), for
/// tables drawn without ruling lines, with horizontal rules only, or whose ruled part leaves rows out.
///
/// A staged builder, each stage its own type under `Stream/`:
/// 1. lines (`StreamLineCutter`): text lines cut into segments at cell gaps; a line with numbers
///    (or the zero marks of `TableTokens`) in cells of their own is a row.
/// 2. rows (`StreamRowRegions`, `StreamBodyRows`): rows follow each other into one table until
///    the numbers stop lining up with the columns seen so far, or a gap of `streamMaxRowGap` opens;
///    lines between and just below them join; a lone row label that continues nothing and has no
///    numbers below it is a row of blank values.
/// 3. value columns (`StreamValueColumns`): the numbers of all rows, clustered by their extents,
///    and columns left blank in every row that only a header text names.
/// 4. header lines (`StreamHeaderLines`): the lines just above the first row that carry text over
///    the value columns.
/// 5. grid columns and header stack (`StreamColumnEdges`, `StreamHeaderStack`): label columns from
///    recurring left edges of label text; texts placed in columns, wrapped header lines joined.
/// 6. spans (`StreamHeaderSpans`): a header text over several columns (申请人情况, 行政诉讼) spans the
///    columns of the header texts beneath it on which it is centred.
/// 7. label attachment (`StreamLabelAttachment`): a label line joins the row across the smaller
///    gap in its own column (rules make a gap impassable), list numbering deciding equal gaps.
/// 8. grid (`StreamGridAssembly`, laying cells through `GridAssembler`, the grid stage shared with
///    layout text). Small tables with no number at all: `BlankTableFinder`.
///
/// Knows nothing of reports: it sees lines, gaps and numbers. Every tolerance is a `LayoutSettings`
/// value.
public struct StreamExtractor: Sendable {
    public var settings: LayoutSettings
    public init(settings: LayoutSettings = .init()) { self.settings = settings }

    /// The tables among `glyphs` (usually those no lattice table claimed) and the glyphs left
    /// outside them. `rules` are the page's horizontal ruling lines not part of a ruled table.
    public func extract(glyphs: [Glyph], rules: [RulingLine] = [], page: Int) -> (tables: [CellGrid], outside: [Glyph]) {
        guard settings.stream != .off, !glyphs.isEmpty else { return ([], glyphs) }
        let cutter = StreamLineCutter(settings: settings)
        let lines = cutter.lines(of: glyphs)
        let numeric = lines.indices.filter { cutter.isRow(lines[$0]) }
        // (A page without numbers can still hold a small table whose values are all blank.)
        let horizontal = rules.filter { $0.orientation == .horizontal }

        var tables: [CellGrid] = []
        var used = Set<Int>()
        for region in StreamRowRegions(settings: settings).regions(numeric, lines) {
            guard let (grid, members) = build(region, lines: lines, rules: horizontal, taken: used, page: page) else { continue }
            tables.append(grid)
            used.formUnion(members)
        }
        for (grid, members) in BlankTableFinder(settings: settings).tables(lines, taken: used, page: page) {
            tables.append(grid)
            used.formUnion(members)
        }
        tables.sort { $0.box.y0 < $1.box.y0 }
        guard !tables.isEmpty else { return ([], glyphs) }
        var claimed = Set<Glyph>()
        for i in used { for g in lines[i].glyphs { claimed.insert(g) } }
        return (tables, glyphs.filter { !$0.isWhitespace && !claimed.contains($0) })
    }

    /// One table from its rows of numbers, through the stages. Returns the grid and the indices
    /// of the lines it took.
    func build(_ rows: [Int], lines: [StreamLine], rules: [RulingLine], taken: Set<Int>, page: Int) -> (CellGrid, Set<Int>)? {
        guard let table = StreamTable(rows: rows, lines: lines, rules: rules, taken: taken, settings: settings) else { return nil }
        var (members, bodyRows) = StreamBodyRows.between(table)
        bodyRows.below(&members)
        StreamHeaderLines(rows: bodyRows).collect(into: &members)
        let valueCount = rows.reduce(0) { $0 + table.lines[$1].valueCount }
        guard rows.count >= 2 || valueCount >= 4 || !members.header.isEmpty else { return nil }
        let attached = StreamLabelAttachment(table, body: members.body).attach(&members)
        let columns = StreamColumnEdges(table, taken: members, attached: attached)

        // Rows of the grid: header lines, then the table's own rows with their label lines.
        var gridRows: [StreamGridRow] = members.header.map { StreamGridRow(lines: [$0], isHeader: true) }
        for r in members.ownRows.sorted() { gridRows.append(StreamGridRow(lines: [r] + (attached[r] ?? []).sorted(), isHeader: false)) }
        let headerCount = members.header.count
        let stack = StreamHeaderStack(table: table, columns: columns)
        var pieces = stack.pieces(gridRows)
        stack.joinWrapped(&pieces, rows: gridRows, headerCount: headerCount)
        stack.mergeRows(&pieces, headerCount: headerCount)
        let spans = StreamHeaderSpans(table: table, columns: columns)
        spans.spanMergedHeaders(&pieces, rows: gridRows, headerCount: headerCount)
        spans.resolveOverlaps(&pieces)
        spans.spanLoneValueHeaders(&pieces, headerCount: headerCount)
        let grid = StreamGridAssembly(table: table, columns: columns).grid(rows: gridRows, pieces: pieces, page: page)
        return (grid, members.members)
    }
}
