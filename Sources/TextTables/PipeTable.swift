import TableLayout

/// Markdown pipe tables (and tables drawn with │ box characters) → `CellGrid`, repairing what
/// PDF-to-markdown converters do to report tables:
/// - garbage from OCR and LaTeX (`\Box`, ■, `##`, `[·]`, dot leaders) is removed from cells;
/// - columns empty in every row (padding) are dropped;
/// - a number glued to its label (`行政许可 92` with the next cell empty) moves into that cell;
/// - a header word followed by empty cells spans them (a merged header: `行政复议 | | | | 行政诉讼`);
/// - a group label cut over rows (`(三) 不` … `予公开`) becomes one cell spanning those rows.
///
/// x is the column index, y the line number.
enum PipeTable {
    static let pipes: Set<Character> = ["|", "│", "┃", "｜"]
    private static let ruleChars: Set<Character> = Set("─━┌┐└┘├┤┬┴┼═╔╗╚╝╠╣╦╩╬╞╡╪+-=:|│┃ ")

    static func isPipeRow(_ t: Substring) -> Bool {
        guard let f = t.first else { return false }
        if pipes.contains(f) { return t.filter { pipes.contains($0) }.count >= 2 }
        return isRule(t) && t.contains(where: { "─━═┌├└".contains($0) })
    }

    static func isRule(_ t: Substring) -> Bool {
        !t.isEmpty && t.allSatisfy { ruleChars.contains($0) } && t.contains(where: { "-─━═".contains($0) })
    }

    static func cells(of line: String) -> [String] {
        // Trimmed by index from each end (dropLast() one at a time counts the whole line each
        // time: quadratic on a fuzzed line of 200 000 trailing spaces).
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        var t = line[line.endIndex...]
        if let first = line.firstIndex(where: isText), let last = line.lastIndex(where: isText) { t = line[first...last] }
        if let f = t.first, pipes.contains(f) { t = t.dropFirst() }
        if let l = t.last, pipes.contains(l), !t.hasSuffix("\\|") { t = t[..<t.index(before: t.endIndex)] }
        var out: [String] = []
        var current = ""
        var escaped = false
        for c in t {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if pipes.contains(c) { out.append(current); current = ""; continue }
            current.append(c)
        }
        out.append(current)
        return out.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).joined(separator: " ") }
    }

    /// The table's text, one row per kept line (rules and `|---|` lines dropped), padded to one width.
    struct Rows {
        var lineNumbers: [Int] = []
        var cells: [[String]] = []
        var columns: Int { cells.first?.count ?? 0 }
    }

    static func parse(rows input: [(number: Int, text: String)], page: Int) -> CellGrid? {
        guard var rows = textRows(input) else { return nil }
        unglueTrailingValues(&rows.cells)
        let valueStart = valueStartColumn(rows.cells)
        let firstData = rows.cells.indices.first { r in rows.cells[r].contains(where: TextTokens.isValue) } ?? rows.cells.count
        let numbers = rows.lineNumbers
        var placed = PlacedCells(grid: GridAssembler(rowEdges: numbers.map(Double.init) + [Double(numbers.last! + 1)],
                                                     columnEdges: (0...rows.columns).map(Double.init), page: page, source: .text),
                                 rows: rows.cells.count, columns: rows.columns)
        placeHeader(rows.cells, valueStart: valueStart, firstData: firstData, into: &placed)
        placeCutGroupLabels(rows.cells, valueStart: valueStart, firstData: firstData, into: &placed)
        for r in rows.cells.indices {
            for c in 0..<rows.columns where !placed.covered[r][c] && !rows.cells[r][c].isEmpty {
                placed.add(rows: r...r, columns: c...c, text: rows.cells[r][c])
            }
        }
        return placed.grid.build()
    }

    /// Cells placed so far, and which table positions they cover.
    struct PlacedCells {
        var grid: GridAssembler
        var covered: [[Bool]]

        init(grid: GridAssembler, rows: Int, columns: Int) {
            self.grid = grid
            covered = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: rows)
        }

        mutating func add(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String) {
            grid.add(rows: rows, columns: columns, text: text)
            for r in rows { for c in columns { covered[r][c] = true } }
        }
    }

    /// The lines as rows of cleaned cells, padded to the widest; columns empty in every row
    /// (padding) dropped.
    static func textRows(_ input: [(number: Int, text: String)]) -> Rows? {
        var rows = Rows()
        for (number, text) in input {
            var t = Substring(text)
            while let f = t.first, f == " " { t = t.dropFirst() }
            if isRule(t) { continue }
            let raw = cells(of: text)
            if raw.allSatisfy({ c in !c.isEmpty && c.allSatisfy { ":-─━ ".contains($0) } }) { continue }  // |---|:--:|
            rows.lineNumbers.append(number)
            rows.cells.append(raw.map { TextTokens.stripConverterGarbage($0) })
        }
        guard let width = rows.cells.map(\.count).max() else { return nil }
        for i in rows.cells.indices where rows.cells[i].count < width {
            rows.cells[i] += Array(repeating: "", count: width - rows.cells[i].count)
        }
        let keep = (0..<width).filter { c in rows.cells.contains { !$0[c].isEmpty } }
        guard !keep.isEmpty else { return nil }
        rows.cells = rows.cells.map { row in keep.map { row[$0] } }
        return rows
    }

    /// A number glued to its label (`行政许可 92`), the cells after it empty: the numbers move into
    /// those cells.
    static func unglueTrailingValues(_ table: inout [[String]]) {
        guard let columns = table.first?.count else { return }
        for r in table.indices {
            for c in 0..<(columns - 1) {
                let parts = table[r][c].split(separator: " ")
                guard parts.count >= 2 else { continue }
                var m = 0
                while m < parts.count - 1, TextTokens.isValue(parts[parts.count - 1 - m]) { m += 1 }
                guard m > 0, c + m < columns, (1...m).allSatisfy({ table[r][c + $0].isEmpty }) else { continue }
                let label = parts.dropLast(m)
                guard label.contains(where: { TextTokens.hasCJK($0) }), !label.contains(where: { TextTokens.isValue($0) }) else { continue }
                table[r][c] = label.joined(separator: " ")
                for (i, v) in parts.suffix(m).enumerated() { table[r][c + 1 + i] = String(v) }
            }
        }
    }

    /// Where values start: the leftmost column holding values in at least half the rows that hold
    /// any; else the leftmost column holding one at all.
    static func valueStartColumn(_ table: [[String]]) -> Int {
        let columns = table.first?.count ?? 0
        let dataRows = table.indices.filter { r in table[r].contains(where: TextTokens.isValue) }
        guard !dataRows.isEmpty else { return columns }
        for c in 0..<columns where dataRows.filter({ TextTokens.isValue(table[$0][c]) }).count * 2 >= dataRows.count { return c }
        return dataRows.flatMap { r in (0..<columns).filter { TextTokens.isValue(table[r][$0]) } }.min() ?? columns
    }

    /// Header rows: a word followed by empty cells spans them (within the label area or within the
    /// value area, never across the two), and header words wrapped into the cells below (社会 / 公益
    /// / 组织 down one column) are one cell.
    static func placeHeader(_ table: [[String]], valueStart: Int, firstData: Int, into placed: inout PlacedCells) {
        let spanEnd = headerSpans(table, valueStart: valueStart, firstData: firstData)
        var stacked = Set<[Int]>()
        for c in valueStart..<max(valueStart, table.first?.count ?? 0) where firstData > 1 {
            guard let (top, bottom) = stackedHeaderWord(column: c, spanEnd: spanEnd, firstData: firstData) else { continue }
            placed.add(rows: top...bottom, columns: c...c, text: (top...bottom).map { table[$0][c] }.joined())
            for r in top...bottom { stacked.insert([r, c]) }
        }
        for (r, ends) in spanEnd {
            for (c, e) in ends where !stacked.contains([r, c]) { placed.add(rows: r...r, columns: c...e, text: table[r][c]) }
        }
    }

    /// Header row → column → last column of the span its word starts. A word spans only columns
    /// that have headers of their own further down (a word over its sub-columns); a wrapped word's
    /// line in an otherwise empty row spans nothing.
    static func headerSpans(_ table: [[String]], valueStart: Int, firstData: Int) -> [Int: [Int: Int]] {
        let columns = table.first?.count ?? 0
        var spanEnd: [Int: [Int: Int]] = [:]
        for r in 0..<firstData {
            let row = table[r]
            guard row.indices.contains(where: { $0 >= max(1, valueStart) && !row[$0].isEmpty }) else { continue }
            for c in 0..<columns where !row[c].isEmpty {
                let limit = c < valueStart ? valueStart - 1 : columns - 1
                var e = c
                while e < limit, row[e + 1].isEmpty { e += 1 }
                let children = (c...e).filter { x in ((r + 1)..<firstData).contains { !table[$0][x].isEmpty } }.count
                spanEnd[r, default: [:]][c] = children < 2 ? c : e
            }
        }
        return spanEnd
    }

    /// The single-column header cells stacked at the bottom of the header over value column `c`,
    /// when there are at least two of them: one word wrapped down the column.
    static func stackedHeaderWord(column c: Int, spanEnd: [Int: [Int: Int]], firstData: Int) -> (top: Int, bottom: Int)? {
        let inSpan = { (r: Int) in spanEnd[r]?.contains { start, end in (start...end).contains(c) } ?? false }
        var bottom = firstData - 1
        while bottom >= 0, !inSpan(bottom) { bottom -= 1 }
        guard bottom >= 0, spanEnd[bottom]?[c] == c else { return nil }
        var top = bottom
        while top > 0, spanEnd[top - 1]?[c] == c { top -= 1 }
        return top < bottom ? (top, bottom) : nil
    }

    /// Group labels cut over rows: a non-numbered piece in a label column that is not the row's own
    /// (rightmost) label continues the numbered label above it (`(三) 不` … `予公开`).
    static func placeCutGroupLabels(_ table: [[String]], valueStart: Int, firstData: Int, into placed: inout PlacedCells) {
        guard valueStart > 1 else { return }
        for c in 0..<(valueStart - 1) {
            var r = firstData
            while r < table.count {
                let head = table[r][c]
                guard !head.isEmpty, TextTokens.startsWithNumbering(Substring(head)), !placed.covered[r][c] else { r += 1; continue }
                var parts = [head]
                var end = r
                var j = r + 1
                while j < table.count, j - end <= 4 {
                    let t = table[j][c]
                    let leaf = (0..<valueStart).last { !table[j][$0].isEmpty }
                    if t.isEmpty { j += 1; continue }
                    guard !TextTokens.startsWithNumbering(Substring(t)), leaf != c else { break }
                    parts.append(t); end = j; j += 1
                }
                if end > r { placed.add(rows: r...end, columns: c...c, text: parts.joined()) }
                r = end + 1
            }
        }
    }
}
