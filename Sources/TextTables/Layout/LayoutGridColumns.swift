import TableLayout

/// Stage 7a of the layout-text builder — the grid's columns: label (stub) columns from where
/// header stubs and label blocks start, then one column per value column, edges midway between
/// centres.
struct LayoutGridColumns {
    /// Where each label column starts.
    let clusters: [Double]
    let grid: ColumnEdges
    var edges: [Double] { grid.edges }
    let settings: LayoutSettings
    /// Label columns (left of the value columns).
    var stubCount: Int { clusters.count }

    init(starts stubStarts: [Double], columns: LayoutValueColumns, tokens: [Int: [Fragment]], settings: LayoutSettings) {
        self.settings = settings
        let stubStarts = stubStarts.sorted()
        var clusters: [Double] = []
        for s in stubStarts where clusters.isEmpty || s - clusters.last! > settings.textLabelColumnGap { clusters.append(s) }
        let centers = columns.centers, k = columns.count
        // A lone value column is as wide as its widest token and some padding.
        let pitch: Double = columns.pitch
            ?? max(settings.textDefaultPitch, (tokens.values.flatMap { $0 }.map { $0.posEnd - $0.pos }.max() ?? 2) + settings.textColumnPadding)
        var left0 = centers[0] - pitch / 2
        clusters = clusters.filter { $0 < left0 - settings.textLabelColumnClearance }
        if let last = clusters.last, left0 <= last { left0 = last + 1 }
        if clusters.isEmpty && !stubStarts.isEmpty { clusters = [min(stubStarts.min()!, left0 - 1)] }
        var edges = clusters + [left0]
        for j in 1..<max(1, k) { edges.append((centers[j - 1] + centers[j]) / 2) }
        edges.append(centers[k - 1] + pitch / 2)
        for i in 1..<edges.count where edges[i] <= edges[i - 1] { edges[i] = edges[i - 1] + 0.5 }
        self.clusters = clusters
        grid = ColumnEdges(edges)
    }

    /// The label column a label starting at `x` stands in: the last one starting at most
    /// `textLabelColumnSlack` columns right of it.
    func stubColumn(_ x: Double) -> Int { Swift.min(Swift.max(0, stubCount - 1), grid.column(of: x + settings.textLabelColumnSlack)) }
}
