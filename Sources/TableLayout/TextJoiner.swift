import PageGeometry

/// Turns glyphs into text. Chinese text is written without spaces, so a line break inside a cell
/// (a wrapped label) joins with nothing; a space is kept only where two Latin/digit runs would fuse.
enum TextJoiner {
    static func join(_ glyphs: [Glyph]) -> String {
        var out = ""
        var previous: Glyph?
        for g in glyphs where !g.isWhitespace {
            if let p = previous {
                let gap = g.box.x0 - p.box.x1
                let h = max(p.box.height, g.box.height)
                if gap > 0.25 * h, isLatin(p.text), isLatin(g.text) { out += " " }
            }
            out += g.text
            previous = g
        }
        return out
    }

    static func join(lines: [TextLine]) -> String {
        var out = ""
        for line in lines {
            let t = line.text
            if let last = out.last, let first = t.first, isLatin(String(last)), isLatin(String(first)), !isDigitLike(last) {
                out += " "
            }
            out += t
        }
        return out
    }

    private static func isDigitLike(_ c: Character) -> Bool { c.isNumber }

    private static func isLatin(_ s: String) -> Bool {
        guard let u = s.unicodeScalars.first else { return false }
        return u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil)
    }
}
