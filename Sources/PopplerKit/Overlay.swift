import PageGeometry

/// A colour with alpha, each component 0…1.
public struct OverlayColor: Sendable, Equatable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// The same colour with another alpha.
    public func withAlpha(_ alpha: Double) -> OverlayColor { OverlayColor(red: red, green: green, blue: blue, alpha: alpha) }

    /// `#rrggbb` (alpha ignored), for HTML and legends.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        func byte(_ v: Double) -> String {
            let b = Int((min(1, max(0, v)) * 255).rounded())
            return String(digits[b >> 4]) + String(digits[b & 15])
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }
}

/// Text drawn inside a rectangle's top-left corner, shrunk (and broken after `.` or `_`) to fit it.
public struct OverlayLabel: Sendable, Equatable {
    public var text: String
    public var color: OverlayColor
    /// Largest and smallest type size in points; below `minSize` the text is broken into lines,
    /// and what still does not fit is clipped to the rectangle.
    public var maxSize: Double
    public var minSize: Double

    public init(_ text: String, color: OverlayColor, maxSize: Double = 5, minSize: Double = 3.2) {
        self.text = text; self.color = color; self.maxSize = maxSize; self.minSize = minSize
    }
}

/// Something drawn over a page, in the page's coordinates (points, top-left origin, y down).
public enum OverlayShape: Sendable, Equatable {
    /// A rectangle, outlined and/or filled, with an optional label inside it. `dash` lengths in points.
    case rectangle(Rect, stroke: OverlayColor?, fill: OverlayColor? = nil, lineWidth: Double = 1, dash: [Double] = [], label: OverlayLabel? = nil)
    /// A straight line from (x0, y0) to (x1, y1).
    case line(x0: Double, y0: Double, x1: Double, y1: Double, color: OverlayColor, width: Double = 1, dash: [Double] = [])
}
