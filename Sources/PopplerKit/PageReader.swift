import CPoppler
import PageGeometry

/// Text and size of one `PopplerPage`; every C allocation is freed before returning.
enum PageReader {
    static func size(of page: OpaquePointer) -> (width: Double, height: Double) {
        // The text layout and rendering use the crop box without the page's /Rotate,
        // so report that box's size to keep all coordinates in one space.
        var box = PopplerRectangle()
        poppler_page_get_crop_box(page, &box)
        let w = abs(box.x2 - box.x1), h = abs(box.y2 - box.y1)
        if w > 0, h > 0, w.isFinite, h.isFinite { return (min(w, maxCoordinate), min(h, maxCoordinate)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width.isFinite, height.isFinite else { return (0, 0) }
        return (min(abs(width), maxCoordinate), min(abs(height), maxCoordinate))
    }

    /// Coordinates are clamped to ±this many points (about 350 m). A hostile PDF can scale text
    /// to 1e30 pt or to infinity; real pages stay below 15 000 pt (200 in, the PDF limit without
    /// UserUnit), and every integer conversion downstream stays in range.
    static let maxCoordinate = 1_000_000.0

    private static func clamp(_ v: Double) -> Double { min(max(v, -maxCoordinate), maxCoordinate) }

    /// One `Glyph` per character of `poppler_page_get_text`, boxed by `poppler_page_get_text_layout`
    /// (the two are index-aligned by Unicode scalar). Line breaks Poppler inserts are dropped.
    static func glyphs(of page: OpaquePointer) -> [Glyph] {
        guard let rawText = poppler_page_get_text(page) else { return [] }
        defer { g_free(rawText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }
        let text = String(cString: rawText)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(count))
        var i = 0
        let n = Int(count)
        for scalar in text.unicodeScalars {
            guard i < n else { break }
            let r = rects[i]
            i += 1
            if scalar == "\n" || scalar == "\r" { continue }
            // A glyph without a finite box (a degenerate text matrix) has no place on the page.
            guard r.x1.isFinite, r.y1.isFinite, r.x2.isFinite, r.y2.isFinite else { continue }
            let box = Rect(x0: clamp(r.x1), y0: clamp(r.y1), x1: clamp(r.x2), y1: clamp(r.y2))
            glyphs.append(Glyph(text: String(scalar), box: box))
        }
        return glyphs
    }
}
