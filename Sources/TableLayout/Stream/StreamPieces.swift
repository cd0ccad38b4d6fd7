/// A row of the grid being built: a header line, or a row's line with its label lines.
struct StreamGridRow {
    var lines: [Int]
    var isHeader: Bool
}

/// A text placed in a range of grid columns.
struct StreamPiece {
    var range: ClosedRange<Int>
    var text: String
    var y: Double
    var x: Double
    var width: Double
    /// Bottom and centre of the text's last line (wrapped header lines join below it).
    var bottom: Double
    var lastY: Double
    var top: Double
    var height: Double
}

/// Stage 5b of the stream builder — header stack: each row's texts placed in columns (a value in
/// the column of its centre, a label over the columns whose middles it covers), wrapped header
/// lines joined into one text, and header lines set a little apart in height made one row.
struct StreamHeaderStack {
    let table: StreamTable
    let columns: StreamColumnEdges

    func pieces(_ rows: [StreamGridRow]) -> [[StreamPiece]] {
        rows.map { row in
            row.lines.flatMap { i in table.lines[i].segments }.map { s in
                let y = s.box.midY
                let range = s.isValue ? columns.slot(of: s.box.midX)...columns.slot(of: s.box.midX) : columns.slots(of: s)
                return StreamPiece(range: range, text: s.text, y: y, x: s.box.x0, width: s.box.width, bottom: s.box.y1, lastY: y, top: s.box.y0, height: s.box.height)
            }
        }
    }

    /// Wrapped header lines: a text under one in the same columns, at most a line gap below it,
    /// continues it (the nearest such text above; a text in between in those columns blocks).
    func joinWrapped(_ pieces: inout [[StreamPiece]], rows: [StreamGridRow], headerCount: Int) {
        guard headerCount > 1 else { return }
        let lines = table.lines, em = table.em, s = table.settings
        for h in 1..<headerCount {
            let lineTop = lines[rows[h].lines[0]].box.y0
            var remaining: [StreamPiece] = []
            for p in pieces[h] {
                var k = h - 1
                var joined = false
                while k >= 0 {
                    if lineTop - lines[rows[k].lines[0]].box.y1 > s.streamWrapLookUp * em { break }
                    // Both lines fit the columns (a wider text spans more of them, it is no wrap).
                    let room = columns.edges[p.range.upperBound + 1] - columns.edges[p.range.lowerBound] + s.streamWrapRoom * em
                    if p.width <= room, let i = pieces[k].firstIndex(where: { $0.range == p.range && $0.width <= room }) {
                        guard continues(pieces[k][i], with: p) else { break }
                        pieces[k][i].lastY = p.y
                        pieces[k][i].text += p.text
                        pieces[k][i].bottom = p.bottom
                        joined = true
                        break
                    }
                    if pieces[k].contains(where: { $0.range.overlaps(p.range) }) { break }
                    k -= 1
                }
                if !joined { remaining.append(p) }
            }
            pieces[h] = remaining
        }
    }

    /// Wrapped lines share their left edge or their centre, and follow at a line's distance (edge
    /// to edge, or centre to centre for boxes taller than a line's pitch: web-printed PDFs).
    func continues(_ u: StreamPiece, with p: StreamPiece) -> Bool {
        let em = table.em, s = table.settings
        let tolerance = s.streamWrapAlignTolerance * em
        let aligned = abs(u.x - p.x) <= tolerance || abs((u.x + u.width / 2) - (p.x + p.width / 2)) <= tolerance
        let tall = p.height > s.streamTallBoxHeight * em
        let close = tall ? p.y - u.lastY <= s.streamWrapPitch * em : p.top - u.bottom <= s.streamWrapGap * em
        return aligned && close
    }

    /// Header texts of one header row set a little apart in height (cells whose texts are centred
    /// over different numbers of lines): neighbouring header lines less than
    /// `streamHeaderRowMergeGap` ems apart whose texts stand in different columns are one row.
    func mergeRows(_ pieces: inout [[StreamPiece]], headerCount: Int) {
        guard headerCount > 1 else { return }
        for h in 1..<headerCount where !pieces[h].isEmpty && !pieces[h - 1].isEmpty {
            let ya = pieces[h - 1].map(\.y).reduce(0, +) / Double(pieces[h - 1].count)
            let yb = pieces[h].map(\.y).reduce(0, +) / Double(pieces[h].count)
            guard yb - ya <= table.settings.streamHeaderRowMergeGap * table.em,
                  !pieces[h].contains(where: { p in pieces[h - 1].contains { $0.range.overlaps(p.range) } }) else { continue }
            pieces[h] = (pieces[h - 1] + pieces[h]).sorted { $0.range.lowerBound < $1.range.lowerBound }
            pieces[h - 1] = []
        }
    }
}
