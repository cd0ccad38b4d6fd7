import PageGeometry
import TableLayout

/// Reads table 二 (主动公开政府信息情况), one combined table or several small ones.
///
/// Rows are read in order. A row holding 信息内容 and column labels sets the current columns
/// (their boxes); a row whose label matches a template row takes its values from the cells under
/// those column boxes. Which format the table follows falls out of the column labels seen.
struct ProactiveReader {
    let minLabelScore = 0.75

    func read(_ grids: [KeyedGrid], into warnings: inout [ReportWarning]) -> TableReading {
        var reading = TableReading()
        var columns: [(column: ReportTemplates.ProactiveColumn, box: Rect, header: String)] = []
        var seenRows = Set<String>()
        var versionVotes: [TemplateVersion: Int] = [:]
        for row in GridRow.rows(of: grids) {
            let own = row.cells
            if let header = headerColumns(own) {
                columns = header
                for h in header { if let v = h.column.version { versionVotes[v, default: 0] += 1 } }
                continue
            }
            guard !columns.isEmpty, let (labelCell, template, score) = rowLabel(own) else { continue }
            guard !seenRows.contains(template.key) else { continue }
            seenRows.insert(template.key)
            reading.notes.append("二: '\(labelCell.text)' → proactive.\(template.key) (\(ApplicationsReader.format2(score))), columns \(columns.map(\.column.key).joined(separator: ", "))")
            if let v = template.version { versionVotes[v, default: 0] += 1 }
            let valueCells = own.filter { $0.box.x0 >= labelCell.box.x1 - 1 }
            for col in columns {
                let path = [template.key, col.column.key]
                let dotted = "proactive." + path.joined(separator: ".")
                guard let cell = cellUnder(col.box, among: valueCells) else {
                    warnings.append(.init(code: "cell_missing", message: "no cell under column \(col.header) in row \(labelCell.text)", path: dotted, page: row.page))
                    // No cell: the box is where it should have been, the column beside the label.
                    let expected = Rect(x0: col.box.x0, y0: labelCell.box.y0, x1: col.box.x1, y1: labelCell.box.y1)
                    reading.values.append(.init(path: path, value: nil, raw: "", page: row.page, box: expected))
                    continue
                }
                let value = CellInterpreter.interpret(cell.text, path: dotted, page: row.page, warnings: &warnings)
                reading.values.append(.init(path: path, value: value, raw: cell.text, page: row.page, box: cell.box,
                                            cell: row.grid.ref(cell)))
                if col.column.key == "amount", template.key == "procurement" {
                    reading.strings["procurement.unit"] = CellValueParser.unit(in: cell.text) ?? CellValueParser.unit(in: col.header) ?? "万元"
                }
            }
        }
        if let best = versionVotes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { reading.version = best.key }
        if !seenRows.isEmpty { Self.warnMissingRows(seen: seenRows, version: reading.version, page: grids.first?.page, warnings: &warnings) }
        return reading
    }

    /// Template rows of the table's format that no row matched (a row the layout merged into the
    /// header, a label it lost): said, not left out silently.
    static func warnMissingRows(seen: Set<String>, version: TemplateVersion?, page: Int?, warnings: inout [ReportWarning]) {
        for row in ReportTemplates.proactiveRows where !seen.contains(row.key) && (row.version == nil || row.version == version) {
            warnings.append(.init(code: "row_missing", message: "table 二 row not found: \(row.labels[0])", path: "proactive." + row.key, page: page))
        }
    }

    /// The columns named by a header row, or nil if the row is not a header row.
    private static let headerMarker = LabelText.labelKey(ReportTemplates.proactiveHeaderMarker)
    private static let columnKeys = ReportTemplates.proactiveColumns.map { ($0, $0.labels.map(LabelText.labelKey)) }
    private static let rowKeys = ReportTemplates.proactiveRows.map { ($0, $0.labels.map(LabelText.labelKey)) }

    private func headerColumns(_ cells: [KeyedCell]) -> [(column: ReportTemplates.ProactiveColumn, box: Rect, header: String)]? {
        guard cells.contains(where: { $0.key == Self.headerMarker }) else { return nil }
        var out: [(column: ReportTemplates.ProactiveColumn, box: Rect, header: String)] = []
        for cell in cells {
            let key = cell.key
            guard !key.isEmpty else { continue }
            var best: (ReportTemplates.ProactiveColumn, Double)?
            for (column, labels) in Self.columnKeys {
                for lk in labels {
                    let score = key == lk ? 1.0 : (key.contains(lk) && lk.count >= 4 ? 0.9 : key.similarity(lk))
                    if score > (best?.1 ?? 0) { best = (column, score) }
                }
            }
            if let best, best.1 >= 0.7 { out.append((best.0, cell.box, cell.text)) }
        }
        return out.isEmpty ? nil : out
    }

    /// The cell holding a template row label, and that row.
    private func rowLabel(_ cells: [KeyedCell]) -> (KeyedCell, ReportTemplates.ProactiveRow, Double)? {
        var best: (KeyedCell, ReportTemplates.ProactiveRow, Double)?
        for cell in cells {
            let key = cell.key
            guard key.count >= 2 else { continue }
            for (row, labels) in Self.rowKeys {
                for lk in labels {
                    let score = key.similarity(lk)
                    if score > (best?.2 ?? 0) { best = (cell, row, score) }
                }
            }
        }
        guard let best, best.2 >= minLabelScore else { return nil }
        return best
    }
}
