import CPoppler

/// A greyscale raster of a page: one byte per pixel, 0 = black, 255 = white.
public struct GrayRaster: Sendable {
    public var width: Int
    public var height: Int
    /// Pixels per PDF point.
    public var scale: Double
    public var pixels: [UInt8]

    public init(width: Int, height: Int, scale: Double, pixels: [UInt8]) {
        self.width = width; self.height = height; self.scale = scale; self.pixels = pixels
    }

    /// How much redder than green and blue a pixel must be to count as a seal's red: print is
    /// black or grey (its channels alike); yellowed paper and JPEG colour noise differ by far less.
    static let minRedExcess: UInt32 = 60

    /// Whether the colour (channels 0…255) is a strong red.
    @inline(__always) static func isRed(_ r: UInt32, _ g: UInt32, _ b: UInt32) -> Bool {
        r >= max(g, b) + minRedExcess
    }
}

/// A page as ink: per pixel `paper`, `ink`, or `core` (ink inside a glyph's core, marked by the
/// scanner). Made straight from the cairo surface, without an intermediate grey image.
struct InkRaster {
    static let paper: UInt8 = 0
    static let core: UInt8 = 1
    static let ink: UInt8 = 2
    var width: Int
    var height: Int
    var scale: Double
    var pixels: [UInt8]
}

/// A cairo image surface kept for reuse: a document renders page after page at one size, and a
/// fresh 2 MB surface per page costs more in page faults than the rendering of a table page's lines.
final class RasterSurface {
    let width: Int
    let height: Int
    let surface: OpaquePointer

    init?(width: Int, height: Int) {
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else { return nil }
        self.width = width; self.height = height; self.surface = s
    }

    deinit { cairo_surface_destroy(surface) }
}

/// Renders a page through cairo into a `GrayRaster`. The cairo objects never escape this type.
enum PageRasterizer {
    /// Largest raster rendered, in pixels (an A0 page at 1 px/pt is 8 million). A page box of a
    /// hostile PDF can be kilometres wide; such a page gets no raster and so no ruling lines.
    static let maxPixels = 64_000_000
    /// cairo's own limit on either side of an image surface.
    static let maxSide = 32_767

    /// The raster size for a page, or nil when it is empty, not finite or too large to render.
    static func rasterSize(width: Double, height: Double, scale: Double) -> (width: Int, height: Int)? {
        let fw = (width * scale).rounded(.up), fh = (height * scale).rounded(.up)
        guard fw.isFinite, fh.isFinite, fw >= 1, fh >= 1, fw <= Double(maxSide), fh <= Double(maxSide), fw * fh <= Double(maxPixels) else {
            return nil
        }
        return (Int(fw), Int(fh))
    }

    /// Renders the page and thresholds it in one pass: a pixel is ink when its luma is below `threshold`.
    static func renderInk(page: OpaquePointer, width: Double, height: Double, scale: Double, threshold: UInt8,
                          reusing cache: inout RasterSurface?) -> InkRaster? {
        guard let (w, h) = rasterSize(width: width, height: height, scale: scale),
              let data = draw(page: page, w: w, h: h, scale: scale, reusing: &cache) else { return nil }
        var pixels = [UInt8](repeating: InkRaster.paper, count: w * h)
        let stride = Int(cairo_image_surface_get_stride(cache!.surface))
        let limit = UInt32(threshold) << 8
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let base = y * w
                for x in 0..<w {
                    let p = row[x]
                    if p == 0x00FF_FFFF || p == 0xFFFF_FFFF { continue }  // paper: the common case
                    let luma = ((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29
                    if luma < limit { out[base + x] = InkRaster.ink }
                }
            }
        }
        return InkRaster(width: w, height: h, scale: scale, pixels: pixels)
    }

    /// Paints the page white-backed into the cached surface; returns its pixel data.
    static func draw(page: OpaquePointer, w: Int, h: Int, scale: Double, reusing cache: inout RasterSurface?) -> UnsafeMutablePointer<UInt8>? {
        if cache == nil || cache!.width != w || cache!.height != h { cache = RasterSurface(width: w, height: h) }
        guard let target = cache else { return nil }
        let cr = cairo_create(target.surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(target.surface)
        return cairo_image_surface_get_data(target.surface)
    }
}
