/// A value column's horizontal extent.
typealias ColumnExtent = (x0: Double, x1: Double)

/// Stage 3 of the stream builder — value columns: the numbers of a table's rows clustered by
/// their extents (widened by `streamColumnTolerance` ems), and the columns left blank in every row
/// that only their header texts name.
struct StreamValueColumns {
    let settings: LayoutSettings

    func columns(rows: [Int], lines: [StreamLine], em: Double, taken: Set<Int>, isRow: (StreamLine) -> Bool) -> [ColumnExtent] {
        let tol = settings.streamColumnTolerance * em
        var spans = rows.flatMap { lines[$0].segments.filter(\.isValue).map { ($0.box.x0 - tol, $0.box.x1 + tol) } }
        spans.sort { $0.0 < $1.0 }
        var columns: [ColumnExtent] = []
        for s in spans {
            if let last = columns.last, s.0 <= last.x1 {
                columns[columns.count - 1].x1 = max(last.x1, s.1)
            } else {
                columns.append((s.0, s.1))
            }
        }
        columns = columns.map { ($0.x0 + tol, $0.x1 - tol) }
        return columns + blankColumns(rightOf: columns, rows: rows, lines: lines, em: em, taken: taken, isRow: isRow)
    }

    /// Value columns left blank in every row (a 总计 column nobody filled in) have no numbers to
    /// cluster; the header texts standing right of the last value column, in the header lines just
    /// above the first row, still name them. Only texts no row reaches, and short as column names are.
    func blankColumns(rightOf valueColumns: [ColumnExtent], rows: [Int], lines: [StreamLine], em: Double, taken: Set<Int>,
                      isRow: (StreamLine) -> Bool) -> [ColumnExtent] {
        guard let last = valueColumns.last, let firstRow = rows.first else { return [] }
        let limit = last.x1 + settings.streamCellGap * em
        guard !rows.contains(where: { lines[$0].segments.contains { $0.box.x1 > limit } }) else { return [] }
        var extents: [ColumnExtent] = []
        var top = lines[firstRow].box.y0
        var j = firstRow - 1
        while j >= 0, !taken.contains(j), !isRow(lines[j]), top - lines[j].box.y1 <= settings.streamMaxHeaderGap * em {
            for s in lines[j].segments where !s.isValue && s.box.x0 > limit && s.text.count <= settings.streamMaxColumnNameLength {
                extents.append((s.box.x0, s.box.x1))
            }
            top = lines[j].box.y0
            j -= 1
        }
        var columns: [ColumnExtent] = []
        for e in extents.sorted(by: { $0.x0 < $1.x0 }) {
            if let l = columns.last, e.x0 <= l.x1 { columns[columns.count - 1].x1 = max(l.x1, e.x1) } else { columns.append(e) }
        }
        return columns
    }
}
