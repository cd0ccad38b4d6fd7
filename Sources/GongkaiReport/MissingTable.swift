/// The warning for a report table no reader found. When the table's section heading stands in the
/// document's text (四、政府信息公开行政复议、行政诉讼情况), the table is there but could not be
/// read — the warning says so and where, so it is not taken for a report without that table.
enum MissingTable {
    /// Each table's section heading: its numeral and a phrase only that heading holds.
    static func headingKey(_ kind: ReportTableKind) -> (numeral: String, phrase: String) {
        switch kind {
        case .proactive: return ("二", "主动公开")
        case .applications: return ("三", "申请")
        case .reviewLitigation: return ("四", "复议")
        }
    }

    static func warning(table name: String, kind: ReportTableKind, fullText: String) -> ReportWarning {
        guard let heading = heading(of: kind, in: fullText) else {
            return .init(code: "table_missing", message: "table \(name) not found")
        }
        return .init(code: "table_missing",
                     message: "table \(name) not read: its heading is in the text (\(heading)) but no table under it could be read")
    }

    /// The first short line starting with the table's numeral and 、 that holds its phrase.
    static func heading(of kind: ReportTableKind, in text: String) -> String? {
        let key = headingKey(kind)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " || $0 == "\u{0C}" || $0 == "\t" || $0 == "#" || $0 == "\u{3000}" }
            guard line.hasPrefix(key.numeral + "、"), line.count <= 40, line.contains(key.phrase) else { continue }
            return String(line).trimmingSuffix
        }
        return nil
    }
}

private extension String {
    var trimmingSuffix: String { String(reversed().drop { $0 == " " || $0 == "\r" }.reversed()) }
}
