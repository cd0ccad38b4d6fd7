import ArgumentParser
import Glibc
import GongkaiKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract one report to JSON.",
        discussion: "Prints the document of spec/report-schema.md: report metadata, tables 二/三/四, the checks (勾稽关系) and warnings.\n\n" + ExitStatus.helpText
    )

    @Argument(help: "The report file: a PDF or a web page (HTML).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the result here instead of standard output (written atomically).")
    var output: String?

    @Flag(name: .customLong("pretty"), inversion: .prefixedNo, help: "Indent the JSON (default). --compact or --no-pretty prints one line.")
    var pretty = true

    @Flag(help: "Print the JSON on one line.")
    var compact = false

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @Flag(help: "Add, for every value, its page, cell box (PDF points) and raw text. Web pages: page = the table's number, box in synthetic units (y0 / 20 = the row's <tr> index).")
    var provenance = false

    @Flag(help: "Let the PDF library's own diagnostics through to standard error.")
    var verbose = false

    func run() throws {
        if !verbose { Diagnostics.silenceLibraryOutput() }
        var options = ReportExtractor.Options()
        options.password = password
        let document: ReportDocument
        do {
            document = try ReportExtractor(options: options).extract(path: file)
        } catch {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }
        let text = document.json(provenance: provenance).rendered(pretty: pretty && !compact) + "\n"
        do {
            try OutputTarget(output).write(text)
        } catch {
            Diagnostics.error("gongkai: \(output ?? "-"): cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}
