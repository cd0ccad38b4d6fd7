/// Ink or paper per pixel. One global threshold (Otsu's) serves scans of printed tables: grey
/// paper and JPEG noise sit well above it, print and seals below.
public enum Binarizer {
    /// Otsu's threshold: the grey level that best splits the histogram into two classes.
    /// Pixels darker than it are ink.
    public static func otsuThreshold(_ image: GrayImage) -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for p in image.pixels { histogram[Int(p)] += 1 }
        let total = Double(image.pixels.count)
        guard total > 0 else { return 128 }
        let sumAll = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var sumBelow = 0.0, countBelow = 0.0, best = 0.0, threshold = 128
        for t in 0..<256 {
            countBelow += Double(histogram[t])
            if countBelow == 0 { continue }
            let countAbove = total - countBelow
            if countAbove == 0 { break }
            sumBelow += Double(t * histogram[t])
            let meanBelow = sumBelow / countBelow, meanAbove = (sumAll - sumBelow) / countAbove
            let between = countBelow * countAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best { best = between; threshold = t + 1 }
        }
        return UInt8(min(255, threshold))
    }

    /// true where the pixel is ink (darker than `threshold`).
    public static func ink(_ image: GrayImage, threshold: UInt8) -> [Bool] {
        image.pixels.map { $0 < threshold }
    }
}

