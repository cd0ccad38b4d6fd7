import PageGeometry

/// Table borders in a scanned page: long straight runs of ink.
///
/// A run is a stretch of ink along one pixel row (column) that may skip a gap of a pixel or two
/// (noise and JPEG leave holes in printed lines). Runs much longer than a character's stroke
/// are kept; runs in neighbouring rows that overlap stack into a band (a line a few pixels
/// thick); bands thicker than `maxThickness` are filled areas (a seal's solid core, a black
/// bar), not lines; collinear bands with a short gap between them are one line.
public struct ScanLineFinder: Sendable {
    public struct Settings: Sendable, Equatable {
        /// Shortest run kept, in points: longer than the strokes of one character (一 is about
        /// 9 pt at 10.5 pt type), shorter than one table row (about 18 pt).
        public var minLength: Double = 14
        /// Holes inside a run that are bridged, in points.
        public var gap: Double = 0.6
        /// Thickest band that is still a line, in points.
        public var maxThickness: Double = 3.5
        /// Collinear pieces this close (points) are one line.
        public var joinGap: Double = 3
        public init() {}
    }

    public var settings: Settings
    public init(settings: Settings = .init()) { self.settings = settings }

    private struct Band {
        var lo: Int, hi: Int, first: Int, last: Int
    }

    /// The lines in a binarised page (`ink` row-major, `width`×`height`), in points given
    /// `scale` pixels per point.
    public func lines(ink: [Bool], width: Int, height: Int, scale: Double) -> [RulingLine] {
        let minRun = max(4, Int(settings.minLength * scale)), gap = max(1, Int(settings.gap * scale))
        // A thin line turned by a few tenths of a degree steps from one pixel row to the next; a
        // pixel counts as ink for a row when it or its neighbour across the line is ink, so the
        // steps do not cut the line into pieces shorter than a character.
        let horizontal = bands(count: height, length: width, minRun: minRun, gap: gap) { line, i in
            ink[line * width + i] || (line + 1 < height && ink[(line + 1) * width + i])
        }
        let vertical = bands(count: width, length: height, minRun: minRun, gap: gap) { line, i in
            ink[i * width + line] || (line + 1 < width && ink[i * width + line + 1])
        }
        return join(horizontal, .horizontal, scale: scale) + join(vertical, .vertical, scale: scale)
    }

    /// Runs along each of `count` lines of `length` pixels, stacked across neighbouring lines.
    private func bands(count: Int, length: Int, minRun: Int, gap: Int, isInk: (Int, Int) -> Bool) -> [Band] {
        var open: [Band] = [], closed: [Band] = []
        for line in 0..<count {
            var runs: [(Int, Int)] = []
            var start = -1, lastInk = -1
            for i in 0..<length {
                guard isInk(line, i) else { continue }
                if start >= 0 && i - lastInk > gap + 1 {
                    if lastInk - start + 1 >= minRun { runs.append((start, lastInk)) }
                    start = i
                } else if start < 0 { start = i }
                lastInk = i
            }
            if start >= 0 && lastInk - start + 1 >= minRun { runs.append((start, lastInk)) }
            var next: [Band] = []
            var used = [Bool](repeating: false, count: open.count)
            for (lo, hi) in runs {
                if let k = open.indices.first(where: { !used[$0] && overlapping(open[$0], lo, hi) }) {
                    used[k] = true
                    next.append(Band(lo: min(open[k].lo, lo), hi: max(open[k].hi, hi), first: open[k].first, last: line))
                } else {
                    next.append(Band(lo: lo, hi: hi, first: line, last: line))
                }
            }
            for k in open.indices where !used[k] { closed.append(open[k]) }
            open = next
        }
        return closed + open
    }

    private func overlapping(_ band: Band, _ lo: Int, _ hi: Int) -> Bool {
        let overlap = min(band.hi, hi) - max(band.lo, lo)
        return overlap > 0 && Double(overlap) >= 0.5 * Double(min(band.hi - band.lo, hi - lo))
    }

    /// Bands thin enough to be lines, as `RulingLine`s in points, collinear pieces joined.
    private func join(_ bands: [Band], _ orientation: RulingLine.Orientation, scale: Double) -> [RulingLine] {
        let maxThick = max(2, Int((settings.maxThickness * scale).rounded()))
        let pieces = bands.filter { $0.last - $0.first + 1 <= maxThick }.map { b in
            RulingLine(orientation: orientation, position: (Double(b.first + b.last) / 2 + 0.5) / scale,
                       start: Double(b.lo) / scale, end: Double(b.hi + 1) / scale, thickness: Double(b.last - b.first + 1) / scale)
        }
        return Self.joinCollinear(pieces, gap: settings.joinGap)
    }

    /// Pieces within `positionTolerance` points of each other across, whose extents overlap or
    /// come within `gap` points along, merged into one line — whatever order they come in. A
    /// rule turned by deskewing steps from one pixel row to the next and leaves short bands beside
    /// the long one; merged only with a neighbour in sorted order, such a piece stayed a line of
    /// its own, and where several columns' pieces ended at one height the lattice closed a row
    /// there (a border through the middle of a row).
    public static func joinCollinear(_ pieces: [RulingLine], gap: Double, positionTolerance: Double = 1.5) -> [RulingLine] {
        // Longest first: a merged line keeps close to the long rule's position.
        var out: [RulingLine] = []
        var weights: [Double] = []
        for p in pieces.sorted(by: { $0.length > $1.length }) {
            if let i = out.indices.first(where: { Self.continues(out[$0], p, gap: gap, tolerance: positionTolerance) }) {
                Self.absorb(p, weight: p.length, into: &out[i], weight: &weights[i])
            } else {
                out.append(p); weights.append(p.length)
            }
        }
        // A piece can bridge two lines that were apart when each was placed.
        var merged = true
        while merged {
            merged = false
            outer: for i in out.indices {
                for j in out.indices where j > i && Self.continues(out[i], out[j], gap: gap, tolerance: positionTolerance) {
                    Self.absorb(out[j], weight: weights[j], into: &out[i], weight: &weights[i])
                    out.remove(at: j); weights.remove(at: j)
                    merged = true
                    break outer
                }
            }
        }
        return out.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    }

    private static func continues(_ a: RulingLine, _ b: RulingLine, gap: Double, tolerance: Double) -> Bool {
        abs(a.position - b.position) <= tolerance && b.start <= a.end + gap && b.end >= a.start - gap
    }

    /// `piece` made part of `line`: the extent of both, the position their length-weighted mean.
    private static func absorb(_ piece: RulingLine, weight: Double, into line: inout RulingLine, weight total: inout Double) {
        line.position = (line.position * total + piece.position * weight) / max(total + weight, 1e-9)
        total += weight
        line.start = min(line.start, piece.start)
        line.end = max(line.end, piece.end)
        line.thickness = max(line.thickness, piece.thickness)
    }
}
