/// What a page's content streams paint, reduced to what finding table borders needs: straight
/// stroked segments, the outlines of filled shapes, and where images lie. Coordinates are in the
/// displayed page space (points, origin top left, y down), like Poppler's text boxes.
public struct PaintedShapes: Sendable {
    /// A straight piece of a stroked path.
    public struct Segment: Sendable, Equatable {
        public var x0, y0, x1, y1: Double
        /// Line width in page space.
        public var width: Double
        /// Luma of the stroke colour, 0 (black) … 1 (white); nil when it is a pattern.
        public var luma: Double?
        /// The clip in force, as a box (nil: the whole page).
        public var clip: Box?

        public init(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, luma: Double?, clip: Box?) {
            self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1; self.width = width; self.luma = luma; self.clip = clip
        }
    }

    /// One filled subpath, as its bounding box.
    public struct Fill: Sendable, Equatable {
        public var box: Box
        public var luma: Double?
        public var clip: Box?

        public init(box: Box, luma: Double?, clip: Box?) {
            self.box = box; self.luma = luma; self.clip = clip
        }
    }

    /// An axis-aligned box in page space.
    public struct Box: Sendable, Equatable {
        public var x0, y0, x1, y1: Double
        public var width: Double { x1 - x0 }
        public var height: Double { y1 - y0 }

        public init(x0: Double, y0: Double, x1: Double, y1: Double) {
            self.x0 = min(x0, x1); self.y0 = min(y0, y1); self.x1 = max(x0, x1); self.y1 = max(y0, y1)
        }

        public func intersection(_ o: Box) -> Box? {
            let left = max(x0, o.x0), top = max(y0, o.y0), right = min(x1, o.x1), bottom = min(y1, o.y1)
            guard left <= right, top <= bottom else { return nil }
            return Box(x0: left, y0: top, x1: right, y1: bottom)
        }
    }

    public var segments: [Segment] = []
    public var fills: [Fill] = []
    /// Bounding boxes of images drawn (XObjects and inline images), clipped to the page.
    public var images: [Box] = []
    /// Whether the page sets an invisible text render mode (3 or 7): an OCR tool's text layer.
    public var setsInvisibleText = false
    /// Width and height of the displayed page.
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width; self.height = height
    }
}
