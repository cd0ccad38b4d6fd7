import TableLayout

/// Stage 4 of the layout-text builder — spans: each spanning header word takes the columns of the
/// stacks it covers (a caption takes them all), widened to its parent (the spanning word above
/// that overlaps it most); neighbours under one parent split its columns between them where each
/// is centred over its own.
struct LayoutHeaderSpans {
    let stacks: [HeaderStack]
    let columns: LayoutValueColumns
    let settings: LayoutSettings

    func resolve(_ spanning: inout [SpanningWord]) {
        let k = columns.count
        for i in spanning.indices {
            let f = spanning[i].frag
            let cols = stacks.indices.filter { s in
                let o = min(f.physEnd, stacks[s].hi) - max(f.pos, stacks[s].lo)
                return columns.stackColumn[s] >= 0 && o > 0 && o >= settings.textOverlapShare * min(f.physEnd - f.pos, stacks[s].hi - stacks[s].lo)
            }.map { columns.stackColumn[$0] }
            spanning[i].range = spanning[i].whole || cols.isEmpty ? 0...(k - 1) : cols.min()!...cols.max()!
        }
        spanning.sort { ($0.row, $0.frag.pos) < ($1.row, $1.frag.pos) }
        for row in Set(spanning.map(\.row)).sorted() {
            let idx = spanning.indices.filter { spanning[$0].row == row }
            var groups: [ClosedRange<Int>: [Int]] = [:]
            for i in idx { groups[parent(of: spanning[i].range, row: row, spanning), default: []].append(i) }
            for (p, members) in groups { split(p, among: members, &spanning) }
        }
    }

    /// The spanning word above `row` that overlaps a range most (every column without one).
    func parent(of r: ClosedRange<Int>, row: Int, _ spanning: [SpanningWord]) -> ClosedRange<Int> {
        var best: ClosedRange<Int> = 0...(columns.count - 1)
        var bestOverlap = 0
        for p in spanning where p.row < row {
            let o = min(r.upperBound, p.range.upperBound) - max(r.lowerBound, p.range.lowerBound) + 1
            if o > bestOverlap { bestOverlap = o; best = p.range }
        }
        return best
    }

    /// Neighbours under one parent: the outer ones widened to it, the columns between them split
    /// where each is centred over its own columns: A over [left, b), B over [b, right) give
    /// b ≈ 2·cA − left ≈ 2·cB − right.
    func split(_ p: ClosedRange<Int>, among members: [Int], _ spanning: inout [SpanningWord]) {
        let sorted = members.sorted { spanning[$0].frag.pos < spanning[$1].frag.pos }
        spanning[sorted.first!].range = min(p.lowerBound, spanning[sorted.first!].range.lowerBound)...spanning[sorted.first!].range.upperBound
        spanning[sorted.last!].range = spanning[sorted.last!].range.lowerBound...max(p.upperBound, spanning[sorted.last!].range.upperBound)
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let ra = spanning[a].range, rb = spanning[b].range
            let left = stackLeft(ra.lowerBound), right = stackRight(rb.upperBound)
            let fa = spanning[a].frag, fb = spanning[b].frag
            let boundary = ((2 * fa.center - left) + (2 * fb.center - right)) / 2
            var cut = ra.lowerBound
            while cut < rb.upperBound, stackCenter(cut) <= boundary { cut += 1 }
            cut = max(ra.lowerBound + 1, cut)
            spanning[a].range = ra.lowerBound...max(ra.lowerBound, cut - 1)
            spanning[b].range = min(cut, rb.upperBound)...rb.upperBound
        }
    }

    /// A column's header stack centre, left and right end (around the column's centre without one).
    func stackCenter(_ j: Int) -> Double {
        if let s = columns.stackColumn.firstIndex(of: j) { return stacks[s].center } else { return columns.centers[j] }
    }
    func stackLeft(_ j: Int) -> Double {
        if let s = columns.stackColumn.firstIndex(of: j) { return stacks[s].frags.map(\.pos).min()! }
        return columns.centers[j] - settings.textBareColumnHalfWidth
    }
    func stackRight(_ j: Int) -> Double {
        if let s = columns.stackColumn.firstIndex(of: j) { return stacks[s].frags.map(\.posEnd).max()! }
        return columns.centers[j] + settings.textBareColumnHalfWidth
    }
}
