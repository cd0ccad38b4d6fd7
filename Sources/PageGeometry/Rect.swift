/// An axis-aligned box in PDF points, origin at the page's top-left corner, y growing downwards
/// (the convention of Poppler's text layout, so no flipping happens on the hot path).
public struct Rect: Hashable, Sendable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1); self.x1 = max(x0, x1)
        self.y0 = min(y0, y1); self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Length of the overlap of the two boxes' x ranges (0 when disjoint).
    public func horizontalOverlap(_ other: Rect) -> Double {
        max(0, min(x1, other.x1) - max(x0, other.x0))
    }

    /// Length of the overlap of the two boxes' y ranges (0 when disjoint).
    public func verticalOverlap(_ other: Rect) -> Double {
        max(0, min(y1, other.y1) - max(y0, other.y0))
    }

    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x0: x0 + dx, y0: y0 + dy, x1: max(x0 + dx, x1 - dx), y1: max(y0 + dy, y1 - dy))
    }
}
