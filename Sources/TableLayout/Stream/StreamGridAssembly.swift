import PageGeometry

/// Stage 7 of the stream builder — grid: rows without text dropped, row edges midway between the
/// rows' extents (snapped to rules lying between them), and one cell per placed text, empty cells
/// for the columns no text covers.
struct StreamGridAssembly {
    let table: StreamTable
    let columns: StreamColumnEdges

    func grid(rows gridRows: [StreamGridRow], pieces allPieces: [[StreamPiece]], page: Int) -> CellGrid {
        var keep = gridRows.indices.filter { !allPieces[$0].isEmpty }
        if keep.isEmpty { keep = Array(gridRows.indices) }
        let rows = keep.map { gridRows[$0] }
        let pieces = keep.map { allPieces[$0] }
        let rowEdges = self.rowEdges(rows)
        let edges = columns.edges, columnCount = columns.columnCount
        var cells: [GridCell] = []
        for (r, row) in pieces.enumerated() {
            var covered = [Bool](repeating: false, count: columnCount)
            for p in row {
                for c in p.range { covered[c] = true }
                cells.append(GridCell(row: r, column: p.range.lowerBound, rowSpan: 1, columnSpan: p.range.count,
                                      box: Rect(x0: edges[p.range.lowerBound], y0: rowEdges[r], x1: edges[p.range.upperBound + 1], y1: rowEdges[r + 1]),
                                      text: p.text))
            }
            for c in 0..<columnCount where !covered[c] {
                cells.append(GridCell(row: r, column: c, box: Rect(x0: edges[c], y0: rowEdges[r], x1: edges[c + 1], y1: rowEdges[r + 1]), text: ""))
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return CellGrid(page: page, rowEdges: rowEdges, columnEdges: edges, cells: cells, method: .stream)
    }

    /// Row edges from the lines' extents, snapped to rules lying between them (1 pt slack); each
    /// edge at least 0.1 pt below the last.
    func rowEdges(_ rows: [StreamGridRow]) -> [Double] {
        let lines = table.lines
        let extents: [(Double, Double)] = rows.map { row in
            let boxes = row.lines.map { lines[$0].box }
            return (boxes.map(\.y0).min()!, boxes.map(\.y1).max()!)
        }
        var rowEdges = [extents[0].0 - 1]
        for i in 1..<extents.count {
            let lo = extents[i - 1].1, hi = extents[i].0
            var edge = (lo + hi) / 2
            if let rule = table.ruleYs.filter({ $0 >= Swift.min(lo, hi) - 1 && $0 <= Swift.max(lo, hi) + 1 }).min(by: { abs($0 - edge) < abs($1 - edge) }) { edge = rule }
            rowEdges.append(Swift.max(edge, rowEdges.last! + 0.1))
        }
        rowEdges.append(Swift.max(extents.last!.1 + 1, rowEdges.last! + 0.1))
        return rowEdges
    }
}
