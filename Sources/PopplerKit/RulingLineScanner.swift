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
        /// Raster resolution in pixels per point. At 1.0 a 0.5 pt border is a grey pixel well below
        /// `darkThreshold`; raise it for documents drawn with 0.25 pt hairlines.
        public var scale: Double = 1.0
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
        let threshold = settings.darkThreshold
        var ink = raster.pixels.map { $0 < threshold ? UInt8(2) : 0 }
        for g in glyphs where !g.isWhitespace {
            let b = g.box.insetBy(dx: g.box.width * settings.glyphMaskInset, dy: g.box.height * settings.glyphMaskInset)
            let x0 = max(0, Int((b.x0 * s).rounded(.down))), x1 = min(w - 1, Int((b.x1 * s).rounded(.up)))
            let y0 = max(0, Int((b.y0 * s).rounded(.down))), y1 = min(h - 1, Int((b.y1 * s).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 { for x in x0...x1 where ink[y * w + x] == 2 { ink[y * w + x] = 1 } }
        }
        let minRun = max(2, Int(settings.minLength * s))
        let horizontal = ink.withUnsafeBufferPointer { collect($0, major: h, minor: w, majorStride: w, minorStride: 1, minRun: minRun) }
        let vertical = ink.withUnsafeBufferPointer { collect($0, major: w, minor: h, majorStride: 1, minorStride: w, minRun: minRun) }
        return join(horizontal, .horizontal, scale: s) + join(vertical, .vertical, scale: s)
    }

    /// A line being grown across consecutive pixel rows (or columns).
    private struct Band {
        var firstMajor: Int
        var lastMajor: Int
        var start: Int
        var end: Int
    }

    /// Runs of ink along the minor axis for each major index (rows for horizontal lines, columns for
    /// vertical ones), stacked into bands across adjacent majors.
    private func collect(_ ink: UnsafeBufferPointer<UInt8>, major: Int, minor: Int, majorStride: Int, minorStride: Int, minRun: Int) -> [Band] {
        var finished: [Band] = []
        var active: [Band] = []
        var next: [Band] = []
        var runs: [(Int, Int)] = []
        for m in 0..<major {
            runs.removeAll(keepingCapacity: true)
            var i = 0
            var p = m * majorStride
            while i < minor {
                if ink[p] != 0 {
                    let start = i
                    var exposed = 0
                    while i < minor {
                        let v = ink[p]
                        if v == 0 { break }
                        if v == 2 { exposed += 1 }
                        i += 1
                        p += minorStride
                    }
                    if exposed >= minRun { runs.append((start, i - 1)) }
                } else {
                    i += 1
                    p += minorStride
                }
            }
            if runs.isEmpty && active.isEmpty { continue }
            next.removeAll(keepingCapacity: true)
            var used = [Bool](repeating: false, count: active.count)
            for run in runs {
                // Continue the band whose extent overlaps this run most.
                var best = -1, bestOverlap = 0
                for k in active.indices where !used[k] {
                    let overlap = min(active[k].end, run.1) - max(active[k].start, run.0)
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
            for k in active.indices where !used[k] { finished.append(active[k]) }
            swap(&active, &next)
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
