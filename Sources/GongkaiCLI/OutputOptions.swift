import ArgumentParser
import GongkaiKit

/// How a document is written: shared by `extract` and `batch`.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// The JSON document (indented unless --compact).
        case json
        /// One document per line.
        case jsonl
        /// Long (tidy) form: one row per cell.
        case csv
    }

    @Option(help: "Output format: json (one document), jsonl (one document per line) or csv (one row per cell).")
    var format: Format = .json

    @Flag(help: "Print the JSON on one line (jsonl always is).")
    var compact = false

    @Flag(help: "Add, for every value, its page, cell box (PDF points, origin top-left), raw text and grid cell (JSON: a \"provenance\" list; CSV: extra columns). Web pages: page = the table's number, box in synthetic units (y0 / 20 = the row's <tr> index).")
    var provenance = false

    @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
    var bom = false

    @Flag(name: .customLong("csv-safe"), help: "In CSV, put a ' before text cells that start with = + - @ (a spreadsheet would run them as formulas); numbers are left as they are.")
    var csvSafe = false

    @Flag(name: .customLong("csv-header"), inversion: .prefixedNo, help: "Write the CSV header row.")
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
