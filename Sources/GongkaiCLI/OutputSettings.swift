import GongkaiKit

/// How a document is written, as plain values: what `OutputOptions` parses, and what a plain
/// `gongkai extract FILE` uses without parsing (`PlainExtract`). Defaults are the options' defaults.
struct OutputSettings: Equatable {
    enum Format: String, CaseIterable {
        /// The JSON document (indented unless --compact).
        case json
        /// One document per line.
        case jsonl
        /// Long (tidy) form: one row per cell.
        case csv
    }

    var format: Format = .json
    var compact = false
    var provenance = false
    var bom = false
    var csvSafe = false
    var csvHeader = true

    /// Text before the first record (CSV header, BOM).
    var preamble: String {
        guard format == .csv else { return "" }
        return (bom ? CSVWriter.byteOrderMark : "") + (csvHeader ? CSVWriter.row(LongForm.header(provenance: provenance), spreadsheetSafe: csvSafe) : "")
    }

    func render(_ document: ReportDocument) -> String {
        switch format {
        case .json:
            return document.json(provenance: provenance).rendered(pretty: !compact) + "\n"
        case .jsonl:
            return document.json(provenance: provenance).rendered(pretty: false) + "\n"
        case .csv:
            return LongForm.rows(document, provenance: provenance).map { CSVWriter.row($0, spreadsheetSafe: csvSafe) }.joined()
        }
    }

    /// The record that stands for a file that failed, in the same format as documents.
    func renderFailure(path: String, sha256: String, code: String, message: String) -> String {
        switch format {
        case .json, .jsonl:
            let record = JSONValue.object([
                "source": .object(["path": .string(path), "sha256": .string(sha256)]),
                "error": .object(["code": .string(code), "message": .string(message)]),
            ])
            return record.rendered(pretty: false) + "\n"
        case .csv:
            return CSVWriter.row(LongForm.failureRow(source: path, sha256: sha256, code: code, provenance: provenance), spreadsheetSafe: csvSafe)
        }
    }
}
