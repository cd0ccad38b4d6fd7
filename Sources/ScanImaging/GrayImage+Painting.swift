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
