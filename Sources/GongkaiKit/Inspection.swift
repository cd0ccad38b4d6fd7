/// What `gongkai inspect` shows: every extracted value's cell, coloured by how it was used, and the
/// table cells no value came from — all taken from one `ExtractionLayout`, never extracted again.
public struct Inspection: Sendable {
    /// How a marked cell was used.
    public enum Status: String, Sendable, CaseIterable {
        /// A value read from the cell, passing every check it is part of.
        case used
        /// A value not printed but inferred from an identity (`ExtractedValue.inferredBy`).
        case inferred
        /// A value that is null (blank, unreadable or missing cell) or part of a failed check.
        case failed
        /// A cell of a report table holding a number that no value came from.
        case unmatched

        public var color: OverlayColor {
            switch self {
            case .used: return OverlayColor(red: 0.0, green: 0.62, blue: 0.2)
            case .inferred: return OverlayColor(red: 1.0, green: 0.55, blue: 0.0)
            case .failed, .unmatched: return OverlayColor(red: 0.88, green: 0.08, blue: 0.08)
            }
        }

        /// Colour of label text: a darker shade, legible on white.
        public var textColor: OverlayColor {
            switch self {
            case .used: return OverlayColor(red: 0.0, green: 0.42, blue: 0.12)
            case .inferred: return OverlayColor(red: 0.72, green: 0.36, blue: 0.0)
            case .failed, .unmatched: return OverlayColor(red: 0.7, green: 0.0, blue: 0.0)
            }
        }
    }

    /// One outlined cell.
    public struct Mark: Sendable {
        public var status: Status
        public var page: Int
        /// The cell's box (for a missing cell: where it should have been), in points.
        public var box: Rect
        /// Full dotted path of the value; nil for an unmatched cell.
        public var path: String?
        /// What the overlay writes in the cell: the short key, or `unmatched`.
        public var label: String
        public var value: ReportNumber?
        public var raw: String
        /// Why the cell is not plain green (null, the failed check, the inference rule).
        public var reason: String?
        /// The grid cell, when there is one.
        public var cell: CellRef?
    }

    /// Colours of the layout drawn under the marks.
    public static let rulingLineColor = OverlayColor(red: 0.15, green: 0.45, blue: 1.0, alpha: 0.6)
    public static let gridColor = OverlayColor(red: 0.55, green: 0.3, blue: 0.85, alpha: 0.75)

    public var layout: ExtractionLayout
    /// Values first (in table and template order), then unmatched cells.
    public var marks: [Mark]

    public init(_ layout: ExtractionLayout) {
        self.layout = layout
        let report = layout.report
        var failedBy: [String: String] = [:]
        for check in report.checks {
            for f in check.failures {
                for p in f.paths where failedBy[p] == nil {
                    failedBy[p] = "\(check.rule) fails at \(f.at): parts add up to \(f.expected), total says \(f.actual)"
                }
            }
        }
        var warned: [String: String] = [:]
        for w in report.warnings { if let p = w.path, warned[p] == nil { warned[p] = w.message } }

        var marks: [Mark] = []
        var used = Set<CellRef>()
        for (kind, reading) in report.tables.all {
            for v in reading.values {
                let path = v.dottedPath(in: kind)
                var status = Status.used
                var reason: String?
                if v.value == nil {
                    status = .failed
                    reason = warned[path] ?? "null"
                } else if let failure = failedBy[path] {
                    status = .failed
                    reason = failure
                } else if let rule = v.inferredBy {
                    status = .inferred
                    reason = "inferred by \(rule)"
                }
                if let c = v.cell { used.insert(CellRef(grid: c.grid, row: c.row, column: c.column, rowSpan: c.rowSpan, columnSpan: c.columnSpan)) }
                marks.append(Mark(status: status, page: v.page, box: v.box, path: path, label: Self.shortKey(path),
                                  value: v.value, raw: v.raw, reason: reason, cell: v.cell))
            }
        }
        // Numbers in report tables that no value came from: a row or column the readers missed.
        for (index, _) in report.tables.gridKinds.sorted(by: { $0.key < $1.key }) where index < layout.tables.grids.count {
            let grid = layout.tables.grids[index]
            for cell in grid.cells {
                let ref = CellRef(grid: index, row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan)
                guard !used.contains(ref) else { continue }
                switch CellValueParser.read(cell.text) {
                case .number, .zeroToken:
                    marks.append(Mark(status: .unmatched, page: grid.page, box: cell.box, path: nil, label: "unmatched",
                                      value: nil, raw: cell.text, reason: "no value was read from this cell", cell: CellRef(grid: index, cell: cell)))
                case .blank, .unreadable:
                    continue
                }
            }
        }
        self.marks = marks
    }

    /// Marks on page `number`.
    public func marks(onPage number: Int) -> [Mark] { marks.filter { $0.page == number } }

    /// How many marks of each status sit on page `number` (all pages when nil).
    public func counts(onPage number: Int? = nil) -> [Status: Int] {
        var out: [Status: Int] = [:]
        for m in marks where number == nil || m.page == number { out[m.status, default: 0] += 1 }
        return out
    }

    /// The overlay of page `number`: ruling lines found, the grid's cells, then every mark.
    public func overlay(page number: Int, rulingLines: Bool = true, grid: Bool = true, labels: Bool = true) -> [OverlayShape] {
        var shapes: [OverlayShape] = []
        guard let page = layout.page(number) else { return shapes }
        if rulingLines {
            for l in page.rulingLines {
                let w = max(0.8, min(l.thickness, 2))
                shapes.append(l.orientation == .horizontal
                    ? .line(x0: l.start, y0: l.position, x1: l.end, y1: l.position, color: Self.rulingLineColor, width: w)
                    : .line(x0: l.position, y0: l.start, x1: l.position, y1: l.end, color: Self.rulingLineColor, width: w))
            }
        }
        if grid {
            for index in page.grids where index < layout.tables.grids.count {
                for cell in layout.tables.grids[index].cells {
                    shapes.append(.rectangle(page.displayed(cell.box), stroke: Self.gridColor, lineWidth: 0.5, dash: [2, 1.5]))
                }
            }
        }
        for m in marks(onPage: number) {
            shapes.append(.rectangle(page.displayed(m.box), stroke: m.status.color.withAlpha(0.95), fill: m.status.color.withAlpha(0.14),
                                     lineWidth: 1.1, dash: m.status == .unmatched ? [3, 1.5] : [],
                                     label: labels ? OverlayLabel(m.label, color: m.status.textColor) : nil))
        }
        return shapes
    }

    /// The short form of a dotted path for labels: no table prefix, no `results.`, applicant
    /// columns abbreviated (`applications.results.withheld.state_secret.natural_person` →
    /// `withheld.state_secret.np`).
    public static func shortKey(_ dotted: String) -> String {
        var parts = dotted.split(separator: ".").map(String.init)
        guard let table = parts.first else { return dotted }
        if ["proactive", "applications", "review_litigation"].contains(table), parts.count > 1 { parts.removeFirst() }
        if table == "applications" {
            if parts.first == "results", parts.count > 2 { parts.removeFirst() }
            if let last = parts.last, let short = applicantAbbreviations[last] { parts[parts.count - 1] = short }
        }
        return parts.joined(separator: ".")
    }

    static let applicantAbbreviations = [
        "natural_person": "np", "commercial_enterprise": "ce", "research_institution": "ri", "social_welfare_org": "sw",
        "legal_service_org": "ls", "other_org": "oo", "total": "tot",
    ]
}
