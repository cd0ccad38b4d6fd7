import PageGeometry
import TableLayout

/// Reads tables 二/三/四 from text whose table structure is lost (crawled page text, converter
/// markdown): the template's row labels are aligned, in order, to the document's stream of label
/// text and number runs, and each row takes the runs between its label and the next.
///
/// Runs that hold several glued values are split only where the split is the one the identities
/// accept; otherwise the values are null with a warning naming the candidates.
public struct AlignedReader: Sendable {
    public init() {}

    /// One label to find in order; `path` nil for group labels that carry no values.
    struct Anchor {
        /// The label's search patterns (its written variants, `LabelFinder.pattern`).
        var patterns: [[UInt32]]
        var path: String?
        var version: TemplateVersion?
    }

    /// Where an anchor was found: label range (label scalars) and the tokens after it.
    struct Placed {
        var anchor: Anchor
        var match: LabelFinder.Match
    }

    /// Largest stretch of label text one table may cover (a bound on the work per document).
    static let maxTableSpan = 40_000
    /// How far past the cursor an approximate label search looks.
    static let searchWindow = 6_000

    public func read(_ text: String) -> ReportTables {
        let stream = TextStream(text)
        var tables = ReportTables()
        var warnings: [ReportWarning] = []
        let t = stream.labelText
        let proactiveStart = ProactiveAlignment.start(in: t)
        let applicationsStart = Self.first(["申请人情况", "本年新收政府信息公开申请数量"], in: t, from: proactiveStart ?? 0)
        if let start = proactiveStart {
            let end = applicationsStart ?? min(t.count, start + Self.maxTableSpan)
            tables.proactive = ProactiveAlignment(stream: stream, facts: NarrativeFacts(text)).read(from: start, to: end, warnings: &warnings)
        }
        var reviewFrom = applicationsStart ?? proactiveStart ?? 0
        if let start = applicationsStart {
            let (reading, end) = ApplicationsAlignment(stream: stream).read(from: start, warnings: &warnings)
            tables.applications = reading
            reviewFrom = end
        }
        if let start = Self.first(["行政复议"], in: t, from: reviewFrom) {
            tables.reviewLitigation = ReviewAlignment(stream: stream).read(from: start, warnings: &warnings)
        }
        tables.warnings = warnings
        tables.notes.append("tables read by template alignment over the text (\(stream.tokens.count) tokens)")
        return tables
    }

    /// The earliest exact occurrence of any of `labels` (folded) after `from`.
    static func first(_ labels: [String], in t: [UInt32], from: Int) -> Int? {
        labels.compactMap { LabelFinder.exact(LabelText.foldScalars($0), in: t, from: from, to: t.count) }.min()
    }

    /// Finds anchors in order. Each is searched only up to where one of the next three stands
    /// exactly, so a missing label never pulls the alignment past rows that are there.
    static func align(_ anchors: [Anchor], in t: [UInt32], from: Int, to: Int) -> [Placed] {
        var placed: [Placed] = []
        var cursor = from
        for (i, anchor) in anchors.enumerated() {
            var limit = min(to, cursor + searchWindow)
            var bounded = false
            for next in anchors[(i + 1)..<min(anchors.count, i + 4)] {
                for p in next.patterns where p.count > 3 {
                    if let at = LabelFinder.exact(p, in: t, from: cursor, to: limit), at < limit { limit = at; bounded = true }
                }
            }
            // Between neighbours found exactly, the label can only be there: a misprint that drops
            // a few characters (`其他法律行政止公开`) is allowed more edits.
            let m = LabelFinder.find(anyOf: anchor.patterns, in: t, from: cursor, to: limit)
                ?? (bounded && !placed.isEmpty ? LabelFinder.find(anyOf: anchor.patterns, in: t, from: cursor, to: limit, budget: LabelFinder.boundedBudget) : nil)
            if let m {
                placed.append(Placed(anchor: anchor, match: m))
                cursor = m.end
            }
        }
        return placed
    }

    /// The value an accepted piece of a run reads as (the report's value vocabulary).
    static func number(_ raw: String) -> ReportNumber? {
        switch CellValueParser.read(raw) {
        case .number(let n): return n
        case .zeroToken: return ReportNumber(0)
        case .blank, .unreadable: return nil
        }
    }

    /// A piece of a split as a whole count (a zero mark counts 0), for the identities.
    static func count(_ raw: String) -> Int? {
        number(raw).flatMap { Int($0.description) }
    }

    /// An extracted value located in the text (line and column in `CellRef.textPosition`).
    /// `offset`: where the value starts in its run (a run split into several values).
    static func value(path: [String], raw: String, run: TextStream.Run?, offset: Int? = nil, number: ReportNumber?) -> ExtractedValue {
        let span = run.map { r in
            offset.map { TextStream.Span(line: r.span.line, column: r.span.column + $0, length: raw.count) } ?? r.span
        }
        let cell = span.map { CellRef(grid: -1, row: $0.line - 1, column: $0.column, textPosition: TextPosition(line: $0.line, column: $0.column)) }
        let box = span.map { Rect(x0: Double($0.column), y0: Double($0.line), x1: Double($0.column + $0.length), y1: Double($0.line + 1)) }
            ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
        return ExtractedValue(path: path, value: number, raw: raw, page: 1, box: box, cell: cell)
    }

    /// Reads one row's runs as `keys.count` values: as printed when there is one run per value,
    /// else by the unique split `accept` allows; null values with a warning otherwise.
    /// - Parameter narrow: keeps the splits other evidence (the report's prose) agrees with.
    static func readRow(path: String, keys: [String], runs: [TextStream.Run], splitAllowed: Bool,
                        accept: ([String]) -> Bool, narrow: ([RunSplitter.Split]) -> [RunSplitter.Split] = { $0 },
                        warnings: inout [ReportWarning]) -> [ExtractedValue] {
        let prefix = path.split(separator: ".").map(String.init)
        // Nulls for digits that were printed but not placed point at them: no lost cell, so no
        // identity may fill them with a value the printed digits do not hold.
        func nulls(_ code: String, _ message: String, printed: Bool = false) -> [ExtractedValue] {
            warnings.append(.init(code: code, message: message, path: path))
            return keys.map { value(path: prefix + [$0], raw: "", run: printed ? runs.first : nil, number: nil) }
        }
        if runs.isEmpty { return nulls("row_blank", "row \(path): no values after its label") }
        if runs.count == keys.count, runs.allSatisfy({ $0.single || number($0.raw) != nil }) {
            for (key, run) in zip(keys, runs) where run.raw.isEmpty {
                warnings.append(.init(code: "blank_cell", message: "row \(path): cell \(key) is empty between its separators", path: path + "." + key))
            }
            return zip(keys, runs).map { value(path: prefix + [$0], raw: $1.raw, run: $1, number: number($1.raw)) }
        }
        if runs.count > keys.count {
            return nulls("row_long", "row \(path): \(runs.count) numbers for \(keys.count) columns (\(runs.map(\.raw).joined(separator: " ")))")
        }
        guard splitAllowed else {
            return nulls("row_short", "row \(path): \(runs.count) numbers for \(keys.count) columns and the text drops blank cells; where they stand is not known")
        }
        var outcome = RunSplitter.split(runs, count: keys.count, accept: accept)
        if case .ambiguous(let splits, true) = outcome {
            let kept = narrow(splits)
            outcome = kept.count == 1 ? .unique(kept[0]) : .ambiguous(kept, complete: true)
        }
        switch outcome {
        case .unique(let s):
            return zip(keys, zip(s.values, s.pieces)).map { key, vp in
                value(path: prefix + [key], raw: vp.0, run: runs[vp.1.run], offset: vp.1.offset, number: number(vp.0))
            }
        case .ambiguous(let splits, let complete):
            let shown = splits.prefix(4).map { $0.values.joined(separator: "/") }.joined(separator: "; ")
            var values = nulls("split_ambiguous", "row \(path): the glued digits \(runs.map(\.raw).joined(separator: " ")) split \(complete ? "\(splits.count)" : "more than \(splits.count)") ways: \(shown)\(splits.count > 4 ? "; …" : "")", printed: true)
            guard complete else { return values }
            // A cell every consistent split reads alike is determined all the same.
            for i in keys.indices where splits.allSatisfy({ $0.values[i] == splits[0].values[i] && $0.pieces[i].run == splits[0].pieces[i].run }) {
                values[i] = value(path: prefix + [keys[i]], raw: splits[0].values[i], run: runs[splits[0].pieces[i].run],
                                  offset: splits[0].pieces[i].offset, number: number(splits[0].values[i]))
            }
            return values
        case .none:
            return nulls("split_none", "row \(path): no split of \(runs.map(\.raw).joined(separator: " ")) into \(keys.count) values fits the row's identity", printed: true)
        case .tooMany:
            return nulls("split_unbounded", "row \(path): too many ways to split \(runs.map(\.raw).joined(separator: " "))", printed: true)
        }
    }
}
