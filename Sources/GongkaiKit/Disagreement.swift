import GongkaiReport

/// Decides a row the grid reader and the text alignment read differently (a converter's shifted
/// grid, a number glued to its label): the reading the report's own checks accept is kept, and
/// where the checks do not tell them apart the cells are null with a warning naming both readings.
/// A wrong number is worse than a null.
enum Disagreement {
    /// One cell both readers hold with different values.
    struct Cell {
        var index: Int
        var grid: ExtractedValue
        var aligned: ExtractedValue
    }

    /// Resolves the disagreeing cells of `table` row by row (a row: the path without its column).
    static func resolve(_ table: inout TableReading, kind: ReportTableKind, cells: [Cell], warnings: inout [ReportWarning], notes: inout [String]) {
        var rows: [[String]: [Cell]] = [:]
        for c in cells { rows[Array(c.grid.path.dropLast()), default: []].append(c) }
        for key in rows.keys.sorted(by: { $0.joined(separator: ".") < $1.joined(separator: ".") }) {
            let row = rows[key]!
            var alternative = table
            for c in row { alternative.values[c.index] = c.aligned }
            let gridFaults = faults(table, kind: kind), alignedFaults = faults(alternative, kind: kind)
            let shown = row.map { "\($0.grid.dottedPath(in: kind)): grid \($0.grid.value!), text \($0.aligned.value!)" }.joined(separator: "; ")
            if alignedFaults < gridFaults {
                table = alternative
                notes.append("readers disagree (\(shown)): the text alignment's reading is taken, the checks hold better with it (\(alignedFaults) faults against \(gridFaults))")
            } else if gridFaults < alignedFaults {
                notes.append("readers disagree (\(shown)): the grid's reading is kept, the checks hold better with it (\(gridFaults) faults against \(alignedFaults))")
            } else {
                for c in row { table.values[c.index].value = nil }
                warnings.append(.init(code: "readers_disagree", message: "the grid and the text alignment read the row differently and the checks do not tell which is right (\(shown)); the cells are null",
                                      path: kind.key + "." + key.joined(separator: ".")))
            }
        }
    }

    /// How many ways the table breaks what the report's format allows: failed identities, and
    /// negative numbers in columns of counts or amounts (only 本年增/减 is signed).
    static func faults(_ t: TableReading, kind: ReportTableKind) -> Int {
        switch kind {
        case .proactive:
            let unsigned = Set(ReportTemplates.proactiveColumns.filter { $0.kind != .signedCount }.map(\.key))
            return t.values.filter { v in
                guard let n = v.value, let key = v.path.last else { return false }
                return unsigned.contains(key) && n.doubleValue < 0
            }.count
        case .applications:
            return AccountingChecks.run(applications: t, review: TableReading()).reduce(0) { $0 + $1.failures.count }
        case .reviewLitigation:
            return AccountingChecks.run(applications: TableReading(), review: t).reduce(0) { $0 + $1.failures.count }
        }
    }
}
