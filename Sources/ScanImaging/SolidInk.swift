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
            var y = 0
            while y < height {
                guard ink[y * width + x] else { y += 1; continue }
                let start = y
                while y < height && ink[y * width + x] { y += 1 }
                if y - start >= size { for r in start..<y { tall[r * width + x] = true } }
            }
        }
        var out = ink
        for y in 0..<height {
            var x = 0
            while x < width {
                guard tall[y * width + x] else { x += 1; continue }
                let start = x
                while x < width && tall[y * width + x] { x += 1 }
                if x - start >= size { for c in start..<x { out[y * width + c] = false } }
            }
        }
        return out
    }
}
