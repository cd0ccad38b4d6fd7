import TableLayout

/// A table is never lost silently. When grids were taken for a report table but none of their rows
/// matched the template (labels garbled by the layout, a producer's own wording), the warning
/// names the table, the pages and the label texts that failed, so a reader of the output can see
/// what was there instead of only "not found".
enum UnmatchedTables {
    /// How many failed label texts a warning quotes (enough to recognise the table, not the whole of it).
    static let quotedLabels = 12

    /// The `table_unmatched` warning for table `name` read from `grids`, or nil when no grid was
    /// taken for it (then the table is missing, not unmatched).
    static func warning(table name: String, grids: [KeyedGrid]) -> ReportWarning? {
        guard let first = grids.first else { return nil }
        var seen = Set<String>()
        var labels: [String] = []
        for grid in grids {
            for cell in grid.cells where !cell.text.isEmpty && !TableTokens.isValue(cell.text) && seen.insert(cell.text).inserted {
                labels.append(cell.text)
            }
        }
        let pages = Array(Set(grids.map(\.page))).sorted().map(String.init).joined(separator: ", ")
        let quoted = labels.prefix(quotedLabels).joined(separator: " / ") + (labels.count > quotedLabels ? " / …" : "")
        return .init(code: "table_unmatched",
                     message: "table \(name): a grid on page \(pages) matches no template row; its texts: \(quoted)",
                     page: first.page)
    }
}
