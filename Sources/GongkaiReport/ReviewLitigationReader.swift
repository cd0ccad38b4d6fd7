import PageGeometry
import TableLayout

/// Reads table 四 (行政复议、行政诉讼). Each value column's meaning is its header path: the header
/// cells stacked above it (行政诉讼 → 未经复议直接起诉 → 结果维持), matched against groups and outcomes.
///
/// When the header does not give all fifteen columns (a header garbled by a converter, group
/// labels that do not reach over their columns in text) and the row has exactly fifteen values,
/// they are taken in the order the official template fixes (行政复议, 未经复议直接起诉, 复议后起诉,
/// each 维持, 纠正, 其他, 尚未审结, 总计), with a warning.
struct ReviewLitigationReader {
    static let outcomeOrder = ["upheld", "corrected", "other", "pending", "total"]
    static let groupOrder = ["review", "litigation_direct", "litigation_after_review"]

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
        var byHeader: [ExtractedValue] = []
        var headerWarnings: [ReportWarning] = []
        var leaves: [String?] = []
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
            leaves.append(stack.last.flatMap { bestOutcome($0)?.key })
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
            let value = CellInterpreter.interpret(cell.text, path: dotted, page: grid.page, warnings: &headerWarnings)
            byHeader.append(.init(path: path, value: value, raw: cell.text, page: grid.page, box: cell.box, cell: grid.ref(cell)))
        }
        if seen.count == 15 {
            reading.values = byHeader
            warnings += headerWarnings
            reading.notes.append("四: 15 columns by their header paths")
            return reading
        }

        // The row's values in order, cells holding several numbers split.
        var ordered: [(text: String, cell: KeyedCell)] = []
        for cell in valueCells where cell.row == dataRow || cell.cell.rowSpan > 1 {
            if let packed = CellValueParser.packedValues(cell.text) {
                ordered += packed.map { ($0, cell) }
            } else if !(ordered.isEmpty && cell.text.isEmpty) {
                ordered.append((cell.text, cell))
            }
        }
        while let last = ordered.last, last.text.isEmpty, ordered.count > 15 { ordered.removeLast() }
        if ordered.count == 15 {
            let agree = zip(leaves, (0..<15).map { Self.outcomeOrder[$0 % 5] }).filter { $0.0 == $0.1 }.count
            let readable = leaves.filter { $0 != nil }.count
            for (i, item) in ordered.enumerated() {
                let path = [Self.groupOrder[i / 5], Self.outcomeOrder[i % 5]]
                let dotted = "review_litigation." + path.joined(separator: ".")
                let value = CellInterpreter.interpret(item.text, path: dotted, page: grid.page, warnings: &warnings)
                reading.values.append(.init(path: path, value: value, raw: item.text, page: grid.page, box: item.cell.box))
            }
            warnings.append(.init(code: "columns_by_order", message: "table 四: its header gives \(seen.count) of 15 columns; the 15 values are taken in the template's column order (\(agree) of \(readable) readable column headers agree with it)", page: grid.page))
            reading.notes.append("四: header gave \(seen.count)/15 columns; 15 values taken in the template's order (\(agree)/\(readable) readable column headers agree)")
            return reading
        }
        reading.values = byHeader
        warnings += headerWarnings
        reading.notes.append("四: \(seen.count)/15 columns by header paths; \(ordered.count) values in the row")
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
                // A cell holding several numbers (converter output) counts for each.
                var count = 0, values = 0, unreadable = 0
                for c in own {
                    if let packed = CellValueParser.packedValues(c.text) { count += packed.count; values += packed.count; continue }
                    count += 1
                    switch CellValueParser.read(c.text) {
                    case .unreadable: unreadable += 1
                    case .blank: break
                    default: values += 1
                    }
                }
                guard count >= 10 else { continue }
                if written {
                    if values >= 5 && unreadable * 5 <= values { return r }
                } else if (count - unreadable) * 10 >= count * 8 {
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
