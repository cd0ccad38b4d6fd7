import PageGeometry

/// Stage 7 of the stream builder — grid: rows without text dropped, row edges midway between the
/// rows' extents (snapped to rules lying between them), and one cell per placed text laid by the
/// shared `GridAssembler` (empty cells for the columns no text covers).
struct StreamGridAssembly {
    let table: StreamTable
    let columns: StreamColumnEdges

    func grid(rows gridRows: [StreamGridRow], pieces allPieces: [[StreamPiece]], page: Int) -> CellGrid {
        var keep = gridRows.indices.filter { !allPieces[$0].isEmpty }
        if keep.isEmpty { keep = Array(gridRows.indices) }
        let rows = keep.map { gridRows[$0] }
        let pieces = keep.map { allPieces[$0] }
        var cells = GridAssembler(rowEdges: rowEdges(rows), columnEdges: columns.edges, page: page, source: .page)
        for (r, row) in pieces.enumerated() {
            for p in row { cells.add(rows: r...r, columns: p.range, text: p.text) }
        }
        return cells.build()
    }

    /// Row edges from the lines' extents, snapped to rules lying between them (`StreamTable.rulesInGap`); each
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
            if let rule = table.rulesInGap(lo, hi).min(by: { abs($0 - edge) < abs($1 - edge) }) { edge = rule }
            rowEdges.append(Swift.max(edge, rowEdges.last! + 0.1))
        }
        rowEdges.append(Swift.max(extents.last!.1 + 1, rowEdges.last! + 0.1))
        return rowEdges
    }
}
