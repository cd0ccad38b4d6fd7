import PageGeometry
import TableLayout

/// A matched row of table 三 whose cells hold fewer numbers than its columns: which column lost
/// one is decided by the identities (`ApplicationsReader.placeShortRow`).
struct ShortRow {
    let prefix: [String]
    let columns: [String]
    let tokens: [String]
    let page: Int
    let box: Rect
}

extension ApplicationsReader {
    /// The values of every matched row, in row order; the table's version by majority of its rows.
    func readValues(_ candidates: [CandidateRow], match: RowMatch, into reading: inout TableReading, warnings: inout [ReportWarning]) {
        var versionVotes: [TemplateVersion: Int] = [:]
        var shortRows: [ShortRow] = []
        for (ci, ti) in match.pairs.sorted(by: { $0.row < $1.row }) {
            let c = candidates[ci], t = ReportTemplates.applicationRows[ti]
            if let v = t.version { versionVotes[v, default: 0] += 1 }
            reading.notes.append("三: '\(c.labelText)' → applications.\(t.path) (\(match.how[ci] ?? "?"))")
            readRow(c, template: t, into: &reading, shortRows: &shortRows, warnings: &warnings)
        }
        var lost: [[String]] = []
        for row in shortRows { lost.append(placeShortRow(row, in: &reading, warnings: &warnings)) }
        Self.markBlankLostColumns(shortRows, lost: lost, in: &reading, warnings: &warnings)
        reading.version = versionVotes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    /// Cells under each column; a cell holding several numbers across columns is split when it
    /// holds one per column, else the row is short and solved later.
    private func readRow(_ c: CandidateRow, template t: ReportTemplates.ApplicationRow, into reading: inout TableReading,
                         shortRows: inout [ShortRow], warnings: inout [ReportWarning]) {
        let prefix = t.path.split(separator: ".").map(String.init)
        let under = c.columns.map { cellUnder($0.1, among: c.values) }
        var done = Set<Int>()
        for (i, cell) in under.enumerated() where !done.contains(i) {
            guard let cell, let packed = CellValueParser.packedValues(cell.text) else { continue }
            let group = under.indices.filter { under[$0]?.cell == cell.cell }
            if packed.count == group.count {
                for (j, token) in zip(group, packed) {
                    let path = prefix + [c.columns[j].0.key]
                    let value = CellInterpreter.interpret(token, path: "applications." + path.joined(separator: "."), page: c.row.page, warnings: &warnings)
                    reading.values.append(.init(path: path, value: value, raw: token, page: c.row.page, box: cell.box, cell: c.row.grid.ref(cell)))
                }
            } else if packed.count < group.count {
                shortRows.append(ShortRow(prefix: prefix, columns: group.map { c.columns[$0].0.key }, tokens: packed, page: c.row.page, box: cell.box))
                for j in group { reading.values.append(.init(path: prefix + [c.columns[j].0.key], value: nil, raw: "", page: c.row.page, box: cell.box)) }
            } else {
                continue
            }
            done.formUnion(group)
        }
        for (i, (column, box)) in c.columns.enumerated() where !done.contains(i) {
            let path = prefix + [column.key]
            let dotted = "applications." + path.joined(separator: ".")
            guard let cell = under[i] else {
                warnings.append(.init(code: "cell_missing", message: "no cell under column \(column.label) in row \(t.labels.last ?? t.path)", path: dotted, page: c.row.page))
                // No cell: the box is where it should have been, the column over the row.
                let row = c.row.box
                reading.values.append(.init(path: path, value: nil, raw: "", page: c.row.page, box: Rect(x0: box.x0, y0: row.y0, x1: box.x1, y1: row.y1)))
                continue
            }
            let value = CellInterpreter.interpret(cell.text, path: dotted, page: c.row.page, warnings: &warnings)
            reading.values.append(.init(path: path, value: value, raw: cell.text, page: c.row.page, box: cell.box, cell: c.row.grid.ref(cell)))
        }
    }

    /// Columns that every short row may have lost (at least `minBlankCellsForBlankColumn` rows),
    /// exactly as many as each row is short, with no number read under them in any row: blank
    /// columns (a 总计 column left empty, invisible in layout text where a blank cell is only
    /// spaces). Each row's numbers go in order into the other columns; the blank ones are null
    /// with a `blank_cell` warning, not the values the identities would give.
    static func markBlankLostColumns(_ rows: [ShortRow], lost: [[String]], in reading: inout TableReading, warnings: inout [ReportWarning]) {
        guard rows.count >= minBlankCellsForBlankColumn, let short = rows.first.map({ $0.columns.count - $0.tokens.count }),
              rows.allSatisfy({ $0.columns.count - $0.tokens.count == short }) else { return }
        let read = Set(reading.values.filter { $0.cell != nil && !$0.raw.allSatisfy(\.isWhitespace) }.compactMap(\.path.last))
        let blank = Set(rows[0].columns.filter { key in !read.contains(key) && lost.allSatisfy { $0.contains(key) } })
        guard blank.count == short else { return }
        for row in rows {
            let kept = row.columns.filter { !blank.contains($0) }
            for key in row.columns {
                let path = row.prefix + [key], dotted = "applications." + path.joined(separator: ".")
                guard let i = reading.values.firstIndex(where: { $0.path == path }) else { continue }
                reading.values[i].inferredBy = nil
                if let t = kept.firstIndex(of: key) {
                    reading.values[i].value = shortRowNumber(row.tokens[t]); reading.values[i].raw = row.tokens[t]
                } else {
                    reading.values[i].value = nil; reading.values[i].raw = ""; reading.values[i].blankByColumn = true
                    warnings.append(.init(code: "blank_cell", message: "cell \(dotted) is blank: no row of the table has a number in its column, every row as many numbers short as it has blank columns",
                                          path: dotted, page: row.page))
                }
            }
        }
    }
}
