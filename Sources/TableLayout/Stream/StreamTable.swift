import PageGeometry

/// What every later stage of the stream builder knows about one table: its lines (label lines
/// above it re-cut at its column boundaries), its rows of numbers, its character size, its value
/// columns and the horizontal rules across it.
struct StreamTable {
    let settings: LayoutSettings
    let cutter: StreamLineCutter
    let lines: [StreamLine]
    /// The rows of numbers, top to bottom (line indices).
    let rows: [Int]
    let rowSet: Set<Int>
    /// Lines other tables took.
    let taken: Set<Int>
    let em: Double
    let valueColumns: [ColumnExtent]
    /// Left edge of the first value column.
    let valueLeft: Double
    /// Label text ends left of this (`streamLabelOverhang` ems past the values' left edge).
    let labelLimit: Double
    /// Positions of the horizontal rules across the table (`streamRuleCoverage` of its width).
    let ruleYs: [Double]
    /// All horizontal rules of the page not in a ruled table.
    let rules: [RulingLine]

    init?(rows: [Int], lines: [StreamLine], rules: [RulingLine], taken: Set<Int>, settings: LayoutSettings) {
        guard let firstRow = rows.first else { return nil }
        self.settings = settings
        cutter = StreamLineCutter(settings: settings)
        let em = rows.map { lines[$0].em }.sorted()[rows.count / 2]
        let valueColumns = StreamValueColumns(settings: settings).columns(rows: rows, lines: lines, em: em, taken: taken, isRow: cutter.isRow)
        guard let valueLeft = valueColumns.first?.x0 else { return nil }
        // Header texts in narrow columns can stand closer than a cell gap: a gap at a boundary
        // between two value columns splits them all the same.
        let boundaries = [valueLeft - settings.streamEdgeInset * em] + zip(valueColumns, valueColumns.dropFirst()).map { ($0.x1 + $1.x0) / 2 }
        var recut = lines
        for i in Swift.max(0, firstRow - settings.streamRecutLookback)..<firstRow where !taken.contains(i) && !cutter.isRow(recut[i]) {
            recut[i] = cutter.recut(recut[i], at: boundaries, em: em)
        }
        self.lines = recut
        self.rows = rows
        rowSet = Set(rows)
        self.taken = taken
        self.em = em
        self.valueColumns = valueColumns
        self.valueLeft = valueLeft
        labelLimit = valueLeft + settings.streamLabelOverhang * em
        let x0 = recut[firstRow].box.x0, x1 = recut[firstRow].box.x1
        ruleYs = rules.filter { r in max(0, min(r.end, x1) - max(r.start, x0)) >= settings.streamRuleCoverage * (x1 - x0) }.map(\.position)
        self.rules = rules
    }

    var firstRow: Int { rows[0] }
    var lastRow: Int { rows[rows.count - 1] }

    func isRow(_ line: StreamLine) -> Bool { cutter.isRow(line) }

    /// A line of label text only, left of the values.
    func isLabelOnly(_ l: StreamLine) -> Bool { l.valueCount == 0 && l.segments.allSatisfy { $0.box.x1 <= labelLimit } }

    /// Which band between the table's rules a height lies in.
    func band(_ y: Double) -> Int { ruleYs.filter { $0 < y }.count }

    /// The gap between line `a` and the line `b` below it; infinite across a rule.
    func gap(_ a: Int, _ b: Int) -> Double {
        let lo = lines[a].box.y1, hi = lines[b].box.y0
        return rulesInGap(lo, hi).isEmpty ? hi - lo : .infinity
    }

    /// The positions of the table's rules lying in the gap between two heights (`ruleGapSlack`
    /// points outside it still count).
    func rulesInGap(_ lo: Double, _ hi: Double) -> [Double] {
        let slack = settings.ruleGapSlack
        return ruleYs.filter { $0 >= Swift.min(lo, hi) - slack && $0 <= Swift.max(lo, hi) + slack }
    }

    /// Whether a page rule lies between two heights and spans `x0...x1` (`ruleSpanSlack` points).
    func crossesRule(between a: Double, and b: Double, from x0: Double, to x1: Double) -> Bool {
        let slack = settings.ruleSpanSlack
        return rules.contains { $0.position > a && $0.position < b && $0.start <= x0 + slack && $0.end >= x1 - slack }
    }

    /// Whether a line's character size is the table's.
    func sameSize(_ l: StreamLine) -> Bool { abs(l.em - em) <= settings.streamSameSizeTolerance * em }

    /// The last label text of a line (group labels stand left of the row label).
    func opensLabel(_ i: Int) -> Bool {
        TableTokens.startsWithNumbering(lines[i].segments.last { !$0.isValue }?.text ?? "")
    }
}
