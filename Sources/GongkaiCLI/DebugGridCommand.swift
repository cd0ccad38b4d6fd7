import ArgumentParser
import GongkaiKit
import PopplerKit

/// Prints the grids the layout layer rebuilt, page by page (a web page: table by table): the first
/// thing to look at when a value comes out wrong.
struct DebugGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grids",
        abstract: "Show the table grids found on each page, or each table of a web page (for debugging the layout layer)."
    )

    @Argument(help: "A PDF, a web page (HTML) or a text file.")
    var file: String?

    @Flag(help: "Print every layout tolerance (LayoutSettings) and exit.")
    var settings = false

    @Flag(help: "Also list the ruling lines.")
    var lines = false

    @Option(help: ArgumentHelp("Where table borders come from.", valueName: "automatic|vector|raster"))
    var rulingLines: RulingLineScanner.Settings.Source = .automatic

    func run() throws {
        if settings { return print(LayoutSettings.legend + "\n" + LayoutSettings().listing) }
        guard let file else { throw ValidationError("give a file, or --settings") }
        Diagnostics.silenceLibraryOutput()
        // Read and recognised once; PDFs are opened by path below.
        let bytes = try? FileBytes.read(path: file)
        let format = bytes.map { InputFormat.detect(bytes: $0, path: file) }
        if let bytes, format == .html {
            return try printMarkup(rows: "<tr> index") { () throws(HTMLError) in try HTMLTableReader().read(bytes: bytes) }
        }
        if let bytes, format == .docx {
            return try printMarkup(rows: "<w:tr> index") { () throws(WordError) in try WordDocumentReader().read(bytes: bytes) }
        }
        if let bytes, format != .pdf {
            guard let decoded = try? TextDecoding.decode(bytes) else {
                Diagnostics.error("gongkai: \(file): not UTF-8, UTF-16 or GB18030 text")
                throw ExitCode(1)
            }
            let (document, report) = TextTableReader().analyze(decoded.text)
            print("== text (\(decoded.encoding.rawValue), columns by \(report.metric.rawValue), \(document.grids.count) grids)")
            for grid in document.grids {
                print("-- \(grid.method.rawValue) table \(grid.rowCount)×\(grid.columnCount) at line \(Int(grid.box.y0))")
                print(grid.debugDescription)
            }
            return
        }
        let document: PDFDocument
        do { document = try PDFDocument(path: file) } catch {
            Diagnostics.error("gongkai: \(file): \(error)")
            throw ExitCode(1)
        }
        for index in 0..<document.pageCount {
            var settings = RulingLineScanner.Settings()
            settings.source = rulingLines
            guard let page = document.content(page: index, settings: settings) else { continue }
            print("== page \(page.number) (\(Int(page.width))×\(Int(page.height)) pt, \(page.glyphs.count) glyphs, \(page.rulingLines.count) ruling lines)")
            if lines {
                for l in page.rulingLines {
                    print("  \(l.orientation.rawValue) at \(l.position.rounded()) from \(l.start.rounded()) to \(l.end.rounded())"
                          + " width \((l.thickness * 10).rounded() / 10)")
                }
            }
            for grid in PageTables.tables(on: page, layout: LayoutSettings()).grids {
                print("-- \(grid.method.rawValue) table \(grid.rowCount)×\(grid.columnCount) at \(Int(grid.box.x0)),\(Int(grid.box.y0))")
                print(grid.debugDescription)
            }
        }
    }

    /// Grids of a marked-up document (web page, Word), one table after another: each table's
    /// number (the `page` of its values), size and cells.
    private func printMarkup<E: Error & CustomStringConvertible>(rows: String, _ read: () throws(E) -> TableDocument) throws {
        let document: TableDocument
        do { document = try read() } catch {
            Diagnostics.error("gongkai: \(file ?? "-"): \(error.description)")
            throw ExitCode(1)
        }
        if let title = document.metadataTitle { print("== <title> \(title)") }
        for line in document.leadingLines.prefix(5) { print("   \(line.text.prefix(60))") }
        for grid in document.grids {
            print("-- table \(grid.page): \(grid.rowCount)×\(grid.columnCount) (box y0/20 = \(rows))")
            print(grid.debugDescription)
        }
    }
}
