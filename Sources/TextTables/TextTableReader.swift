import TableLayout

/// Text → `TableDocument`: the tables of a text file as `CellGrid`s, so that the report parser
/// that reads PDF grids reads text too.
///
/// Two kinds of tables are found:
/// - layout text (`pdftotext -layout`, text exported with aligned columns): cells come from the
///   character columns the text is aligned on (`LayoutSection`);
/// - markdown pipe tables (and box-drawing tables), as PDF-to-markdown converters write them
///   (`PipeTable`).
///
/// Grids use made-up coordinates: x is the column position in the line, y the line number, so a
/// header cell and the values under it overlap horizontally as they do in a PDF.
public struct TextTableReader: Sendable {
    /// How positions along a line are counted. `pdftotext -layout` places each word at a column
    /// of its own grid and writes every character as one column (`characters`); text aligned for a
    /// terminal counts CJK characters two columns wide (`displayWidth`). Chosen per document by
    /// which one lines up the numbers of consecutive rows better, unless given.
    public enum Metric: String, Sendable { case characters, displayWidth }

    public struct Options: Sendable {
        public var metric: Metric?
        /// Whether lines starting with `|` are read as pipe tables.
        public var pipeTables = true
        public init(metric: Metric? = nil, pipeTables: Bool = true) { self.metric = metric; self.pipeTables = pipeTables }
    }

    /// What the reader decided, for `--verbose`.
    public struct Report: Sendable {
        public var metric: Metric = .characters
        public var layoutTables = 0
        public var pipeTables = 0
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    public func read(_ text: String) -> TableDocument { analyze(text).document }

    /// The document and what the reader decided about it.
    public func analyze(_ text: String) -> (document: TableDocument, report: Report) {
        var lines = Self.splitLines(text)
        let pages = (lines.last?.page ?? 1)
        classify(&lines)
        let metric = options.metric ?? Self.chooseMetric(lines)
        for i in lines.indices { for j in lines[i].fragments.indices { lines[i].fragments[j].apply(metric) } }

        // Tables in line order: pipe tables and layout blocks.
        var items: [(line: Int, grid: CellGrid)] = []
        var used = Set<Int>()
        var pipeCount = 0, layoutCount = 0
        var i = 0
        while i < lines.count {
            if lines[i].kind == .pipe {
                var j = i
                var rows: [(number: Int, text: String)] = []
                while j < lines.count, lines[j].kind == .pipe {
                    rows.append((lines[j].number, lines[j].text)); j += 1
                }
                if let grid = PipeTable.parse(rows: rows, page: lines[i].page) {
                    items.append((lines[i].number, grid)); pipeCount += 1
                    for k in i..<j { used.insert(k) }
                }
                i = j
                continue
            }
            i += 1
        }
        for block in Self.blocks(lines) {
            let grids = LayoutBlock(lines: lines, indices: block).grids()
            guard !grids.isEmpty else { continue }
            for g in grids { items.append((g.line, g.grid)); layoutCount += 1 }
            for k in block { used.insert(k) }
        }
        items.sort { $0.line < $1.line }

        var leading: [TableDocument.Line] = []
        for line in lines where !used.contains(line.index) && !line.isBlank && line.kind != .pageNumber && leading.count < 80 {
            var t = line.trimmed
            var height = 10.0
            if line.kind == .heading, t.hasPrefix("#") {
                let level = t.prefix(while: { $0 == "#" }).count
                height = max(10, 24 - 3 * Double(level))
                t = t.drop(while: { $0 == "#" || $0 == " " })
            }
            leading.append(.init(text: TextTokens.stripConverterGarbage(String(t)), height: height))
        }
        let document = TableDocument(pages: pages, grids: items.map(\.grid), leadingLines: leading, fullText: text)
        return (document, Report(metric: metric, layoutTables: layoutCount, pipeTables: pipeCount))
    }

    // MARK: lines

    static func splitLines(_ text: String) -> [TextLineInfo] {
        var out: [TextLineInfo] = []
        var page = 1
        var number = 0
        var current = ""
        var pendingPageBreak = false
        func push() {
            number += 1
            out.append(TextLineInfo(index: out.count, number: number, text: current, page: page))
            current = ""
        }
        var previousCR = false
        for ch in text.unicodeScalars {
            switch ch {
            case "\n":
                if previousCR { previousCR = false; continue }
                push()
            case "\r":
                push(); previousCR = true; continue
            case "\u{0C}":
                pendingPageBreak = true
            default:
                if pendingPageBreak {
                    // A form feed ends a page; the text after it is on the next one.
                    if !current.isEmpty || !out.isEmpty { page += 1 }
                    pendingPageBreak = false
                }
                current.unicodeScalars.append(ch)
            }
            previousCR = false
        }
        if !current.isEmpty { push() }
        return out
    }

    func classify(_ lines: inout [TextLineInfo]) {
        let settings = LayoutSettings()
        func nextNonBlank(_ i: Int, _ step: Int) -> Int? {
            var j = i + step
            while j >= 0 && j < lines.count {
                if !lines[j].isBlank { return j }
                j += step
            }
            return nil
        }
        // Page edges: the last non-blank line before a page change and the first after.
        var atEdge = Set<Int>()
        for i in lines.indices where i > 0 && lines[i].page != lines[i - 1].page {
            if let a = nextNonBlank(i, -1) { atEdge.insert(a) }
            if !lines[i].isBlank { atEdge.insert(i) } else if let b = nextNonBlank(i, 1) { atEdge.insert(b) }
        }
        if let last = nextNonBlank(lines.count, -1) { atEdge.insert(last) }
        for i in lines.indices {
            let t = lines[i].trimmed
            if lines[i].isBlank { lines[i].kind = .blank; continue }
            if options.pipeTables, PipeTable.isPipeRow(t) { lines[i].kind = .pipe; continue }
            if TextLineInfo.isTabDelimited(t) { lines[i].kind = .delimited; continue }
            if TextLineInfo.isPageNumber(t, atPageEdge: atEdge.contains(i)) { lines[i].kind = .pageNumber; continue }
        }
        func isLongRun(_ j: Int?) -> Bool {
            guard let j else { return false }
            let l = lines[j]
            guard l.kind != .pageNumber, l.kind != .pipe, !l.hasWideGap, !l.isSpacedCells(settings) else { return false }
            return l.trimmed.count >= settings.textProseRunLength || l.text.contains("。")
        }
        for i in lines.indices where lines[i].kind == .table {
            let l = lines[i]
            let t = l.trimmed
            // A second list item on the line (三、 无法提 2、没有现成…) makes it table labels.
            if !l.hasWideGap && TextLineInfo.isHeading(t) && !l.fragments.dropFirst().contains(where: \.numbered) {
                // A heading is followed by text or a table header, never by a row of numbers; and
                // never comes right under a row of numbers without a label (numbers set above their
                // label: the label is due, `四、结转下年度继续办理`).
                let next = nextNonBlank(i, 1)
                let labelDue = i > 0 && lines[i - 1].hasValue && (lines[i - 1].fragments.first?.isValue ?? false)
                if t.hasPrefix("#") || (!labelDue && (next == nil || !lines[next!].hasValue || lines[next!].kind == .pipe)) {
                    lines[i].kind = .heading
                    continue
                }
            }
            if !l.hasWideGap && t.contains("。") { lines[i].kind = .prose; continue }
            if !l.hasWideGap && t.count >= settings.textProseLineLength && !l.isSpacedCells(settings) && (isLongRun(nextNonBlank(i, -1)) || isLongRun(nextNonBlank(i, 1))) {
                lines[i].kind = .prose
            }
        }
    }

    /// Compares how well consecutive rows of numbers line up under each metric.
    static func chooseMetric(_ lines: [TextLineInfo], settings: LayoutSettings = .init()) -> Metric {
        var cost: [Metric: Double] = [.characters: 0, .displayWidth: 0]
        var previous: TextLineInfo?
        for l in lines where l.kind == .table {
            let values = l.fragments.filter(\.isValue)
            defer { if values.count >= 2 { previous = l } }
            guard values.count >= 2, let p = previous, l.index - p.index <= 3 else { continue }
            let pv = p.fragments.filter(\.isValue)
            guard pv.count == values.count else { continue }
            for (a, b) in zip(pv, values) {
                cost[.characters]! += abs(Double(a.charStart) + Double(a.charCount) / 2 - Double(b.charStart) - Double(b.charCount) / 2)
                cost[.displayWidth]! += abs(Double(a.dispStart) + Double(a.dispWidth) / 2 - Double(b.dispStart) - Double(b.dispWidth) / 2)
            }
        }
        return cost[.displayWidth]! < cost[.characters]! ? .displayWidth : .characters
    }

    /// Runs of table lines; blank lines and page numbers inside a run do not end it.
    static func blocks(_ lines: [TextLineInfo]) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        for l in lines {
            switch l.kind {
            case .table: current.append(l.index)
            case .blank, .pageNumber: continue
            case .heading, .prose, .pipe, .delimited:
                if !current.isEmpty { out.append(current); current = [] }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
