import ArgumentParser
import GongkaiKit

/// How a document is written: shared by `extract` and `batch`.
struct OutputOptions: ParsableArguments {
    typealias Format = OutputSettings.Format

    @Option(help: "Output format: json (one document), jsonl (one document per line) or csv (one row per cell).")
    var format: Format = OutputSettings().format

    @Flag(help: "Print the JSON on one line (jsonl always is).")
    var compact = OutputSettings().compact

    @Flag(help: "Add, for every value, its page, cell box (PDF points, origin top-left), raw text and grid cell (JSON: a \"provenance\" list; CSV: extra columns). Web pages: page = the table's number, box in synthetic units (y0 / 20 = the row's <tr> index).")
    var provenance = OutputSettings().provenance

    @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
    var bom = OutputSettings().bom

    @Flag(name: .customLong("csv-safe"), help: "In CSV, put a ' before text cells that start with = + - @ (a spreadsheet would run them as formulas); numbers are left as they are.")
    var csvSafe = OutputSettings().csvSafe

    @Flag(name: .customLong("csv-header"), inversion: .prefixedNo, help: "Write the CSV header row.")
    var csvHeader = OutputSettings().csvHeader

    var settings: OutputSettings {
        OutputSettings(format: format, compact: compact, provenance: provenance, bom: bom, csvSafe: csvSafe, csvHeader: csvHeader)
    }

    /// Text before the first record (CSV header, BOM).
    var preamble: String { settings.preamble }

    func render(_ document: ReportDocument) -> String { settings.render(document) }

    /// The record that stands for a file that failed, in the same format as documents.
    func renderFailure(path: String, sha256: String, code: String, message: String) -> String {
        settings.renderFailure(path: path, sha256: sha256, code: code, message: message)
    }
}

extension OutputSettings.Format: ExpressibleByArgument {}
