import TableLayout

/// Which report table a grid belongs to.
public enum ReportTableKind: String, Sendable, CaseIterable {
    case proactive, applications, reviewLitigation

    /// The table's key in the JSON document (`proactive`, `applications`, `review_litigation`).
    public var key: String {
        switch self {
        case .proactive: return "proactive"
        case .applications: return "applications"
        case .reviewLitigation: return "review_litigation"
        }
    }
}

/// Sorts a document's grids into tables 二, 三 and 四 by the words they contain; a grid without
/// its own header that follows a table and carries that table's row labels continues it.
enum TableClassifier {
    private static func keys(_ words: [String]) -> [LabelKey] { words.map(LabelText.labelKey) }
    private static let review = keys(["行政复议", "行政诉讼", "尚未审结"])
    /// Table 四 whose first header row (行政复议 | 行政诉讼) was left on the page before.
    private static let reviewLower = keys(["未经复议直接起诉", "复议后起诉", "尚未审结"])
    private static let reviewContinued = keys(["尚未审结", "结果维持", "结果纠正"])
    private static let applications = keys(["申请人情况", "自然人", "商业企业", "本年新收政府信息公开申请数量"])
    private static let proactive = keys(["信息内容", "第二十条"])
    private static let applicationsContinued = keys(["重复申请", "结转下年度", "总计", "不予处理", "无法提供", "不予公开"])
    private static let proactiveRows = ReportTemplates.proactiveRows.flatMap { keys($0.labels) }

    /// A grid that is only a row of numbers (or blanks) across many columns: table 四's data row
    /// left alone on the next page.
    static func isRowOfNumbers(_ grid: KeyedGrid) -> Bool {
        grid.grid.columnCount >= 10 && grid.grid.rowCount <= 2
            && grid.cells.allSatisfy { $0.key.scalars.allSatisfy { (0x30...0x39).contains($0) } }
    }

    static func classify(_ grids: [KeyedGrid]) -> [ReportTableKind: [KeyedGrid]] {
        var out: [ReportTableKind: [KeyedGrid]] = [:]
        var previous: ReportTableKind?
        for grid in grids {
            let text = grid.allText
            if text.isEmpty { continue }  // a ruled box with nothing in it neither starts nor breaks a table
            func has(_ k: LabelKey) -> Bool { text.contains(k) }
            var kind: ReportTableKind?
            if has(review[0]) && (has(review[1]) || has(review[2])) || reviewLower.allSatisfy(has) {
                kind = .reviewLitigation
            } else if has(applications[0]) || (has(applications[1]) && has(applications[2])) || has(applications[3]) {
                kind = .applications
            } else if proactive.contains(where: has) {
                kind = .proactive
            } else if previous == .reviewLitigation, reviewContinued.contains(where: has) || Self.isRowOfNumbers(grid) {
                kind = .reviewLitigation   // table 四 cut by a page break inside its header or before its numbers
            } else if previous == .applications, applicationsContinued.contains(where: has) {
                kind = .applications
            } else if previous == .proactive, grid.cells.contains(where: { c in proactiveRows.contains(c.key) }) {
                kind = .proactive
            }
            if let kind {
                // Only the first run of grids of a kind is the table; a later repeat is a different table.
                if out[kind] == nil || previous == kind || kind == .proactive { out[kind, default: []].append(grid) }
                previous = kind
            } else {
                previous = nil
            }
        }
        return out
    }
}
