import PageGeometry

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
    public var box: Rect

    public init(path: [String], value: ReportNumber?, raw: String, inferredBy: String? = nil, page: Int, box: Rect) {
        self.path = path; self.value = value; self.raw = raw; self.inferredBy = inferredBy; self.page = page; self.box = box
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
    public var warnings: [ReportWarning] = []
    /// How rows and columns were matched (label → template path, score), for `--verbose`.
    public var notes: [String] = []
    public init() {}
}
