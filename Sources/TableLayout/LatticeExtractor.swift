import PageGeometry

/// Builds tables from ruling lines (tabula's "lattice" mode).
///
/// Lines that meet form a network; each connected network with at least two lines each way is a
/// table. Its distinct line positions are the grid's boundaries; two neighbouring grid positions are
/// merged into one cell wherever no line separates them — which is how merged header cells, row
/// groups such as （三）不予公开 and tall rows come back as single cells with spans.
public struct LatticeExtractor: Sendable {
    public var settings: LayoutSettings
    public init(settings: LayoutSettings = .init()) { self.settings = settings }

    /// The tables of a page and the glyphs that fell in none of them.
    public func extract(_ page: PageContent) -> (tables: [CellGrid], outside: [Glyph]) {
        let networks = self.networks(page.rulingLines)
        var tables: [CellGrid] = []
        var claimed = [Bool](repeating: false, count: page.glyphs.count)
        for lines in networks {
            guard let grid = buildGrid(lines, glyphs: page.glyphs, claimed: &claimed, page: page.number) else { continue }
            tables.append(grid)
        }
        tables.sort { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        let outside = zip(page.glyphs, claimed).filter { !$0.1 }.map(\.0)
        return (tables, outside)
    }

    private func meets(_ h: RulingLine, _ v: RulingLine) -> Bool {
        let t = settings.intersectionTolerance
        return v.position >= h.start - t && v.position <= h.end + t && h.position >= v.start - t && h.position <= v.end + t
    }

    /// Connected groups of lines, after dropping short lines and lines that meet fewer than two
    /// perpendicular lines (stray strokes never sit between two borders).
    func networks(_ all: [RulingLine]) -> [[RulingLine]] {
        var lines = all.filter { $0.length >= settings.minRulingLength }
        lines += Self.closingLines(lines, tolerance: settings.snapTolerance, reach: settings.intersectionTolerance)
        while true {
            let hs = lines.filter { $0.orientation == .horizontal }
            let vs = lines.filter { $0.orientation == .vertical }
            let kept = lines.filter { line in
                let others = line.orientation == .horizontal ? vs : hs
                var count = 0
                for o in others where line.orientation == .horizontal ? meets(line, o) : meets(o, line) {
                    count += 1
                    if count >= 2 { return true }
                }
                return false
            }
            if kept.count == lines.count { break }
            lines = kept
        }
        var uf = UnionFind(lines.count)
        for i in lines.indices where lines[i].orientation == .horizontal {
            for j in lines.indices where lines[j].orientation == .vertical && meets(lines[i], lines[j]) {
                uf.union(i, j)
            }
        }
        var groups: [Int: [RulingLine]] = [:]
        for i in lines.indices { groups[uf.find(i), default: []].append(lines[i]) }
        return groups.values.filter { g in
            g.filter { $0.orientation == .horizontal }.count >= 2 && g.filter { $0.orientation == .vertical }.count >= 2
        }.sorted { ($0.map(\.position).min() ?? 0) < ($1.map(\.position).min() ?? 0) }
    }

    /// Borders a page break left out: where three or more vertical lines end (or start) at one
    /// height with no horizontal line there — a table, or a row split by the browser, cut at the
    /// page's edge — a horizontal line across them closes the table, so that its last row's
    /// column lines still meet two borders. A line that stops where another piece of the same
    /// column line goes on (a dashed rule, a scanned rule with a hole) has a gap there, no end.
    static func closingLines(_ lines: [RulingLine], tolerance: Double, reach: Double = 2.5) -> [RulingLine] {
        let horizontal = lines.filter { $0.orientation == .horizontal }
        let allVertical = lines.filter { $0.orientation == .vertical }
        let vertical = allVertical.filter { $0.length >= 4 * tolerance }
        var out: [RulingLine] = []
        for atEnd in [true, false] {
            let ends = vertical.filter { v in
                !allVertical.contains { goesOn($0, past: v, atEnd: atEnd, tolerance: tolerance, within: 2 * reach) }
            }.map { (atEnd ? $0.end : $0.start, $0) }
            for y in Snapping.cluster(ends.map(\.0), tolerance: tolerance) {
                let group = ends.filter { abs($0.0 - y) <= tolerance }.map(\.1)
                guard group.count >= 3, let x0 = group.map(\.position).min(), let x1 = group.map(\.position).max() else { continue }
                // Column lines each hanging from a border that runs across at least one more of
                // them (strokes of glyphs in a title do not).
                let hanging = group.allSatisfy { v in
                    horizontal.contains { h in
                        abs(h.position - (atEnd ? v.start : v.end)) <= reach
                            && group.filter { $0.position >= h.start - reach && $0.position <= h.end + reach }.count >= 2
                            && v.position >= h.start - reach && v.position <= h.end + reach
                    }
                }
                let closed = horizontal.contains { abs($0.position - y) <= tolerance && $0.coverage(of: x0, x1) >= 0.5 }
                if hanging && !closed { out.append(RulingLine(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 0.5)) }
            }
        }
        return out
    }

    /// Whether `other` continues the column line `line` beyond its end (`atEnd`; else beyond its
    /// start): at the same position, starting within `within` of that end and running on past it.
    private static func goesOn(_ other: RulingLine, past line: RulingLine, atEnd: Bool, tolerance: Double, within: Double) -> Bool {
        guard other != line, abs(other.position - line.position) <= tolerance else { return false }
        return atEnd ? other.start <= line.end + within && other.end > line.end + within
                     : other.end >= line.start - within && other.start < line.start - within
    }

    private func buildGrid(_ lines: [RulingLine], glyphs: [Glyph], claimed: inout [Bool], page: Int) -> CellGrid? {
        let hs = lines.filter { $0.orientation == .horizontal }
        let vs = lines.filter { $0.orientation == .vertical }
        var xs = Snapping.cluster(vs.map(\.position), tolerance: settings.snapTolerance)
        var ys = Snapping.cluster(hs.map(\.position), tolerance: settings.snapTolerance)
        // An open edge: a row cut by a page break often has no bottom border (or a continued table
        // no top border), yet its column lines run on. Where the perpendicular lines reach past the
        // last boundary by a row's worth, that reach is an implicit boundary.
        // Such an open row holds only what runs on from the cells above (or below): its slots are
        // never merged sideways, so a row group label cut by the break does not swallow the row.
        var openRows = Set<Int>()
        if let top = ys.first, let bottom = ys.last, let x0 = xs.first, let x1 = xs.last {
            let reach = settings.minOpenEdgeReach
            if let low = vs.map(\.end).max(), low > bottom + reach { ys.append(low); openRows.insert(ys.count - 2) }
            if let high = vs.map(\.start).min(), high < top - reach { ys.insert(high, at: 0); openRows = Set(openRows.map { $0 + 1 }); openRows.insert(0) }
            if let right = hs.map(\.end).max(), right > x1 + reach { xs.append(right) }
            if let left = hs.map(\.start).min(), left < x0 - reach { xs.insert(left, at: 0) }
        }
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        let rows = ys.count - 1, cols = xs.count - 1
        // A lattice of hundreds of lines each way is hatching or a hostile page, not a report
        // table (those have some 15 columns and 40 rows); its grid would cost minutes and gigabytes.
        guard rows * cols <= settings.maxGridCells else { return nil }
        let tol = settings.snapTolerance

        func hasVertical(at x: Double, from y0: Double, to y1: Double) -> Bool {
            let covered = vs.filter { abs($0.position - x) <= tol }.reduce(0.0) { $0 + $1.coverage(of: y0, y1) }
            return covered >= settings.minBorderCoverage
        }
        func hasHorizontal(at y: Double, from x0: Double, to x1: Double) -> Bool {
            let covered = hs.filter { abs($0.position - y) <= tol }.reduce(0.0) { $0 + $1.coverage(of: x0, x1) }
            return covered >= settings.minBorderCoverage
        }

        // A first or last row without any text is a sliver of rows running on across a page break
        // too (drawn with a closing border, column lines left out): an open row. (Not on a page
        // without glyphs — a scan, whose text is read after the grid is built.)
        if rows > 2, !glyphs.isEmpty {
            var filled = Set<Int>()
            for g in glyphs where !g.isWhitespace {
                if let r = Snapping.slot(of: g.box.midY, in: ys), Snapping.slot(of: g.box.midX, in: xs) != nil { filled.insert(r) }
            }
            for r in [0, rows - 1] where !filled.contains(r) { openRows.insert(r) }
        }
        var uf = UnionFind(rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                if c + 1 < cols, !openRows.contains(r), !hasVertical(at: xs[c + 1], from: ys[r], to: ys[r + 1]) { uf.union(r * cols + c, r * cols + c + 1) }
                if r + 1 < rows, !hasHorizontal(at: ys[r + 1], from: xs[c], to: xs[c + 1]) { uf.union(r * cols + c, (r + 1) * cols + c) }
            }
        }
        // Each merged region → one cell over its bounding rectangle of grid positions.
        var regions: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0..<rows {
            for c in 0..<cols {
                let root = uf.find(r * cols + c)
                if let e = regions[root] {
                    regions[root] = (min(e.r0, r), min(e.c0, c), max(e.r1, r), max(e.c1, c))
                } else {
                    regions[root] = (r, c, r, c)
                }
            }
        }
        // Ordered by where each region's bounding rectangle starts, then by its root: two regions
        // that are not rectangles (a rule broken under a seal) can start at one position, and the
        // dictionary's order, which changes from run to run, must not decide which comes first.
        let ordered = regions.sorted { ($0.value.r0, $0.value.c0, $0.key) < ($1.value.r0, $1.value.c0, $1.key) }
        var indexOfRoot: [Int: Int] = [:]
        for (i, entry) in ordered.enumerated() { indexOfRoot[entry.key] = i }
        var cellGlyphs = [[Glyph]](repeating: [], count: ordered.count)
        var previous: (glyph: Glyph, cell: Int)?
        for (gi, g) in glyphs.enumerated() where !claimed[gi] {
            guard let c = Snapping.slot(of: g.box.midX, in: xs), let r = Snapping.slot(of: g.box.midY, in: ys) else { previous = nil; continue }
            claimed[gi] = true
            if g.isWhitespace { continue }
            var cell = indexOfRoot[uf.find(r * cols + c)]!
            // Text that overruns its cell (a closing quote drawn across the border) stays with the
            // glyph it follows when it straddles the border and touches that glyph.
            // (Only a glyph right after it: not the first glyph of a line whose text starts on the
            // border, which follows the last glyph of another cell in the text's order.)
            if let p = previous, p.cell != cell, xs.contains(where: { $0 > g.box.x0 && $0 < g.box.x1 }),
               case let gap = g.box.x0 - p.glyph.box.x1, gap < 0.2 * max(g.box.height, 1), gap > -0.5 * max(g.box.width, 1),
               g.box.verticalOverlap(p.glyph.box) > 0.5 * g.box.height {
                cell = p.cell
            }
            cellGlyphs[cell].append(g)
            previous = (g, cell)
        }
        let cells = ordered.enumerated().map { i, entry in
            let e = entry.value
            let box = Rect(x0: xs[e.c0], y0: ys[e.r0], x1: xs[e.c1 + 1], y1: ys[e.r1 + 1])
            let text = TextJoiner.join(lines: TextLineBuilder.lines(from: cellGlyphs[i], settings: settings))
            return GridCell(row: e.r0, column: e.c0, rowSpan: e.r1 - e.r0 + 1, columnSpan: e.c1 - e.c0 + 1, box: box, text: text)
        }
        return CellGrid(page: page, rowEdges: ys, columnEdges: xs, cells: cells, method: .lattice)
    }
}
