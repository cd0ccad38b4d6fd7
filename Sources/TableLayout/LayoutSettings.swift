/// Every tolerance the layout layer uses, in one inspectable place (in the spirit of pdfplumber's
/// table settings). Distances are in PDF points unless they say they are in ems (the line's
/// character size: the median width of its CJK characters, else its glyph height).
public struct LayoutSettings: Sendable, Equatable {
    // MARK: lattice (ruling lines)

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
    /// Glyphs whose vertical centres are within this many ems below a line's first glyph sit on that
    /// line (`TextLineBuilder`). Centres, not box overlap: browser-printed PDFs give glyph boxes
    /// taller than the line pitch, and wrapped lines would interleave. 0.4 em is under half the
    /// tightest leading seen (1.0 em pitch) and over the drift of mixed fonts on one baseline.
    public var lineCentreTolerance: Double = 0.4
    /// Lines whose median centres are within this many ems are one line (a glyph set a little above
    /// the line opened a line of its own; numbers in another font with a different box).
    public var lineMergeTolerance: Double = 0.25
    /// A horizontal gap wider than this many median glyph heights splits a text line into segments.
    public var segmentGapFactor: Double = 1.2
    /// A ruling-line network whose grid would have more positions (rows × columns) than this is
    /// not built as a table.
    public var maxGridCells = 40_000

    // MARK: stream (text alignment; see `StreamExtractor`)

    /// Which tables to build from text alignment: `.auto` looks for them among the text no ruled
    /// table claimed (borderless tables, tables with only horizontal rules, the borderless rest of a
    /// partly ruled table); `.off` never does.
    public enum StreamMode: String, Sendable, Equatable { case auto, off }
    public var stream: StreamMode = .auto
    /// A gap between two characters of a line wider than this many ems separates two cells.
    public var streamCellGap: Double = 0.5
    /// A line with a single number is a table row only if the number stands at least this many ems
    /// from the text before it (a number inside running text is not a cell).
    public var streamMinValueGap: Double = 1.5
    /// Numbers whose extents overlap once widened by this many ems on each side are one column.
    public var streamColumnTolerance: Double = 0.3
    /// Two rows of numbers farther apart than this many ems belong to different tables.
    public var streamMaxRowGap: Double = 9
    /// Header lines above a table's first row are taken while each is at most this many ems above
    /// the one below it.
    public var streamMaxHeaderGap: Double = 2.2
    /// A label line without numbers below a table's last row belongs to it only within this many ems.
    public var streamMaxTrailingGap: Double = 0.9
    /// Header lines at most this many ems apart (line gap) may be one wrapped header text.
    public var streamWrapGap: Double = 0.5
    /// The same for glyph boxes taller than a line (web-printed PDFs), measured centre to centre.
    public var streamWrapPitch: Double = 1.6
    /// Label lines starting within this many ems of each other start the same label column.
    public var streamLabelAlignTolerance: Double = 0.6
    /// A header spanning several columns is centred on them within this share of a column's width.
    public var streamSpanCenterTolerance: Double = 0.35
    /// A header text right of a table's last column of numbers names a column left blank in every
    /// row (an unfilled 总计) only if it is at most this many characters long, as column names
    /// are; a longer text there is a note or running text.
    public var streamMaxColumnNameLength: Int = 8
    /// Horizontal rules covering at least this share of a stream table's width separate its rows.
    public var streamRuleCoverage: Double = 0.5

    public init() {}

    /// Every setting as `name = value`, one a line, in declaration order (`gongkai grids
    /// --settings`): the tolerances a reading used, to quote or to vary. Read by reflection so a
    /// new setting cannot be left out.
    public var listing: String {
        Mirror(reflecting: self).children.map { child in
            let value: String
            if let set = child.value as? Set<String> { value = set.sorted().joined(separator: " ") } else { value = "\(child.value)" }
            return "\(child.label ?? "?") = \(value)"
        }.joined(separator: "\n")
    }
}
