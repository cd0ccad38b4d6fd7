/// Stage 4 of the stream builder — header lines: the lines above the first row with text over the
/// value columns, each at most `streamMaxHeaderGap` ems above the one below, and the label lines
/// among them. Label lines between the header and the first row join the first row when they are
/// nearer to it (or are rows of blank values).
struct StreamHeaderLines {
    let rows: StreamBodyRows

    func collect(into taken: inout StreamTableLines) {
        let t = rows.table, lines = t.lines, em = t.em, s = t.settings
        var header: [Int] = []
        var pending: [Int] = []
        var top = lines[t.firstRow].box.y0
        var j = t.firstRow - 1
        var lowestHeader: Int?
        while j >= 0, !t.taken.contains(j) {
            let line = lines[j]
            if top - line.box.y1 > s.streamMaxHeaderGap * em { break }
            if line.valueCount > 0 && t.isRow(line) { break }
            if t.isLabelOnly(line) {
                pending.append(j)
            } else {
                if isHeading(line) { break }
                if lowestHeader == nil {
                    // Label lines between this first header line and the first row.
                    for p in pending {
                        let dRow = lines[t.firstRow].box.midY - lines[p].box.midY
                        let dHeader = lines[p].box.midY - line.box.midY
                        if rows.isBlankRow(p) {
                            taken.blankRows.insert(p); taken.takeBody(p)
                        } else if dRow < dHeader { taken.takeBody(p) } else { header.append(p) }
                    }
                    lowestHeader = j
                } else {
                    header += pending
                }
                pending = []
                header.append(j)
            }
            top = line.box.y0
            j -= 1
            if header.count > s.streamMaxHeaderLines { break }
        }
        if lowestHeader == nil {
            // No header: label lines right above the first row are its wrapped label.
            for p in pending where lines[t.firstRow].box.y0 - lines[p].box.y1 <= s.streamMaxTrailingGap * em { taken.takeBody(p) }
        }
        header.sort()
        for h in header { taken.members.insert(h) }
        taken.header = header
    }

    /// A heading or running text is not a header line: one text reaching over the value columns
    /// that starts at the table's left edge or is as wide as most of the table.
    func isHeading(_ line: StreamLine) -> Bool {
        let t = rows.table, lines = t.lines, em = t.em, s = t.settings
        let tableLeft = t.rows.compactMap { lines[$0].segments.first?.box.x0 }.min() ?? t.valueLeft
        let tableRight = t.rows.compactMap { lines[$0].segments.last?.box.x1 }.max() ?? t.valueLeft
        guard line.segments.count == 1, let text = line.segments.first, !text.isValue,
              text.box.x1 > t.valueLeft + s.streamHeadingReach * em else { return false }
        return text.box.x0 <= tableLeft + s.streamHeadingIndent * em || text.box.width >= s.streamHeadingWidthShare * (tableRight - tableLeft)
    }
}
