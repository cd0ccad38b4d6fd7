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

/// Groups glyphs into `TextLine`s by vertical overlap.
public enum TextLineBuilder {
    public static func lines(from glyphs: [Glyph], settings: LayoutSettings = .init()) -> [TextLine] {
        let visible = glyphs.filter { !$0.isWhitespace }
        guard !visible.isEmpty else { return [] }
        let sorted = visible.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var groups: [[Glyph]] = []
        var groupBox: [Rect] = []
        for g in sorted {
            // Only the last three lines are candidates (searching them all made a page of many
            // one-glyph lines quadratic).
            if let k = groupBox.indices.suffix(3).last(where: { i in
                let overlap = groupBox[i].verticalOverlap(g.box)
                let h = min(groupBox[i].height, g.box.height)
                return h > 0 && overlap >= settings.lineOverlapRatio * h
            }) {
                groups[k].append(g)
                groupBox[k] = Rect(x0: min(groupBox[k].x0, g.box.x0), y0: groupBox[k].y0, x1: max(groupBox[k].x1, g.box.x1), y1: groupBox[k].y1)
            } else {
                groups.append([g])
                groupBox.append(g.box)
            }
        }
        return groups
            .map { TextLine(glyphs: $0.sorted { $0.box.x0 < $1.box.x0 }) }
            .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }
}
