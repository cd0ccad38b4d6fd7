import PageGeometry

/// Recovers ruling lines (table borders) from a rendered page.
///
/// poppler-glib exposes no vector paths, so the page is rendered at low resolution and long runs of
/// dark pixels are collected, row by row for horizontal lines and column by column for vertical ones.
/// A run is accepted only if enough of it lies outside the inner part of every glyph box: strokes of
/// characters such as 一 or 丨 (and dashes written in cells) stay inside one glyph and are dropped,
/// while a border that passes behind tall glyph boxes still shows beyond them and is kept whole.
/// Every threshold is an explicit setting.
public struct RulingLineScanner: Sendable {
    public struct Settings: Sendable, Equatable {
        /// Raster resolution in pixels per point. 1.5 keeps 0.25 pt hairlines visible at low cost.
        public var scale: Double = 1.5
        /// A pixel darker than this (0…255 luma) is ink.
        public var darkThreshold: UInt8 = 190
        /// Shortest run, in points, that counts as a line.
        public var minLength: Double = 5
        /// Runs thicker than this (points) are filled areas, not lines.
        public var maxThickness: Double = 3.5
        /// Fraction of a glyph box's width/height kept unmasked on each side.
        public var glyphMaskInset: Double = 0.12
        /// Collinear pieces closer than this (points) along their direction are one line.
        public var joinGap: Double = 2.0
        public init() {}
    }

    public var settings: Settings
    public init(settings: Settings = .init()) { self.settings = settings }

    public func scan(_ raster: GrayRaster, masking glyphs: [Glyph]) -> [RulingLine] {
        let w = raster.width, h = raster.height, s = raster.scale
        // 0 = paper, 1 = ink inside a glyph core, 2 = ink elsewhere.
        var ink = [UInt8](repeating: 0, count: w * h)
        let threshold = settings.darkThreshold
        raster.pixels.withUnsafeBufferPointer { px in
            for i in 0..<(w * h) where px[i] < threshold { ink[i] = 2 }
        }
        for g in glyphs where !g.isWhitespace {
            let b = g.box.insetBy(dx: g.box.width * settings.glyphMaskInset, dy: g.box.height * settings.glyphMaskInset)
            let x0 = max(0, Int((b.x0 * s).rounded(.down))), x1 = min(w - 1, Int((b.x1 * s).rounded(.up)))
            let y0 = max(0, Int((b.y0 * s).rounded(.down))), y1 = min(h - 1, Int((b.y1 * s).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 { for x in x0...x1 where ink[y * w + x] == 2 { ink[y * w + x] = 1 } }
        }
        let minRun = max(2, Int(settings.minLength * s))
        let horizontal = collect(major: h, minor: w, minRun: minRun) { row, col in ink[row * w + col] }
        let vertical = collect(major: w, minor: h, minRun: minRun) { col, row in ink[row * w + col] }
        return join(horizontal, .horizontal, scale: s) + join(vertical, .vertical, scale: s)
    }

    /// A line being grown across consecutive pixel rows (or columns).
    private struct Band {
        var firstMajor: Int
        var lastMajor: Int
        var start: Int
        var end: Int
    }

    /// Runs of ink along `minor` for each `major` index, stacked into bands across adjacent majors.
    private func collect(major: Int, minor: Int, minRun: Int, ink: (Int, Int) -> UInt8) -> [Band] {
        var finished: [Band] = []
        var active: [Band] = []
        for m in 0..<major {
            var runs: [(Int, Int)] = []
            var i = 0
            while i < minor {
                if ink(m, i) != 0 {
                    let start = i
                    var exposed = 0
                    while i < minor, case let v = ink(m, i), v != 0 { if v == 2 { exposed += 1 }; i += 1 }
                    if exposed >= minRun { runs.append((start, i - 1)) }
                } else {
                    i += 1
                }
            }
            var next: [Band] = []
            var used = [Bool](repeating: false, count: active.count)
            for run in runs {
                // Continue the band whose extent overlaps this run most.
                var best = -1, bestOverlap = 0
                for (k, band) in active.enumerated() where !used[k] {
                    let overlap = min(band.end, run.1) - max(band.start, run.0)
                    if overlap > bestOverlap { best = k; bestOverlap = overlap }
                }
                if best >= 0 {
                    used[best] = true
                    var band = active[best]
                    band.lastMajor = m
                    band.start = min(band.start, run.0)
                    band.end = max(band.end, run.1)
                    next.append(band)
                } else {
                    next.append(Band(firstMajor: m, lastMajor: m, start: run.0, end: run.1))
                }
            }
            for (k, band) in active.enumerated() where !used[k] { finished.append(band) }
            active = next
        }
        return finished + active
    }

    /// Bands → lines in points, dropping filled areas and joining collinear pieces across small gaps.
    private func join(_ bands: [Band], _ orientation: RulingLine.Orientation, scale s: Double) -> [RulingLine] {
        var lines: [RulingLine] = bands.compactMap { b in
            let thickness = Double(b.lastMajor - b.firstMajor + 1) / s
            guard thickness <= settings.maxThickness else { return nil }
            let position = (Double(b.firstMajor + b.lastMajor) / 2 + 0.5) / s
            return RulingLine(orientation: orientation, position: position,
                              start: Double(b.start) / s, end: Double(b.end + 1) / s, thickness: thickness)
        }
        lines.sort { ($0.position, $0.start) < ($1.position, $1.start) }
        var out: [RulingLine] = []
        let sameLine = max(1.0, 1.5 / s)
        for line in lines {
            if let k = out.lastIndex(where: { abs($0.position - line.position) <= sameLine && line.start - $0.end <= settings.joinGap && $0.start - line.end <= settings.joinGap }) {
                var merged = out[k]
                merged.start = min(merged.start, line.start)
                merged.end = max(merged.end, line.end)
                merged.thickness = max(merged.thickness, line.thickness)
                out[k] = merged
            } else {
                out.append(line)
            }
        }
        return out
    }
}
