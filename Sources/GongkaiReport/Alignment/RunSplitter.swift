/// Splits a row's number runs into its values when cells were glued together (`270020130` for
/// seven cells), keeping only splits that the row's identity accepts.
///
/// Every run holds at least one value and values keep their order; a printed count has no leading
/// zero. The search is bounded (`maxSteps`), so a pathological run costs a fixed amount of time.
enum RunSplitter {
    /// One way to read the row: the values as printed, each with its run and offset in the run.
    struct Split: Equatable {
        var values: [String]
        var pieces: [(run: Int, offset: Int)]
        static func == (a: Split, b: Split) -> Bool { a.values == b.values }
    }

    enum Outcome {
        case unique(Split)
        /// `complete`: every consistent split is listed (the search stopped at none).
        case ambiguous([Split], complete: Bool)
        case none
        case tooMany
    }

    static let maxSteps = 200_000
    /// Longest value a glued run is cut into (counts in these tables stay below ten million).
    static let maxValueDigits = 7

    /// All splits of `runs` into `count` values that `accept` takes, up to `limit` of them.
    static func split(_ runs: [TextStream.Run], count: Int, limit: Int = 64, accept: ([String]) -> Bool) -> Outcome {
        let totalDigits = runs.reduce(0) { $0 + ($1.single ? 1 : $1.raw.count) }
        guard runs.count <= count, totalDigits >= count else { return .none }
        // Digits from each run to the end (a single-valued run counts as one).
        var digitsFrom = Array(repeating: 0, count: runs.count + 1)
        for r in stride(from: runs.count - 1, through: 0, by: -1) { digitsFrom[r] = digitsFrom[r + 1] + (runs[r].single ? 1 : runs[r].raw.count) }
        var found: [Split] = []
        var steps = 0
        var values: [String] = [], pieces: [(run: Int, offset: Int)] = []
        var exhausted = false

        func place(run r: Int, offset: Int) {
            if exhausted || found.count >= limit { return }
            steps += 1
            if steps > maxSteps { exhausted = true; return }
            if r == runs.count {
                if values.count == count && accept(values) { found.append(Split(values: values, pieces: pieces)) }
                return
            }
            let run = runs[r]
            let remainingRuns = runs.count - r - 1
            // Digits left cannot fit into the values left: no split down this path.
            if digitsFrom[r] - offset > (count - values.count) * maxValueDigits { return }
            if run.dashes > 1 {
                placeDashes(run: r, remainingRuns: remainingRuns)
                return
            }
            if run.single {
                values.append(run.raw); pieces.append((r, 0))
                if values.count + remainingRuns <= count { place(run: r + 1, offset: 0) }
                values.removeLast(); pieces.removeLast()
                return
            }
            let chars = Array(run.raw)
            var start = offset
            var sign = ""
            if start == 0, let f = chars.first, "-－−+".contains(f) { sign = f == "+" ? "" : "-"; start = 1 }
            guard start < chars.count else { return }
            let longest = chars[start] == "0" ? 1 : min(maxValueDigits, chars.count - start)
            for length in stride(from: 1, through: longest, by: 1) {
                let end = start + length
                values.append(sign + String(chars[start..<end])); pieces.append((r, offset))
                if values.count + remainingRuns <= count {
                    if end == chars.count { place(run: r + 1, offset: 0) } else if values.count < count { place(run: r, offset: end) }
                }
                values.removeLast(); pieces.removeLast()
            }
        }
        /// A glued dash run is one to `dashes` zero-mark cells (`——` is one cell or two).
        func placeDashes(run r: Int, remainingRuns: Int) {
            let run = runs[r]
            for cells in 1...run.dashes where values.count + cells + remainingRuns <= count {
                for k in 0..<cells { values.append("—"); pieces.append((r, k)) }
                place(run: r + 1, offset: 0)
                values.removeLast(cells); pieces.removeLast(cells)
            }
        }
        place(run: 0, offset: 0)
        let complete = !exhausted && found.count < limit
        if found.isEmpty { return exhausted ? .tooMany : .none }
        return found.count == 1 && complete ? .unique(found[0]) : .ambiguous(found, complete: complete)
    }
}
