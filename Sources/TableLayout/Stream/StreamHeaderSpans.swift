/// Stage 5c of the stream builder — spans: a header text over several columns spans the columns
/// of the header texts beneath it on which it is centred (within `streamSpanCenterTolerance` of a
/// column's width); texts in one row are kept from overlapping; a lone header text centred over
/// all value columns spans them, with the lone number of each row below it.
struct StreamHeaderSpans {
    let table: StreamTable
    let columns: StreamColumnEdges

    /// Merged headers, bottom-up.
    func spanMergedHeaders(_ pieces: inout [[StreamPiece]], rows: [StreamGridRow], headerCount: Int) {
        guard headerCount > 0 else { return }
        let edges = columns.edges
        let medianWidth = (1..<edges.count).map { edges[$0] - edges[$0 - 1] }.sorted()[(edges.count - 1) / 2]
        for h in stride(from: headerCount - 1, through: 0, by: -1) {
            let below = pieces[(h + 1)..<headerCount].flatMap { $0 }
            guard !below.isEmpty else { continue }
            let line = table.lines[rows[h].lines[0]]
            var row = pieces[h]
            // Most constrained first: the text with the fewest candidate spans.
            var order: [(Int, [ClosedRange<Int>])] = row.enumerated().map { pi, p in
                (pi, candidateSpans(p, line: line, below: below, medianWidth: medianWidth))
            }
            order.sort { ($0.1.first?.count ?? 0) < ($1.1.first?.count ?? 0) }
            var chosen: [Int: ClosedRange<Int>] = [:]
            for (pi, candidates) in order {
                let others = row.indices.filter { $0 != pi }
                if let pick = candidates.first(where: { r in others.allSatisfy { o in !r.overlaps(chosen[o] ?? row[o].range) } }) {
                    chosen[pi] = pick
                }
            }
            for (pi, r) in chosen { row[pi].range = r }
            pieces[h] = row
        }
    }

    /// The spans a header text may take, widest first: made of whole header texts beneath it (on
    /// its side of the label/value divide) and centred on its own centre.
    func candidateSpans(_ p: StreamPiece, line: StreamLine, below: [StreamPiece], medianWidth: Double) -> [ClosedRange<Int>] {
        let labelColumnCount = columns.labelColumnCount
        let seg = line.segments.first { $0.text == p.text && $0.box.x0 == p.x }
        let mid = seg?.box.midX ?? columns.center(p.range)
        let inLabels = p.range.upperBound < labelColumnCount
        let bounds = below.filter { ($0.range.upperBound < labelColumnCount) == inLabels }
        let lows = Set(bounds.map(\.range.lowerBound) + [p.range.lowerBound])
        let highs = Set(bounds.map(\.range.upperBound) + [p.range.upperBound])
        var candidates: [ClosedRange<Int>] = []
        for a in lows where a <= p.range.lowerBound {
            for b in highs where b >= p.range.upperBound {
                let r = a...b
                guard abs(columns.center(r) - mid) <= table.settings.streamSpanCenterTolerance * medianWidth else { continue }
                if bounds.allSatisfy({ $0.range.clamped(to: r) == $0.range || !$0.range.overlaps(r) }) { candidates.append(r) }
            }
        }
        candidates.sort { $0.count > $1.count }
        return candidates
    }

    /// Overlaps within a row: a text starting in a column another one already starts in joins it;
    /// a text running into the next text's columns stops before them.
    func resolveOverlaps(_ pieces: inout [[StreamPiece]]) {
        for r in pieces.indices {
            var merged: [StreamPiece] = []
            for p in pieces[r].sorted(by: { ($0.range.lowerBound, $0.y, $0.x) < ($1.range.lowerBound, $1.y, $1.x) }) {
                if let i = merged.indices.last, merged[i].range.lowerBound == p.range.lowerBound {
                    merged[i].text += p.text
                    merged[i].range = merged[i].range.lowerBound...Swift.max(merged[i].range.upperBound, p.range.upperBound)
                } else {
                    merged.append(p)
                }
            }
            for i in merged.indices.dropLast() where merged[i].range.upperBound >= merged[i + 1].range.lowerBound {
                merged[i].range = merged[i].range.lowerBound...Swift.max(merged[i].range.lowerBound, merged[i + 1].range.lowerBound - 1)
            }
            pieces[r] = merged
        }
    }

    /// Body rows under a lone header text centred over all value columns (table 二's
    /// 本年处理决定数量 over one number): that text, and the lone number of each row below it,
    /// span all value columns, as the merged cells of a ruled table do.
    func spanLoneValueHeaders(_ pieces: inout [[StreamPiece]], headerCount: Int) {
        let labelColumnCount = columns.labelColumnCount, columnCount = columns.columnCount, edges = columns.edges
        guard columnCount > labelColumnCount + 1 else { return }
        let all = labelColumnCount...(columnCount - 1)
        let width = edges[columnCount] - edges[labelColumnCount]
        var spanning = false
        for r in headerCount..<pieces.count {
            let inValues = pieces[r].indices.filter { pieces[r][$0].range.lowerBound >= labelColumnCount }
            let values = inValues.filter { TableTokens.isValue(pieces[r][$0].text) }
            if inValues.count == 1, values.isEmpty, case let p = pieces[r][inValues[0]] {
                let centre = (edges[labelColumnCount] + edges[columnCount]) / 2
                spanning = abs(p.x + p.width / 2 - centre) <= table.settings.streamSpanCenterTolerance * width / Double(all.count)
                if spanning { pieces[r][inValues[0]].range = all }
            } else if spanning, inValues.count == 1, values.count == 1 {
                pieces[r][inValues[0]].range = all
            } else if !inValues.isEmpty {
                spanning = false
            }
        }
    }
}
