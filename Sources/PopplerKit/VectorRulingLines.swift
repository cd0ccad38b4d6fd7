import PageGeometry

/// Ruling lines from what a page's content streams paint (pdfplumber's approach): stroked
/// horizontal and vertical segments, and filled shapes thin enough to be lines, in a dark enough
/// colour. The pieces are joined the way `RulingLineScanner` joins pixel runs — parallel pieces
/// that touch become one thicker line, collinear pieces across a gap of `joinGap` one longer line
/// — and the same thresholds decide what counts, so either source gives the lattice the same lines.
///
/// Rendering (`RulingLineScanner`) stays the fallback, and is used for pages this cannot read:
/// when a page draws a large image (a scanned table has its lines in the picture) or its content
/// cannot be decoded.
struct VectorRulingLines {
    var settings: RulingLineScanner.Settings

    /// An image at least this wide and tall (fractions of the page) may hold a table's lines.
    static let largeImageWidth = 0.4
    static let largeImageHeight = 0.1
    /// A segment this far off horizontal or vertical (points, over its length) is slanted.
    static let slantTolerance = 0.5
    /// Parallel pieces whose strokes come this close (points) are one line, as adjacent pixel
    /// rows are in a raster.
    static let touching = 0.75

    /// Whether the page's lines may be in an image, so that only rendering finds them.
    static func needsRendering(_ shapes: PaintedShapes) -> Bool {
        shapes.images.contains { $0.width >= largeImageWidth * shapes.width && $0.height >= largeImageHeight * shapes.height }
    }

    private struct Piece {
        var horizontal: Bool
        var low: Double   // extent of the stroke across the line
        var high: Double
        var start: Double
        var end: Double
    }

    func lines(from shapes: PaintedShapes, masking glyphs: [Glyph]) -> [RulingLine] {
        // Within ±10⁶ pt, as Poppler's glyph boxes are clamped (PageReader.maxCoordinate).
        let page = PaintedShapes.Box(x0: 0, y0: 0, x1: min(shapes.width, 1e6), y1: min(shapes.height, 1e6))
        let darkest = Double(settings.darkThreshold) / 255
        func isInk(_ luma: Double?) -> Bool { luma.map { $0 < darkest } ?? true }
        var pieces: [Piece] = []
        for s in shapes.segments where isInk(s.luma) {
            let dx = abs(s.x1 - s.x0), dy = abs(s.y1 - s.y0)
            // Poppler draws a hairline (width 0, or thinner than a pixel) one pixel wide.
            let half = max(s.width, 1 / settings.scale) / 2
            if dy <= Self.slantTolerance, dx > dy {
                let y = (s.y0 + s.y1) / 2
                append(Piece(horizontal: true, low: y - half, high: y + half, start: min(s.x0, s.x1), end: max(s.x0, s.x1)), clip: s.clip, page: page, to: &pieces)
            } else if dx <= Self.slantTolerance, dy > dx {
                let x = (s.x0 + s.x1) / 2
                append(Piece(horizontal: false, low: x - half, high: x + half, start: min(s.y0, s.y1), end: max(s.y0, s.y1)), clip: s.clip, page: page, to: &pieces)
            }
        }
        for f in shapes.fills where isInk(f.luma) {
            let b = f.box
            // A box thinner than a pixel is drawn one pixel thick, about its middle.
            if b.height <= settings.maxThickness, b.width > b.height {
                let half = max(b.height, 1 / settings.scale) / 2, y = (b.y0 + b.y1) / 2
                append(Piece(horizontal: true, low: y - half, high: y + half, start: b.x0, end: b.x1), clip: f.clip, page: page, to: &pieces)
            } else if b.width <= settings.maxThickness, b.height > b.width {
                let half = max(b.width, 1 / settings.scale) / 2, x = (b.x0 + b.x1) / 2
                append(Piece(horizontal: false, low: x - half, high: x + half, start: b.y0, end: b.y1), clip: f.clip, page: page, to: &pieces)
            }
        }
        let cores = GlyphCores(glyphs: glyphs, inset: settings.glyphMaskInset)
        return join(pieces.filter(\.horizontal), .horizontal, cores: cores) + join(pieces.filter { !$0.horizontal }, .vertical, cores: cores)
    }

    /// Adds a piece cut to the clip and the page (nothing outside them is drawn).
    private func append(_ piece: Piece, clip: PaintedShapes.Box?, page: PaintedShapes.Box, to pieces: inout [Piece]) {
        var p = piece
        for box in [page, clip].compactMap({ $0 }) {
            let (across0, across1, along0, along1) = p.horizontal ? (box.y0, box.y1, box.x0, box.x1) : (box.x0, box.x1, box.y0, box.y1)
            // What is left of the stroke's width inside the box (a border half outside the clip
            // shows its inner half).
            p.low = max(p.low, across0)
            p.high = min(p.high, across1)
            guard p.high > p.low else { return }
            p.start = max(p.start, along0)
            p.end = min(p.end, along1)
            guard p.end > p.start else { return }
        }
        pieces.append(p)
    }

    /// Stacks touching parallel pieces, joins collinear ones, then keeps lines long enough, thin
    /// enough and not hidden inside glyphs.
    private func join(_ pieces: [Piece], _ orientation: RulingLine.Orientation, cores: GlyphCores) -> [RulingLine] {
        // Twice: a piece that bridges two lines merges into one of them in the first pass, and
        // the two meet in the second.
        let merged = stack(stack(pieces))
        return merged.compactMap { m in
            let thickness = m.high - m.low
            guard thickness <= settings.maxThickness, m.end - m.start >= settings.minLength else { return nil }
            let position = (m.low + m.high) / 2
            let exposed = (m.end - m.start) - cores.covered(orientation, at: position, from: m.start, to: m.end)
            guard exposed >= settings.minLength else { return nil }
            return RulingLine(orientation: orientation, position: position, start: m.start, end: m.end, thickness: thickness)
        }
    }

    private func stack(_ pieces: [Piece]) -> [Piece] {
        let sorted = pieces.sorted { ($0.low, $0.start) < ($1.low, $1.start) }
        var merged: [Piece] = []
        for p in sorted {
            // Candidates lie within a few points across (sorted by `low`, so look back a little).
            var k = merged.count - 1
            var target = -1
            while k >= 0, merged[k].low >= p.low - settings.maxThickness - 2 * Self.touching - 4 {
                let m = merged[k]
                let acrossTouch = p.low <= m.high + Self.touching && m.low <= p.high + Self.touching
                let alongTouch = p.start <= m.end + settings.joinGap && m.start <= p.end + settings.joinGap
                if acrossTouch && alongTouch { target = k; break }
                k -= 1
            }
            if target >= 0 {
                var m = merged[target]
                m.low = min(m.low, p.low); m.high = max(m.high, p.high)
                m.start = min(m.start, p.start); m.end = max(m.end, p.end)
                merged[target] = m
                // Keep the array ordered by `low` for the look-back.
                var t = target
                while t > 0, merged[t - 1].low > merged[t].low { merged.swapAt(t - 1, t); t -= 1 }
            } else {
                merged.append(p)
            }
        }
        return merged
    }
}

/// The inner parts of glyph boxes, bucketed for lookup: a line lying mostly inside glyphs is a
/// stroke of a character drawn as a path (一, a dash), not a border.
struct GlyphCores {
    private var boxes: [Rect] = []
    private var rows: [Int: [Int]] = [:]
    private var columns: [Int: [Int]] = [:]
    private static let bucket = 16.0

    init(glyphs: [Glyph], inset: Double) {
        for g in glyphs where !g.isWhitespace {
            let b = g.box.insetBy(dx: g.box.width * inset, dy: g.box.height * inset)
            guard b.x1 > b.x0, b.y1 > b.y0, b.width < 2000, b.height < 2000 else { continue }
            let i = boxes.count
            boxes.append(b)
            for r in Int((b.y0 / Self.bucket).rounded(.down))...Int((b.y1 / Self.bucket).rounded(.down)) { rows[r, default: []].append(i) }
            for c in Int((b.x0 / Self.bucket).rounded(.down))...Int((b.x1 / Self.bucket).rounded(.down)) { columns[c, default: []].append(i) }
        }
    }

    /// Length of `from…to` along a line at `position` that lies inside glyph cores.
    func covered(_ orientation: RulingLine.Orientation, at position: Double, from: Double, to: Double) -> Double {
        guard position.isFinite, abs(position) < 1e7 else { return 0 }
        let key = Int((position / Self.bucket).rounded(.down))
        let candidates = (orientation == .horizontal ? rows[key] : columns[key]) ?? []
        var spans: [(Double, Double)] = []
        for i in candidates {
            let b = boxes[i]
            let (across0, across1, along0, along1) = orientation == .horizontal ? (b.y0, b.y1, b.x0, b.x1) : (b.x0, b.x1, b.y0, b.y1)
            guard position >= across0, position <= across1 else { continue }
            let s = max(along0, from), e = min(along1, to)
            if e > s { spans.append((s, e)) }
        }
        spans.sort { $0.0 < $1.0 }
        var total = 0.0, reach = -Double.infinity
        for (s, e) in spans {
            if e <= reach { continue }
            total += e - max(s, reach)
            reach = e
        }
        return total
    }
}
