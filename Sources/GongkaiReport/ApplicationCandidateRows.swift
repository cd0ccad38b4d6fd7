import PageGeometry
import TableLayout

/// A data row of table 三 as found in a grid, before it is matched to a template row.
struct CandidateRow {
    let row: GridRow
    /// Its label cells' keys, outer group first.
    var label: [LabelKey]
    /// Its cells right of the label area.
    let values: [KeyedCell]
    /// The applicant columns as they stand in the row's grid.
    let columns: [(ReportTemplates.ApplicantColumn, Rect)]
    /// The row's own numbering (`（七）`, `3.`), when a label cell has one.
    let numbering: String?

    var labelText: String { label.map(\.string).joined(separator: " / ") }
}

extension ApplicationsReader {
    /// Data rows: every row below the header in the first grid, all rows of continuation grids.
    func candidateRows(_ grids: [KeyedGrid], header: [(column: ReportTemplates.ApplicantColumn, box: Rect)]) -> [CandidateRow] {
        let labelRight = header.map(\.box.x0).min() ?? 0
        var candidates: [CandidateRow] = []
        for (gi, grid) in grids.enumerated() {
            var columns = header.map { ($0.column, $0.box) }
            var right = labelRight
            // Rows below this grid's own header: a continuation that repeats the header (a table
            // cut by a page break) skips it; one that does not starts with data.
            var headerBottom = header.map(\.box.y1).max() ?? 0
            if gi > 0, let own = headerColumns(grid) {
                columns = own.map { ($0.column, $0.box) }
                right = own.map(\.box.x0).min() ?? right
                headerBottom = own.map(\.box.y1).max() ?? headerBottom
            } else if gi > 0 {
                (columns, right) = continuationColumns(grid, header: header, labelRight: labelRight)
                headerBottom = -Double.infinity
            }
            let tolerance = min(1, 0.25 * Self.medianRowHeight(grid.grid))
            for r in 0..<grid.rowCount where grid.grid.rowEdges[r] >= headerBottom - tolerance {
                let row = GridRow(grid: grid, index: r, cells: grid.cells(inRow: r))
                addCandidate(row, isContinuation: gi > 0, headerBottom: headerBottom, labelRight: right, columns: columns, to: &candidates)
            }
        }
        return candidates
    }

    /// Adds `row` as a candidate, or as the end of the last candidate's label, or not at all.
    private func addCandidate(_ row: GridRow, isContinuation: Bool, headerBottom: Double, labelRight right: Double,
                              columns: [(ReportTemplates.ApplicantColumn, Rect)], to candidates: inout [CandidateRow]) {
        let r = row.index, grid = row.grid
        let labelCells = row.cells.filter { $0.box.midX < right }
        var label: [LabelKey] = []
        for key in labelCells.map(Self.ownLabelKey) where !key.isEmpty && key != label.last { label.append(key) }
        guard !label.isEmpty else { return }
        let values = row.cells.filter { $0.box.midX >= right }
        // Only group labels running on from above and nothing written: the sliver of a row
        // cut by a page break, not a row.
        if !labelCells.contains(where: { $0.row == r && !$0.key.isEmpty }), values.allSatisfy({ $0.row != r || $0.text.isEmpty }) { return }
        // The rest of the last row's label carried over a page break (`5、要求行政机关确` |
        // `认或重新出具已获取信息`): the first row of a continuation, with nothing written in
        // its value cells, finishes the label of the row before the break.
        if isContinuation, r == firstDataRow(of: grid, below: headerBottom), values.allSatisfy({ $0.text.isEmpty }),
           labelCells.allSatisfy({ LabelText.numbering($0.text) == nil }), let last = candidates.indices.last,
           candidates[last].row.grid.index != grid.index, let tail = label.last {
            let joined = LabelKey(scalars: (candidates[last].label.last?.scalars ?? []) + tail.scalars)
            candidates[last].label[candidates[last].label.count - 1] = joined
            return
        }
        let numbering = labelCells.reversed().lazy.compactMap { LabelText.numbering($0.text) }.first
        candidates.append(CandidateRow(row: row, label: label, values: values, columns: columns, numbering: numbering))
    }
}
