import PageGeometry

/// The last stage of every builder that rebuilds a table from text alignment (the stream builder
/// for PDF text, the layout-text builder, pipe tables): a `CellGrid` from cells given as row and
/// column ranges on known edges, the way the lattice extractor's grids look — every grid position
/// covered by exactly one cell.
///
/// Cells are placed in the order given; a cell whose rectangle is partly taken shrinks to the free
/// part that holds its top-left corner; a cell whose top-left corner is taken gives its text to the
/// cell there (text is never dropped). Positions left over become empty cells.
public struct GridAssembler: Sendable {
    /// Where the edges come from, which decides what the grid records about its source.
    public enum Source: Sendable {
        /// PDF text (edges in points): no text positions; an empty cell is a blank the page shows.
        case page
        /// Text inputs (x a column of the line, y the line number): each cell records where it
        /// starts in the source (`--provenance`), and an empty cell may be a value the converter lost.
        case text
    }

    struct Proto {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
        var text: String
    }

    public let rowEdges: [Double]
    public let columnEdges: [Double]
    public var page: Int
    public let source: Source
    private(set) var protos: [Proto] = []

    public init(rowEdges: [Double], columnEdges: [Double], page: Int = 1, source: Source) {
        self.rowEdges = rowEdges; self.columnEdges = columnEdges; self.page = page; self.source = source
    }

    public var rowCount: Int { rowEdges.count - 1 }
    public var columnCount: Int { columnEdges.count - 1 }

    /// A cell over `rows` × `columns` (clamped to the grid; dropped when nothing is left).
    public mutating func add(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String) {
        let r0 = max(0, rows.lowerBound), r1 = min(rowCount - 1, rows.upperBound)
        let c0 = max(0, columns.lowerBound), c1 = min(columnCount - 1, columns.upperBound)
        guard r0 <= r1, c0 <= c1 else { return }
        protos.append(Proto(rows: r0...r1, columns: c0...c1, text: text))
    }

    /// Where a cell starts in a text source, for `--provenance`: the 1-based line (the grid's y)
    /// and the 1-based column where the cell's column begins — a character column for layout
    /// text, the pipe cell's number for markdown. Nil for a page.
    private func position(_ row: Int, _ column: Int) -> TextPosition? {
        guard source == .text else { return nil }
        return TextPosition(line: max(1, Int(rowEdges[row].rounded(.down))), column: max(1, Int(columnEdges[column].rounded(.down)) + 1))
    }

    public func build() -> CellGrid {
        let mayBeLost = source == .text
        guard rowCount > 0, columnCount > 0 else {
            return CellGrid(page: page, rowEdges: rowEdges, columnEdges: columnEdges, cells: [], method: .stream, blankCellsMayBeLost: mayBeLost)
        }
        var owner = [[Int]](repeating: [Int](repeating: -1, count: columnCount), count: rowCount)
        var cells: [GridCell] = []
        func box(_ rows: ClosedRange<Int>, _ cols: ClosedRange<Int>) -> Rect {
            Rect(x0: columnEdges[cols.lowerBound], y0: rowEdges[rows.lowerBound], x1: columnEdges[cols.upperBound + 1], y1: rowEdges[rows.upperBound + 1])
        }
        for p in protos {
            let r0 = p.rows.lowerBound, c0 = p.columns.lowerBound
            if owner[r0][c0] >= 0 {
                let i = owner[r0][c0]
                if !p.text.isEmpty { cells[i].text = cells[i].text.isEmpty ? p.text : cells[i].text + p.text }
                continue
            }
            // Widest free run of columns in the first row, then as many rows as stay free over it.
            var c1 = c0
            while c1 < p.columns.upperBound, owner[r0][c1 + 1] < 0 { c1 += 1 }
            var r1 = r0
            while r1 < p.rows.upperBound, (c0...c1).allSatisfy({ owner[r1 + 1][$0] < 0 }) { r1 += 1 }
            let index = cells.count
            for r in r0...r1 { for c in c0...c1 { owner[r][c] = index } }
            cells.append(GridCell(row: r0, column: c0, rowSpan: r1 - r0 + 1, columnSpan: c1 - c0 + 1, box: box(r0...r1, c0...c1), text: p.text,
                                  textPosition: position(r0, c0)))
        }
        for r in 0..<rowCount {
            for c in 0..<columnCount where owner[r][c] < 0 {
                owner[r][c] = cells.count
                cells.append(GridCell(row: r, column: c, box: box(r...r, c...c), text: "", textPosition: position(r, c)))
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return CellGrid(page: page, rowEdges: rowEdges, columnEdges: columnEdges, cells: cells, method: .stream, blankCellsMayBeLost: mayBeLost)
    }
}
