import PageGeometry
import TableLayout

/// One grid row of one table, with the cells that cover it (merged cells included), left to right.
struct GridRow {
    let grid: CellGrid
    let index: Int
    let cells: [GridCell]

    var page: Int { grid.page }
    var box: Rect { Rect(x0: grid.columnEdges.first ?? 0, y0: grid.rowEdges[index], x1: grid.columnEdges.last ?? 0, y1: grid.rowEdges[index + 1]) }

    /// Cells that start in this row (a merged cell is read once, in its first row).
    var ownCells: [GridCell] { cells.filter { $0.row == index } }

    static func rows(of grids: [CellGrid]) -> [GridRow] {
        grids.flatMap { g in (0..<g.rowCount).map { GridRow(grid: g, index: $0, cells: g.cells(inRow: $0)) } }
    }
}

extension GridCell {
    var labelKey: String { LabelText.key(text) }
}

/// Picks, among `candidates`, the cell that sits under `header` horizontally (largest overlap,
/// at least half of the narrower of the two).
func cellUnder(_ header: Rect, among candidates: [GridCell]) -> GridCell? {
    var best: GridCell?
    var bestOverlap = 0.0
    for c in candidates {
        let o = c.box.horizontalOverlap(header)
        if o > bestOverlap { best = c; bestOverlap = o }
    }
    guard let best, bestOverlap >= 0.5 * min(best.box.width, header.width) else { return nil }
    return best
}
