import CPoppler
import PageGeometry

/// Text and size of one `PopplerPage`; every C allocation is freed before returning.
enum PageReader {
    /// The page's size in the space of its text layout and its rendering.
    ///
    /// Poppler applies the page's /Rotate to both (`poppler_page_get_text_layout` and
    /// `poppler_page_render` give upright coordinates), so a page with /Rotate 90 or 270 is as wide
    /// as its crop box is high. The crop box gives the size (not the media box); its sides are
    /// swapped when `poppler_page_get_size`, which knows the rotation, says the page is turned.
    static func size(of page: OpaquePointer) -> (width: Double, height: Double) {
        var box = PopplerRectangle()
        poppler_page_get_crop_box(page, &box)
        var w = abs(box.x2 - box.x1), h = abs(box.y2 - box.y1)
        var rw = 0.0, rh = 0.0
        poppler_page_get_size(page, &rw, &rh)
        if !rw.isFinite || !rh.isFinite { rw = 0; rh = 0 }
        guard w > 0, h > 0, w.isFinite, h.isFinite else { return (min(abs(rw), maxCoordinate), min(abs(rh), maxCoordinate)) }
        // A /Rotate 90 or 270 page: text and rendering are upright, so the box is too.
        if abs(w - h) > 0.5, rw > 0, rh > 0, (rw > rh) != (w > h) { swap(&w, &h) }
        return (min(w, maxCoordinate), min(h, maxCoordinate))
    }

    /// Coordinates are clamped to ±this many points (about 350 m). A hostile PDF can scale text
    /// to 1e30 pt or to infinity; real pages stay below 15 000 pt (200 in, the PDF limit without
    /// UserUnit), and every integer conversion downstream stays in range.
    static let maxCoordinate = 1_000_000.0

    private static func clamp(_ v: Double) -> Double { min(max(v, -maxCoordinate), maxCoordinate) }

    /// One `Glyph` per character of `poppler_page_get_text`, boxed by `poppler_page_get_text_layout`
    /// (the two are index-aligned by Unicode scalar). Line breaks Poppler inserts are dropped; they
    /// only serve to tell in which direction the page's text runs (`TextDirection`).
    ///
    /// `drawn`: the characters as the content stream draws them, for a page whose text Poppler
    /// may read backwards (`DrawnText`). The direction they advance in wins over the vote; and
    /// where most of Poppler's steps run against it, Poppler has turned the page's text around
    /// (listed backwards, boxed on the wrong side of the baselines) and the drawn characters are
    /// the page's glyphs.
    static func text(of page: OpaquePointer, drawn: DrawnText? = nil) -> PageText {
        guard let rawText = poppler_page_get_text(page) else { return PageText(glyphs: [], direction: .upright) }
        defer { g_free(rawText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else { return PageText(glyphs: [], direction: .upright) }
        defer { g_free(rects) }
        let text = String(cString: rawText)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(count))
        var votes = TextDirection.Votes()
        var i = 0
        let n = Int(count)
        var previous: Rect?
        for scalar in text.unicodeScalars {
            guard i < n else { break }
            let r = rects[i]
            i += 1
            if scalar == "\n" || scalar == "\r" { previous = nil; continue }
            // A glyph without a finite box (a degenerate text matrix) has no place on the page.
            guard r.x1.isFinite, r.y1.isFinite, r.x2.isFinite, r.y2.isFinite else { continue }
            let box = Rect(x0: clamp(r.x1), y0: clamp(r.y1), x1: clamp(r.x2), y1: clamp(r.y2))
            let glyph = Glyph(text: String(scalar), box: box)
            if glyph.isWhitespace {
                previous = nil
            } else {
                if let p = previous { votes.add(from: p, to: box) }
                previous = box
            }
            glyphs.append(glyph)
        }
        guard let drawn else { return PageText(glyphs: glyphs, direction: votes.winner) }
        let direction = drawn.direction
        let along = votes.counts[direction.rawValue / 90], against = votes.counts[(direction.rawValue + 180) % 360 / 90]
        return PageText(glyphs: against > along ? drawn.glyphs : glyphs, direction: direction)
    }
}

/// A page's characters and the direction most of its text runs in.
public struct PageText: Sendable {
    public var glyphs: [Glyph]
    public var direction: TextDirection

    public init(glyphs: [Glyph], direction: TextDirection) {
        self.glyphs = glyphs
        self.direction = direction
    }
}
