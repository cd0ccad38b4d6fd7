import CPoppler

/// What OCR needs from a page: whether it is a picture, at what resolution, and the page as grey pixels.
extension PDFDocument {
    /// A page that is one large picture (a scan): the picture's resolution in pixels per point,
    /// and how much of the page it covers (0…1).
    public struct PageImageInfo: Sendable, Equatable {
        public var pixelsPerPoint: Double
        public var coverage: Double
    }

    /// The largest image drawn on the page, if any (nil: the page draws none). Remembered for the
    /// last page asked: finding it decodes the image, and a scanned page is asked twice (is it a
    /// scan? at what resolution?).
    public func largestImage(page index: Int) -> PageImageInfo? {
        if let last = lastLargestImage, last.index == index { return last.info }
        let info = decodedLargestImage(page: index)
        lastLargestImage = (index, info)
        return info
    }

    private func decodedLargestImage(page index: Int) -> PageImageInfo? {
        withPage(index) { page -> PageImageInfo? in
            let size = PageReader.size(of: page)
            guard size.width > 0, size.height > 0, let list = poppler_page_get_image_mapping(page) else { return nil }
            defer { poppler_page_free_image_mapping(list) }
            var best: PageImageInfo?
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                defer { node = n.pointee.next }
                guard let mapping = n.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self).pointee else { continue }
                let w = abs(mapping.area.x2 - mapping.area.x1), h = abs(mapping.area.y2 - mapping.area.y1)
                let coverage = min(1, (w * h) / (size.width * size.height))
                guard w > 0, coverage > (best?.coverage ?? 0), let surface = poppler_page_get_image(page, mapping.image_id) else { continue }
                let pixels = Double(cairo_image_surface_get_width(surface))
                cairo_surface_destroy(surface)
                best = PageImageInfo(pixelsPerPoint: pixels / w, coverage: coverage)
            }
            return best
        } ?? nil
    }

    /// The page rendered at `scale` pixels per point as grey (luma) pixels, white-backed; nil
    /// when the page is too large to render. Strongly red pixels (`GrayRaster.isRed`) take their
    /// red channel instead, light as paper: a red seal stamped over a colour scan's table then
    /// no longer covers its cells, while black print under the seal stays black.
    public func grayRaster(page index: Int, scale: Double) -> GrayRaster? {
        withPage(index) { page -> GrayRaster? in
            let size = PageReader.size(of: page)
            var cache: RasterSurface?
            guard let (w, h) = PageRasterizer.rasterSize(width: size.width, height: size.height, scale: scale),
                  let data = PageRasterizer.draw(page: page, w: w, h: h, scale: scale, reusing: &cache), let surface = cache else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface.surface))
            var pixels = [UInt8](repeating: 255, count: w * h)
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let p = row[x]
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    pixels[y * w + x] = UInt8(GrayRaster.isRed(r, g, b) ? r : (r * 77 + g * 150 + b * 29) >> 8)
                }
            }
            return GrayRaster(width: w, height: h, scale: scale, pixels: pixels)
        } ?? nil
    }
}
