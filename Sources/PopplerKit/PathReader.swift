import PageGeometry
import PopplerPaths

/// What each page paints (`PaintedShapes`), read by Poppler's own content-stream interpreter
/// through the `PopplerPaths` target — no rendering, and no PDF parser of ours. Owns the second
/// Poppler document that target opens over the same bytes (poppler-glib keeps its own private).
///
/// Not thread-safe; one per `PDFDocument`.
final class PathReader {
    /// Bounds on one page's work; a page past them is rendered instead.
    struct Limits {
        var shapes = 400_000
        var operators = 4_000_000
        var seconds = 20.0
    }

    enum Failure: Error { case tooComplex, noPage }

    /// Build each page's `Gfx` with its /Font resources left out: no glyph is drawn here, and
    /// loading the fonts was the largest cost of reading paths. Measured over the 119 corpus and
    /// sample PDFs (CPU of `gongkai extract`, two rounds): 5.1 s without it, 4.7 s with it (main's
    /// own parser: 5.1 s), the same JSON for every file. The cost: text drawn as a clip (render
    /// mode 7) no longer clips what follows — a pattern fill behind text, never a table border.
    static let skipsPageFonts = true

    private let handle: OpaquePointer
    let pageCount: Int
    let limits: Limits

    /// Opens `bytes` with `password`; nil when Poppler cannot. Under `DocumentLifecycle`'s lock,
    /// as every Poppler document is created and destroyed (Poppler's global state).
    init?(bytes: [UInt8], password: String?, limits: Limits = Limits()) {
        let opened = DocumentLifecycle.locked {
            bytes.withUnsafeBufferPointer { buffer in
                if let password { return pp_document_open(buffer.baseAddress, buffer.count, password) }
                return pp_document_open(buffer.baseAddress, buffer.count, nil)
            }
        }
        guard let opened else { return nil }
        handle = opened
        pageCount = Int(pp_document_page_count(opened))
        self.limits = limits
    }

    deinit { DocumentLifecycle.locked { pp_document_close(handle) } }

    /// What the page at 0-based `index` paints.
    func shapes(page index: Int) throws(Failure) -> PaintedShapes {
        var raw = PPShapes()
        let bounds = PPLimits(max_shapes: limits.shapes, max_operators: limits.operators, max_seconds: limits.seconds)
        let status = pp_document_read_page(handle, Int32(index), bounds, Self.skipsPageFonts ? 1 : 0, &raw)
        defer { pp_shapes_free(&raw) }
        switch status {
        case PP_OK: return Self.shapes(from: raw)
        case PP_TOO_COMPLEX: throw .tooComplex
        default: throw .noPage
        }
    }

    /// The characters the page's content stream draws (`DrawnText`), read only for a page that
    /// draws text in a Type 3 font; nil for other pages and for a page past the limits.
    func drawnText(page index: Int) -> DrawnText? {
        guard pp_document_page_has_type3_font(handle, Int32(index)) != 0 else { return nil }
        return allDrawnText(page: index)
    }

    /// The characters the page's content stream draws, whatever its fonts; nil past the limits.
    func allDrawnText(page index: Int) -> DrawnText? {
        var raw = PPDrawnText()
        let bounds = PPLimits(max_shapes: limits.shapes, max_operators: limits.operators, max_seconds: limits.seconds)
        let status = pp_document_drawn_text(handle, Int32(index), bounds, &raw)
        defer { pp_drawn_text_free(&raw) }
        guard status == PP_OK else { return nil }
        let characters = UnsafeBufferPointer(start: raw.chars, count: raw.char_count).map { c in
            let codes = withUnsafeBytes(of: c.unicode) { Array($0.bindMemory(to: UInt32.self).prefix(Int(max(0, min(c.unicode_count, 4))))) }
            var text = ""
            for code in codes { if let scalar = Unicode.Scalar(code) { text.unicodeScalars.append(scalar) } }
            let glyph = c.font_num >= 0 ? DrawnText.GlyphID(font: Int(c.font_num), generation: Int(c.font_gen), code: UInt32(c.code)) : nil
            return DrawnText.Character(x: c.x, y: c.y, dx: c.dx, dy: c.dy, size: c.size, text: text,
                                       glyph: glyph, width: c.font_width >= 0 ? c.font_width : nil)
        }
        return DrawnText(characters: characters)
    }

    private static func shapes(from raw: PPShapes) -> PaintedShapes {
        var shapes = PaintedShapes(width: raw.width, height: raw.height)
        let page = PaintedShapes.Box(x0: 0, y0: 0, x1: raw.width, y1: raw.height)
        shapes.segments = UnsafeBufferPointer(start: raw.segments, count: raw.segment_count).map { s in
            PaintedShapes.Segment(x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1, width: s.width,
                                  luma: s.has_luma != 0 ? s.luma : nil, clip: box(s.clip))
        }
        shapes.fills = UnsafeBufferPointer(start: raw.fills, count: raw.fill_count).map { f in
            PaintedShapes.Fill(box: box(f.box), luma: f.has_luma != 0 ? f.luma : nil, clip: box(f.clip))
        }
        shapes.setsInvisibleText = raw.sets_invisible_text != 0
        // Only the visible part of an image counts.
        shapes.images = UnsafeBufferPointer(start: raw.images, count: raw.image_count).compactMap { i in
            box(i.box).intersection(box(i.clip))?.intersection(page)
        }
        return shapes
    }

    private static func box(_ b: PPBox) -> PaintedShapes.Box {
        PaintedShapes.Box(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
    }
}
