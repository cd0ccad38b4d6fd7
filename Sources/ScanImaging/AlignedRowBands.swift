/// Text lines cut into pieces by wide gaps: what tells a page holding a table drawn without lines
/// (a row is a label and a run of numbers standing apart) from a page of running text (a line is
/// one piece, an indented or right-aligned one two), before the costly recognition of the page.
public enum AlignedRowBands {
    /// How many of the page's text lines hold at least `minPieces` pieces of ink separated by gaps
    /// of at least `gapInLineHeights` times the line's height.
    public static func rowCount(_ image: GrayImage, threshold: UInt8, dpi: Double, minPieces: Int = 4, gapInLineHeights: Double = 1.5) -> Int {
        let points = dpi / 72
        let bands = TextLineBands.bands(image, threshold: threshold, minGap: max(2, Int(2 * points)), minHeight: max(3, Int(4 * points)))
        return bands.filter { pieces(in: $0, image, threshold: threshold, minGap: Int(gapInLineHeights * Double(min($0.count, Int(14 * points))))) >= minPieces }.count
    }

    /// Runs of columns holding ink within the rows `band`, apart by at least `minGap` columns.
    static func pieces(in band: Range<Int>, _ image: GrayImage, threshold: UInt8, minGap: Int) -> Int {
        var count = 0, lastInk = -1
        image.pixels.withUnsafeBufferPointer { p in
            for x in 0..<image.width {
                var inked = 0
                for y in band where p[y * image.width + x] < threshold { inked += 1 }
                guard inked >= 2 else { continue }
                if lastInk < 0 || x - lastInk > minGap { count += 1 }
                lastInk = x
            }
        }
        return count
    }
}

extension GrayImage {
    /// The picture with the pixels inside `boxes` (x0, y0, x1, y1; clamped) set to `level`: ruling
    /// lines painted over with paper before a page is read as text.
    public func painted(_ boxes: [(x0: Int, y0: Int, x1: Int, y1: Int)], level: UInt8) -> GrayImage {
        var out = self
        for b in boxes {
            let ax = max(0, b.x0), ay = max(0, b.y0), bx = min(width, b.x1), by = min(height, b.y1)
            guard bx > ax, by > ay else { continue }
            for y in ay..<by { for x in ax..<bx { out.pixels[y * width + x] = level } }
        }
        return out
    }

    /// The columns `x0..<x1` widened left and right over ink within the rows `y0..<y1` that stands
    /// no more than `gap` columns from what is already inside: a number's whole ink when
    /// Tesseract's box holds only some of its digits.
    public func widenedOverInk(x0: Int, x1: Int, y0: Int, y1: Int, threshold: UInt8, gap: Int) -> (x0: Int, x1: Int) {
        let ry0 = max(0, y0), ry1 = min(height, y1)
        func inked(_ x: Int) -> Bool {
            guard x >= 0, x < width, ry1 > ry0 else { return false }
            var count = 0
            for y in ry0..<ry1 where pixels[y * width + x] < threshold { count += 1; if count >= 2 { return true } }
            return false
        }
        var lo = max(0, x0), hi = min(width, x1)
        var x = lo - 1
        while x >= 0, lo - x <= gap + 1 { if inked(x) { lo = x }; x -= 1 }
        x = hi
        while x < width, x - hi < gap { if inked(x) { hi = x + 1 }; x += 1 }
        return (lo, hi)
    }
}

extension GrayImage {
    /// The picture with every stroke that touches its left or right edge painted `paper`: a cell
    /// cut from a table without borders keeps only its own ink, not the end of a neighbour's text
    /// reaching over the column's edge (read with the cell's value, it makes a 0 a 40).
    public func withoutInkTouchingSides(threshold: UInt8, paper: UInt8) -> GrayImage {
        guard width > 2, height > 0 else { return self }
        var out = self
        var stack: [Int] = []
        for y in 0..<height { for x in [0, width - 1] where out.pixels[y * width + x] < threshold { stack.append(y * width + x) } }
        while let p = stack.popLast() {
            guard out.pixels[p] < threshold else { continue }
            out.pixels[p] = paper
            let x = p % width, y = p / width
            for dy in -1...1 {
                for dx in -1...1 where dx != 0 || dy != 0 {
                    let nx = x + dx, ny = y + dy
                    if nx >= 0, ny >= 0, nx < width, ny < height, out.pixels[ny * width + nx] < threshold { stack.append(ny * width + nx) }
                }
            }
        }
        return out
    }
}
