import PageGeometry
import TableLayout

/// Reads table 四 (行政复议、行政诉讼). Each value column's meaning is its header path: the header
/// cells stacked above it (行政诉讼 → 未经复议直接起诉 → 结果维持), matched against groups and outcomes.
struct ReviewLitigationReader {
    func read(_ grids: [KeyedGrid], into warnings: inout [ReportWarning]) -> TableReading {
        var reading = TableReading()
        guard var grid = grids.first else { return reading }
        // A table cut by a page break inside its header: the part with the row of numbers reads its
        // columns' header paths through the header rows of the parts before it (same page layout).
        var earlierHeader: [KeyedCell] = []
        if grids.count > 1, Self.dataRow(of: grid, written: true) == nil,
           let later = grids.dropFirst().first(where: { Self.dataRow(of: $0, written: true, from: 0) != nil }) {
            earlierHeader = grids.prefix { $0.page != later.page || $0.grid != later.grid }.flatMap(\.cells)
            grid = later
        }
        let dataRow = Self.dataRow(of: grid, from: earlierHeader.isEmpty ? 1 : 0)
        guard let dataRow else {
            warnings.append(.init(code: "table_unreadable", message: "table 四 has no row of numbers", page: grid.page))
            return reading
        }
        let ownHeader = grid.cells.filter { $0.lastRow < dataRow }
        let headerCells = earlierHeader + ownHeader
        let valueCells = grid.cells(inRow: dataRow)
        var seen = Set<String>()
        let reviewKey = LabelText.labelKey("行政复议")
        let hasReviewLabel = headerCells.contains { $0.key.contains(reviewKey) }
        let litigationKeys = Self.groupKeys.prefix(2)
        let litigationLeft = headerCells.filter { c in litigationKeys.contains { c.key.contains($0) } }.map(\.box.x0).min()
        for cell in valueCells {
            // Top to bottom; header rows of an earlier page stand above this page's.
            let above: (KeyedCell) -> Bool = { $0.box.horizontalOverlap(cell.box) >= 0.5 * min($0.box.width, cell.box.width) }
            let stack = (earlierHeader.filter(above).sorted { $0.box.y0 < $1.box.y0 } + ownHeader.filter(above).sorted { $0.box.y0 < $1.box.y0 })
                .map(\.key)
                .filter { !$0.isEmpty }
            let joined = LabelKey(scalars: stack.flatMap(\.scalars))
            var group = zip(ReportTemplates.reviewGroups, Self.groupKeys).first(where: { joined.contains($0.1) })?.0
            // The 行政复议 columns stand left of the 行政诉讼 ones; a header row left on the page before
            // takes their group label with it.
            if group == nil, !hasReviewLabel, let firstLitigation = litigationLeft, cell.box.x1 <= firstLitigation + 1 {
                group = ReportTemplates.reviewGroups.first { $0.key == "review" }
            }
            guard let group else { continue }
            guard let leaf = stack.last, let outcome = bestOutcome(leaf) else { continue }
            let path = [group.key, outcome.key]
            let dotted = "review_litigation." + path.joined(separator: ".")
            guard seen.insert(dotted).inserted else { continue }
            let value = CellInterpreter.interpret(cell.text, path: dotted, page: grid.page, warnings: &warnings)
            reading.values.append(.init(path: path, value: value, raw: cell.text, page: grid.page, box: cell.box))
        }
        for g in ReportTemplates.reviewGroups {
            for o in ReportTemplates.reviewOutcomes where !seen.contains("review_litigation.\(g.key).\(o.key)") {
                warnings.append(.init(code: "cell_missing", message: "table 四 has no column \(g.label)·\(o.label)", path: "review_litigation.\(g.key).\(o.key)", page: grid.page))
            }
        }
        return reading
    }

    /// The data row: the first row below the header whose own cells are mostly numbers. Rows with
    /// written values come first: a header row of a table rebuilt from text alignment has many blank
    /// cells beside its few labels.
    static func dataRow(of grid: KeyedGrid, written onlyWritten: Bool = false, from first: Int = 1) -> Int? {
        for written in onlyWritten ? [true] : [true, false] {
            for r in first..<max(first, grid.rowCount) {
                let own = grid.cells(inRow: r).filter { $0.row == r }
                let readings = own.map { CellValueParser.read($0.text) }
                let unreadable = readings.filter { if case .unreadable = $0 { return true }; return false }.count
                let blank = readings.filter { $0 == .blank }.count
                guard own.count >= 10 else { continue }
                if written {
                    let values = own.count - unreadable - blank
                    if values >= 5 && unreadable * 5 <= values { return r }
                } else if (own.count - unreadable) * 10 >= own.count * 8 {
                    return r
                }
            }
        }
        return nil
    }

    private static let groupKeys = ReportTemplates.reviewGroups.map { LabelText.labelKey($0.label) }
    private static let outcomeKeys = ReportTemplates.reviewOutcomes.map { LabelText.labelKey($0.label) }

    private func bestOutcome(_ leaf: LabelKey) -> ReportTemplates.ReviewOutcome? {
        var best: (ReportTemplates.ReviewOutcome, Double)?
        for (o, key) in zip(ReportTemplates.reviewOutcomes, Self.outcomeKeys) {
            let s = leaf.similarity(key)
            if s > (best?.1 ?? 0) { best = (o, s) }
        }
        guard let best, best.1 >= 0.6 else { return nil }
        return best.0
    }
}
