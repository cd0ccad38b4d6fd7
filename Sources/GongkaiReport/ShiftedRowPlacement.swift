/// A row of table 三 from a converter's grid that lost one cell and had the rest pulled along
/// (`| 2 | 0 | 0 | 0 | 0 | 2 |  |`: the 总计 cell looks blank, but any cell may be the lost one).
///
/// Every place the lost cell may have stood is tried, the lost value taken from the row total,
/// and the table's identities counted for each. The row is rewritten only when the reading as
/// printed breaks more identities than the best placements and those all read the row alike;
/// when they read it differently the row's cells are null with a warning. Nothing is guessed.
enum ShiftedRowPlacement {
    static let keys = AccountingChecks.applicantKeys

    /// - Parameter lost: whether a null cell may be a cell the source lost (a converter grid's empty cell).
    static func apply(to t: inout TableReading, lost: (ExtractedValue) -> Bool, warnings: inout [ReportWarning], notes: inout [String]) {
        guard t.found else { return }
        var rows: [[String]: [Int]] = [:]
        for (i, v) in t.values.enumerated() where v.path.count > 1 { rows[Array(v.path.dropLast()), default: []].append(i) }
        for row in rows.keys.sorted(by: { $0.joined(separator: ".") < $1.joined(separator: ".") }) {
            place(row: row, indexes: rows[row]!, in: &t, lost: lost, warnings: &warnings, notes: &notes)
        }
    }

    private static func place(row: [String], indexes: [Int], in t: inout TableReading, lost: (ExtractedValue) -> Bool,
                              warnings: inout [ReportWarning], notes: inout [String]) {
        let at = keys.map { k in indexes.first { t.values[$0].path.last == k } }
        guard at.allSatisfy({ $0 != nil }) else { return }
        let cells = at.map { t.values[$0!] }
        let missing = cells.indices.filter { cells[$0].value == nil }
        guard missing.count == 1, lost(cells[missing[0]]) else { return }
        let printed = cells.indices.filter { $0 != missing[0] }.map { cells[$0] }
        guard printed.allSatisfy({ ($0.value?.intValue).map { $0 >= 0 } ?? false }) else { return }
        // Each placement: the lost cell at position k, the printed cells in order around it.
        var readings: [(k: Int, values: [Int], faults: Int)] = []
        for k in keys.indices {
            var values = printed.map { $0.value!.intValue! }
            values.insert(0, at: k)
            let parts = values.prefix(keys.count - 1).reduce(0, +)
            let filled = k == keys.count - 1 ? parts : values[keys.count - 1] - parts
            guard filled >= 0 else { continue }
            values[k] = filled
            var copy = t
            for (c, i) in at.enumerated() { copy.values[i!].value = ReportNumber(values[c]) }
            let faults = AccountingChecks.run(applications: copy, review: TableReading()).reduce(0) { $0 + $1.failures.count }
            readings.append((k, values, faults))
        }
        guard let best = readings.map(\.faults).min(),
              let asPrinted = readings.first(where: { $0.k == missing[0] }), asPrinted.faults > best else { return }
        let chosen = readings.filter { $0.faults == best }
        let dotted = "applications." + row.joined(separator: ".")
        guard chosen.allSatisfy({ $0.values == chosen[0].values }) else {
            for i in at { t.values[i!].value = nil }
            warnings.append(.init(code: "row_shifted", message: "row \(dotted) lost a cell and its numbers were shifted; the identities fit \(chosen.count) placements that read it differently (\(chosen.map { $0.values.map(String.init).joined(separator: "/") }.joined(separator: "; "))); the row is null", path: dotted))
            return
        }
        let k = chosen[0].k, values = chosen[0].values
        var source = printed.makeIterator()
        for (c, i) in at.enumerated() {
            var v = c == k ? cells[missing[0]] : source.next()!
            v.path = row + [keys[c]]
            v.value = ReportNumber(values[c])
            if c == k { v.inferredBy = "applications.row_total" }
            t.values[i!] = v
        }
        warnings.append(.init(code: "row_shifted", message: "row \(dotted) lost its \(keys[k]) cell and its numbers were shifted: placed where the identities hold (\(best) faults against \(asPrinted.faults) as printed); \(keys[k]) = \(values[k]) from the row total", path: dotted))
        notes.append("\(dotted): lost cell placed at \(keys[k]) by the identities (\(chosen.count) of \(readings.count) placements fit, all alike)")
    }
}
