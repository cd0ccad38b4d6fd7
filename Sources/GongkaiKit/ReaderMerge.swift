import GongkaiReport

/// Which reader supplies the report tables (`--tables-from`).
public enum TableSource: String, Sendable, CaseIterable {
    /// Grids first; the text alignment where no grid gives a table, fills cells the grids left
    /// null, and is compared with the grids (a warning where they disagree).
    case automatic
    /// Only the grid readers (tables found in the layout, HTML or markup).
    case grids
    /// Only the template alignment over the document's text.
    case text
}

/// Combines the grid reading and the aligned text reading of one document, cell by cell.
enum ReaderMerge {
    /// Grid values stay; a null grid value takes the aligned value when one was read (a note says
    /// so); two readings that differ are decided by the checks (`Disagreement`), or, for PDFs, keep
    /// the grid's and say so in a `readers_disagree` warning.
    /// - Parameter fillNulls: false where a grid's null is a blank cell read as such (PDFs): then a
    ///   null is filled only in a table whose grid lost rows or columns the alignment holds (its
    ///   blanks are suspect too); elsewhere only the cells the grid never produced are taken.
    static func merge(grid: ReportTables, aligned: ReportTables, fillNulls: Bool = true) -> ReportTables {
        var merged = grid
        var warnings: [ReportWarning] = []
        merged.proactive = mergeTable(grid.proactive, aligned.proactive, table: .proactive, fillNulls: fillNulls, warnings: &warnings, notes: &merged.notes)
        merged.applications = mergeTable(grid.applications, aligned.applications, table: .applications, fillNulls: fillNulls, warnings: &warnings, notes: &merged.notes)
        merged.reviewLitigation = mergeTable(grid.reviewLitigation, aligned.reviewLitigation, table: .reviewLitigation, fillNulls: fillNulls, warnings: &warnings, notes: &merged.notes)
        merged.warnings += warnings
        let read = Set([(merged.proactive, ReportTableKind.proactive), (merged.applications, .applications), (merged.reviewLitigation, .reviewLitigation)]
            .flatMap { reading, kind in reading.values.filter { $0.value != nil }.map { $0.dottedPath(in: kind) } })
        merged.warnings.removeAll { w in
            guard w.code == "row_missing", let path = w.path else { return false }
            return read.contains { $0.hasPrefix(path + ".") }
        }
        return merged
    }

    private static func mergeTable(_ grid: TableReading, _ aligned: TableReading, table: ReportTableKind, fillNulls: Bool,
                                   warnings: inout [ReportWarning], notes: inout [String]) -> TableReading {
        // Text and markup grids (rebuilt from a converter's cells) may be shifted: a disagreement is
        // decided by the checks or nulled. A PDF's grid is read from the page and stays.
        let decideDisagreements = fillNulls
        guard aligned.found else { return grid }
        guard grid.found else {
            notes.append("table \(table.key) read from the text alignment (no grid held it)")
            return aligned
        }
        // Different formats: the alignment read other rows; nothing to compare.
        if let g = grid.version, let a = aligned.version, g != a { return grid }
        var out = grid
        var disagreeing: [Disagreement.Cell] = []
        let gridPaths = Set(grid.values.map { $0.path.joined(separator: ".") })
        let fillNulls = fillNulls || aligned.values.contains { $0.value != nil && !gridPaths.contains($0.path.joined(separator: ".")) }
        var byPath: [String: ExtractedValue] = [:]
        for v in aligned.values { byPath[v.path.joined(separator: ".")] = v }
        let failing = failingRows(aligned, table: table)
        for (i, v) in grid.values.enumerated() {
            let path = v.path.joined(separator: ".")
            guard let other = byPath[path], let read = other.value else { continue }
            if v.value == nil && v.inferredBy == nil {
                guard fillNulls else { continue }
                guard !failing.contains(v.path.dropLast().joined(separator: ".")) else {
                    notes.append("\(v.dottedPath(in: table)): null in the grid; the text alignment reads \(read), but its row fails its row total there, so it is not taken")
                    continue
                }
                out.values[i] = other
                notes.append("\(v.dottedPath(in: table)): null in the grid, \(read) from the text alignment")
            } else if let g = v.value, g != read, v.inferredBy == nil {
                disagreeing.append(.init(index: i, grid: v, aligned: other))
            }
        }
        if !disagreeing.isEmpty {
            if decideDisagreements {
                Disagreement.resolve(&out, kind: table, cells: disagreeing, warnings: &warnings, notes: &notes)
            } else {
                for d in disagreeing {
                    warnings.append(.init(code: "readers_disagree", message: "\(d.grid.dottedPath(in: table)): the grid reads \(d.grid.value!), the text alignment \(d.aligned.value!); the grid's value is kept",
                                          path: d.grid.dottedPath(in: table)))
                }
            }
        }
        // Cells the grid never produced (a column whose header was lost), where the two readings
        // agree on every cell both hold: the alignment's value, noted.
        if disagreeing.isEmpty {
            for v in aligned.values where v.value != nil && !gridPaths.contains(v.path.joined(separator: "."))
                && !failing.contains(v.path.dropLast().joined(separator: ".")) {
                out.values.append(v)
                notes.append("\(v.dottedPath(in: table)): not in the grid, \(v.value!) from the text alignment")
            }
        }
        return out
    }

    /// Rows of the aligned reading whose own total contradicts their parts (table 三's row total,
    /// table 四's group totals): a cell of such a row is no evidence for filling a grid's null —
    /// the alignment placed at least one of its numbers wrong.
    static func failingRows(_ aligned: TableReading, table: ReportTableKind) -> Set<String> {
        switch table {
        case .applications: return Set(AccountingChecks.rowTotals(aligned).failures.map(\.at))
        case .reviewLitigation: return Set(AccountingChecks.reviewTotals(aligned).failures.map(\.at))
        case .proactive: return []
        }
    }
}
