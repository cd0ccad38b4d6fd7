import TableLayout

/// Stage 3 of the layout-text builder — value columns: rows with the usual number of values set
/// the columns (their median centres, in order); without such rows the header stacks do. Header
/// stacks go onto the columns in order when they are as many, else by position.
struct LayoutValueColumns {
    /// The columns' centres, left to right.
    let centers: [Double]
    /// The column of each header stack (-1: none).
    let stackColumn: [Int]
    /// The centres are the header stacks' (no row fills every column), whose places drift.
    let fromHeader: Bool
    var count: Int { centers.count }

    /// Nil when the section has neither values nor header stacks.
    init?(_ area: LayoutValueArea, stacks: inout [HeaderStack]) {
        var counts: [Int: Int] = [:]
        for li in area.bodyValueLines { if let n = area.tokens[li]?.count, n > 0 { counts[n, default: 0] += 1 } }
        let mode = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        if mode > 0 { Self.joinHalves(&stacks, down: mode, maxPiece: area.settings.textLetterSpacedPieceLength) }
        let k = max(mode, stacks.count)
        guard k > 0 else { return nil }
        var centers: [Double]
        let full = area.body.filter { area.tokens[$0]?.count == k }
        if !full.isEmpty {
            centers = (0..<k).map { j in median(full.map { area.tokens[$0]![j].center }) }
        } else {
            centers = stacks.map(\.center)
        }
        fromHeader = full.isEmpty
        for j in 1..<max(1, centers.count) where centers[j] <= centers[j - 1] { centers[j] = centers[j - 1] + 1 }
        self.centers = centers
        if stacks.count == k {
            stackColumn = Array(0..<k)
        } else if !stacks.isEmpty {
            stackColumn = LayoutSection.align(stacks.map(\.center), to: centers).map { $0 ?? -1 }
        } else {
            stackColumn = []
        }
    }

    /// More header columns than numbers in a row: a word letter-spaced on one header line (结 果)
    /// made two columns of one; a column holding nothing but a neighbour's second half is merged.
    /// Only pieces of at most `maxPiece` characters are halves (自然人 商业 are two headers).
    static func joinHalves(_ stacks: inout [HeaderStack], down mode: Int, maxPiece: Int) {
        var i = 0
        while stacks.count > mode, i + 1 < stacks.count {
            let a = stacks[i], b = stacks[i + 1]
            func halves(_ x: HeaderStack, _ y: HeaderStack) -> Bool {
                guard y.frags.count == 1, let f = y.frags.first, f.charCount <= maxPiece,
                      let g = x.frags.first(where: { $0.line == f.line }), g.charCount <= maxPiece else { return false }
                return abs((g.charStart + g.charCount + 1) - f.charStart) == 0 || abs((f.charStart + f.charCount + 1) - g.charStart) == 0
            }
            guard halves(a, b) || halves(b, a) else { i += 1; continue }
            let (keep, part) = halves(a, b) ? (a, b) : (b, a)
            var merged = keep
            let f = part.frags[0]
            if let gi = merged.frags.firstIndex(where: { $0.line == f.line }) {
                let g = merged.frags[gi]
                let (first, second) = g.charStart < f.charStart ? (g, f) : (f, g)
                var m = Fragment(text: first.text + second.text, line: g.line, charStart: first.charStart, charCount: second.charStart + second.charCount - first.charStart,
                                 dispStart: first.dispStart, dispWidth: second.dispStart + second.dispWidth - first.dispStart, isValue: false, numbered: false)
                m.pos = first.pos; m.posEnd = second.posEnd; m.physEnd = second.physEnd
                merged.frags[gi] = m
            }
            merged.lo = min(a.lo, b.lo); merged.hi = max(a.hi, b.hi)
            stacks[i] = merged
            stacks.remove(at: i + 1)
        }
    }

    /// The median distance between neighbouring columns (nil with one column).
    var pitch: Double? { count > 1 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : nil }
}
