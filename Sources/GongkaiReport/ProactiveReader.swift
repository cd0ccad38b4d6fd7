import PageGeometry
import TableLayout

/// Reads table 二 (主动公开政府信息情况), one combined table or several small ones.
///
/// Rows are read in order. A row holding 信息内容 and column labels sets the current columns
/// (their boxes); a row whose label matches a template row takes its values from the cells under
/// those column boxes. Which format the table follows falls out of the column labels seen.
struct ProactiveReader {
    let minLabelScore = 0.75

    typealias Columns = [(column: ReportTemplates.ProactiveColumn, box: Rect, header: String)]

    func read(_ grids: [KeyedGrid], into warnings: inout [ReportWarning]) -> TableReading {
        var reading = TableReading()
        var columns: Columns = []
        var seenRows = Set<String>()
        var versionVotes: [TemplateVersion: Int] = [:]
        // Rows with numbers whose labels match no template row (OCR: 瑟RER本 for 规章), waiting for
        // the next matched row to tell which template rows they stand in; and the last matched one.
        var pending: [(row: GridRow, label: KeyedCell, columns: Columns)] = []
        var lastMatched = -1
        for row in GridRow.rows(of: grids) {
            let own = row.cells
            if let header = headerColumns(own, warnings: &warnings, page: row.page) {
                columns = header
                for h in header { if let v = h.column.version { versionVotes[v, default: 0] += 1 } }
                continue
            }
            guard !columns.isEmpty else { continue }
            guard let (labelCell, template, score) = rowLabel(own) else {
                // (A label holding a number is a row whose cells ran together — 行政处罚 496 — and whose
                // values are shifted: not read.)
                if let label = own.min(by: { $0.box.x0 < $1.box.x0 }), !label.text.contains(where: \.isNumber),
                   holdsNumbers(own, after: label, under: columns) {
                    pending.append((row, label, columns))
                }
                continue
            }
            guard !seenRows.contains(template.key) else { continue }
            let index = Self.templateIndex[template.key] ?? lastMatched
            placeByPosition(&pending, between: lastMatched, and: index, seen: &seenRows, votes: versionVotes, into: &reading, warnings: &warnings)
            seenRows.insert(template.key)
            lastMatched = index
            reading.notes.append("二: '\(labelCell.text)' → proactive.\(template.key) (\(ApplicationsReader.format2(score))), columns \(columns.map(\.column.key).joined(separator: ", "))")
            if let v = template.version { versionVotes[v, default: 0] += 1 }
            readValues(row, label: labelCell, template: template, columns: columns, into: &reading, warnings: &warnings)
        }
        placeByPosition(&pending, between: lastMatched, and: ReportTemplates.proactiveRows.count, seen: &seenRows, votes: versionVotes, into: &reading, warnings: &warnings)
        if let best = versionVotes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { reading.version = best.key }
        if !seenRows.isEmpty { Self.warnMissingRows(seen: seenRows, version: reading.version, page: grids.first?.page, warnings: &warnings) }
        return reading
    }

    private static let templateIndex = Dictionary(uniqueKeysWithValues: ReportTemplates.proactiveRows.enumerated().map { ($1.key, $0) })

    /// Whether a row holds a number or a zero mark under one of the columns (not a title row such as
    /// 第二十条第（一）项 cut into cells).
    private func holdsNumbers(_ cells: [KeyedCell], after label: KeyedCell, under columns: Columns) -> Bool {
        let values = cells.filter { $0.box.x0 >= label.box.x1 - 1 }
        return columns.contains { col in
            guard let cell = cellUnder(col.box, among: values) else { return false }
            switch CellValueParser.read(cell.text) {
            case .number, .zeroToken: return true
            case .blank, .unreadable: return false
            }
        }
    }

    /// Unmatched rows between two matched ones (template indices `lower` and `upper`): as many rows
    /// as template rows left between them (of the table's version) take them in order, with a
    /// warning; otherwise they stay unread.
    private func placeByPosition(_ pending: inout [(row: GridRow, label: KeyedCell, columns: Columns)], between lower: Int, and upper: Int,
                                 seen: inout Set<String>, votes: [TemplateVersion: Int], into reading: inout TableReading, warnings: inout [ReportWarning]) {
        defer { pending.removeAll() }
        guard !pending.isEmpty, lower + 1 < upper else { return }
        let majority = votes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
        let templates = ReportTemplates.proactiveRows[(lower + 1)..<upper].filter {
            !seen.contains($0.key) && ($0.version == nil || majority == nil || $0.version == majority)
        }
        guard templates.count == pending.count else { return }
        for (entry, template) in zip(pending, templates) {
            seen.insert(template.key)
            warnings.append(.init(code: "row_matched_by_position", message: "table 二 row '\(entry.label.text)' matches no template label; it stands where \(template.labels[0]) belongs and is read as it", path: "proactive." + template.key, page: entry.row.page))
            reading.notes.append("二: '\(entry.label.text)' → proactive.\(template.key) (by position)")
            readValues(entry.row, label: entry.label, template: template, columns: entry.columns, into: &reading, warnings: &warnings)
        }
    }

    /// The values of one row under the current columns.
    private func readValues(_ row: GridRow, label labelCell: KeyedCell, template: ReportTemplates.ProactiveRow, columns: Columns,
                            into reading: inout TableReading, warnings: inout [ReportWarning]) {
        let valueCells = row.cells.filter { $0.box.x0 >= labelCell.box.x1 - 1 }
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

    private func headerColumns(_ cells: [KeyedCell], warnings: inout [ReportWarning], page: Int) -> Columns? {
        guard cells.contains(where: { $0.key == Self.headerMarker }) else { return nil }
        let named = cells.filter { !$0.key.isEmpty && $0.key != Self.headerMarker }.sorted { $0.box.x0 < $1.box.x0 }
        var matched = named.map(Self.column(named:))
        Self.placeColumnsByPosition(&matched)
        var out: Columns = []
        for (cell, index) in zip(named, matched) {
            guard let index else { continue }
            let column = ReportTemplates.proactiveColumns[index]
            if Self.column(named: cell) == nil {
                warnings.append(.init(code: "column_matched_by_position", message: "table 二 column header '\(cell.text)' matches no template label; it stands where \(column.labels[0]) belongs and is read as it", page: page))
            }
            out.append((column, cell.box, cell.text))
        }
        return out.isEmpty ? nil : out
    }

    /// The template column (its index) a header cell names, or nil.
    private static func column(named cell: KeyedCell) -> Int? {
        let key = cell.key
        var best: (Int, Double)?
        for (index, (_, labels)) in columnKeys.enumerated() {
            for lk in labels {
                let score = key == lk ? 1.0 : (key.contains(lk) && lk.count >= 4 ? 0.9 : key.similarity(lk))
                if score > (best?.1 ?? 0) { best = (index, score) }
            }
        }
        guard let best, best.1 >= 0.7 else { return nil }
        return best.0
    }

    /// Header cells too garbled to match (OCR: 本年让止件数): one between two matched columns that
    /// are one template column apart takes that column; one at the end of a row beside two matched
    /// neighbouring template columns takes the next (or previous) one of the same format.
    private static func placeColumnsByPosition(_ matched: inout [Int?]) {
        let columns = ReportTemplates.proactiveColumns
        func sameFormat(_ a: Int, _ b: Int) -> Bool { columns[a].version == nil || columns[b].version == nil || columns[a].version == columns[b].version }
        // At an end only a column of the same format as both neighbours (not 本年处理决定数量, which
        // stands alone in 2021 tables).
        func strictlySame(_ a: Int, _ b: Int) -> Bool { columns[a].version != nil && columns[a].version == columns[b].version }
        for i in matched.indices where matched[i] == nil {
            let before = i > 0 ? matched[i - 1] : nil, after = i + 1 < matched.count ? matched[i + 1] : nil
            var guess: Int?
            if let b = before, let a = after, a == b + 2, sameFormat(b, b + 1), sameFormat(b + 1, a) { guess = b + 1 }
            if before == nil, i == 0, let a = after, i + 2 < matched.count, matched[i + 2] == a + 1, a > 0, strictlySame(a - 1, a), strictlySame(a, a + 1) { guess = a - 1 }
            if after == nil, i == matched.count - 1, let b = before, i >= 2, matched[i - 2] == b - 1, b + 1 < columns.count, strictlySame(b, b + 1), strictlySame(b - 1, b) { guess = b + 1 }
            if let guess, !matched.contains(guess) { matched[i] = guess }
        }
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
