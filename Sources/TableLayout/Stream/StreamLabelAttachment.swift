/// Stage 6 of the stream builder — label attachment: each label line goes with a row.
///
/// A label line looks at the nearest lines above and below it in its own column (lines whose
/// texts overlap it horizontally; a group label beside it does not count) and goes with the
/// nearer one across the smaller gap — a wrapped label's lines stand closer to each other than to
/// the next row's, and a rule in a gap makes it infinite — following label lines on to a row.
/// Lines set at one pitch throughout (cells without padding) leave equal gaps: then a line
/// opening with list numbering starts a label and goes down, and one followed by such a line goes
/// up. A line whose neighbours send it round in a circle (a label whose numbers are centred
/// between its lines) goes with the row nearest to its centre.
struct StreamLabelAttachment {
    let table: StreamTable
    /// The rows and body lines, top to bottom.
    let ordered: [Int]

    init(_ table: StreamTable, body: [Int]) {
        self.table = table
        ordered = (table.rows + body).sorted()
    }

    /// The label lines joined to each row (by the row's line index); promotes lines that are rows
    /// of their own (blank rows, bands between rules) into `taken.ownRows`.
    func attach(_ taken: inout StreamTableLines) -> [Int: [Int]] {
        markBlankRowsByGap(&taken)
        taken.ownRows.formUnion(taken.blankRows)
        let rowLike = table.rowSet.union(taken.blankRows)
        var attached: [Int: [Int]] = [:]
        var promoted = Set<Int>()
        for b in taken.body where !taken.ownRows.contains(b) {
            // A line with rules between it and its neighbours on both sides is a band of its own
            // (a caption between two small tables).
            let (above, below) = neighbours(b)
            if above != nil || below != nil, above.map({ !table.gap($0, b).isFinite }) ?? true, below.map({ !table.gap(b, $0).isFinite }) ?? true {
                promoted.insert(b)
                continue
            }
            switch follow(b, rowLike: rowLike, ownRows: taken.ownRows) {
            case .row(let target): attached[target, default: []].append(b)
            case .ownRow: promoted.insert(b)
            case .circle(let seen): attached[rowWithin(seen, from: b), default: []].append(b)
            }
        }
        taken.ownRows.formUnion(promoted)
        return attached
    }

    /// A label line a row's gap from its neighbours on both sides is a row whose values are all
    /// blank (where rows are set apart by more than wrapped lines are).
    func markBlankRowsByGap(_ taken: inout StreamTableLines) {
        let t = table, lines = t.lines, s = t.settings, em = t.em
        let rowGaps = zip(ordered, ordered.dropFirst()).filter { t.rowSet.contains($0.0) && t.rowSet.contains($0.1) }.map { t.gap($0.0, $0.1) }.filter(\.isFinite).sorted()
        guard rowGaps.count >= 2, case let rowGap = rowGaps[rowGaps.count / 2], rowGap >= (s.streamWrapGap + s.streamRowGapOverWrap) * em else { return }
        let labelStarts = t.rows.compactMap { r in lines[r].segments.first { !$0.isValue }?.box.x0 }
        for b in ordered where !taken.ownRows.contains(b) {
            let (above, below) = neighbours(b)
            guard let above, let below, t.gap(above, b) >= s.streamBlankRowGapShare * rowGap, t.gap(b, below) >= s.streamBlankRowGapShare * rowGap,
                  let x0 = lines[b].segments.first?.box.x0,
                  labelStarts.contains(where: { abs($0 - x0) <= s.streamLabelAlignTolerance * em }) else { continue }
            taken.blankRows.insert(b)
        }
    }

    func overlaps(_ a: Int, _ b: Int) -> Bool {
        let lines = table.lines
        return lines[a].segments.contains { s in !s.isValue && lines[b].segments.contains { $0.box.horizontalOverlap(s.box) > 0 } }
    }

    /// The nearest lines above and below in the line's own column.
    func neighbours(_ b: Int) -> (above: Int?, below: Int?) {
        guard let p = ordered.firstIndex(of: b) else { return (nil, nil) }
        let above = ordered[..<p].last { overlaps($0, b) }
        let below = ordered[(p + 1)...].first { overlaps($0, b) }
        return (above, below)
    }

    /// Where a label line goes next: the neighbour across the smaller gap.
    func step(_ b: Int) -> Int? {
        let (above, below) = neighbours(b)
        switch (above, below) {
        case let (a?, c?):
            let ga = table.gap(a, b), gc = table.gap(b, c)
            if !ga.isFinite && !gc.isFinite { return nil }
            if ga.isFinite && gc.isFinite && abs(ga - gc) <= table.settings.streamEqualGapTolerance * table.em {
                return table.opensLabel(b) ? c : a
            }
            return ga <= gc ? a : c
        case let (a?, nil): return table.gap(a, b).isFinite ? a : nil
        case let (nil, c?): return table.gap(b, c).isFinite ? c : nil
        default: return nil
        }
    }

    enum Destination { case row(Int), ownRow, circle(Set<Int>) }

    /// Follows a label line's steps to a row, a line that is a row of its own, or round in a circle
    /// (the lines seen).
    func follow(_ b: Int, rowLike: Set<Int>, ownRows: Set<Int>) -> Destination {
        var seen: Set<Int> = [b]
        var current = b
        while let next = step(current) {
            if rowLike.contains(next) { return .row(next) }
            if ownRows.contains(next) { return .ownRow }
            guard seen.insert(next).inserted else { break }
            current = next
        }
        return .circle(seen)
    }

    /// A block of tightly set label lines with its numbers on a line of their own: the row whose
    /// numbers stand within the block's height, else the nearest one (between the same rules).
    func rowWithin(_ seen: Set<Int>, from b: Int) -> Int {
        let t = table, lines = t.lines
        let top = seen.map { lines[$0].box.y0 }.min()!, bottom = seen.map { lines[$0].box.y1 }.max()!
        let inside = t.rows.filter { lines[$0].box.midY > top && lines[$0].box.midY < bottom }
        let centre = (top + bottom) / 2
        if let row = inside.min(by: { abs(lines[$0].box.midY - centre) < abs(lines[$1].box.midY - centre) }) { return row }
        let y = lines[b].box.midY
        let sameBand = t.rows.filter { t.band(lines[$0].box.midY) == t.band(y) }
        let candidates = sameBand.isEmpty ? t.rows : sameBand
        return candidates.min { abs(lines[$0].box.midY - y) < abs(lines[$1].box.midY - y) }!
    }
}
