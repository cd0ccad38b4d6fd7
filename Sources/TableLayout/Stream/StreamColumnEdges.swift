/// Stage 5a of the stream builder — the grid's columns: label columns from recurring left edges of
/// label text that stand beside other label text in some row (group labels, row labels), then
/// the value columns, each boundary midway between neighbours.
struct StreamColumnEdges {
    let grid: ColumnEdges
    var edges: [Double] { grid.edges }
    /// Columns left of the first value column.
    let labelColumnCount: Int
    var columnCount: Int { edges.count - 1 }

    init(_ t: StreamTable, taken: StreamTableLines, attached: [Int: [Int]]) {
        let lines = t.lines, em = t.em, s = t.settings, valueLeft = t.valueLeft
        let inset = s.streamEdgeInset * em, minWidth = s.streamMinLabelColumnWidth * em
        let labelLines = (t.rows + taken.body).map { lines[$0] }
        let labelSegments = labelLines.flatMap { $0.segments.filter { !$0.isValue && $0.box.x1 <= t.labelLimit } }
        let starts = Self.labelStarts(labelSegments, t, attached: attached)
        let allSegments = (taken.header + t.rows + taken.body).flatMap { lines[$0].segments }
        let left = min(allSegments.map(\.box.x0).min() ?? valueLeft, valueLeft) - 0.5
        let right = max(allSegments.map(\.box.x1).max() ?? valueLeft, t.valueColumns.last!.x1) + 0.5
        var edges = [left]
        for start in starts.dropFirst() where start - inset > (edges.last ?? left) + minWidth { edges.append(start - inset) }
        let labelEnd = labelSegments.map(\.box.x1).filter { $0 < valueLeft }.max()
        if !labelSegments.isEmpty || starts.count > 0 {
            let divide = labelEnd.map { ($0 + valueLeft) / 2 } ?? valueLeft - inset
            if divide > (edges.last ?? left) + minWidth { edges.append(min(divide, valueLeft - 0.1)) }
        }
        let columns = t.valueColumns
        for i in 1..<columns.count { edges.append((columns[i - 1].x1 + columns[i].x0) / 2) }
        edges.append(right)
        grid = ColumnEdges(edges)
        labelColumnCount = edges.filter { $0 < valueLeft }.count - 1
    }

    /// Where label columns start: left edges of label text that recur (the first always counts)
    /// and stand beside other label text in one row (its own line or the label lines joined to it).
    static func labelStarts(_ labelSegments: [StreamSegment], _ t: StreamTable, attached: [Int: [Int]]) -> [Double] {
        let lines = t.lines
        let align = t.settings.streamLabelAlignTolerance * t.em, inset = t.settings.streamEdgeInset * t.em
        let rowTexts: [[StreamSegment]] = t.rows.map { r in ([r] + (attached[r] ?? [])).flatMap { lines[$0].segments.filter { !$0.isValue } } }
        let starts = Snapping.cluster(labelSegments.map(\.box.x0), tolerance: align)
        return starts.enumerated().filter { idx, s in
            if idx == 0 { return true }
            let members = labelSegments.filter { abs($0.box.x0 - s) <= align }
            guard members.count >= 2 else { return false }
            return rowTexts.contains { segs in
                segs.contains { abs($0.box.x0 - s) <= align } && segs.contains { $0.box.x1 < s - inset }
            }
        }.map(\.1)
    }

    /// The column a position falls in (clamped to the grid).
    func slot(of x: Double) -> Int { grid.column(of: x) }

    /// The columns whose middles a label text covers; else the column of its centre.
    func slots(of s: StreamSegment) -> ClosedRange<Int> {
        grid.columns(withMiddlesIn: s.box.x0, s.box.x1) ?? slot(of: s.box.midX)...slot(of: s.box.midX)
    }

    func center(_ r: ClosedRange<Int>) -> Double { grid.center(r) }
}
