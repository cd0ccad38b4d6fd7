import PageGeometry

/// A page's characters as its content stream draws them (`pp_document_drawn_text`): read for pages
/// with Type 3 fonts, where Poppler's text layout may turn the text around (`DrawnText.cpp`: a
/// mirrored font matrix makes it read text running down the page as running up, upside-down text
/// as upright, list the characters backwards and box them on the wrong side of their baselines).
/// Where a character goes next (its advance) does not depend on the font's matrix.
struct DrawnText: Sendable {
    struct Character: Sendable {
        /// Where it starts on its baseline, and its advance, in the displayed page (y down).
        var x, y, dx, dy: Double
        /// The em, in points.
        var size: Double
        var text: String
    }

    var characters: [Character]

    /// How far a glyph's box reaches above and below its baseline, in ems: a CJK font's design
    /// box (880 and 120 of 1000 units), which is where the ink of the characters of a report lies.
    static let ascent = 0.88
    static let descent = 0.12

    /// How many characters advance right, down, left and up (`TextDirection.Votes` order).
    var advanceCounts: [Int] {
        var counts = [0, 0, 0, 0]
        for c in characters where c.dx != 0 || c.dy != 0 {
            if abs(c.dx) >= abs(c.dy) { counts[c.dx > 0 ? 0 : 2] += 1 } else { counts[c.dy > 0 ? 1 : 3] += 1 }
        }
        return counts
    }

    /// The direction most characters advance in.
    var direction: TextDirection { TextDirection.Votes(counts: advanceCounts).winner }

    /// One glyph per Unicode scalar, in content-stream order. Its box runs along the advance (a
    /// character mapped to several scalars shares it out) and across from `ascent` above the
    /// baseline to `descent` below, above being where the glyph's top points: the advance turned a
    /// quarter counter-clockwise as seen on the page.
    var glyphs: [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(characters.count)
        for c in characters {
            let scalars = Array(c.text.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            let length = (c.dx * c.dx + c.dy * c.dy).squareRoot()
            // The top's direction: (dy, -dx) over the length (y down); none without an advance.
            let (tx, ty) = length > 0 ? (c.dy / length, -c.dx / length) : (0.0, -1.0)
            let up = Self.ascent * c.size, down = Self.descent * c.size
            for (k, scalar) in scalars.enumerated() {
                let s = Double(k) / Double(scalars.count), e = Double(k + 1) / Double(scalars.count)
                let xs = [c.x + s * c.dx, c.x + e * c.dx].flatMap { [$0 + up * tx, $0 - down * tx] }
                let ys = [c.y + s * c.dy, c.y + e * c.dy].flatMap { [$0 + up * ty, $0 - down * ty] }
                let box = Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
                out.append(Glyph(text: String(scalar), box: box))
            }
        }
        return out
    }
}
