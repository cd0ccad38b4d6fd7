/// A greyscale picture: one byte per pixel, row by row, 0 = black, 255 = white.
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "pixel count must be width × height")
        self.width = width; self.height = height; self.pixels = pixels
    }

    public init(width: Int, height: Int, filledWith value: UInt8) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: max(0, width * height)))
    }

    @inline(__always) public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The pixels of a rectangle (clamped to the picture), `x0..<x1`, `y0..<y1`.
    public func cropped(x0: Int, y0: Int, x1: Int, y1: Int) -> GrayImage {
        let ax = max(0, x0), ay = max(0, y0), bx = min(width, x1), by = min(height, y1)
        guard bx > ax, by > ay else { return GrayImage(width: 0, height: 0, pixels: []) }
        var out = [UInt8]()
        out.reserveCapacity((bx - ax) * (by - ay))
        for y in ay..<by { out += pixels[(y * width + ax)..<(y * width + bx)] }
        return GrayImage(width: bx - ax, height: by - ay, pixels: out)
    }

    /// The picture on a white border `margin` pixels wide (Tesseract reads text touching the
    /// image edge badly).
    public func padded(_ margin: Int) -> GrayImage {
        var out = GrayImage(width: width + 2 * margin, height: height + 2 * margin, filledWith: 255)
        for y in 0..<height {
            let to = (y + margin) * out.width + margin
            out.pixels.replaceSubrange(to..<(to + width), with: pixels[(y * width)..<(y * width + width)])
        }
        return out
    }

    /// The picture turned counter-clockwise by `degrees` (90, 180 or 270; anything else leaves it
    /// as it is): a picture whose content is turned that far clockwise comes back upright.
    public func turnedBack(_ degrees: Int) -> GrayImage {
        guard [90, 180, 270].contains(degrees), width > 0, height > 0 else { return self }
        let (w, h) = degrees == 180 ? (width, height) : (height, width)
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                // The source pixel of (x, y) in the upright picture.
                let (sx, sy) = degrees == 90 ? (width - 1 - y, x) : degrees == 270 ? (y, height - 1 - x) : (width - 1 - x, height - 1 - y)
                out[y * w + x] = pixels[sy * width + sx]
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// The picture resampled by `factor` (bilinear): small scans are enlarged before OCR, which
    /// reads best at a cap height of 30–40 pixels.
    public func scaled(by factor: Double) -> GrayImage {
        let w = max(1, Int((Double(width) * factor).rounded())), h = max(1, Int((Double(height) * factor).rounded()))
        guard width > 1, height > 1 else { return self }
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let sy = min(Double(height - 1), max(0, (Double(y) + 0.5) / factor - 0.5))
            let y0 = Int(sy), y1 = min(height - 1, y0 + 1), fy = sy - Double(y0)
            for x in 0..<w {
                let sx = min(Double(width - 1), max(0, (Double(x) + 0.5) / factor - 0.5))
                let x0 = Int(sx), x1 = min(width - 1, x0 + 1), fx = sx - Double(x0)
                let top = Double(self[x0, y0]) * (1 - fx) + Double(self[x1, y0]) * fx
                let bottom = Double(self[x0, y1]) * (1 - fx) + Double(self[x1, y1]) * fx
                out[y * w + x] = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// The picture with its paper brought to white: every level divided by the paper's
    /// (`paper`, e.g. the median of a cell), so grey paper becomes 255 while faint strokes keep
    /// their contrast. Tesseract reads a cell on grey paper inside a white margin badly (the
    /// margin's edge looks like a frame to it); cutting the paper at a global ink threshold
    /// instead breaks the thin strokes of a 150 dpi scan.
    public func paperStretched(paper: UInt8) -> GrayImage {
        let scale = 255 / max(1, Double(paper))
        return GrayImage(width: width, height: height, pixels: pixels.map { UInt8(min(255, (Double($0) * scale).rounded())) })
    }

    /// The median grey level (the paper's, for a cell that is mostly paper).
    public var median: UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
        var seen = 0
        for (level, count) in histogram.enumerated() {
            seen += count
            if seen * 2 >= pixels.count { return UInt8(level) }
        }
        return 255
    }
}
