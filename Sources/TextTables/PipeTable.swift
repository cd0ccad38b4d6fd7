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

    static func parse(rows input: [(number: Int, text: String)], page: Int) -> CellGrid? {
        var numbers: [Int] = []
        var table: [[String]] = []
        for (number, text) in input {
            var t = Substring(text)
            while let f = t.first, f == " " { t = t.dropFirst() }
            if isRule(t) { continue }
            let raw = cells(of: text)
            if raw.allSatisfy({ c in !c.isEmpty && c.allSatisfy { ":-─━ ".contains($0) } }) { continue }  // |---|:--:|
            numbers.append(number)
            table.append(raw.map { TextTokens.stripConverterGarbage($0) })
        }
        guard !table.isEmpty else { return nil }
        let width = table.map(\.count).max()!
        for i in table.indices where table[i].count < width { table[i] += Array(repeating: "", count: width - table[i].count) }
        // Padding columns.
        let keep = (0..<width).filter { c in table.contains { !$0[c].isEmpty } }
        guard !keep.isEmpty else { return nil }
        table = table.map { row in keep.map { row[$0] } }
        let columns = keep.count

        // A number glued to its label, the cells after it empty.
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

        // Where values start: the leftmost column holding values in most rows that hold any.
        func isValue(_ s: String) -> Bool { TextTokens.isValue(s) }
        let dataRows = table.indices.filter { r in table[r].filter(isValue).count >= 1 }
        var valueStart = columns
        for c in 0..<columns {
            let hits = dataRows.filter { isValue(table[$0][c]) }.count
            if !dataRows.isEmpty && hits * 2 >= dataRows.count { valueStart = c; break }
        }
        if valueStart == columns, let c = dataRows.flatMap({ r in (0..<columns).filter { isValue(table[r][$0]) } }).min() { valueStart = c }
        let firstData = dataRows.first ?? table.count

        var grid = GridAssembler(rowEdges: numbers.map(Double.init) + [Double(numbers.last! + 1)], columnEdges: (0...columns).map(Double.init), page: page)
        var covered = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: table.count)

        // Header rows: a word followed by empty cells spans them (within the label area or within
        // the value area, never across the two).
        var spanEnd: [Int: [Int: Int]] = [:]  // row → column → last column of its span
        var inSpan = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: table.count)
        for r in 0..<firstData {
            let row = table[r]
            guard row.indices.contains(where: { $0 >= max(1, valueStart) && !row[$0].isEmpty }) else { continue }
            for c in 0..<columns where !row[c].isEmpty {
                let limit = c < valueStart ? valueStart - 1 : columns - 1
                var e = c
                while e < limit, row[e + 1].isEmpty { e += 1 }
                // Only over columns that have headers of their own further down (a word over its
                // sub-columns); a wrapped word's line in an otherwise empty row spans nothing.
                let children = (c...e).filter { x in ((r + 1)..<firstData).contains { !table[$0][x].isEmpty } }.count
                if children < 2 { e = c }
                spanEnd[r, default: [:]][c] = e
                for x in c...e { inSpan[r][x] = true }
            }
        }
        // Header words wrapped into the cells below (社会 / 公益 / 组织 down one column): the single
        // cells stacked at the bottom of the header over a value column are one cell.
        var stacked = Set<[Int]>()
        for c in valueStart..<columns where firstData > 1 {
            var bottom = firstData - 1
            while bottom >= 0, !inSpan[bottom][c] { bottom -= 1 }
            guard bottom >= 0, spanEnd[bottom]?[c] == c else { continue }
            var top = bottom
            while top > 0, spanEnd[top - 1]?[c] == c { top -= 1 }
            guard top < bottom else { continue }
            grid.add(rows: top...bottom, columns: c...c, text: (top...bottom).map { table[$0][c] }.joined())
            for r in top...bottom { stacked.insert([r, c]); covered[r][c] = true }
        }
        for (r, ends) in spanEnd {
            for (c, e) in ends where !stacked.contains([r, c]) {
                grid.add(rows: r...r, columns: c...e, text: table[r][c])
                for x in c...e { covered[r][x] = true }
            }
        }

        // Group labels cut over rows: a non-numbered piece in a label column that is not the row's
        // own (rightmost) label continues the numbered label above it.
        if valueStart > 1 {
            for c in 0..<(valueStart - 1) {
                var r = firstData
                while r < table.count {
                    let head = table[r][c]
                    guard !head.isEmpty, TextTokens.startsWithNumbering(Substring(head)), !covered[r][c] else { r += 1; continue }
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
                    if end > r {
                        grid.add(rows: r...end, columns: c...c, text: parts.joined())
                        for x in r...end { covered[x][c] = true }
                    }
                    r = end + 1
                }
            }
        }
        for r in table.indices {
            for c in 0..<columns where !covered[r][c] && !table[r][c].isEmpty {
                grid.add(rows: r...r, columns: c...c, text: table[r][c])
            }
        }
        return grid.build()
    }
}
