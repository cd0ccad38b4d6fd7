/// The text lines of a block of running text, as bands of rows: rows holding ink, separated by
/// rows of paper. Used to cut a block between two lines (never through one) so that its first
/// lines can be read alone.
public enum TextLineBands {
    /// The rows `start..<end` of each line, top to bottom. A row is ink when it holds at least
    /// `minInk` pixels darker than `threshold` (scanner specks are single pixels); gaps of fewer
    /// than `minGap` rows join their neighbours (the strokes of 二 or 三 leave such gaps, a
    /// line's spacing does not); bands shorter than `minHeight` rows are noise and dropped.
    public static func bands(_ image: GrayImage, threshold: UInt8, minInk: Int = 3, minGap: Int, minHeight: Int) -> [Range<Int>] {
        var raw: [Range<Int>] = []
        var start: Int?
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<image.height {
                var count = 0
                for x in 0..<image.width where p[y * image.width + x] < threshold { count += 1 }
                if count >= minInk {
                    if start == nil { start = y }
                } else if let s = start {
                    raw.append(s..<y); start = nil
                }
            }
        }
        if let s = start { raw.append(s..<image.height) }
        var joined: [Range<Int>] = []
        for band in raw {
            if let last = joined.last, band.lowerBound - last.upperBound < minGap {
                joined[joined.count - 1] = last.lowerBound..<band.upperBound
            } else {
                joined.append(band)
            }
        }
        return joined.filter { $0.count >= minHeight }
    }

    /// The row halfway through the paper after the `count`-th line, or nil when the block has no
    /// more than `count` lines (nothing would be left below the cut).
    public static func cut(after count: Int, in bands: [Range<Int>]) -> Int? {
        guard count > 0, bands.count > count else { return nil }
        return (bands[count - 1].upperBound + bands[count].lowerBound) / 2
    }
}
