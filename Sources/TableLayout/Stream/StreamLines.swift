import PageGeometry

/// A run of characters of one line between two cell gaps.
struct StreamSegment {
    var glyphs: [Glyph]
    var box: Rect
    var text: String
    var isValue: Bool

    /// The segment of a run of glyphs (at least one), its text a value or not (`TableTokens`).
    init(_ run: [Glyph]) {
        glyphs = run
        box = run.dropFirst().reduce(run[0].box) { $0.union($1.box) }
        text = TextJoiner.join(run)
        isValue = TableTokens.isValue(text)
    }
}

/// A text line cut into segments, with its character size.
struct StreamLine {
    var box: Rect
    var segments: [StreamSegment]
    var em: Double
    var glyphs: [Glyph]
    var valueCount: Int { segments.filter(\.isValue).count }
}

/// Stage 1 of the stream builder — lines: the page's glyphs as text lines cut into segments at
/// cell gaps, and which lines are rows (numbers in cells of their own).
struct StreamLineCutter {
    let settings: LayoutSettings

    /// The page's lines, top to bottom, cut at gaps wider than `streamCellGap` ems.
    func lines(of glyphs: [Glyph]) -> [StreamLine] {
        let pageEm = TextLineBuilder.characterSize(of: glyphs)
        return TextLineBuilder.lines(from: glyphs, em: pageEm, settings: settings).map { cut($0, pageEm: pageEm) }
    }

    func cut(_ line: TextLine, pageEm: Double) -> StreamLine {
        let visible = line.glyphs.filter { !$0.isWhitespace }.sorted { $0.box.x0 < $1.box.x0 }
        let widths = visible.filter(TextLineBuilder.isCJK).map(\.box.width).sorted()
        // A line of digits only (no CJK) takes the page's size: digit heights vary with the font.
        let em = widths.isEmpty ? pageEm : max(1, widths[widths.count / 2])
        var segments: [StreamSegment] = []
        var run: [Glyph] = []
        for g in visible {
            if let last = run.last, g.box.x0 - last.box.x1 > settings.streamCellGap * em {
                segments.append(StreamSegment(run))
                run = []
            }
            run.append(g)
        }
        if !run.isEmpty { segments.append(StreamSegment(run)) }
        return StreamLine(box: line.box, segments: segments, em: em, glyphs: line.glyphs)
    }

    /// The line with its label segments also split at gaps (however small, from
    /// `streamRecutMinGap` ems) that hold one of `boundaries`: header texts in narrow columns can
    /// stand closer than a cell gap.
    func recut(_ line: StreamLine, at boundaries: [Double], em: Double) -> StreamLine {
        var out = line
        let slack = settings.streamRecutBoundarySlack * em
        out.segments = line.segments.flatMap { seg -> [StreamSegment] in
            guard !seg.isValue, seg.glyphs.count > 1 else { return [seg] }
            var parts: [[Glyph]] = [[seg.glyphs[0]]]
            for (a, b) in zip(seg.glyphs, seg.glyphs.dropFirst()) {
                let lo = a.box.x1, hi = b.box.x0
                if hi - lo >= settings.streamRecutMinGap * em, boundaries.contains(where: { $0 >= lo - slack && $0 <= hi + slack }) {
                    parts.append([b])
                } else {
                    parts[parts.count - 1].append(b)
                }
            }
            guard parts.count > 1 else { return [seg] }
            return parts.map(StreamSegment.init)
        }
        return out
    }

    /// Whether a line is a table row: two numbers, or one standing `streamMinValueGap` ems from
    /// the text before it (a number inside running text is not a cell).
    func isRow(_ line: StreamLine) -> Bool {
        let values = line.valueCount
        if values >= 2 { return true }
        guard values == 1, line.segments.count >= 2, let i = line.segments.firstIndex(where: \.isValue), i > 0 else { return false }
        return line.segments[i].box.x0 - line.segments[i - 1].box.x1 >= settings.streamMinValueGap * line.em
    }
}
