/// The direction a page's text runs in, in the page's upright (displayed) space.
///
/// A page with /Rotate is already upright in Poppler's coordinates; a page whose content itself is
/// drawn turned (a landscape table placed sideways on a portrait page without /Rotate) is not:
/// its lines run down or up the page. `PageContent.upright(_:)` turns such a page so that its text
/// runs left to right, glyph boxes and ruling lines alike.
public enum TextDirection: Int, Sendable, Equatable {
    /// Left to right: nothing to do.
    case upright = 0
    /// Top to bottom: the content is turned 90° clockwise.
    case down = 90
    /// Right to left, upside down.
    case upsideDown = 180
    /// Bottom to top: the content is turned 90° counter-clockwise.
    case up = 270

    /// Tallies the step from one character to the next within a text line.
    ///
    /// Only steps between boxes that touch along the step count. Poppler strings single
    /// characters set in a row into one "line" whatever their direction: a table turned on the
    /// page has rows of one-digit cells (`0 0 1 0 …`), each digit a word of its own, which Poppler
    /// joins left to right though each runs down the page. Those steps leave a gap of half an em
    /// or more between the boxes; the characters of a word abut (a box is the glyph's advance).
    public struct Votes: Sendable {
        public var counts: [Int] = [0, 0, 0, 0]
        public init() {}
        public init(counts: [Int]) { self.counts = counts }

        /// Largest gap between two boxes along a step that still counts, in ems (the larger box side).
        public static let maxGap = 0.3
        /// Steps a direction other than upright needs to win (`winner`); fewer will do when no
        /// step runs left to right (a page holding one short line: the end of a table).
        public static let minSteps = 20
        public static let minUnopposedSteps = 5

        public mutating func add(from a: Rect, to b: Rect) {
            let dx = b.midX - a.midX, dy = b.midY - a.midY
            let size = max(a.width, a.height, b.width, b.height, 1)
            // Only neighbouring characters: a jump to another column or line says nothing.
            guard abs(dx) + abs(dy) <= 2.5 * size, abs(dx) + abs(dy) > 0.2 * size else { return }
            let horizontal = abs(dx) >= abs(dy)
            let gap = horizontal ? abs(dx) - (a.width + b.width) / 2 : abs(dy) - (a.height + b.height) / 2
            guard gap <= Self.maxGap * size else { return }
            if horizontal { counts[dx > 0 ? 0 : 2] += 1 } else { counts[dy > 0 ? 1 : 3] += 1 }
        }

        /// The direction of clearly most steps; upright unless another one dominates.
        public var winner: TextDirection {
            let best = counts.indices.max { counts[$0] < counts[$1] } ?? 0
            guard best != 0, counts[best] > 3 * counts[0],
                  counts[best] >= Self.minSteps || (counts[best] >= Self.minUnopposedSteps && counts[0] == 0) else { return .upright }
            return [TextDirection.upright, .down, .upsideDown, .up][best]
        }
    }
}

extension TextDirection {
    /// The turn that takes a page turned upright back to how it is displayed.
    public var inverse: TextDirection {
        switch self {
        case .down: return .up
        case .up: return .down
        case .upright, .upsideDown: return self
        }
    }

    /// `r`, on a page `width` × `height` whose text runs in this direction, on that page turned
    /// so that its text runs left to right.
    public func turning(_ r: Rect, pageWidth W: Double, pageHeight H: Double) -> Rect {
        switch self {
        case .upright: return r
        case .down: return Rect(x0: r.y0, y0: W - r.x1, x1: r.y1, y1: W - r.x0)
        case .up: return Rect(x0: H - r.y1, y0: r.x0, x1: H - r.y0, y1: r.x1)
        case .upsideDown: return Rect(x0: W - r.x1, y0: H - r.y1, x1: W - r.x0, y1: H - r.y0)
        }
    }
}

extension PageContent {
    /// The page turned so that text running in `direction` runs left to right; sizes swap for a
    /// quarter turn. Glyph boxes and ruling lines move together, so a grid built afterwards is upright.
    public func upright(from direction: TextDirection) -> PageContent {
        guard direction != .upright else { return self }
        let W = width, H = height
        func map(_ r: Rect) -> Rect { direction.turning(r, pageWidth: W, pageHeight: H) }
        func map(_ l: RulingLine) -> RulingLine {
            // A line as a thin box, mapped like a glyph, then read back.
            let half = l.thickness / 2
            let box = l.orientation == .horizontal
                ? Rect(x0: l.start, y0: l.position - half, x1: l.end, y1: l.position + half)
                : Rect(x0: l.position - half, y0: l.start, x1: l.position + half, y1: l.end)
            let m = map(box)
            let turned = direction != .upsideDown
            let orientation: RulingLine.Orientation = turned ? (l.orientation == .horizontal ? .vertical : .horizontal) : l.orientation
            return orientation == .horizontal
                ? RulingLine(orientation: .horizontal, position: m.midY, start: m.x0, end: m.x1, thickness: l.thickness)
                : RulingLine(orientation: .vertical, position: m.midX, start: m.y0, end: m.y1, thickness: l.thickness)
        }
        let quarter = direction == .down || direction == .up
        return PageContent(number: number, width: quarter ? H : W, height: quarter ? W : H,
                           glyphs: glyphs.map { Glyph(text: $0.text, box: map($0.box)) },
                           rulingLines: rulingLines.map(map))
    }
}
