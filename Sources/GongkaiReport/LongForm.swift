/// The long (tidy) form of extracted documents: one row per cell, ready for pandas, R or Excel.
public enum LongForm {
    public static let header = ["source", "sha256", "agency", "year", "template", "path", "value", "inferred", "error"]

    /// One row per numeric cell of the three tables (dotted path, value or empty for null).
    public static func rows(_ document: ReportDocument) -> [[String]] {
        let source = document.source?.path ?? ""
        let sha = document.source?.sha256 ?? ""
        let agency = document.title?.agency ?? ""
        let year = document.title?.year.map(String.init) ?? ""
        var out: [[String]] = []
        for (table, reading) in [("proactive", document.tables.proactive), ("applications", document.tables.applications),
                                 ("review_litigation", document.tables.reviewLitigation)] {
            for v in reading.values.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
                out.append([source, sha, agency, year, document.template, table + "." + v.path.joined(separator: "."),
                            v.value?.literal ?? "", v.inferredBy == nil ? "false" : "true", ""])
            }
        }
        return out
    }

    /// The row recording a file that could not be converted.
    public static func failureRow(source: String, sha256: String, code: String) -> [String] {
        [source, sha256, "", "", "", "", "", "", code]
    }
}
