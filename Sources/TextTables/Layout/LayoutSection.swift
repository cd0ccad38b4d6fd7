import TableLayout

/// One header and the rows under it, in layout text → a `CellGrid`.
///
/// A staged builder (the layout-text counterpart of `StreamExtractor`'s stages; distances are in
/// character columns, every tolerance a `LayoutSettings` `text…` value):
/// 1. lines (`LayoutValueArea`): where values start; body lines cut into labels and cell tokens.
/// 2. header stack (`LayoutHeaderStacks`): the words above the columns are stacked bottom-up into
///    one stack per column (a header word wrapped over lines: 社会/公益/组织).
/// 3. value columns (`LayoutValueColumns`): rows with the usual number of values set the columns
///    (in order); a row with fewer values places them by position, and when positions do not tell
///    clearly the row's values go into one cell across the columns (the report layer then
///    decides, or leaves them null) rather than being guessed into columns.
///    A staircase (a few rows' numbers written column by column, one per line, below their
///    labels) is read back into those rows where its shape allows one reading (`LayoutStaircase`).
/// 4. spans (`LayoutHeaderSpans`): a word over several columns (申请人情况, 行政诉讼) is a cell
///    spanning them.
/// 5. label attachment (`LayoutLabelBlocks`, `LayoutRows`): a label line that does not start with
///    list numbering continues the numbered label above it (a wrapped 5.要求行政机关确认或重新出具 /
///    已获取信息, a group label 三、/本年/度办…), so a group label becomes one cell spanning the rows
///    it stands beside.
/// 6. grid (`LayoutGridColumns`, `LayoutGridFill`; columns looked up and cells laid by the stages
///    shared with the stream builder, `ColumnEdges` and `GridAssembler`).
struct LayoutSection {
    let lines: [TextLineInfo]
    let header: [Int]
    let body: [Int]
    var settings = LayoutSettings()

    func grid() -> CellGrid? {
        guard let read = LayoutValueArea(lines: lines, header: header, body: body, settings: settings) else { return nil }
        var stacks = LayoutHeaderStacks(read)
        guard let columns = LayoutValueColumns(read, stacks: &stacks.stacks) else { return nil }
        let area = LayoutStaircase(area: read, centers: columns.centers).folded()
        var spanning = stacks.spanning
        LayoutHeaderSpans(stacks: stacks.stacks, columns: columns, settings: settings).resolve(&spanning)
        let blocks = LayoutLabelBlocks(area: area).blocks()
        let rows = LayoutRows(area, blocks: blocks)
        guard !rows.rowLines.isEmpty || !header.isEmpty else { return nil }
        let gridColumns = LayoutGridColumns(starts: stacks.stubs.map(\.frag.pos) + blocks.map(\.start), columns: columns,
                                            tokens: area.tokens, settings: settings)
        return LayoutGridFill(area: area, header: stacks, spanning: spanning, columns: columns, rows: rows, grid: gridColumns).build()
    }

    // MARK: placement

    enum Placement { case columns([Int]), ambiguous }

    /// Columns for a row's tokens: in order when there are as many as columns; else by position
    /// (order kept), unless moving a token to a neighbouring column costs almost nothing
    /// (`textAmbiguousShare` of the pitch).
    /// With `reach`, a value farther than it from its column's centre makes the row ambiguous.
    static func place(_ xs: [Double], in centers: [Double], reach: Double? = nil, settings: LayoutSettings = .init()) -> Placement {
        let n = xs.count, k = centers.count
        if n == k { return .columns(Array(0..<k)) }
        if n > k {
            return .columns(xs.map { x in centers.indices.min { abs(centers[$0] - x) < abs(centers[$1] - x) }! })
        }
        let best = align(xs, to: centers)
        guard best.allSatisfy({ $0 != nil }) else { return .ambiguous }
        let cols = best.map { $0! }
        let cost = zip(xs, cols).reduce(0.0) { $0 + abs($1.0 - centers[$1.1]) }
        let pitch = k > 1 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : settings.textDefaultPitch
        if let reach, zip(xs, cols).contains(where: { abs($0 - centers[$1]) > reach * pitch }) { return .ambiguous }
        // Every alternative that moves one token one column over.
        for i in 0..<n {
            for d in [-1, 1] {
                let c = cols[i] + d
                guard c >= 0, c < k, (i == 0 || cols[i - 1] < c), (i == n - 1 || cols[i + 1] > c) else { continue }
                let alt = cost - abs(xs[i] - centers[cols[i]]) + abs(xs[i] - centers[c])
                if alt - cost < settings.textAmbiguousShare * pitch { return .ambiguous }
            }
        }
        return .columns(cols)
    }

    /// Order-preserving assignment of points to centers minimising the total distance (each
    /// center used at most once). Returns, per point, its center index (nil if more points than centers).
    static func align(_ xs: [Double], to centers: [Double]) -> [Int?] {
        let n = xs.count, k = centers.count
        guard n > 0 else { return [] }
        guard n <= k else {
            // More points than centers: each center takes its nearest point.
            var out = [Int?](repeating: nil, count: n)
            var used = Set<Int>()
            for (j, c) in centers.enumerated() {
                if let i = xs.indices.filter({ !used.contains($0) }).min(by: { abs(xs[$0] - c) < abs(xs[$1] - c) }) { out[i] = j; used.insert(i) }
            }
            return out
        }
        let inf = Double.infinity
        var dp = [[Double]](repeating: [Double](repeating: inf, count: k + 1), count: n + 1)
        var take = [[Bool]](repeating: [Bool](repeating: false, count: k + 1), count: n + 1)
        for j in 0...k { dp[0][j] = 0 }
        for i in 1...n {
            for j in 1...k {
                let skip = dp[i][j - 1]
                let use = dp[i - 1][j - 1] + abs(xs[i - 1] - centers[j - 1])
                if use <= skip { dp[i][j] = use; take[i][j] = true } else { dp[i][j] = skip }
            }
        }
        var out = [Int?](repeating: nil, count: n)
        var i = n, j = k
        while i > 0 && j > 0 {
            if take[i][j] { out[i - 1] = j - 1; i -= 1; j -= 1 } else { j -= 1 }
        }
        return out
    }
}

func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
