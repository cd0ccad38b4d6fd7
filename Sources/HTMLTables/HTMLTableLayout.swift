import PageGeometry
import TableLayout

/// One HTML `<table>` → `CellGrid`, by the HTML table model: each `<td>`/`<th>` takes the first
/// free slot of its row and covers `rowspan` × `colspan` slots, so the grid has the same merged
/// cells as the lattice grid of a PDF page.
///
/// Coordinates are synthetic: y = `rowHeight` × the `<tr>`'s index in the table, x from the
/// column widths the page declares (`<col width>`, `width="…"`, `style="width:…"`, in CSS px),
/// `columnWidth` for a column without any. Declared widths matter in Word-exported tables whose
/// borders do not line up from row to row: Word then adds a sliver column (1 px wide) and spans
/// cells across it differently in different rows, so that a value cell spanning columns 1–2 sits
/// under the header in column 1. Laid out by index, that sliver is a whole column wide and the
/// value would sit half under the wrong header; laid out by widths, as a browser draws it, each
/// value is under its header.
///
/// Word/CMS artifacts (spacer rows, short rows) are cleaned up by `SlotGrid`, shared with Word
/// documents: all-blank rows dropped and the spans across them shortened, uncovered slots filled.
struct HTMLTableLayout {
    var columnWidth: Double
    var rowHeight: Double

    /// A `<td>`/`<th>` placed in the slot grid.
    typealias Placed = SlotGrid.Slot

    /// Columns and rows of a table beyond which cells are dropped. Report tables have about 15
    /// columns and 40 rows; a page with 500 000 `<td>`s in a row would otherwise fill every other
    /// row with as many empty cells (gigabytes).
    static let maxColumns = 200
    static let maxRows = 2000

    /// Places each cell in the first free slot of its row (the HTML table model), then lets
    /// `SlotGrid` fill, drop spacer rows and lay out.
    func grid(of table: HTMLElement, index: Int) -> CellGrid? {
        let rows = Array(Self.rows(of: table).prefix(Self.maxRows))
        guard !rows.isEmpty else { return nil }
        var placed: [Placed] = []
        var occupied: [[Bool]] = Array(repeating: [], count: rows.count)
        func isFree(_ r: Int, _ c: Int) -> Bool { c >= occupied[r].count || !occupied[r][c] }
        for (r, tr) in rows.enumerated() {
            var c = 0
            for td in tr.elementChildren where td.name == "td" || td.name == "th" {
                while !isFree(r, c) { c += 1 }
                guard c < Self.maxColumns else { break }
                var colSpan = min(Self.span(td.attributes["colspan"], zeroMeans: 1, limit: 1000), Self.maxColumns - c)
                var k = 1
                while k < colSpan, isFree(r, c + k) { k += 1 }
                colSpan = k  // a span running into a cell from a row above stops there (overlap)
                let rowSpan = min(Self.span(td.attributes["rowspan"], zeroMeans: rows.count - r, limit: 65534), rows.count - r)
                for rr in r..<(r + rowSpan) {
                    if occupied[rr].count < c + colSpan { occupied[rr] += Array(repeating: false, count: c + colSpan - occupied[rr].count) }
                    for cc in c..<(c + colSpan) { occupied[rr][cc] = true }
                }
                placed.append(Placed(row: r, column: c, rowSpan: rowSpan, columnSpan: colSpan, text: HTMLText.text(of: td), width: Self.declaredWidth(td)))
                c += colSpan
            }
        }
        let slots = SlotGrid(rowCount: rows.count, slots: placed)
        guard slots.isLayable else { return nil }
        let widths = columnWidths(table: table, placed: placed, columns: slots.columnCount)
        return slots.cellGrid(page: index, columnWidths: widths, rowHeight: rowHeight)
    }

    /// The `<tr>`s of a table in document order: its own and those of its `<thead>`/`<tbody>`/`<tfoot>`.
    static func rows(of table: HTMLElement) -> [HTMLElement] {
        var out: [HTMLElement] = []
        for child in table.elementChildren {
            switch child.name {
            case "tr": out.append(child)
            case "thead", "tbody", "tfoot": out.append(contentsOf: child.elementChildren.filter { $0.name == "tr" })
            default: break
            }
        }
        return out
    }

    /// rowspan/colspan as the HTML table model reads them: a missing or unreadable value is 1.
    static func span(_ value: String?, zeroMeans: Int, limit: Int) -> Int {
        guard let value else { return 1 }
        let digits = value.drop(while: { $0 == " " }).prefix(while: { $0.isASCII && $0.isNumber })
        guard let n = Int(digits) else { return 1 }
        if n == 0 { return max(1, zeroMeans) }
        return min(n, limit)
    }

    // MARK: widths

    /// Column widths: `<col>` widths first, then the widest single-column cell of each column,
    /// then what spanning cells leave for columns still unknown; `columnWidth` for the rest (or the
    /// median of the known widths when some are known). Never below 1.
    func columnWidths(table: HTMLElement, placed: [Placed], columns: Int) -> [Double] {
        var w = [Double?](repeating: nil, count: columns)
        var slot = 0
        func addCol(_ e: HTMLElement) {
            let span = Self.span(e.attributes["span"], zeroMeans: 1, limit: 1000)
            let width = Self.declaredWidth(e)
            for _ in 0..<span {
                if slot < columns, let width { w[slot] = width }
                slot += 1
            }
        }
        for child in table.elementChildren {
            if child.name == "col" { addCol(child) }
            if child.name == "colgroup" {
                let cols = child.elementChildren.filter { $0.name == "col" }
                if cols.isEmpty { addCol(child) } else { cols.forEach(addCol) }
            }
        }
        let fromCols = Set(w.indices.filter { w[$0] != nil })
        for p in placed where p.columnSpan == 1 && !fromCols.contains(p.column) {
            if let pw = p.width { w[p.column] = max(w[p.column] ?? 0, pw) }
        }
        for p in placed.filter({ $0.columnSpan > 1 && $0.width != nil }).sorted(by: { $0.columnSpan < $1.columnSpan }) {
            let range = p.column..<(p.column + p.columnSpan)
            let unknown = range.filter { w[$0] == nil }
            guard !unknown.isEmpty else { continue }
            let known = range.compactMap { w[$0] }.reduce(0, +)
            let share = (p.width! - known) / Double(unknown.count)
            if share > 0 { for c in unknown { w[c] = share } }
        }
        let known = w.compactMap { $0 }.sorted()
        let fallback = known.isEmpty ? columnWidth : known[known.count / 2]
        return w.map { max(1, $0 ?? fallback) }
    }

    /// A width the element declares, in CSS px: `style="width:…"` (px, pt, cm, mm, in) before the
    /// `width` attribute; percentages and other units give nil.
    static func declaredWidth(_ e: HTMLElement) -> Double? {
        if let style = e.attributes["style"] {
            for declaration in style.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingSpaces.lowercased() == "width" else { continue }
                if let v = length(parts[1].trimmingSpaces) { return v }
            }
        }
        return e.attributes["width"].flatMap { length($0.trimmingSpaces) }
    }

    static func length(_ s: Substring) -> Double? {
        let lower = s.lowercased()
        let number = lower.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard let value = Double(number), value > 0 else { return nil }
        let unit = lower.dropFirst(number.count).trimmingSpaces
        let scale: Double
        switch unit {
        case "", "px": scale = 1
        case "pt": scale = 96.0 / 72.0
        case "cm": scale = 96.0 / 2.54
        case "mm": scale = 96.0 / 25.4
        case "in": scale = 96
        default: return nil
        }
        return value * scale
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        return s[start...s.lastIndex(where: { !$0.isWhitespace })!]
    }
}
