import PageGeometry

/// A page's characters as its content stream draws them (`pp_document_drawn_text`): read for pages
/// with Type 3 fonts, where Poppler's text layout may turn the text around (`DrawnText.cpp`: a
/// mirrored font matrix makes it read text running down the page as running up, upside-down text
/// as upright, list the characters backwards and box them on the wrong side of their baselines).
/// Where a character goes next (its advance) does not depend on the font's matrix.
public struct DrawnText: Sendable {
    /// Which glyph a character is: its code in its font (a CID font's CID), the font being
    /// known by its object number and generation. The same glyph ID draws the same shape.
    public struct GlyphID: Hashable, Sendable {
        public var font: Int, generation: Int
        public var code: UInt32

        public init(font: Int, generation: Int, code: UInt32) {
            self.font = font
            self.generation = generation
            self.code = code
        }
    }

    public struct Character: Sendable {
        /// Where it starts on its baseline, and its advance, in the displayed page (y down).
        public var x, y, dx, dy: Double
        /// The em, in points.
        public var size: Double
        public var text: String
        /// nil for text that a marked-content span's /ActualText gives rather than a glyph.
        public var glyph: GlyphID? = nil
        /// The glyph's own width in ems, as its font lists it (no character or word spacing).
        public var width: Double? = nil

        public init(x: Double, y: Double, dx: Double, dy: Double, size: Double, text: String, glyph: GlyphID? = nil, width: Double? = nil) {
            self.x = x; self.y = y; self.dx = dx; self.dy = dy
            self.size = size
            self.text = text
            self.glyph = glyph
            self.width = width
        }
    }

    public var characters: [Character]

    public init(characters: [Character]) { self.characters = characters }

    /// How far a glyph's box reaches above and below its baseline, in ems: a CJK font's design
    /// box (880 and 120 of 1000 units), which is where the ink of the characters of a report lies.
    static let ascent = 0.88
    static let descent = 0.12

    /// How many characters advance right, down, left and up (`TextDirection.Votes` order).
    public var advanceCounts: [Int] {
        var counts = [0, 0, 0, 0]
        for c in characters where c.dx != 0 || c.dy != 0 {
            if abs(c.dx) >= abs(c.dy) { counts[c.dx > 0 ? 0 : 2] += 1 } else { counts[c.dy > 0 ? 1 : 3] += 1 }
        }
        return counts
    }

    /// The direction most characters advance in.
    public var direction: TextDirection { TextDirection.Votes(counts: advanceCounts).winner }

    /// One glyph per Unicode scalar, in content-stream order. Its box runs along the advance (a
    /// character mapped to several scalars shares it out) and across from `ascent` above the
    /// baseline to `descent` below, above being where the glyph's top points: the advance turned a
    /// quarter counter-clockwise as seen on the page.
    public var glyphs: [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(characters.count)
        for c in characters {
            let scalars = Array(c.text.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            for (scalar, box) in zip(scalars, Self.boxes(of: c, parts: scalars.count)) {
                out.append(Glyph(text: String(scalar), box: box))
            }
        }
        return out
    }

    /// A character's box cut along its advance into `parts` equal boxes.
    static func boxes(of c: Character, parts: Int) -> [Rect] {
        let length = (c.dx * c.dx + c.dy * c.dy).squareRoot()
        // The top's direction: (dy, -dx) over the length (y down); none without an advance.
        let (tx, ty) = length > 0 ? (c.dy / length, -c.dx / length) : (0.0, -1.0)
        let up = Self.ascent * c.size, down = Self.descent * c.size
        return (0..<max(1, parts)).map { k in
            let s = Double(k) / Double(max(1, parts)), e = Double(k + 1) / Double(max(1, parts))
            let xs = [c.x + s * c.dx, c.x + e * c.dx].flatMap { [$0 + up * tx, $0 - down * tx] }
            let ys = [c.y + s * c.dy, c.y + e * c.dy].flatMap { [$0 + up * ty, $0 - down * ty] }
            return Rect(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
        }
    }
}
