/// Places a table 三 row whose text dropped blank cells (`1 无 无 无 无 无` for seven columns):
/// each way to set the printed values into the columns, in order, leaving the rest blank, is tried
/// against the row total; a placement is taken only when it is the one the row total does not
/// contradict. The blank cells stay null with `blank_cell`; no value is made up.
enum BlankPlacement {
    /// Columns left blank by a placement, or nil when no single placement fits.
    static func blanks(values: [Int], width: Int) -> [Int]? {
        let missing = width - values.count
        guard missing > 0, missing <= 3, !values.isEmpty else { return nil }
        var fitting: [[Int]] = []
        for blanks in combinations(of: missing, in: width) where fits(values, blanks: blanks, width: width) {
            fitting.append(blanks)
            if fitting.count > 1 { return nil }
        }
        return fitting.first
    }

    /// The row total (last column = sum of the others) holds wherever every term is printed.
    static func fits(_ values: [Int], blanks: [Int], width: Int) -> Bool {
        var cells: [Int?] = []
        var next = 0
        for c in 0..<width {
            if blanks.contains(c) { cells.append(nil) } else { cells.append(values[next]); next += 1 }
        }
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
