import PageGeometry
import TableLayout

/// The grid cell a value was read from: which grid of the document and where in it.
public struct CellRef: Sendable, Equatable, Hashable {
    /// Index of the grid among the document's grids in reading order (the `grids` given to
    /// `ReportParser.parse`, i.e. `TableDocument.grids`), 0-based.
    public var grid: Int
    /// 0-based grid row and column of the cell's top-left position, and how many it covers.
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    /// Text inputs: where the cell's text starts in the source (see `GridCell.textPosition`).
    public var textPosition: TextPosition?
    /// Scanned pages: the OCR's confidence in the cell's text (see `GridCell.ocrConfidence`).
    public var ocrConfidence: Int?

    public init(grid: Int, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, textPosition: TextPosition? = nil) {
        self.grid = grid; self.row = row; self.column = column; self.rowSpan = rowSpan; self.columnSpan = columnSpan
        self.textPosition = textPosition
    }

    public init(grid: Int, cell: GridCell) {
        self.init(grid: grid, row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
                  textPosition: cell.textPosition)
        ocrConfidence = cell.ocrConfidence
    }
}

/// One value read from a table, with where it came from.
public struct ExtractedValue: Sendable, Equatable {
    /// Key path below the table's key, e.g. `["results", "withheld", "state_secret", "natural_person"]`.
    public var path: [String]
    public var value: ReportNumber?
    /// The cell text as printed.
    public var raw: String
    /// Set when the value was not printed but follows from an accounting identity.
    public var inferredBy: String?
    public var page: Int
    /// The cell's box in PDF points (top-left origin, y down). When no cell sat under the value's
    /// column (`cell` nil), the box where it should have been: the column's x range over the row.
    public var box: Rect
    /// The grid cell the value was read from; nil when the row had no cell in that column, or
    /// for a value inferred rather than read.
    public var cell: CellRef?
    /// No cell sat under the value's column, but every cell read under that column is blank (a
    /// blank 总计 column that a continuation page without a header does not show): a blank, not a
    /// lost cell, so never inferred (`ApplicationsReader.markBlankColumns`).
    public var blankByColumn = false

    public init(path: [String], value: ReportNumber?, raw: String, inferredBy: String? = nil, page: Int, box: Rect, cell: CellRef? = nil) {
        self.path = path; self.value = value; self.raw = raw; self.inferredBy = inferredBy; self.page = page; self.box = box
        self.cell = cell
    }

    /// The full dotted path, e.g. `applications.results.withheld.state_secret.natural_person`.
    public func dottedPath(in table: ReportTableKind) -> String {
        table.key + "." + path.joined(separator: ".")
    }
}

/// Something the reader skipped, could not match or could not read. Never fatal.
public struct ReportWarning: Sendable, Equatable {
    public var code: String
    public var message: String
    /// Dotted cell path the warning is about, if any.
    public var path: String?
    public var page: Int?

    public init(code: String, message: String, path: String? = nil, page: Int? = nil) {
        self.code = code; self.message = message; self.path = path; self.page = page
    }
}

/// The values of one report table and the format version it follows.
public struct TableReading: Sendable, Equatable {
    public var version: TemplateVersion?
    public var values: [ExtractedValue] = []
    /// Non-numeric leaves (e.g. procurement `unit`), by dotted path below the table.
    public var strings: [String: String] = [:]
    /// How labels and columns were matched, for `--verbose`.
    public var notes: [String] = []
    public var found: Bool { !values.isEmpty }

    public init(version: TemplateVersion? = nil) { self.version = version }

    public func value(_ path: String) -> ExtractedValue? {
        values.first { $0.path.joined(separator: ".") == path }
    }
}

/// The table-derived part of a report: tables, their versions, warnings.
public struct ReportTables: Sendable {
    public var proactive = TableReading()
    public var applications = TableReading()
    public var reviewLitigation = TableReading()
    /// Whether any of tables 二/三/四 was read (else the document is not read as a report).
    public var foundAny: Bool { proactive.found || applications.found || reviewLitigation.found }
    public var warnings: [ReportWarning] = []
    /// Which report table each grid was read as, by grid index (see `CellRef.grid`); grids that
    /// are none of tables 二/三/四 are absent.
    public var gridKinds: [Int: ReportTableKind] = [:]
    /// How rows and columns were matched (label → template path, score), for `--verbose`.
    public var notes: [String] = []
    public init() {}

    /// The three tables with their kinds, in document order.
    public var all: [(kind: ReportTableKind, reading: TableReading)] {
        [(.proactive, proactive), (.applications, applications), (.reviewLitigation, reviewLitigation)]
    }
}
