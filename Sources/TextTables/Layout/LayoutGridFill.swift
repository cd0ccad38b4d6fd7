import TableLayout

/// Stage 7b of the layout-text builder — grid: row edges on the text's line numbers (header lines,
/// then each row's first line), and the cells: values placed by `LayoutSection.place`, header
/// stacks down to the last header row, spanning words, header stubs and label blocks.
struct LayoutGridFill {
    let area: LayoutValueArea
    let header: LayoutHeaderStacks
    let spanning: [SpanningWord]
    let columns: LayoutValueColumns
    let rows: LayoutRows
    let grid: LayoutGridColumns

    /// Row edges; nil with fewer than one row.
    func rowEdges() -> [Double]? {
        let lines = area.lines, headerLines = area.header
        let (top, bottom) = rows.extents()
        var rowEdges: [Double] = headerLines.map { Double(lines[$0].number) }
        var bodyTops: [Double] = []
        for r in rows.rowLines.indices {
            var t = Double(lines[top[r]].number)
            if let previous = bodyTops.last, t <= previous { t = previous + 0.5 }
            if r == 0, let h = rowEdges.last, t <= h { t = h + 1 }
            bodyTops.append(t)
        }
        rowEdges += bodyTops
        var end = Double(lines[(bottom.last ?? (headerLines.last.map { $0 + 1 } ?? 1)) - 1].number + 1)
        if let last = rowEdges.last, end <= last { end = last + 1 }
        rowEdges.append(end)
        return rowEdges.count < 2 ? nil : rowEdges
    }

    func build() -> CellGrid? {
        guard let rowEdges = rowEdges() else { return nil }
        var cells = GridAssembler(rowEdges: rowEdges, columnEdges: grid.edges, page: area.lines[(area.header + area.body).min()!].page,
                                  source: .text)
        addValues(&cells)
        addHeader(&cells)
        addLabels(&cells)
        return cells.build()
    }

    /// Each row's values in their columns, or in one cell across the columns when their places
    /// are ambiguous.
    func addValues(_ cells: inout GridAssembler) {
        let headerRows = area.header.count, s = grid.stubCount, k = columns.count
        for (r, li) in rows.rowLines.enumerated() {
            guard let toks = area.tokens[li], !toks.isEmpty else { continue }
            let row = headerRows + r
            let sorted = toks.sorted { $0.pos < $1.pos }
            let reach = columns.fromHeader ? area.settings.textHeaderPlacementReach : nil
            switch LayoutSection.place(sorted.map(\.center), in: columns.centers, reach: reach, settings: area.settings) {
            case .columns(let cols):
                var texts: [Int: [String]] = [:]
                for (f, c) in zip(sorted, cols) { texts[c, default: []].append(f.text) }
                for (c, t) in texts { cells.add(rows: row...row, columns: (s + c)...(s + c), text: t.joined(separator: " ")) }
            case .ambiguous:
                cells.add(rows: row...row, columns: s...(s + k - 1), text: sorted.map(\.text).joined(separator: " "))
            }
        }
    }

    /// Header stacks, down to the last header row, up to the spanning cell above; spanning words.
    func addHeader(_ cells: inout GridAssembler) {
        let headerRows = area.header.count, s = grid.stubCount
        for (i, st) in header.stacks.enumerated() where columns.stackColumn[i] >= 0 {
            let c = columns.stackColumn[i]
            let above = spanning.filter { $0.range.contains(c) && $0.row < st.topRow }.map(\.row).max()
            let topRow = min(st.topRow, (above ?? -1) + 1)
            cells.add(rows: topRow...(headerRows - 1), columns: (s + c)...(s + c), text: st.frags.map(\.text).joined())
        }
        for sp in spanning {
            cells.add(rows: sp.row...sp.row, columns: (s + sp.range.lowerBound)...(s + sp.range.upperBound), text: sp.frag.text)
        }
    }

    /// Stub words of the header, then label blocks over the rows they go with, each up to the
    /// next label column used beside it.
    func addLabels(_ cells: inout GridAssembler) {
        let headerRows = area.header.count, s = grid.stubCount, stubs = header.stubs
        guard s > 0 else { return }
        for (row, f) in stubs.sorted(by: { ($0.row, $0.frag.pos) < ($1.row, $1.frag.pos) }) {
            let c = grid.stubColumn(f.pos)
            let next = stubs.filter { $0.row == row && $0.frag.pos > f.pos }.map { grid.stubColumn($0.frag.pos) }.min()
            cells.add(rows: row...row, columns: c...max(c, (next ?? s) - 1), text: f.text)
        }
        let rowIndex = rows.rowIndex, blocks = rows.blocks
        for (bi, b) in blocks.enumerated() {
            let rs = rows.blockRows[bi].compactMap { rowIndex[$0] }
            guard let r0 = rs.min(), let r1 = rs.max() else { continue }
            let c = grid.stubColumn(b.start)
            var last = s - 1
            for (oi, o) in blocks.enumerated() where oi != bi {
                let orows = rows.blockRows[oi].compactMap { rowIndex[$0] }
                guard orows.contains(where: { (r0...r1).contains($0) }) else { continue }
                let oc = grid.stubColumn(o.start)
                if oc > c { last = min(last, oc - 1) }
            }
            cells.add(rows: (headerRows + r0)...(headerRows + r1), columns: c...max(c, last), text: b.text)
        }
    }
}
