import PageGeometry

/// Builds tables from the alignment of text alone (tabula's and camelot's "stream" mode), for
/// tables drawn without ruling lines, with horizontal rules only, or whose ruled part leaves rows out.
///
/// - Rows: a text line that holds numbers (or the zero marks of `TableTokens`) in cells of
///   their own is a row. A label line without numbers above or below one — a wrapped label, a label
///   whose numbers are centred lower in a tall row — joins a row: the nearer of its neighbours in
///   its own column across the smaller gap (rules make a gap impassable), list numbering deciding
///   between equal gaps. A lone row label that continues nothing and has no numbers below it is a
///   row of blank values; so is a small table with a header and labels but no number at all.
/// - Columns: the numbers of all rows, clustered by their horizontal extents, give the value
///   columns; left edges of label text that recur and stand beside other label text in one row
///   give the label columns (group labels, row labels).
/// - Header: the lines just above the first row that carry text over the value columns. A header
///   text over several columns (申请人情况, 行政诉讼) spans the columns of the header texts beneath
///   it on which it is centred; wrapped header lines with the same span are joined.
/// - Tables: rows follow each other into one table until the numbers stop lining up with the
///   columns seen so far, or a gap of `streamMaxRowGap` opens.
///
/// Knows nothing of reports: it sees lines, gaps and numbers. Every tolerance is a `LayoutSettings`
/// value.
public struct StreamExtractor: Sendable {
    public var settings: LayoutSettings
    public init(settings: LayoutSettings = .init()) { self.settings = settings }

    /// A run of characters of one line between two cell gaps.
    struct Segment {
        var glyphs: [Glyph]
        var box: Rect
        var text: String
        var isValue: Bool
    }

    /// A text line cut into segments.
    struct Line {
        var box: Rect
        var segments: [Segment]
        var em: Double
        var glyphs: [Glyph]
        var valueCount: Int { segments.filter(\.isValue).count }
    }

    /// The tables among `glyphs` (usually those no lattice table claimed) and the glyphs left
    /// outside them. `rules` are the page's horizontal ruling lines not part of a ruled table.
    public func extract(glyphs: [Glyph], rules: [RulingLine] = [], page: Int) -> (tables: [CellGrid], outside: [Glyph]) {
        guard settings.stream != .off, !glyphs.isEmpty else { return ([], glyphs) }
        let pageEm = Self.pageEm([TextLine(glyphs: glyphs)])
        let textLines = TextLineBuilder.lines(from: glyphs, em: pageEm, settings: settings)
        let lines = textLines.map { cut($0, pageEm: pageEm) }
        let numeric = lines.indices.filter { isRow(lines[$0]) }
        // (A page without numbers can still hold a small table whose values are all blank.)
        let horizontal = rules.filter { $0.orientation == .horizontal }

        var tables: [CellGrid] = []
        var used = Set<Int>()
        for region in regions(numeric, lines) {
            guard let (grid, members) = build(region, lines: lines, rules: horizontal, taken: used, page: page) else { continue }
            tables.append(grid)
            used.formUnion(members)
        }
        for (grid, members) in blankBlocks(lines, taken: used, page: page) {
            tables.append(grid)
            used.formUnion(members)
        }
        tables.sort { $0.box.y0 < $1.box.y0 }
        guard !tables.isEmpty else { return ([], glyphs) }
        var claimed = Set<Glyph>()
        for i in used { for g in lines[i].glyphs { claimed.insert(g) } }
        return (tables, glyphs.filter { !$0.isWhitespace && !claimed.contains($0) })
    }

    // MARK: lines, segments, values

    /// The character size of a page (see `TextLineBuilder.characterSize`).
    static func pageEm(_ lines: [TextLine]) -> Double { TextLineBuilder.characterSize(of: lines.flatMap(\.glyphs)) }

    static func isCJK(_ g: Glyph) -> Bool { TextLineBuilder.isCJK(g) }

    func cut(_ line: TextLine, pageEm: Double) -> Line {
        let visible = line.glyphs.filter { !$0.isWhitespace }.sorted { $0.box.x0 < $1.box.x0 }
        let widths = visible.filter(Self.isCJK).map(\.box.width).sorted()
        // A line of digits only (no CJK) takes the page's size: digit heights vary with the font.
        let em = widths.isEmpty ? pageEm : max(1, widths[widths.count / 2])
        var segments: [Segment] = []
        var run: [Glyph] = []
        func flush() {
            guard !run.isEmpty else { return }
            let box = run.dropFirst().reduce(run[0].box) { $0.union($1.box) }
            let text = TextJoiner.join(run)
            segments.append(Segment(glyphs: run, box: box, text: text, isValue: isValue(text)))
            run = []
        }
        for g in visible {
            if let last = run.last, g.box.x0 - last.box.x1 > settings.streamCellGap * em { flush() }
            run.append(g)
        }
        flush()
        return Line(box: line.box, segments: segments, em: em, glyphs: line.glyphs)
    }

    /// A value or zero mark (see `TableTokens`).
    func isValue(_ text: String) -> Bool { TableTokens.isValue(text) }

    /// Small tables with no number at all (every value blank): a header line of texts set far
    /// apart (信息内容 | 本年收费金额) with one or a few single-text lines right below it, lined up
    /// under its first text. Each header text is a column; the lines below are rows of blank cells.
    func blankBlocks(_ lines: [Line], taken: Set<Int>, page: Int) -> [(CellGrid, Set<Int>)] {
        var out: [(CellGrid, Set<Int>)] = []
        var used = taken
        for i in lines.indices where !used.contains(i) {
            let head = lines[i]
            let em = head.em
            guard head.valueCount == 0, head.segments.count >= 2,
                  zip(head.segments, head.segments.dropFirst()).allSatisfy({ $1.box.x0 - $0.box.x1 >= 2 * em }) else { continue }
            let first = head.segments[0], second = head.segments[1]
            var rows: [Int] = []
            var last = head.box
            var j = i + 1
            while j < lines.count, !used.contains(j), rows.count < 4 {
                let l = lines[j]
                // Under the first header text's column: left of the middle between the first two
                // header texts, overlapping the first (labels may be left-aligned under a centred
                // header).
                guard l.valueCount == 0, l.segments.count == 1, let seg = l.segments.first,
                      seg.box.x1 <= (first.box.x1 + second.box.x0) / 2, seg.text.count <= 16,
                      seg.box.horizontalOverlap(first.box) > 0 || abs(seg.box.x0 - first.box.x0) <= settings.streamLabelAlignTolerance * em,
                      l.box.midY - last.midY <= 2.2 * em, abs(l.em - em) <= 0.2 * em else { break }
                rows.append(j)
                last = l.box
                j += 1
            }
            guard !rows.isEmpty else { continue }
            let segs = head.segments
            var edges = [Swift.min(segs[0].box.x0, rows.map { lines[$0].box.x0 }.min()!) - 0.5]
            for (a, b) in zip(segs, segs.dropFirst()) { edges.append((a.box.x1 + b.box.x0) / 2) }
            edges.append(segs.last!.box.x1 + 0.5)
            let members = [i] + rows
            var rowEdges = [head.box.y0 - 1]
            for (a, b) in zip(members, members.dropFirst()) { rowEdges.append(Swift.max((lines[a].box.y1 + lines[b].box.y0) / 2, rowEdges.last! + 0.1)) }
            rowEdges.append(Swift.max(lines[members.last!].box.y1 + 1, rowEdges.last! + 0.1))
            var cells: [GridCell] = []
            for (r, li) in members.enumerated() {
                for c in 0..<segs.count {
                    let text = r == 0 ? segs[c].text : (c == 0 ? lines[li].segments[0].text : "")
                    cells.append(GridCell(row: r, column: c, box: Rect(x0: edges[c], y0: rowEdges[r], x1: edges[c + 1], y1: rowEdges[r + 1]), text: text))
                }
            }
            out.append((CellGrid(page: page, rowEdges: rowEdges, columnEdges: edges, cells: cells, method: .stream), Set(members)))
            used.formUnion(members)
        }
        return out
    }

    /// The line with its segments also split at gaps (however small) that hold one of `boundaries`.
    func recut(_ line: Line, at boundaries: [Double], em: Double) -> Line {
        var out = line
        out.segments = line.segments.flatMap { seg -> [Segment] in
            guard !seg.isValue, seg.glyphs.count > 1 else { return [seg] }
            var parts: [[Glyph]] = [[seg.glyphs[0]]]
            for (a, b) in zip(seg.glyphs, seg.glyphs.dropFirst()) {
                let lo = a.box.x1, hi = b.box.x0
                if hi - lo >= 0.1 * em, boundaries.contains(where: { $0 >= lo - 0.3 * em && $0 <= hi + 0.3 * em }) {
                    parts.append([b])
                } else {
                    parts[parts.count - 1].append(b)
                }
            }
            guard parts.count > 1 else { return [seg] }
            return parts.map { run in
                let box = run.dropFirst().reduce(run[0].box) { $0.union($1.box) }
                let text = TextJoiner.join(run)
                return Segment(glyphs: run, box: box, text: text, isValue: isValue(text))
            }
        }
        return out
    }

    /// Whether a text opens with list numbering: `1.` `2、` `3．` `（三）` `(3)` `一、`.
    static func startsWithNumbering(_ text: String) -> Bool { TableTokens.startsWithNumbering(text) }

    /// Whether a line is a table row: numbers in cells of their own.
    func isRow(_ line: Line) -> Bool {
        let values = line.valueCount
        if values >= 2 { return true }
        guard values == 1, line.segments.count >= 2, let i = line.segments.firstIndex(where: \.isValue), i > 0 else { return false }
        return line.segments[i].box.x0 - line.segments[i - 1].box.x1 >= settings.streamMinValueGap * line.em
    }

    // MARK: tables

    /// Rows of numbers grouped into tables: a row whose numbers do not line up with the columns
    /// seen so far, or that stands far below the last one, starts another table.
    func regions(_ numeric: [Int], _ lines: [Line]) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        var columns: [(Double, Double)] = []
        for i in numeric {
            let line = lines[i]
            let tol = settings.streamColumnTolerance * line.em
            let values = line.segments.filter(\.isValue)
            if let last = current.last {
                let far = line.box.y0 - lines[last].box.y1 > settings.streamMaxRowGap * line.em
                // One number in a new column inside the table's width is a column the rows so far
                // left blank; two, or one beyond the table's edges, are another table.
                let strays = values.filter { v in !columns.contains { v.box.x0 - tol <= $0.1 && v.box.x1 + tol >= $0.0 } }
                let lo = columns.map(\.0).min() ?? 0, hi = columns.map(\.1).max() ?? 0
                let fits = strays.isEmpty || (strays.count == 1 && strays[0].box.x0 >= lo - line.em && strays[0].box.x1 <= hi + line.em)
                if far || !fits {
                    out.append(current)
                    current = []
                    columns = []
                }
            }
            current.append(i)
            for v in values { columns.append((v.box.x0 - tol, v.box.x1 + tol)) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// One table from its rows of numbers: its header above, its label lines, its columns and cells.
    /// Returns the grid and the indices of the lines it took.
    func build(_ rows: [Int], lines: [Line], rules: [RulingLine], taken: Set<Int>, page: Int) -> (CellGrid, Set<Int>)? {
        guard let firstRow = rows.first, let lastRow = rows.last else { return nil }
        let em = rows.map { lines[$0].em }.sorted()[rows.count / 2]

        // Value columns: clusters of overlapping number extents.
        let tol = settings.streamColumnTolerance * em
        var spans = rows.flatMap { lines[$0].segments.filter(\.isValue).map { ($0.box.x0 - tol, $0.box.x1 + tol) } }
        spans.sort { $0.0 < $1.0 }
        var valueColumns: [(x0: Double, x1: Double)] = []
        for s in spans {
            if let last = valueColumns.last, s.0 <= last.x1 {
                valueColumns[valueColumns.count - 1].x1 = max(last.x1, s.1)
            } else {
                valueColumns.append((s.0, s.1))
            }
        }
        valueColumns = valueColumns.map { ($0.x0 + tol, $0.x1 - tol) }
        valueColumns += blankColumns(rightOf: valueColumns, rows: rows, lines: lines, em: em, taken: taken)
        guard let valueLeft = valueColumns.first?.x0 else { return nil }
        // Header texts in narrow columns can stand closer than a cell gap: a gap at a boundary
        // between two value columns splits them all the same.
        let boundaries = [valueLeft - 0.3 * em] + zip(valueColumns, valueColumns.dropFirst()).map { ($0.x1 + $1.x0) / 2 }
        var lines = lines
        for i in Swift.max(0, firstRow - 40)..<firstRow where !taken.contains(i) && !isRow(lines[i]) {
            lines[i] = recut(lines[i], at: boundaries, em: em)
        }
        let labelLimit = valueLeft + 0.5 * em
        func isLabelOnly(_ l: Line) -> Bool { l.valueCount == 0 && l.segments.allSatisfy { $0.box.x1 <= labelLimit } }
        func reachesValues(_ s: Segment) -> Bool { s.box.midX >= valueLeft - 0.5 * em }

        // Horizontal rules across the table: row separators.
        let ruleYs = rules.filter { r in
            let x0 = lines[firstRow].box.x0, x1 = lines[firstRow].box.x1
            return max(0, min(r.end, x1) - max(r.start, x0)) >= settings.streamRuleCoverage * (x1 - x0)
        }.map(\.position)
        func band(_ y: Double) -> Int { ruleYs.filter { $0 < y }.count }

        // Lines between the first and last row: rows of their own (a header or section line inside
        // the table) or label lines that join a row.
        var members = Set(rows)
        var ownRows = Set(rows)
        var attached: [Int: [Int]] = [:]
        let rowSet = Set(rows)
        var body: [Int] = []
        for i in firstRow...lastRow where !rowSet.contains(i) && !taken.contains(i) {
            body.append(i)
            members.insert(i)
            if !isLabelOnly(lines[i]) { ownRows.insert(i) }
        }
        // Rules between (most) rows, not only around the header and the table (a 三线表). Only
        // neighbouring rows tell: two rows with a section header between them (table 二's blocks,
        // each under its own rule) say nothing about rules between rows.
        let adjacentRows = zip(rows, rows.dropFirst()).filter { a, b in !(a + 1..<b).contains { ownRows.contains($0) } }
        let ruledRows = !adjacentRows.isEmpty
            && adjacentRows.filter { band(lines[$0].box.midY) != band(lines[$1].box.midY) }.count * 2 >= adjacentRows.count

        // Rows whose values are all blank: a lone label in the column most row labels start in,
        // that continues no label above it (that one does not fill the column; in
        // a table of numbered labels it is numbered itself) and is not the first line of the row
        // below it (a label whose numbers are centred lower).
        let align = settings.streamLabelAlignTolerance * em
        var blankRows = Set<Int>()
        let leaves = rows.compactMap { lines[$0].segments.last { !$0.isValue && $0.box.x1 <= labelLimit } }
        // Row labels are left-aligned (one left edge) or centred (one centre): whichever recurs more.
        func dominant(_ xs: [Double]) -> (Double, Int)? {
            Snapping.cluster(xs, tolerance: align).map { c in (c, xs.filter { abs($0 - c) <= align }.count) }.max { $0.1 < $1.1 }
        }
        let byLeft = dominant(leaves.map(\.box.x0)), byCentre = dominant(leaves.map(\.box.midX))
        let centred = (byCentre?.1 ?? 0) > (byLeft?.1 ?? 0)
        let leafColumn = centred ? byCentre?.0 : byLeft?.0
        func anchor(_ s: Segment) -> Double { centred ? s.box.midX : s.box.x0 }
        // Too few rows to tell left-aligned labels from centred ones (table 二's two-row blocks): a
        // label in the column either way stands in it.
        let undecided = (byCentre?.1 ?? 0) == (byLeft?.1 ?? 0)
        func inLeafColumn(_ s: Segment) -> Bool {
            if let c = leafColumn, abs(anchor(s) - c) <= align { return true }
            guard undecided, let l = byLeft?.0, let c = byCentre?.0 else { return false }
            return abs(s.box.x0 - l) <= align || abs(s.box.midX - c) <= align
        }
        // Numbered labels (1. （三） 一、): a good share of the label texts in that column open with
        // numbering (wrapped lines dilute it; table 二's labels have none).
        let columnTexts = (Swift.max(0, firstRow - 1)...lastRow).flatMap { i in lines[i].segments.filter { !$0.isValue && $0.box.x1 <= labelLimit } }
            .filter { s in leafColumn.map { abs(anchor(s) - $0) <= align } ?? false }
        let numbered = columnTexts.filter { Self.startsWithNumbering($0.text) }.count * 10 >= columnTexts.count * 3
        let pitches = zip(rows, rows.dropFirst()).map { lines[$1].box.midY - lines[$0].box.midY }.sorted()
        let pitch = pitches.isEmpty ? 2.5 * em : pitches[pitches.count / 2]
        // The row-label column ends where the first value column begins: half a column's width
        // left of its numbers' centre (numbers are centred or close to it).
        let firstCentre = (valueColumns[0].x0 + valueColumns[0].x1) / 2
        let leafEnd = valueColumns.count > 1
            ? firstCentre - Swift.min(0.5 * ((valueColumns[1].x0 + valueColumns[1].x1) / 2 - firstCentre), firstCentre - valueColumns[0].x0 + 3 * em)
            : valueLeft - 0.5 * em
        /// Whether a label line fills the row-label column, as the first lines of a wrapped label do.
        func full(_ s: Segment) -> Bool {
            guard let leafColumn else { return false }
            return centred ? s.box.width >= 2 * (leafEnd - leafColumn) - 3 * em : s.box.x1 >= leafEnd - 2.5 * em
        }
        func blankRow(_ i: Int) -> Bool {
            let l = lines[i]
            // Where rules part the rows, a line between the same rules as a row is part of it.
            if ruledRows, rows.contains(where: { band(lines[$0].box.midY) == band(l.box.midY) }) { return false }
            guard leafColumn != nil, l.segments.count == 1, let seg = l.segments.first, !seg.isValue, seg.box.x1 <= labelLimit,
                  inLeafColumn(seg), abs(l.em - em) <= 0.2 * em,
                  !numbered || Self.startsWithNumbering(seg.text) else { return false }
            var j = i - 1
            while j >= 0, lines[j].box.y1 > l.box.y0 - 4 * em {
                if let above = lines[j].segments.first(where: { !$0.isValue && inLeafColumn($0) }) {
                    if full(above) { return false }
                    break
                }
                j -= 1
            }
            // Down to the next row label: a line of numbers without a label of its own on the way
            // holds this label's numbers (set lower, beside its later lines); so does the row right
            // below when its label only continues this one.
            var k = i + 1
            while k < lines.count, lines[k].box.y0 < l.box.y1 + 6 * em {
                let own = lines[k].segments.first { !$0.isValue && inLeafColumn($0) }
                if rowSet.contains(k) {
                    guard let own else { return false }
                    if numbered && !Self.startsWithNumbering(own.text) { return false }
                    if !numbered && full(seg) && lines[k].box.y0 - l.box.y1 <= 1.0 * em { return false }
                    break
                }
                if let own, !numbered || Self.startsWithNumbering(own.text) { break }
                k += 1
            }
            return true
        }
        for i in body where !ownRows.contains(i) && blankRow(i) { blankRows.insert(i) }

        // Label lines just below the last row (a wrapped label whose numbers sat on its first line),
        // and rows of blank values there.
        let labelStarts = rows.flatMap { lines[$0].segments.filter { !$0.isValue }.map(\.box.x0) }
        var k = lastRow + 1
        var bottom = lines[lastRow].box.y1
        var lastMid = lines[lastRow].box.midY
        while k < lines.count, !taken.contains(k), isLabelOnly(lines[k]) {
            // A rule between them says the line is no wrapped part of the label above.
            let wrapped = lines[k].box.y0 - bottom <= settings.streamMaxTrailingGap * em
                && !crossesRule(between: bottom, and: lines[k].box.y0, rules, from: lines[k].box.x0, to: valueLeft)
                && lines[k].segments.allSatisfy({ s in labelStarts.contains { abs($0 - s.box.x0) <= align } })
            let blank = lines[k].box.midY - lastMid <= 1.5 * pitch && blankRow(k)
            guard wrapped || blank else { break }
            if blank { blankRows.insert(k) }
            body.append(k)
            members.insert(k)
            bottom = lines[k].box.y1
            lastMid = lines[k].box.midY
            k += 1
        }
        // A header line stranded at the foot of the page (its rows went over the break): it
        // belongs with this table, whose rows on the next page it names.
        if k < lines.count, !taken.contains(k), case let l = lines[k], l.valueCount == 0, l.segments.count >= 2,
           l.segments.contains(where: { $0.box.midX >= valueLeft - 0.5 * em }), l.box.midY - lastMid <= 2.5 * pitch,
           !lines[(k + 1)...].contains(where: isRow) {
            body.append(k)
            members.insert(k)
            ownRows.insert(k)
        }

        // Header: lines above the first row with text over the value columns, and the label lines
        // among them; label lines between the header and the first row join the first row when
        // they are nearer to it.
        let tableLeft = rows.compactMap { lines[$0].segments.first?.box.x0 }.min() ?? valueLeft
        let tableRight = rows.compactMap { lines[$0].segments.last?.box.x1 }.max() ?? valueLeft
        var header: [Int] = []
        var pending: [Int] = []
        var top = lines[firstRow].box.y0
        var j = firstRow - 1
        var lowestHeader: Int?
        while j >= 0, !taken.contains(j) {
            let line = lines[j]
            if top - line.box.y1 > settings.streamMaxHeaderGap * em { break }
            if line.valueCount > 0 && isRow(line) { break }
            if isLabelOnly(line) {
                pending.append(j)
            } else {
                // A heading or running text is not a header line: one text from the table's left
                // edge, or as wide as most of the table, reaching over the value columns.
                if line.segments.count == 1, let t = line.segments.first, !t.isValue, t.box.x1 > valueLeft + 1.5 * em,
                   t.box.x0 <= tableLeft + 1 * em || t.box.width >= 0.6 * (tableRight - tableLeft) { break }
                if lowestHeader == nil {
                    // Label lines between this first header line and the first row.
                    for p in pending {
                        let dRow = lines[firstRow].box.midY - lines[p].box.midY
                        let dHeader = lines[p].box.midY - line.box.midY
                        if blankRow(p) {
                            blankRows.insert(p); body.append(p); members.insert(p)
                        } else if dRow < dHeader { body.append(p); members.insert(p) } else { header.append(p) }
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
            if header.count > 12 { break }
        }
        if lowestHeader == nil {
            // No header: label lines right above the first row are its wrapped label.
            for p in pending where lines[firstRow].box.y0 - lines[p].box.y1 <= settings.streamMaxTrailingGap * em {
                body.append(p); members.insert(p)
            }
        }
        header.sort()
        for h in header { members.insert(h) }

        let valueCount = rows.reduce(0) { $0 + lines[$1].valueCount }
        guard rows.count >= 2 || valueCount >= 4 || !header.isEmpty else { return nil }

        // Attach label lines to their rows.
        // Label lines go with a row. A label line looks at the nearest lines above and below it in
        // its own column (lines whose texts overlap it horizontally; a group label beside it does
        // not count) and goes with the nearer one across the smaller gap — a wrapped label's lines
        // stand closer to each other than to the next row's, and a rule in a gap makes it
        // infinite — following label lines on to a row. Lines set at one pitch throughout (cells
        // without padding) leave equal gaps: then a line opening with list numbering (1. （三） 一、)
        // starts a label and goes down, and one followed by such a line goes up. A line whose
        // neighbours send it round in a circle (a label whose numbers are centred between its lines)
        // goes with the row nearest to its centre.
        let ordered = (rows + body).sorted()
        func gap(_ a: Int, _ b: Int) -> Double {
            let lo = lines[a].box.y1, hi = lines[b].box.y0
            if ruleYs.contains(where: { $0 >= Swift.min(lo, hi) - 1 && $0 <= Swift.max(lo, hi) + 1 }) { return .infinity }
            return hi - lo
        }
        func overlaps(_ a: Int, _ b: Int) -> Bool {
            lines[a].segments.contains { s in !s.isValue && lines[b].segments.contains { $0.box.horizontalOverlap(s.box) > 0 } }
        }
        func neighbours(_ b: Int) -> (above: Int?, below: Int?) {
            guard let p = ordered.firstIndex(of: b) else { return (nil, nil) }
            let above = ordered[..<p].last { overlaps($0, b) }
            let below = ordered[(p + 1)...].first { overlaps($0, b) }
            return (above, below)
        }
        /// Whether line `i`'s row label (its last label text: group labels stand left of it) opens
        /// with list numbering.
        func opensLabel(_ i: Int) -> Bool {
            Self.startsWithNumbering(lines[i].segments.last { !$0.isValue }?.text ?? "")
        }
        // A label line a row's gap from its neighbours on both sides is a row whose values are all
        // blank (where rows are set apart by more than wrapped lines are).
        let rowGaps = zip(ordered, ordered.dropFirst()).filter { rowSet.contains($0.0) && rowSet.contains($0.1) }.map { gap($0.0, $0.1) }.filter(\.isFinite).sorted()
        if rowGaps.count >= 2, case let rowGap = rowGaps[rowGaps.count / 2], rowGap >= (settings.streamWrapGap + 0.25) * em {
            let labelStarts = rows.compactMap { r in lines[r].segments.first { !$0.isValue }?.box.x0 }
            for b in ordered where !ownRows.contains(b) {
                let (above, below) = neighbours(b)
                guard let above, let below, gap(above, b) >= 0.8 * rowGap, gap(b, below) >= 0.8 * rowGap,
                      let x0 = lines[b].segments.first?.box.x0,
                      labelStarts.contains(where: { abs($0 - x0) <= settings.streamLabelAlignTolerance * em }) else { continue }
                blankRows.insert(b)
            }
        }
        ownRows.formUnion(blankRows)
        let rowLike = rowSet.union(blankRows)
        func nearestRow(_ b: Int) -> Int {
            let y = lines[b].box.midY
            let sameBand = rows.filter { band(lines[$0].box.midY) == band(y) }
            let candidates = sameBand.isEmpty ? rows : sameBand
            return candidates.min { abs(lines[$0].box.midY - y) < abs(lines[$1].box.midY - y) }!
        }
        func step(_ b: Int) -> Int? {
            let (above, below) = neighbours(b)
            switch (above, below) {
            case let (a?, c?):
                let ga = gap(a, b), gc = gap(b, c)
                if !ga.isFinite && !gc.isFinite { return nil }
                if ga.isFinite && gc.isFinite && abs(ga - gc) <= 0.15 * em {
                    return opensLabel(b) ? c : a
                }
                return ga <= gc ? a : c
            case let (a?, nil): return gap(a, b).isFinite ? a : nil
            case let (nil, c?): return gap(b, c).isFinite ? c : nil
            default: return nil
            }
        }
        var promoted = Set<Int>()
        for b in body where !ownRows.contains(b) {
            // A line with rules between it and its neighbours on both sides is a band of its own
            // (a caption between two small tables).
            let (above, below) = neighbours(b)
            if above != nil || below != nil, above.map({ !gap($0, b).isFinite }) ?? true, below.map({ !gap(b, $0).isFinite }) ?? true {
                promoted.insert(b)
                continue
            }
            var seen: Set<Int> = [b]
            var current = b
            var target: Int?
            var sink = false
            while let next = step(current) {
                if rowLike.contains(next) { target = next; break }
                if ownRows.contains(next) { sink = true; break }
                guard seen.insert(next).inserted else { break }
                current = next
            }
            if let target {
                attached[target, default: []].append(b)
            } else if sink {
                promoted.insert(b)
            } else {
                // A block of tightly set label lines with its numbers on a line of their own: the
                // row whose numbers stand within the block's height, else the nearest one.
                let top = seen.map { lines[$0].box.y0 }.min()!, bottom = seen.map { lines[$0].box.y1 }.max()!
                let inside = rows.filter { lines[$0].box.midY > top && lines[$0].box.midY < bottom }
                let centre = (top + bottom) / 2
                let row = inside.min { abs(lines[$0].box.midY - centre) < abs(lines[$1].box.midY - centre) } ?? nearestRow(b)
                attached[row, default: []].append(b)
            }
        }
        ownRows.formUnion(promoted)

        // Label columns: recurring left edges that stand beside other label text in some row.
        let labelLines = (rows + body).map { lines[$0] }
        let rowTexts: [[Segment]] = rows.map { r in ([r] + (attached[r] ?? [])).flatMap { lines[$0].segments.filter { !$0.isValue } } }
        let labelSegments = labelLines.flatMap { $0.segments.filter { !$0.isValue && $0.box.x1 <= labelLimit } }

        var starts = Snapping.cluster(labelSegments.map(\.box.x0), tolerance: align)
        starts = starts.enumerated().filter { idx, s in
            if idx == 0 { return true }
            let members = labelSegments.filter { abs($0.box.x0 - s) <= align }
            guard members.count >= 2 else { return false }
            // Beside other label text in one row (its own line or the label lines joined to it).
            return rowTexts.contains { segs in
                segs.contains { abs($0.box.x0 - s) <= align } && segs.contains { $0.box.x1 < s - 0.3 * em }
            }
        }.map(\.1)

        // Column edges.
        let allSegments = (header + rows + body).flatMap { lines[$0].segments }
        let left = min(allSegments.map(\.box.x0).min() ?? valueLeft, valueLeft) - 0.5
        let right = max(allSegments.map(\.box.x1).max() ?? valueLeft, valueColumns.last!.x1) + 0.5
        var edges = [left]
        for s in starts.dropFirst() where s - 0.3 * em > (edges.last ?? left) + 0.5 * em { edges.append(s - 0.3 * em) }
        let labelEnd = labelSegments.map(\.box.x1).filter { $0 < valueLeft }.max()
        if !labelSegments.isEmpty || starts.count > 0 {
            let divide = labelEnd.map { ($0 + valueLeft) / 2 } ?? valueLeft - 0.3 * em
            if divide > (edges.last ?? left) + 0.5 * em { edges.append(min(divide, valueLeft - 0.1)) }
        }
        for i in 1..<valueColumns.count { edges.append((valueColumns[i - 1].x1 + valueColumns[i].x0) / 2) }
        edges.append(right)
        let labelColumnCount = edges.filter { $0 < valueLeft }.count - 1
        let columnCount = edges.count - 1

        func slot(of x: Double) -> Int { Swift.max(0, Swift.min(columnCount - 1, (edges.lastIndex { $0 <= x } ?? 0))) }
        func slots(of s: Segment) -> ClosedRange<Int> {
            let inside = (0..<columnCount).filter { c in
                let mid = (edges[c] + edges[c + 1]) / 2
                return mid >= s.box.x0 && mid <= s.box.x1
            }
            if let a = inside.first, let b = inside.last { return a...b }
            let c = slot(of: s.box.midX)
            return c...c
        }

        // Rows of the grid: header lines, then the table's own rows with their label lines.
        struct Row {
            var lines: [Int]
            var isHeader: Bool
        }
        var gridRows: [Row] = header.map { Row(lines: [$0], isHeader: true) }
        for r in ownRows.sorted() { gridRows.append(Row(lines: [r] + (attached[r] ?? []).sorted(), isHeader: false)) }

        // Cells of each row: segment texts by column range.
        struct Piece {
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
        var pieces: [[Piece]] = gridRows.map { row in
            let segs = row.lines.flatMap { i in lines[i].segments.map { ($0, $0.box.midY) } }
            return segs.map { s, y in
                let range = s.isValue ? slot(of: s.box.midX)...slot(of: s.box.midX) : slots(of: s)
                return Piece(range: range, text: s.text, y: y, x: s.box.x0, width: s.box.width, bottom: s.box.y1, lastY: y, top: s.box.y0, height: s.box.height)
            }
        }

        // Wrapped header lines: a text under one in the same columns, at most a line gap below it,
        // continues it (the nearest such text above; a text in between in those columns blocks).
        let headerCount = header.count
        if headerCount > 1 {
            for h in 1..<headerCount {
                let lineTop = lines[gridRows[h].lines[0]].box.y0
                var remaining: [Piece] = []
                for p in pieces[h] {
                    var k = h - 1
                    var joined = false
                    while k >= 0 {
                        if lineTop - lines[gridRows[k].lines[0]].box.y1 > 4 * em { break }
                        // Both lines fit the columns (a wider text spans more of them, it is no wrap).
                        let room = edges[p.range.upperBound + 1] - edges[p.range.lowerBound] + 0.5 * em
                        if p.width <= room, let i = pieces[k].firstIndex(where: { $0.range == p.range && $0.width <= room }) {
                            // Wrapped lines share their left edge or their centre, and follow at a
                            // line's distance (edge to edge, or centre to centre for tall boxes).
                            let u = pieces[k][i]
                            let aligned = abs(u.x - p.x) <= 0.6 * em || abs((u.x + u.width / 2) - (p.x + p.width / 2)) <= 0.6 * em
                            // Boxes taller than a line's pitch (web-printed PDFs) only tell by their centres.
                            let tall = p.height > 1.6 * em
                            let close = tall ? p.y - u.lastY <= settings.streamWrapPitch * em : p.top - u.bottom <= settings.streamWrapGap * em
                            guard aligned && close else { break }
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

        // Header texts of one header row set a little apart in height (cells whose texts are
        // centred over different numbers of lines): neighbouring header lines less than a line's
        // pitch apart whose texts stand in different columns are one row.
        if headerCount > 1 {
            for h in 1..<headerCount where !pieces[h].isEmpty && !pieces[h - 1].isEmpty {
                let ya = pieces[h - 1].map(\.y).reduce(0, +) / Double(pieces[h - 1].count)
                let yb = pieces[h].map(\.y).reduce(0, +) / Double(pieces[h].count)
                guard yb - ya <= 0.8 * em,
                      !pieces[h].contains(where: { p in pieces[h - 1].contains { $0.range.overlaps(p.range) } }) else { continue }
                pieces[h] = (pieces[h - 1] + pieces[h]).sorted { $0.range.lowerBound < $1.range.lowerBound }
                pieces[h - 1] = []
            }
        }

        // Merged headers: bottom-up, a header text spans the columns of the header texts beneath it
        // on which it is centred.
        if headerCount > 0 {
            let center: (ClosedRange<Int>) -> Double = { (edges[$0.lowerBound] + edges[$0.upperBound + 1]) / 2 }
            let medianWidth = (1..<edges.count).map { edges[$0] - edges[$0 - 1] }.sorted()[(edges.count - 1) / 2]
            for h in stride(from: headerCount - 1, through: 0, by: -1) {
                let below = pieces[(h + 1)..<headerCount].flatMap { $0 }
                guard !below.isEmpty else { continue }
                let line = lines[gridRows[h].lines[0]]
                var row = pieces[h]
                // Most constrained first: the text with the fewest candidate spans.
                var order: [(Int, [ClosedRange<Int>])] = []
                for (pi, p) in row.enumerated() {
                    let seg = line.segments.first { $0.text == p.text && $0.box.x0 == p.x }
                    let mid = seg?.box.midX ?? center(p.range)
                    let inLabels = p.range.upperBound < labelColumnCount
                    let bounds = below.filter { ($0.range.upperBound < labelColumnCount) == inLabels }
                    let lows = Set(bounds.map(\.range.lowerBound) + [p.range.lowerBound])
                    let highs = Set(bounds.map(\.range.upperBound) + [p.range.upperBound])
                    var candidates: [ClosedRange<Int>] = []
                    for a in lows where a <= p.range.lowerBound {
                        for b in highs where b >= p.range.upperBound {
                            let r = a...b
                            // Centred on the span, and made of whole header texts beneath it.
                            guard abs(center(r) - mid) <= settings.streamSpanCenterTolerance * medianWidth else { continue }
                            if bounds.allSatisfy({ $0.range.clamped(to: r) == $0.range || !$0.range.overlaps(r) }) { candidates.append(r) }
                        }
                    }
                    candidates.sort { $0.count > $1.count }
                    order.append((pi, candidates))
                }
                order.sort { ($0.1.first?.count ?? 0) < ($1.1.first?.count ?? 0) }
                var chosen: [Int: ClosedRange<Int>] = [:]
                for (pi, candidates) in order {
                    let others = row.indices.filter { $0 != pi }
                    if let pick = candidates.first(where: { r in
                        others.allSatisfy { o in
                            let taken = chosen[o] ?? row[o].range
                            return !r.overlaps(taken)
                        }
                    }) {
                        chosen[pi] = pick
                    }
                }
                for (pi, r) in chosen { row[pi].range = r }
                pieces[h] = row
            }
        }

        // Resolve overlaps within a row: a text starting in a column another one already starts in
        // joins it; a text running into the next text's columns stops before them.
        for r in pieces.indices {
            var merged: [Piece] = []
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

        // Body rows under a lone header text centred over all value columns (table 二's
        // 本年处理决定数量 over one number): that text, and the lone number of each row below it,
        // span all value columns, as the merged cells of a ruled table do.
        if columnCount > labelColumnCount + 1 {
            let all = labelColumnCount...(columnCount - 1)
            let width = edges[columnCount] - edges[labelColumnCount]
            var spanning = false
            for r in headerCount..<pieces.count {
                let inValues = pieces[r].indices.filter { pieces[r][$0].range.lowerBound >= labelColumnCount }
                let values = inValues.filter { isValue(pieces[r][$0].text) }
                if inValues.count == 1, values.isEmpty, case let p = pieces[r][inValues[0]] {
                    let centre = (edges[labelColumnCount] + edges[columnCount]) / 2
                    spanning = abs(p.x + p.width / 2 - centre) <= settings.streamSpanCenterTolerance * width / Double(all.count)
                    if spanning { pieces[r][inValues[0]].range = all }
                } else if spanning, inValues.count == 1, values.count == 1 {
                    pieces[r][inValues[0]].range = all
                } else if !inValues.isEmpty {
                    spanning = false
                }
            }
        }

        var keep = gridRows.indices.filter { !pieces[$0].isEmpty }
        if keep.isEmpty { keep = Array(gridRows.indices) }
        gridRows = keep.map { gridRows[$0] }
        pieces = keep.map { pieces[$0] }

        // Row edges from the lines' extents (snapped to rules lying between them).
        let extents: [(Double, Double)] = gridRows.map { row in
            let boxes = row.lines.map { lines[$0].box }
            return (boxes.map(\.y0).min()!, boxes.map(\.y1).max()!)
        }
        var rowEdges = [extents[0].0 - 1]
        for i in 1..<extents.count {
            let lo = extents[i - 1].1, hi = extents[i].0
            var edge = (lo + hi) / 2
            if let rule = ruleYs.filter({ $0 >= Swift.min(lo, hi) - 1 && $0 <= Swift.max(lo, hi) + 1 }).min(by: { abs($0 - edge) < abs($1 - edge) }) { edge = rule }
            rowEdges.append(Swift.max(edge, rowEdges.last! + 0.1))
        }
        rowEdges.append(Swift.max(extents.last!.1 + 1, rowEdges.last! + 0.1))

        var cells: [GridCell] = []
        for (r, row) in pieces.enumerated() {
            var covered = [Bool](repeating: false, count: columnCount)
            for p in row {
                for c in p.range { covered[c] = true }
                cells.append(GridCell(row: r, column: p.range.lowerBound, rowSpan: 1, columnSpan: p.range.count,
                                      box: Rect(x0: edges[p.range.lowerBound], y0: rowEdges[r], x1: edges[p.range.upperBound + 1], y1: rowEdges[r + 1]),
                                      text: p.text))
            }
            for c in 0..<columnCount where !covered[c] {
                cells.append(GridCell(row: r, column: c, box: Rect(x0: edges[c], y0: rowEdges[r], x1: edges[c + 1], y1: rowEdges[r + 1]), text: ""))
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return (CellGrid(page: page, rowEdges: rowEdges, columnEdges: edges, cells: cells, method: .stream), members)
    }

    /// Value columns left blank in every row (a 总计 column nobody filled in) have no numbers to
    /// cluster; the header texts standing right of the last value column, in the header lines just
    /// above the first row, still name them. Only texts no row reaches, and short as column names are.
    func blankColumns(rightOf valueColumns: [(x0: Double, x1: Double)], rows: [Int], lines: [Line], em: Double, taken: Set<Int>) -> [(x0: Double, x1: Double)] {
        guard let last = valueColumns.last, let firstRow = rows.first else { return [] }
        let limit = last.x1 + settings.streamCellGap * em
        guard !rows.contains(where: { lines[$0].segments.contains { $0.box.x1 > limit } }) else { return [] }
        var extents: [(x0: Double, x1: Double)] = []
        var top = lines[firstRow].box.y0
        var j = firstRow - 1
        while j >= 0, !taken.contains(j), !isRow(lines[j]), top - lines[j].box.y1 <= settings.streamMaxHeaderGap * em {
            for s in lines[j].segments where !s.isValue && s.box.x0 > limit && s.text.count <= settings.streamMaxColumnNameLength {
                extents.append((s.box.x0, s.box.x1))
            }
            top = lines[j].box.y0
            j -= 1
        }
        var columns: [(x0: Double, x1: Double)] = []
        for e in extents.sorted(by: { $0.x0 < $1.x0 }) {
            if let l = columns.last, e.x0 <= l.x1 { columns[columns.count - 1].x1 = max(l.x1, e.x1) } else { columns.append(e) }
        }
        return columns
    }

    private func crossesRule(between a: Double, and b: Double, _ rules: [RulingLine], from x0: Double, to x1: Double) -> Bool {
        rules.contains { $0.position > a && $0.position < b && $0.start <= x0 + 2 && $0.end >= x1 - 2 }
    }
}
