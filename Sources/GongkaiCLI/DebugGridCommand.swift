import ArgumentParser
import BatchRunner
import GongkaiKit

/// Prints the grids the layout layer rebuilt, page by page (a web page or Word document: table by
/// table): the first thing to look at when a value comes out wrong. The document is read by the
/// pipeline `extract` runs (`ReportExtractor.readTables`), up to the grids; only the printing is here.
struct DebugGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grids",
        abstract: "Show the table grids found on each page, or each table of a web page (for debugging the layout layer)."
    )

    @Argument(help: "A PDF, a web page (HTML), a Word document or a text file.")
    var file: String?

    @Option(name: .customLong("input-format"), help: "Read the input as this format instead of recognising it (pdf, text, markdown, html, docx).")
    var inputFormat: InputFormat?

    @Flag(help: "Print every layout tolerance (LayoutSettings) and exit.")
    var settings = false

    @Flag(help: "Also list the ruling lines.")
    var lines = false

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    /// The options of `extract` that change what is read (--ruling-lines, --ocr, --max-pages …).
    @OptionGroup var limits: LimitOptions

    func run() throws {
        if settings { return print(LayoutSettings.legend + "\n" + LayoutSettings().listing) }
        guard let file else { throw ValidationError("give a file, or --settings") }
        Diagnostics.silenceLibraryOutput()
        var options = ReportExtractor.Options()
        options.password = password
        limits.apply(to: &options)
        let reading: InputTables
        do throws(ExtractionError) {
            let path = InputPath.argument(file)
            let bytes = try WorkerCommand.read(path, limit: options.maxBytes)
            reading = try ReportExtractor(options: options).readTables(bytes: bytes, path: path.display, format: inputFormat)
        } catch {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }
        for note in reading.notes { print("== \(note)") }
        switch reading.format {
        case .pdf: printPages(reading)
        case .html, .docx: printMarkup(reading.tables, rows: reading.format == .html ? "<tr> index" : "<w:tr> index")
        case .text, .markdown:
            for grid in reading.tables.grids {
                print("-- \(grid.method.rawValue) table \(grid.rowCount)×\(grid.columnCount) at line \(Int(grid.box.y0))")
                print(grid.debugDescription)
            }
        }
    }

    /// A PDF's pages: size, glyphs and ruling lines (those of pages searched for them), then each grid.
    private func printPages(_ reading: InputTables) {
        for page in reading.pages {
            print("== page \(page.number) (\(Int(page.width))×\(Int(page.height)) pt, \(page.glyphCount) glyphs, \(page.rulingLines.count) ruling lines)")
            if lines {
                for l in page.rulingLines {
                    print("  \(l.orientation.rawValue) at \(l.position.rounded()) from \(l.start.rounded()) to \(l.end.rounded())"
                          + " width \((l.thickness * 10).rounded() / 10)")
                }
            }
            for grid in reading.tables.grids[page.grids] {
                print("-- \(grid.method.rawValue) table \(grid.rowCount)×\(grid.columnCount) at \(Int(grid.box.x0)),\(Int(grid.box.y0))")
                print(grid.debugDescription)
            }
        }
    }

    /// Grids of a marked-up document (web page, Word), one table after another: each table's
    /// number (the `page` of its values), size and cells.
    private func printMarkup(_ document: TableDocument, rows: String) {
        if let title = document.metadataTitle { print("== <title> \(title)") }
        for line in document.leadingLines.prefix(5) { print("   \(line.text.prefix(60))") }
        for grid in document.grids {
            print("-- table \(grid.page): \(grid.rowCount)×\(grid.columnCount) (box y0/20 = \(rows))")
            print(grid.debugDescription)
        }
    }
}
