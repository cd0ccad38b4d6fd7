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
    /// A line is a fragment of a line in another font (`TextLineBuilder.joiningInlineFragments`:
    /// cairo's Type 3 digits in boxes half a CJK box's height) only if that line's glyphs are more
    /// than this many times taller: one font's glyph heights vary by less.
    public var inlineFragmentHeightRatio: Double = 1.15
    /// …and its box lies within that line's, and overlaps none of its glyphs, allowing this share
    /// of that line's glyph height (boxes rounded by the producer).
    public var inlineFragmentSlack: Double = 0.05
    /// A horizontal gap wider than this many median glyph heights splits a text line into segments.
    public var segmentGapFactor: Double = 1.2
    /// A ruling-line network whose grid would have more positions (rows × columns) than this is
    /// not built as a table.
    public var maxGridCells = 40_000
    /// A horizontal rule lies in the gap between two lines of a stream table when it is at most
    /// this many points outside it (a rule drawn at a cell's edge touches the boxes of its text):
    /// the gap is then impassable and the row edge snaps to the rule.
    public var ruleGapSlack: Double = 1
    /// A rule spans a stretch of a line when it reaches to within this many points of both ends
    /// (rules end at cell borders, a stroke's width from the text's extent).
    public var ruleSpanSlack: Double = 2

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

    // MARK: stream, finer tolerances (ems unless said otherwise; see the stage that uses each)

    /// A line of the same character size as a table's lines differs by at most this many ems (a
    /// lone label in a smaller or larger font is a note or a heading, no row).
    public var streamSameSizeTolerance: Double = 0.2
    /// A number outside every column seen so far still joins the table when it stands at most this
    /// many ems beyond the table's outer columns (`StreamRowRegions`: a column left blank above).
    public var streamStrayColumnMargin: Double = 1
    /// Label text is split at gaps of at least this many ems that hold a value-column boundary
    /// (`StreamLineCutter.recut`: narrow header texts set closer than a cell gap).
    public var streamRecutMinGap: Double = 0.1
    /// How far (ems) a value-column boundary may lie outside such a gap and still split it.
    public var streamRecutBoundarySlack: Double = 0.3
    /// How many lines above a table's first row are re-cut at its column boundaries (the header's
    /// reach; bounded so a long page is not re-cut for every table).
    public var streamRecutLookback: Int = 40
    /// A column edge stands this many ems left of the text that starts the column (label columns,
    /// the first value column's boundary).
    public var streamEdgeInset: Double = 0.3
    /// A label text may run this many ems past the first value column's left edge and still be a
    /// label (labels end ragged, numbers are centred).
    public var streamLabelOverhang: Double = 0.5
    /// A text reaches the value columns when its centre is at most this many ems left of them.
    public var streamValueReach: Double = 0.5
    /// A row-label column is numbered (list numbering decides where its lines go) when at least
    /// this share of its texts opens with list numbering: a label's wrapped lines dilute the share,
    /// so it is well under half; tables whose labels have none stay far below it.
    public var streamNumberedLabelShare: Double = 0.3
    /// Row pitch assumed (ems) when a table has a single row of numbers to measure it from.
    public var streamDefaultRowPitch: Double = 2.5
    /// The row-label column ends at most this many ems left of the first value column's numbers
    /// (half a column's width when the columns are narrow).
    public var streamLeafColumnReach: Double = 3
    /// A left-aligned label line fills the row-label column when it ends within this many ems of
    /// the column's end (the first lines of a wrapped label do).
    public var streamFullLabelSlack: Double = 2.5
    /// The same for centred labels: its width within this many ems of the column's.
    public var streamFullCentredLabelSlack: Double = 3
    /// A lone label is a row of blank values only if no label above it within this many ems fills
    /// the label column (then it continues that label).
    public var streamBlankRowLookUp: Double = 4
    /// How far below a lone label (ems) to look for the row whose numbers it might own.
    public var streamBlankRowLookDown: Double = 6
    /// A full label line at most this many ems above a row is that row's wrapped first line, no
    /// blank row of its own.
    public var streamWrappedLabelGap: Double = 1.0
    /// Label lines below the last row are its blank rows only within this many row pitches.
    public var streamTrailingBlankPitches: Double = 1.5
    /// A header line stranded at a page's foot belongs to the table above within this many pitches.
    public var streamStrandedHeaderPitches: Double = 2.5
    /// A single text above the rows reaching more than this many ems into the value columns, and
    /// starting at the table's left edge, is a heading or running text, no header line.
    public var streamHeadingReach: Double = 1.5
    /// "At the table's left edge" for such a text: within this many ems of it.
    public var streamHeadingIndent: Double = 1
    /// A single text at least this share of the table's width wide is running text, no header.
    public var streamHeadingWidthShare: Double = 0.6
    /// At most this many header lines are taken above a table (a page of text is no header).
    public var streamMaxHeaderLines: Int = 12
    /// Rows set farther apart than wrapped lines (the wrap gap plus this many ems) leave room for
    /// blank rows between them.
    public var streamRowGapOverWrap: Double = 0.25
    /// A label line with at least this share of the row gap on both sides is a blank row.
    public var streamBlankRowGapShare: Double = 0.8
    /// Gaps above and below a label line within this many ems of each other are equal (lines set at
    /// one pitch): then list numbering decides where it goes.
    public var streamEqualGapTolerance: Double = 0.15
    /// A label column is at least this many ems wide (closer label starts are one column).
    public var streamMinLabelColumnWidth: Double = 0.5
    /// Wrapped header lines are looked for at most this many ems above (edge to edge).
    public var streamWrapLookUp: Double = 4
    /// A wrapped header text may be this many ems wider than the columns it stands in.
    public var streamWrapRoom: Double = 0.5
    /// Wrapped header lines share their left edge or centre within this many ems.
    public var streamWrapAlignTolerance: Double = 0.6
    /// Glyph boxes taller than this many ems are taller than a line (web-printed PDFs): wraps are
    /// then measured centre to centre (`streamWrapPitch`).
    public var streamTallBoxHeight: Double = 1.6
    /// Header lines whose mean centres are at most this many ems apart, with texts in different
    /// columns, are one header row (cell texts centred over different numbers of lines).
    public var streamHeaderRowMergeGap: Double = 0.8

    // MARK: blank tables (no number at all; see `BlankTableFinder`)

    /// The texts of such a table's header line stand at least this many ems apart.
    public var streamBlankHeaderGap: Double = 2
    /// Its row labels follow each other at most this many ems apart (centre to centre).
    public var streamBlankRowPitch: Double = 2.2
    /// Its rows are at most this many.
    public var streamBlankMaxRows: Int = 4
    /// Its row labels are at most this many characters long (a longer text is prose).
    public var streamBlankMaxLabelLength: Int = 16

    // MARK: layout text (`pdftotext -layout`; distances in character columns of the monospace page)

    /// The header area (words over the value columns) begins this many columns left of where the
    /// values start (CJK headers start left of their numbers), or `textLabelClearance` right of
    /// the labels' end if that is further left.
    public var textHeaderLead: Double = 2
    /// Columns right of the row labels' end where the header area may begin.
    public var textLabelClearance: Double = 1
    /// A word reaching more than this many columns into the values stands over them.
    public var textValueReach: Double = 1
    /// A short word centred at most `textHeaderLead` columns left of the values stands over them
    /// when it has at most this many characters (CJK column headers start left of their numbers).
    public var textMaxCentredHeaderLength: Int = 8
    /// Label fragments start at least this many columns left of the values.
    public var textLabelMargin: Double = 0.5
    /// Column pitch assumed when a header has fewer than two columns to measure it from.
    public var textDefaultPitch: Double = 4
    /// A header word is isolated (may span columns) when its nearest neighbour on the line is
    /// farther than this many column pitches.
    public var textSpanIsolation: Double = 1.6
    /// …and wide when it covers this many column pitches or more.
    public var textSpanWidth: Double = 1.5
    /// A header word and a column it stands over meet when their overlap is at least this share of
    /// the narrower of the two.
    public var textOverlapShare: Double = 0.4
    /// Cost of leaving a header word or column unmatched, as a share of the pitch, and at least
    /// `textMinUnmatchedCost` columns.
    public var textUnmatchedCostShare: Double = 0.8
    public var textMinUnmatchedCost: Double = 2
    /// A header word matches a stack only if their centres are at most this many unmatched costs apart.
    public var textMatchReach: Double = 2
    /// A value column without a header word is taken to reach this many columns either side of its
    /// centre when neighbouring spanning words split their parent's columns (a number's width).
    public var textBareColumnHalfWidth: Double = 1
    /// Pieces of a label letter-spaced over its line (三 、本 年) are at most this many characters.
    public var textLetterSpacedPieceLength: Int = 2
    /// A lone value column is as wide as its widest token plus this many columns.
    public var textColumnPadding: Double = 2
    /// A label line continues a label block at most this many lines below it.
    public var textLabelBlockReach: Int = 3
    /// Columns one line of drift costs when choosing the block a label line continues.
    public var textLineDriftCost: Double = 1.5
    /// A line of numbers without a label belongs to a label at most this many lines from it.
    public var textOrphanReach: Int = 2
    /// A group label's rows have labels starting more than this many columns right of it.
    public var textGroupIndent: Double = 2
    /// Label starts within this many columns are one label column.
    public var textLabelColumnGap: Double = 1.5
    /// A label column starts at least this many columns left of the first value column.
    public var textLabelColumnClearance: Double = 0.5
    /// A label belongs to the label column starting at most this many columns right of it.
    public var textLabelColumnSlack: Double = 0.75
    /// A row's values are placed ambiguously (one cell across the columns) when moving one of them
    /// a column over costs less than this share of the pitch.
    public var textAmbiguousShare: Double = 0.25
    /// With columns known only from header words (no row fills every column), a row with fewer
    /// values is placed ambiguously when a value stands farther than this share of the pitch from
    /// its column's header (pdftotext packs CJK header words, so their places drift by columns).
    public var textHeaderPlacementReach: Double = 0.5
    /// Section headers: a word over the values reaches more than `textValueReach` columns into
    /// them, or starts right of the labels with its centre at most this many columns left of them.
    public var textSectionHeaderLead: Double = 4
    /// A line of at least this many pieces one space apart, all numbers or all short CJK words, is
    /// a table line (a row or header pdftotext packed), never prose, however long.
    public var textSpacedCellsMinCount: Int = 3
    /// A line without a column gap (two spaces) of at least this many characters, next to a long
    /// run of text, is prose: table labels wrap long before a text line does.
    public var textProseLineLength: Int = 28
    /// …where a neighbour is a long run when it has at least this many characters (or a 。).
    public var textProseRunLength: Int = 20
    /// Rows of numbers compared when choosing the column metric are at most this many lines apart
    /// (a wrapped label between them; farther rows may belong to another table's columns).
    public var textMetricRowGapLines: Int = 3
    /// A run of table lines is a table only with at least this many numbers and this many lines
    /// with a column gap; else it is prose or a title that looked like a table.
    public var textMinTableValueCount: Int = 2
    public var textMinColumnedLines: Int = 2

    public init() {}

    /// The units of the listing, for a reader of `gongkai grids --settings`.
    public static let legend = """
        # Layout tolerances (LayoutSettings). Units: stream… distances in ems (a line's character size:
        # the median width of its CJK characters, else the page's); text… in character columns of the
        # layout text; the lattice and rule… values in PDF points; …Share/…Coverage are fractions;
        # …Length, …Rows, …Lines, …Lookback, …Count are counts. Each value's reason is its doc comment in LayoutSettings.swift.
        """

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
