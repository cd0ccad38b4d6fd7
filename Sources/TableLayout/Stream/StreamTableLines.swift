/// Which lines a stream table takes, and as what: its rows of numbers, lines that are rows of
/// their own (a section line inside the table, a row of blank values), label lines that will join
/// a row, and its header lines.
struct StreamTableLines {
    /// Every line the table takes.
    var members: Set<Int>
    /// Lines that are grid rows of their own (rows of numbers first, others added by the stages).
    var ownRows: Set<Int>
    /// Lines other than the rows of numbers and the header, in the order they were taken.
    var body: [Int] = []
    /// Label lines that are rows whose values are all blank.
    var blankRows = Set<Int>()
    /// Header lines, top to bottom.
    var header: [Int] = []

    init(rows: [Int]) {
        members = Set(rows)
        ownRows = Set(rows)
    }

    mutating func takeBody(_ i: Int) {
        body.append(i)
        members.insert(i)
    }
}

/// Stage 2b of the stream builder — the table's rows beyond its rows of numbers: lines between
/// its first and last row, label lines and rows of blank values just below it, and a header line
/// stranded at the page's foot.
struct StreamBodyRows {
    let table: StreamTable
    let leaf: StreamLeafColumn
    /// Rules part (most) neighbouring rows (not only around the header and the table: a 三线表).
    let ruledRows: Bool

    /// The lines between the first and last row, and the blank rows among them.
    static func between(_ t: StreamTable) -> (StreamTableLines, StreamBodyRows) {
        var taken = StreamTableLines(rows: t.rows)
        for i in t.firstRow...t.lastRow where !t.rowSet.contains(i) && !t.taken.contains(i) {
            taken.takeBody(i)
            if !t.isLabelOnly(t.lines[i]) { taken.ownRows.insert(i) }
        }
        // Only neighbouring rows tell: two rows with a section header between them (table 二's
        // blocks, each under its own rule) say nothing about rules between rows.
        let own = taken.ownRows
        let adjacentRows = zip(t.rows, t.rows.dropFirst()).filter { a, b in !(a + 1..<b).contains { own.contains($0) } }
        let ruledRows = !adjacentRows.isEmpty
            && adjacentRows.filter { t.band(t.lines[$0].box.midY) != t.band(t.lines[$1].box.midY) }.count * 2 >= adjacentRows.count
        let stage = StreamBodyRows(table: t, leaf: StreamLeafColumn(t), ruledRows: ruledRows)
        for i in taken.body where !taken.ownRows.contains(i) && stage.isBlankRow(i) { taken.blankRows.insert(i) }
        return (taken, stage)
    }

    /// Whether a label line is a row whose values are all blank: a lone label in the row-label
    /// column, that continues no label above it (that one does not fill the column; in a table of
    /// numbered labels it is numbered itself) and is not the first line of the row below it (a
    /// label whose numbers are centred lower).
    func isBlankRow(_ i: Int) -> Bool {
        let t = table, lines = t.lines, em = t.em, s = t.settings
        let l = lines[i]
        // Where rules part the rows, a line between the same rules as a row is part of it.
        if ruledRows, t.rows.contains(where: { t.band(lines[$0].box.midY) == t.band(l.box.midY) }) { return false }
        guard leaf.position != nil, l.segments.count == 1, let seg = l.segments.first, !seg.isValue, seg.box.x1 <= t.labelLimit,
              leaf.contains(seg), t.sameSize(l),
              !leaf.numbered || TableTokens.startsWithNumbering(seg.text) else { return false }
        var j = i - 1
        while j >= 0, lines[j].box.y1 > l.box.y0 - s.streamBlankRowLookUp * em {
            if let above = lines[j].segments.first(where: { !$0.isValue && leaf.contains($0) }) {
                if leaf.isFull(above) { return false }
                break
            }
            j -= 1
        }
        // Down to the next row label: a line of numbers without a label of its own on the way
        // holds this label's numbers (set lower, beside its later lines); so does the row right
        // below when its label only continues this one.
        var k = i + 1
        while k < lines.count, lines[k].box.y0 < l.box.y1 + s.streamBlankRowLookDown * em {
            let own = lines[k].segments.first { !$0.isValue && leaf.contains($0) }
            if t.rowSet.contains(k) {
                guard let own else { return false }
                if leaf.numbered && !TableTokens.startsWithNumbering(own.text) { return false }
                if !leaf.numbered && leaf.isFull(seg) && lines[k].box.y0 - l.box.y1 <= s.streamWrappedLabelGap * em { return false }
                break
            }
            if let own, !leaf.numbered || TableTokens.startsWithNumbering(own.text) { break }
            k += 1
        }
        return true
    }

    /// Label lines just below the last row (a wrapped label whose numbers sat on its first line),
    /// rows of blank values there, and a header line stranded at the foot of the page (its rows
    /// went over the break: it names this table's rows on the next page).
    func below(_ taken: inout StreamTableLines) {
        let t = table, lines = t.lines, em = t.em, s = t.settings
        let labelStarts = t.rows.flatMap { lines[$0].segments.filter { !$0.isValue }.map(\.box.x0) }
        let align = s.streamLabelAlignTolerance * em
        var k = t.lastRow + 1
        var bottom = lines[t.lastRow].box.y1
        var lastMid = lines[t.lastRow].box.midY
        while k < lines.count, !t.taken.contains(k), t.isLabelOnly(lines[k]) {
            // A rule between them says the line is no wrapped part of the label above.
            let wrapped = lines[k].box.y0 - bottom <= s.streamMaxTrailingGap * em
                && !t.crossesRule(between: bottom, and: lines[k].box.y0, from: lines[k].box.x0, to: t.valueLeft)
                && lines[k].segments.allSatisfy({ s in labelStarts.contains { abs($0 - s.box.x0) <= align } })
            let blank = lines[k].box.midY - lastMid <= s.streamTrailingBlankPitches * leaf.pitch && isBlankRow(k)
            guard wrapped || blank else { break }
            if blank { taken.blankRows.insert(k) }
            taken.takeBody(k)
            bottom = lines[k].box.y1
            lastMid = lines[k].box.midY
            k += 1
        }
        if k < lines.count, !t.taken.contains(k), case let l = lines[k], l.valueCount == 0, l.segments.count >= 2,
           l.segments.contains(where: { $0.box.midX >= t.valueLeft - s.streamValueReach * em }),
           l.box.midY - lastMid <= s.streamStrandedHeaderPitches * leaf.pitch,
           !lines[(k + 1)...].contains(where: t.isRow) {
            taken.takeBody(k)
            taken.ownRows.insert(k)
        }
    }
}
