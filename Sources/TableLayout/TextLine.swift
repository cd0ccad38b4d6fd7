import PageGeometry

/// Glyphs that sit on one baseline, left to right.
public struct TextLine: Sendable, Equatable {
    public var glyphs: [Glyph]
    public var box: Rect

    public init(glyphs: [Glyph]) {
        self.glyphs = glyphs
        self.box = glyphs.dropFirst().reduce(glyphs.first?.box ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1.box) }
    }

    /// The line's text with runs of whitespace folded to one space.
    public var text: String { TextJoiner.join(glyphs) }

    /// Typical glyph height on the line, a proxy for font size.
    public var glyphHeight: Double {
        let hs = glyphs.filter { !$0.isWhitespace }.map(\.box.height).sorted()
        return hs.isEmpty ? box.height : hs[hs.count / 2]
    }
}

/// Groups glyphs into `TextLine`s by the vertical centres of the glyphs, not by box overlap: glyph
/// boxes taller than the line pitch (browser-printed PDFs) and tight leading make the boxes of two
/// lines overlap, and grouping by overlap then interleaves their characters (`三本、年度理办结果`).
/// A line takes the glyphs whose centres lie within `lineCentreTolerance` ems below its first one;
/// lines whose median centres then lie within `lineMergeTolerance` ems are joined (a line cut by
/// the window of a glyph set a little above it, or numbers in two fonts with different boxes).
public enum TextLineBuilder {
    public static func lines(from glyphs: [Glyph], settings: LayoutSettings = .init()) -> [TextLine] {
        let visible = glyphs.filter { !$0.isWhitespace }
        guard !visible.isEmpty else { return [] }
        return lines(from: visible, em: characterSize(of: visible), settings: settings)
    }

    /// The same with the character size given (a page's, for a table's lines).
    public static func lines(from glyphs: [Glyph], em: Double, settings: LayoutSettings) -> [TextLine] {
        let visible = glyphs.filter { !$0.isWhitespace }.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var groups: [[Glyph]] = []
        var anchor = -Double.infinity
        for g in visible {
            if groups.isEmpty || g.box.midY - anchor > settings.lineCentreTolerance * em {
                groups.append([g])
                anchor = g.box.midY
            } else {
                groups[groups.count - 1].append(g)
            }
        }
        var merged: [[Glyph]] = []
        for group in groups.sorted(by: { medianCentre($0) < medianCentre($1) }) {
            if let last = merged.last, medianCentre(group) - medianCentre(last) <= settings.lineMergeTolerance * em {
                merged[merged.count - 1] += group
            } else {
                merged.append(group)
            }
        }
        return merged
            .map { TextLine(glyphs: $0.sorted { $0.box.x0 < $1.box.x0 }) }
            .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }

    /// Lines set in two fonts whose glyph boxes differ in height (cairo's Type 3 fonts: a CJK box as
    /// tall as the font's whole bounding box, a digit box half that) fall apart when grouped by
    /// centre: `2024` becomes a line of its own beside `年政府信息公开…`. A line whose box lies within
    /// the vertical extent of a line with taller glyphs, and whose glyphs fill a gap in it or continue
    /// it on the left or right (by at most that line's glyph height) without overlapping its glyphs,
    /// is part of it.
    public static func joiningInlineFragments(_ lines: [TextLine], settings: LayoutSettings = .init()) -> [TextLine] {
        var out = lines
        var i = 0
        while i < out.count {
            if let j = out.indices.first(where: { $0 != i && isInlineFragment(out[i], of: out[$0], settings: settings) }) {
                out[j] = TextLine(glyphs: (out[j].glyphs + out[i].glyphs).sorted { $0.box.x0 < $1.box.x0 })
                out.remove(at: i)
                i = 0
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether `fragment` is a piece of `line` in a font with shorter glyph boxes (see above).
    static func isInlineFragment(_ fragment: TextLine, of line: TextLine, settings: LayoutSettings) -> Bool {
        let slack = settings.inlineFragmentSlack * line.glyphHeight
        guard line.glyphHeight > settings.inlineFragmentHeightRatio * fragment.glyphHeight,
              fragment.box.y0 >= line.box.y0 - slack, fragment.box.y1 <= line.box.y1 + slack else { return false }
        guard fragment.box.x0 >= line.box.x0 - line.glyphHeight, fragment.box.x1 <= line.box.x1 + line.glyphHeight else { return false }
        return !fragment.glyphs.contains { f in line.glyphs.contains { min(f.box.x1, $0.box.x1) - max(f.box.x0, $0.box.x0) > slack } }
    }

    /// The character size (em) of some text: the median width of its CJK characters (their boxes
    /// are square in the font's design, whatever height the producer gives the box), else the
    /// median glyph height.
    public static func characterSize(of glyphs: [Glyph]) -> Double {
        var cjk: [Double] = [], heights: [Double] = []
        for g in glyphs where !g.isWhitespace {
            if isCJK(g) { cjk.append(g.box.width) } else { heights.append(g.box.height) }
        }
        if !cjk.isEmpty { cjk.sort(); return max(1, cjk[cjk.count / 2]) }
        if !heights.isEmpty { heights.sort(); return max(1, heights[heights.count / 2]) }
        return 10
    }

    /// A CJK ideograph (the characters whose box width is the em; `TableTokens.isCJK`).
    public static func isCJK(_ g: Glyph) -> Bool {
        guard let u = g.text.unicodeScalars.first else { return false }
        return TableTokens.isCJK(u)
    }

    private static func medianCentre(_ g: [Glyph]) -> Double {
        let ys = g.map(\.box.midY).sorted()
        return ys[ys.count / 2]
    }
}

/// A page's text as lines in reading order, for readers that align a template to running text
/// (the fallback for a table whose grid was lost or not matched). Unlike `TextLine.text`, a gap
/// wider than `streamCellGap` ems becomes a space, so that neighbouring cells (a label and its
/// number, two numbers, a number and a zero mark `—`) stay apart as they would in copied text.
public enum ReadingOrderText {
    public static func text(of glyphs: [Glyph], settings: LayoutSettings = .init()) -> String {
        lines(of: glyphs, settings: settings).joined(separator: "\n")
    }

    /// The lines, top to bottom.
    public static func lines(of glyphs: [Glyph], settings: LayoutSettings = .init()) -> [String] {
        let visible = glyphs.filter { !$0.isWhitespace }
        guard !visible.isEmpty else { return [] }
        let em = TextLineBuilder.characterSize(of: visible)
        let lines = TextLineBuilder.lines(from: visible, em: em, settings: settings)
        let texts = lines.map { spaced($0, gap: settings.streamCellGap * em) }
        return numbersBesideTheirLabels(lines, texts).map { texts[$0] }
    }

    /// The order of `lines` with each line of values only placed after the label line nearest to
    /// it: in a tall row a label set at the foot of its cell sits below its numbers, and read
    /// top to bottom the numbers would go to the row above. A values line stays where it is unless
    /// the label line below it is strictly nearer (centre to centre) than the one above.
    static func numbersBesideTheirLabels(_ lines: [TextLine], _ texts: [String]) -> [Int] {
        let valuesOnly = texts.map { t in
            let runs = t.split(separator: " ")
            return !runs.isEmpty && runs.allSatisfy { TableTokens.isValue($0) }
        }
        var order = Array(lines.indices)
        var i = 0
        while i < order.count - 1 {
            let n = order[i], below = order[i + 1]
            guard valuesOnly[n], !valuesOnly[below] else { i += 1; continue }
            let above = i > 0 ? order[i - 1] : nil
            let dBelow = lines[below].box.midY - lines[n].box.midY
            let dAbove = above.map { valuesOnly[$0] ? .infinity : lines[n].box.midY - lines[$0].box.midY } ?? .infinity
            if dBelow < dAbove { order.swapAt(i, i + 1); i += 2 } else { i += 1 }
        }
        return order
    }

    /// One line's text, a space between glyphs farther apart than `gap` points.
    static func spaced(_ line: TextLine, gap: Double) -> String {
        var out = ""
        var run: [Glyph] = []
        for g in line.glyphs {
            if let last = run.last, g.box.x0 - last.box.x1 > gap {
                out += (out.isEmpty ? "" : " ") + TextJoiner.join(run)
                run = []
            }
            run.append(g)
        }
        if !run.isEmpty { out += (out.isEmpty ? "" : " ") + TextJoiner.join(run) }
        return out
    }
}
