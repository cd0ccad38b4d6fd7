import PageGeometry

/// A run of glyphs as a word processor sets them: CJK characters one em wide, ASCII half that,
/// all `size` points tall, from (`x`, `y`).
func glyphs(_ text: String, x: Double, y: Double, size: Double = 10) -> [Glyph] {
    var out: [Glyph] = []
    var cx = x
    for c in text {
        let w = c.isASCII ? size * 0.5 : size
        out.append(Glyph(text: String(c), box: Rect(x0: cx, y0: y, x1: cx + w, y1: y + size)))
        cx += w
    }
    return out
}
