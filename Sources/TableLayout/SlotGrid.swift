import PageGeometry

/// A table whose cells were placed in row/column slots by a markup table model (HTML's
/// rowspan/colspan, Word's gridSpan/vMerge) → `CellGrid`, the same model the PDF lattice gives.
/// Shared by every reader of marked-up tables, so they clean up and lay out tables alike.
///
/// Word/CMS artifacts: rows whose own cells are all blank (spacer rows, empty rows that only
/// carry row spans) are dropped and the spans across them shortened — except a blank last row,
/// which is kept as a row of blank values; slots no cell covers (short rows) get empty cells, so
/// every grid position is covered by exactly one cell.
///
/// Coordinates are synthetic: y = `rowHeight` × the source row's index, x from the column widths
/// the caller passes (declared in the markup, so each value sits under its header as drawn).
public struct SlotGrid: Sendable {
    /// A cell placed in the slot grid.
    public struct Slot: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
        public var text: String
        /// The width the markup declares for this cell, if any (in the caller's unit).
        public var width: Double?

        public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, width: Double? = nil) {
            self.row = row; self.column = column; self.rowSpan = rowSpan; self.columnSpan = columnSpan
            self.text = text; self.width = width
        }
    }

    /// Largest grid (rows × columns) laid out; report tables need a few hundred positions, and
    /// filling a broken or hostile table of millions would take gigabytes.
    public static let maxSlots = 100_000

    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    public private(set) var slots: [Slot]

    /// `slots` must not overlap; slots beyond `rowCount` rows are clipped.
    public init(rowCount: Int, slots: [Slot]) {
        self.rowCount = rowCount
        self.slots = slots.filter { $0.row < rowCount }.map { s in
            var s = s
            s.rowSpan = max(1, min(s.rowSpan, rowCount - s.row))
            return s
        }
        self.columnCount = self.slots.map { $0.column + $0.columnSpan }.max() ?? 0
    }

    /// Whether the grid is small enough to lay out (see `maxSlots`) and has any slot at all.
    public var isLayable: Bool { rowCount > 0 && columnCount > 0 && rowCount * columnCount <= Self.maxSlots }

    /// The grid with an empty slot wherever no cell covers a position (short rows).
    public func filled() -> SlotGrid {
        var covered = Array(repeating: Array(repeating: false, count: columnCount), count: rowCount)
        for s in slots {
            for r in s.row..<(s.row + s.rowSpan) { for c in s.column..<(s.column + s.columnSpan) { covered[r][c] = true } }
        }
        var out = self
        for r in 0..<rowCount { for c in 0..<columnCount where !covered[r][c] { out.slots.append(Slot(row: r, column: c, text: "")) } }
        return out
    }

    /// Rows kept in the grid: those with a non-blank cell of their own, and a last row with cells
    /// of its own even when blank (a row of blank values).
    public func keptRows() -> [Int] {
        var blank = Array(repeating: true, count: rowCount)
        var hasOwnCells = Array(repeating: false, count: rowCount)
        for s in slots {
            hasOwnCells[s.row] = true
            if !s.text.isEmpty { blank[s.row] = false }
        }
        let last = rowCount - 1
        return (0..<rowCount).filter { !blank[$0] || ($0 == last && hasOwnCells[$0]) }
    }

    /// The `CellGrid`: uncovered slots filled, spacer rows dropped, x from `columnWidths` (one per
    /// column, each at least 1), y from `rowHeight`. Nil when nothing is left or too large.
    public func cellGrid(page: Int, columnWidths: [Double], rowHeight: Double) -> CellGrid? {
        guard isLayable, columnWidths.count == columnCount else { return nil }
        let full = filled()
        let kept = full.keptRows()
        guard let lastKept = kept.last else { return nil }
        var newIndex = Array(repeating: -1, count: rowCount)
        for (i, r) in kept.enumerated() { newIndex[r] = i }
        var xs: [Double] = [0]
        for w in columnWidths { xs.append(xs.last! + max(1, w)) }
        // y0 of a kept row is rowHeight × its source index; a dropped row's height goes to the row above.
        let ys = kept.map { Double($0) * rowHeight } + [Double(lastKept + 1) * rowHeight]
        var cells: [GridCell] = []
        for s in full.slots {
            let keptRows = (s.row..<(s.row + s.rowSpan)).map { newIndex[$0] }.filter { $0 >= 0 }
            guard let top = keptRows.first else { continue }
            let span = keptRows.count
            cells.append(GridCell(
                row: top, column: s.column, rowSpan: span, columnSpan: s.columnSpan,
                box: Rect(x0: xs[s.column], y0: ys[top], x1: xs[s.column + s.columnSpan], y1: ys[top + span]),
                text: s.text))
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return CellGrid(page: page, rowEdges: ys, columnEdges: xs, cells: cells, method: .lattice)
    }
}

/// How a marked-up table (web page, Word) is given page geometry: the markup has rows and column
/// slots but no positions, so each slot gets a box of these sizes (declared widths win where the
/// document gives them). Shared by the HTML and Word readers.
public struct MarkupGridSettings: Sendable {
    /// Width of a column for which the document declares none (points; CSS px in web pages).
    public var columnWidth = 40.0
    /// Height of every row (`<tr>`, `w:tr`).
    public var rowHeight = 20.0
    /// Lines of text kept before the first table.
    public var maxLeadingLines = 80
    public init() {}
}
