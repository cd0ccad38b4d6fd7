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
        /// Where ruling lines come from: the paths the page's content streams paint (fast, exact)
        /// with rendering as the fallback, or always one of the two.
        public enum Source: String, Sendable, Equatable, CaseIterable {
            /// Vector paths where the page can be read that way; rendering otherwise.
            case automatic
            /// Vector paths only (a page that cannot be read so gets no lines).
            case vector
            /// Render and scan every page (what the vector path is checked against).
            case raster
        }
        public var source: Source = .automatic
        /// Raster resolution in pixels per point. At 1.0 a 0.5 pt border is a grey pixel well below
        /// `darkThreshold`; raise it for documents drawn with 0.25 pt hairlines.
        public var scale: Double = 1.0
        /// A pixel darker than this (0…255 luma) is ink. Browsers print 0.5 pt borders, which at
        /// 1 px/pt come out as two light grey pixel rows (about 190 and 225): 210 keeps the darker.
        public var darkThreshold: UInt8 = 210
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
        let threshold = settings.darkThreshold
        var ink = InkRaster(width: raster.width, height: raster.height, scale: raster.scale,
                            pixels: raster.pixels.map { $0 < threshold ? InkRaster.ink : InkRaster.paper })
        return scan(&ink, masking: glyphs)
    }

    /// Scans an ink raster (its glyph cores are marked in place).
    func scan(_ ink: inout InkRaster, masking glyphs: [Glyph]) -> [RulingLine] {
        let w = ink.width, h = ink.height, s = ink.scale
        // Pixel index of a coordinate, clamped to the raster (boxes of hostile PDFs can lie far off
        // the page; an unclamped conversion of 1e30 would trap).
        func pixel(_ v: Double, _ rounding: FloatingPointRoundingRule, _ limit: Int) -> Int {
            let p = (v * s).rounded(rounding)
            guard p.isFinite else { return p > 0 ? limit + 1 : -1 }
            return Int(min(max(p, -1), Double(limit + 1)))
        }
        ink.pixels.withUnsafeMutableBufferPointer { px in
            for g in glyphs where !g.isWhitespace {
                let b = g.box.insetBy(dx: g.box.width * settings.glyphMaskInset, dy: g.box.height * settings.glyphMaskInset)
                let x0 = max(0, pixel(b.x0, .down, w)), x1 = min(w - 1, pixel(b.x1, .up, w))
                let y0 = max(0, pixel(b.y0, .down, h)), y1 = min(h - 1, pixel(b.y1, .up, h))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 {
                    let row = y * w
                    for x in x0...x1 where px[row + x] == InkRaster.ink { px[row + x] = InkRaster.core }
                }
            }
        }
        let minRun = max(2, Int(min(max(settings.minLength * s, 0), 1e6)))
        let (horizontal, vertical) = ink.pixels.withUnsafeBufferPointer { buffer in
            (stack(horizontalRuns(buffer, width: w, height: h, minRun: minRun)),
             stack(verticalRuns(buffer, width: w, height: h, minRun: minRun)))
        }
        return join(horizontal, .horizontal, scale: s) + join(vertical, .vertical, scale: s)
    }

    /// A run of ink along one pixel row (or column): `major` is the row (column), `start…end` the extent.
    private struct Run {
        var major: Int
        var start: Int
        var end: Int
    }

    /// A line being grown across consecutive pixel rows (or columns).
    private struct Band {
        var firstMajor: Int
        var lastMajor: Int
        var start: Int
        var end: Int
    }

    /// Runs along each row, in row order. A run counts only its exposed (non-glyph-core) pixels.
    private func horizontalRuns(_ ink: UnsafeBufferPointer<UInt8>, width w: Int, height h: Int, minRun: Int) -> [Run] {
        var runs: [Run] = []
        let raw = UnsafeRawPointer(ink.baseAddress!)
        for y in 0..<h {
            var x = 0
            let row = y * w
            while x < w {
                // Skip paper eight pixels at a time.
                while x + 8 <= w, raw.loadUnaligned(fromByteOffset: row + x, as: UInt64.self) == 0 { x += 8 }
                guard x < w else { break }
                if ink[row + x] == 0 { x += 1; continue }
                let start = x
                var exposed = 0
                while x < w, case let v = ink[row + x], v != 0 { if v == InkRaster.ink { exposed += 1 }; x += 1 }
                if exposed >= minRun { runs.append(Run(major: y, start: start, end: x - 1)) }
            }
        }
        return runs
    }

    /// Runs down each column, in column order, found in one row-major pass (cache-friendly): each
    /// column keeps its open run while the rows go by.
    private func verticalRuns(_ ink: UnsafeBufferPointer<UInt8>, width w: Int, height h: Int, minRun: Int) -> [Run] {
        var openStorage = [Int32](repeating: -1, count: w)
        var exposedStorage = [Int32](repeating: 0, count: w)
        // Open runs per block of eight columns: a block of paper with none open is skipped whole.
        var blockStorage = [Int32](repeating: 0, count: (w + 7) / 8)
        var runs: [Run] = []
        openStorage.withUnsafeMutableBufferPointer { open in
          exposedStorage.withUnsafeMutableBufferPointer { exposed in
            blockStorage.withUnsafeMutableBufferPointer { openInBlock in
                let raw = UnsafeRawPointer(ink.baseAddress!)
                for y in 0...h {
                    let row = y * w
                    var x = 0
                    while x < w {
                        if x & 7 == 0, y < h, x + 8 <= w, openInBlock[x >> 3] == 0,
                           raw.loadUnaligned(fromByteOffset: row + x, as: UInt64.self) == 0 {
                            x += 8
                            continue
                        }
                        defer { x += 1 }
                        let v: UInt8 = y < h ? ink[row + x] : 0
                        if v != 0 {
                            if open[x] < 0 { open[x] = Int32(y); openInBlock[x >> 3] += 1 }
                            if v == InkRaster.ink { exposed[x] += 1 }
                        } else if open[x] >= 0 {
                            if Int(exposed[x]) >= minRun { runs.append(Run(major: x, start: Int(open[x]), end: y - 1)) }
                            open[x] = -1
                            exposed[x] = 0
                            openInBlock[x >> 3] -= 1
                        }
                    }
                }
            }
          }
        }
        runs.sort { ($0.major, $0.start) < ($1.major, $1.start) }
        return runs
    }

    /// Stacks runs of adjacent majors into bands: a run continues the band of the previous major
    /// whose extent overlaps it most.
    private func stack(_ runs: [Run]) -> [Band] {
        var finished: [Band] = []
        var active: [Band] = []
        var next: [Band] = []
        var i = 0
        while i < runs.count {
            let m = runs[i].major
            var j = i
            while j < runs.count && runs[j].major == m { j += 1 }
            // Bands that did not reach the previous major are closed.
            if active.contains(where: { $0.lastMajor < m - 1 }) {
                finished += active.filter { $0.lastMajor < m - 1 }
                active.removeAll { $0.lastMajor < m - 1 }
            }
            next.removeAll(keepingCapacity: true)
            var used = [Bool](repeating: false, count: active.count)
            for run in runs[i..<j] {
                var best = -1, bestOverlap = 0
                for k in active.indices where !used[k] {
                    let overlap = min(active[k].end, run.end) - max(active[k].start, run.start)
                    if overlap > bestOverlap { best = k; bestOverlap = overlap }
                }
                if best >= 0 {
                    used[best] = true
                    var band = active[best]
                    band.lastMajor = m
                    band.start = min(band.start, run.start)
                    band.end = max(band.end, run.end)
                    next.append(band)
                } else {
                    next.append(Band(firstMajor: m, lastMajor: m, start: run.start, end: run.end))
                }
            }
            for k in active.indices where !used[k] { finished.append(active[k]) }
            swap(&active, &next)
            i = j
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
