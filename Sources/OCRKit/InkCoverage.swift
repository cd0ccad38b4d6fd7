import ScanImaging

/// Where a picture's ink lies across it, to tell whether a reading accounts for all of it:
/// Tesseract's line model can drop a character of a blurred number and still be sure of the rest
/// (3050 read as 050 at 96 %, 2932 as 9), and the characters it gave are then centred well inside
/// the ink. Its character boxes are estimates narrower than the glyphs, so their centres are
/// what is compared, not their edges.
struct InkCoverage {
    /// The first and last columns holding ink: at least `minInkPerColumn` pixels darker than
    /// halfway from the picture's paper (its median) to its darkest ink; nil for a blank picture.
    let columns: ClosedRange<Int>?
    /// Rows from the first to the last holding ink: the height of the text.
    let textHeight: Int
    /// Fewest ink pixels that make a column part of a character (a speck is one or two).
    static let minInkPerColumn = 2
    /// Least contrast between paper and ink that is ink at all.
    static let minContrast = 32

    init(pixels: [UInt8], width: Int, height: Int) {
        let paper = Int(GrayImage(width: width, height: height, pixels: pixels).median)
        let darkest = Int(pixels.min() ?? 255)
        let level = UInt8((paper + darkest) / 2)
        var first: Int?, last = 0, top = height, bottom = -1
        for x in 0..<width {
            var count = 0
            for y in 0..<height where pixels[y * width + x] < level {
                count += 1
                top = min(top, y); bottom = max(bottom, y)
            }
            if count >= Self.minInkPerColumn { first = first ?? x; last = x }
        }
        columns = paper - darkest < Self.minContrast ? nil : first.map { $0...last }
        textHeight = max(0, bottom - top + 1)
    }

    /// The widest stretch of ink, in heights of the text, that the characters read (`spans`, their
    /// columns) leave without a character centred in it: from the ink's edges to the first and last
    /// character's centre, and half the distance between two neighbouring centres. A character's
    /// centre lies within half a glyph of its ink's edge; a dropped digit adds a whole one.
    func uncentredInk(by spans: [Range<Int>]) -> Double {
        guard let columns, textHeight > 0, !spans.isEmpty else { return 0 }
        let centres = spans.map { Double($0.lowerBound + $0.upperBound) / 2 }.sorted()
        var widest = max(centres[0] - Double(columns.lowerBound), Double(columns.upperBound) - centres[centres.count - 1])
        for (a, b) in zip(centres, centres.dropFirst()) { widest = max(widest, (b - a) / 2) }
        return widest / Double(textHeight)
    }
}
