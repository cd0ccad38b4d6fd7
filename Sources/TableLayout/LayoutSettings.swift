/// Every tolerance the layout layer uses, in one inspectable place (in the spirit of pdfplumber's
/// table settings). Distances are in PDF points.
public struct LayoutSettings: Sendable, Equatable {
    /// Ruling lines shorter than this are ignored (glyph strokes that slipped through the mask).
    public var minRulingLength: Double = 6
    /// How far apart a line's end and a perpendicular line may be and still meet.
    public var intersectionTolerance: Double = 2.5
    /// Line positions closer than this are the same grid boundary.
    public var snapTolerance: Double = 2.0
    /// How far lines must run past a table's last boundary to close an open edge there.
    public var minOpenEdgeReach: Double = 5
    /// Share of a cell edge a ruling line must cover to count as a border between two cells.
    public var minBorderCoverage: Double = 0.6
    /// Glyphs whose vertical overlap is at least this share of the smaller glyph's height sit on one line.
    public var lineOverlapRatio: Double = 0.5
    /// A horizontal gap wider than this many median glyph heights splits a text line into segments.
    public var segmentGapFactor: Double = 1.2
    /// A ruling-line network whose grid would have more positions (rows × columns) than this is
    /// not built as a table.
    public var maxGridCells = 40_000

    public init() {}
}
