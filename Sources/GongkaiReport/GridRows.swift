import PageGeometry
import TableLayout

/// A grid cell with its label key computed once (label matching looks at every cell many times).
struct KeyedCell {
    let cell: GridCell
    let key: LabelKey

    var text: String { cell.text }
    var box: Rect { cell.box }
    var row: Int { cell.row }
    var lastRow: Int { cell.lastRow }
}

/// A grid whose cells carry their label keys.
struct KeyedGrid {
    let grid: CellGrid
    let cells: [KeyedCell]
    /// The grid's index among the document's grids (`CellRef.grid`).
    let index: Int

    init(_ grid: CellGrid, index: Int = 0) {
        self.grid = grid
        self.index = index
        self.cells = grid.cells.map { KeyedCell(cell: $0, key: LabelText.labelKey($0.text)) }
    }

    /// Where `cell` of this grid sits, for a value's provenance.
    func ref(_ cell: KeyedCell) -> CellRef { CellRef(grid: index, cell: cell.cell) }

    var page: Int { grid.page }
    var rowCount: Int { grid.rowCount }

    /// Cells that cover grid row `r`, left to right (merged cells included).
    func cells(inRow r: Int) -> [KeyedCell] {
        cells.filter { $0.cell.covers(row: r) }.sorted { $0.cell.column < $1.cell.column }
    }

    /// Every label key in the grid joined, for quick "does this table mention X" tests.
    var allText: LabelKey { LabelKey(scalars: cells.flatMap(\.key.scalars)) }
}

/// One grid row of one table, with the cells that cover it, left to right.
struct GridRow {
    let grid: KeyedGrid
    let index: Int
    let cells: [KeyedCell]

    var page: Int { grid.page }
    var box: Rect {
        let g = grid.grid
        return Rect(x0: g.columnEdges.first ?? 0, y0: g.rowEdges[index], x1: g.columnEdges.last ?? 0, y1: g.rowEdges[index + 1])
    }

    static func rows(of grids: [KeyedGrid]) -> [GridRow] {
        grids.flatMap { g in (0..<g.rowCount).map { GridRow(grid: g, index: $0, cells: g.cells(inRow: $0)) } }
    }
}

/// Picks, among `candidates`, the cell that sits under `header` horizontally (largest overlap,
/// at least half of the narrower of the two).
func cellUnder(_ header: Rect, among candidates: [KeyedCell]) -> KeyedCell? {
    var best: KeyedCell?
    var bestOverlap = 0.0
    for c in candidates {
        let o = c.box.horizontalOverlap(header)
        if o > bestOverlap { best = c; bestOverlap = o }
    }
    guard let best, bestOverlap >= 0.5 * min(best.box.width, header.width) else { return nil }
    return best
}
