/// A straight horizontal or vertical stroke drawn on the page: a table border.
///
/// Ruling lines are what lattice table extraction builds its grid from (tabula's "lattice" mode).
public struct RulingLine: Hashable, Sendable {
    public enum Orientation: String, Sendable, Codable { case horizontal, vertical }

    public var orientation: Orientation
    /// y of a horizontal line, x of a vertical one (the stroke's centre), in points.
    public var position: Double
    /// Extent along the line: x0…x1 for horizontal lines, y0…y1 for vertical ones.
    public var start: Double
    public var end: Double
    /// Stroke width in points as measured.
    public var thickness: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double, thickness: Double) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.thickness = thickness
    }

    public var length: Double { end - start }

    /// Whether this line covers `a…b` along its direction, allowing `tolerance` at each end.
    public func covers(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        start <= min(a, b) + tolerance && end >= max(a, b) - tolerance
    }

    /// Fraction of `a…b` this line covers.
    public func coverage(of a: Double, _ b: Double) -> Double {
        let lo = min(a, b), hi = max(a, b)
        guard hi > lo else { return 0 }
        return max(0, min(end, hi) - max(start, lo)) / (hi - lo)
    }
}
