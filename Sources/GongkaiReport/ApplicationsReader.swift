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
        guard let first = grids.first, let header = headerColumns(first) else { return reading }
        let labelRight = header.map(\.box.x0).min() ?? 0

        // Data rows: every row below the header in the first grid, all rows of continuation grids.
        var candidates: [(row: GridRow, label: [LabelKey], values: [KeyedCell], columns: [(ReportTemplates.ApplicantColumn, Rect)])] = []
        for (gi, grid) in grids.enumerated() {
            var columns = header.map { ($0.column, $0.box) }
            var right = labelRight
            // Rows below this grid's own header: a continuation that repeats the header (a table
            // cut by a page break) skips it; one that does not starts with data.
            var headerBottom = header.map(\.box.y1).max() ?? 0
            if gi > 0, let own = headerColumns(grid) {
                columns = own.map { ($0.column, $0.box) }
                right = own.map(\.box.x0).min() ?? right
                headerBottom = own.map(\.box.y1).max() ?? headerBottom
            } else if gi > 0 {
                (columns, right) = continuationColumns(grid, header: header, labelRight: labelRight)
                headerBottom = -Double.infinity
            }
            for r in 0..<grid.rowCount where grid.grid.rowEdges[r] >= headerBottom - 1 {
                let row = GridRow(grid: grid, index: r, cells: grid.cells(inRow: r))
                let labelCells = row.cells.filter { $0.box.midX < right }
                var label: [LabelKey] = []
                for key in labelCells.map(\.key) where !key.isEmpty && key != label.last { label.append(key) }
                guard !label.isEmpty else { continue }
                let values = row.cells.filter { $0.box.midX >= right }
                // Only group labels running on from above and nothing written: the sliver of a row
                // cut by a page break, not a row.
                if !labelCells.contains(where: { $0.row == r && !$0.key.isEmpty }), values.allSatisfy({ $0.row != r || $0.text.isEmpty }) { continue }
                candidates.append((row, label, values, columns))
            }
        }

        // Score every (row, template row) pair and assign greedily, best first, each at most once.
        let templates = ReportTemplates.applicationRows
        let templateSegments = Self.templateSegments
        var scored: [(Double, Int, Int)] = []
        for (ci, c) in candidates.enumerated() {
            let whole = LabelKey(scalars: c.label.flatMap(\.scalars))
            for (ti, t) in templateSegments.enumerated() {
                let s = Self.score(row: c.label, rowWhole: whole, template: t, templateWhole: Self.templateWholes[ti])
                if s >= minRowScore { scored.append((s, ci, ti)) }
            }
        }
        scored.sort { ($0.0, -$0.1) > ($1.0, -$1.1) }
        var rowTaken = Set<Int>(), templateTaken = Set<Int>()
        var assignment: [(Int, Int)] = []
        for (_, ci, ti) in scored where !rowTaken.contains(ci) && !templateTaken.contains(ti) {
            rowTaken.insert(ci); templateTaken.insert(ti)
            assignment.append((ci, ti))
        }
        assignment.sort { $0.0 < $1.0 }

        var versionVotes: [TemplateVersion: Int] = [:]
        for (ci, ti) in assignment {
            let c = candidates[ci], t = templates[ti]
            if let v = t.version { versionVotes[v, default: 0] += 1 }
            for (column, box) in c.columns {
                let path = t.path.split(separator: ".").map(String.init) + [column.key]
                let dotted = "applications." + path.joined(separator: ".")
                guard let cell = cellUnder(box, among: c.values) else {
                    warnings.append(.init(code: "cell_missing", message: "no cell under column \(column.label) in row \(t.labels.last ?? t.path)", path: dotted, page: c.row.page))
                    reading.values.append(.init(path: path, value: nil, raw: "", page: c.row.page, box: c.row.box))
                    continue
                }
                let value = CellInterpreter.interpret(cell.text, path: dotted, page: c.row.page, warnings: &warnings)
                reading.values.append(.init(path: path, value: value, raw: cell.text, page: c.row.page, box: cell.box))
            }
        }
        for ci in candidates.indices where !rowTaken.contains(ci) {
            let c = candidates[ci]
            if c.values.contains(where: { !$0.text.isEmpty }) {
                warnings.append(.init(code: "unmatched_row", message: "table 三 row not matched to the template: \(c.label.map(\.string).joined(separator: " / "))", page: c.row.page))
            }
        }
        let matchedPaths = Set(assignment.map { templates[$0.1].path })
        for t in templates where t.version == nil && !matchedPaths.contains(t.path) {
            warnings.append(.init(code: "row_missing", message: "table 三 row not found: \(t.labels.last ?? t.path)", path: "applications." + t.path))
        }
        reading.version = versionVotes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
        return reading
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
        let bySegment = leaf.similarity(templateLeaf) * (0.6 + 0.4 * context)
        return max(bySegment, 0.9 * rowWhole.similarity(templateWhole))
    }

    static let templateSegments = ReportTemplates.applicationRows.map { $0.labels.map(LabelText.labelKey) }
    static let templateWholes = templateSegments.map { LabelKey(scalars: $0.flatMap(\.scalars)) }
    static let applicantKeys = ReportTemplates.applicantColumns.map { LabelText.labelKey($0.label) }

    /// Applicant columns found in the grid's header cells, or nil when fewer than four are there.
    func headerColumns(_ grid: KeyedGrid) -> [(column: ReportTemplates.ApplicantColumn, box: Rect)]? {
        var out: [(column: ReportTemplates.ApplicantColumn, box: Rect)] = []
        for (column, want) in zip(ReportTemplates.applicantColumns, Self.applicantKeys) {
            // Exact label first (其他 must not match 法人或其他组织), then a close one for split words.
            let exact = grid.cells.filter { $0.key == want }
            let chosen = exact.min { $0.box.y0 < $1.box.y0 }
                ?? (want.count >= 4 ? grid.cells.filter { $0.key.similarity(want) >= 0.7 && $0.key.count <= want.count + 2 }.min { $0.box.y0 < $1.box.y0 } : nil)
            if let chosen { out.append((column, chosen.box)) }
        }
        guard out.count >= 4 else { return nil }
        return Self.fillingGaps(out, in: grid.grid)
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
    private func continuationColumns(_ keyed: KeyedGrid, header: [(column: ReportTemplates.ApplicantColumn, box: Rect)], labelRight: Double) -> ([(ReportTemplates.ApplicantColumn, Rect)], Double) {
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
}
