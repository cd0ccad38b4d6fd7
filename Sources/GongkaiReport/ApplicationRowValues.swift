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
        for row in shortRows { placeShortRow(row, in: &reading, warnings: &warnings) }
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
}
