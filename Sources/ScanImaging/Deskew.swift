#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and removes the small rotation a scanner gives a page.
///
/// The angle is the one at which the ink, projected onto the page's vertical axis, is most
/// peaked (projection profile): table borders and text lines then fall each into one row.
public enum Deskew {
    /// Largest rotation searched, in degrees (a page fed askew; more is a page scanned sideways).
    public static let maxDegrees = 3.0

    /// The page's skew in degrees: a horizontal line on the page runs at this slope (positive:
    /// down to the right in image coordinates). `solidSize`: ink at least this many pixels
    /// across both ways is a solid area, not print (`SolidInk`), and left out.
    ///
    /// Two profiles are asked: of the whole ink, and of its lower edges (an ink pixel above
    /// paper: the feet of a line's characters, the edges of rules). They agree on a page of
    /// tables; where they differ by over `maxDisagreement` the whole ink's profile was flat (a
    /// page of thin print without rules: 0.24° found on a page turned -0.59°) and the edges' is
    /// taken.
    public static func angle(of ink: [Bool], width: Int, height: Int, solidSize: Int = .max) -> Double {
        // Solid areas are found on every second pixel each way: a quarter of the work.
        let sampled = SolidInk.sample(ink, width: width, height: height, step: 2)
        let print = SolidInk.withoutSolidAreas(sampled.ink, width: sampled.width, height: sampled.height, size: max(1, solidSize / 2))
        var xs: [Double] = [], ys: [Double] = []
        for y in 0..<sampled.height {
            for x in 0..<sampled.width where print[y * sampled.width + x] {
                xs.append(Double(2 * x)); ys.append(Double(2 * y))
            }
        }
        // Solid where the sampled picture has ink that `withoutSolidAreas` took out.
        func isSolid(_ x: Int, _ y: Int) -> Bool {
            let i = (y / 2) * sampled.width + x / 2
            return sampled.ink[i] && !print[i]
        }
        var ex: [Double] = [], ey: [Double] = []
        for y in 0..<max(0, height - 1) {
            for x in 0..<width where ink[y * width + x] && !ink[(y + 1) * width + x] && !isSolid(x, y) {
                ex.append(Double(x)); ey.append(Double(y))
            }
        }
        guard xs.count > 100 else { return 0 }
        let whole = peak(xs, ys, width: width, height: height, bin: 2)
        guard ex.count > 100 else { return whole }
        let edges = peak(ex, ey, width: width, height: height, bin: 1, shared: true)
        return abs(whole - edges) > maxDisagreement ? edges : whole
    }

    /// Degrees the two profiles may differ by before the edges' is taken.
    static let maxDisagreement = 0.4

    /// The angle at which the points' projection onto the vertical axis, in bins of `bin`
    /// pixels, is most peaked (the sum of the squared bin counts).
    /// `shared`: each point counts in the two nearest bins by its distance to them.
    static func peak(_ xs: [Double], _ ys: [Double], width: Int, height: Int, bin: Int, shared: Bool = false) -> Double {
        func score(_ degrees: Double) -> Double {
            let a = degrees * Double.pi / 180, s = sin(a), c = cos(a)
            var bins = [Double](repeating: 0, count: 2 * (width + height) + 4)
            let offset = Double(width + height)
            for i in xs.indices {
                let position = (ys[i] * c - xs[i] * s + offset) / Double(bin)
                let b = Int(position)
                guard b >= 0 && b + 1 < bins.count else { continue }
                if shared {
                    // Shared between the two nearest bins: level (0°) gains nothing from the
                    // pixel grid's own rows.
                    let f = position - Double(b)
                    bins[b] += 1 - f; bins[b + 1] += f
                } else {
                    bins[b] += 1
                }
            }
            return bins.reduce(0.0) { $0 + $1 * $1 }
        }
        var best = 0.0, bestScore = score(0)
        for step in [0.25, 0.05, 0.01] {
            let centre = best
            let reach = step == 0.25 ? maxDegrees : step * 5
            var d = centre - reach
            while d <= centre + reach + 1e-9 {
                let s = score(d)
                if s > bestScore { bestScore = s; best = d }
                d += step
            }
        }
        return best
    }

    /// The picture turned so that lines at `degrees` run level (turned about its centre; what
    /// turns in from outside is white).
    public static func rotate(_ image: GrayImage, by degrees: Double) -> GrayImage {
        guard abs(degrees) >= 0.005 else { return image }
        let a = degrees * Double.pi / 180, s = sin(a), c = cos(a)
        let cx = Double(image.width) / 2, cy = Double(image.height) / 2
        let w = image.width, h = image.height
        var out = [UInt8](repeating: 255, count: w * h)
        let width = Double(w), height = Double(h)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Double(y) - cy
                    // The nearest source pixel, its +½ and floor in place of a call to round() per pixel.
                    let rowX = cx - dy * s + 0.5, rowY = cy + dy * c + 0.5
                    for x in 0..<w {
                        let dx = Double(x) - cx
                        let sx = (rowX + dx * c).rounded(.down), sy = (rowY + dx * s).rounded(.down)
                        if sx >= 0 && sx < width && sy >= 0 && sy < height { dst[y * w + x] = src[Int(sy) * w + Int(sx)] }
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }
}
