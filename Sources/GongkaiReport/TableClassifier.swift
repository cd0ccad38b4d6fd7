import TableLayout

/// Which report table a grid belongs to.
public enum ReportTableKind: String, Sendable {
    case proactive, applications, reviewLitigation
}

/// Sorts a document's grids into tables 二, 三 and 四 by the words they contain; a grid without
/// its own header that follows a table and carries that table's row labels continues it.
public enum TableClassifier {
    public static func classify(_ grids: [CellGrid]) -> [ReportTableKind: [CellGrid]] {
        var out: [ReportTableKind: [CellGrid]] = [:]
        var previous: ReportTableKind?
        for grid in grids {
            let keys = grid.cells.map { LabelText.key($0.text) }
            let text = keys.joined()
            if text.isEmpty { continue }  // a ruled box with nothing in it neither starts nor breaks a table
            func has(_ s: String) -> Bool { text.contains(LabelText.key(s)) }
            var kind: ReportTableKind?
            if has("行政复议") && (has("行政诉讼") || has("尚未审结")) {
                kind = .reviewLitigation
            } else if has("申请人情况") || (has("自然人") && has("商业企业")) || has("本年新收政府信息公开申请数量") {
                kind = .applications
            } else if has("信息内容") || has("第二十条") {
                kind = .proactive
            } else if previous == .applications, has("重复申请") || has("结转下年度") || has("总计") || has("不予处理") || has("无法提供") || has("不予公开") {
                kind = .applications
            } else if previous == .proactive, ReportTemplates.proactiveRows.contains(where: { r in r.labels.contains { keys.contains(LabelText.key($0)) } }) {
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
