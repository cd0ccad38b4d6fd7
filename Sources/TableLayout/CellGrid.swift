import PageGeometry

/// Where a cell's text starts in a text source (layout text, markdown): 1-based line and column,
/// the column counted in characters. Readers of text inputs set it on the cells they build;
/// `--provenance` passes it on as `line`/`column`. PDF and HTML cells have none.
public struct TextPosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

/// One cell of a reconstructed table, possibly spanning several grid rows and columns.
public struct GridCell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    /// The cell's box in PDF points.
    public var box: Rect
    /// The cell's text, wrapped lines joined.
    public var text: String
    /// Text inputs: where the cell's text starts in the source; nil for PDF and HTML.
    public var textPosition: TextPosition?
    /// Scanned pages: how sure the OCR was of the text (0…100); nil for text read from a source.
    public var ocrConfidence: Int?

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, box: Rect, text: String, textPosition: TextPosition? = nil) {
        self.row = row; self.column = column; self.rowSpan = rowSpan; self.columnSpan = columnSpan
        self.box = box; self.text = text; self.textPosition = textPosition
    }

    public var lastRow: Int { row + rowSpan - 1 }
    public var lastColumn: Int { column + columnSpan - 1 }
    public func covers(row r: Int) -> Bool { r >= row && r <= lastRow }
    public func covers(column c: Int) -> Bool { c >= column && c <= lastColumn }
}

/// A table as a grid: boundaries of rows and columns and the (merged) cells laid on them.
///
/// Every grid position is covered by exactly one cell; a merged cell covers a rectangle of them.
public struct CellGrid: Sendable, Equatable {
    public enum Method: String, Sendable { case lattice, stream }

    /// 1-based page the table sits on (the first page when joined across a page break).
    public var page: Int
    /// y of each row boundary, top to bottom (rowCount + 1 values).
    public var rowEdges: [Double]
    /// x of each column boundary, left to right (columnCount + 1 values).
    public var columnEdges: [Double]
    public var cells: [GridCell]
    public var method: Method
    /// Whether an empty cell may be a value the source lost rather than a blank the report shows.
    /// True for grids rebuilt from converter output (text, markdown), where a dropped number leaves
    /// an empty cell; false for PDF and HTML, where an empty cell is what the report prints.
    public var blankCellsMayBeLost: Bool

    public init(page: Int, rowEdges: [Double], columnEdges: [Double], cells: [GridCell], method: Method,
                blankCellsMayBeLost: Bool = false) {
        self.page = page; self.rowEdges = rowEdges; self.columnEdges = columnEdges; self.cells = cells; self.method = method
        self.blankCellsMayBeLost = blankCellsMayBeLost
    }

    public var rowCount: Int { max(0, rowEdges.count - 1) }
    public var columnCount: Int { max(0, columnEdges.count - 1) }
    public var box: Rect {
        Rect(x0: columnEdges.first ?? 0, y0: rowEdges.first ?? 0, x1: columnEdges.last ?? 0, y1: rowEdges.last ?? 0)
    }

    /// Cells that cover grid row `r`, left to right, each once.
    public func cells(inRow r: Int) -> [GridCell] {
        cells.filter { $0.covers(row: r) }.sorted { $0.column < $1.column }
    }

    /// The cell covering (`r`, `c`), if any.
    public func cell(row r: Int, column c: Int) -> GridCell? {
        cells.first { $0.covers(row: r) && $0.covers(column: c) }
    }

    /// Plain-text rendering for debugging: one line per grid row, cells separated by " | ".
    public var debugDescription: String {
        (0..<rowCount).map { r in
            cells(inRow: r).map { c in
                let mark = c.row == r ? c.text : "^"
                return c.columnSpan > 1 ? "\(mark)<\(c.columnSpan)>" : mark
            }.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
