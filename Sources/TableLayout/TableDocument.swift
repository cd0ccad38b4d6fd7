/// What any input (PDF, layout text, markdown, HTML) gives the report parser: its tables as
/// grids in reading order and the lines of its opening (for the title), so that one report parser
/// serves every input format.
public struct TableDocument: Sendable {
    /// A line of running text outside tables, with its glyph height where the input has one
    /// (PDF); inputs without sizes give 0.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var height: Double
        public init(text: String, height: Double = 0) { self.text = text; self.height = height }
    }

    /// Number of pages (1 for inputs without pages).
    public var pages: Int
    public var grids: [CellGrid]
    /// The first lines of running text, top to bottom (title search).
    public var leadingLines: [Line]
    /// All text of the document, for diagnosing inputs that are not reports.
    public var fullText: String
    /// A title from the input's metadata (PDF /Title, HTML <title>), if any.
    public var metadataTitle: String?

    public init(pages: Int, grids: [CellGrid], leadingLines: [Line], fullText: String, metadataTitle: String? = nil) {
        self.pages = pages; self.grids = grids; self.leadingLines = leadingLines
        self.fullText = fullText; self.metadataTitle = metadataTitle
    }
}
