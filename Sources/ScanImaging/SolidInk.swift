/// Solid dark areas of a scan: the scanner's lid or bed beyond the sheet's edge, a black bar.
/// They are no print (strokes and rules are thin one way or the other), and the bed's edge stays
/// level while the sheet lies askew, so a deskew that weighed it would hold the page at 0°.
public enum SolidInk {
    /// Every `step`-th pixel each way.
    public static func sample(_ ink: [Bool], width: Int, height: Int, step: Int) -> (ink: [Bool], width: Int, height: Int) {
        let w = (width + step - 1) / step, h = (height + step - 1) / step
        var out = [Bool](repeating: false, count: w * h)
        for y in 0..<h { for x in 0..<w { out[y * w + x] = ink[y * step * width + x * step] } }
        return (out, w, h)
    }

    /// `ink` without the pixels that lie in a run of ink at least `size` long both down and across:
    /// runs down are found first, then runs across made only of such pixels.
    public static func withoutSolidAreas(_ ink: [Bool], width: Int, height: Int, size: Int) -> [Bool] {
        var tall = [Bool](repeating: false, count: ink.count)
        for x in 0..<width {
            forEachRun(length: height, minLength: size, isSet: { ink[$0 * width + x] }) { tall[$0 * width + x] = true }
        }
        var out = ink
        for y in 0..<height {
            forEachRun(length: width, minLength: size, isSet: { tall[y * width + $0] }) { out[y * width + $0] = false }
        }
        return out
    }

    /// Calls `mark` for every position of each run of set positions (`isSet`) of one row or
    /// column that is at least `minLength` long.
    private static func forEachRun(length: Int, minLength: Int, isSet: (Int) -> Bool, mark: (Int) -> Void) {
        var i = 0
        while i < length {
            guard isSet(i) else { i += 1; continue }
            let start = i
            while i < length && isSet(i) { i += 1 }
            if i - start >= minLength { for j in start..<i { mark(j) } }
        }
    }
}

extension SolidInk {
    /// `image` with the dark bands along its edges painted paper: runs of ink at least `minRun`
    /// pixels deep from an edge, over at least `minRun` neighbouring rows or columns (a rule that
    /// reaches the edge is a few pixels wide and stays). Scanned past the sheet, the lid or bed
    /// shows as such bands; read as text they put garbage before a title, as lines, false borders.
    public static func withoutEdgeBands(_ image: GrayImage, threshold: UInt8, minRun: Int) -> GrayImage {
        let w = image.width, h = image.height
        guard w > 2 * minRun, h > 2 * minRun else { return image }
        var band = [Bool](repeating: false, count: w * h)
        image.pixels.withUnsafeBufferPointer { p in
            let ink = { (x: Int, y: Int) in p[y * w + x] < threshold }
            for x in 0..<w {
                markRun(&band, length: h, minRun: minRun, index: { $0 * w + x }, isInk: { ink(x, $0) })
            }
            for y in 0..<h {
                markRun(&band, length: w, minRun: minRun, index: { y * w + $0 }, isInk: { ink($0, y) })
            }
        }
        let deep = withoutSolidAreas(band, width: w, height: h, size: minRun)
        var pixels = image.pixels
        let paper = image.median
        for i in pixels.indices where band[i] && !deep[i] { pixels[i] = paper }
        return GrayImage(width: w, height: h, pixels: pixels)
    }

    /// Marks the runs of ink of one row or column that start at either of its ends and are at
    /// least `minRun` long.
    private static func markRun(_ band: inout [Bool], length: Int, minRun: Int, index: (Int) -> Int, isInk: (Int) -> Bool) {
        var top = 0
        while top < length && isInk(top) { top += 1 }
        if top >= minRun { for i in 0..<top { band[index(i)] = true } }
        guard top < length else { return }
        var bottom = length
        while bottom > 0 && isInk(bottom - 1) { bottom -= 1 }
        if length - bottom >= minRun { for i in bottom..<length { band[index(i)] = true } }
    }
}
