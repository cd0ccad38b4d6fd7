/// Fills cells the source lost where the accounting identities of the contract determine them,
/// and marks each filled value with the identity that gave it.
///
/// Only a *lost* cell is filled: one with no cell under its column, a short row's missing number,
/// or an empty cell of a grid rebuilt from converter output (`CellGrid.blankCellsMayBeLost`). An
/// empty cell of a PDF or HTML table stays null with its warning: real reports leave cells and
/// whole 总计 columns blank, and a blank is what the report says.
///
/// An identity yields a value only when exactly one of its cells is unknown; a cell is filled only
/// when every identity that determines it agrees, the value is a non-negative whole count, and it
/// is not already read. Values that were read are never changed, so a failed identity stays failed
/// (the checks run afterwards, on what was read plus the inferred values, which are marked).
public enum IdentityInference {
    struct Equation {
        let rule: String
        /// The row or column it adds up (as the checks name it: `CheckFailure.at`).
        let at: String
        /// (dotted path below the table, coefficient): Σ coefficient · value = 0.
        let terms: [(String, Int)]
    }

    static func applicationEquations(_ t: TableReading) -> [Equation] {
        let rows = Set(t.values.map { $0.path.dropLast().joined(separator: ".") })
        var out: [Equation] = []
        for c in AccountingChecks.applicantKeys {
            out.append(Equation(rule: "applications.balance", at: c, terms: [
                ("new_received.\(c)", 1), ("carried_over.\(c)", 1), ("results.total.\(c)", -1), ("carried_forward.\(c)", -1),
            ]))
        }
        for row in rows.sorted() {
            out.append(Equation(rule: "applications.row_total", at: row, terms: [("\(row).total", 1)] + AccountingChecks.partyKeys.map { ("\(row).\($0)", -1) }))
        }
        let resultRows = rows.filter { $0.hasPrefix("results.") && $0 != "results.total" }.sorted()
        if !resultRows.isEmpty {
            for c in AccountingChecks.applicantKeys {
                out.append(Equation(rule: "applications.results_total", at: c, terms: [("results.total.\(c)", 1)] + resultRows.map { ("\($0).\(c)", -1) }))
            }
        }
        return out
    }

    static func reviewEquations() -> [Equation] {
        ReportTemplates.reviewGroups.map { g in
            Equation(rule: "review_litigation.totals", at: g.key, terms: [("\(g.key).total", 1)] + ["upheld", "corrected", "other", "pending"].map { ("\(g.key).\($0)", -1) })
        }
    }

    /// Runs the inference on both tables in place; explains itself in `notes` and `warnings`.
    /// - Parameter lossyGrids: indexes of the grids whose empty cells may be lost values.
    public static func apply(to tables: inout ReportTables, lossyGrids: Set<Int>) {
        var warnings: [ReportWarning] = [], notes: [String] = []
        let fillable: (ExtractedValue) -> Bool = { v in
            guard let cell = v.cell else { return !v.blankByColumn }
            return lossyGrids.contains(cell.grid) && v.raw.allSatisfy(\.isWhitespace)
        }
        solve(&tables.applications, table: "applications", equations: applicationEquations, fillable: fillable, warnings: &warnings, notes: &notes)
        solve(&tables.reviewLitigation, table: "review_litigation", equations: { _ in reviewEquations() }, fillable: fillable, warnings: &warnings, notes: &notes)
        tables.warnings += warnings
        tables.notes += notes
    }

    static func solve(_ t: inout TableReading, table: String, equations make: (TableReading) -> [Equation],
                      fillable: (ExtractedValue) -> Bool, warnings: inout [ReportWarning], notes: inout [String]) {
        guard t.found else { return }
        let equations = make(t)
        var index: [String: Int] = [:]
        for (i, v) in t.values.enumerated() { index[v.path.joined(separator: ".")] = i }
        var refused = Set<String>()
        while true {
            var candidates: [String: [(rule: String, value: Int)]] = [:]
            for eq in equations {
                guard eq.terms.allSatisfy({ index[$0.0] != nil }) else { continue }  // a row or column not in the table
                let unknown = eq.terms.filter { t.values[index[$0.0]!].value == nil }
                guard unknown.count == 1, !refused.contains(unknown[0].0), fillable(t.values[index[unknown[0].0]!]) else { continue }
                var sum = 0
                var integral = true
                for (p, c) in eq.terms where p != unknown[0].0 {
                    // Whole counts only, and none so large that the sum would overflow (a hostile
                    // file's 19-digit cells): such an identity decides nothing.
                    guard let n = t.values[index[p]!].value?.intValue, abs(n) < 1 << 52 else { integral = false; break }
                    sum += c * n
                }
                guard integral, abs(sum) < 1 << 60 else { continue }
                candidates[unknown[0].0, default: []].append((eq.rule, -sum * unknown[0].1))
            }
            var progress = false
            for (path, found) in candidates.sorted(by: { $0.key < $1.key }) {
                let dotted = "\(table).\(path)"
                let values = Set(found.map(\.value))
                if values.count > 1 {
                    refused.insert(path)
                    let detail = found.map { "\($0.rule) gives \($0.value)" }.joined(separator: ", ")
                    warnings.append(.init(code: "inference_conflict", message: "cell \(dotted) is null: the identities disagree on it (\(detail))", path: dotted))
                    continue
                }
                let value = values.first!
                if value < 0 {
                    refused.insert(path)
                    warnings.append(.init(code: "inference_conflict", message: "cell \(dotted) is null: \(found[0].rule) would make it \(value)", path: dotted))
                    continue
                }
                let i = index[path]!
                t.values[i].value = ReportNumber(value)
                t.values[i].inferredBy = found[0].rule
                let others = Set(found.map(\.rule)).subtracting([found[0].rule]).sorted()
                notes.append("inferred \(dotted) = \(value) from \(found[0].rule)" + (others.isEmpty ? "" : " (agrees with \(others.joined(separator: ", ")))"))
                progress = true
            }
            if !progress { break }
        }
    }
}
