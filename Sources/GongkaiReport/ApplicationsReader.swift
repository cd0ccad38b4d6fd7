import PageGeometry
import TableLayout

/// Reads table 三 (收到和处理政府信息公开申请情况), possibly continued over several grids.
///
/// Columns come from the merged 申请人情况 header: each applicant column is the box of the header cell
/// bearing its label, at whatever header depth it sits. Rows are matched by their whole label path
/// — every label cell covering the row, outer group first — against the template rows, so a wrapped
/// or merged group label (（三）不予公开 over eight rows) gives each sub-row its context.
struct ApplicationsReader {
    let minRowScore = 0.55

    func read(_ grids: [KeyedGrid], into warnings: inout [ReportWarning]) -> TableReading {
        var reading = TableReading()
        // A table cut by a page break inside its header leaves the header's first row(s) at the
        // foot of one page as a grid of their own: the header whose columns can be read is the first
        // one below such fragments (grids holding no value), and the data rows follow it.
        guard let start = grids.firstIndex(where: { headerColumns($0) != nil }),
              grids[..<start].allSatisfy({ !$0.cells.contains { TableTokens.isValue($0.text) } }),
              case let first = grids[start], let header = headerColumns(first) else { return reading }
        if start > 0 {
            reading.notes.append("三: header cut by a page break; columns read from the grid on page \(first.page)")
        }
        noteUnlabelledColumns(of: first, header: header, in: &reading, warnings: &warnings)
        let candidates = candidateRows(Array(grids[start...]), header: header)
        var match = RowMatch()
        matchByLabel(candidates, into: &match)
        matchByPosition(candidates, into: &match, warnings: &warnings)
        readValues(candidates, match: match, into: &reading, warnings: &warnings)
        // Grids rebuilt from converter output may have lost the cells read as blank too.
        if !grids.contains(where: { $0.grid.blankCellsMayBeLost }) { Self.markBlankColumns(&reading, warnings: &warnings) }
        warnUnmatched(candidates, match: match, warnings: &warnings)
        return reading
    }

    /// Applicant columns found among the numbers but not by their header text.
    private func noteUnlabelledColumns(of first: KeyedGrid, header: [(column: ReportTemplates.ApplicantColumn, box: Rect)],
                                       in reading: inout TableReading, warnings: inout [ReportWarning]) {
        let labelled = headerLabelled(first)
        for column in ReportTemplates.applicantColumns where !labelled.contains(column.key) && header.contains(where: { $0.column.key == column.key }) {
            warnings.append(.init(code: "column_header_missing", message: "table 三 has no readable header for \(column.label); the one column of numbers where it belongs is taken as it", page: first.page))
            reading.notes.append("三: column \(column.label) has no readable header; taken from the column of numbers between its neighbours")
        }
    }

    /// Rows with numbers that no template row took, and template rows (of both versions) that no row took.
    private func warnUnmatched(_ candidates: [CandidateRow], match: RowMatch, warnings: inout [ReportWarning]) {
        for (ci, c) in candidates.enumerated() where !match.rowTaken.contains(ci) && c.values.contains(where: { !$0.text.isEmpty }) {
            warnings.append(.init(code: "unmatched_row", message: "table 三 row not matched to the template: \(c.labelText)", page: c.row.page))
        }
        let matchedPaths = Set(match.pairs.map { ReportTemplates.applicationRows[$0.template].path })
        for t in ReportTemplates.applicationRows where t.version == nil && !matchedPaths.contains(t.path) {
            warnings.append(.init(code: "row_missing", message: "table 三 row not found: \(t.labels.last ?? t.path)", path: "applications." + t.path))
        }
    }

    /// How well a row's label cells (outer group first) match a template row's labels.
    ///
    /// The row's own (last) label must match the template's own label; the group labels before it
    /// must agree with the template's groups, but may be missing (a row continued on a new page).
    /// The whole path compared as one string is the fallback for labels cut across cells.
    static func score(row: [LabelKey], rowWhole: LabelKey, template: [LabelKey], templateWhole: LabelKey) -> Double {
        guard let leaf = row.last, let templateLeaf = template.last else { return 0 }
        let groups = template.dropLast()
        var context = 1.0
        if row.count > 1 {
            let agreement = row.dropLast().map { seg in groups.map { seg.similarity($0) }.max() ?? 0 }
            context = agreement.reduce(0, +) / Double(agreement.count)
        }
        var leafScore = leaf.similarity(templateLeaf)
        // A label written short (（二）部分公开 for the template's long one): the row's label is the
        // start of the template's.
        if leaf.count >= 2, leaf.count < templateLeaf.count, templateLeaf.scalars.starts(with: leaf.scalars) {
            leafScore = max(leafScore, 0.58 + 0.3 * Double(leaf.count) / Double(templateLeaf.count))
        }
        let bySegment = leafScore * (row.count > 1 ? 0.6 + 0.4 * context : 1)
        // The whole path as one string stands in for a label cut across cells, not for a label
        // that shares nothing with the template's own (an OCR-garbled （一）予以公开 under 本年度办理结果
        // is not （七）总计 for sharing the group label with it). The row's own label is its last
        // segment with label text: a number cell taken into the label (`出版物 / 0`) is not one.
        let ownLabel = row.last(where: \.hasLabelText) ?? leaf
        guard ownLabel.sharesCharacter(with: templateLeaf) else { return bySegment }
        return max(bySegment, 0.9 * rowWhole.similarity(templateWhole))
    }

    static let templateSegments = ReportTemplates.applicationRows.map { $0.labels.map(LabelText.labelKey) }
    static let templateNumbering = ReportTemplates.applicationRows.map { $0.labels.last.flatMap(LabelText.numbering) }
    static let templateWholes = templateSegments.map { LabelKey(scalars: $0.flatMap(\.scalars)) }
    static let applicantKeys = ReportTemplates.applicantColumns.map { LabelText.labelKey($0.label) }

    /// Applicant columns whose header cell bears their label.
    func labelledColumns(_ grid: KeyedGrid) -> [(column: ReportTemplates.ApplicantColumn, box: Rect)] {
        var out: [(column: ReportTemplates.ApplicantColumn, box: Rect)] = []
        for (column, want) in zip(ReportTemplates.applicantColumns, Self.applicantKeys) {
            // Exact label first (其他 must not match 法人或其他组织), then a close one for split words.
            let exact = grid.cells.filter { $0.key == want }
            let chosen = exact.min { $0.box.y0 < $1.box.y0 }
                ?? (want.count >= 4 ? grid.cells.filter { $0.key.similarity(want) >= 0.7 && $0.key.count <= want.count + 2 }.min { $0.box.y0 < $1.box.y0 } : nil)
            if let chosen { out.append((column, chosen.box)) }
        }
        return out
    }

    func headerLabelled(_ grid: KeyedGrid) -> Set<String> { Set(labelledColumns(grid).map(\.column.key)) }

    /// Applicant columns of the grid's header, or nil when fewer than four are labelled. A column
    /// whose header cell was lost (a converter dropped 自然人) is the one grid column of numbers
    /// between its labelled neighbours (or next to its one neighbour at the table's edge).
    /// A label cell's key. A cell holding two bracket-numbered labels (`(五)不予处理(六)其他处理`: a
    /// group label centred on its rows, which the layout attached to the next row) is the row of
    /// the later one: numbering that starts again inside a cell starts the cell's own label.
    static func ownLabelKey(_ cell: KeyedCell) -> LabelKey {
        let scalars = Array(cell.text.unicodeScalars)
        guard LabelText.numbering(cell.text) != nil, scalars.count > 4 else { return cell.key }
        for i in stride(from: scalars.count - 3, to: 0, by: -1) where scalars[i] == "(" || scalars[i] == "（" {
            let rest = String(String.UnicodeScalarView(scalars[i...]))
            if let n = LabelText.numbering(rest), n.hasPrefix("("), rest.unicodeScalars.count > n.unicodeScalars.count + 1 {
                return LabelText.labelKey(rest)
            }
        }
        return cell.key
    }

    /// The first row of a grid at or below its header's bottom edge.
    func firstDataRow(of grid: KeyedGrid, below headerBottom: Double) -> Int? {
        let tolerance = min(1, 0.25 * Self.medianRowHeight(grid.grid))
        return (0..<grid.rowCount).first { grid.grid.rowEdges[$0] >= headerBottom - tolerance }
    }

    func headerColumns(_ grid: KeyedGrid) -> [(column: ReportTemplates.ApplicantColumn, box: Rect)]? {
        let found = labelledColumns(grid)
        guard found.count >= 4 else { return nil }
        let all = ReportTemplates.applicantColumns
        var boxes: [String: Rect] = [:]
        for f in found { boxes[f.column.key] = f.box }
        let ordered = all.compactMap { boxes[$0.key] }
        guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0.midX < $1.midX }), found.count < all.count else { return found }
        let edges = grid.grid.columnEdges
        func columns(of b: Rect) -> [Int] {
            (0..<max(0, edges.count - 1)).filter { i in let m = (edges[i] + edges[i + 1]) / 2; return m > b.x0 && m < b.x1 }
        }
        let top = found.map(\.box.y0).min()!, bottom = found.map(\.box.y1).max()!
        let tolerance = min(1, 0.25 * Self.medianRowHeight(grid.grid))
        let below = grid.cells.filter { $0.box.y0 >= bottom - tolerance }
        let rowsBelow = Set(below.map(\.row)).count
        func numeric(_ col: Int) -> Bool {
            let n = below.filter { $0.cell.column == col && $0.cell.columnSpan == 1 }.filter { c in
                switch CellValueParser.read(c.text) { case .number, .zeroToken: return true; default: return false }
            }.count
            return n >= 2 && n * 2 >= rowsBelow
        }
        var i = 0
        while i < all.count {
            guard boxes[all[i].key] == nil else { i += 1; continue }
            var j = i
            while j + 1 < all.count, boxes[all[j + 1].key] == nil { j += 1 }
            let run = j - i + 1
            let left = i > 0 ? boxes[all[i - 1].key].flatMap { columns(of: $0).last } : nil
            let right = j + 1 < all.count ? boxes[all[j + 1].key].flatMap { columns(of: $0).first } : nil
            var range: ClosedRange<Int>?
            if let left, let right, right - left - 1 == run { range = (left + 1)...(right - 1) }
            else if left == nil, let right, right - run >= 0, i == 0 { range = (right - run)...(right - 1) }
            else if right == nil, let left, left + run < edges.count - 1, j == all.count - 1 { range = (left + 1)...(left + run) }
            if let range, range.allSatisfy(numeric) {
                for (k, col) in range.enumerated() { boxes[all[i + k].key] = Rect(x0: edges[col], y0: top, x1: edges[col + 1], y1: bottom) }
            }
            i = j + 1
        }
        // A gap the numbers did not settle: the grid's columns between two read headers, when
        // there are exactly as many as are missing.
        return Self.fillingGaps(all.compactMap { c in boxes[c.key].map { (c, $0) } }, in: grid.grid)
    }

    static func medianRowHeight(_ g: CellGrid) -> Double {
        let h = zip(g.rowEdges, g.rowEdges.dropFirst()).map { $1 - $0 }.sorted()
        return h.isEmpty ? 20 : h[h.count / 2]
    }

    /// A row with fewer numbers than columns whose cells cannot tell which column lost one: each
    /// way of placing the numbers in order is tried, the lost cells filled from the identities;
    /// the row is read only when every placement the identities accept gives the same values.
    /// Otherwise its values stay null, with a warning.
    /// Returns the columns the row may have lost (none when its placement was not decided).
    @discardableResult
    func placeShortRow(_ row: ShortRow, in reading: inout TableReading, warnings: inout [ReportWarning]) -> [String] {
        let n = row.tokens.count, k = row.columns.count
        var placements: [[Int]] = []
        func choose(_ start: Int, _ chosen: [Int]) {
            if chosen.count == n { placements.append(chosen); return }
            guard start < k else { return }
            for c in start..<k where k - c >= n - chosen.count { choose(c + 1, chosen + [c]) }
        }
        choose(0, [])
        let rowPath = row.prefix.joined(separator: ".")
        let numbers = row.tokens.map(Self.shortRowNumber)
        var accepted: [(values: [ExtractedValue], placement: [Int])] = []
        for p in placements {
            var copy = reading
            for (t, c) in zip(numbers.indices, p) {
                if let i = copy.values.firstIndex(where: { $0.path == row.prefix + [row.columns[c]] }) {
                    copy.values[i].value = numbers[t]; copy.values[i].raw = row.tokens[t]
                }
            }
            var w: [ReportWarning] = [], notes: [String] = []
            // Only the row's lost numbers (no cell of their own) are solved for.
            IdentityInference.solve(&copy, table: "applications", equations: IdentityInference.applicationEquations,
                                    fillable: { $0.cell == nil }, warnings: &w, notes: &notes)
            let values = row.columns.compactMap { copy.value(rowPath + "." + $0) }
            guard values.count == k, values.allSatisfy({ $0.value != nil }) else { continue }
            let involved = Set([rowPath] + row.columns)
            let checks = [AccountingChecks.rowTotals(copy), AccountingChecks.balance(copy), AccountingChecks.resultsTotal(copy)]
            guard !checks.contains(where: { $0.failures.contains { involved.contains($0.at) } }) else { continue }
            accepted.append((values, p))
        }
        let distinct = Set(accepted.map { $0.values.map { $0.value?.literal ?? "" } })
        let label = "applications." + rowPath
        if distinct.count == 1, let chosen = accepted.first {
            for v in chosen.values {
                if let i = reading.values.firstIndex(where: { $0.path == v.path }) { reading.values[i] = v }
            }
            let lost = (0..<k).filter { !chosen.placement.contains($0) }.map { row.columns[$0] }
            reading.notes.append("三: \(label) has \(n) numbers for \(k) columns; \(accepted.count) placement(s) fit the identities, all giving the same row; lost: \(lost.joined(separator: ", "))")
            return Array(Set(accepted.flatMap { a in (0..<k).filter { !a.placement.contains($0) }.map { row.columns[$0] } }))
        } else {
            warnings.append(.init(code: "row_short", message: "table 三 row \(label) has \(n) numbers (\(row.tokens.joined(separator: " "))) for \(k) columns; the identities do not tell which column lost its number (\(accepted.count) placements fit), so its values are null", path: label, page: row.page))
            return []
        }
    }

    /// A short row's token as a number (a zero token as 0).
    static func shortRowNumber(_ t: String) -> ReportNumber? {
        switch CellValueParser.read(t) { case .number(let v): return v; case .zeroToken: return ReportNumber(0); default: return nil }
    }

    static func format2(_ d: Double) -> String {
        let h = Int((d * 100).rounded())
        return "\(h / 100).\(h % 100 < 10 ? "0" : "")\(h % 100)"
    }

    /// Applicant columns whose header text could not be read (split, garbled) between two that
    /// were: the grid's columns between those two, when there are exactly as many as are missing.
    static func fillingGaps(_ found: [(column: ReportTemplates.ApplicantColumn, box: Rect)], in grid: CellGrid) -> [(column: ReportTemplates.ApplicantColumn, box: Rect)] {
        let all = ReportTemplates.applicantColumns
        let index = found.map { f in all.firstIndex { $0.key == f.column.key }! }
        var out = found
        for (i, j) in zip(index, index.dropFirst()) where j - i > 1 {
            let a = found[index.firstIndex(of: i)!].box, b = found[index.firstIndex(of: j)!].box
            let edges = grid.columnEdges
            let between = (0..<grid.columnCount).filter { edges[$0] >= a.x1 - 1 && edges[$0 + 1] <= b.x0 + 1 }
            guard between.count == j - i - 1 else { continue }
            for (k, c) in zip((i + 1)..<j, between) {
                out.append((all[k], Rect(x0: edges[c], y0: a.y0, x1: edges[c + 1], y1: a.y1)))
            }
        }
        return out.sorted { $0.box.x0 < $1.box.x0 }
    }

    /// Columns of a continuation grid (table cut by a page break, header not repeated): the header's
    /// boxes when the grid's column lines meet them; else, among the grid's columns of numbers, the
    /// one nearest under each header column (the same page layout, columns rebuilt a little
    /// differently); else the rightmost columns of numbers (a trailing 备注 or blank column has none).
    func continuationColumns(_ keyed: KeyedGrid, header: [(column: ReportTemplates.ApplicantColumn, box: Rect)], labelRight: Double) -> ([(ReportTemplates.ApplicantColumn, Rect)], Double) {
        let grid = keyed.grid
        let edges = grid.columnEdges
        let aligned = header.allSatisfy { h in edges.contains { abs($0 - h.box.x0) < 3 } && edges.contains { abs($0 - h.box.x1) < 3 } }
        if aligned { return (header.map { ($0.column, $0.box) }, labelRight) }
        func rect(_ c: Int) -> Rect { Rect(x0: edges[c], y0: grid.box.y0, x1: edges[c + 1], y1: grid.box.y1) }
        // Columns whose written cells are mostly numbers (or the marks for zero).
        var written = [Int](repeating: 0, count: grid.columnCount), numbers = written
        for c in keyed.cells where c.cell.columnSpan == 1 && !c.text.isEmpty {
            written[c.cell.column] += 1
            if case .unreadable = CellValueParser.read(c.text) { continue }
            numbers[c.cell.column] += 1
        }
        let numeric = (0..<grid.columnCount).filter { written[$0] > 0 && numbers[$0] * 2 >= written[$0] }
        guard numeric.count >= header.count else { return (header.map { ($0.column, $0.box) }, labelRight) }
        let nearest = header.map { h in numeric.min { abs(rect($0).midX - h.box.midX) < abs(rect($1).midX - h.box.midX) }! }
        if Set(nearest).count == header.count, nearest == nearest.sorted(),
           zip(header, nearest).allSatisfy({ h, c in abs(rect(c).midX - h.box.midX) <= max(h.box.width, rect(c).width) }) {
            return (zip(header, nearest).map { ($0.column, rect($1)) }, edges[nearest[0]])
        }
        let tail = Array(numeric.suffix(header.count))
        return (zip(header, tail).map { ($0.column, rect($1)) }, edges[tail[0]])
    }

    /// Fewest blank cells read under a column for its missing cells to count as blank too.
    static let minBlankCellsForBlankColumn = 3

    /// A column blank throughout (a 总计 column some reports leave empty) has no glyphs, so on a
    /// continuation page without a header it is not seen and its rows have no cell under it.
    /// Where every cell read under that column is blank (at least `minBlankCellsForBlankColumn`),
    /// the missing cells are blanks too: null with a `blank_cell` warning, never inferred. Only for
    /// PDF, HTML and Word grids, whose empty cells are what the report prints.
    static func markBlankColumns(_ reading: inout TableReading, warnings: inout [ReportWarning]) {
        var blank: [String: Int] = [:], filled = Set<String>()
        for v in reading.values where v.cell != nil {
            guard let key = v.path.last else { continue }
            if v.raw.allSatisfy(\.isWhitespace) { blank[key, default: 0] += 1 } else { filled.insert(key) }
        }
        let blankColumns = Set(blank.filter { $0.value >= minBlankCellsForBlankColumn && !filled.contains($0.key) }.keys)
        for i in reading.values.indices {
            let v = reading.values[i]
            guard v.cell == nil, v.value == nil, let key = v.path.last, blankColumns.contains(key) else { continue }
            let dotted = "applications." + v.path.joined(separator: ".")
            guard let w = warnings.firstIndex(where: { $0.code == "cell_missing" && $0.path == dotted }) else { continue }
            reading.values[i].blankByColumn = true
            warnings[w] = .init(code: "blank_cell", message: "cell \(dotted) is blank: no cell under its column, which is blank in every row read",
                                path: dotted, page: warnings[w].page)
        }
    }
}