/// Table 三 rows whose glued digits split several ways, decided together by the column identities
/// (the results add up to （七）总计; new + carried over = 总计 + carried forward), column by column.
///
/// Only a combination of splits that is the one making every checkable identity hold is taken;
/// cells on which all such combinations agree are taken too. Anything else stays null.
enum ColumnResolution {
    /// Most combinations of row splits tried (a bound on the work per table).
    static let maxCombinations = 20_000

    static func resolve(_ reading: inout TableReading, rowRuns: [(path: String, runs: [TextStream.Run])], warnings: inout [ReportWarning]) {
        let keys = ApplicationsAlignment.keys
        var ambiguous: [(path: String, runs: [TextStream.Run], splits: [RunSplitter.Split])] = []
        for (path, runs) in rowRuns where keys.contains(where: { reading.value(path + "." + $0)?.value == nil }) && runs.count < keys.count {
            if case .ambiguous(let splits, true) = RunSplitter.split(runs, count: keys.count, accept: ApplicationsAlignment.rowTotalHolds) {
                ambiguous.append((path, runs, splits))
            }
        }
        guard !ambiguous.isEmpty, ambiguous.reduce(1, { $0 * $1.splits.count }) <= maxCombinations else { return }
        var fixed: [String: [Int?]] = [:]
        for (path, _) in rowRuns { fixed[path] = keys.map { k in reading.value(path + "." + k)?.value.flatMap { Int($0.description) } } }
        var surviving: [[Int]] = []
        var choice = Array(repeating: 0, count: ambiguous.count)
        while true {
            var rows = fixed
            for (i, a) in ambiguous.enumerated() { rows[a.path] = a.splits[choice[i]].values.map(AlignedReader.count) }
            if identitiesHold(rows) { surviving.append(choice) }
            guard advance(&choice, limits: ambiguous.map(\.splits.count)) else { break }
        }
        guard !surviving.isEmpty else { return }
        for (i, a) in ambiguous.enumerated() {
            let chosen = Set(surviving.map { $0[i] })
            for (c, key) in keys.enumerated() {
                let readings = Set(chosen.map { a.splits[$0].values[c] })
                guard readings.count == 1, let only = chosen.first, let at = reading.values.firstIndex(where: { $0.path == a.path.split(separator: ".").map(String.init) + [key] }),
                      reading.values[at].value == nil else { continue }
                let split = a.splits[only]
                reading.values[at] = AlignedReader.value(path: reading.values[at].path, raw: split.values[c], run: a.runs[split.pieces[c].run], offset: split.pieces[c].offset,
                                                         number: AlignedReader.number(split.values[c]))
            }
            reading.notes.append("aligned: \(a.path) split by the column identities (\(chosen.count) of \(a.splits.count) splits fit)")
        }
        let settled = Set(ambiguous.map(\.path).filter { p in keys.allSatisfy { reading.value(p + "." + $0)?.value != nil } })
        warnings.removeAll { $0.code == "split_ambiguous" && settled.contains($0.path ?? "") }
    }

    /// Every identity whose terms are all known holds, and each column has at least one such identity.
    static func identitiesHold(_ rows: [String: [Int?]]) -> Bool {
        let resultRows = rows.keys.filter { $0.hasPrefix("results.") && $0 != "results.total" }
        for c in ApplicationsAlignment.keys.indices {
            var checked = false
            if let total = rows["results.total"]?[c] {
                let parts = resultRows.map { rows[$0]?[c] ?? nil }
                if parts.allSatisfy({ $0 != nil }) {
                    checked = true
                    if parts.reduce(0, { $0 + $1! }) != total { return false }
                }
                if let n = rows["new_received"]?[c], let o = rows["carried_over"]?[c], let f = rows["carried_forward"]?[c] {
                    checked = true
                    if n + o != total + f { return false }
                }
            }
            if !checked { return false }
        }
        return true
    }

    /// The next combination (odometer order); false after the last.
    static func advance(_ choice: inout [Int], limits: [Int]) -> Bool {
        for i in choice.indices.reversed() {
            choice[i] += 1
            if choice[i] < limits[i] { return true }
            choice[i] = 0
        }
        return false
    }
}
