/// The long (tidy) form of extracted documents: one row per cell, ready for pandas, R or Excel.
public enum LongForm {
    public static let header = ["source", "sha256", "agency", "year", "template", "path", "value", "inferred", "error"]
    /// Columns `--provenance` appends: page, cell box in points (top-left origin), raw cell text,
    /// grid index/row/column (0-based; empty without a cell), and for text inputs the source line
    /// and column.
    public static let provenanceHeader = ["page", "x0", "y0", "x1", "y1", "raw", "grid", "row", "column", "text_line", "text_column"]

    public static func header(provenance: Bool) -> [String] { provenance ? header + provenanceHeader : header }

    /// One row per numeric cell of the three tables (dotted path, value or empty for null).
    public static func rows(_ document: ReportDocument, provenance: Bool = false) -> [[String]] {
        let source = document.source?.path ?? ""
        let sha = document.source?.sha256 ?? ""
        let agency = document.title?.agency ?? ""
        let year = document.title?.year.map(String.init) ?? ""
        var out: [[String]] = []
        for (table, reading) in [("proactive", document.tables.proactive), ("applications", document.tables.applications),
                                 ("review_litigation", document.tables.reviewLitigation)] {
            for v in reading.values.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
                var row = [source, sha, agency, year, document.template, table + "." + v.path.joined(separator: "."),
                           v.value?.literal ?? "", v.inferredBy == nil ? "false" : "true", ""]
                if provenance { row += provenanceFields(v) }
                out.append(row)
            }
        }
        return out
    }

    /// The row recording a file that could not be converted.
    public static func failureRow(source: String, sha256: String, code: String, provenance: Bool = false) -> [String] {
        [source, sha256, "", "", "", "", "", "", code] + (provenance ? Array(repeating: "", count: provenanceHeader.count) : [])
    }

    private static func provenanceFields(_ v: ExtractedValue) -> [String] {
        let box = [v.box.x0, v.box.y0, v.box.x1, v.box.y1].map(ReportDocument.format2)
        let cell = v.cell.map { [String($0.grid), String($0.row), String($0.column)] } ?? ["", "", ""]
        let text = v.cell?.textPosition.map { [String($0.line), String($0.column)] } ?? ["", ""]
        return [String(v.page)] + box + [v.raw] + cell + text
    }
}
