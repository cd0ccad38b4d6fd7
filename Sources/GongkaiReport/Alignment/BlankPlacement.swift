/// Places a table 三 row whose text dropped blank cells (`1 无 无 无 无 无` for seven columns):
/// each way to set the printed values into the columns, in order, leaving the rest blank, is tried
/// against the row total; a placement is taken only when it is the one the row total does not
/// contradict. The blank cells stay null with `blank_cell`; no value is made up.
enum BlankPlacement {
    /// Columns left blank by a placement, or nil when no single placement fits.
    static func blanks(values: [Int], width: Int) -> [Int]? {
        let all = fitting(values: values, width: width)
        return all.count == 1 ? all[0] : nil
    }

    /// Every placement (its blank columns) the row total does not contradict.
    static func fitting(values: [Int], width: Int) -> [[Int]] {
        let missing = width - values.count
        guard missing > 0, !values.isEmpty else { return [] }
        return combinations(of: missing, in: width).filter { fits(values, blanks: $0, width: width) }
    }

    /// For each column, the index of the printed value every fitting placement sets there; columns
    /// on which placements differ (or that some leave blank) are absent. Empty when none fits.
    static func agreedCells(values: [Int], width: Int) -> [Int: Int] {
        let all = fitting(values: values, width: width).map { valueIndexes(blanks: $0, width: width) }
        guard let first = all.first else { return [:] }
        var agreed: [Int: Int] = [:]
        for c in 0..<width {
            guard let i = first[c], all.allSatisfy({ $0[c] == i }) else { continue }
            agreed[c] = i
        }
        return agreed
    }

    /// For each column, which printed value a placement sets there (nil: left blank).
    static func valueIndexes(blanks: [Int], width: Int) -> [Int?] {
        var next = 0
        return (0..<width).map { c in
            guard !blanks.contains(c) else { return nil }
            next += 1
            return next - 1
        }
    }

    /// The last printed value is the sum of the others, two of them at least not zero: the row
    /// shows its own total (`821 35 2 1 859`). A total column left blank would make that sum a
    /// coincidence, so the last value stands in 总计 wherever the others stand.
    static func showsOwnTotal(_ values: [Int]) -> Bool {
        guard values.count >= 3 else { return false }
        let parts = values.dropLast()
        return parts.filter { $0 != 0 }.count >= 2 && parts.reduce(0, +) == values.last!
    }

    /// The row total (last column = sum of the others) holds wherever every term is printed.
    static func fits(_ values: [Int], blanks: [Int], width: Int) -> Bool {
        if showsOwnTotal(values), blanks.contains(width - 1) { return false }
        let cells = valueIndexes(blanks: blanks, width: width).map { $0.map { values[$0] } }
        guard let total = cells.last!, cells.dropLast().allSatisfy({ $0 != nil }) else {
            // A blank part: the printed parts may not exceed the printed total.
            if let total = cells.last!, cells.dropLast().compactMap({ $0 }).reduce(0, +) > total { return false }
            return true
        }
        return cells.dropLast().reduce(0) { $0 + $1! } == total
    }

    /// Every choice of `k` columns out of `n`, in increasing order.
    static func combinations(of k: Int, in n: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard k <= n else { return [] }
        var out: [[Int]] = []
        for first in 0..<n {
            for rest in combinations(of: k - 1, in: n - first - 1) { out.append([first] + rest.map { $0 + first + 1 }) }
        }
        return out
    }
}
