/// The row-label column of a stream table (the column its rows' own labels stand in, right of any
/// group labels): where it is, whether its labels are left-aligned or centred, whether they are
/// numbered, and where it ends. Used to tell a row of blank values from a wrapped label line.
struct StreamLeafColumn {
    let table: StreamTable
    /// Where the column's labels start (left-aligned) or are centred; nil without labels.
    let position: Double?
    let centred: Bool
    /// Too few rows to tell left-aligned labels from centred ones (table 二's two-row blocks): a
    /// label in the column either way stands in it.
    let undecided: Bool
    let byLeft: Double?, byCentre: Double?
    /// At least `streamNumberedLabelShare` of the column's label texts open with list numbering
    /// (1. （三） 一、).
    let numbered: Bool
    /// The median distance between neighbouring rows.
    let pitch: Double
    /// Where the column ends: where the first value column begins.
    let end: Double

    init(_ t: StreamTable) {
        table = t
        let s = t.settings, em = t.em, lines = t.lines
        let align = s.streamLabelAlignTolerance * em
        let leaves = t.rows.compactMap { lines[$0].segments.last { !$0.isValue && $0.box.x1 <= t.labelLimit } }
        // Row labels are left-aligned (one left edge) or centred (one centre): whichever recurs more.
        func dominant(_ xs: [Double]) -> (Double, Int)? {
            Snapping.cluster(xs, tolerance: align).map { c in (c, xs.filter { abs($0 - c) <= align }.count) }.max { $0.1 < $1.1 }
        }
        let left = dominant(leaves.map(\.box.x0)), centre = dominant(leaves.map(\.box.midX))
        centred = (centre?.1 ?? 0) > (left?.1 ?? 0)
        position = centred ? centre?.0 : left?.0
        undecided = (centre?.1 ?? 0) == (left?.1 ?? 0)
        byLeft = left?.0
        byCentre = centre?.0
        // Wrapped lines dilute the share of numbered texts; table 二's labels have none.
        let centredNow = centred, positionNow = position
        let columnTexts = (Swift.max(0, t.firstRow - 1)...t.lastRow).flatMap { i in lines[i].segments.filter { !$0.isValue && $0.box.x1 <= t.labelLimit } }
            .filter { s in positionNow.map { abs((centredNow ? s.box.midX : s.box.x0) - $0) <= align } ?? false }
        numbered = Double(columnTexts.filter { TableTokens.startsWithNumbering($0.text) }.count) >= s.streamNumberedLabelShare * Double(columnTexts.count)
        let pitches = zip(t.rows, t.rows.dropFirst()).map { lines[$1].box.midY - lines[$0].box.midY }.sorted()
        pitch = pitches.isEmpty ? s.streamDefaultRowPitch * em : pitches[pitches.count / 2]
        // Half a column's width left of the first value column's centre (numbers are centred or
        // close to it).
        let columns = t.valueColumns
        let firstCentre = (columns[0].x0 + columns[0].x1) / 2
        end = columns.count > 1
            ? firstCentre - Swift.min(0.5 * ((columns[1].x0 + columns[1].x1) / 2 - firstCentre), firstCentre - columns[0].x0 + s.streamLeafColumnReach * em)
            : t.valueLeft - s.streamValueReach * em
    }

    var align: Double { table.settings.streamLabelAlignTolerance * table.em }

    func anchor(_ s: StreamSegment) -> Double { centred ? s.box.midX : s.box.x0 }

    /// Whether a label text stands in the column.
    func contains(_ s: StreamSegment) -> Bool {
        if let c = position, abs(anchor(s) - c) <= align { return true }
        guard undecided, let l = byLeft, let c = byCentre else { return false }
        return abs(s.box.x0 - l) <= align || abs(s.box.midX - c) <= align
    }

    /// Whether a label line fills the column, as the first lines of a wrapped label do.
    func isFull(_ s: StreamSegment) -> Bool {
        guard let position else { return false }
        let em = table.em, settings = table.settings
        return centred ? s.box.width >= 2 * (end - position) - settings.streamFullCentredLabelSlack * em : s.box.x1 >= end - settings.streamFullLabelSlack * em
    }
}
