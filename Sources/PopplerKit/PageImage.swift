import CPoppler
import PageGeometry

/// Why an image could not be made, written or read.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
    init(status: cairo_status_t) { self.description = String(cString: cairo_status_to_string(status)) }
}

/// One pixel as 8-bit red, green, blue and alpha (not premultiplied).
public struct Pixel: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8
}

/// A rendered page (or a PNG read back): owns a cairo image surface. Pixels are addressed from the
/// top-left corner; `scale` pixels make one PDF point.
public final class PageImage {
    let surface: OpaquePointer
    public let width: Int
    public let height: Int
    /// Pixels per point (1 for images read from PNG).
    public let scale: Double

    init(surface: OpaquePointer, scale: Double) {
        self.surface = surface
        self.width = Int(cairo_image_surface_get_width(surface))
        self.height = Int(cairo_image_surface_get_height(surface))
        self.scale = scale
    }

    deinit { cairo_surface_destroy(surface) }

    /// Reads a PNG file (cairo's PNG reader), e.g. to check what `inspect` wrote.
    public convenience init(pngPath path: String) throws(ImageError) {
        guard let s = cairo_image_surface_create_from_png(path) else { throw ImageError("cannot read \(path)") }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(s); throw ImageError(status: status) }
        self.init(surface: s, scale: 1)
    }

    /// The pixel at column `x`, row `y` (nil outside the image).
    public func pixel(x: Int, y: Int) -> Pixel? {
        // The surface was flushed after drawing (or comes from a PNG), so its data is current.
        guard x >= 0, y >= 0, x < width, y < height, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let p = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)[x]
        let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
        let a = hasAlpha ? UInt32((p >> 24) & 0xFF) : 255
        func channel(_ shift: UInt32) -> UInt8 {
            let v = (p >> shift) & 0xFF
            guard a > 0 else { return 0 }
            return UInt8(min(255, a == 255 ? v : v * 255 / a))  // cairo stores premultiplied alpha
        }
        return Pixel(red: channel(16), green: channel(8), blue: channel(0), alpha: UInt8(a))
    }

    /// The image as PNG bytes (cairo's PNG writer).
    public func pngData() throws(ImageError) -> [UInt8] {
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw ImageError(status: status) }
        return sink.bytes
    }

    /// Writes the image as a PNG file (cairo's PNG writer).
    public func writePNG(path: String) throws(ImageError) {
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else { throw ImageError(status: status) }
    }
}

/// Collects what cairo writes through a `cairo_write_func_t`.
final class ByteSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
        return CAIRO_STATUS_SUCCESS
    }
}

extension PDFDocument {
    /// Renders the page at 0-based `index` at `scale` pixels per point on white, then draws
    /// `overlay` over it. `region` (points) crops the image to that part of the page; without it
    /// the image is the page size × `scale`, rounded up. Nil when there is no such page or cairo
    /// cannot make the surface.
    public func renderPage(_ index: Int, scale: Double = 2, overlay: [OverlayShape] = [], region: Rect? = nil) -> PageImage? {
        withPage(index) { page -> PageImage? in
            let size = PageReader.size(of: page)
            let area = region ?? Rect(x0: 0, y0: 0, x1: size.width, y1: size.height)
            let w = max(1, Int((area.width * scale).rounded(.up)))
            let h = max(1, Int((area.height * scale).rounded(.up)))
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(surface); return nil }
            let cr = cairo_create(surface)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            cairo_translate(cr, -area.x0, -area.y0)
            poppler_page_render(page, cr)
            OverlayRenderer.draw(overlay, on: cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            return PageImage(surface: surface, scale: scale)
        } ?? nil
    }

    /// A PDF (bytes) with one page per entry: the page at 0-based `index`, drawn as vectors through
    /// cairo's PDF surface at its own size, with `overlay` over it.
    public func overlaidPDF(_ pages: [(index: Int, overlay: [OverlayShape])]) throws(ImageError) -> [UInt8] {
        let sink = ByteSink()
        let first = pages.first.flatMap { pageSize($0.index) } ?? (595, 842)
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), first.width, first.height) else {
            throw ImageError("cannot create a PDF surface")
        }
        var failure: ImageError?
        withExtendedLifetime(sink) {
            for entry in pages {
                _ = withPage(entry.index) { page in
                    let size = PageReader.size(of: page)
                    cairo_pdf_surface_set_size(surface, size.width, size.height)
                    let cr = cairo_create(surface)
                    poppler_page_render(page, cr)
                    OverlayRenderer.draw(entry.overlay, on: cr)
                    cairo_show_page(cr)
                    cairo_destroy(cr)
                }
            }
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            if status != CAIRO_STATUS_SUCCESS { failure = ImageError(status: status) }
            cairo_surface_destroy(surface)
        }
        if let failure { throw failure }
        return sink.bytes
    }
}
