import PageGeometry

/// Small tables with no number at all (every value blank): a header line of texts set at least
/// `streamBlankHeaderGap` ems apart (信息内容 | 本年收费金额) with one or a few single-text lines
/// right below it, lined up under its first text. Each header text is a column; the lines below
/// are rows of blank cells.
struct BlankTableFinder {
    let settings: LayoutSettings

    func tables(_ lines: [StreamLine], taken: Set<Int>, page: Int) -> [(CellGrid, Set<Int>)] {
        var out: [(CellGrid, Set<Int>)] = []
        var used = taken
        for i in lines.indices where !used.contains(i) {
            let head = lines[i]
            let em = head.em
            guard head.valueCount == 0, head.segments.count >= 2,
                  zip(head.segments, head.segments.dropFirst()).allSatisfy({ $1.box.x0 - $0.box.x1 >= settings.streamBlankHeaderGap * em }) else { continue }
            let rows = rowLines(below: i, lines, used: used)
            guard !rows.isEmpty else { continue }
            let members = [i] + rows
            out.append((grid(members, lines, page: page), Set(members)))
            used.formUnion(members)
        }
        return out
    }

    /// The single-text lines under the header's first text: left of the middle between its first
    /// two texts, overlapping the first (labels may be left-aligned under a centred header) or
    /// starting with it.
    func rowLines(below i: Int, _ lines: [StreamLine], used: Set<Int>) -> [Int] {
        let head = lines[i], em = head.em
        let first = head.segments[0], second = head.segments[1]
        var rows: [Int] = []
        var last = head.box
        var j = i + 1
        while j < lines.count, !used.contains(j), rows.count < settings.streamBlankMaxRows {
            let l = lines[j]
            guard l.valueCount == 0, l.segments.count == 1, let seg = l.segments.first,
                  seg.box.x1 <= (first.box.x1 + second.box.x0) / 2, seg.text.count <= settings.streamBlankMaxLabelLength,
                  seg.box.horizontalOverlap(first.box) > 0 || abs(seg.box.x0 - first.box.x0) <= settings.streamLabelAlignTolerance * em,
                  l.box.midY - last.midY <= settings.streamBlankRowPitch * em,
                  abs(l.em - em) <= settings.streamSameSizeTolerance * em else { break }
            rows.append(j)
            last = l.box
            j += 1
        }
        return rows
    }

    /// The grid: a column per header text, the first holding the row labels.
    func grid(_ members: [Int], _ lines: [StreamLine], page: Int) -> CellGrid {
        let segs = lines[members[0]].segments
        let rows = members.dropFirst()
        var edges = [Swift.min(segs[0].box.x0, rows.map { lines[$0].box.x0 }.min()!) - 0.5]
        for (a, b) in zip(segs, segs.dropFirst()) { edges.append((a.box.x1 + b.box.x0) / 2) }
        edges.append(segs.last!.box.x1 + 0.5)
        var rowEdges = [lines[members[0]].box.y0 - 1]
        for (a, b) in zip(members, members.dropFirst()) { rowEdges.append(Swift.max((lines[a].box.y1 + lines[b].box.y0) / 2, rowEdges.last! + 0.1)) }
        rowEdges.append(Swift.max(lines[members.last!].box.y1 + 1, rowEdges.last! + 0.1))
        var cells = GridAssembler(rowEdges: rowEdges, columnEdges: edges, page: page, source: .page)
        for (r, li) in members.enumerated() {
            for c in 0..<segs.count {
                let text = r == 0 ? segs[c].text : (c == 0 ? lines[li].segments[0].text : "")
                cells.add(rows: r...r, columns: c...c, text: text)
            }
        }
        return cells.build()
    }
}
