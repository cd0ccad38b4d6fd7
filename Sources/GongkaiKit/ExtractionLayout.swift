/// One page as the layout layer saw it (PDF inputs): what `inspect` draws under the values.
public struct PageLayout: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Page size in points (the space of every box and line).
    public var width: Double
    public var height: Double
    /// Whether the page was searched for ruling lines: only pages whose text carries the tables'
    /// labels are (prose pages never are).
    public var scanned: Bool
    /// The ruling lines found (empty when not scanned).
    public var rulingLines: [RulingLine]
    /// The page's grids, as indices into `ExtractionLayout.tables.grids` (and `CellRef.grid`).
    public var grids: Range<Int>
    /// Glyphs read on the page (from its text layer, or cells' characters read by OCR).
    public var glyphCount: Int
    /// The direction the page's text runs in as displayed. A page whose text runs down, up or
    /// upside down is read turned upright: its grids' boxes are in that turned page (`displayed`
    /// takes them back); its size and ruling lines are as displayed.
    public var direction: TextDirection

    public init(number: Int, width: Double, height: Double, scanned: Bool, rulingLines: [RulingLine], grids: Range<Int>,
                glyphCount: Int = 0, direction: TextDirection = .upright) {
        self.number = number; self.width = width; self.height = height; self.scanned = scanned
        self.rulingLines = rulingLines; self.grids = grids; self.glyphCount = glyphCount; self.direction = direction
    }

    /// A box of the page turned upright (a grid's cell), on the page as displayed.
    public func displayed(_ box: Rect) -> Rect {
        let quarter = direction == .down || direction == .up
        return direction.inverse.turning(box, pageWidth: quarter ? height : width, pageHeight: quarter ? width : height)
    }
}

/// A document's tables as the pipeline read them, before a report is made of them (`gongkai grids`
/// prints them; `extract` goes on from them to the report).
public struct InputTables {
    /// The format the input was read as.
    public var format: InputFormat
    /// The grids in reading order, the running text and the title.
    public var tables: TableDocument
    /// PDF, when the layout is kept: every page read, in order. Other inputs have no pages.
    public var pages: [PageLayout]
    /// How the input was read (`extract --verbose` prints them).
    public var notes: [String]
    /// PDF pages read by OCR.
    var ocrPages: [(page: Int, summary: OCRSummary)] = []
    /// The text the template alignment reads: the document's text, or for PDFs the table pages'
    /// lines in reading order (built only when asked).
    var alignmentText: () -> String? = { nil }
}

/// A report together with the layout it was read from: everything needed to show what was
/// extracted and from where, without extracting again.
public struct ExtractionLayout: Sendable {
    /// The extracted report (the document `extract` returns).
    public var report: ReportDocument
    public var format: InputFormat
    /// The grids in reading order; `CellRef.grid` and `report.tables.gridKinds` index into them.
    public var tables: TableDocument
    /// PDF: every page read, in order. Other inputs have no pages.
    public var pages: [PageLayout]

    public init(report: ReportDocument, format: InputFormat, tables: TableDocument, pages: [PageLayout]) {
        self.report = report; self.format = format; self.tables = tables; self.pages = pages
    }

    /// Pages that hold at least one grid.
    public var pagesWithTables: [PageLayout] { pages.filter { !$0.grids.isEmpty } }

    /// The page numbered `number` (1-based), if it was read.
    public func page(_ number: Int) -> PageLayout? { pages.first { $0.number == number } }
}
