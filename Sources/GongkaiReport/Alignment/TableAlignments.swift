/// Table 二 by alignment: each 信息内容 header names the columns of the rows below it.
struct ProactiveAlignment {
    let stream: TextStream
    /// What the report's prose states about the table's rows (chooses among splits of glued runs).
    var facts = NarrativeFacts("")

    func read(from start: Int, to end: Int, warnings: inout [ReportWarning]) -> TableReading {
        let t = stream.labelText
        let anchors = ReportTemplates.proactiveRows.map {
            AlignedReader.Anchor(patterns: $0.labels.map(LabelFinder.pattern(for:)), path: $0.key, version: $0.version)
        }
        let placed = AlignedReader.align(anchors, in: t, from: start, to: end)
        var reading = TableReading()
        var columns: [ReportTemplates.ProactiveColumn] = []
        // The format, from every header's columns (本年处理决定数量 is in both).
        var versions = Set<TemplateVersion>()
        var headerFrom = start
        for (i, row) in placed.enumerated() {
            let found = Self.columns(in: t, from: headerFrom, to: row.match.start)
            if !found.isEmpty { columns = found; versions.formUnion(found.compactMap(\.version)) }
            let next = i + 1 < placed.count ? placed[i + 1].match.start : end
            let stop = AlignedReader.first(["信息内容", "第二十条"], in: t, from: row.match.end).map { min($0, next) } ?? next
            headerFrom = row.match.end
            guard !columns.isEmpty, let key = row.anchor.path else { continue }
            let runs = stream.runs(from: stream.token(atLabel: row.match.start) + 1, to: stream.token(atLabel: stop))
            let keys = columns.map(\.key)
            reading.values += AlignedReader.readRow(path: key, keys: keys, runs: runs, splitAllowed: true,
                                                   accept: Self.signsInSignedColumns(columns),
                                                   narrow: { [facts] in facts.narrow($0, row: key, columns: keys) }, warnings: &warnings)
            reading.notes.append("aligned: \(key) ← \(columns.map(\.key).joined(separator: ",")) (\(row.match.edits) edits)")
            let stated = facts.facts.filter { $0.row == key }
            if !stated.isEmpty, runs.count < keys.count {
                reading.notes.append("aligned: \(key): glued digits split with what the report's text states (\(stated.map { "\($0.column) \($0.value)" }.joined(separator: ", ")))")
            }
        }
        reading.version = versions.count == 1 ? versions.first : nil
        return reading
    }

    /// Where table 二 begins: the first 第二十条 or 信息内容 with column labels right after it (prose
    /// mentions both words: 《…信息内容审核发布规范》).
    static func start(in t: [UInt32]) -> Int? {
        let markers = ["信息内容", "第二十条"].map(LabelText.foldScalars)
        var next = markers.map { LabelFinder.exact($0, in: t, from: 0, to: t.count) }
        while let at = next.compactMap({ $0 }).min() {
            if !columns(in: t, from: at, to: min(t.count, at + 80)).isEmpty { return at }
            for k in next.indices where next[k] == at { next[k] = LabelFinder.exact(markers[k], in: t, from: at + 1, to: t.count) }
        }
        return nil
    }

    /// A split is possible only if every signed value stands in a column of changes (本年增/减).
    static func signsInSignedColumns(_ columns: [ReportTemplates.ProactiveColumn]) -> ([String]) -> Bool {
        { values in zip(values, columns).allSatisfy { v, c in !(v.hasPrefix("-") || v.hasPrefix("+")) || c.kind == .signedCount } }
    }

    /// The template columns whose labels stand in a header stretch, in the order written.
    /// Only the words after the stretch's last 信息内容 count: column words before it are another
    /// header's, out of place where the text lost its order (`本年增/减 处理决定数量 第二十条第（六）项
    /// 信息内容 上一年项目数量`).
    static func columns(in t: [UInt32], from: Int, to: Int) -> [ReportTemplates.ProactiveColumn] {
        let marker = LabelText.foldScalars(ReportTemplates.proactiveHeaderMarker)
        guard from < to, var from = LabelFinder.exact(marker, in: t, from: from, to: to) else { return [] }
        while let later = LabelFinder.exact(marker, in: t, from: from + 1, to: to) { from = later }
        var found: [(position: Int, column: ReportTemplates.ProactiveColumn)] = []
        for column in ReportTemplates.proactiveColumns {
            let hits = column.labels.compactMap { LabelFinder.exact(LabelText.foldScalars($0), in: t, from: from, to: to) }
            if let p = hits.min() { found.append((p, column)) }
        }
        return found.sorted { $0.position < $1.position }.map(\.column)
    }
}

/// Table 三 by alignment: group labels and row labels in template order, seven values a row.
struct ApplicationsAlignment {
    let stream: TextStream
    static let keys = ReportTemplates.applicantColumns.map(\.key)

    /// The table and the label offset where it ends.
    func read(from start: Int, warnings: inout [ReportWarning]) -> (TableReading, Int) {
        let t = stream.labelText
        let anchors = Self.anchors()
        let tableEnd = min(t.count, start + AlignedReader.maxTableSpan)
        let placed = AlignedReader.align(anchors, in: t, from: start, to: tableEnd)
        let has2021 = placed.contains { $0.anchor.version == .v2021 }
        let version: TemplateVersion = has2021 ? .v2021 : .v2019
        let last = placed.last?.match.end ?? start
        let end = AlignedReader.first(["行政复议", "行政诉讼"], in: t, from: last) ?? tableEnd
        var found: [String: [TextStream.Run]] = [:]
        for (i, row) in placed.enumerated() {
            guard let path = row.anchor.path, row.anchor.version == nil || row.anchor.version == version else { continue }
            let next = i + 1 < placed.count ? placed[i + 1].match.start : end
            // From the label's first piece: a label wrapped around its numbers (`…申请数 0 0 … 量`) keeps them.
            found[path] = stream.runs(from: stream.token(atLabel: row.match.start) + 1, to: stream.token(atLabel: next))
        }
        // Every row of the format in order; one whose label was not found (garbled beyond matching)
        // gets values only where regrouping hands it the extra row its neighbour holds.
        let rows = ReportTemplates.applicationRows.filter { $0.version == nil || $0.version == version }
        var rowRuns = Self.regroup(rows.map { (path: $0.path, runs: found[$0.path] ?? []) }, width: Self.keys.count)
        for (path, runs) in rowRuns where found[path] == nil && !runs.isEmpty {
            warnings.append(.init(code: "row_label_missing", message: "row \(path) of table 三: label not found; read from the one extra row of numbers between its neighbours", path: "applications." + path))
        }
        rowRuns.removeAll { found[$0.path] == nil && $0.runs.isEmpty }
        if let block = rowRuns.first(where: { $0.runs.count >= Self.orderLostRows * Self.keys.count }),
           rowRuns.filter({ $0.runs.isEmpty }).count * 2 >= rowRuns.count {
            return (Self.orderLost(rowRuns, block: block, version: version, warnings: &warnings), end)
        }
        // A row with fewer digits than columns shows the text drops blank cells: then runs are cells, never glued.
        let dropsBlanks = rowRuns.contains { !$0.runs.isEmpty && $0.runs.reduce(0) { $0 + $1.raw.count } < Self.keys.count }
        var reading = TableReading(version: version)
        let placements = dropsBlanks ? Self.blankPlacements(rowRuns) : [:]
        for (path, runs) in rowRuns {
            if let p = placements[path] {
                reading.values += Self.place(path: path, runs: runs, blanks: p.blanks, assumed: p.assumed, warnings: &warnings)
                continue
            }
            if dropsBlanks, let agreed = Self.placeAgreed(path: path, runs: runs, warnings: &warnings) {
                reading.values += agreed
                continue
            }
            reading.values += AlignedReader.readRow(path: path, keys: Self.keys, runs: runs, splitAllowed: !dropsBlanks,
                                                   accept: Self.rowTotalHolds, warnings: &warnings)
        }
        if !dropsBlanks { ColumnResolution.resolve(&reading, rowRuns: rowRuns, warnings: &warnings) }
        let readPaths = Set(rowRuns.map(\.path))
        for row in ReportTemplates.applicationRows where (row.version == nil || row.version == version) && !readPaths.contains(row.path) {
            warnings.append(.init(code: "row_missing", message: "row \(row.path) of table 三 not found in the text", path: "applications." + row.path))
        }
        return (reading, end)
    }

    /// Rows' worth of numbers after one label that, with half the rows or more left without any,
    /// show the text lost the table's order. (A smaller block is local — a few rows' numbers set
    /// after their labels — and leaves those rows null as too long, the rest read.)
    static let orderLostRows = 3

    /// Text that lost the table's order (`pdftotext` without `-layout` on some tables: the labels
    /// in one block, the numbers in another, column by column): a label followed by several rows'
    /// worth of numbers. No number can be placed, so the table's values are null, and said so.
    static func orderLost(_ rowRuns: [(path: String, runs: [TextStream.Run])], block: (path: String, runs: [TextStream.Run]),
                          version: TemplateVersion, warnings: inout [ReportWarning]) -> TableReading {
        let empty = rowRuns.filter { $0.runs.isEmpty }.count
        warnings.append(.init(code: "text_order_lost", message: "table 三: \(block.runs.count) numbers follow the label of row \(block.path) and \(empty) of \(rowRuns.count) rows have none: the text lost the table's order (labels and numbers in separate blocks); its values are not read", path: "applications"))
        var reading = TableReading(version: version)
        for (path, runs) in rowRuns {
            let prefix = path.split(separator: ".").map(String.init)
            // Null values pointing at printed digits: no identity fills them.
            reading.values += keys.map { AlignedReader.value(path: prefix + [$0], raw: "", run: runs.first ?? block.runs.first, number: nil) }
        }
        return reading
    }

    /// Most consecutive rows whose numbers are pooled and dealt out again (`regroup`).
    static let maxRegroupRows = 3

    /// Numbers set beside a neighbour's label (a tall cell's numbers centred a line above or below
    /// its label): consecutive rows whose runs are all whole rows (0, n, 2n …) and add up to n per row
    /// take them in order, the one placement that gives each row its n values.
    static func regroup(_ rows: [(path: String, runs: [TextStream.Run])], width n: Int) -> [(path: String, runs: [TextStream.Run])] {
        var out = rows
        var i = 0
        while i < out.count {
            // Only rows that are each off their count (0 or several rows' worth) pool together, and
            // only a few: numbers stand beside a neighbour's label, not a block of rows away (text
            // whose order is lost — labels in one block, numbers in another — is not regrouped).
            var j = i, total = 0, balanced = false
            while j < out.count, j - i < maxRegroupRows, out[j].runs.count % n == 0, out[j].runs.count != n {
                total += out[j].runs.count
                if total == n * (j - i + 1) { balanced = true; break }
                j += 1
            }
            guard balanced, j > i else { i += 1; continue }
            let pooled = out[i...j].flatMap(\.runs)
            for (k, r) in (i...j).enumerated() { out[r].runs = Array(pooled[(k * n)..<((k + 1) * n)]) }
            i = j + 1
        }
        return out
    }

    /// Group labels once, before their first row; a 2019 row that is a group label in 2021
    /// (（六）其他处理) is one anchor carrying the row.
    static func anchors() -> [AlignedReader.Anchor] {
        var anchors: [AlignedReader.Anchor] = []
        var groups: [String] = []
        for row in ReportTemplates.applicationRows {
            for g in row.labels.dropLast() where !groups.contains(g) {
                groups.append(g)
                anchors.append(.init(patterns: [LabelFinder.pattern(for: g)], path: nil, version: nil))
            }
            let own = row.labels.last!
            if let i = anchors.lastIndex(where: { $0.path == nil && $0.patterns == [LabelFinder.pattern(for: own)] }) {
                anchors[i].path = row.path; anchors[i].version = row.version
            } else {
                anchors.append(.init(patterns: [LabelFinder.pattern(for: own)], path: row.path, version: row.version))
            }
        }
        return anchors
    }

    /// Where each short row's blank cells stand: by its row total where only one placement fits;
    /// else, when every row so placed (two at least) leaves the same columns blank, in those columns
    /// if the row total allows it there — a table-level assumption (`assumed`), warned as such.
    static func blankPlacements(_ rowRuns: [(path: String, runs: [TextStream.Run])]) -> [String: (blanks: [Int], assumed: Bool)] {
        var out: [String: (blanks: [Int], assumed: Bool)] = [:]
        var short: [(path: String, ints: [Int])] = []
        for (path, runs) in rowRuns where runs.count < keys.count && !runs.isEmpty {
            let ints = runs.compactMap { AlignedReader.number($0.raw).flatMap { Int($0.description) } }
            guard ints.count == runs.count else { continue }
            if let b = BlankPlacement.blanks(values: ints, width: keys.count) { out[path] = (b, false) } else { short.append((path, ints)) }
        }
        let shared = Set(out.values.map(\.blanks))
        guard out.count >= 2, shared.count == 1, let common = shared.first else { return out }
        for (path, ints) in short where ints.count + common.count == keys.count && BlankPlacement.fits(ints, blanks: common, width: keys.count) {
            out[path] = (common, true)
        }
        return out
    }

    /// A short row no single placement fits, read where every fitting placement agrees (the 总计 of
    /// a row that shows its own total, `821 35 2 1 859`); the rest null, the candidates named.
    /// Nil when no cell is agreed on.
    static func placeAgreed(path: String, runs: [TextStream.Run], warnings: inout [ReportWarning]) -> [ExtractedValue]? {
        let ints = runs.compactMap { AlignedReader.number($0.raw).flatMap { Int($0.description) } }
        guard ints.count == runs.count else { return nil }
        let agreed = BlankPlacement.agreedCells(values: ints, width: keys.count)
        guard !agreed.isEmpty else { return nil }
        let prefix = path.split(separator: ".").map(String.init)
        let placements = BlankPlacement.fitting(values: ints, width: keys.count).count
        let open = keys.indices.filter { agreed[$0] == nil }.map { keys[$0] }
        warnings.append(.init(code: "row_short", message: "row \(path): \(runs.count) numbers for \(keys.count) columns and the text drops blank cells; \(placements) placements fit, agreeing only on \(agreed.keys.sorted().map { keys[$0] }.joined(separator: ", ")); \(open.joined(separator: ", ")) not known", path: path))
        return keys.indices.map { c in
            // Unknown cells point at the row's printed digits, so no identity fills them.
            guard let i = agreed[c] else { return AlignedReader.value(path: prefix + [keys[c]], raw: "", run: runs.first, number: nil) }
            return AlignedReader.value(path: prefix + [keys[c]], raw: runs[i].raw, run: runs[i], number: AlignedReader.number(runs[i].raw))
        }
    }

    /// The row's values set into the columns that are not blank, in order; blank cells null.
    static func place(path: String, runs: [TextStream.Run], blanks: [Int], assumed: Bool, warnings: inout [ReportWarning]) -> [ExtractedValue] {
        let prefix = path.split(separator: ".").map(String.init)
        var next = 0
        var out: [ExtractedValue] = []
        for (c, key) in keys.enumerated() {
            if blanks.contains(c) {
                // A blank the report printed: it points at the row, so no identity fills it.
                out.append(AlignedReader.value(path: prefix + [key], raw: "", run: runs.first, number: nil))
                let why = assumed ? "assumed blank as in every row whose row total places its blank cells" : "the row total allows only this column to be the blank cell the text dropped"
                warnings.append(.init(code: assumed ? "blank_cell_assumed" : "blank_cell", message: "row \(path): \(runs.count) numbers for \(keys.count) columns; \(key) \(why)", path: "applications.\(path).\(key)"))
            } else {
                out.append(AlignedReader.value(path: prefix + [key], raw: runs[next].raw, run: runs[next], number: AlignedReader.number(runs[next].raw)))
                next += 1
            }
        }
        return out
    }

    /// 总计 equals the sum of the applicant columns.
    static func rowTotalHolds(_ values: [String]) -> Bool {
        let n = values.compactMap(AlignedReader.count)
        return n.count == values.count && n.dropLast().reduce(0, +) == n.last!
    }
}

/// Table 四 by alignment: the header's labels, then fifteen values in the template's column order.
struct ReviewAlignment {
    let stream: TextStream

    func read(from start: Int, warnings: inout [ReportWarning]) -> TableReading {
        let t = stream.labelText
        var labels: [String] = ["行政复议"]
        labels += ReportTemplates.reviewOutcomes.map(\.label)
        labels += ["行政诉讼", "未经复议直接起诉"] + ReportTemplates.reviewOutcomes.map(\.label)
        labels += ["复议后起诉"] + ReportTemplates.reviewOutcomes.map(\.label)
        let anchors = labels.map { AlignedReader.Anchor(patterns: [LabelFinder.pattern(for: $0)], path: nil, version: nil) }
        let placed = AlignedReader.align(anchors, in: t, from: start, to: min(t.count, start + 4_000))
        guard let header = placed.last, placed.count >= 8 else { return TableReading() }
        let first = stream.token(atLabel: header.match.end - 1) + 1
        var runs: [TextStream.Run] = []
        for token in stream.tokens[min(first, stream.tokens.count)...] {
            if case .run(let r) = token { runs.append(r); continue }
            if case .text(let s, _) = token, runs.isEmpty || s.count < 2 { continue }
            break
        }
        var keys: [String] = [], groups: [String] = []
        for g in ["review", "litigation_direct", "litigation_after_review"] {
            for o in ReportTemplates.reviewOutcomes { keys.append(o.key); groups.append(g) }
        }
        var reading = TableReading()
        let values = AlignedReader.readRow(path: "", keys: keys, runs: runs, splitAllowed: true, accept: Self.totalsHold, warnings: &warnings)
        reading.values = zip(values, groups).map { v, g in var v = v; v.path = [g, v.path.last!]; return v }
        return reading
    }

    /// Each group's 总计 equals the sum of its four outcomes.
    static func totalsHold(_ values: [String]) -> Bool {
        let n = values.compactMap(AlignedReader.count)
        guard n.count == 15 else { return false }
        return stride(from: 0, to: 15, by: 5).allSatisfy { n[$0 + 4] == n[$0..<($0 + 4)].reduce(0, +) }
    }
}
