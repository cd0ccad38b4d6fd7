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
        if w > 0, h > 0 { return (w, h) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        return (width, height)
    }

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
            let box = Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            glyphs.append(Glyph(text: String(scalar), box: box))
        }
        return glyphs
    }
}
