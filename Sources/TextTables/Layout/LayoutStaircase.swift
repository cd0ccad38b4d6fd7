import TableLayout

/// Stage 3b of the layout-text builder — staircases: pdftotext sometimes writes the cells of a
/// few rows column by column, each number on a line of its own (a block of one column's cells is
/// emitted before the next column's), below the labels of those rows, which stand without numbers:
///
///     2.没有现成信息需要另行制作
///     3.补正后申请内容仍不明确
///                     1          ← column 1, first row
///                     1          ← column 1, second row
///                           1    ← column 2, first row
///                           0    …
///
/// Within one column's block the lines keep their top-to-bottom order, so the i-th number of every
/// column is the i-th waiting row's. The run is read so only when its shape allows one reading:
/// every line one number and no label, the columns never going back, every column used holding
/// exactly as many numbers as there are waiting labels. A run of that shape that does not allow
/// one reading (a column short, more or fewer waiting labels) is marked unread: its lines stay
/// label-less rows and are never handed to a label nearby (its rows' cells stay null, no guess).
struct LayoutStaircase {
    let area: LayoutValueArea
    let centers: [Double]

    /// The area with each readable staircase's numbers moved onto its waiting labels' lines.
    func folded() -> LayoutValueArea {
        var area = self.area
        for run in runs() {
            guard let byColumn = columnsOf(run) else { continue }
            let waiting = waitingLabels(above: run[0], in: area)
            let counts = Set(byColumn.map(\.count))
            guard counts.count == 1, counts.first! >= 2, waiting.count == counts.first! else {
                area.unreadSteps.formUnion(run)
                continue
            }
            for li in run { area.tokens[li] = nil }
            for (i, line) in waiting.enumerated() { area.tokens[line] = byColumn.map { $0[i] } }
            area.bodyValueLines = area.body.filter { !(area.tokens[$0] ?? []).isEmpty }
        }
        return area
    }

    /// Runs of consecutive body lines holding one number and no label, long enough to be a
    /// staircase (two rows of two columns at least).
    func runs() -> [[Int]] {
        var out: [[Int]] = [], current: [Int] = []
        func isStep(_ li: Int) -> Bool {
            guard let t = area.tokens[li], t.count == 1, t[0].isValue else { return false }
            return (area.stubs[li] ?? []).isEmpty
        }
        for li in area.body {
            if isStep(li) { current.append(li); continue }
            if current.count >= 4 { out.append(current) }
            current = []
        }
        if current.count >= 4 { out.append(current) }
        return out
    }

    /// The run's numbers per column (columns left to right, numbers top to bottom), when it is
    /// set like a staircase: the columns never go back and at least two are used.
    func columnsOf(_ run: [Int]) -> [[Fragment]]? {
        guard centers.count >= 2 else { return nil }
        var byColumn: [Int: [Fragment]] = [:]
        var last = -1
        for li in run {
            let f = area.tokens[li]![0]
            let c = centers.indices.min { abs(centers[$0] - f.center) < abs(centers[$1] - f.center) }!
            guard c >= last else { return nil }
            last = c
            byColumn[c, default: []].append(f)
        }
        guard byColumn.count >= 2 else { return nil }
        return byColumn.keys.sorted().map { byColumn[$0]! }
    }

    /// The first lines of the row labels between the last line of numbers above `start` and it,
    /// top to bottom: label blocks starting there that are not group labels.
    func waitingLabels(above start: Int, in area: LayoutValueArea) -> [Int] {
        let previous = area.body.last { $0 < start && !(area.tokens[$0] ?? []).isEmpty } ?? -1
        let blocks = LayoutLabelBlocks(area: area).blocks()
        return blocks.filter { !$0.isGroup && $0.firstLine > previous && $0.lastLine < start }.map(\.firstLine).sorted()
    }
}
