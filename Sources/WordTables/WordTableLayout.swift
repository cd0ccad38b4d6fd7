import TableLayout

/// One Word table (`w:tbl`) → `CellGrid`, by WordprocessingML's table model: the table declares
/// its columns (`w:tblGrid`), each row skips `w:gridBefore` of them, each `w:tc` covers
/// `w:gridSpan` columns, and a cell marked `w:vMerge` (without `restart`) continues the merged
/// cell above it, so the merged cell's text is in its first row only. `SlotGrid` then fills short
/// rows, drops spacer rows and lays the grid out, as for web pages.
///
/// x comes from the declared column widths (twentieths of a point → points), so each value sits
/// under its header as Word draws it; y is `rowHeight` × the `w:tr`'s index.
struct WordTableLayout {
    var columnWidth: Double
    var rowHeight: Double

    /// Columns and rows beyond which cells are dropped (report tables have ~15 × 40).
    static let maxColumns = 200
    static let maxRows = 2000

    func grid(of table: XMLElement, index: Int) -> CellGrid? {
        let rows = Array(Self.rows(of: table).prefix(Self.maxRows))
        guard !rows.isEmpty else { return nil }
        var slots: [SlotGrid.Slot] = []
        // For each column, the index in `slots` of the cell that covers it in the row above.
        var above: [Int: Int] = [:]
        for (r, tr) in rows.enumerated() {
            var c = min(max(0, Int(tr.child("trPr")?.value(of: "gridBefore") ?? "") ?? 0), Self.maxColumns)
            var here: [Int: Int] = [:]
            for tc in Self.cells(of: tr) {
                guard c < Self.maxColumns else { break }
                let properties = tc.child("tcPr")
                let span = min(max(1, Int(properties?.value(of: "gridSpan") ?? "") ?? 1), Self.maxColumns - c)
                // Word 2003 XML spells the merge elements in lower case.
                if let merge = properties?.child("vMerge") ?? properties?.child("vmerge"), merge.attributes["val"] != "restart",
                   let i = above[c], slots[i].column == c, slots[i].row + slots[i].rowSpan == r {
                    slots[i].rowSpan += 1
                    for k in c..<(c + slots[i].columnSpan) { here[k] = i }
                    c = max(c + span, c + slots[i].columnSpan)  // never into the merged cell
                    continue
                }
                if (properties?.child("hMerge") ?? properties?.child("hmerge")).map({ $0.attributes["val"] != "restart" }) == true,
                   c > 0, let i = here[c - 1] {
                    // Legacy horizontal merge: this cell continues the one on its left.
                    slots[i].columnSpan += span
                    for k in c..<(c + span) { here[k] = i }
                    c += span
                    continue
                }
                slots.append(.init(row: r, column: c, columnSpan: span, text: WordText.text(of: tc), width: Self.width(properties)))
                for k in c..<(c + span) { here[k] = slots.count - 1 }
                c += span
            }
            above = here
        }
        let grid = SlotGrid(rowCount: rows.count, slots: slots)
        guard grid.isLayable else { return nil }
        return grid.cellGrid(page: index, columnWidths: columnWidths(table: table, slots: slots, columns: grid.columnCount), rowHeight: rowHeight)
    }

    /// The `w:tr`s of a table, also those wrapped in content controls or custom XML.
    static func rows(of table: XMLElement) -> [XMLElement] { unwrapped(table.elements, name: "tr") }

    /// The `w:tc`s of a row, also those wrapped in content controls or custom XML.
    static func cells(of row: XMLElement) -> [XMLElement] { unwrapped(row.elements, name: "tc") }

    private static func unwrapped(_ elements: [XMLElement], name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for e in elements {
            if e.name == name { out.append(e) }
            else if e.name == "sdt" { out += unwrapped(e.child("sdtContent")?.elements ?? [], name: name) }
            else if e.name == "customXml" { out += unwrapped(e.elements, name: name) }
        }
        return out
    }

    /// A cell's declared width in points (`w:tcW` in twentieths of a point; other types give nil).
    static func width(_ properties: XMLElement?) -> Double? {
        guard let w = properties?.child("tcW"), w.attributes["type"] ?? "dxa" == "dxa" else { return nil }
        return points(w.attributes["w"])
    }

    /// A length in twentieths of a point (`w:w` of `w:gridCol`, `w:tcW`) → points; nil unless a
    /// positive width a page could hold (under 10 m), so hostile values do not reach the geometry.
    static func points(_ twips: String?) -> Double? {
        guard let v = twips.flatMap(Double.init), v.isFinite, v > 0, v < 20 * 28_350 else { return nil }
        return v / 20
    }

    /// Column widths in points: `w:tblGrid` first, then single-column cells' `w:tcW`; the median
    /// of known widths (or `columnWidth`) for the rest.
    func columnWidths(table: XMLElement, slots: [SlotGrid.Slot], columns: Int) -> [Double] {
        var w = [Double?](repeating: nil, count: columns)
        let declared = table.child("tblGrid")?.elements.filter { $0.name == "gridCol" } ?? []
        for (i, col) in declared.prefix(columns).enumerated() {
            if let v = Self.points(col.attributes["w"]) { w[i] = v }
        }
        for s in slots where s.columnSpan == 1 && w[s.column] == nil {
            if let sw = s.width { w[s.column] = sw }
        }
        let known = w.compactMap { $0 }.sorted()
        let fallback = known.isEmpty ? columnWidth : known[known.count / 2]
        return w.map { max(1, $0 ?? fallback) }
    }
}
